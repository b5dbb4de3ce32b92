#pragma once
// The benchmarks' memory figures: this process's resident set, from /proc/self/status (Linux).

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

namespace frontis::testing {

// A "kB" field of /proc/self/status (VmRSS, VmHWM) in MB; -1 where there is none.
inline double processStatusMb(const QByteArray& field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = field + ':';
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

inline double rssMb()
{
    return processStatusMb("VmRSS");
}

// The peak resident set so far.
inline double peakRssMb()
{
    return processStatusMb("VmHWM");
}

} // namespace frontis::testing
