#include "editor/text/markdowneditor.h"
#include "editor/text/markdownhighlighter.h"
#include "palettes.h"

#include <QScrollBar>
#include <QSignalSpy>
#include <QSyntaxHighlighter>
#include <QTest>
#include <QTextBlock>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;
using frontis::MarkdownEditor;

class TestMarkdownEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsDecodedLines();
    void reloadedTextIsReadAgain();
    void typingStoresEscapes();
    void editedOnlyByTheWriter();
    void untouchedTextIsReturnedVerbatim();
    void charactersSurviveTheWidget();
    void reloadKeepsCursor();
    void goToLine_data();
    void goToLine();
    void reportsFirstVisibleLine();
    void keyboardAndAccessibility();
    void followsDarkPalette();
};

void TestMarkdownEditor::showsDecodedLines()
{
    MarkdownEditor editor;
    editor.setStoredText(u"a\\n\\nb"_s);
    QCOMPARE(editor.document()->blockCount(), 3);
    QCOMPARE(editor.markdown(), u"a\n\nb"_s);
    QCOMPARE(editor.document()->findBlockByNumber(2).text(), u"b"_s);
    QCOMPARE(editor.storedText(), u"a\\n\\nb"_s);
}

// markdown() and storedText() are kept per revision of the editor's document; a new text (an
// undo in the window, a reload) restarts that count, and must still be read again.
void TestMarkdownEditor::reloadedTextIsReadAgain()
{
    MarkdownEditor editor;
    editor.setStoredText(u"one"_s);
    QCOMPARE(editor.markdown(), u"one"_s);
    QCOMPARE(editor.storedText(), u"one"_s);
    editor.setStoredText(u"two\\nlines"_s);
    QCOMPARE(editor.markdown(), u"two\nlines"_s);
    QCOMPARE(editor.storedText(), u"two\\nlines"_s);
    editor.setStoredText(u"one"_s);
    QCOMPARE(editor.markdown(), u"one"_s);
    QCOMPARE(editor.storedText(), u"one"_s);
}

void TestMarkdownEditor::typingStoresEscapes()
{
    MarkdownEditor editor;
    editor.setStoredText(u"First"_s);
    editor.moveCursor(QTextCursor::End);
    QTest::keyClick(&editor, Qt::Key_Return);
    QTest::keyClick(&editor, Qt::Key_Return);
    QTest::keyClicks(&editor, u"- item"_s);
    QCOMPARE(editor.markdown(), u"First\n\n- item"_s);
    QCOMPARE(editor.storedText(), u"First\\n\\n- item"_s);
}

void TestMarkdownEditor::editedOnlyByTheWriter()
{
    MarkdownEditor editor;
    QSignalSpy edited(&editor, &MarkdownEditor::textEdited);
    editor.setStoredText(u"one\\ntwo"_s);
    QCOMPARE(edited.count(), 0);
    QTest::keyClicks(&editor, u"x"_s);
    QCOMPARE(edited.count(), 1);
    editor.setStoredText(u"three"_s);
    QCOMPARE(edited.count(), 1);
}

void TestMarkdownEditor::untouchedTextIsReturnedVerbatim()
{
    // A stored literal backslash-n reads as a line break (the codec cannot tell them apart);
    // as long as the writer leaves the text alone, the stored form is what comes back.
    MarkdownEditor editor;
    editor.setStoredText(u"Path C:\\new"_s);
    QCOMPARE(editor.markdown(), u"Path C:\new"_s);
    QCOMPARE(editor.storedText(), u"Path C:\\new"_s);
    // Once edited, the text is encoded as shown.
    editor.moveCursor(QTextCursor::End);
    QTest::keyClicks(&editor, u"s"_s);
    QCOMPARE(editor.storedText(), u"Path C:\\news"_s);
    // Undoing back to the original text gives the original again.
    editor.undo();
    QCOMPARE(editor.storedText(), u"Path C:\\new"_s);
}

