#pragma once

#include "model/file/error.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace frontis {

// What readRegularFile() read: the file's bytes (all of them, or its first bytes when it was
// larger than allowed) with its size and modification time at the moment it was read.
struct FileContents
{
    QByteArray bytes;
    qint64 size = 0;    // the file's size on disk
    QDateTime modified; // UTC
    bool complete() const { return bytes.size() == size; }
};

// Reads a regular file whole, or refuses it without waiting: a folder, a FIFO, a socket or a
// device is never read (it is looked at before it is opened, and opened without blocking, so a
// FIFO put there meanwhile cannot hang the caller either), and a file larger than `maxBytes` is
// not read at all: an error, or with `headBytes` > 0 its first `headBytes` bytes, with
// complete() false. Errors name `path` and have no position. Resource paths (":/...") are read
// through QFile.
Result<FileContents> readRegularFile(const QString& path, qint64 maxBytes, qint64 headBytes = 0);

} // namespace frontis
