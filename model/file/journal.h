#pragma once

#include "model/file/error.h"
#include "model/file/filestamp.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace frontis {

// Unsaved edits kept outside the article, so that a crash or a kill loses no work: one file per
// article in <AppDataLocation>/journal/ (private to the user), named by a hash of the article's
// canonical path, written atomically and never to the article itself. A journal file that is
// damaged, from a newer Frontis, or not where its article's name says is reported, never trusted.
class RecoveryJournal
{
public:
    struct Entry
    {
        QString articlePath;    // canonical path of the article when the entry was written
        FileStamp basedOn;      // what the article held when the edits began (null: never saved)
        QDateTime written;      // UTC
        QString frontisVersion; // of the Frontis that wrote the entry
        QByteArray bytes;       // the whole unsaved article
        QString file;           // the journal file holding this entry
    };

    // The default folder: QStandardPaths::AppDataLocation + "/journal" (set the application's
    // name first; Qt Test's test mode moves it under ~/.qttest).
    RecoveryJournal();
    explicit RecoveryJournal(const QString& directory);
    static QString defaultDirectory();

    const QString& directory() const { return m_dir; }
    // The journal file for an article, whether or not it exists.
    QString fileFor(const QString& articlePath) const;

    // Stores the article's unsaved bytes, replacing any earlier entry for it.
    Status write(const QString& articlePath, const FileStamp& basedOn, const QByteArray& bytes);
    // The intact entry for an article, if any. A file that cannot be trusted is left out and,
    // when `problems` is given, described there.
    std::optional<Entry> find(const QString& articlePath, QList<Error>* problems = nullptr) const;
    // Every intact entry, newest first (what starting Frontis offers to restore).
    QList<Entry> all(QList<Error>* problems = nullptr) const;
    // Removes an article's entry (after a clean save or when the writer discards the edits).
    // No entry is not an error.
    Status discard(const QString& articlePath);

    // Reads one journal file, refusing anything that is not a complete entry Frontis wrote.
    static Result<Entry> readFile(const QString& file);

private:
    static QString key(const QString& articlePath);
    QString fileForKey(const QString& key) const;
    std::optional<Entry> trusted(const QString& file, QList<Error>* problems) const;

    QString m_dir;
};

} // namespace frontis
