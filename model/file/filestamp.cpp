#include "model/file/filestamp.h"

#include "model/file/articlefile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace frontis {

QByteArray FileStamp::hash(const QByteArray& bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

FileStamp FileStamp::of(const QByteArray& bytes, const QDateTime& modified)
{
    return {bytes.size(), modified.toUTC(), hash(bytes)};
}

Result<FileStamp> FileStamp::read(const QString& path)
{
    // Never blocks on a FIFO put in the file's place, nor reads a file no article can be.
    const Result<FileContents> read = ArticleFile::read(path);
    if (!read)
        return read.error();
    // The time of the open file, so that a rename in between cannot mix two files' data.
    return of(read->bytes, read->modified);
}

} // namespace frontis
