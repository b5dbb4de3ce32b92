#include "editor/articleeditor.h"
#include "editor/text/findbar.h"
#include "editor/text/markdowneditor.h"
#include "model/schema/schemalibrary.h"
#include "model/yaml/document.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QUndoStack>

using namespace Qt::Literals::StringLiterals;
using namespace frontis;

namespace {

// The answer reads "The cat sat. A Cat ran.", a blank line, "CATS and concat cats."
const QByteArray Article = "---\n_schema: default\nid: 1\nanswer: >-\n"
                           "    The cat sat. A Cat ran.\\n\\nCATS and concat cats.\n"
                           "score: -1.0\n---\n";

QByteArray answerLine(const QByteArray& bytes)
{
    const qsizetype start = bytes.indexOf("answer: >-\n    ") + 15;
    return bytes.mid(start, bytes.indexOf('\n', start) - start);
}

} // namespace

class TestFindBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void findsWithOptions_data();
    void findsWithOptions();
    void enterWalksThroughMatches();
    void takesTheSelectionAsTerm();
    void optionKeysInTheFields();
    void highlightsMergeWithOtherGroups();
    void invalidRegularExpressionShowsTheError();
    void replaceAllIsOneUndoStep();
    void replaceWithGroups();
    void matchesFollowEdits();
    void escapeClosesAndReturnsFocus();

private:
    void type(QLineEdit* field, const QString& text);

    std::unique_ptr<SchemaLibrary> m_library;
    std::unique_ptr<ArticleEditor> m_editor;
    FindBar* m_bar = nullptr;
    MarkdownEditor* m_textEditor = nullptr;
};

void TestFindBar::init()
{
    m_library = std::make_unique<SchemaLibrary>();
    m_editor = std::make_unique<ArticleEditor>(m_library.get());
    Result<Document> doc = Document::fromBytes(Article);
    QVERIFY(doc.ok());
    m_editor->setDocument(std::move(doc.value()), u"/nonexistent/cats.md"_s, Article);
    QCOMPARE(m_editor->textKey(), u"answer"_s);
    m_editor->resize(1300, 700);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    m_editor->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
    m_bar = m_editor->findBar();
    m_textEditor = m_editor->textEditor();
    QVERIFY(m_bar);
    QVERIFY(!m_bar->isVisible());
    QCOMPARE(m_textEditor->markdown(), u"The cat sat. A Cat ran.\n\nCATS and concat cats."_s);
}

void TestFindBar::cleanup()
{
    m_editor.reset();
    m_library.reset();
}

void TestFindBar::type(QLineEdit* field, const QString& text)
{
    field->setFocus();
    field->selectAll();
    QTest::keyClick(field, Qt::Key_Delete);
    QTest::keyClicks(field, text);
}

void TestFindBar::findsWithOptions_data()
{
    QTest::addColumn<QString>("term");
    QTest::addColumn<bool>("caseSensitive");
    QTest::addColumn<bool>("wholeWords");
    QTest::addColumn<bool>("regex");
    QTest::addColumn<QStringList>("found");

    QTest::newRow("any case") << u"cat"_s << false << false << false
                              << QStringList{u"cat"_s, u"Cat"_s, u"CAT"_s, u"cat"_s, u"cat"_s};
    QTest::newRow("case sensitive")
        << u"cat"_s << true << false << false << QStringList{u"cat"_s, u"cat"_s, u"cat"_s};
    QTest::newRow("whole words") << u"cat"_s << false << true << false
                                 << QStringList{u"cat"_s, u"Cat"_s};
    QTest::newRow("whole words, case")
        << u"Cat"_s << true << true << false << QStringList{u"Cat"_s};
    QTest::newRow("regex") << u"cats?\\b"_s << false << false << true
                           << QStringList{u"cat"_s, u"Cat"_s, u"CATS"_s, u"cat"_s, u"cats"_s};
    QTest::newRow("regex, whole words") << u"cats?"_s << false << true << true
                                        << QStringList{u"cat"_s, u"Cat"_s, u"CATS"_s, u"cats"_s};
    QTest::newRow("regex across lines")
        << u"ran\\.\\n\\nC"_s << true << false << true << QStringList{u"ran.\n\nC"_s};
    // Plain text: the dot is a dot ("t." as a regular expression also finds "t " four times).
    QTest::newRow("plain text dot") << u"t."_s << false << false << false << QStringList{u"t."_s};
    QTest::newRow("nothing") << u"dog"_s << false << false << false << QStringList{};
}

