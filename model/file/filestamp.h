#pragma once

#include "model/file/error.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace frontis {

// What a file held when Frontis last read or wrote it: enough to tell later whether someone else
// has changed it since. The content hash decides; size and time are kept for people and journals.
struct FileStamp
{
    qint64 size = -1;
    QDateTime modified; // UTC; invalid when unknown
    QByteArray sha256;  // lower-case hex of the bytes; empty for "no stamp"

    bool isNull() const { return sha256.isEmpty(); }
    // Same bytes (the time alone does not make a file different).
    bool sameContent(const FileStamp& other) const
    {
        return !isNull() && size == other.size && sha256 == other.sha256;
    }

    static QByteArray hash(const QByteArray& bytes);
    static FileStamp of(const QByteArray& bytes, const QDateTime& modified = {});
    // Reads the file and stamps what it holds now.
    static Result<FileStamp> read(const QString& path);
};

} // namespace frontis
