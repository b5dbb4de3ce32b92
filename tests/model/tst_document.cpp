#include "model/yaml/document.h"
#include "testutil.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace frontis;
using testutil::changedLines;

class TestDocument : public QObject
{
    Q_OBJECT

private:
    QByteArray m_seed;

    Document seedDoc()
    {
        Result<Document> d = Document::fromBytes(m_seed);
        if (!d)
            qFatal("seed does not parse: %s", qPrintable(d.error().message));
        return std::move(d.value());
    }

    // Every node of two trees alike: values, styles and the whole source map.
    static bool sameTree(const FmNode& a, const FmNode& b, QString& where)
    {
        const auto differ = [&](const char* what) {
            where = QStringLiteral("%1 at line %2").arg(QLatin1String(what)).arg(a.line);
            return false;
        };
        if (a.kind != b.kind || a.style != b.style || a.flow != b.flow || a.text != b.text)
            return differ("value");
        if (a.span.begin != b.span.begin || a.span.end != b.span.end)
            return differ("span");
        if (a.line != b.line || a.column != b.column || a.indent != b.indent ||
            a.editable != b.editable || a.inSequence != b.inSequence)
            return differ("position");
        if (a.entries.size() != b.entries.size() || a.items.size() != b.items.size())
            return differ("children");
        for (size_t i = 0; i < a.entries.size(); ++i) {
            const FmEntry& x = a.entries[i];
            const FmEntry& y = b.entries[i];
            if (x.key != y.key || x.keySpan.begin != y.keySpan.begin ||
                x.keySpan.end != y.keySpan.end || x.lines.begin != y.lines.begin ||
                x.lines.end != y.lines.end || x.line != y.line || x.column != y.column)
                return differ("entry");
            if (!sameTree(x.value, y.value, where))
                return false;
        }
        for (size_t i = 0; i < a.items.size(); ++i) {
            if (!sameTree(a.items[i], b.items[i], where))
                return false;
        }
        return true;
    }

    // The 0-based line of `needle` in `bytes`.
    static int lineOf(const QByteArray& bytes, const QByteArray& needle)
    {
        return int(bytes.left(bytes.indexOf(needle)).count('\n'));
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString path = testutil::seedPath();
        if (path.isEmpty())
            QSKIP("../shared/seed is absent (set FRONTIS_SHARED_DIR); skipping the seed tests");
        m_seed = testutil::readAll(path);
        QVERIFY(!m_seed.isEmpty());
    }

    void seedSourceMap()
    {
        const Document d = seedDoc();
        const FmNode* title = d.find({QStringLiteral("seo"), QStringLiteral("title")});
        QVERIFY(title);
        QCOMPARE(title->text, QStringLiteral("QuickTakes | Computer Science"));
        QCOMPARE(title->line, 12);
        QCOMPARE(title->column, 10);
        QCOMPARE(d.bytes().mid(title->span.begin, title->span.size()),
                 QByteArray("QuickTakes | Computer Science"));
        const FmNode* answer = d.find({QStringLiteral("answer")});
        QVERIFY(answer);
        QCOMPARE(answer->style, ScalarStyle::Folded);
        QVERIFY(answer->text.startsWith(QLatin1String("Advancements in computing power")));
        QVERIFY(answer->text.contains(QLatin1String("\\n\\n1. **Increased")));
        const FmNode* score = d.find({QStringLiteral("score")});
        QCOMPARE(score->text, QStringLiteral("-1.0"));
        QVERIFY(score->isPlain());
        QCOMPARE(d.frontMatter().leafPaths().size(), 17);
    }

