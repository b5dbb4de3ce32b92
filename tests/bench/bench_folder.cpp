// Measures a content folder at scale. Not a test (ctest does not run it); run it by hand:
//
//   QT_QPA_PLATFORM=offscreen tests/bench_folder [ARTICLES] [WORK_FOLDER] [--grab FILE.png]
//
// Generates ARTICLES (default 10000) synthetic QuickTakes articles in WORK_FOLDER/site (kept
// there between runs; a temporary folder without WORK_FOLDER), then reports: the first index,
// the saved index's size, a re-open with nothing changed, the same through the window's
// background indexer, the filter's time per keystroke in the window's article list, and the
// process's peak resident memory. CPU times (all threads) are shown beside wall times, which
// another busy process on the machine stretches. --grab saves a picture of the window with the
// folder open and an article of it shown.

#include "../model/generatefolder.h"
#include "app/folderdocks.h"
#include "app/foldersession.h"
#include "app/mainwindow.h"
#include "editor/folder/articlefiltermodel.h"
#include "editor/folder/folderpanel.h"
#include "model/folder/articleindex.h"
#include "processmemory.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTreeView>

#include <algorithm>
#include <ctime>

namespace {

using frontis::testing::peakRssMb;
using frontis::testing::rssMb;

double cpuMs()
{
    return double(std::clock()) * 1000.0 / CLOCKS_PER_SEC;
}

// Waits for the background indexer to finish.
bool waitIndexed(frontis::FolderIndexer& indexer)
{
    if (!indexer.isBusy())
        return true;
    QSignalSpy done(&indexer, &frontis::FolderIndexer::finished);
    return done.wait(120000);
}

} // namespace

// The first index and a re-open with nothing changed, without the window.
void measureIndex(const QString& root, const QString& cacheFile, QTextStream& out)
{
    QElapsedTimer t;
    // 1. First index: every file read, parsed and validated, on all cores.
    QFile::remove(cacheFile);
    t.restart();
    double cpu = cpuMs();
    frontis::ArticleIndex first(root);
    const frontis::ArticleIndex::Stats s1 = first.update();
    const qint64 firstMs = t.elapsed();
    const double firstCpu = cpuMs() - cpu;
    const frontis::ArticleIndex::Totals totals = first.totals();
    out << "first index: " << firstMs << " ms wall, " << firstCpu << " ms CPU (" << s1.files
        << " files read; " << totals.errors << " errors, " << totals.warnings << " warnings)\n";
    t.restart();
    (void)first.save(cacheFile);
    out << "save index: " << t.elapsed() << " ms, " << QFileInfo(cacheFile).size() / 1024
        << " KB\n";
    out.flush();

    // 2. Re-open with nothing changed: the saved index read, the folder walked, nothing parsed.
    t.restart();
    cpu = cpuMs();
    frontis::ArticleIndex again(root);
    const bool loaded = again.load(cacheFile);
    const qint64 loadMs = t.elapsed();
    const frontis::ArticleIndex::Stats s2 = again.update();
    out << "re-open: " << t.elapsed() << " ms wall, " << cpuMs() - cpu << " ms CPU (load " << loadMs
        << " ms, saved index used: " << (loaded ? "yes" : "no") << ", " << s2.read
        << " files read)\n";
    out << "peak RSS of the index alone (two copies held): " << peakRssMb() << " MB\n";
    out.flush();
}

