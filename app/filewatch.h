#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

class QFileSystemWatcher;

namespace frontis {

// Watches one open file for what other programs do to it: new content, removal or rename, and
// its return. Programs often write a file in steps (truncate and write, or write a copy and rename
// it), so changed() comes once the file has been quiet for a moment. A save that renames a new copy
// over the file, as every save by Frontis does, ends the watch on the old file: call rearm() after
// it. The folder is watched too, which re-arms the watch when the file is replaced or comes back.
class FileWatch : public QObject
{
    Q_OBJECT

public:
    explicit FileWatch(QObject* parent = nullptr);

    // Watches `path` from now on (empty: nothing).
    void setPath(const QString& path);
    const QString& path() const { return m_path; }
    // Watches the file again as it is now (after a save replaced it).
    void rearm();
    // True while the file itself is watched (false while it is missing).
    bool isWatchingFile() const;

    // How long the file must be quiet before changed() reports it.
    static constexpr int QuietMs = 300;

Q_SIGNALS:
    // The file may have changed: it exists with new (or the same) content, or, with `exists`
    // false, it was deleted or renamed away. The receiver compares the content itself.
    void changed(bool exists);

private:
    void noticed(bool fileEvent);
    void settle();

    QFileSystemWatcher* m_watcher = nullptr;
    QString m_path;
    QString m_folder;
    QTimer m_quiet;
    bool m_fileEvent = false;
    bool m_existed = false;
};

} // namespace frontis
