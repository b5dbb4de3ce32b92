// The performance figures of issue 9 (docs/performance.md), as one JSON object on stdout. Not a
// test: ctest does not run it. Build Release and run it through scripts/bench, or by hand:
//
//   QT_QPA_PLATFORM=offscreen tests/frontis_bench [--repeats N] [--work DIR] [--quick]
//
// Each figure is the median of repeated runs (N, default 7; keystrokes: 40 per answer size), with
// the CPU time beside the wall time where another busy process on the machine stretches the
// latter. Answers are generated (tests/bench/generatearticle.h): the seed article as it is, and
// answers of 10 KB, 100 KB and 1 MB of Markdown. WORK (default: a temporary folder) keeps the
// 10,000-article folder of tests/model/generatefolder.h between runs; --quick leaves out what
// needs it (validation, the folder's memory) and the start-up runs; --only NAME measures one
// answer (sample, 10k, 100k, 1m) and nothing else, or `--only sitechange` the site-wide rename
// on the 10,000-article folder (tests/bench/benchsitechange.h). Progress goes to stderr.
//
//   QT_QPA_PLATFORM=offscreen tests/frontis_bench --markdown RESULT.json
// prints the table of docs/performance.md for a saved result (scripts/bench does both).
//
// Internal modes (the benchmark starts itself for them, so that each has a fresh process):
//   --memory FILE   opens FILE in a window, types, prints {"peakRssMb": ...}

#include "../model/generatefolder.h"
#include "app/mainwindow.h"
#include "app/prompts.h"
#include "benchsitechange.h"
#include "benchvalidate.h"
#include "editor/articleeditor.h"
#include "editor/preview/previewpane.h"
#include "editor/preview/previewrenderer.h"
#include "editor/text/markdowneditor.h"
#include "generatearticle.h"
#include "model/schema/schemalibrary.h"
#include "model/schema/validator.h"
#include "model/text/answercodec.h"
#include "model/text/cmarkapi.h"
#include "model/text/markdownrenderer.h"
#include "model/yaml/document.h"
#include "processmemory.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMetaEnum>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QThread>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <optional>

using namespace frontis;

namespace {

using frontis::testing::peakRssMb;
using frontis::testing::rssMb;

// --- Measuring ----------------------------------------------------------------------------------

// Times every event the GUI thread delivers from its event loop (not the events sent from inside
// another one), while watching: the slowest ones name what a stall was spent on (the window's
// timers carry object names for this).
class BenchApplication : public QApplication
{
public:
    using QApplication::QApplication;

    struct Slow
    {
        double ms = 0;
        QString what;
    };

    void watch(bool on)
    {
        m_watching = on;
        m_slowest.clear();
    }
    // The slowest events seen while watching, slowest first.
    QList<Slow> slowest() const { return m_slowest; }

    bool notify(QObject* receiver, QEvent* event) override
    {
        if (!m_watching || m_depth > 0 || QThread::currentThread() != thread()) {
            ++m_depth;
            const bool done = QApplication::notify(receiver, event);
            --m_depth;
            return done;
        }
        // The receiver may be gone afterwards (a deferred delete); what it was is kept before.
        const QPointer<QObject> alive(receiver);
        const QEvent::Type type = event->type();
        const QMetaObject* kind = receiver->metaObject();
        ++m_depth;
        QElapsedTimer t;
        t.start();
        const bool done = QApplication::notify(receiver, event);
        const double ms = double(t.nsecsElapsed()) / 1e6;
        --m_depth;
        if (m_slowest.size() < Kept || ms > m_slowest.last().ms) {
            const Slow s{ms, describe(alive, type, kind)};
            m_slowest.insert(
                std::upper_bound(m_slowest.begin(), m_slowest.end(), s,
                                 [](const Slow& a, const Slow& b) { return a.ms > b.ms; }),
                s);
            if (m_slowest.size() > Kept)
                m_slowest.removeLast();
        }
        return done;
    }

private:
    static constexpr qsizetype Kept = 5;

    static QString describe(QObject* receiver, QEvent::Type type, const QMetaObject* kind)
    {
        const char* name = QMetaEnum::fromType<QEvent::Type>().valueToKey(type);
        QString what = name ? QString::fromLatin1(name) : QStringLiteral("event %1").arg(int(type));
        what += QStringLiteral(" to ") + QString::fromLatin1(kind->className());
        if (!receiver)
            return what + QStringLiteral(" (deleted)");
        if (!receiver->objectName().isEmpty())
            what += QStringLiteral(" '") + receiver->objectName() + QLatin1Char('\'');
        for (QObject* p = receiver->parent(); p; p = p->parent()) {
            if (!p->objectName().isEmpty() || !p->parent()) {
                what += QStringLiteral(" in ") + QString::fromLatin1(p->metaObject()->className());
                break;
            }
        }
        return what;
    }

