#pragma once

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
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

// Copies a file the way a writer's own checkout holds it: writable by its owner. The shared corpus
// is mounted read-only, and QFile::copy keeps the source's permissions, so a plain copy would be a
// read-only article that every save and site change rightly refuses.
inline bool copyWritable(const QString& from, const QString& to)
{
    return QFile::copy(from, to) &&
           QFile::setPermissions(to, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                         QFileDevice::ReadGroup | QFileDevice::ReadOther);
}

// The seed and every article of ../shared/corpus/real (read in place, sorted), or only the seed
// and every Nth real file when FRONTIS_CORPUS_STRIDE=N (the sanitizer leg of CI, where the whole
// corpus takes minutes): the same files on every run. Empty when neither is there.
inline QStringList corpusFiles()
{
    QStringList files;
    if (const QString seed = testutil::seedPath(); !seed.isEmpty())
        files << seed;
    QDirIterator it(testutil::sharedDir() + QStringLiteral("/corpus/real"),
                    {QStringLiteral("*.md")}, QDir::Files | QDir::Hidden,
                    QDirIterator::Subdirectories);
    QStringList real;
    while (it.hasNext()) {
        const QString path = it.next();
        if (QFileInfo(path).dir().dirName() != QLatin1String("real")) // not SOURCES.md, STATS.md
            real << path;
    }
    real.sort();
    const int stride = qMax(1, qEnvironmentVariableIntValue("FRONTIS_CORPUS_STRIDE"));
    for (qsizetype i = 0; i < real.size(); i += stride)
        files << real.at(i);
    return files;
}

inline QByteArray toCrlf(QByteArray b)
{
    b.replace("\r\n", "\n");
    return b.replace("\n", "\r\n");
}

inline QByteArray withBom(const QByteArray& b)
{
    return b.startsWith("\xEF\xBB\xBF") ? b : "\xEF\xBB\xBF" + b;
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
