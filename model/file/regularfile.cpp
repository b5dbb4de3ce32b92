#include "model/file/regularfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QTimeZone>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace frontis {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("RegularFile", text);
}

// "12.5 MiB": sizes in refusals are for people.
QString mebibytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', bytes % (1024 * 1024) ? 1 : 0);
}

// Why a file of this type is not read, or an empty string for a regular file.
QString notRegular(const QString& path, mode_t mode)
{
    if (S_ISREG(mode))
        return {};
    if (S_ISDIR(mode))
        return tr("'%1' is a folder, not a file").arg(path);
    if (S_ISFIFO(mode))
        return tr("'%1' is not a regular file (it is a named pipe)").arg(path);
    if (S_ISSOCK(mode))
        return tr("'%1' is not a regular file (it is a socket)").arg(path);
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return tr("'%1' is not a regular file (it is a device)").arg(path);
    return tr("'%1' is not a regular file").arg(path);
}

Error cannotRead(const QString& path, int err)
{
    return Error{tr("cannot read the file '%1': %2").arg(path, qt_error_string(err))};
}

Error tooLarge(const QString& path, qint64 size, qint64 maxBytes)
{
    return Error{tr("'%1' is %2 MiB, larger than the %3 MiB Frontis reads; it was not read")
                     .arg(path, mebibytes(size), mebibytes(maxBytes))};
}

Result<FileContents> readResource(const QString& path, qint64 maxBytes)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{tr("cannot read the file '%1': %2").arg(path, f.errorString())};
    if (f.size() > maxBytes)
        return tooLarge(path, f.size(), maxBytes);
    FileContents c;
    c.bytes = f.readAll();
    c.size = c.bytes.size();
    return c;
}

// Closes the descriptor however the read ends.
class Descriptor
{
public:
    explicit Descriptor(int fd) : m_fd(fd) {}
    ~Descriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

// Reads from `fd` until its end or `limit` bytes, into a buffer first sized `expected`; 0 or
// the errno of the failed read.
int readUpTo(int fd, qint64 limit, qint64 expected, QByteArray* out)
{
    QByteArray bytes(qMin(expected, limit), Qt::Uninitialized);
    qint64 got = 0;
    while (got < limit) {
        if (got == bytes.size())
            bytes.resize(qMin(qMax<qint64>(bytes.size() * 2, 4096), limit));
        const ssize_t n = ::read(fd, bytes.data() + got, size_t(bytes.size() - got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errno;
        if (n == 0)
            break;
        got += n;
    }
    bytes.truncate(got);
    *out = std::move(bytes);
    return 0;
}

} // namespace

Result<FileContents> readRegularFile(const QString& path, qint64 maxBytes, qint64 headBytes)
{
    if (path.startsWith(QLatin1Char(':')))
        return readResource(path, maxBytes);
    const QByteArray native = QFile::encodeName(path);
    struct stat st;
    if (::stat(native.constData(), &st) != 0) {
        if (errno == ENOENT)
            return Error{tr("'%1' does not exist").arg(path)};
        return cannotRead(path, errno);
    }
    if (const QString why = notRegular(path, st.st_mode); !why.isEmpty())
        return Error{why};

    // O_NONBLOCK: if a FIFO took the file's place since stat(), open() returns at once instead
    // of waiting for a writer; fstat() below then refuses it. Regular files ignore the flag.
    const Descriptor fd(::open(native.constData(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
    if (fd.get() < 0)
        return cannotRead(path, errno);
    if (::fstat(fd.get(), &st) != 0)
        return cannotRead(path, errno);
    if (const QString why = notRegular(path, st.st_mode); !why.isEmpty())
        return Error{why};

    FileContents c;
    c.size = st.st_size;
    c.modified = QDateTime::fromMSecsSinceEpoch(
        qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000, QTimeZone::utc());
    if (c.size > maxBytes) {
        if (headBytes <= 0)
            return tooLarge(path, c.size, maxBytes);
        const qint64 want = qMin(headBytes, c.size);
        if (const int err = readUpTo(fd.get(), want, want, &c.bytes))
            return cannotRead(path, err);
        return c;
    }
    // Up to one byte more than allowed: a file that grew past the limit since fstat() is
    // refused too, and one that grew within it is read to its new end.
    if (const int err = readUpTo(fd.get(), maxBytes + 1, c.size + 1, &c.bytes))
        return cannotRead(path, err);
    if (c.bytes.size() > maxBytes)
        return tooLarge(path, c.bytes.size(), maxBytes);
    c.size = c.bytes.size();
    return c;
}

} // namespace frontis
