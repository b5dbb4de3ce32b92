#include "editor/text/builtinhighlighter.h"
#include "editor/text/markdownhighlighter.h"
#include "palettes.h"

#include <QAbstractTextDocumentLayout>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using frontis::BuiltinHighlighter;
using frontis::MarkdownHighlighter;

namespace {

// The format the highlighter gave the character at `column` of 0-based `line` (an empty format
// where it set none).
QTextCharFormat formatAt(const QTextDocument& doc, int line, int column)
{
    const QTextBlock block = doc.findBlockByNumber(line);
    QTextCharFormat result;
    const QList<QTextLayout::FormatRange> ranges = block.layout()->formats();
    for (const QTextLayout::FormatRange& r : ranges) {
        if (r.start <= column && column < r.start + r.length)
            result = r.format;
    }
    return result;
}

// Highlights `text` with the application's highlighter (KSyntaxHighlighting or built-in) or
// the built-in one.
struct Highlighted
{
    QTextDocument doc;
    std::unique_ptr<BuiltinHighlighter> builtin;

    Highlighted(const QString& text, bool useBuiltin, const QPalette& palette)
    {
        doc.setPlainText(text);
        // A document reports edits (contentsChange) only once it has a layout, as in an editor.
        doc.documentLayout();
        if (useBuiltin) {
            builtin = std::make_unique<BuiltinHighlighter>();
            builtin->setPalette(palette);
            builtin->setDocument(&doc);
        } else {
            MarkdownHighlighter::attach(&doc, palette);
        }
        // setDocument() queues the first pass, and until it has run edits are not highlighted.
        QCoreApplication::processEvents();
    }
};

} // namespace

class TestHighlighter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backendMatchesBuild();
    void distinguishesConstructs_data();
    void distinguishesConstructs();
    void builtinFormats();
    void fenceStateFollowsEdits();
    void fenceNeedsMatchingClose();
    void codeSpanHidesEmphasis();
    void paletteSwitchRecolours_data();
    void paletteSwitchRecolours();
    void highlighterDiesWithDocument();
};

void TestHighlighter::backendMatchesBuild()
{
    QCOMPARE(MarkdownHighlighter::usesKSyntaxHighlighting(), bool(FRONTIS_HAVE_KSH));
    QVERIFY(!MarkdownHighlighter::backendName().isEmpty());
    QTextDocument doc;
    MarkdownHighlighter* h = MarkdownHighlighter::attach(&doc, testpalettes::light());
    QVERIFY(h->highlighter());
    QCOMPARE(h->highlighter()->document(), &doc);
    QCOMPARE(qobject_cast<BuiltinHighlighter*>(h->highlighter()) != nullptr,
             !MarkdownHighlighter::usesKSyntaxHighlighting());
}

void TestHighlighter::distinguishesConstructs_data()
{
    QTest::addColumn<bool>("builtin");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column"); // inside the construct
    QTest::addColumn<int>("plainLine");
    QTest::addColumn<int>("plainColumn"); // in plain text

    struct Case
    {
        const char* name;
        QString text;
        int line, column, plainLine, plainColumn;
    };
    // The answer as the editor holds it: real line breaks, so constructs span lines.
    const QList<Case> cases = {
        {"heading", u"# Title\n\nplain text"_s, 0, 3, 2, 1},
        {"level 2 heading", u"plain\n\n## Sub"_s, 2, 4, 0, 1},
        {"strong", u"plain **bold** plain"_s, 0, 9, 0, 1},
        {"code span", u"plain `code` plain"_s, 0, 8, 0, 1},
        {"fenced code, later line", u"```\nint x;\nint y;\n```\n\nplain"_s, 2, 1, 5, 1},
        {"fenced code with language", u"plain\n\n```cpp\nreturn 0;\n```"_s, 3, 2, 0, 1},
    };
    for (const bool builtin : {false, true}) {
        for (const Case& c : cases) {
            QTest::addRow("%s %s", builtin ? "built-in" : "default", c.name)
                << builtin << c.text << c.line << c.column << c.plainLine << c.plainColumn;
        }
    }
    // Constructs the built-in highlighter marks (KSyntaxHighlighting's choices are its own).
    QTest::newRow("built-in emphasis") << true << u"plain *it* plain"_s << 0 << 7 << 0 << 1;
    QTest::newRow("built-in link text")
        << true << u"see [text](https://x.org) now"_s << 0 << 6 << 0 << 1;
    QTest::newRow("built-in link url")
        << true << u"see [text](https://x.org) now"_s << 0 << 14 << 0 << 1;
    QTest::newRow("built-in autolink") << true << u"at https://x.org now"_s << 0 << 6 << 0 << 1;
    QTest::newRow("built-in list marker") << true << u"- item"_s << 0 << 0 << 0 << 3;
    QTest::newRow("built-in ordered marker") << true << u"12. item"_s << 0 << 1 << 0 << 5;
    QTest::newRow("built-in quote") << true << u"> quoted\n\nplain"_s << 0 << 3 << 2 << 1;
    QTest::newRow("built-in rule") << true << u"plain\n\n***\n"_s << 2 << 1 << 0 << 1;
    QTest::newRow("built-in tilde fence") << true << u"~~~\ncode\n~~~\nplain"_s << 1 << 1 << 3 << 1;
}

