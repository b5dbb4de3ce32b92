#pragma once

#include "model/folder/articleindex.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <memory>

namespace frontis {

// Keeps the ArticleIndex of one content folder up to date without blocking the thread it lives
// on: open() shows the index saved last time at once and brings it in line with the disk in the
// background; afterwards changes on disk (files added, removed, renamed, replaced or, in folders
// of up to MaxWatchedFiles articles, written in place) start a new update after a short pause.
// Only files whose size or time changed are read again. The index is saved after each update.
class FolderIndexer : public QObject
{
    Q_OBJECT

public:
    // Articles watched one by one (for writes in place) up to this many; beyond, folders only.
    static constexpr qsizetype MaxWatchedFiles = 20000;

    explicit FolderIndexer(QObject* parent = nullptr);
    ~FolderIndexer() override;

    // Where saved indexes go (tests); default: ArticleIndex::cacheFile's location.
    void setCacheFolder(const QString& folder) { m_cacheFolder = folder; }
    // The pause after a change on disk before the update starts.
    void setDelay(int ms) { m_delay.setInterval(ms); }

    void open(const QString& folder);
    void close();
    bool isOpen() const { return !m_index.root().isEmpty(); }
    QString root() const { return m_index.root(); }
    const ArticleIndex& index() const { return m_index; }
    // The saved index was found and shown before the update (the last open()).
    bool loadedFromCache() const { return m_fromCache; }

    bool isBusy() const { return m_running; }
    // Stops the running update; the index stays as it was until the next change or refresh().
    void cancel();
    // Looks at the disk again now (or right after the running update).
    void refresh();
    const ArticleIndex::Stats& lastStats() const { return m_lastStats; }

Q_SIGNALS:
    // The index was replaced (after open() found a saved one, and after each update).
    void indexChanged();
    void busyChanged(bool busy);
    // Files read so far in the running update, at most a few times a second.
    void progress(int done, int total);
    // An update ended (also when cancelled: stats.cancelled).
    void finished(const ArticleIndex::Stats& stats);

private:
    struct Outcome
    {
        ArticleIndex index;
        ArticleIndex::Stats stats;
    };
    void start(bool loadSaved);
    void showSaved(quint64 generation, const ArticleIndex& saved);
    void done(quint64 generation, const Outcome& outcome);
    void watch(const ArticleIndex& index);
    void watchSome();
    void resetWatcher();
    void reportProgress();

    ArticleIndex m_index;
    ArticleIndex::Stats m_lastStats;
    QString m_cacheFolder;
    QThreadPool m_pool; // one thread: updates and saves run one after the other
    std::unique_ptr<QFileSystemWatcher> m_watcher;
    QTimer m_watchTimer;
    QStringList m_toWatch; // files still to watch, a batch per turn of the event loop
    QTimer m_delay;
    QTimer m_progressTimer;
    quint64 m_generation = 0; // results of runs started before the last open() are dropped
    bool m_running = false;
    bool m_pending = false;
    bool m_fromCache = false;
    bool m_savedMatches = false; // the saved index is the one shown (nothing to save)
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<std::atomic<int>> m_done;
    std::shared_ptr<std::atomic<int>> m_total;
    int m_shownDone = -1;
};

} // namespace frontis
