#include "filestamp.h"

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
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return Error{QCoreApplication::translate("FileStamp", "cannot read '%1': %2")
                         .arg(path, f.errorString())};
    }
    const QByteArray bytes = f.readAll();
    if (f.error() != QFileDevice::NoError) {
        return Error{QCoreApplication::translate("FileStamp", "cannot read '%1': %2")
                         .arg(path, f.errorString())};
    }
    // The time of the open file, so that a rename in between cannot mix two files' data.
    return of(bytes, f.fileTime(QFileDevice::FileModificationTime));
}

} // namespace frontis