    bool m_watching = false;
    int m_depth = 0;
    QList<Slow> m_slowest;
};

BenchApplication* benchApp()
{
    return static_cast<BenchApplication*>(QCoreApplication::instance());
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

double processCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    const qsizetype i =
        qBound<qsizetype>(0, qsizetype(p * double(values.size() - 1) + 0.5), values.size() - 1);
    return values.at(i);
}

double median(const QList<double>& values)
{
    return percentile(values, 0.5);
}

double rounded(double v)
{
    return std::round(v * 100.0) / 100.0;
}

// {"medianMs", "p90Ms", "maxMs", "cpuMedianMs", "samples"}
QJsonObject summary(const QList<double>& wall, const QList<double>& cpu = {})
{
    QJsonObject o{{QStringLiteral("medianMs"), rounded(median(wall))},
                  {QStringLiteral("p90Ms"), rounded(percentile(wall, 0.9))},
                  {QStringLiteral("maxMs"), rounded(percentile(wall, 1.0))},
                  {QStringLiteral("samples"), int(wall.size())}};
    if (!cpu.isEmpty())
        o.insert(QStringLiteral("cpuMedianMs"), rounded(median(cpu)));
    return o;
}

// Runs `f` `repeats` times: its wall and process CPU medians.
QJsonObject timeRepeated(int repeats, const std::function<void()>& f)
{
    QList<double> wall;
    QList<double> cpu;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer t;
        const double c = processCpuMs();
        t.start();
        f();
        wall << double(t.nsecsElapsed()) / 1e6;
        cpu << processCpuMs() - c;
    }
    return summary(wall, cpu);
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).section(u' ', 0, 2)
                                       : QString();
}

void progress(const QString& text)
{
    std::fprintf(stderr, "frontis_bench: %s\n", qPrintable(text));
    std::fflush(stderr);
}

