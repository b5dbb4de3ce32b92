#pragma once

#include <QtGlobal>

#include <sys/resource.h>
#include <time.h>

// CPU time for "each hostile file under one second" (issue 10): processor time, not wall time,
// so that a test sharing the machine with a parallel build does not fail for waiting its turn.
// Shared by tests/model/tst_hostile.cpp, tests/app/tst_hostilecli.cpp and
// tests/editor/tst_hostilepreview.cpp.
namespace cpubudget {

// The budget for one hostile file: one second of CPU in an optimised build. A Debug build runs
// several times slower and AddressSanitizer about twice that again, so those get more; the
// promise is about the product, which is built optimised.
inline qint64 budgetMs()
{
    qint64 ms = 1000;
#if !defined(__OPTIMIZE__)
    ms *= 4;
#endif
#if defined(__SANITIZE_ADDRESS__)
    ms *= 3;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    ms *= 3;
#endif
#endif
    return ms;
}

inline qint64 toMs(const timeval& t)
{
    return qint64(t.tv_sec) * 1000 + t.tv_usec / 1000;
}

// User and system CPU time of this process, all threads, in milliseconds.
inline qint64 processMs()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000 + t.tv_nsec / 1000000;
}

// User and system CPU time of the child processes waited for so far, in milliseconds.
inline qint64 childrenMs()
{
    rusage r{};
    getrusage(RUSAGE_CHILDREN, &r);
    return toMs(r.ru_utime) + toMs(r.ru_stime);
}

} // namespace cpubudget
