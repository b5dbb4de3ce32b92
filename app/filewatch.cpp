#include "filewatch.h"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>

namespace frontis {

FileWatch::FileWatch(QObject* parent) : QObject(parent), m_watcher(new QFileSystemWatcher(this))
{
    m_quiet.setSingleShot(true);
    m_quiet.setObjectName(QStringLiteral("file watch"));
    m_quiet.setInterval(QuietMs);
    connect(&m_quiet, &QTimer::timeout, this, &FileWatch::settle);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this] { noticed(true); });
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] { noticed(false); });
}

void FileWatch::setPath(const QString& path)
{
    const QString absolute = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    if (absolute == m_path) {
        rearm();
        return;
    }
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    m_quiet.stop();
    m_fileEvent = false;
    m_path = absolute;
    m_folder = absolute.isEmpty() ? QString() : QFileInfo(absolute).absolutePath();
    if (!m_folder.isEmpty() && QFileInfo(m_folder).isDir())
        m_watcher->addPath(m_folder);
    rearm();
}

void FileWatch::rearm()
{
    if (m_path.isEmpty())
        return;
    // inotify watches the file's inode, and a rename over the path leaves it on the old one.
    if (m_watcher->files().contains(m_path))
        m_watcher->removePath(m_path);
    m_existed = QFileInfo(m_path).isFile();
    if (m_existed)
        m_watcher->addPath(m_path);
    if (!m_folder.isEmpty() && !m_watcher->directories().contains(m_folder) &&
        QFileInfo(m_folder).isDir())
        m_watcher->addPath(m_folder);
}

bool FileWatch::isWatchingFile() const
{
    return !m_path.isEmpty() && m_watcher->files().contains(m_path);
}

void FileWatch::noticed(bool fileEvent)
{
    m_fileEvent = m_fileEvent || fileEvent;
    m_quiet.start();
}

void FileWatch::settle()
{
    if (m_path.isEmpty())
        return;
    const bool exists = QFileInfo(m_path).isFile();
    bool report = m_fileEvent || exists != m_existed;
    if (exists && (!m_fileEvent || !m_watcher->files().contains(m_path))) {
        // A change in the folder may be this file replaced by a rename, after which the watch
        // is on the old file (or was dropped with it): watch the file that is there now, and let
        // the receiver compare its content.
        rearm();
        report = true;
    }
    m_fileEvent = false;
    m_existed = exists;
    if (report)
        Q_EMIT changed(exists);
}

} // namespace frontis