// Runs the event loop until `signal` of `sender` fires or `timeoutMs` pass; true when it fired.
template <typename Sender, typename Signal>
bool waitForSignal(Sender* sender, Signal signal, int timeoutMs)
{
    QEventLoop loop;
    bool fired = false;
    const QMetaObject::Connection c = QObject::connect(sender, signal, &loop, [&] {
        fired = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(c);
    return fired;
}

// --- The answers --------------------------------------------------------------------------------

struct Answer
{
    QString name; // "sample", "10k", "100k", "1m"; "body10k", "body1m" for body articles
    QByteArray article;
    QString markdown;
    bool body = false; // the text is the body (a Hugo or Jekyll article), not the answer field
};

QList<Answer> answers(bool quick)
{
    QList<Answer> out;
    const QDir seed(QStringLiteral(FRONTIS_SHARED_DIR "/seed"));
    const QStringList files = seed.entryList({QStringLiteral("*.md")}, QDir::Files);
    if (!files.isEmpty()) {
        QFile f(seed.filePath(files.first()));
        if (f.open(QIODevice::ReadOnly)) {
            const QByteArray bytes = f.readAll();
            const Result<Document> doc = Document::fromBytes(bytes);
            const FmNode* a = doc ? doc->find({QStringLiteral("answer")}) : nullptr;
            out.append({QStringLiteral("sample"), bytes, a ? decodeAnswer(a->text) : QString()});
        }
    }
    const QList<QPair<QString, qsizetype>> sizes = {{QStringLiteral("10k"), 10 * 1024},
                                                    {QStringLiteral("100k"), 100 * 1024},
                                                    {QStringLiteral("1m"), 1024 * 1024}};
    for (const auto& [name, bytes] : sizes) {
        if (quick && name == QLatin1String("100k"))
            continue;
        out.append(
            {name, testing::generateArticle(bytes, 3), testing::generateAnswerMarkdown(bytes, 3)});
    }
    // The same Markdown as the body of a Hugo-style article (generic schema: GFM preview).
    for (const auto& [name, bytes] :
         {std::pair{QStringLiteral("body10k"), qsizetype(10 * 1024)},
          std::pair{QStringLiteral("body1m"), qsizetype(1024 * 1024)}}) {
        QString markdown = testing::generateAnswerMarkdown(bytes, 3) + QLatin1Char('\n');
        out.append({name, testing::generateBodyArticle(bytes, 3), markdown, true});
    }
    return out;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// --- The window ---------------------------------------------------------------------------------

struct OpenArticle
{
    MainWindow* window = nullptr;
    MarkdownEditor* answer = nullptr;
    PreviewPane* preview = nullptr;
};

OpenArticle openInWindow(const QString& path)
{
    OpenArticle o;
    o.window = MainWindow::open(path);
    if (!o.window)
        return o;
    o.window->resize(1600, 1000);
    o.window->show();
    if (!QTest::qWaitForWindowExposed(o.window))
        return {};
    o.answer = o.window->editor()->textEditor();
    o.preview = o.window->editor()->preview();
    while (o.preview->toPlainText().isEmpty() || o.preview->isRendering())
        waitForSignal(o.preview, &PreviewPane::rendered, 100);
    // The cursor in the middle of the answer, scrolled there: typing where most of the text is
    // before and after it.
    o.answer->setFocus();
    QTextCursor cursor = o.answer->textCursor();
    const QTextBlock middle =
        o.answer->document()->findBlockByNumber(o.answer->document()->blockCount() / 2);
    cursor.setPosition(middle.position() + middle.length() - 1);
    o.answer->setTextCursor(cursor);
    o.answer->centerCursor();
    o.preview->flush();
    QTest::qWait(300);
    return o;
}

void closeAll()
{
    for (MainWindow* w : MainWindow::windows()) {
        w->setAttribute(Qt::WA_DeleteOnClose);
        w->close();
    }
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents();
}

// Keystroke to character painted in the answer editor: the key goes through the application as
// a typed one does, then the editor's viewport is painted, synchronously. Between keystrokes
// the event loop runs (commits, preview updates), as it does between a writer's keystrokes.
QJsonObject measureKeystrokePaint(const OpenArticle& o, int keys)
{
    QList<double> wall;
    QList<double> cpu;
    for (int i = 0; i < keys; ++i) {
        QTest::qWait(i % 8 == 0 ? 150 : 30);
        const Qt::Key key = i % 6 == 5 ? Qt::Key_Space : Qt::Key(Qt::Key_A + i % 26);
        QElapsedTimer t;
        const double c = threadCpuMs();
        t.start();
        QTest::keyClick(o.answer, key);
        o.answer->viewport()->repaint();
        wall << double(t.nsecsElapsed()) / 1e6;
        cpu << threadCpuMs() - c;
    }
    return summary(wall, cpu);
}

// Keystroke to preview updated: from the key to the preview's document holding the change and
// its viewport painted, starting from a quiet window each time.
QJsonObject measureKeystrokePreview(const OpenArticle& o, int keys)
{
    QList<double> wall;
    QList<double> cpu;
    int missed = 0;
    for (int i = 0; i < keys; ++i) {
        QTest::qWait(200);
        QElapsedTimer t;
        const double c = processCpuMs();
        t.start();
        QTest::keyClick(o.answer, Qt::Key(Qt::Key_A + i % 26));
        if (!waitForSignal(o.preview, &PreviewPane::rendered, 5000)) {
            ++missed;
            continue;
        }
        o.preview->viewport()->repaint();
        wall << double(t.nsecsElapsed()) / 1e6;
        cpu << processCpuMs() - c;
    }
    QJsonObject s = summary(wall, cpu);
    s.insert(QStringLiteral("missed"), missed);
    s.insert(QStringLiteral("lastUpdateRebuilt"), o.preview->lastUpdate().rebuilt);
    s.insert(QStringLiteral("lastUpdateBlocksInserted"), o.preview->lastUpdate().blocksInserted);
    return s;
}

// Typing at a steady pace for a few seconds while a 1 ms timer watches the GUI thread: the longest
// gap between its ticks is the longest stall the writer could have felt. Also each keystroke's
// time to the next preview update.
QJsonObject measureTyping(const OpenArticle& o, int seconds, int intervalMs)
{
    QEventLoop loop;
    QElapsedTimer clock;
    QList<double> gaps;
    double lastTick = 0;
    QTimer monitor;
    monitor.setTimerType(Qt::PreciseTimer);
    monitor.setInterval(1);
    QObject::connect(&monitor, &QTimer::timeout, &loop, [&] {
        const double now = double(clock.nsecsElapsed()) / 1e6;
        gaps << now - lastTick;
        lastTick = now;
    });
    QList<double> keyTimes; // waiting for the preview
    QList<double> latencies;
    int typed = 0;
    QTimer typer;
    typer.setObjectName(QStringLiteral("keystroke"));
    typer.setTimerType(Qt::PreciseTimer);
    typer.setInterval(intervalMs);
    QObject::connect(&typer, &QTimer::timeout, &loop, [&] {
        const Qt::Key key = typed % 6 == 5 ? Qt::Key_Space : Qt::Key(Qt::Key_A + typed % 26);
        ++typed;
        keyTimes << double(clock.nsecsElapsed()) / 1e6;
        QTest::keyClick(o.answer, key);
    });
    const QMetaObject::Connection shown =
        QObject::connect(o.preview, &PreviewPane::rendered, &loop, [&] {
            const double now = double(clock.nsecsElapsed()) / 1e6;
            for (const double k : std::as_const(keyTimes))
                latencies << now - k;
            keyTimes.clear();
        });
    QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit);
    const double cpu0 = processCpuMs();
    benchApp()->watch(true);
    clock.start();
    monitor.start();
    typer.start();
    loop.exec();
    typer.stop();
    monitor.stop();
    const QList<BenchApplication::Slow> slowest = benchApp()->slowest();
    benchApp()->watch(false);
    QJsonArray slowEvents;
    for (const BenchApplication::Slow& e : slowest)
        slowEvents.append(QStringLiteral("%1 ms: %2").arg(rounded(e.ms)).arg(e.what));
    QObject::disconnect(shown);
    const double cpu = processCpuMs() - cpu0;
    QList<double> stalls;
    for (const double g : std::as_const(gaps))
        stalls << g - 1.0;
    int over16 = 0;
    for (const double s : std::as_const(stalls)) {
        if (s > 16)
            ++over16;
    }
    return {{QStringLiteral("keys"), typed},
            {QStringLiteral("intervalMs"), intervalMs},
            {QStringLiteral("maxStallMs"), rounded(percentile(stalls, 1.0))},
            {QStringLiteral("p99StallMs"), rounded(percentile(stalls, 0.99))},
            {QStringLiteral("stallsOver16Ms"), over16},
            {QStringLiteral("previewLatencyMedianMs"), rounded(median(latencies))},
            {QStringLiteral("previewLatencyMaxMs"), rounded(percentile(latencies, 1.0))},
            {QStringLiteral("cpuShare"), rounded(cpu / (seconds * 1000.0))},
            {QStringLiteral("slowestEvents"), slowEvents}};
}

// --- Model figures ------------------------------------------------------------------------------

QJsonObject measureDocument(const Answer& a, int repeats, const QString& dir)
{
    QJsonObject o;
    const Result<Document> loaded = Document::fromBytes(a.article);
    if (!loaded)
        return {{QStringLiteral("error"), loaded.error().message}};
    const KeyPath answerPath{QStringLiteral("answer")};
    const QString stored = a.body ? loaded->body() : loaded->find(answerPath)->text;
    // One text edit as the window commits it: a character typed in the middle.
    int n = 0;
    o.insert(QStringLiteral("answerEdit"), timeRepeated(repeats * 3, [&] {
                 Document d = loaded.value();
                 QString edited = stored;
                 edited.insert(stored.size() / 2, QChar(u'a' + (n++ % 26)));
                 if (a.body ? d.setBody(edited) : d.setString(answerPath, edited))
                     progress(QStringLiteral("text edit refused"));
             }));
    // What that edit cost before (and costs for any other edit): a parse of the whole file.
    o.insert(QStringLiteral("reparse"), timeRepeated(repeats, [&] {
                 Document d = loaded.value();
                 (void)d.setBytes(a.article);
             }));
    // What the window's validation does after a pause in the typing.
    SchemaLibrary library;
    const std::shared_ptr<const Schema> schema =
        library.schemaFor(QDir(dir).filePath(a.name + QStringLiteral(".md")), loaded->frontMatter())
            .schema;
    o.insert(QStringLiteral("validate"),
             timeRepeated(repeats, [&] { (void)Validator(*schema).validate(loaded.value()); }));
    const QString path = QDir(dir).filePath(a.name + QStringLiteral("-save.md"));
    Document doc = loaded.value();
    o.insert(QStringLiteral("save"), timeRepeated(repeats, [&] {
                 if (doc.saveTo(path))
                     progress(QStringLiteral("save failed"));
             }));
    // cmark alone on the same Markdown: the floor for a preview update.
    const QByteArray utf8 = a.markdown.toUtf8();
    o.insert(QStringLiteral("cmark"), timeRepeated(repeats * 3, [&] {
                 char* html = cmark_markdown_to_html(utf8.constData(), size_t(utf8.size()),
                                                     CMARK_OPT_DEFAULT);
                 free(html);
             }));
    // The preview's worker: cmark block by block, then the HTML the pane inserts.
    // (A body renders as the site does: GFM and template tags.)
    o.insert(QStringLiteral("markdownBlocks"), timeRepeated(repeats, [&] {
                 (void)renderMarkdownBlocks(a.markdown, RenderOptions{true, false, a.body, a.body});
             }));
    ArticleContent content;
    content.title = QStringLiteral("Title");
    content.text = a.markdown;
    content.siteMarkdown = a.body;
    o.insert(QStringLiteral("previewPage"),
             timeRepeated(repeats, [&] { (void)previewrenderer::renderPage(content, false); }));
    o.insert(QStringLiteral("answerBytes"), int(utf8.size()));
    o.insert(QStringLiteral("fileBytes"), int(a.article.size()));
    return o;
}

// --- Other processes ----------------------------------------------------------------------------

QProcessEnvironment isolatedEnvironment(const QString& home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_STATE_HOME"), home + QStringLiteral("/state"));
    return env;
}

// Process start to the window painted with the article and its preview (FRONTIS_TEST_STARTUP).
QJsonObject measureStartup(const QString& file, int repeats, const QString& home)
{
    QList<double> wall;
    QList<double> cpu;
    QString failure;
    for (int i = 0; i < repeats; ++i) {
        QProcess p;
        QProcessEnvironment env = isolatedEnvironment(home);
        env.insert(QStringLiteral("FRONTIS_TEST_STARTUP"), QStringLiteral("quit"));
        p.setProcessEnvironment(env);
        const qint64 started = QDateTime::currentMSecsSinceEpoch();
        p.start(QStringLiteral(FRONTIS_EXECUTABLE), {file});
        if (!p.waitForFinished(30000)) {
            p.kill();
            failure = QStringLiteral("timed out");
            continue;
        }
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        const QRegularExpressionMatch m =
            QRegularExpression(QStringLiteral(R"(frontis-painted (\d+) ([\d.]+))")).match(out);
        if (!m.hasMatch()) {
            failure = QStringLiteral("no marker: ") + QString::fromUtf8(p.readAllStandardError());
            continue;
        }
        wall << double(m.captured(1).toLongLong() - started);
        cpu << m.captured(2).toDouble();
    }
    QJsonObject o = summary(wall, cpu);
    if (!failure.isEmpty())
        o.insert(QStringLiteral("error"), failure);
    return o;
}

QJsonObject runMemoryChild(const QString& file, const QString& home)
{
    QProcess p;
    p.setProcessEnvironment(isolatedEnvironment(home));
    p.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--memory"), file});
    if (!p.waitForFinished(300000)) {
        p.kill();
        return {{QStringLiteral("error"), QStringLiteral("timed out")}};
    }
    const QJsonDocument doc = QJsonDocument::fromJson(p.readAllStandardOutput());
    return doc.isObject() ? doc.object()
                          : QJsonObject{{QStringLiteral("error"),
                                         QString::fromUtf8(p.readAllStandardError()).right(500)}};
}

// The window with a 10,000-article folder open, as bench_folder measures it.
QJsonObject runFolderMemory(const QString& work)
{
    QProcess p;
    p.setProcessEnvironment(isolatedEnvironment(work + QStringLiteral("/home")));
    p.start(QStringLiteral(FRONTIS_BENCH_FOLDER), {QStringLiteral("10000"), work});
    if (!p.waitForFinished(1800000)) {
        p.kill();
        return {{QStringLiteral("error"), QStringLiteral("timed out")}};
    }
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QJsonObject o;
    const QRegularExpressionMatch window =
        QRegularExpression(
            QStringLiteral(
                R"(RSS of the window with the folder open: ([\d.]+) MB \(peak ([\d.]+) MB\))"))
            .match(out);
    if (window.hasMatch()) {
        o.insert(QStringLiteral("windowRssMb"), window.captured(1).toDouble());
        o.insert(QStringLiteral("windowPeakRssMb"), window.captured(2).toDouble());
    }
    const QRegularExpressionMatch index =
        QRegularExpression(QStringLiteral(R"(peak RSS of the index alone[^:]*: ([\d.]+) MB)"))
            .match(out);
    if (index.hasMatch())
        o.insert(QStringLiteral("indexPeakRssMb"), index.captured(1).toDouble());
    if (o.isEmpty())
        o.insert(QStringLiteral("error"), out.right(500));
    return o;
}

// --memory FILE: the peak resident memory of a window with FILE open and typed in.
int memoryMode(const QString& file)
{
    OpenArticle o = openInWindow(file);
    if (!o.window) {
        std::printf("{\"error\": \"cannot open\"}\n");
        return 1;
    }
    const double peakOpen = peakRssMb();
    const double rssOpen = rssMb();
    for (int i = 0; i < 60; ++i) {
        QTest::keyClick(o.answer, Qt::Key(Qt::Key_A + i % 26));
        QTest::qWait(i % 10 == 9 ? 900 : 40); // pauses end undo steps, as a writer's do
    }
    (void)o.window->editor()->document(); // everything committed
    o.preview->flush();
    QTest::qWait(300);
    const QJsonObject r{{QStringLiteral("peakRssMb"), rounded(peakRssMb())},
                        {QStringLiteral("rssMb"), rounded(rssMb())},
                        {QStringLiteral("peakRssOpenedMb"), rounded(peakOpen)},
                        {QStringLiteral("rssOpenedMb"), rounded(rssOpen)},
                        {QStringLiteral("undoSteps"), o.window->editor()->undoStack()->count()}};
    std::printf("%s\n", QJsonDocument(r).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    closeAll(); // the typing is discarded, so that no recovery entry is left behind
    return 0;
}

} // namespace

// --- The table of docs/performance.md -----------------------------------------------------------

// One row per figure of issue 9: what was measured, its target, whether it was met, and what it
// is measured beside. Figures missing from `r` (--quick, --only) are left out.
QString markdownTable(const QJsonObject& r)
{
    QStringList rows = {QStringLiteral("| figure | measured | target | met | beside it |"),
                        QStringLiteral("| --- | ---: | --- | :---: | --- |")};
    const auto at = [&r](const QString& path) {
        QJsonValue v = r;
        for (const QString& key : path.split(QLatin1Char('.')))
            v = v.toObject().value(key);
        return v;
    };
    const auto num = [](double v, int decimals = 1) { return QString::number(v, 'f', decimals); };
    const auto row = [&rows](const QString& figure, const QString& measured, const QString& target,
                             std::optional<bool> met, const QString& beside = {}) {
        rows << QStringLiteral("| %1 | %2 | %3 | %4 | %5 |")
                    .arg(figure, measured, target,
                         met ? (*met ? QStringLiteral("yes") : QStringLiteral("**no**"))
                             : QStringLiteral("–"),
                         beside);
    };
    const QStringList sizes = {QStringLiteral("sample"),  QStringLiteral("10k"),
                               QStringLiteral("100k"),    QStringLiteral("1m"),
                               QStringLiteral("body10k"), QStringLiteral("body1m")};
    const QHash<QString, QString> label = {
        {QStringLiteral("sample"), QStringLiteral("the sample")},
        {QStringLiteral("10k"), QStringLiteral("10 KB answer")},
        {QStringLiteral("100k"), QStringLiteral("100 KB answer")},
        {QStringLiteral("1m"), QStringLiteral("1 MB answer")},
        {QStringLiteral("body10k"), QStringLiteral("10 KB body")},
        {QStringLiteral("body1m"), QStringLiteral("1 MB body")}};
    for (const QString& n : sizes) {
        const QJsonValue v = at(QStringLiteral("keystrokePaint.%1.medianMs").arg(n));
        if (v.isDouble())
            row(QStringLiteral("keystroke to character painted, ") + label[n],
                num(v.toDouble()) + QStringLiteral(" ms"), QStringLiteral("≤ 4 ms (median)"),
                v.toDouble() <= 4,
                QStringLiteral("worst %1 ms")
                    .arg(num(at(QStringLiteral("keystrokePaint.%1.maxMs").arg(n)).toDouble())));
    }
    for (const QString& n : sizes) {
        const QJsonValue v = at(QStringLiteral("keystrokePreview.%1.medianMs").arg(n));
        if (!v.isDouble())
            continue;
        const double target = n.endsWith(QLatin1String("10k"))  ? 16
                              : n.endsWith(QLatin1String("1m")) ? 50
                                                                : -1;
        row(QStringLiteral("keystroke to preview updated, ") + label[n],
            num(v.toDouble()) + QStringLiteral(" ms"),
            target > 0 ? QStringLiteral("≤ %1 ms").arg(target) : QStringLiteral("(reported)"),
            target > 0 ? std::optional<bool>(v.toDouble() <= target) : std::nullopt,
            QStringLiteral("cmark alone: %1 ms; whole page rendered: %2 ms")
                .arg(num(at(QStringLiteral("document.%1.cmark.medianMs").arg(n)).toDouble(), 2),
                     num(at(QStringLiteral("document.%1.previewPage.medianMs").arg(n)).toDouble(),
                         2)));
    }
    for (const QString& n : {QStringLiteral("10k"), QStringLiteral("1m"), QStringLiteral("body10k"),
                             QStringLiteral("body1m")}) {
        const QJsonValue v = at(QStringLiteral("typing.%1.maxStallMs").arg(n));
        if (!v.isDouble())
            continue;
        const QJsonArray slowest = at(QStringLiteral("typing.%1.slowestEvents").arg(n)).toArray();
        row(QStringLiteral("longest GUI-thread stall, typing 16 keys/s, ") + label[n],
            num(v.toDouble()) + QStringLiteral(" ms"), QStringLiteral("≤ 16 ms"),
            v.toDouble() <= 16,
            QStringLiteral("preview %1 ms after a key (median); slowest: %2")
                .arg(num(at(QStringLiteral("typing.%1.previewLatencyMedianMs").arg(n)).toDouble()),
                     slowest.isEmpty() ? QString() : slowest.first().toString()));
    }
    if (const QJsonValue v = at(QStringLiteral("startup.medianMs")); v.isDouble())
        row(QStringLiteral("process start to window painted with the sample"),
            num(v.toDouble(), 0) + QStringLiteral(" ms"), QStringLiteral("≤ 300 ms"),
            v.toDouble() <= 300);
    for (const auto& [n, target] :
         {std::pair{QStringLiteral("sample"), 20.0}, std::pair{QStringLiteral("100k"), -1.0},
          std::pair{QStringLiteral("1m"), 100.0}, std::pair{QStringLiteral("body1m"), 100.0}}) {
        const QJsonValue v = at(QStringLiteral("document.%1.save.medianMs").arg(n));
        if (v.isDouble())
            row(QStringLiteral("save with verification, ") + label[n],
                num(v.toDouble(), 2) + QStringLiteral(" ms"),
                target > 0 ? QStringLiteral("≤ %1 ms").arg(target) : QStringLiteral("(reported)"),
                target > 0 ? std::optional<bool>(v.toDouble() <= target) : std::nullopt,
                QStringLiteral("re-reading the file alone: %1 ms")
                    .arg(num(at(QStringLiteral("document.%1.reparse.medianMs").arg(n)).toDouble(),
                             2)));
    }
    const double ceiling = at(QStringLiteral("validate.yamlCppParse.filesPerSecond")).toDouble();
    const double peer = at(QStringLiteral("validate.peer.filesPerSecond")).toDouble();
    const auto perSecond = [](double v) { return QLocale(QLocale::English).toString(qRound64(v)); };
    if (const QJsonValue v = at(QStringLiteral("validate.validateCold.filesPerSecond"));
        v.isDouble() && ceiling > 0) {
        row(QStringLiteral("`frontis validate`, 10,000 articles, empty cache"),
            perSecond(v.toDouble()) +
                QStringLiteral(" files/s (%1 ms)")
                    .arg(at(QStringLiteral("validate.validateCold.ms")).toDouble()),
            QStringLiteral("≥ 90% of bare yaml-cpp"), v.toDouble() >= 0.9 * ceiling,
            QStringLiteral("bare yaml-cpp parse on all cores: %1 files/s (%2%); CPU time %3 ms "
                           "against yaml-cpp's %4 ms (%5%); Node peer: %6 files/s")
                .arg(perSecond(ceiling), num(100 * v.toDouble() / ceiling, 0),
                     num(at(QStringLiteral("validate.validateCold.cpuMs")).toDouble(), 0),
                     num(at(QStringLiteral("validate.yamlCppParse.cpuMs")).toDouble(), 0),
                     num(100 * at(QStringLiteral("validate.yamlCppParse.cpuMs")).toDouble() /
                             at(QStringLiteral("validate.validateCold.cpuMs")).toDouble(),
                         0),
                     peer > 0 ? perSecond(peer) : QStringLiteral("not run")));
    }
    if (const QJsonValue v = at(QStringLiteral("validate.validateWarm.filesPerSecond"));
        v.isDouble()) {
        row(QStringLiteral("the same, warm cache, nothing changed"),
            perSecond(v.toDouble()) +
                QStringLiteral(" files/s (%1 ms)")
                    .arg(at(QStringLiteral("validate.validateWarm.ms")).toDouble()),
            QStringLiteral("≥ 50,000 files/s and ≥ 5× the peer"),
            v.toDouble() >= 50000 && (peer <= 0 || v.toDouble() >= 5 * peer),
            peer > 0 ? QStringLiteral("%1× the Node peer").arg(num(v.toDouble() / peer))
                     : QString());
    }
    if (const QJsonValue v = at(QStringLiteral("validate.validateOneChanged.ms")); v.isDouble())
        row(QStringLiteral("the same, one file changed"),
            num(v.toDouble(), 0) + QStringLiteral(" ms"), QStringLiteral("< 500 ms"),
            v.toDouble() < 500);
    for (const auto& [n, target] :
         {std::pair{QStringLiteral("sample"), 60.0}, std::pair{QStringLiteral("1m"), 150.0}}) {
        const QJsonValue v = at(QStringLiteral("memory.%1.peakRssMb").arg(n));
        if (v.isDouble())
            row(QStringLiteral("peak resident memory, window with ") + label[n] +
                    QStringLiteral(", after typing"),
                num(v.toDouble(), 0) + QStringLiteral(" MB"), QStringLiteral("≤ %1 MB").arg(target),
                v.toDouble() <= target,
                QStringLiteral("%1 MB when opened")
                    .arg(
                        num(at(QStringLiteral("memory.%1.peakRssOpenedMb").arg(n)).toDouble(), 0)));
    }
    if (const QJsonValue v = at(QStringLiteral("memory.folder10k.windowPeakRssMb")); v.isDouble())
        row(QStringLiteral("peak resident memory, window with the 10,000-article folder"),
            num(v.toDouble(), 0) + QStringLiteral(" MB"), QStringLiteral("≤ 150 MB"),
            v.toDouble() <= 150,
            QStringLiteral("the index alone: %1 MB")
                .arg(num(at(QStringLiteral("memory.folder10k.indexPeakRssMb")).toDouble(), 0)));
    if (const QJsonValue v = at(QStringLiteral("siteChange.dryRun.ms")); v.isDouble())
        row(QStringLiteral("`frontis rename --dry-run` over the 10,000-article folder"),
            num(v.toDouble(), 0) + QStringLiteral(" ms"), QStringLiteral("< 2 s"),
            v.toDouble() < 2000,
            QStringLiteral("%1 articles change; CPU %2 ms")
                .arg(at(QStringLiteral("siteChange.changed")).toInt())
                .arg(num(at(QStringLiteral("siteChange.dryRun.cpuMs")).toDouble(), 0)));
    if (const QJsonValue v = at(QStringLiteral("siteChange.apply.ms")); v.isDouble())
        row(QStringLiteral("`frontis rename`: verified and written"),
            num(v.toDouble(), 0) + QStringLiteral(" ms"),
            QStringLiteral("< 3 s (1,000 of 10,000 changed)"), v.toDouble() < 3000,
            QStringLiteral("%1 articles written; CPU %2 ms")
                .arg(at(QStringLiteral("siteChange.changed")).toInt())
                .arg(num(at(QStringLiteral("siteChange.apply.cpuMs")).toDouble(), 0)));
    return rows.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    BenchApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // settings away from the user's
    QCoreApplication::setOrganizationName(QStringLiteral("FrontisBench"));
    QCoreApplication::setApplicationName(QStringLiteral("FrontisBench"));
    QSettings().clear();
    // Nothing may wait for an answer.
    Prompts& prompts = Prompts::instance();
    prompts.askUnsaved = [](QWidget*, const QString&) { return Prompts::Choice::Discard; };
    prompts.warn = [](QWidget*, const QString& title, const QString& text) {
        progress(QStringLiteral("warning: ") + title + QStringLiteral(": ") + text);
    };
    prompts.askRecover = [](QWidget*, const QString&, const QString&) {
        return Prompts::RecoveryChoice::Discard; // edits an earlier run left in the journal
    };
    prompts.confirmRevert = [](QWidget*, const QString&) { return true; };
    prompts.offerSaveAs = [](QWidget*, const QString&) { return false; };
    prompts.askDiskChanged = [](QWidget*, const QString&) { return Prompts::DiskChoice::KeepMine; };
    prompts.askOverwrite = [](QWidget*, const QString&) {
        return Prompts::OverwriteChoice::Overwrite;
    };
    prompts.showDiff = [](QWidget*, const QString&, const QString&) {};

    QStringList args = app.arguments().mid(1);
    if (args.size() == 2 && args.first() == QLatin1String("--memory"))
        return memoryMode(args.at(1));
    if (args.size() == 2 && args.first() == QLatin1String("--markdown")) {
        QFile f(args.at(1));
        QJsonParseError error;
        const QJsonDocument saved = QJsonDocument::fromJson(
            f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray(), &error);
        if (!saved.isObject()) {
            std::fprintf(stderr, "frontis_bench: %s: not a result of frontis_bench (%s)\n",
                         qPrintable(args.at(1)), qPrintable(error.errorString()));
            return 1;
        }
        std::printf("%s", markdownTable(saved.object()).toUtf8().constData());
        return 0;
    }
    int repeats = 7;
    QString work;
    QString only;
    bool quick = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--repeats") && i + 1 < args.size())
            repeats = qMax(1, args[++i].toInt());
        else if (args[i] == QLatin1String("--work") && i + 1 < args.size())
            work = args[++i];
        else if (args[i] == QLatin1String("--quick"))
            quick = true;
        else if (args[i] == QLatin1String("--only") && i + 1 < args.size())
            only = args[++i];

        else {
            std::fprintf(stderr, "usage: frontis_bench [--repeats N] [--work DIR] [--quick] "
                                 "[--only ANSWER|sitechange]\n"
                                 "       frontis_bench --markdown RESULT.json\n");
            return 2;
        }
    }
    QTemporaryDir tmp;
    if (work.isEmpty())
        work = tmp.path();
    QDir().mkpath(work);
    const QString home = QDir(work).absoluteFilePath(QStringLiteral("home"));
    const QString files = QDir(work).absoluteFilePath(QStringLiteral("articles"));
    QDir().mkpath(files);

    QJsonObject result;
    result.insert(QStringLiteral("date"), QDateTime::currentDateTime().toString(Qt::ISODate));
    result.insert(QStringLiteral("cores"), QThread::idealThreadCount());
    result.insert(QStringLiteral("qt"), QString::fromLatin1(qVersion()));
    result.insert(QStringLiteral("buildType"), QStringLiteral(FRONTIS_BUILD_TYPE));
    result.insert(QStringLiteral("platform"), QGuiApplication::platformName());
    result.insert(QStringLiteral("repeats"), repeats);
    const QString loadBefore = loadAverage();

    const QList<Answer> all = answers(quick);
    QJsonObject model;
    QJsonObject paint;
    QJsonObject preview;
    QJsonObject typing;
    for (const Answer& a : all) {
        if (!only.isEmpty() && a.name != only)
            continue;
        progress(QStringLiteral("model figures, %1").arg(a.name));
        model.insert(a.name, measureDocument(a, repeats, files));
        const QString path = QDir(files).filePath(a.name + QStringLiteral(".md"));
        writeFile(path, a.article);
        progress(QStringLiteral("window figures, %1").arg(a.name));
        const OpenArticle o = openInWindow(path);
        if (!o.window) {
            paint.insert(a.name,
                         QJsonObject{{QStringLiteral("error"), QStringLiteral("not opened")}});
            continue;
        }
        paint.insert(a.name, measureKeystrokePaint(o, 40));
        preview.insert(a.name, measureKeystrokePreview(o, qMax(10, repeats * 2)));
        if (a.name.endsWith(QLatin1String("10k")) || a.name.endsWith(QLatin1String("1m")))
            typing.insert(a.name, measureTyping(o, 4, 60));
        closeAll();
    }
    result.insert(QStringLiteral("document"), model);
    result.insert(QStringLiteral("keystrokePaint"), paint);
    result.insert(QStringLiteral("keystrokePreview"), preview);
    result.insert(QStringLiteral("typing"), typing);

    QJsonObject memory;
    for (const char* name : {"sample", "1m"}) {
        if (!only.isEmpty())
            break;
        const QString path = QDir(files).filePath(QLatin1String(name) + QStringLiteral(".md"));
        if (!QFileInfo::exists(path))
            continue;
        progress(QStringLiteral("memory, %1").arg(QLatin1String(name)));
        memory.insert(QLatin1String(name), runMemoryChild(path, home));
    }

    if (!quick && only.isEmpty()) {
        const QString sample = QDir(files).filePath(QStringLiteral("sample.md"));
        if (QFileInfo::exists(sample)) {
            progress(QStringLiteral("start-up"));
            result.insert(QStringLiteral("startup"), measureStartup(sample, repeats, home));
        }
        const QString site = QDir(work).absoluteFilePath(QStringLiteral("site"));
        if (!QDir(site).exists() || QDir(site).isEmpty()) {
            progress(QStringLiteral("generating 10,000 articles in %1").arg(site));
            testing::generateFolder(site, 10000, 7);
        }
        progress(QStringLiteral("validate"));
        result.insert(QStringLiteral("validate"), bench::measureValidate(site, repeats));
        progress(QStringLiteral("memory, 10,000-article folder (bench_folder)"));
        memory.insert(QStringLiteral("folder10k"), runFolderMemory(work));
    }
    result.insert(QStringLiteral("memory"), memory);

    // Site-wide changes (issue 19) on the 10,000-article folder: with the full run, or alone with
    // --only sitechange (then also with --quick, once).
    if ((!quick && only.isEmpty()) || only == QLatin1String("sitechange")) {
        const QString site = QDir(work).absoluteFilePath(QStringLiteral("site"));
        if (!QDir(site).exists() || QDir(site).isEmpty()) {
            progress(QStringLiteral("generating 10,000 articles in %1").arg(site));
            testing::generateFolder(site, 10000, 7);
        }
        progress(QStringLiteral("site-wide rename"));
        result.insert(QStringLiteral("siteChange"),
                      bench::measureSiteChange(site, quick ? 1 : std::min(repeats, 3)));
    }
    result.insert(
        QStringLiteral("loadAverage"),
        QJsonObject{{QStringLiteral("start"), loadBefore}, {QStringLiteral("end"), loadAverage()}});
    std::printf("%s", QJsonDocument(result).toJson(QJsonDocument::Indented).constData());
    return 0;
}
