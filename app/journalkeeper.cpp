#include "journalkeeper.h"

#include <QApplication>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QLockFile>
#include <QWidget>

#include <chrono>

namespace frontis {

JournalKeeper::JournalKeeper(QWidget* window, Source source)
    : QObject(window), m_window(window), m_source(std::move(source))
{
    m_quiet.setSingleShot(true);
    m_quiet.setObjectName(QStringLiteral("journal (idle)"));
    m_quiet.setInterval(QuietMs);
    m_max.setSingleShot(true);
    m_max.setObjectName(QStringLiteral("journal (longest wait)"));
    m_max.setInterval(MaxDelayMs);
    connect(&m_quiet, &QTimer::timeout, this, &JournalKeeper::flush);
    connect(&m_max, &QTimer::timeout, this, &JournalKeeper::flush);

    // Focus leaving the window, the window deactivated, or the whole application in the
    // background: the moments before a crash nobody sees coming are often these.
    window->installEventFilter(this);
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget* old, QWidget* now) {
        if (!m_pending || !m_window || !old)
            return;
        const bool leftWindow = old->window() == m_window && (!now || now->window() != m_window);
        if (leftWindow)
            flush();
    });
    connect(qApp, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState s) {
        if (s != Qt::ApplicationActive)
            flush();
    });
}

JournalKeeper::~JournalKeeper() = default;

QString JournalKeeper::lockFileFor(const QString& path)
{
    QString file = RecoveryJournal().fileFor(path);
    file.replace(file.lastIndexOf(QLatin1Char('.')), file.size(), QStringLiteral(".lock"));
    return file;
}

bool JournalKeeper::isOpenElsewhere(const QString& path)
{
    QLockFile lock(lockFileFor(path));
    lock.setStaleLockTime(std::chrono::milliseconds::zero()); // stale only when its holder died
    if (lock.tryLock(0)) {
        lock.unlock();
        return false;
    }
    return lock.error() == QLockFile::LockFailedError;
}

bool JournalKeeper::claim(const QString& path)
{
    if (m_lock && m_lockPath == path)
        return !m_openElsewhere;
    m_lock.reset();
    m_lockPath = path;
    m_openElsewhere = false;
    if (path.isEmpty())
        return true;
    const QString dir = m_journal.directory();
    if (QDir().mkpath(dir)) {
        QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                       QFileDevice::ExeOwner);
    }
    m_lock = std::make_unique<QLockFile>(lockFileFor(path));
    m_lock->setStaleLockTime(std::chrono::milliseconds::zero());
    // Another error (a folder that cannot be written) is left to the journal's own report.
    if (!m_lock->tryLock(0) && m_lock->error() == QLockFile::LockFailedError)
        m_openElsewhere = true;
    return !m_openElsewhere;
}

bool JournalKeeper::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_window &&
        (event->type() == QEvent::WindowDeactivate || event->type() == QEvent::Hide))
        flush();
    return QObject::eventFilter(watched, event);
}

void JournalKeeper::setArticle(const QString& path)
{
    if (path == m_path)
        return;
    if (!m_writtenPath.isEmpty() && m_writtenPath != path)
        discard();
    m_path = path;
    if (!claim(path)) {
        Q_EMIT problem(tr("'%1' is open in another Frontis, which keeps its unsaved changes; "
                          "changes made here are not kept for recovery")
                           .arg(QDir::toNativeSeparators(path)));
    }
}

void JournalKeeper::changed()
{
    if (m_path.isEmpty() || m_openElsewhere)
        return;
    if (!m_source().modified) {
        discard();
        return;
    }
    m_pending = true;
    m_quiet.start();
    if (!m_max.isActive())
        m_max.start();
}

void JournalKeeper::flush()
{
    m_quiet.stop();
    m_max.stop();
    if (!m_pending || m_path.isEmpty() || m_openElsewhere)
        return;
    m_pending = false;
    const Snapshot now = m_source();
    if (!now.modified) {
        discard();
        return;
    }
    const QByteArray hash = FileStamp::hash(now.bytes);
    if (m_writtenPath == m_path && m_writtenHash == hash)
        return; // the entry holds these bytes already
    if (const Status status = m_journal.write(m_path, now.basedOn, now.bytes)) {
        // Tried again later (the disk may have room by then); the writer is told each time.
        m_pending = true;
        m_max.start();
        Q_EMIT problem(status->message);
        return;
    }
    m_writtenPath = m_path;
    m_writtenHash = hash;
}

void JournalKeeper::discard()
{
    m_quiet.stop();
    m_max.stop();
    m_pending = false;
    for (const QString& path : {m_writtenPath, m_path}) {
        if (path.isEmpty() || (path == m_path && m_openElsewhere))
            continue;
        if (const Status status = m_journal.discard(path))
            Q_EMIT problem(status->message);
    }
    m_writtenPath.clear();
    m_writtenHash.clear();
}

} // namespace frontis