void TestFindBar::findsWithOptions()
{
    QFETCH(QString, term);
    QFETCH(bool, caseSensitive);
    QFETCH(bool, wholeWords);
    QFETCH(bool, regex);
    QFETCH(QStringList, found);

    m_bar->openFind();
    QVERIFY(m_bar->isVisible());
    QVERIFY(!m_bar->isReplaceShown());
    QVERIFY(m_bar->findField()->hasFocus());
    m_bar->caseSensitiveBox()->setChecked(caseSensitive);
    m_bar->wholeWordsBox()->setChecked(wholeWords);
    m_bar->regularExpressionBox()->setChecked(regex);
    type(m_bar->findField(), term);

    QVERIFY(!m_bar->hasPatternError());
    const QString text = m_textEditor->markdown();
    QStringList actual;
    for (const TextFinder::Match& m : m_bar->matches())
        actual << text.mid(m.start, m.length);
    QCOMPARE(actual, found);
    // Typing selects a match (as in a browser, the first from where the previous one was, so
    // that the selection moves on only when it must) and counts them all.
    if (found.isEmpty()) {
        QCOMPARE(m_bar->statusLabel()->text(), u"No matches"_s);
    } else {
        const int current = m_bar->currentMatch();
        QVERIFY(current >= 0);
        QCOMPARE(
            m_textEditor->textCursor().selectedText().replace(QChar::ParagraphSeparator, u'\n'),
            found.at(current));
        QCOMPARE(m_bar->statusLabel()->text(), u"%1 of %2"_s.arg(current + 1).arg(found.size()));
    }
    // The typed text stays in the field, which keeps the focus.
    QCOMPARE(m_bar->findField()->text(), term);
    QVERIFY(m_bar->findField()->hasFocus());
}