void TestHighlighter::distinguishesConstructs()
{
    QFETCH(bool, builtin);
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(int, plainLine);
    QFETCH(int, plainColumn);
    const Highlighted h(text, builtin, testpalettes::light());
    QVERIFY(formatAt(h.doc, line, column) != formatAt(h.doc, plainLine, plainColumn));
}

void TestHighlighter::builtinFormats()
{
    const Highlighted h(u"# Head\n\n**b** *i* `c`\n\n> q"_s, true, testpalettes::light());
    QCOMPARE(formatAt(h.doc, 0, 3).fontWeight(), int(QFont::Bold));
    QCOMPARE(formatAt(h.doc, 2, 2).fontWeight(), int(QFont::Bold));
    QVERIFY(formatAt(h.doc, 2, 7).fontItalic());
    QVERIFY(formatAt(h.doc, 2, 11).background().style() != Qt::NoBrush);
    QVERIFY(formatAt(h.doc, 4, 2).fontItalic());
    // Plain text keeps the editor's own colour: no format at all.
    QVERIFY(!formatAt(h.doc, 2, 5).hasProperty(QTextFormat::ForegroundBrush));
}

void TestHighlighter::fenceStateFollowsEdits()
{
    Highlighted h(u"intro\ncode?\nplain"_s, true, testpalettes::light());
    const QTextCharFormat plain = formatAt(h.doc, 1, 1);
    // Typing a fence above turns the following lines into code...
    QTextCursor cursor(h.doc.findBlockByNumber(0));
    cursor.insertText(u"```\n"_s);
    QVERIFY(formatAt(h.doc, 2, 1) != plain);
    QCOMPARE(formatAt(h.doc, 2, 1), formatAt(h.doc, 3, 1));
    // ...and closing it returns what follows to plain text.
    cursor.movePosition(QTextCursor::End);
    cursor.movePosition(QTextCursor::StartOfBlock);
    cursor.insertText(u"```\n"_s);
    QCOMPARE(formatAt(h.doc, 4, 1), plain);
}

void TestHighlighter::fenceNeedsMatchingClose()
{
    // A shorter fence, or one of the other character, does not close a ```` fence.
    const Highlighted h(u"````\n```\n~~~~\nstill code\n````\nplain"_s, true, testpalettes::light());
    const QTextCharFormat code = formatAt(h.doc, 3, 1);
    QCOMPARE(formatAt(h.doc, 1, 1), code);
    QCOMPARE(formatAt(h.doc, 2, 1), code);
    QVERIFY(formatAt(h.doc, 5, 1) != code);
}

void TestHighlighter::codeSpanHidesEmphasis()
{
    const Highlighted h(u"`a *b* c` and *d*"_s, true, testpalettes::light());
    QVERIFY(!formatAt(h.doc, 0, 4).fontItalic()); // inside code: literal
    QVERIFY(formatAt(h.doc, 0, 15).fontItalic());
}

void TestHighlighter::paletteSwitchRecolours_data()
{
    QTest::addColumn<bool>("builtin");
    QTest::newRow("default") << false;
    QTest::newRow("built-in") << true;
}

void TestHighlighter::paletteSwitchRecolours()
{
    QFETCH(bool, builtin);
    QTextDocument doc;
    doc.setPlainText(u"# Heading\n\ntext"_s);
    BuiltinHighlighter direct;
    MarkdownHighlighter* facade = nullptr;
    if (builtin) {
        direct.setPalette(testpalettes::light());
        direct.setDocument(&doc);
    } else {
        facade = MarkdownHighlighter::attach(&doc, testpalettes::light());
    }
    QCoreApplication::processEvents();
    const QColor lightHeading = formatAt(doc, 0, 3).foreground().color();

    if (builtin)
        direct.setPalette(testpalettes::dark());
    else
        facade->setPalette(testpalettes::dark());
    const QColor darkHeading = formatAt(doc, 0, 3).foreground().color();
    QVERIFY(lightHeading != darkHeading);
    // Readable on each: light text on dark, dark text on light.
    QVERIFY2(darkHeading.lightness() > lightHeading.lightness(),
             qPrintable(darkHeading.name() + u" vs "_s + lightHeading.name()));
    if (facade) {
        const QPalette editor = facade->editorPalette(testpalettes::dark());
        QVERIFY(editor.color(QPalette::Base).lightness() < 128);
        QVERIFY(editor.color(QPalette::Text).lightness() > 128);
    }
}

void TestHighlighter::highlighterDiesWithDocument()
{
    QPointer<MarkdownHighlighter> h;
    {
        QTextDocument doc;
        h = MarkdownHighlighter::attach(&doc, testpalettes::light());
        QVERIFY(h);
    }
    QVERIFY(!h);
}

QTEST_MAIN(TestHighlighter)
#include "tst_highlighter.moc"
