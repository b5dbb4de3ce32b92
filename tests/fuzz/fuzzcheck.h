#pragma once

#include <cstdio>
#include <cstdlib>

// An oracle failure in a fuzz target: say what and where, then abort so that libFuzzer keeps the
// input as a crash file.
#define FUZZ_CHECK(condition)                                                                      \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition);     \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)
