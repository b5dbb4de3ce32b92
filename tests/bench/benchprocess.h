#pragma once

// What the benchmarks that run the real `frontis` executable share: finding it, the CPU time of
// the processes they waited for, and medians.
#include <QCoreApplication>
#include <QFileInfo>
#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <sys/resource.h>

namespace frontis::bench {

// CPU time (user and system) of the children this process has waited for (QProcess reaps them).
inline double childrenCpuMs()
{
    rusage u{};
    getrusage(RUSAGE_CHILDREN, &u);
    auto ms = [](const timeval& t) {
        return double(t.tv_sec) * 1000.0 + double(t.tv_usec) / 1000.0;
    };
    return ms(u.ru_utime) + ms(u.ru_stime);
}

inline double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 == 1 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2.0;
}

// `given`, else $FRONTIS_EXECUTABLE, else `frontis` beside this program or in ../app (the build
// tree's layout); empty when none is an executable file.
inline QString findExecutable(const QString& given)
{
    QStringList candidates{given, qEnvironmentVariable("FRONTIS_EXECUTABLE")};
    const QString here = QCoreApplication::applicationDirPath();
    candidates << here + QStringLiteral("/frontis") << here + QStringLiteral("/../app/frontis");
    for (const QString& c : std::as_const(candidates)) {
        if (!c.isEmpty() && QFileInfo(c).isExecutable() && QFileInfo(c).isFile())
            return QFileInfo(c).absoluteFilePath();
    }
    return {};
}

} // namespace frontis::bench
