#include "model/file/atomicwrite.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace frontis {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("AtomicWrite", text);
}

// The file a write to `path` really changes: QSaveFile follows symbolic links the same way.
QString resolveLinks(const QString& path)
{
    QFileInfo info(path);
    for (int depth = 0; depth < 40 && info.isSymLink(); ++depth)
        info.setFile(info.symLinkTarget());
    return info.absoluteFilePath();
}

// What a failed system call means for the writer, from its errno.
Error failure(const QString& path, int err, const QString& fallback)
{
    switch (err) {
    case ENOSPC:
        return Error{
            tr("cannot save '%1': the disk is full (no space left on the device that holds "
               "it). The file on disk is unchanged; free some space and save again, or use "
               "Save As to save it on another disk.")
                .arg(path)};
    case EDQUOT:
        return Error{tr("cannot save '%1': your disk quota is used up. The file on disk is "
                        "unchanged; free some space and save again, or use Save As to save it "
                        "elsewhere.")
                         .arg(path)};
    case EROFS:
        return Error{tr("cannot save '%1': it is on a read-only file system. The file on disk is "
                        "unchanged; use Save As to save it elsewhere.")
                         .arg(path)};
    case EIO:
        return Error{tr("cannot save '%1': the device reported an input/output error. The file on "
                        "disk is unchanged; check the disk, or use Save As to save it elsewhere.")
                         .arg(path)};
    default:
        break;
    }
    const QString why = fallback.isEmpty() ? qt_error_string(err) : fallback;
    return Error{tr("cannot save '%1': %2. The file on disk is unchanged.").arg(path, why)};
}

// Checks that can refuse before anything is created, with a message that names the cause and
// says what to do: for a save, Save As; for a change to many files, which then writes none,
// making the file writable or leaving it out.
Status precheck(const QString& path, const QString& target, bool& exists, struct stat& st,
                WriteAdvice advice = WriteAdvice::SaveAs)
{
    const bool many = advice == WriteAdvice::ChangeOfMany;
    exists = ::stat(QFile::encodeName(target).constData(), &st) == 0;
    if (exists) {
        if (S_ISDIR(st.st_mode))
            return Error{tr("cannot save '%1': it is a folder").arg(path)};
        if (!S_ISREG(st.st_mode))
            return Error{tr("cannot save '%1': it is not a regular file").arg(path)};
        // Root could write anyway; a file nobody may write was made read-only on purpose.
        if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0) {
            if (many)
                return Error{tr("cannot change '%1': the file is read-only (nobody has permission "
                                "to write it). No file was changed; make it writable, or leave "
                                "it out of the change, and run the change again.")
                                 .arg(path)};
            return Error{tr("cannot save '%1': the file is read-only (nobody has permission to "
                            "write it). The file on disk is unchanged; use Save As to save a copy, "
                            "or make the file writable and save again.")
                             .arg(path)};
        }
        if (::access(QFile::encodeName(target).constData(), W_OK) != 0 && errno == EACCES) {
            if (many)
                return Error{tr("cannot change '%1': you do not have permission to change it. No "
                                "file was changed; get permission to write it, or leave it out "
                                "of the change, and run the change again.")
                                 .arg(path)};
            return Error{tr("cannot save '%1': you do not have permission to change it. The file "
                            "on disk is unchanged; use Save As to save a copy.")
                             .arg(path)};
        }
    } else if (errno != ENOENT) {
        return failure(path, errno, {});
    }
    const QString folder = QFileInfo(target).absolutePath();
    if (!QFileInfo(folder).isDir()) {
        if (many)
            return Error{tr("cannot change '%1': its folder '%2' does not exist (it may have been "
                            "moved, renamed or unmounted). No file was changed.")
                             .arg(path, QDir::toNativeSeparators(folder))};
        return Error{tr("cannot save '%1': its folder '%2' does not exist (it may have been moved, "
                        "renamed or unmounted). Nothing was written; use Save As to choose another "
                        "folder.")
                         .arg(path, QDir::toNativeSeparators(folder))};
    }
    // The new copy is created beside the file, so the folder must accept new files.
    if (::access(QFile::encodeName(folder).constData(), W_OK | X_OK) != 0 && errno == EACCES) {
        if (many)
            return Error{tr("cannot change '%1': the folder '%2' does not let you create files, "
                            "which a safe change needs (each new version is written beside its "
                            "file, then swapped in). No file was changed; make the folder "
                            "writable, or leave its articles out, and run the change again.")
                             .arg(path, QDir::toNativeSeparators(folder))};
        return Error{tr("cannot save '%1': the folder '%2' does not let you create files, which a "
                        "safe save needs (the new version is written beside the file, then swapped "
                        "in). The file on disk is unchanged; use Save As to choose another folder.")
                         .arg(path, QDir::toNativeSeparators(folder))};
    }
    return {};
}

