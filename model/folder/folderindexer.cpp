#include "model/folder/folderindexer.h"

#include <QFutureWatcher>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

namespace frontis {

FolderIndexer::FolderIndexer(QObject* parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    m_delay.setSingleShot(true);
    m_delay.setInterval(300);
    connect(&m_delay, &QTimer::timeout, this, &FolderIndexer::refresh);
    m_progressTimer.setInterval(100);
    connect(&m_progressTimer, &QTimer::timeout, this, &FolderIndexer::reportProgress);
    m_watchTimer.setInterval(0);
    connect(&m_watchTimer, &QTimer::timeout, this, &FolderIndexer::watchSome);
    resetWatcher();
}

FolderIndexer::~FolderIndexer()
{
    if (m_cancel)
        m_cancel->store(true);
    m_pool.waitForDone();
}

void FolderIndexer::open(const QString& folder)
{
    close();
    m_index = ArticleIndex(folder);
    start(true);
}

void FolderIndexer::close()
{
    ++m_generation;
    if (m_cancel)
        m_cancel->store(true);
    m_delay.stop();
    m_pending = false;
    resetWatcher();
    const bool wasOpen = isOpen();
    m_index = ArticleIndex();
    m_fromCache = false;
    m_savedMatches = false;
    if (m_running) {
        // The cancelled run finishes on its own; its result is dropped (old generation).
        m_running = false;
        m_progressTimer.stop();
        Q_EMIT busyChanged(false);
    }
    if (wasOpen)
        Q_EMIT indexChanged();
}

void FolderIndexer::cancel()
{
    m_pending = false;
    if (m_cancel)
        m_cancel->store(true);
}

void FolderIndexer::refresh()
{
    if (!isOpen())
        return;
    if (m_running) {
        m_pending = true;
        return;
    }
    start(false);
}

void FolderIndexer::start(bool loadSaved)
{
    m_delay.stop();
    m_pending = false;
    m_running = true;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_done = std::make_shared<std::atomic<int>>(0);
    m_total = std::make_shared<std::atomic<int>>(0);
    m_shownDone = -1;
    const quint64 generation = m_generation;
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        done(generation, watcher->result());
    });
    const QString cacheFile =
        loadSaved ? ArticleIndex::cacheFile(m_index.root(), m_cacheFolder) : QString();
    watcher->setFuture(
        QtConcurrent::run(&m_pool, [this, generation, cacheFile, index = m_index, cancel = m_cancel,
                                    doneCount = m_done, total = m_total]() mutable {
            // The saved index is shown while the disk is being compared with it. (This object
            // waits for its pool before it goes, so `this` outlives the posted call.)
            if (!cacheFile.isEmpty() && index.load(cacheFile)) {
                QMetaObject::invokeMethod(
                    this, [this, generation, index] { showSaved(generation, index); },
                    Qt::QueuedConnection);
            }
            Outcome o;
            o.stats = index.update(
                [&doneCount, &total](int d, int t) {
                    total->store(t);
                    doneCount->store(d);
                },
                cancel.get());
            o.index = std::move(index);
            return o;
        }));
    m_progressTimer.start();
    Q_EMIT busyChanged(true);
}

void FolderIndexer::showSaved(quint64 generation, const ArticleIndex& saved)
{
    if (generation != m_generation || !m_running)
        return;
    m_index = saved;
    m_fromCache = true;
    m_savedMatches = true;
    Q_EMIT indexChanged();
    watch(m_index);
}

void FolderIndexer::reportProgress()
{
    const int d = m_done ? m_done->load() : 0;
    const int t = m_total ? m_total->load() : 0;
    if (d != m_shownDone && t > 0) {
        m_shownDone = d;
        Q_EMIT progress(d, t);
    }
}

void FolderIndexer::done(quint64 generation, const Outcome& outcome)
{
    if (generation != m_generation)
        return; // from a folder closed since
    m_running = false;
    m_progressTimer.stop();
    m_lastStats = outcome.stats;
    if (!outcome.stats.cancelled) {
        reportProgress();
        m_index = outcome.index;
        const bool changed = !m_savedMatches || outcome.stats.read > 0 ||
                             outcome.stats.removed > 0 || outcome.stats.schemasChanged;
        if (changed) {
            // Saved on the indexer's own thread, after this update and before the next.
            (void)QtConcurrent::run(&m_pool, [index = m_index, file = ArticleIndex::cacheFile(
                                                                   m_index.root(), m_cacheFolder)] {
                (void)index.save(file);
            });
            m_savedMatches = true;
            Q_EMIT indexChanged();
        }
        watch(m_index);
    }
    Q_EMIT busyChanged(false);
    Q_EMIT finished(outcome.stats);
    if (m_pending)
        start(false);
}

void FolderIndexer::resetWatcher()
{
    // A new watcher drops every watch at once (removing 10,000 paths one by one takes long).
    m_watchTimer.stop();
    m_toWatch.clear();
    m_watcher = std::make_unique<QFileSystemWatcher>();
    connect(m_watcher.get(), &QFileSystemWatcher::directoryChanged, this,
            [this] { m_delay.start(); });
    connect(m_watcher.get(), &QFileSystemWatcher::fileChanged, this, [this] { m_delay.start(); });
}

void FolderIndexer::watch(const ArticleIndex& index)
{
    // The folders show files added, removed and replaced (a save renames a new copy over the
    // old). Writes into an existing file are only seen on the file itself; each watch costs a
    // little kernel memory from a per-user budget, so very large folders rely on refresh().
    const QStringList& folders = index.folders();
    QStringList files;
    if (index.articles().size() <= MaxWatchedFiles) {
        files.reserve(index.articles().size());
        for (const ArticleSummary& s : index.articles())
            files << s.path;
    }
    const QStringList current = m_watcher->directories() + m_watcher->files();
    QSet<QString> wanted(folders.cbegin(), folders.cend());
    for (const QString& f : std::as_const(files))
        wanted.insert(f);
    const QSet<QString> have(current.cbegin(), current.cend());
    QStringList gone;
    for (const QString& f : current) {
        if (!wanted.contains(f))
            gone << f;
    }
    if (!gone.isEmpty())
        m_watcher->removePaths(gone);
    QStringList addedFolders;
    for (const QString& f : folders) {
        if (!have.contains(f))
            addedFolders << f;
    }
    if (!addedFolders.isEmpty())
        (void)m_watcher->addPaths(addedFolders); // folders that vanished meanwhile are left out
    // Files are many: they are added a batch at a time, between the events of the thread, so
    // that a big folder's list shows and answers at once.
    m_toWatch.clear();
    for (const QString& f : std::as_const(files)) {
        if (!have.contains(f))
            m_toWatch << f;
    }
    if (!m_toWatch.isEmpty())
        m_watchTimer.start();
}

void FolderIndexer::watchSome()
{
    constexpr qsizetype Batch = 250;
    const qsizetype n = std::min(Batch, m_toWatch.size());
    (void)m_watcher->addPaths(m_toWatch.first(n)); // files gone meanwhile are left out
    m_toWatch.remove(0, n);
    if (m_toWatch.isEmpty())
        m_watchTimer.stop();
}

} // namespace frontis
