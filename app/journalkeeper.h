#pragma once

#include "model/file/filestamp.h"
#include "model/file/journal.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>

class QLockFile;

class QWidget;

namespace frontis {

// Keeps one window's unsaved changes in the recovery journal, so that a crash or a kill loses
// at most the last few seconds of typing: the entry is written a moment after the writer pauses,
// at the latest every MaxDelayMs while they keep typing, and at once when the window loses the
// focus or the application goes to the background. Never writes to the article itself. A change
// that leaves nothing unsaved (Undo back to the file, Revert) removes the entry. While it keeps an
// article it holds a lock beside the entry, so that another running Frontis neither offers nor
// overwrites work that is still open here; a killed process's lock counts for nothing.
class JournalKeeper : public QObject
{
    Q_OBJECT

public:
    // What the window holds now.
    struct Snapshot
    {
        bool modified = false; // anything not on disk?
        QByteArray bytes;      // the whole article as saving would write it
        FileStamp basedOn;     // the file the edits started from
    };
    using Source = std::function<Snapshot()>;

    JournalKeeper(QWidget* window, Source source);
    ~JournalKeeper() override;

    // Takes the article's lock; false when another running Frontis holds it (that one keeps the
    // article's unsaved changes, and this keeper writes and removes nothing for it).
    bool claim(const QString& path);
    // True when a running Frontis other than this keeper has the article open.
    static bool isOpenElsewhere(const QString& path);

    // The article whose changes are kept; empty: none (nothing is written). An entry this keeper
    // wrote for another article is removed, since its changes now belong to this one.
    void setArticle(const QString& path);
    const QString& article() const { return m_path; }

    // The content changed: written after a pause, or the entry removed when nothing is unsaved.
    void changed();
    // Writes a waiting change now.
    void flush();
    // The changes were saved or discarded: removes the entry.
    void discard();
    // A change is waiting to be written.
    bool isPending() const { return m_pending; }

    // The folder the entries go to (RecoveryJournal's default).
    RecoveryJournal& journal() { return m_journal; }

    static QString lockFileFor(const QString& path);

    static constexpr int QuietMs = 3000;
    static constexpr int MaxDelayMs = 10000;

Q_SIGNALS:
    // The journal could not be written (a full disk...): the writer should know.
    void problem(const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QPointer<QWidget> m_window;
    Source m_source;
    RecoveryJournal m_journal;
    QString m_path;
    std::unique_ptr<QLockFile> m_lock; // held for m_path
    QString m_lockPath;                // the article m_lock was taken for
    bool m_openElsewhere = false;      // another Frontis holds m_path
    QString m_writtenPath;             // the article whose entry this keeper last wrote
    QByteArray m_writtenHash;          // of the bytes it wrote there
    bool m_pending = false;
    QTimer m_quiet; // restarted by every change
    QTimer m_max;   // not restarted: steady typing is still written
};

} // namespace frontis
