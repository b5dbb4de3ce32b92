// The headless command line, run as the real `frontis` executable on real files.
#include "../model/testutil.h"

#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCommandLine : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QByteArray m_seed;
    QString m_file;

    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };

    Run frontis(const QStringList& args, const QByteArray& input = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY")); // headless: no display may be needed
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(FRONTIS_EXECUTABLE), args);
        if (p.waitForStarted(30000)) {
            p.write(input);
            p.closeWriteChannel();
        }
        p.waitForFinished(30000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString seed = testutil::seedPath();
        if (seed.isEmpty())
            QSKIP("../shared/seed is absent (set FRONTIS_SHARED_DIR)");
        m_seed = testutil::readAll(seed);
    }

    void init()
    {
        m_file = m_dir.filePath(QStringLiteral("article.md"));
        QVERIFY(testutil::writeAll(m_file, m_seed));
    }

    void helpAndVersion()
    {
        const Run help = frontis({QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains(QLatin1String("frontis get FILE KEY")));
        QVERIFY(help.out.contains(QLatin1String("frontis set FILE KEY VALUE [--dry-run]")));
        QVERIFY(help.out.contains(QLatin1String("frontis add FILE KEY VALUE [--dry-run]")));
        QVERIFY(help.out.contains(QLatin1String("frontis unset FILE KEY [--dry-run]")));
        const Run version = frontis({QStringLiteral("--version")});
        QCOMPARE(version.code, 0);
        QVERIFY(version.out.startsWith(QLatin1String("frontis ")));
    }

    void getPrintsValues()
    {
        Run r = frontis({QStringLiteral("get"), m_file, QStringLiteral("seo.title")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QStringLiteral("QuickTakes | Computer Science\n"));
        r = frontis({QStringLiteral("get"), m_file, QStringLiteral("score")});
        QCOMPARE(r.out, QStringLiteral("-1.0\n"));
        r = frontis({QStringLiteral("get"), m_file, QStringLiteral("seo.nothing")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("no key 'seo.nothing'")));
    }

    void setChangesOnlyThatLine()
    {
        const Run r = frontis({QStringLiteral("set"), m_file, QStringLiteral("seo.title"),
                               QStringLiteral("QuickTakes | AI")});
        QCOMPARE(r.code, 0);
        QByteArray expected = m_seed;
        expected.replace("  title: QuickTakes | Computer Science\n", "  title: QuickTakes | AI\n");
        QCOMPARE(testutil::readAll(m_file), expected);
    }

    void setKeepsTypesAndQuotesStrings_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("float stays float") << "score"
                                           << "0.5" << QByteArray("\nscore: 0.5\n");
        QTest::newRow("int in float field") << "score"
                                            << "3" << QByteArray("\nscore: 3.0\n");
        QTest::newRow("negative value is not an option") << "score"
                                                         << "-2.5" << QByteArray("\nscore: -2.5\n");
        QTest::newRow("date stays date") << "date"
                                         << "2025-03-01" << QByteArray("\ndate: 2025-03-01\n");
        QTest::newRow("bool-like string") << "author"
                                          << "yes" << QByteArray("\nauthor: 'yes'\n");
        QTest::newRow("new key") << "draft"
                                 << "true" << QByteArray("\nscore: -1.0\ndraft: 'true'\n\n---");
        QTest::newRow("hash") << "author"
                              << "A # B" << QByteArray("\nauthor: 'A # B'\n");
        // The sample's schema types `score` as a number and `id` as an integer: VALUE is written
        // as a literal that YAML 1.1 and 1.2 readers both read as that type.
        QTest::newRow("1e3 in a number field") << "score"
                                               << "1e3" << QByteArray("\nscore: 1000.0\n");
        QTest::newRow("0o17 in an integer field") << "id"
                                                  << "0o17" << QByteArray("\nid: 15\n");
        QTest::newRow("1_000 in an integer field") << "id"
                                                   << "1_000" << QByteArray("\nid: 1000\n");
    }

    void setKeepsTypesAndQuotesStrings()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QByteArray, line);
        const Run r = frontis({QStringLiteral("set"), m_file, key, value});
        QCOMPARE(r.code, 0);
        const QByteArray now = testutil::readAll(m_file);
        QVERIFY2(now.contains(line), now.constData());
        // What get prints is the written value: the line's text after the key.
        const QByteArray start = "\n" + key.toUtf8() + ": ";
        const qsizetype from = line.indexOf(start) + start.size();
        const QByteArray written = line.mid(from, line.indexOf('\n', from) - from);
        const QString readBack = QString::fromUtf8(written).remove(u'\'');
        QCOMPARE(frontis({QStringLiteral("get"), m_file, key}).out, readBack + QLatin1Char('\n'));
    }

    void setRefusesWhatIsNoLiteralOfTheSchemaType()
    {
        const Run r = frontis(
            {QStringLiteral("set"), m_file, QStringLiteral("score"), QStringLiteral("many")});
        QCOMPARE(r.code, 2);
        const int line = int(m_seed.left(m_seed.indexOf("\nscore:")).count('\n')) + 2;
        QVERIFY2(
            r.err.startsWith(
                QStringLiteral("%1:%2:8: error: 'score' must be a number").arg(m_file).arg(line)),
            qPrintable(r.err));
        QVERIFY(r.err.contains(QLatin1String("'many'")));
        QCOMPARE(testutil::readAll(m_file), m_seed);
    }

    // Without a schema type, a value that YAML 1.1 and 1.2 readers type differently is a string,
    // and so is what replaces it; setting the value it has changes nothing.
    void setWithoutSchemaTypeKeepsAmbiguousValuesStrings()
    {
        const QString file = m_dir.filePath(QStringLiteral("hugo.md"));
        QVERIFY(testutil::writeAll(file, "---\nweight: 1e3\nlevel: 5\n---\nBody\n"));
        QCOMPARE(
            frontis({QStringLiteral("set"), file, QStringLiteral("weight"), QStringLiteral("-1")})
                .code,
            0);
        QCOMPARE(
            frontis({QStringLiteral("set"), file, QStringLiteral("level"), QStringLiteral("-1")})
                .code,
            0);
        QCOMPARE(testutil::readAll(file), QByteArray("---\nweight: '-1'\nlevel: -1\n---\nBody\n"));
        const QFileInfo before(file);
        QCOMPARE(
            frontis({QStringLiteral("set"), file, QStringLiteral("weight"), QStringLiteral("-1")})
                .code,
            0);
        QCOMPARE(QFileInfo(file).lastModified(), before.lastModified());
    }

    // Issue 16: a mistyped command, and a window without a display, end with one clear message
    // and exit status 2, not Qt's platform plugin aborting with a core dump.
    void unknownCommandListsTheCommands()
    {
        const Run r = frontis({QStringLiteral("foo"), QStringLiteral("bar")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.startsWith(QLatin1String("frontis: unknown command 'foo'")),
                 qPrintable(r.err));
        QVERIFY(r.err.contains(QLatin1String("get, set, add, unset, validate, render")));
        QVERIFY(r.out.isEmpty());
    }

    void windowWithoutDisplaySaysSo()
    {
        for (const QStringList& args :
             {QStringList{m_file}, QStringList{m_dir.path()}, QStringList{},
              QStringList{QStringLiteral("draft.md")}, QStringList{QStringLiteral("notes.txt")}}) {
            const Run r = frontis(args);
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.startsWith(QLatin1String("frontis: cannot open a window: no display")),
                     qPrintable(r.err));
            QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
        }
    }

    void dryRunPrintsDiffAndWritesNothing()
    {
        const Run r = frontis({QStringLiteral("set"), m_file, QStringLiteral("author"),
                               QStringLiteral("Ada"), QStringLiteral("--dry-run")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("--- %1\n+++ %1\n@@ ").arg(m_file)));
        QVERIFY(r.out.contains(QLatin1String("\n-author: QuickTakes\n+author: Ada\n")));
        QCOMPARE(testutil::readAll(m_file), m_seed);
    }

    // The seed's body is the blank line and "&nbsp;", without a final newline.
    void getBodyPrintsTheBytes()
    {
        const Run r = frontis({QStringLiteral("get"), m_file, QStringLiteral("--body")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QStringLiteral("\n&nbsp;"));
        const QByteArray crlf = "\xEF\xBB\xBF---\r\na: 1\r\n---\r\n# T\r\n\r\nx";
        QVERIFY(testutil::writeAll(m_file, crlf));
        QProcess p;
        p.start(QStringLiteral(FRONTIS_EXECUTABLE),
                {QStringLiteral("get"), m_file, QStringLiteral("--body")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.readAllStandardOutput(), QByteArray("# T\r\n\r\nx"));
        QVERIFY(testutil::writeAll(m_file, "no front matter\n"));
        QCOMPARE(frontis({QStringLiteral("get"), m_file, QStringLiteral("--body")}).out,
                 QStringLiteral("no front matter\n"));
        QCOMPARE(frontis({QStringLiteral("get"), m_file, QStringLiteral("--body"),
                          QStringLiteral("extra")})
                     .code,
                 2);
    }

    void setBodyFromFileAndStdin_data()
    {
        QTest::addColumn<bool>("stdinInput");
        QTest::newRow("file") << false;
        QTest::newRow("stdin") << true;
    }

    void setBodyFromFileAndStdin()
    {
        QFETCH(bool, stdinInput);
        const qsizetype bodyBegin = m_seed.size() - QByteArray("\n&nbsp;").size();
        QVERIFY(m_seed.endsWith("\n---\n\n&nbsp;"));
        const QByteArray body = "# New\n\n---\n{{< note >}}Text{{< /note >}}\n";
        const QString source = m_dir.filePath(QStringLiteral("body.md"));
        QVERIFY(testutil::writeAll(source, body));
        const Run r = frontis({QStringLiteral("set"), m_file, QStringLiteral("--body"),
                               stdinInput ? QStringLiteral("-") : source},
                              stdinInput ? body : QByteArray());
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QCOMPARE(testutil::readAll(m_file), m_seed.left(bodyBegin) + body);
        // A CRLF file gets CRLF line breaks.
        QByteArray crlf = m_seed;
        crlf.replace("\n", "\r\n");
        QVERIFY(testutil::writeAll(m_file, crlf));
        QCOMPARE(frontis({QStringLiteral("set"), m_file, QStringLiteral("--body"),
                          stdinInput ? QStringLiteral("-") : source},
                         stdinInput ? body : QByteArray())
                     .code,
                 0);
        QByteArray expected = body;
        expected.replace("\n", "\r\n");
        const QByteArray written = testutil::readAll(m_file);
        QCOMPARE(written.left(crlf.size() - 9), crlf.left(crlf.size() - 9)); // less "\r\n&nbsp;"
        QCOMPARE(written.mid(crlf.size() - 8), expected);
    }

    void setBodyDryRunAndNoOp()
    {
        const QString source = m_dir.filePath(QStringLiteral("body.md"));
        QVERIFY(testutil::writeAll(source, "\nNew text"));
        Run r = frontis({QStringLiteral("set"), m_file, QStringLiteral("--body"), source,
                         QStringLiteral("--dry-run")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("--- %1\n+++ %1\n@@ ").arg(m_file)),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("\n-&nbsp;")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("\n+New text")), qPrintable(r.out));
        QCOMPARE(testutil::readAll(m_file), m_seed);
        // The body already there: the file is not even rewritten.
        QVERIFY(testutil::writeAll(source, "\n&nbsp;"));
        const QDateTime before = QFileInfo(m_file).lastModified();
        const qint64 inode =
            QFileInfo(m_file).fileTime(QFileDevice::FileMetadataChangeTime).toMSecsSinceEpoch();
        QTest::qWait(20);
        r = frontis({QStringLiteral("set"), m_file, QStringLiteral("--body"), source});
        QCOMPARE(r.code, 0);
        QCOMPARE(testutil::readAll(m_file), m_seed);
        QCOMPARE(QFileInfo(m_file).lastModified(), before);
        QCOMPARE(
            QFileInfo(m_file).fileTime(QFileDevice::FileMetadataChangeTime).toMSecsSinceEpoch(),
            inode);
        // Errors: a missing PATH, a body that is not UTF-8; nothing written, status 2.
        r = frontis({QStringLiteral("set"), m_file, QStringLiteral("--body"),
                     m_dir.filePath(QStringLiteral("missing.md"))});
        QCOMPARE(r.code, 2);
        QVERIFY(testutil::writeAll(source, "bad \xC3\x28"));
        r = frontis({QStringLiteral("set"), m_file, QStringLiteral("--body"), source});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("UTF-8")), qPrintable(r.err));
        QCOMPARE(testutil::readAll(m_file), m_seed);
    }

    // A body site's article renders its body; the first key set on a file without front matter
    // creates the block.
    void renderABodyArticle()
    {
        QVERIFY(
            testutil::writeAll(m_file, "---\ntitle: Body site\n---\n# Heading\n\nSome *text*.\n"));
        Run r = frontis({QStringLiteral("render"), m_file, QStringLiteral("--fragment")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("Heading</h1>")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("<em>text</em>")), qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("Body site")));
        QVERIFY(testutil::writeAll(m_file, "plain *markdown*\r\n"));
        r = frontis({QStringLiteral("render"), m_file, QStringLiteral("--fragment")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("<em>markdown</em>")), qPrintable(r.out));
        QCOMPARE(
            frontis({QStringLiteral("set"), m_file, QStringLiteral("title"), QStringLiteral("T")})
                .code,
            0);
        QCOMPARE(testutil::readAll(m_file),
                 QByteArray("---\r\ntitle: T\r\n---\r\nplain *markdown*\r\n"));
    }

    void errorsNameThePlaceAndWriteNothing_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("yaml syntax") << QByteArray("---\na: 1\nb: [1, 2\n---\n")
                                     << "article.md:4:1: error: YAML syntax error";
        QTest::newRow("duplicate")
            << QByteArray("---\na: 1\na: 2\n---\n") << "article.md:3:1: error: duplicate key 'a'";
        QTest::newRow("no closing fence")
            << QByteArray("---\na: 1\n") << "article.md:1:1: error: no closing '---' fence";
        QTest::newRow("empty") << QByteArray() << "article.md:1:1: error: the file is empty";
    }

    void errorsNameThePlaceAndWriteNothing()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        QVERIFY(testutil::writeAll(m_file, bytes));
        const Run r =
            frontis({QStringLiteral("set"), m_file, QStringLiteral("a"), QStringLiteral("x")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(testutil::readAll(m_file), bytes);
        QCOMPARE(frontis({QStringLiteral("get"), m_file, QStringLiteral("a")}).code, 2);
    }

    void refusedEditExitsTwo()
    {
        QVERIFY(testutil::writeAll(m_file, "---\nbase: &b x\nref: *b\n---\n"));
        const Run r =
            frontis({QStringLiteral("set"), m_file, QStringLiteral("ref"), QStringLiteral("y")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("article.md:3:6: error: 'ref' cannot be edited")),
                 qPrintable(r.err));
        QCOMPARE(testutil::readAll(m_file), QByteArray("---\nbase: &b x\nref: *b\n---\n"));
    }

    // add and unset: only the item's lines change, --dry-run writes nothing, a missing key exits 1.
    void addAndUnsetChangeOnlyTheItem()
    {
        const QByteArray source = "---\r\ntitle: T\r\ntags:\r\n  - a\r\n  # on b\r\n  - b\r\n"
                                  "authors: [{name: Grace, url: /g}]\r\n---\r\nBody\r\n";
        QVERIFY(testutil::writeAll(m_file, source));
        Run r = frontis({QStringLiteral("add"), m_file, QStringLiteral("tags"),
                         QStringLiteral("c: d"), QStringLiteral("--dry-run")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("\n+  - 'c: d'\r\n")), qPrintable(r.out));
        QCOMPARE(testutil::readAll(m_file), source);
        r = frontis({QStringLiteral("add"), m_file, QStringLiteral("tags"), QStringLiteral("c")});
        QCOMPARE(r.code, 0);
        QByteArray expected = source;
        expected.replace("  - b\r\n", "  - b\r\n  - c\r\n");
        QCOMPARE(testutil::readAll(m_file), expected);
        r = frontis({QStringLiteral("add"), m_file, QStringLiteral("authors"),
                     QStringLiteral("{url: /ada, name: Ada}")});
        QCOMPARE(r.code, 0);
        expected.replace("/g}]", "/g}, {name: Ada, url: /ada}]");
        QCOMPARE(testutil::readAll(m_file), expected);
        r = frontis({QStringLiteral("unset"), m_file, QStringLiteral("tags.1")});
        QCOMPARE(r.code, 0);
        expected.replace("  # on b\r\n  - b\r\n", "");
        QCOMPARE(testutil::readAll(m_file), expected);
        r = frontis({QStringLiteral("unset"), m_file, QStringLiteral("authors.0")});
        QCOMPARE(r.code, 0);
        expected.replace("{name: Grace, url: /g}, ", "");
        QCOMPARE(testutil::readAll(m_file), expected);
        r = frontis({QStringLiteral("unset"), m_file, QStringLiteral("tags.5")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("no key 'tags.5'")));
        QCOMPARE(testutil::readAll(m_file), expected);
    }

    void addAndUnsetErrors()
    {
        const QByteArray source = "---\ntitle: T\nbase: &b [x]\n---\n";
        QVERIFY(testutil::writeAll(m_file, source));
        Run r =
            frontis({QStringLiteral("add"), m_file, QStringLiteral("title"), QStringLiteral("x")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("article.md:2:8: error: cannot add to 'title'")),
                 qPrintable(r.err));
        r = frontis({QStringLiteral("add"), m_file, QStringLiteral("tags"), QStringLiteral("{a")});
        QCOMPARE(r.code, 2);
        r = frontis({QStringLiteral("add"), m_file, QStringLiteral("base"), QStringLiteral("y")});
        QCOMPARE(r.code, 2);
        QCOMPARE(frontis({QStringLiteral("unset"), m_file}).code, 2);
        QCOMPARE(frontis({QStringLiteral("add"), m_file, QStringLiteral("t"), QStringLiteral("x"),
                          QStringLiteral("--bogus")})
                     .code,
                 2);
        QCOMPARE(testutil::readAll(m_file), source);
    }

    void usageErrors()
    {
        QCOMPARE(frontis({QStringLiteral("get"), m_file}).code, 2);
        QCOMPARE(frontis({QStringLiteral("set"), m_file, QStringLiteral("a"), QStringLiteral("b"),
                          QStringLiteral("--bogus")})
                     .code,
                 2);
        const Run r = frontis({QStringLiteral("frobnicate")});
        QVERIFY(r.code != 0);
        QCOMPARE(frontis({QStringLiteral("get"), m_dir.filePath(QStringLiteral("missing.md")),
                          QStringLiteral("a")})
                     .code,
                 2);
    }

    // Issue 20: Hugo's own archetype output and a Hugo JSON article, through the real command line.
    void tomlAndJsonFrontMatter()
    {
        const QString toml = m_dir.filePath(QStringLiteral("hugo.md"));
        QVERIFY(testutil::writeAll(
            toml, testutil::readAll(
                      QStringLiteral(FRONTIS_SOURCE_DIR "/tests/data/toml/hugo-archetype.md"))));
        Run r = frontis({QStringLiteral("validate"), toml});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        r = frontis({QStringLiteral("get"), toml, QStringLiteral("date")});
        QCOMPARE(r.out, QStringLiteral("2024-01-01T10:00:00-05:00\n"));
        r = frontis(
            {QStringLiteral("set"), toml, QStringLiteral("title"), QStringLiteral("It's \"new\"")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = frontis(
            {QStringLiteral("set"), toml, QStringLiteral("draft"), QStringLiteral("false")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(testutil::readAll(toml),
                 QByteArray("+++\ntitle = \"It's \\\"new\\\"\"\ndate = 2024-01-01T10:00:00-05:00\n"
                            "draft = false\n+++\n"));
        r = frontis({QStringLiteral("add"), toml, QStringLiteral("tags"), QStringLiteral("x")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(testutil::readAll(toml).endsWith("draft = false\ntags = [\"x\"]\n+++\n"));
        r = frontis(
            {QStringLiteral("add"), toml, QStringLiteral("tags"), QStringLiteral("{a: b}")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QLatin1String("not supported in TOML front matter yet")));

        const QString json = m_dir.filePath(QStringLiteral("hugo-json.md"));
        QVERIFY(testutil::writeAll(json, testutil::readAll(QStringLiteral(
                                             FRONTIS_SOURCE_DIR "/tests/data/json/hugo.md"))));
        r = frontis({QStringLiteral("validate"), json});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        r = frontis({QStringLiteral("unset"), json, QStringLiteral("none")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(
            testutil::readAll(json).endsWith("    \"empty\": {}\n  }\n}\n\nBody with {braces} and "
                                             "\"quotes\".\n"));
        // Bad TOML: a parse error at its position, the file not rewritten.
        const QByteArray bad = "+++\ntitle = 'x\n+++\n";
        QVERIFY(testutil::writeAll(toml, bad));
        r = frontis({QStringLiteral("set"), toml, QStringLiteral("title"), QStringLiteral("y")});
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains(QLatin1String("hugo.md:2:")), qPrintable(r.err));
        QCOMPARE(testutil::readAll(toml), bad);
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
