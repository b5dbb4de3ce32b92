#include "model/file/articlefile.h"
#include "model/yaml/document.h"

#include <QTest>

using namespace frontis;

class TestArticleFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitsFencesAndBody()
    {
        const QByteArray bytes = "---\ntitle: A\n---\n\n&nbsp;";
        const Result<ArticleFile> f = ArticleFile::fromBytes(bytes);
        QVERIFY(f.ok());
        QCOMPARE(f->frontMatterText(), QByteArray("title: A\n"));
        QCOMPARE(bytes.mid(f->bodyBegin()), QByteArray("\n&nbsp;"));
        QVERIFY(!f->hasBom());
        QCOMPARE(f->newline(), QByteArray("\n"));
    }

    void keepsBomAndCrlf()
    {
        const QByteArray bytes = "\xEF\xBB\xBF---\r\na: 1\r\n---\r\nbody";
        const Result<ArticleFile> f = ArticleFile::fromBytes(bytes);
        QVERIFY(f.ok());
        QVERIFY(f->hasBom());
        QCOMPARE(f->newline(), QByteArray("\r\n"));
        QCOMPARE(f->frontMatterText(), QByteArray("a: 1\r\n"));
        QCOMPARE(f->position(f->frontMatterBegin()).line, 2);
        // Columns on the first line do not count the BOM.
        QCOMPARE(f->position(3).column, 1);
    }

    void closingFenceAtEndOfFile()
    {
        const Result<ArticleFile> f = ArticleFile::fromBytes("---\na: 1\n---");
        QVERIFY(f.ok());
        QCOMPARE(f->bodyBegin(), f->bytes().size());
    }

    // The body is every byte after the closing fence's line break; fence-like lines, YAML,
    // shortcodes, Liquid and HTML after it are body text. Without a first '---' line the whole
    // file (after a BOM) is the body.
    void body_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("frontMatter");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("newline");
        QTest::newRow("seed-like") << QByteArray("---\na: 1\n\n---\n\n&nbsp;") << true
                                   << QByteArray("\n&nbsp;") << QByteArray("\n");
        QTest::newRow("crlf, bom") << QByteArray("\xEF\xBB\xBF---\r\na: 1\r\n---\r\nx\r\n") << true
                                   << QByteArray("x\r\n") << QByteArray("\r\n");
        QTest::newRow("empty body")
            << QByteArray("---\na: 1\n---\n") << true << QByteArray() << QByteArray("\n");
        QTest::newRow("fence-like lines in the body")
            << QByteArray("---\na: 1\n---\n---\nb: 2\n---\n+++\n{{< x >}}\n{% y %}\n<hr>\n---")
            << true << QByteArray("---\nb: 2\n---\n+++\n{{< x >}}\n{% y %}\n<hr>\n---")
            << QByteArray("\n");
        QTest::newRow("no front matter") << QByteArray("# Title\n\n---\n") << false
                                         << QByteArray("# Title\n\n---\n") << QByteArray("\n");
        QTest::newRow("no front matter, crlf, bom")
            << QByteArray("\xEF\xBB\xBF"
                          "a\r\nb")
            << false << QByteArray("a\r\nb") << QByteArray("\r\n");
        QTest::newRow("first line '----' is not a fence")
            << QByteArray("----\na: 1\n---\n") << false << QByteArray("----\na: 1\n---\n")
            << QByteArray("\n");
    }

    void body()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, frontMatter);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, newline);
        const Result<ArticleFile> f = ArticleFile::fromBytes(bytes);
        QVERIFY2(f.ok(), qPrintable(f.ok() ? QString() : f.error().message));
        QCOMPARE(f->hasFrontMatter(), frontMatter);
        QCOMPARE(f->bodyBytes(), body);
        QCOMPARE(f->bodyBegin(), bytes.size() - body.size());
        QCOMPARE(f->newline(), newline);
        if (!frontMatter)
            QVERIFY(f->frontMatterText().isEmpty());
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << 1 << 1 << "empty";
        QTest::newRow("toml front matter unclosed")
            << QByteArray("+++\ntitle = 'A'\n") << 1 << 1 << "no closing '+++' fence";
        QTest::newRow("no closing fence")
            << QByteArray("---\na: 1\nb: 2\n") << 1 << 1 << "no closing";
        QTest::newRow("yaml syntax")
            << QByteArray("---\na: 1\nb: [1, 2\n---\n") << 4 << 1 << "YAML syntax";
        QTest::newRow("not a mapping") << QByteArray("---\n- a\n- b\n---\n") << 2 << 1 << "mapping";
        QTest::newRow("scalar") << QByteArray("---\njust text\n---\n") << 2 << 1 << "mapping";
        QTest::newRow("duplicate key")
            << QByteArray("---\na: 1\nb: 2\na: 3\n---\n") << 4 << 1 << "duplicate key 'a'";
        QTest::newRow("nested duplicate")
            << QByteArray("---\nseo:\n  t: 1\n  t: 2\n---\n") << 4 << 3 << "duplicate key 't'";
        QTest::newRow("invalid utf-8")
            << QByteArray("---\na: ok\nb: \xC3\x28\n---\n") << 3 << 4 << "UTF-8";
        QTest::newRow("nul byte") << QByteArray("---\na: x\0y\n---\n", 15) << 2 << 5 << "NUL";
        QTest::newRow("cr only") << QByteArray("---\ra: 1\r---\r") << 1 << 1 << "CR-only";
        QTest::newRow("lone cr inside")
            << QByteArray("---\na: 1\rb: 2\n---\n") << 2 << 5 << "CR-only";
        QTest::newRow("unterminated quote") << QByteArray("---\na: \"open\n---\n") << 2 << 4 << "";
        QTest::newRow("utf-16") << QByteArray("\xFF\xFE-\0-\0-\0", 8) << 1 << 1 << "UTF-16";
    }

    void badInput()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        const Result<Document> doc = Document::fromBytes(bytes);
        QVERIFY(!doc.ok());
        QVERIFY2(doc.error().message.contains(message), qPrintable(doc.error().message));
        QCOMPARE(doc.error().line, line);
        QCOMPARE(doc.error().column, column);
        QVERIFY(doc.error()
                    .format(QStringLiteral("f.md"))
                    .startsWith(QStringLiteral("f.md:%1:%2: error: ").arg(line).arg(column)));
    }

    void frontMatterOverLimit()
    {
        QByteArray big = "---\nanswer: ";
        big += QByteArray(ArticleFile::MaxFrontMatterBytes + 10, 'a');
        big += "\n---\n";
        const Result<ArticleFile> f = ArticleFile::fromBytes(big);
        QVERIFY(!f.ok());
        QVERIFY(f.error().message.contains(QLatin1String("16 MiB")));
        QCOMPARE(f.error().line, 2);
    }

    void emptyFrontMatterIsAnEmptyMap()
    {
        const Result<Document> doc = Document::fromBytes("---\n---\nbody");
        QVERIFY(doc.ok());
        QVERIFY(doc->frontMatter().root().isMap());
        QVERIFY(doc->frontMatter().root().entries.empty());
    }
};

QTEST_GUILESS_MAIN(TestArticleFile)
#include "tst_articlefile.moc"