// Makes the new copy look like the old file before it takes its place. Changing the owner needs
// root (or the same owner); otherwise the group is kept where the writer belongs to it.
void copyOwnership(int fd, const struct stat& old, int newFileMode, bool exists)
{
    if (!exists) {
        if (newFileMode >= 0)
            (void)::fchmod(fd, mode_t(newFileMode));
        return;
    }
    struct stat now = {};
    if (::fstat(fd, &now) == 0 && (now.st_uid != old.st_uid || now.st_gid != old.st_gid)) {
        if (::fchown(fd, old.st_uid, old.st_gid) != 0)
            (void)::fchown(fd, uid_t(-1), old.st_gid);
    }
    // After fchown, and exactly: Qt's own permission copy adds the saver's rights for root.
    (void)::fchmod(fd, old.st_mode & 07777);
}

// Makes the rename itself durable; failing here changes nothing already written.
void syncFolder(const QString& folder)
{
    const int fd =
        ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return;
    (void)::fsync(fd);
    ::close(fd);
}

} // namespace

Status checkWritable(const QString& path, WriteAdvice advice)
{
    bool exists = false;
    struct stat st = {};
    return precheck(path, resolveLinks(path), exists, st, advice);
}

Status writeAtomically(const QString& path, const QByteArray& bytes,
                       const AtomicWriteOptions& options)
{
    const QString target = resolveLinks(path);
    bool exists = false;
    struct stat old = {};
    if (Status s = precheck(path, target, exists, old))
        return s;

    QSaveFile f(path);
    f.setDirectWriteFallback(false); // never write into the file itself
    // Unbuffered: with a buffer, Qt 6.4 flushes inside commit() and ignores a failed flush, so a
    // full disk would give an empty file and a successful commit (QTBUG-75077). This way every
    // failed write is seen here, with its errno.
    errno = 0;
    if (!f.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        const int err = errno;
        return failure(path, err, f.errorString());
    }
    const int fd = f.handle();
    copyOwnership(fd, old, options.newFileMode, exists);

    auto cancel = [&](const Error& e) {
        f.cancelWriting();
        return Status(e);
    };
    errno = 0;
    if (f.write(bytes) != bytes.size()) {
        const int err = errno;
        return cancel(failure(path, err, f.errorString()));
    }
    // Data on disk before the rename: a crash after it must not leave an empty file.
    if (::fsync(fd) != 0) {
        const int err = errno;
        return cancel(failure(path, err, {}));
    }
    struct stat written = {};
    if (::fstat(fd, &written) != 0 || written.st_size != bytes.size()) {
        return cancel(Error{tr("cannot save '%1': the new copy came out incomplete. The file on "
                               "disk is unchanged.")
                                .arg(path)});
    }
    if (options.beforeCommit) {
        if (Status s = options.beforeCommit())
            return cancel(*s);
    }
    errno = 0;
    if (!f.commit()) {
        const int err = errno;
        return failure(path, err, f.errorString());
    }
    syncFolder(QFileInfo(target).absolutePath());
    return {};
}

} // namespace frontis