void TestFindBar::enterWalksThroughMatches()
{
    m_bar->openFind();
    type(m_bar->findField(), u"cat"_s);
    QCOMPARE(m_bar->matchCount(), 5);
    QCOMPARE(m_bar->currentMatch(), 0);
    QTest::keyClick(m_bar->findField(), Qt::Key_Return);
    QCOMPARE(m_bar->currentMatch(), 1);
    QCOMPARE(m_textEditor->textCursor().selectedText(), u"Cat"_s);
    QCOMPARE(m_bar->statusLabel()->text(), u"2 of 5"_s);
    QTest::keyClick(m_bar->findField(), Qt::Key_Enter); // the keypad's Enter too
    QCOMPARE(m_bar->currentMatch(), 2);
    QTest::keyClick(m_bar->findField(), Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClick(m_bar->findField(), Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(m_bar->currentMatch(), 0);
    // Wraps around at both ends.
    QTest::keyClick(m_bar->findField(), Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(m_bar->currentMatch(), 4);
    QCOMPARE(m_bar->statusLabel()->text(), u"5 of 5"_s);
    QTest::keyClick(m_bar->findField(), Qt::Key_Return);
    QCOMPARE(m_bar->currentMatch(), 0);
    // The buttons do the same, and the focus stays in the field.
    QTest::mouseClick(m_bar->findChild<QWidget*>(u"findNext"_s), Qt::LeftButton);
    QCOMPARE(m_bar->currentMatch(), 1);
    QTest::mouseClick(m_bar->findChild<QWidget*>(u"findPrevious"_s), Qt::LeftButton);
    QCOMPARE(m_bar->currentMatch(), 0);
    QVERIFY(m_bar->findField()->hasFocus());
    // From elsewhere in the text, Next goes to the first match after the cursor.
    QTextCursor cursor = m_textEditor->textCursor();
    cursor.setPosition(20); // in "ran."
    m_textEditor->setTextCursor(cursor);
    QCOMPARE(m_bar->currentMatch(), -1);
    QCOMPARE(m_bar->statusLabel()->text(), u"5 matches"_s);
    m_bar->findNext();
    QCOMPARE(m_bar->currentMatch(), 2); // "CAT" of "CATS"
    m_textEditor->setTextCursor(cursor);
    m_bar->findPrevious();
    QCOMPARE(m_bar->currentMatch(), 1); // "Cat"
}

void TestFindBar::takesTheSelectionAsTerm()
{
    QTextCursor cursor = m_textEditor->textCursor();
    cursor.setPosition(8);
    cursor.setPosition(11, QTextCursor::KeepAnchor); // "sat"
    m_textEditor->setTextCursor(cursor);
    m_bar->openFind();
    QCOMPARE(m_bar->findField()->text(), u"sat"_s);
    QCOMPARE(m_bar->findField()->selectedText(), u"sat"_s); // typing replaces it
    QCOMPARE(m_bar->matchCount(), 1);
    QCOMPARE(m_bar->statusLabel()->text(), u"1 of 1"_s);
    // A selection over several lines is not a term.
    m_bar->closeBar();
    cursor.setPosition(0);
    cursor.setPosition(30, QTextCursor::KeepAnchor);
    m_textEditor->setTextCursor(cursor);
    m_bar->openReplace();
    QCOMPARE(m_bar->findField()->text(), u"sat"_s);
    QVERIFY(m_bar->isReplaceShown());
}

void TestFindBar::optionKeysInTheFields()
{
    m_bar->openReplace();
    type(m_bar->findField(), u"cat"_s);
    QCOMPARE(m_bar->matchCount(), 5);
    // Alt+C, Alt+W and Alt+R toggle the options from either field, ahead of any mnemonic of the
    // window (the form gives its fields letters of their own).
    QTest::keyClick(m_bar->findField(), Qt::Key_C, Qt::AltModifier);
    QVERIFY(m_bar->caseSensitiveBox()->isChecked());
    QCOMPARE(m_bar->matchCount(), 3);
    QTest::keyClick(m_bar->findField(), Qt::Key_W, Qt::AltModifier);
    QVERIFY(m_bar->wholeWordsBox()->isChecked());
    QCOMPARE(m_bar->matchCount(), 1);
    m_bar->replaceField()->setFocus();
    QTest::keyClick(m_bar->replaceField(), Qt::Key_C, Qt::AltModifier);
    QVERIFY(!m_bar->caseSensitiveBox()->isChecked());
    QCOMPARE(m_bar->matchCount(), 2);
    QTest::keyClick(m_bar->replaceField(), Qt::Key_R, Qt::AltModifier);
    QVERIFY(m_bar->regularExpressionBox()->isChecked());
    QVERIFY(m_bar->replaceField()->hasFocus());
    // Nothing typed into the fields on the way.
    QCOMPARE(m_bar->findField()->text(), u"cat"_s);
    QVERIFY(m_bar->replaceField()->text().isEmpty());
}

void TestFindBar::highlightsMergeWithOtherGroups()
{
    // Another helper's marks stay when the find highlights come and go. (The editor's own
    // spelling group may hold marks too; it is counted where it matters.)
    const QString other = u"test-marks"_s;
    const auto shownBy = [this](const QString& name) {
        return m_textEditor->selectionGroup(name).size();
    };
    const auto expectedTotal = [&] {
        return shownBy(u"spelling"_s) + shownBy(other) + shownBy(FindBar::selectionGroupName());
    };
    QTextEdit::ExtraSelection mark;
    mark.cursor = QTextCursor(m_textEditor->document());
    mark.cursor.setPosition(4);
    mark.cursor.setPosition(7, QTextCursor::KeepAnchor);
    mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    m_textEditor->setSelectionGroup(other, {mark});
    QCOMPARE(shownBy(other), 1);
    QCOMPARE(m_textEditor->extraSelections().size(), expectedTotal());

    m_bar->openFind();
    type(m_bar->findField(), u"cat"_s);
    const QList<QTextEdit::ExtraSelection> found =
        m_textEditor->selectionGroup(FindBar::selectionGroupName());
    QCOMPARE(found.size(), 5);
    QCOMPARE(m_textEditor->extraSelections().size(), expectedTotal());
    // The find highlights come after the earlier groups, so they paint over them.
    const QList<QTextEdit::ExtraSelection> all = m_textEditor->extraSelections();
    QCOMPARE(all.last().cursor.selectionStart(), found.last().cursor.selectionStart());
    bool markShown = false;
    for (const QTextEdit::ExtraSelection& s : all)
        markShown = markShown || s.format.underlineStyle() == QTextCharFormat::WaveUnderline;
    QVERIFY(markShown);
    // The current match looks different from the others.
    QCOMPARE(found.at(0).cursor.selectionStart(), 4);
    QVERIFY(found.at(0).format.background() != found.at(1).format.background());
    QCOMPARE(found.at(1).format.background(), found.at(2).format.background());

    // The other group changes on its own; the find highlights stay.
    m_textEditor->setSelectionGroup(other, {});
    QCOMPARE(shownBy(FindBar::selectionGroupName()), 5);
    QCOMPARE(m_textEditor->extraSelections().size(), expectedTotal());
    m_textEditor->setSelectionGroup(other, {mark});
    type(m_bar->findField(), u"concat"_s);
    QCOMPARE(shownBy(FindBar::selectionGroupName()), 1);
    QCOMPARE(shownBy(other), 1);
    QCOMPARE(m_textEditor->extraSelections().size(), expectedTotal());
    m_bar->closeBar();
    QCOMPARE(shownBy(FindBar::selectionGroupName()), 0);
    QCOMPARE(shownBy(other), 1);
    QCOMPARE(m_textEditor->extraSelections().size(), expectedTotal());
}

void TestFindBar::invalidRegularExpressionShowsTheError()
{
    m_bar->openReplace();
    m_bar->regularExpressionBox()->setChecked(true);
    const QColor normalBase = m_bar->findField()->palette().color(QPalette::Base);
    type(m_bar->findField(), u"(cat"_s);
    QVERIFY(m_bar->hasPatternError());
    const QColor base = m_bar->findField()->palette().color(QPalette::Base);
    QVERIFY(base != normalBase);
    QVERIFY2(base.red() > base.green() + 20 && base.red() > base.blue() + 20,
             qPrintable(base.name()));
    QVERIFY2(m_bar->findField()->toolTip().contains(u"missing closing parenthesis"_s),
             qPrintable(m_bar->findField()->toolTip()));
    QVERIFY(m_bar->findField()->toolTip().contains(u"character 5"_s));
    QCOMPARE(m_bar->statusLabel()->text(), u"Invalid pattern"_s);
    QCOMPARE(m_bar->matchCount(), 0);
    QVERIFY(m_textEditor->selectionGroup(FindBar::selectionGroupName()).isEmpty());
    QVERIFY(!m_bar->findChild<QPushButton*>(u"replaceAll"_s)->isEnabled());

    // Nothing happens, and nothing breaks, when the writer goes on anyway.
    const QByteArray before = m_editor->document().bytes();
    QTest::keyClick(m_bar->findField(), Qt::Key_Return);
    QTest::keyClick(m_bar->findField(), Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(m_bar->replaceAll(), 0);
    QVERIFY(!m_bar->replaceCurrent());
    QCOMPARE(m_editor->document().bytes(), before);

    // Fixed, the field is normal again.
    QTest::keyClick(m_bar->findField(), Qt::Key_End);
    QTest::keyClicks(m_bar->findField(), u")"_s);
    QVERIFY(!m_bar->hasPatternError());
    QCOMPARE(m_bar->findField()->palette().color(QPalette::Base), normalBase);
    QVERIFY(!m_bar->findField()->toolTip().contains(u"Invalid"_s));
    QCOMPARE(m_bar->matchCount(), 5);
    // Turning the option off reads the same text literally: "(cat)" is nowhere.
    m_bar->regularExpressionBox()->setChecked(false);
    QVERIFY(!m_bar->hasPatternError());
    QCOMPARE(m_bar->matchCount(), 0);
}

void TestFindBar::replaceAllIsOneUndoStep()
{
    // Typing first: Replace All must not merge into this burst.
    m_textEditor->setFocus();
    m_textEditor->moveCursor(QTextCursor::Start);
    QTest::keyClicks(m_textEditor, u"Hi "_s);
    QCOMPARE(m_editor->undoStack()->count(), 1);
    const QByteArray typed = m_editor->document().bytes();
    QCOMPARE(answerLine(typed), "Hi The cat sat. A Cat ran.\\n\\nCATS and concat cats.");

    m_bar->openReplace();
    QVERIFY(m_bar->isReplaceShown());
    type(m_bar->findField(), u"cat"_s);
    type(m_bar->replaceField(), u"dog"_s);
    QTest::mouseClick(m_bar->findChild<QPushButton*>(u"replaceAll"_s), Qt::LeftButton);

    const QByteArray replaced = m_editor->document().bytes();
    QCOMPARE(answerLine(replaced), "Hi The dog sat. A dog ran.\\n\\ndogS and condog dogs.");
    QCOMPARE(m_editor->undoStack()->count(), 2); // one step for all five
    QCOMPARE(m_editor->undoStack()->undoText(), u"Replace All"_s);
    QCOMPARE(m_bar->statusLabel()->text(), u"5 replaced"_s);
    QCOMPARE(m_bar->matchCount(), 0);
    // Only the answer line changed in the file.
    QCOMPARE(replaced.left(replaced.indexOf("answer:")), typed.left(typed.indexOf("answer:")));
    QVERIFY(replaced.endsWith("\nscore: -1.0\n---\n"));

    m_editor->undoStack()->undo();
    QCOMPARE(m_editor->document().bytes(), typed);
    QCOMPARE(m_textEditor->markdown(), u"Hi The cat sat. A Cat ran.\n\nCATS and concat cats."_s);
    m_editor->undoStack()->redo();
    QCOMPARE(m_editor->document().bytes(), replaced);
    QCOMPARE(m_textEditor->markdown(), u"Hi The dog sat. A dog ran.\n\ndogS and condog dogs."_s);
    // Typing after it is a step of its own too.
    m_textEditor->setFocus();
    m_textEditor->moveCursor(QTextCursor::End);
    QTest::keyClicks(m_textEditor, u"!"_s);
    QCOMPARE(m_editor->undoStack()->count(), 3);
    m_editor->undoStack()->undo();
    QCOMPARE(m_editor->document().bytes(), replaced);
    m_editor->undoStack()->undo();
    m_editor->undoStack()->undo();
    QCOMPARE(m_editor->document().bytes(), Article);
}

void TestFindBar::replaceWithGroups()
{
    m_bar->openReplace();
    m_bar->regularExpressionBox()->setChecked(true);
    m_bar->caseSensitiveBox()->setChecked(true);
    type(m_bar->findField(), u"A (\\w+) (\\w+)\\."_s);
    type(m_bar->replaceField(), u"The \\1 \\2 away."_s);
    QCOMPARE(m_bar->matchCount(), 1);
    // The typed search already selected the match, so the first Replace replaces it.
    QCOMPARE(m_bar->currentMatch(), 0);
    QTest::keyClick(m_bar->replaceField(), Qt::Key_Return);
    QCOMPARE(m_textEditor->markdown(),
             u"The cat sat. The Cat ran away.\n\nCATS and concat cats."_s);
    QCOMPARE(m_editor->undoStack()->count(), 1);
    QCOMPARE(m_editor->undoStack()->undoText(), u"Replace"_s);
    QCOMPARE(answerLine(m_editor->document().bytes()),
             "The cat sat. The Cat ran away.\\n\\nCATS and concat cats.");
    // With no match selected, Replace first goes to one.
    QCOMPARE(m_bar->matchCount(), 0);
    type(m_bar->findField(), u"(\\w+)s\\b"_s);
    type(m_bar->replaceField(), u"\\1z"_s);
    m_textEditor->moveCursor(QTextCursor::Start);
    QCOMPARE(m_bar->currentMatch(), -1);
    QVERIFY(!m_bar->replaceCurrent());
    QCOMPARE(m_textEditor->textCursor().selectedText(), u"cats"_s);
    QVERIFY(m_bar->replaceCurrent());
    QVERIFY(m_textEditor->markdown().endsWith(u"concat catz."_s));
    QCOMPARE(m_editor->undoStack()->count(), 2);
}

void TestFindBar::matchesFollowEdits()
{
    m_bar->openFind();
    type(m_bar->findField(), u"cat"_s);
    QCOMPARE(m_bar->matchCount(), 5);
    m_textEditor->setFocus();
    m_textEditor->moveCursor(QTextCursor::End);
    QTest::keyClicks(m_textEditor, u" cat"_s);
    QTRY_COMPARE(m_bar->statusLabel()->text(), u"6 matches"_s);
    QCOMPARE(m_textEditor->selectionGroup(FindBar::selectionGroupName()).size(), 6);
    m_editor->undoStack()->undo();
    QTRY_COMPARE(m_bar->statusLabel()->text(), u"5 matches"_s);
}

void TestFindBar::escapeClosesAndReturnsFocus()
{
    m_bar->openFind();
    type(m_bar->findField(), u"cat"_s);
    QVERIFY(!m_textEditor->selectionGroup(FindBar::selectionGroupName()).isEmpty());
    QTest::keyClick(m_bar->findField(), Qt::Key_Escape);
    QVERIFY(!m_bar->isVisible());
    QVERIFY(m_textEditor->hasFocus());
    QVERIFY(m_textEditor->selectionGroup(FindBar::selectionGroupName()).isEmpty());
    // The match found stays selected, and the term stays for the next time.
    QCOMPARE(m_textEditor->textCursor().selectedText(), u"cat"_s);
    m_bar->openFind();
    QCOMPARE(m_bar->findField()->text(), u"cat"_s);
    QCOMPARE(m_bar->matchCount(), 5);
    // Escape in the editor closes the bar too.
    m_textEditor->setFocus();
    QTest::keyClick(m_textEditor, Qt::Key_Escape);
    QVERIFY(!m_bar->isVisible());
    QVERIFY(m_textEditor->hasFocus());
}

QTEST_MAIN(TestFindBar)
#include "tst_findbar.moc"
