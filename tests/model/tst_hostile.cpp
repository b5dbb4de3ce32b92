// Hostile input for the model: files from other tools, generators and unresolved merges must
// give a clear positioned error or a correct result, never a crash, a hang or an exponential walk,
// and within the CPU budget of one file (cpubudget.h). Wall times are printed (qInfo) for the
// record.
#include "cpubudget.h"
#include "hostilecases.h"
#include "model/file/filestamp.h"
#include "model/folder/articlefinder.h"
#include "model/folder/articleindex.h"
#include "model/folder/articlesummary.h"
#include "model/folder/foldervalidator.h"
#include "model/schema/schema.h"
#include "model/schema/schemalibrary.h"
#include "model/schema/validator.h"
#include "model/text/articlehtml.h"
#include "model/text/markdownrenderer.h"
#include "model/yaml/document.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <sys/types.h>

using namespace frontis;
using namespace Qt::Literals::StringLiterals;

namespace {

void reportTime(const char* what, const QElapsedTimer& timer)
{
    qInfo("%s: %lld ms", what, static_cast<long long>(timer.elapsed()));
}

// Fails the test when more CPU than one hostile file's budget went by since `startMs`.
#define CHECK_CPU(startMs, files)                                                                  \
    do {                                                                                           \
        const qint64 used = cpubudget::processMs() - (startMs);                                    \
        QVERIFY2(used <= cpubudget::budgetMs() * (files),                                          \
                 qPrintable(QStringLiteral("%1 ms of CPU, budget %2 ms")                           \
                                .arg(used)                                                         \
                                .arg(cpubudget::budgetMs() * (files))));                           \
    } while (false)

// Bytes this process has read through read() and the like so far (Linux: /proc/self/io), or -1.
qint64 bytesRead()
{
    QFile io(u"/proc/self/io"_s);
    if (!io.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : io.readAll().split('\n')) {
        if (line.startsWith("rchar: "))
            return line.mid(7).toLongLong();
    }
    return -1;
}

// Names, sizes and modification times of everything below `dir` (links not followed): what
// must not change when Frontis only reads.
QStringList snapshot(const QString& dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        out << info.filePath() + u' ' + QString::number(info.isSymLink() ? 0 : info.size()) + u' ' +
                   QString::number(info.lastModified().toMSecsSinceEpoch());
    }
    out.sort();
    return out;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// A file of `size` bytes that starts with a small article and whose rest is a hole (no disk
// space, nothing to write): what matters is that it is never read.
bool writeSparseArticle(const QString& path, qint64 size)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write("---\ntitle: Big body\n---\n") > 0 &&
           f.resize(size);
}

// Every FmNode below `node`, counted (the alias bomb must not build an exponential tree).
qsizetype countNodes(const FmNode& node)
{
    qsizetype n = 1;
    for (const FmEntry& e : node.entries)
        n += countNodes(e.value);
    for (const FmNode& item : node.items)
        n += countNodes(item);
    return n;
}

} // namespace

class TestHostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Input that must be refused, with a message and the line where the problem is.
    void refused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("mentions");
        QTest::addColumn<int>("line");

        QTest::newRow("git conflict markers")
            << hostile::conflictMarkers() << u"merge conflict"_s << 3;
        QTest::newRow("block nesting 1000 deep")
            << hostile::deepBlockNesting(1000) << u"deep"_s << -1;
        QTest::newRow("flow nesting 1000 deep") << hostile::deepFlowNesting(1000) << u"deep"_s << 2;
        QTest::newRow("flow maps 1000 deep")
            << QByteArray("---\nk: " + QByteArray(1000, '{').replace("{", "{a: ") + "x" +
                          QByteArray(1000, '}') + "\n---\n")
            << u"deep"_s << 2;
        QTest::newRow("tabs for indentation") << hostile::tabIndented() << u"tab"_s << 4;
        QTest::newRow("UTF-16 LE with BOM") << hostile::utf16(true, true) << u"UTF-16"_s << 1;
        QTest::newRow("UTF-16 BE with BOM") << hostile::utf16(false, true) << u"UTF-16"_s << 1;
        QTest::newRow("UTF-16 LE without BOM") << hostile::utf16(true, false) << u"UTF-16"_s << 1;
        QTest::newRow("UTF-16 BE without BOM") << hostile::utf16(false, false) << u"UTF-16"_s << 1;
        QTest::newRow("alias bomb, flow lists") << hostile::aliasBomb(9, 9) << u"alias"_s << -1;
        QTest::newRow("alias bomb, block maps")
            << hostile::aliasBombBlock(12, 6) << u"alias"_s << -1;
    }

    void refused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, mentions);
        QFETCH(int, line);

        QElapsedTimer timer;
        timer.start();
        const qint64 cpu = cpubudget::processMs();
        const Result<Document> doc = Document::fromBytes(bytes);
        reportTime(QTest::currentDataTag(), timer);
        CHECK_CPU(cpu, 1);
        QVERIFY(!doc);
        const Error& e = doc.error();
        QVERIFY2(e.message.contains(mentions, Qt::CaseInsensitive), qPrintable(e.message));
        if (line > 0)
            QCOMPARE(e.line, line);
        QVERIFY(e.line >= 1);
        QVERIFY(e.column >= 1);
        const QString formatted = e.format(u"in.md"_s);
        QVERIFY2(
            QRegularExpression(u"^in\\.md:\\d+:\\d+: error: \\S"_s).match(formatted).hasMatch(),
            qPrintable(formatted));
        // A validation run reports the same failure as one positioned error.
        const Diagnostic d = Validator::parseFailure(e);
        QVERIFY(d.isError());
        QCOMPARE(d.line, e.line);
    }

    // Conflict markers are named as such wherever they sit in the front matter, even where the
    // rest would otherwise parse (inside a block scalar's lines they are at column 1, so they end
    // it).
    void conflictMarkerForms_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("line");
        QTest::newRow("diff3 base section")
            << QByteArray("---\na: 1\n<<<<<<< ours\nb: 2\n||||||| base\nb: 1\n=======\nb: "
                          "3\n>>>>>>> theirs\n---\n")
            << 3;
        QTest::newRow("only the closing marker")
            << QByteArray("---\na: 1\n>>>>>>> theirs\n---\n") << 3;
        QTest::newRow("before the opening fence")
            << QByteArray("<<<<<<< HEAD\n---\na: 1\n---\n=======\n---\na: 2\n---\n>>>>>>> x\n")
            << 1;
        QTest::newRow("inside a folded value")
            << QByteArray("---\nanswer: >-\n    one\n=======\n    two\n---\n") << 4;
    }

    void conflictMarkerForms()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, line);
        const Result<Document> doc = Document::fromBytes(bytes);
        QVERIFY(!doc);
        QVERIFY2(doc.error().message.contains(u"merge conflict"_s),
                 qPrintable(doc.error().message));
        QCOMPARE(doc.error().line, line);
        QCOMPARE(doc.error().column, 1);
    }

    // Marker-like text that is not a marker is left alone.
    void notConflictMarkers()
    {
        const Result<Document> doc =
            Document::fromBytes("---\nnote: \"<<<<<<< not at the start\"\nrule: "
                                "==========\nanswer: >-\n    =======\n---\n"
                                "<<<<<<< in the body is the writer's business\n");
        QVERIFY2(doc, doc ? "" : qPrintable(doc.error().message));
        QCOMPARE(doc->find({u"rule"_s})->text, u"=========="_s);
        QCOMPARE(doc->find({u"answer"_s})->text, u"======="_s);
    }

    void tenThousandKeys()
    {
        const QByteArray bytes = hostile::manyKeys(10000);
        QElapsedTimer timer;
        timer.start();
        const qint64 cpu = cpubudget::processMs();
        Result<Document> doc = Document::fromBytes(bytes);
        reportTime("10,000 keys: parse", timer);
        QVERIFY(doc);
        QCOMPARE(doc->frontMatter().root().entries.size(), size_t(10000));
        QCOMPARE(doc->find({u"key_9999"_s})->text, u"value 9999"_s);

        timer.restart();
        QVERIFY(!doc->setString({u"key_5000"_s}, u"edited"_s));
        reportTime("10,000 keys: one edit", timer);
        QByteArray expected = bytes;
        expected.replace("key_5000: value 5000\n", "key_5000: edited\n");
        QCOMPARE(doc->bytes(), expected);

        timer.restart();
        const QList<Diagnostic> found =
            Validator(*Schema::builtIn(u"quicktakes"_s)).validate(doc.value());
        reportTime("10,000 keys: validate", timer);
        CHECK_CPU(cpu, 1);
        QVERIFY(!found.isEmpty()); // the QuickTakes fields are all missing
    }

    // Nesting under yaml-cpp's limit still works, and its deepest value can be edited.
    void deepButAllowed()
    {
        const QByteArray bytes = hostile::deepBlockNesting(400);
        QElapsedTimer timer;
        timer.start();
        Result<Document> doc = Document::fromBytes(bytes);
        reportTime("block nesting 400 deep: parse", timer);
        QVERIFY2(doc, doc ? "" : qPrintable(doc.error().message));
        KeyPath path;
        for (int i = 0; i < 400; ++i)
            path << u"k"_s;
        path << u"leaf"_s;
        QCOMPARE(doc->find(path)->text, u"x"_s);
        timer.restart();
        QVERIFY(!doc->setString(path, u"z"_s));
        reportTime("block nesting 400 deep: edit", timer);
        QVERIFY(doc->bytes().endsWith(QByteArray(400, ' ') + "leaf: z\n---\n"));
    }

    // A few aliases are read (and stay read-only); only runaway expansion is refused.
    void modestAliases()
    {
        const QByteArray bytes = hostile::aliasBomb(3, 3) + "&nbsp;";
        Result<Document> doc = Document::fromBytes(bytes);
        QVERIFY2(doc, doc ? "" : qPrintable(doc.error().message));
        const KeyPath deepPath{u"l2"_s, u"2"_s, u"1"_s, u"0"_s}; // l2 -> *l1 -> *l0 -> "lol"
        const FmNode* deep = doc->find(deepPath);
        QVERIFY(deep);
        QCOMPARE(deep->text, u"lol"_s);
        QVERIFY(!deep->editable);
        QVERIFY(doc->setString(deepPath, u"x"_s)); // inside an alias: refused
        // The anchored list's own items are shared by the aliases: changing one is refused too.
        QVERIFY(doc->setString({u"l0"_s, u"0"_s}, u"x"_s));
        QCOMPARE(doc->bytes(), bytes);
    }

    // Past the refusal, nothing exponential is built: the parse of a bomb that stays within the
    // limit holds as many nodes as the expansion, and the limit bounds that.
    void aliasExpansionIsBounded()
    {
        const Result<Document> doc = Document::fromBytes(hostile::aliasBomb(4, 8)); // 8^4 = 4096
        QVERIFY2(doc, doc ? "" : qPrintable(doc.error().message));
        const qsizetype nodes = countNodes(doc->frontMatter().root());
        QVERIFY2(nodes > 4096 && nodes < 6000, qPrintable(QString::number(nodes)));
    }

    void mixedLineBreaks()
    {
        const QByteArray bytes = hostile::mixedLineBreaks();
        QElapsedTimer timer;
        timer.start();
        const qint64 cpu = cpubudget::processMs();
        Result<Document> doc = Document::fromBytes(bytes);
        reportTime("mixed CRLF and LF: parse", timer);
        CHECK_CPU(cpu, 1);
        QVERIFY2(doc, doc ? "" : qPrintable(doc.error().message));
        QCOMPARE(doc->find({u"title"_s})->text, u"Mixed"_s);
        QCOMPARE(doc->find({u"seo"_s, u"page_description"_s})->text, u"First line second line"_s);
        QCOMPARE(doc->find({u"answer"_s})->text, u"One\\n\\nTwo"_s);
        QCOMPARE(doc->find({u"score"_s})->text, u"-1.0"_s);

        // Each edited line keeps its own line break; nothing else moves.
        QVERIFY(!doc->setString({u"title"_s}, u"Still mixed"_s));
        QVERIFY(!doc->setString({u"seo"_s, u"title"_s}, u"QuickTakes | Other"_s));
        QVERIFY(!doc->setString({u"seo"_s, u"page_description"_s}, u"Short"_s));
        QByteArray expected = bytes;
        expected.replace("title: Mixed\r\n", "title: Still mixed\r\n");
        expected.replace("  title: QuickTakes | Mixed\n", "  title: QuickTakes | Other\n");
        QCOMPARE(doc->bytes().left(expected.indexOf("    First")),
                 expected.left(expected.indexOf("    First")));
        QVERIFY(doc->bytes().endsWith(
            "answer: >-\n    One\\n\\nTwo\r\nscore: -1.0\n\r\n---\r\n&nbsp;"));
        QCOMPARE(doc->find({u"seo"_s, u"page_description"_s})->text, u"Short"_s);
        QVERIFY(Document::fromBytes(doc->bytes()));
    }

    // An answer over the 16 MiB front-matter limit is refused with a message at the front
    // matter's first line, nothing written. A file over the 64 MiB file limit is not even read
    // whole: only enough of it to see that its front matter is over the limit.
    void hugeAnswer_data()
    {
        QTest::addColumn<qint64>("answerBytes");
        QTest::addColumn<qint64>("maxRead");
        QTest::newRow("20 MB answer, read whole") << qint64(20'000'000) << qint64(21'000'000);
        QTest::newRow("100 MB answer, over the file limit")
            << qint64(100'000'000) << qint64(ArticleFile::MaxFrontMatterBytes + 1024 * 1024);
    }

    void hugeAnswer()
    {
        QFETCH(qint64, answerBytes);
        QFETCH(qint64, maxRead);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"huge.md"_s);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(hostile::writeHugeAnswer(f, answerBytes));
        }
        const QStringList before = snapshot(dir.path());
        QElapsedTimer timer;
        timer.start();
        const qint64 cpu = cpubudget::processMs();
        const qint64 read = bytesRead();
        const Result<Document> doc = Document::load(path);
        reportTime(QTest::currentDataTag(), timer);
        CHECK_CPU(cpu, 1);
        if (read >= 0)
            QVERIFY2(bytesRead() - read < maxRead, qPrintable(QString::number(bytesRead() - read)));
        QVERIFY(!doc);
        QVERIFY2(doc.error().message.contains(u"larger than 16 MiB"_s),
                 qPrintable(doc.error().message));
        QCOMPARE(doc.error().line, 2);
        QCOMPARE(doc.error().column, 1);

        // The folder's index and `frontis validate` read it the same way.
        SchemaLibrary library;
        timer.restart();
        const qint64 cpu2 = cpubudget::processMs();
        const ArticleSummary summary = ArticleSummary::read(path, library);
        reportTime("summary", timer);
        CHECK_CPU(cpu2, 1);
        QCOMPARE(summary.diagnostics.size(), 1);
        QCOMPARE(summary.diagnostics[0].rule, u"parse"_s);
        QCOMPARE(summary.diagnostics[0].line, 2);
        QVERIFY(summary.diagnostics[0].message.contains(u"16 MiB"_s));
        QCOMPARE(snapshot(dir.path()), before);
    }

    // A small front matter in a file over the 64 MiB file limit: refused by its size, read no
    // further than the front-matter limit, by every reader.
    void oversizedFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"big.md"_s);
        QVERIFY(writeSparseArticle(path, 200 * 1024 * 1024));
        const QStringList before = snapshot(dir.path());
        const qint64 cpu = cpubudget::processMs();
        const qint64 read = bytesRead();

        const Result<Document> doc = Document::load(path);
        QVERIFY(!doc);
        QVERIFY2(doc.error().message.contains(u"200 MiB"_s) &&
                     doc.error().message.contains(u"64 MiB"_s),
                 qPrintable(doc.error().message));
        QCOMPARE(doc.error().line, 0); // about the whole file
        SchemaLibrary library;
        const ArticleSummary summary = ArticleSummary::read(path, library);
        QCOMPARE(summary.diagnostics.size(), 1);
        QCOMPARE(summary.diagnostics[0].rule, u"io"_s);
        QVERIFY(summary.diagnostics[0].message.contains(u"64 MiB"_s));
        QVERIFY(!FileStamp::read(path));

        CHECK_CPU(cpu, 1);
        if (read >= 0) {
            QVERIFY2(bytesRead() - read < 3 * (ArticleFile::MaxFrontMatterBytes + 1024 * 1024),
                     qPrintable(QString::number(bytesRead() - read)));
        }
        QCOMPARE(snapshot(dir.path()), before);
    }

    // Not regular files: refused at once by every reader, never waited on (opening a FIFO for
    // reading would wait for a writer forever, reading /dev/zero would never end).
    void notRegularFiles_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("folder") << u"folder"_s << u"is a folder"_s;
        QTest::newRow("FIFO") << u"fifo"_s << u"named pipe"_s;
        QTest::newRow("device") << u"device"_s << u"device"_s;
    }

    void notRegularFiles()
    {
        QFETCH(QString, kind);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString path = dir.filePath(u"x.md"_s);
        if (kind == u"folder"_s)
            QVERIFY(QDir().mkdir(path));
        else if (kind == u"fifo"_s)
            QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        else
            path = u"/dev/zero"_s;
        const QStringList before = snapshot(dir.path());

        QElapsedTimer timer;
        timer.start();
        const qint64 cpu = cpubudget::processMs();
        const Result<Document> doc = Document::load(path);
        QVERIFY(!doc);
        QVERIFY2(doc.error().message.contains(mentions), qPrintable(doc.error().message));
        QVERIFY(!FileStamp::read(path));
        SchemaLibrary library;
        const ArticleSummary summary = ArticleSummary::read(path, library);
        QCOMPARE(summary.diagnostics.size(), 1);
        QCOMPARE(summary.diagnostics[0].rule, u"io"_s);
        QVERIFY2(summary.diagnostics[0].message.contains(mentions),
                 qPrintable(summary.diagnostics[0].message));
        const Result<Schema> schema = Schema::load(path);
        QVERIFY(!schema);
        QVERIFY2(schema.error().message.contains(mentions), qPrintable(schema.error().message));
        reportTime(QTest::currentDataTag(), timer);
        CHECK_CPU(cpu, 1);
        QCOMPARE(snapshot(dir.path()), before);
    }

    // An article replaced by a FIFO while it is open in the editor: the check before a save
    // says "changed" at once instead of waiting for a writer.
    void articleReplacedByFifo()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"a.md"_s);
        QVERIFY(writeFile(path, "---\ntitle: A\n---\n&nbsp;"));
        Result<Document> doc = Document::load(path);
        QVERIFY(doc);
        QVERIFY(!doc->changedOnDisk(path));
        QVERIFY(QFile::remove(path));
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        const qint64 cpu = cpubudget::processMs();
        QVERIFY(doc->changedOnDisk(path));
        QVERIFY(doc->acceptDiskVersion(path).has_value());
        QVERIFY(!doc->setString({u"title"_s}, u"B"_s));
        const Status saved = doc->saveTo(path, Document::IfChangedOnDisk::Refuse);
        QVERIFY(saved.has_value());
        CHECK_CPU(cpu, 1);
        QVERIFY(!QFileInfo(path).isFile()); // the FIFO is still there, not overwritten
    }

    // A content folder holding every hostile file at once, as the window's folder index and
    // `frontis validate` read it: each file gets its diagnostic (with its line where the
    // problem has one), the whole takes no more than a budget per file, and nothing is written
    // into the folder.
    void hostileFolder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString root = dir.filePath(u"content"_s);
        QVERIFY(QDir().mkpath(root + u"/sub"_s));
        struct Expected
        {
            const char* name;
            QByteArray bytes;
            int line; // of the parse error; 0: no error expected
        };
        const QList<Expected> files = {
            {"conflict.md", hostile::conflictMarkers(), 3},
            {"keys.md", hostile::manyKeys(10000), 0},
            {"nesting.md", hostile::deepBlockNesting(1000), -1},
            {"flow.md", hostile::deepFlowNesting(1000), 2},
            {"bomb.md", hostile::aliasBomb(9, 9), -1},
            {"bomb-block.md", hostile::aliasBombBlock(12, 6), -1},
            {"tabs.md", hostile::tabIndented(), 4},
            {"utf16.md", hostile::utf16(true, true), 1},
            {"utf16be.md", hostile::utf16(false, false), 1},
            {"mixed.md", hostile::mixedLineBreaks(), 0},
        };
        for (const Expected& e : files)
            QVERIFY(writeFile(root + u'/' + QLatin1String(e.name), e.bytes));
        {
            QFile f(root + u"/huge.md"_s);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(hostile::writeHugeAnswer(f, 70 * 1000 * 1000));
        }
        QVERIFY(writeSparseArticle(root + u"/big.md"_s, 100 * 1024 * 1024));
        QCOMPARE(::mkfifo(QFile::encodeName(root + u"/pipe.md"_s).constData(), 0600), 0);
        QVERIFY(QDir().mkdir(root + u"/folder.md"_s));
        QVERIFY(QFile::link(u".."_s, root + u"/sub/up"_s));
        QVERIFY(QFile::link(u"loop.md"_s, root + u"/loop.md"_s));
        const QStringList before = snapshot(dir.path());

        QElapsedTimer timer;
        timer.start();
        const qint64 cpu = cpubudget::processMs();
        ArticleIndex index(root);
        const ArticleIndex::Stats stats = index.update();
        reportTime("hostile folder: index", timer);
        CHECK_CPU(cpu, 16);
        QCOMPARE(stats.files, int(files.size()) + 2);

        auto summaryOf = [&](const QString& name) {
            return index.article(QDir(index.root()).filePath(name));
        };
        for (const Expected& e : files) {
            const ArticleSummary* s = summaryOf(QLatin1String(e.name));
            QVERIFY2(s, e.name);
            const QList<Diagnostic> parse = [&] {
                QList<Diagnostic> out;
                for (const Diagnostic& d : s->diagnostics) {
                    if (d.rule == u"parse"_s)
                        out << d;
                }
                return out;
            }();
            if (e.line == 0) {
                QVERIFY2(parse.isEmpty(), e.name);
                continue;
            }
            QCOMPARE(parse.size(), 1);
            QVERIFY2(parse[0].line >= 1 && parse[0].column >= 1, e.name);
            if (e.line > 0)
                QCOMPARE(parse[0].line, e.line);
        }
        const ArticleSummary* huge = summaryOf(u"huge.md"_s);
        QVERIFY(huge);
        QCOMPARE(huge->diagnostics.size(), 1);
        QCOMPARE(huge->diagnostics[0].line, 2);
        QVERIFY(huge->diagnostics[0].message.contains(u"16 MiB"_s));
        const ArticleSummary* big = summaryOf(u"big.md"_s);
        QVERIFY(big);
        QCOMPARE(big->diagnostics.size(), 1);
        QCOMPARE(big->diagnostics[0].rule, u"io"_s);
        QStringList problems;
        for (const ArticleIndex::Problem& p : index.problems())
            problems << QFileInfo(p.path).fileName();
        problems.sort();
        QCOMPARE(problems, (QStringList{u"loop.md"_s, u"pipe.md"_s}));
        QCOMPARE(snapshot(dir.path()), before);
    }

    // A folder holding symbolic links that loop, a FIFO and a folder named like an article: the
    // search ends, the real article is found once, and the broken entries are named.
    void symlinkLoopsInAFolder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString root = dir.filePath(u"content"_s);
        QVERIFY(QDir().mkpath(root + u"/sub"_s));
        QVERIFY(QFile::link(u".."_s, root + u"/sub/up"_s)); // back to content/
        QVERIFY(QFile::link(u"."_s, root + u"/self"_s));    // content/ again
        QVERIFY(QFile::link(u"b.md"_s, root + u"/a.md"_s)); // a.md -> b.md -> a.md
        QVERIFY(QFile::link(u"a.md"_s, root + u"/b.md"_s));
        QVERIFY(QFile::link(u"loop.md"_s, root + u"/loop.md"_s)); // itself
        QCOMPARE(::mkfifo(QFile::encodeName(root + u"/pipe.md"_s).constData(), 0600), 0);
        QVERIFY(QDir().mkdir(root + u"/folder.md"_s));
        QFile article(root + u"/sub/article.md"_s);
        QVERIFY(article.open(QIODevice::WriteOnly));
        article.write("---\ntitle: Real\n---\n&nbsp;");
        article.close();

        QElapsedTimer timer;
        timer.start();
        const ArticleFinder::Result found = ArticleFinder::find({root});
        reportTime("symbolic link loops: find", timer);
        QCOMPARE(found.files, QStringList{root + u"/sub/article.md"_s});
        QStringList named;
        for (const ArticleFinder::Problem& p : found.problems)
            named << QFileInfo(p.path).fileName();
        named.sort();
        QCOMPARE(named, (QStringList{u"a.md"_s, u"b.md"_s, u"loop.md"_s, u"pipe.md"_s}));

        SchemaLibrary library;
        timer.restart();
        const FolderValidator::Report report = FolderValidator(library).run({root});
        reportTime("symbolic link loops: validate", timer);
        QCOMPARE(report.articles, 1);
        QVERIFY(report.ioProblems);
    }

    // Markdown that would run code, fetch or inject markup renders as inert HTML.
    void hostileMarkdown_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("mustContain");
        QTest::newRow("script element")
            << u"Hi\n\n<script>alert(1)</script>\n\nthere"_s << u">there</p>"_s;
        QTest::newRow("inline raw HTML") << u"a <img src=x onerror=alert(1)> b <b onclick=x>c</b>"_s
                                         << u"a <!-- raw HTML omitted --> b"_s;
        QTest::newRow("iframe block")
            << u"<iframe src=\"https://example.com\"></iframe>"_s << QString();
        QTest::newRow("javascript link") << u"[click](javascript:alert(1))"_s << u">click</a>"_s;
        QTest::newRow("javascript link, mixed case and entity")
            << u"[a](JaVaScRiPt:alert(1)) [b](java&#115;cript:alert(1)) <javascript:alert(1)>"_s
            << u">a</a>"_s;
        QTest::newRow("vbscript and file links")
            << u"[v](vbscript:x) [f](file:///etc/passwd)"_s << u">v</a>"_s;
        QTest::newRow("data link")
            << u"[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"_s << u">d</a>"_s;
        QTest::newRow("data image with svg")
            << u"![x](data:image/svg+xml;base64,PHN2Zz4=)"_s << u"<img"_s;
        QTest::newRow("remote image") << u"![tracker](http://127.0.0.1:9/pixel.png)"_s
                                      << u"src=\"http://127.0.0.1:9/pixel.png\""_s;
        QTest::newRow("HTML comment and CDATA") << u"<!-- x --><![CDATA[<script>]]>"_s << QString();
        QTest::newRow("autolink with quotes")
            << u"<http://a.example/\"onmouseover=\"alert(1)>"_s << u"%22onmouseover=%22"_s;
    }

    void hostileMarkdown()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, mustContain);
        ArticleContent article;
        article.title = u"<script>alert('title')</script>"_s;
        article.author = u"\"><img src=x onerror=alert(1)>"_s;
        article.text = markdown;
        const QString fragment = renderMarkdown(markdown, RenderOptions{true, true});
        const QString page = renderArticleHtml(article);
        for (const QString& html : {fragment, page}) {
            const QString lower = html.toLower();
            QVERIFY2(!lower.contains(u"<script"_s), qPrintable(html));
            QVERIFY2(!lower.contains(u"<iframe"_s), qPrintable(html));
            // Text may mention "javascript:"; no link or image may point there.
            static const QRegularExpression badUrl(
                u"(href|src)=\"\\s*(javascript|vbscript|file):|href=\"\\s*data:|src=\"\\s*data:(?!image/)"_s);
            QVERIFY2(!badUrl.match(lower).hasMatch(), qPrintable(html));
            QVERIFY2(!QRegularExpression(u"<[^>]*\\son\\w+\\s*="_s).match(lower).hasMatch(),
                     qPrintable(html));
            QVERIFY2(!lower.contains(u"<!--"_s) || lower.contains(u"<!-- raw html omitted -->"_s),
                     qPrintable(html));
        }
        QVERIFY2(fragment.contains(mustContain), qPrintable(fragment));
        QVERIFY(page.contains(u"&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;"_s) ||
                page.contains(u"&lt;script&gt;alert('title')&lt;/script&gt;"_s));
    }

    // Deep structure renders and lints (cmark and the linter are not recursive on it).
    void deepMarkdown_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("mustContain");
        QTest::newRow("10,000 nested blockquotes")
            << QString(10000, u'>') + u" deep"_s << u"deep"_s;
        QTest::newRow("10,000 nested blockquotes, spaced")
            << QString(u"> "_s).repeated(10000) + u"deep"_s << u"deep"_s;
        QTest::newRow("10,000 nested lists on one line")
            << QString(u"- "_s).repeated(10000) + u"x"_s << u"<li"_s;
        QTest::newRow("1,000 nested list items") << [] {
            QString s;
            for (int i = 0; i < 1000; ++i)
                s += QString(i * 2, u' ') + u"- x\n"_s;
            return s;
        }() << u"<li"_s;
        QTest::newRow("10,000 open brackets") << QString(10000, u'[') + u"x"_s << u"[[["_s;
        QTest::newRow("10,000 emphasis openers") << QString(u"*a "_s).repeated(10000) << u"*a"_s;
        QTest::newRow("unbalanced emphasis in one long word")
            << QString(u"x!*"_s).repeated(20000) << u"x!*"_s;
        QTest::newRow("10,000 nested links")
            << QString(u"[a"_s).repeated(10000) + QString(u"](b)"_s).repeated(10000) << u"<a"_s;
    }

    void deepMarkdown()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, mustContain);
        QElapsedTimer timer;
        timer.start();
        const QString html = renderMarkdown(markdown, RenderOptions{true, false});
        const qint64 render = timer.restart();
        const QList<MarkdownIssue> issues = lintMarkdown(markdown);
        const qint64 lint = timer.restart();
        ArticleContent article;
        article.text = markdown;
        const QString page = renderArticleHtml(article);
        qInfo("%s: render %lld ms, lint %lld ms (%lld issues), article %lld ms",
              QTest::currentDataTag(), static_cast<long long>(render), static_cast<long long>(lint),
              static_cast<long long>(issues.size()), static_cast<long long>(timer.elapsed()));
        QVERIFY(html.contains(mustContain));
        QVERIFY(page.contains(mustContain));
        for (const MarkdownIssue& issue : issues) {
            QVERIFY(issue.line >= 1);
            QVERIFY(issue.column >= 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