    void noOpSaveIsByteIdentical()
    {
        Document d = seedDoc();
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("a.md"));
        QVERIFY(!d.saveTo(out));
        QCOMPARE(testutil::readAll(out), m_seed);
        QVERIFY(!d.isModified());
    }

    void editChangesOnlyItsLine()
    {
        Document d = seedDoc();
        QVERIFY(!d.setString({QStringLiteral("seo"), QStringLiteral("title")},
                             QStringLiteral("QuickTakes | AI")));
        QVERIFY(d.isModified());
        const auto changed = changedLines(m_seed, d.bytes());
        QCOMPARE(changed.first, 11);
        QCOMPARE(changed.lastBefore, 11);
        QVERIFY(d.bytes().contains("\n  title: QuickTakes | AI\n"));
    }

    void foldedStaysFoldedWithIndent()
    {
        Document d = seedDoc();
        QVERIFY(!d.setString({QStringLiteral("title")},
                             QStringLiteral("Why do GPUs matter for deep learning?")));
        QVERIFY(d.bytes().contains(
            "\ntitle: >-\n    Why do GPUs matter for deep learning?\narticle_title:"));
        QVERIFY(!d.setString({QStringLiteral("seo"), QStringLiteral("page_keywords")},
                             QStringLiteral("gpu, tpu, ai")));
        QVERIFY(d.bytes().contains("\n  page_keywords: >-\n    gpu, tpu, ai\nauthor:"));
        // The one-line answer stays on one line, with its escapes.
        QVERIFY(!d.setString({QStringLiteral("answer")}, QStringLiteral("Line one\\n\\nLine two")));
        QVERIFY(d.bytes().contains("\nanswer: >-\n    Line one\\n\\nLine two\nsubject:"));
    }

    // A value written as a one-line block scalar (the answer, the titles) is rewritten without
    // parsing the file again (Document::rewriteOneLineBlock); the source map it keeps must be the
    // one a parse of the new bytes gives, for values it can write that way and values it cannot.
    void oneLineBlockEditsMatchAFreshParse_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("oneLine"); // stays a one-line ">-" block
        const QString answer = QStringLiteral("answer");
        QTest::newRow("answer, longer")
            << answer << QStringLiteral("A much longer answer: ") + QString(5000, u'y') << true;
        QTest::newRow("answer, shorter") << answer << QStringLiteral("Short.") << true;
        QTest::newRow("answer, escapes")
            << answer << QStringLiteral("One\\n\\nTwo \\ back\\slash") << true;
        QTest::newRow("YAML punctuation")
            << answer << QStringLiteral("a: b # c - d [e] {f} &g *h !i %j @k `l` 'm' \"n\" | > ---")
            << true;
        QTest::newRow("starts like YAML")
            << answer << QStringLiteral("- not a list, # not a comment") << true;
        QTest::newRow("document marker") << answer << QStringLiteral("--- and ...") << true;
        QTest::newRow("unicode") << answer
                                 << QStringLiteral("Caf\u00e9 \u4e2d\u6587 \U0001F600 \u00a0nbsp")
                                 << true;
        QTest::newRow("tab inside") << answer << QStringLiteral("a\tb") << true;
        QTest::newRow("title") << QStringLiteral("title") << QStringLiteral("A new title?") << true;
        QTest::newRow("nested key")
            << QStringLiteral("seo.page_description") << QStringLiteral("New description.") << true;
        QTest::newRow("leading space") << answer << QStringLiteral(" indented") << false;
        QTest::newRow("trailing space") << answer << QStringLiteral("trailing ") << false;
        QTest::newRow("line break") << answer << QStringLiteral("two\nlines") << false;
        QTest::newRow("control character") << answer << QStringLiteral("bell\u0007") << false;
        QTest::newRow("line separator") << answer << QStringLiteral("a\u2028b") << false;
        QTest::newRow("empty") << answer << QString() << false;
    }

    void oneLineBlockEditsMatchAFreshParse()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(bool, oneLine);
        for (const bool crlf : {false, true}) {
            QByteArray original = m_seed;
            if (crlf)
                original.replace("\n", "\r\n");
            Result<Document> d = Document::fromBytes(original);
            QVERIFY(d.ok());
            const KeyPath path = d->frontMatter().resolve(key);
            QVERIFY(!d->setString(path, value));
            QCOMPARE(d->find(path)->text, value);
            const Result<Document> parsed = Document::fromBytes(d->bytes());
            QVERIFY(parsed.ok());
            QString where;
            QVERIFY2(sameTree(d->frontMatter().root(), parsed->frontMatter().root(), where),
                     qPrintable(where));
            QCOMPARE(d->file().frontMatterEnd(), parsed->file().frontMatterEnd());
            QCOMPARE(d->file().bodyBegin(), parsed->file().bodyBegin());
            QCOMPARE(d->file().position(d->bytes().size()).line,
                     parsed->file().position(d->bytes().size()).line);
            // Only the value's own lines changed.
            const auto changed = changedLines(original, d->bytes());
            const int valueLine = d->find(path)->line - 1; // the key's line; content below
            QVERIFY(changed.first >= valueLine);
            QVERIFY(changed.lastBefore <= valueLine + 1);
            if (oneLine) {
                const QByteArray nl = crlf ? "\r\n" : "\n";
                QVERIFY(d->bytes().contains(">-" + nl + QByteArray(4, ' ') + // the seed's indent
                                            value.toUtf8() + nl));
            }
            // Edits after it land where they should (the spans behind it moved).
            QVERIFY(!d->setString({QStringLiteral("subject")}, QStringLiteral("Physics")));
            QVERIFY(d->bytes().contains("subject: Physics" + QByteArray(crlf ? "\r\n" : "\n")));
            const Result<Document> again = Document::fromBytes(d->bytes());
            QVERIFY(again.ok());
            QCOMPARE(again->find(path)->text, value);
            QCOMPARE(again->find({QStringLiteral("subject")})->text, QStringLiteral("Physics"));
        }
    }

    void numbersKeepTheirForm_data()
    {
        QTest::addColumn<QString>("given");
        QTest::addColumn<QByteArray>("written");
        QTest::newRow("float") << "0.5" << QByteArray("score: 0.5\n");
        QTest::newRow("int to float field") << "1" << QByteArray("score: 1.0\n");
        QTest::newRow("negative") << "-2.25" << QByteArray("score: -2.25\n");
        QTest::newRow("not a number") << "high" << QByteArray("score: high\n");
        QTest::newRow("bool-like text") << "true" << QByteArray("score: 'true'\n");
    }

    void numbersKeepTheirForm()
    {
        QFETCH(QString, given);
        QFETCH(QByteArray, written);
        Document d = seedDoc();
        QVERIFY(!d.setLiteral({QStringLiteral("score")}, given));
        QVERIFY2(d.bytes().contains("\n" + written), d.bytes().right(60).constData());
        const auto changed = changedLines(m_seed, d.bytes());
        QCOMPARE(changed.first, changed.lastBefore);
    }

    void datesAndBooleansKeepTheirType()
    {
        Document d = seedDoc();
        QVERIFY(!d.setLiteral({QStringLiteral("date")}, QStringLiteral("2025-01-31")));
        QVERIFY(d.bytes().contains("\ndate: 2025-01-31\n"));
        // Not a real calendar date: kept as a string, quoted so that it reads as one.
        QVERIFY(!d.setLiteral({QStringLiteral("date")}, QStringLiteral("2025-02-30")));
        QVERIFY(d.bytes().contains("\ndate: '2025-02-30'\n"));
        Result<Document> b = Document::fromBytes("---\ndraft: false\n---\n");
        QVERIFY(!b->setLiteral({QStringLiteral("draft")}, QStringLiteral("true")));
        QCOMPARE(b->bytes(), QByteArray("---\ndraft: true\n---\n"));
    }

    void commentsSurvive()
    {
        Result<Document> d = Document::fromBytes(
            "---\n# heading comment\na: one # note on a\nb: two # note on b\n---\n");
        QVERIFY(d.ok());
        QVERIFY(!d->setString({QStringLiteral("a")}, QStringLiteral("uno")));
        QCOMPARE(
            d->bytes(),
            QByteArray("---\n# heading comment\na: uno # note on a\nb: two # note on b\n---\n"));
    }

    void addAndRemoveTouchOnlyTheirLines()
    {
        Document d = seedDoc();
        QVERIFY(!d.setString({QStringLiteral("seo"), QStringLiteral("canonical")},
                             QStringLiteral("https://example.com/a")));
        QVERIFY(d.bytes().contains(
            "computing power, deep learning, hardware advancements, GPUs, TPUs, image "
            "recognition, AI development, model performance, energy consumption, machine "
            "learning\n  canonical: https://example.com/a\nauthor:"));
        auto changed = changedLines(m_seed, d.bytes());
        QCOMPARE(changed.first, lineOf(m_seed, "author:"));
        QCOMPARE(changed.lastBefore, changed.first - 1); // pure insertion
        QVERIFY(!d.remove({QStringLiteral("seo"), QStringLiteral("canonical")}));
        QCOMPARE(d.bytes(), m_seed);

        // Schema order: after the named sibling, not at the end.
        QVERIFY(!d.setString({QStringLiteral("draft")}, QStringLiteral("no"),
                             {{QStringLiteral("author")}, {}, 4}));
        QVERIFY(d.bytes().contains("\nauthor: QuickTakes\ndraft: 'no'\nquestion:"));
        QVERIFY(!d.remove({QStringLiteral("author")}));
        QVERIFY(!d.bytes().contains("author:"));
        changed = changedLines(m_seed, d.bytes());
        QCOMPARE(changed.first, lineOf(m_seed, "author:"));
        QCOMPARE(changed.lastBefore, lineOf(m_seed, "author:"));
        // A whole nested map with its block values goes in one piece.
        QVERIFY(!d.remove({QStringLiteral("seo")}));
        QVERIFY(d.bytes().contains("\npost_on_text: Posted on\ndraft: 'no'\n"));
    }

    void addsMissingParents()
    {
        Result<Document> d = Document::fromBytes("---\ntitle: A\n\n---\nbody");
        QVERIFY(
            !d->setString({QStringLiteral("seo"), QStringLiteral("title")}, QStringLiteral("T")));
        QCOMPARE(d->bytes(), QByteArray("---\ntitle: A\nseo:\n  title: T\n\n---\nbody"));
        Result<Document> e = Document::fromBytes("---\nseo:\ntitle: A\n---\n");
        QVERIFY(
            !e->setString({QStringLiteral("seo"), QStringLiteral("title")}, QStringLiteral("T")));
        QCOMPARE(e->bytes(), QByteArray("---\nseo:\n  title: T\ntitle: A\n---\n"));
        Result<Document> empty = Document::fromBytes("---\n---\n");
        QVERIFY(!empty->setString({QStringLiteral("a")}, QStringLiteral("b")));
        QCOMPARE(empty->bytes(), QByteArray("---\na: b\n---\n"));
    }

    void crlfEditsKeepCrlf()
    {
        Result<Document> d =
            Document::fromBytes("---\r\ntitle: >-\r\n    Old\r\n    words here\r\nb: 1\r\n---\r\n");
        QVERIFY(!d->setString({QStringLiteral("title")}, QStringLiteral("New text")));
        QVERIFY(!d->setString({QStringLiteral("c")}, QStringLiteral("x")));
        QVERIFY(!QByteArray(d->bytes()).replace("\r\n", "").contains('\n'));
        QCOMPARE(d->find({QStringLiteral("title")})->text, QStringLiteral("New text"));
    }

    void refusesWhatItCannotWrite()
    {
        Result<Document> d =
            Document::fromBytes("---\nbase: &b x\nref: *b\ntags: [a, b]\nseo:\n  t: 1\n---\n");
        QVERIFY(d.ok());
        const QByteArray before = d->bytes();
        const Status alias = d->setString({QStringLiteral("ref")}, QStringLiteral("y"));
        QVERIFY(alias);
        QCOMPARE(alias->line, 3);
        QVERIFY(d->setString({QStringLiteral("seo")}, QStringLiteral("y")));
        QVERIFY(d->setString({QStringLiteral("tags"), QStringLiteral("x")}, QStringLiteral("y")));
        QVERIFY(d->remove({QStringLiteral("nope")}));
        QCOMPARE(d->bytes(), before);
        QVERIFY(!d->isModified());
        // Inside a flow list, items can be set.
        QVERIFY(
            !d->setString({QStringLiteral("tags"), QStringLiteral("1")}, QStringLiteral("c, d")));
        QVERIFY(d->bytes().contains("tags: [a, 'c, d']\n"));
    }

    void resolvesDottedKeys()
    {
        Result<Document> d =
            Document::fromBytes("---\nms.date: 1\nms:\n  topic: x\nlist:\n  - a\n  - b\n---\n");
        const FrontMatter& fm = d->frontMatter();
        QCOMPARE(fm.resolve(QStringLiteral("ms.date")), KeyPath({QStringLiteral("ms.date")}));
        QCOMPARE(fm.resolve(QStringLiteral("ms.topic")),
                 KeyPath({QStringLiteral("ms"), QStringLiteral("topic")}));
        QCOMPARE(fm.resolve(QStringLiteral("list.1")),
                 KeyPath({QStringLiteral("list"), QStringLiteral("1")}));
        QCOMPARE(fm.find(fm.resolve(QStringLiteral("list.1")))->text, QStringLiteral("b"));
        QCOMPARE(fm.resolve(QStringLiteral("new.key")),
                 KeyPath({QStringLiteral("new"), QStringLiteral("key")}));
    }

    // setBody changes only the body's bytes, in the body's line endings, and reads back exactly.
    void setBody_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("lf") << QByteArray("---\na: 1\n---\nold\n") << QStringLiteral("new\nline\n")
                            << QByteArray("---\na: 1\n---\nnew\nline\n");
        QTest::newRow("lf typed into crlf")
            << QByteArray("---\r\na: 1\r\n---\r\nold\r\n") << QStringLiteral("one\ntwo\n")
            << QByteArray("---\r\na: 1\r\n---\r\none\r\ntwo\r\n");
        QTest::newRow("a carriage return before a line break is text")
            << QByteArray("---\r\na: 1\r\n---\r\nold\r\n") << QStringLiteral("one\r\ntwo")
            << QByteArray("---\r\na: 1\r\n---\r\none\r\r\ntwo");
        QTest::newRow("body style over the fence's")
            << QByteArray("---\na: 1\n---\nx\r\ny\r\n") << QStringLiteral("x\ny\nz\n")
            << QByteArray("---\na: 1\n---\nx\r\ny\r\nz\r\n");
        QTest::newRow("mixed endings: unedited lines keep theirs")
            << QByteArray("---\na: 1\n---\nl1\r\nl2\nl3\r\n") << QStringLiteral("l1\nL2\nl3\n")
            << QByteArray("---\na: 1\n---\nl1\r\nL2\nl3\r\n");
        QTest::newRow("bom kept") << QByteArray("\xEF\xBB\xBF---\na: 1\n---\nx")
                                  << QStringLiteral("y")
                                  << QByteArray("\xEF\xBB\xBF---\na: 1\n---\ny");
        QTest::newRow("final newline dropped")
            << QByteArray("---\na: 1\n---\nx\n") << QStringLiteral("x\ny")
            << QByteArray("---\na: 1\n---\nx\ny");
        QTest::newRow("final newline added")
            << QByteArray("---\na: 1\n---\n\n&nbsp;") << QStringLiteral("\n&nbsp;\n")
            << QByteArray("---\na: 1\n---\n\n&nbsp;\n");
        QTest::newRow("emptied") << QByteArray("---\na: 1\n---\nbody\n") << QString()
                                 << QByteArray("---\na: 1\n---\n");
        QTest::newRow("into an empty body")
            << QByteArray("---\na: 1\n---\n") << QStringLiteral("# T\n")
            << QByteArray("---\na: 1\n---\n# T\n");
        QTest::newRow("closing fence at the end of the file")
            << QByteArray("---\r\na: 1\r\n---") << QStringLiteral("Body")
            << QByteArray("---\r\na: 1\r\n---\r\nBody");
        QTest::newRow("fences, yaml, shortcodes, liquid and html are text")
            << QByteArray("---\na: 1\n---\ntext\n")
            << QStringLiteral("---\nb: 2\n---\n+++\nc = 3\n+++\n{{< figure src=\"a\" >}}\n"
                              "{{% note %}}x{{% /note %}}\n{% raw %}{{ x }}{% endraw %}\n"
                              "<div>\n---\n</div>\n")
            << QByteArray("---\na: 1\n---\n---\nb: 2\n---\n+++\nc = 3\n+++\n{{< figure src=\"a\" "
                          ">}}\n{{% note %}}x{{% /note %}}\n{% raw %}{{ x }}{% endraw %}\n"
                          "<div>\n---\n</div>\n");
        QTest::newRow("no front matter")
            << QByteArray("# T\nbody\n") << QStringLiteral("# T\nnew\n")
            << QByteArray("# T\nnew\n");
        QTest::newRow("no front matter, bom and crlf")
            << QByteArray("\xEF\xBB\xBF# T\r\nbody\r\n") << QStringLiteral("# T\nnew\n")
            << QByteArray("\xEF\xBB\xBF# T\r\nnew\r\n");
    }

    void setBody()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, body);
        QFETCH(QByteArray, expected);
        Result<Document> d = Document::fromBytes(bytes);
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().message));
        const qsizetype bodyBegin = d->file().bodyBegin();
        const FmNode root = d->frontMatter().root();
        const QString original = d->body();
        QVERIFY(!d->setBody(body));
        QCOMPARE(d->bytes(), expected);
        QVERIFY(d->isModified());
        const QString& lf = body;
        QCOMPARE(d->body(), lf);
        // Split again from scratch: the same fence, the same front matter bytes and values.
        const Result<Document> again = Document::fromBytes(d->bytes());
        QVERIFY(again.ok());
        QCOMPARE(again->body(), lf);
        QCOMPARE(again->file().hasFrontMatter(), d->file().hasFrontMatter());
        QVERIFY(again->file().bodyBegin() >= bodyBegin); // + the closing fence's missing break
        QCOMPARE(again->bytes().left(bodyBegin), bytes.left(bodyBegin));
        QCOMPARE(again->frontMatter().root().entries.size(), root.entries.size());
        // And back: the original body, byte for byte where it had one line-ending style.
        Document back = again.value(); // a copy: `again` is const
        QVERIFY(!back.setBody(original));
        QCOMPARE(back.body(), original);
    }

    void setBodyNoOpKeepsEveryByte_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("seed-like") << QByteArray("---\nanswer: >-\n    A\\n\\nB\n\n---\n\n&nbsp;");
        QTest::newRow("crlf") << QByteArray("---\r\na: 1\r\n---\r\nx\r\ny\r\n");
        QTest::newRow("mixed") << QByteArray("---\na: 1\n---\nx\r\ny\nz\r\n");
        QTest::newRow("empty body") << QByteArray("---\na: 1\n---\n");
        QTest::newRow("fence at end") << QByteArray("---\na: 1\n---");
        QTest::newRow("no front matter") << QByteArray("\xEF\xBB\xBF# T\r\nbody");
        QTest::newRow("lone cr") << QByteArray("---\na: 1\n---\nx\ry\n");
        QTest::newRow("cr before crlf") << QByteArray("---\r\na: 1\r\n---\r\nx\r\r\ny\r\n");
    }

    void setBodyNoOpKeepsEveryByte()
    {
        QFETCH(QByteArray, bytes);
        Result<Document> d = Document::fromBytes(bytes);
        QVERIFY(d.ok());
        QVERIFY(!d->setBody(d->body()));
        QCOMPARE(d->bytes(), bytes);
        QVERIFY(!d->isModified());
    }

    // A body that would change where the file splits is refused, the document unchanged.
    void setBodyRefusesANewFence()
    {
        const QByteArray bytes = "# Title\nbody\n";
        Result<Document> d = Document::fromBytes(bytes);
        QVERIFY(d.ok());
        const Status s = d->setBody(QStringLiteral("---\na: 1\n---\nbody\n"));
        QVERIFY(s);
        QVERIFY2(s->message.contains(QLatin1String("front matter")), qPrintable(s->message));
        QCOMPARE(d->bytes(), bytes);
        QVERIFY(d->setBody(QString::fromUtf8("nul \0 byte", 10)));
        QCOMPARE(d->bytes(), bytes);
    }

    void fileWithoutFrontMatterOpens_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("body");
        QTest::newRow("heading") << QByteArray("# Title\n\ntext")
                                 << QStringLiteral("# Title\n\ntext");
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBFtext\n") << QStringLiteral("text\n");
        QTest::newRow("crlf") << QByteArray("a\r\nb\r\n") << QStringLiteral("a\nb\n");
        QTest::newRow("a later --- line")
            << QByteArray("text\n---\na: 1\n---\n") << QStringLiteral("text\n---\na: 1\n---\n");
        QTest::newRow("bom only") << QByteArray("\xEF\xBB\xBF") << QString();
    }

    void fileWithoutFrontMatterOpens()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, body);
        const Result<Document> d = Document::fromBytes(bytes);
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().message));
        QVERIFY(!d->file().hasFrontMatter());
        QVERIFY(d->frontMatter().root().isMap());
        QVERIFY(d->frontMatter().root().entries.empty());
        QCOMPARE(d->body(), body);
        QCOMPARE(d->file().bodyBytes(), bytes.startsWith("\xEF\xBB\xBF") ? bytes.mid(3) : bytes);
    }

    // The first field of a file without front matter creates the block at the top.
    void firstFieldCreatesTheBlock_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("lf") << QByteArray("# T\nx\n") << QStringLiteral("title")
                            << QByteArray("---\ntitle: Hi\n---\n# T\nx\n");
        QTest::newRow("crlf") << QByteArray("# T\r\nx\r\n") << QStringLiteral("title")
                              << QByteArray("---\r\ntitle: Hi\r\n---\r\n# T\r\nx\r\n");
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF# T\n") << QStringLiteral("title")
                             << QByteArray("\xEF\xBB\xBF---\ntitle: Hi\n---\n# T\n");
        QTest::newRow("one line, no line break") << QByteArray("hello") << QStringLiteral("title")
                                                 << QByteArray("---\ntitle: Hi\n---\nhello");
        QTest::newRow("nested, crlf") << QByteArray("x\r\n") << QStringLiteral("seo.title")
                                      << QByteArray("---\r\nseo:\r\n  title: Hi\r\n---\r\nx\r\n");
        QTest::newRow("body starting with dashes")
            << QByteArray("text\n---\n") << QStringLiteral("title")
            << QByteArray("---\ntitle: Hi\n---\ntext\n---\n");
    }

    void firstFieldCreatesTheBlock()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, key);
        QFETCH(QByteArray, expected);
        Result<Document> d = Document::fromBytes(bytes);
        QVERIFY(d.ok());
        const QString body = d->body();
        QVERIFY(!d->setString(key.split(QLatin1Char('.')), QStringLiteral("Hi")));
        QCOMPARE(d->bytes(), expected);
        QVERIFY(d->file().hasFrontMatter());
        QCOMPARE(d->body(), body);
        QCOMPARE(d->find(key.split(QLatin1Char('.')))->text, QStringLiteral("Hi"));
    }

    // Opened and saved without a change: the same bytes, with or without front matter.
    void neverGivenAFieldSavesByteIdentical()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plain.md"));
        const QByteArray bytes = "\xEF\xBB\xBF# Plain\r\n\r\nNo front matter here.\r\n---\r\n";
        QVERIFY(testutil::writeAll(path, bytes));
        Result<Document> d = Document::load(path);
        QVERIFY(d.ok());
        QVERIFY(!d->isModified());
        QVERIFY(!d->saveTo(path));
        QCOMPARE(testutil::readAll(path), bytes);
    }

    // A front-matter edit of a body article leaves the body's bytes alone.
    void fieldEditKeepsTheBody()
    {
        const QByteArray bytes = "---\r\ntitle: A\r\n---\r\n---\nmixed\r\n{{< x >}}";
        Result<Document> d = Document::fromBytes(bytes);
        QVERIFY(d.ok());
        QVERIFY(!d->setString({QStringLiteral("title")}, QStringLiteral("Longer title")));
        QVERIFY(!d->setString({QStringLiteral("new")}, QStringLiteral("key")));
        QCOMPARE(d->file().bodyBytes(), QByteArray("---\nmixed\r\n{{< x >}}"));
    }

    void saveFailuresLeaveTheFileAlone()
    {
        if (geteuid() == 0)
            QSKIP("running as root: permission bits do not stop writes (the missing-folder case is "
                  "below)");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.md"));
        QVERIFY(testutil::writeAll(path, m_seed));
        QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        Result<Document> d = Document::load(path);
        QVERIFY(!d->setString({QStringLiteral("author")}, QStringLiteral("Me")));
        const Status s = d->saveTo(path);
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                              QFileDevice::ExeOwner);
        QVERIFY(s);
        QCOMPARE(testutil::readAll(path), m_seed);
        QVERIFY(d->isModified());
    }

    void saveToMissingFolderFails()
    {
        Document d = seedDoc();
        QVERIFY(!d.setString({QStringLiteral("author")}, QStringLiteral("Me")));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("gone/a.md"));
        const Status s = d.saveTo(path);
        QVERIFY(s);
        QVERIFY(s->message.contains(QLatin1String("gone/a.md")));
        QVERIFY(d.isModified());
        QVERIFY(!QFileInfo::exists(path));
    }

    void saveKeepsPermissions()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.md"));
        QVERIFY(testutil::writeAll(path, m_seed));
        const auto perms =
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup;
        QVERIFY(QFile::setPermissions(path, perms));
        Result<Document> d = Document::load(path);
        QVERIFY(!d->setString({QStringLiteral("author")}, QStringLiteral("Me")));
        QVERIFY(!d->saveTo(path));
        const auto mask = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                          QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                          QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
        QCOMPARE(QFileInfo(path).permissions() & mask, perms);
        QVERIFY(!d->isModified());
    }

    void loadRefusesNonFiles()
    {
        QTemporaryDir dir;
        const Result<Document> folder = Document::load(dir.path());
        QVERIFY(!folder.ok());
        QVERIFY(folder.error().message.contains(QLatin1String("folder")));
        const Result<Document> missing = Document::load(dir.filePath(QStringLiteral("none.md")));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(QLatin1String("does not exist")));
    }
};

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"