// The window with the folder open: the list filled, filtering, sorting, memory.
int measureWindow(const QString& root, const QString& cache, const QString& grab, QTextStream& out)
{
    QElapsedTimer t;

    // 3. The same through the window: the list fills from the saved index, then the check.
    frontis::FolderSession& session = frontis::FolderSession::instance();
    session.indexer().setCacheFolder(cache);
    auto* window = new frontis::MainWindow;
    window->resize(1600, 950);
    window->show();
    QApplication::processEvents();
    out << "RSS of the window before the folder opens: " << rssMb() << " MB\n";
    t.restart();
    qint64 shownMs = -1;
    QObject::connect(&session, &frontis::FolderSession::indexChanged, &session, [&] {
        if (shownMs < 0 && !session.index().articles().isEmpty())
            shownMs = t.elapsed();
    });
    session.open(root);
    const bool indexed = waitIndexed(session.indexer());
    out << "re-open in the window: list shown after " << shownMs << " ms, checked after "
        << t.elapsed() << " ms (" << (indexed ? "ok" : "timed out") << ", "
        << session.indexer().lastStats().read << " files read)\n";
    out.flush();

    // 4. The filter: one keystroke at a time, each filtered, sorted and painted.
    frontis::FolderPanel* panel = window->folderDocks()->panel();
    QApplication::processEvents();
    const QString typed = QStringLiteral("how has neural netw");
    QList<double> perKey;
    for (int round = 0; round < 3; ++round) {
        panel->filterEdit()->clear();
        QApplication::processEvents();
        for (qsizetype i = 1; i <= typed.size(); ++i) {
            QElapsedTimer k;
            k.start();
            panel->filterEdit()->setText(typed.left(i));
            panel->view()->viewport()->repaint();
            QApplication::processEvents();
            perKey << double(k.nsecsElapsed()) / 1e6;
        }
    }
    std::sort(perKey.begin(), perKey.end());
    out << "filter keystroke: median " << perKey.at(perKey.size() / 2) << " ms, worst "
        << perKey.last() << " ms (" << perKey.size() << " keystrokes, "
        << panel->filterModel()->rowCount() << " rows left)\n";
    panel->filterEdit()->clear();
    QApplication::processEvents();
    QList<double> sorts;
    for (int column : {0, 3, 5, 1}) {
        QElapsedTimer k;
        k.start();
        panel->view()->sortByColumn(column, Qt::DescendingOrder);
        panel->view()->viewport()->repaint();
        sorts << double(k.nsecsElapsed()) / 1e6;
    }
    out << "sort by a column (all rows): worst " << *std::max_element(sorts.cbegin(), sorts.cend())
        << " ms\n";
    out << "RSS of the window with the folder open: " << rssMb() << " MB (peak " << peakRssMb()
        << " MB)\n";
    out.flush();

    if (!grab.isEmpty()) {
        panel->view()->sortByColumn(0, Qt::AscendingOrder);
        panel->filterEdit()->setText(QStringLiteral("neural"));
        QApplication::processEvents();
        window->folderDocks()->openArticle(
            panel->filterModel()->index(0, 0).data(Qt::UserRole + 1).toString());
        for (int i = 0; i < 20; ++i) {
            QApplication::processEvents();
            QThread::msleep(20);
        }
        window->grab().save(grab);
        out << "grabbed: " << grab << "\n";
    }
    delete window; // before the models it shows, which go with the application
    return 0;
}

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // settings and caches away from the user's
    QCoreApplication::setOrganizationName(QStringLiteral("FrontisBench"));
    QCoreApplication::setApplicationName(QStringLiteral("FrontisBench"));
    QTextStream out(stdout);
    QStringList args = app.arguments().mid(1);
    // The window is measured in a process of its own: memory the index steps freed is not all
    // handed back to the system, and would count against the window.
    const bool windowOnly = args.removeAll(QStringLiteral("--window-only")) > 0;
    QString grab;
    if (const qsizetype at = args.indexOf(QStringLiteral("--grab"));
        at >= 0 && at + 1 < args.size()) {
        grab = args.at(at + 1);
        args.remove(at, 2);
    }
    const int n = args.size() > 0 ? args.at(0).toInt() : 10000;
    QTemporaryDir tmp;
    const QString work = args.size() > 1 ? args.at(1) : tmp.path();
    const QString root = QDir(work).absoluteFilePath(QStringLiteral("site"));
    const QString cache = QDir(work).absoluteFilePath(QStringLiteral("cache"));

    QElapsedTimer t;
    t.start();
    if (!QDir(root).exists() || QDir(root).isEmpty())
        frontis::testing::generateFolder(root, n, 7);
    if (windowOnly)
        return measureWindow(root, cache, grab, out);
    out << "articles: " << n << " in " << root << " (generated or found in " << t.elapsed()
        << " ms)\n";
    measureIndex(root, frontis::ArticleIndex::cacheFile(root, cache), out);

    QProcess window;
    window.setProcessChannelMode(QProcess::ForwardedChannels);
    QStringList windowArgs = {QString::number(n), work, QStringLiteral("--window-only")};
    if (!grab.isEmpty())
        windowArgs << QStringLiteral("--grab") << grab;
    window.start(QCoreApplication::applicationFilePath(), windowArgs);
    window.waitForFinished(600000);
    return window.exitCode();
}
