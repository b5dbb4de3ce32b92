#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>

// Helpers shared by the model tests: the real article and corpus are read in place.
namespace testutil {

inline QString sharedDir()
{
    return QStringLiteral(FRONTIS_SHARED_DIR);
}

inline QString seedPath()
{
    const QDir seed(sharedDir() + QStringLiteral("/seed"));
    const QStringList files = seed.entryList({QStringLiteral("*.md")}, QDir::Files);
    return files.isEmpty() ? QString() : seed.filePath(files.first());
}

inline QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool writeAll(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// The seed's stored answer: the content line of its `answer: >-` block, still encoded (YAML reads
// it as this line without its indentation). Empty when the seed is absent.
inline QString seedAnswer()
{
    const QString path = seedPath();
    if (path.isEmpty())
        return {};
    const QStringList lines = QString::fromUtf8(readAll(path)).split(QLatin1Char('\n'));
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        if (lines[i].startsWith(QLatin1String("answer: >-")))
            return lines[i + 1].trimmed();
    }
    return {};
}

// Lines that differ between two texts, as [first, last] 0-based line ranges of `before` that had
// to change: everything outside the returned range is identical (common prefix and suffix).
struct ChangedLines
{
    int first = -1; // -1: identical
    int lastBefore = -1;
};

inline ChangedLines changedLines(const QByteArray& before, const QByteArray& after)
{
    const QList<QByteArray> a = before.split('\n');
    const QList<QByteArray> b = after.split('\n');
    qsizetype p = 0;
    while (p < a.size() && p < b.size() && a[p] == b[p])
        ++p;
    if (p == a.size() && p == b.size())
        return {};
    qsizetype s = 0;
    while (s < a.size() - p && s < b.size() - p && a[a.size() - 1 - s] == b[b.size() - 1 - s])
        ++s;
    return {int(p), int(a.size() - 1 - s)};
}

} // namespace testutil