void TestMarkdownEditor::charactersSurviveTheWidget()
{
    MarkdownEditor editor;
    // A non-breaking space (toPlainText() would make it a space) and a tab.
    editor.setStoredText(u"a\u00a0b\tc"_s);
    editor.moveCursor(QTextCursor::End);
    QTest::keyClicks(&editor, u"d"_s);
    QCOMPARE(editor.storedText(), u"a\u00a0b\tcd"_s);
    // Shift+Enter breaks the line inside a block (U+2028); in Markdown it is a line break.
    QTest::keyClick(&editor, Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(&editor, u"e"_s);
    QCOMPARE(editor.storedText(), u"a\u00a0b\tcd\\ne"_s);
}

void TestMarkdownEditor::reloadKeepsCursor()
{
    MarkdownEditor editor;
    editor.setStoredText(u"line one\\nline two"_s);
    editor.goToLine(2, 6);
    editor.setStoredText(u"line one\\nline two, longer"_s); // an undo in the window, say
    QCOMPARE(editor.textCursor().blockNumber(), 1);
    QCOMPARE(editor.textCursor().positionInBlock(), 5);
    editor.setStoredText(u"x"_s); // shorter than where the cursor was: clamped
    QCOMPARE(editor.textCursor().position(), 1);
}

void TestMarkdownEditor::goToLine_data()
{
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("block");
    QTest::addColumn<int>("positionInBlock");
    QTest::newRow("start") << 1 << 1 << 0 << 0;
    QTest::newRow("middle") << 3 << 4 << 2 << 3;
    QTest::newRow("column past the end") << 2 << 99 << 1 << 3;
    QTest::newRow("line past the end") << 99 << 1 << 3 << 0;
    QTest::newRow("line 0") << 0 << 0 << 0 << 0;
}

void TestMarkdownEditor::goToLine()
{
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(int, block);
    QFETCH(int, positionInBlock);
    MarkdownEditor editor;
    editor.setStoredText(u"first\\ntwo\\nthird line\\nlast"_s);
    editor.goToLine(line, column);
    QCOMPARE(editor.textCursor().blockNumber(), block);
    QCOMPARE(editor.textCursor().positionInBlock(), positionInBlock);
}

void TestMarkdownEditor::reportsFirstVisibleLine()
{
    MarkdownEditor editor;
    QStringList lines;
    for (int i = 1; i <= 200; ++i)
        lines << u"Line %1"_s.arg(i);
    editor.setStoredText(lines.join(u"\\n"_s));
    editor.resize(300, 200);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QCOMPARE(editor.firstVisibleMarkdownLine(), 1);
    QCOMPARE(editor.firstVisibleLineProgress(), 0.0);

    QSignalSpy visible(&editor, &MarkdownEditor::visibleLineChanged);
    editor.goToLine(150);
    QVERIFY(visible.count() > 0);
    const int top = editor.firstVisibleMarkdownLine();
    QVERIFY2(top > 100 && top < 150, qPrintable(QString::number(top)));
    QCOMPARE(visible.last().at(0).toInt(), top);
    // The reported line is the one drawn at the top of the viewport.
    const QTextCursor atTop = editor.cursorForPosition(QPoint(10, 2));
    QCOMPARE(atTop.blockNumber() + 1, top);
}

void TestMarkdownEditor::keyboardAndAccessibility()
{
    MarkdownEditor editor;
    QVERIFY(editor.tabChangesFocus());
    QCOMPARE(editor.accessibleName(), u"Article text (Markdown)"_s);
    QCOMPARE(editor.lineWrapMode(), QPlainTextEdit::WidgetWidth);
    QVERIFY(editor.highlighting());
    QCOMPARE(editor.highlighting()->highlighter()->document(), editor.document());
}

void TestMarkdownEditor::followsDarkPalette()
{
    QWidget window;
    auto* layout = new QVBoxLayout(&window);
    auto* editor = new MarkdownEditor;
    layout->addWidget(editor);
    window.setPalette(testpalettes::light());
    editor->setStoredText(u"# Heading\\n\\ntext"_s);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(editor->palette().color(QPalette::Base).lightness() > 128);
    const auto headingColour = [editor] {
        const QTextBlock block = editor->document()->firstBlock();
        for (const QTextLayout::FormatRange& r : block.layout()->formats()) {
            if (r.start <= 3 && 3 < r.start + r.length)
                return r.format.foreground().color();
        }
        return QColor();
    };
    QTRY_VERIFY(headingColour().isValid());
    const QColor light = headingColour();

    window.setPalette(testpalettes::dark());
    QVERIFY(editor->palette().color(QPalette::Base).lightness() < 128);
    QVERIFY(editor->palette().color(QPalette::Text).lightness() > 128);
    QTRY_VERIFY(headingColour() != light);
    QVERIFY(headingColour().lightness() > light.lightness());

    // And back: the theme's overrides do not pin the editor to dark.
    window.setPalette(testpalettes::light());
    QVERIFY(editor->palette().color(QPalette::Base).lightness() > 128);
    QTRY_COMPARE(headingColour(), light);
}

QTEST_MAIN(TestMarkdownEditor)
#include "tst_markdowneditor.moc"
