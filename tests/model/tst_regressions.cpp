// Inputs that once crashed, hung, leaked or saved wrongly (found by the fuzzers in tests/fuzz or
// by the sanitizer build), kept so that they stay fixed. Each row says where it came from.
// Inputs are inline, cut down to what triggers the problem.
#include "model/schema/schema.h"
#include "model/schema/validator.h"
#include "model/text/markdownrenderer.h"
#include "model/yaml/document.h"

#include <QTest>

using namespace frontis;
using namespace Qt::Literals::StringLiterals;

namespace {

// Every value and key below the root has a 1-based position.
void checkPositions(const FmNode& node, bool root = false)
{
    if (!root) {
        QVERIFY(node.line >= 1);
        QVERIFY(node.column >= 1);
    }
    for (const FmEntry& e : node.entries) {
        QVERIFY(e.line >= 1);
        checkPositions(e.value);
    }
    for (const FmNode& item : node.items)
        checkPositions(item);
}

} // namespace

class TestRegressions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Articles that must parse (or be refused) without any sanitizer report.
    void parse_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("readable");
        QTest::addColumn<QString>("mentions"); // in the error, when refused

        // ASan, stack-use-after-scope in FrontMatter's map walk: a reference to `it->first` of
        // a yaml-cpp iterator outlived the temporary that operator-> returns. Any mapping did it.
        QTest::newRow("asan: map key through a yaml-cpp iterator")
            << QByteArray("---\ntitle: A\nseo:\n  title: B\n---\n") << true << QString();
        // fuzz_parse: a complex key (`- ?`, from the PowerShell docs in ../shared/corpus/real) had
        // no position, so findings about it could not say where they were.
        QTest::newRow("fuzz: complex key without a position")
            << QByteArray("---\naliases:\n  - ?\n  - where\ntitle: Where-Object\n---\n# Where")
            << true << QString();
        // fuzz_parse: yaml-cpp reads text that starts with ',' as an empty document, and stops at a
        // document end marker '...', dropping what follows: keys the writer sees in the file were
        // neither shown nor validated.
        QTest::newRow("fuzz: leading comma read as nothing")
            << QByteArray("---\n,_schema: default\ntitle: A\n---\n") << false
            << u"does not read as YAML"_s;
        QTest::newRow("fuzz: keys after a document end marker")
            << QByteArray("---\ntitle: A\n...\nscore: -1.0\n---\n") << false
            << u"second YAML document"_s;
        QTest::newRow("document end marker at the end")
            << QByteArray("---\ntitle: A\n... # done\n\n---\n") << true << QString();
        QTest::newRow("null document")
            << QByteArray("---\n# nothing yet\n~\n---\n") << true << QString();
        QTest::newRow("three dots inside values")
            << QByteArray("---\ntitle: >-\n    ...\nnote: a\n  ...\n---\n") << true << QString();
        // An alias inside the collection it names: yaml-cpp builds a cycle, and walking it never
        // ended.
        QTest::newRow("alias of its own container, flow")
            << QByteArray("---\na: &a [x, *a]\n---\n") << false << u"itself"_s;
        QTest::newRow("alias of its own container, block")
            << QByteArray("---\na: &a\n  b: *a\n---\n") << false << u"itself"_s;
        // Aliases that nest deep structures in each other go deeper than yaml-cpp's own limit.
        QTest::newRow("aliases nesting past the depth limit") << [] {
            QByteArray b =
                "---\na0: &a0 " + QByteArray(300, '[') + 'x' + QByteArray(300, ']') + '\n';
            for (int i = 1; i < 6; ++i) {
                b += 'a' + QByteArray::number(i) + ": &a" + QByteArray::number(i) + ' ' +
                     QByteArray(300, '[') + "*a" + QByteArray::number(i - 1) +
                     QByteArray(300, ']') + '\n';
            }
            return b + "---\n";
        }() << false << u"nested"_s;
    }

    void parse()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, readable);
        QFETCH(QString, mentions);
        const Result<Document> doc = Document::fromBytes(bytes);
        QCOMPARE(doc.ok(), readable);
        if (readable) {
            QCOMPARE(doc->bytes(), bytes);
            checkPositions(doc->frontMatter().root(), true);
            QVERIFY(!Validator(*Schema::builtIn(u"quicktakes"_s)).validate(doc.value()).isEmpty());
        } else {
            QVERIFY2(doc.error().message.contains(mentions), qPrintable(doc.error().message));
            QVERIFY(doc.error().line >= 1);
        }
    }

    // Markdown that made lintMarkdown (run by every validation) slow or wrong.
    void lint_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<int>("issues");

        // Quadratic, 269 s under ASan for 60,000 characters: every unbalanced delimiter rescanned
        // its whole word for a URL, and every text node converted its line's prefix to UTF-16.
        QTest::newRow("hang: unbalanced delimiters in one long word")
            << QString(u"x!*"_s).repeated(20000) << 19998;
        // The per-line column table counts a 4-byte UTF-8 character as two UTF-16 units.
        QTest::newRow("columns after astral characters")
            << u"\U0001F600\U0001F600 x!*\n\U0001F600 a*"_s << 2;
        QTest::newRow("columns after two-byte characters")
            << u"\u00e9\u00e9\u00e9 x!* \u00e9*"_s << 2;
    }

    void lint()
    {
        QFETCH(QString, markdown);
        QFETCH(int, issues);
        const QList<MarkdownIssue> found = lintMarkdown(markdown);
        QCOMPARE(found.size(), qsizetype(issues));
        const QStringList lines = markdown.split(u'\n');
        for (const MarkdownIssue& issue : found) // each points at its delimiter
            QCOMPARE(lines.value(issue.line - 1).mid(issue.column - 1, 1), u"*"_s);
    }
};

QTEST_GUILESS_MAIN(TestRegressions)
#include "tst_regressions.moc"
