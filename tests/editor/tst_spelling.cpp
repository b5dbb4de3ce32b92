// Spelling as you type with the real Hunspell and the system's en_US dictionary (skipped when it
// is not installed): underlines in the answer editor and the form's text fields, the context
// menu's replacements, Add to Dictionary and Ignore. Grabs spelling-answer.png,
// spelling-answer-dark.png, spelling-menu.png, spelling-field.png and spelling-line.png into the
// build tree for a person to look at.
#include "editor/articleeditor.h"
#include "editor/form/fieldform.h"
#include "editor/text/linespellcheck.h"
#include "editor/text/markdowneditor.h"
#include "editor/text/markdownhighlighter.h"
#include "editor/text/spelling.h"
#include "editor/text/textspellcheck.h"
#include "model/schema/schemalibrary.h"
#include "model/yaml/document.h"
#include "palettes.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSyntaxHighlighter>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTimer>
#include <QUndoStack>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace frontis;

namespace {

const QByteArray Article =
    "---\n"
    "_schema: quicktakes\n"
    "id: 7\n"
    "title: How do processor caches wrok?\n"
    "question: How do processor caches work?\n"
    "post_on_text: Postd on\n"
    "seo:\n"
    "  title: QuickTakes | Computer Science\n"
    "  page_description: >-\n"
    "    Caches keep recently used data close to the processer.\n"
    "answer: >-\n"
    "    Caches are small and fast.\\n\\nThis sentence has a mispeled word.\n"
    "url: /learn/computer-science/questions/how-do-procesor-caches-work\n"
    "\n"
    "---\n"
    "\n"
    "&nbsp;";

QStringList wordsAt(const QString& text, const QList<SpellToken>& tokens)
{
    QStringList out;
    for (const SpellToken& t : tokens)
        out << text.mid(t.start, t.length);
    return out;
}

QStringList underlinedWords(QPlainTextEdit* editor)
{
    return wordsAt(editor->document()->toPlainText(),
                   editor->findChild<TextSpellCheck*>()->underlined());
}

QAction* actionNamed(QMenu* menu, const QString& name, const QString& text = {})
{
    for (QAction* a : menu->actions()) {
        if (a->objectName() == name && (text.isEmpty() || a->text() == text))
            return a;
    }
    return nullptr;
}

QString readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// The entries of the menu a context menu event opens, which is closed again at once: the
// spelling menu runs its own event loop (exec), the widgets' own menus just pop up.
QStringList contextMenuEntries(QWidget* target, const QPoint& pos, QContextMenuEvent::Reason reason)
{
    const auto names = std::make_shared<QStringList>();
    const auto take = [names] {
        if (auto* popup = qobject_cast<QMenu*>(QApplication::activePopupWidget())) {
            for (QAction* a : popup->actions())
                *names << (a->objectName().isEmpty() ? a->text() : a->objectName());
            popup->close();
        }
    };
    QTimer::singleShot(0, take);
    QContextMenuEvent event(reason, pos, target->mapToGlobal(pos));
    QApplication::sendEvent(target, &event);
    take();
    QTest::qWait(1); // the timer, when no event loop ran it
    return *names;
}

} // namespace

class TestSpelling : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void answerUnderlinesWithoutTouchingHighlighting();
    void markdownSyntaxIsNotFlagged();
    void wordBeingTypedWaits();
    void suggestionReplacesThroughTheHistory();
    void rightClickOpensTheSpellingMenu();
    void addToDictionaryPersists();
    void ignoreLastsTheSession();
    void otherExtraSelectionsAreKept();
    void turningCheckingOff();
    void onlyTheVisiblePartIsChecked();
    void textFieldsAreMarked();
    void lineFieldSuggestionIsTypedIn();
    void menuOffersLanguages();
    void grabScreenshots();

private:
    QTemporaryDir m_home;
    QString m_wordList;
};

void TestSpelling::initTestCase()
{
    // The word list and settings go to a scratch home, never the user's.
    QVERIFY(m_home.isValid());
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(u"data"_s)));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(u"config"_s)));
    QCoreApplication::setOrganizationName(u"Frontis"_s);
    QCoreApplication::setApplicationName(u"Frontis"_s);
    m_wordList = m_home.filePath(u"data/Frontis/Frontis/words-en_US.txt"_s);
    // A second, tiny dictionary in the user's own dictionary folder, to switch to.
    QVERIFY(QDir().mkpath(m_home.filePath(u"data/hunspell"_s)));
    QFile aff(m_home.filePath(u"data/hunspell/xx_XX.aff"_s));
    QFile dic(m_home.filePath(u"data/hunspell/xx_XX.dic"_s));
    QVERIFY(aff.open(QIODevice::WriteOnly) && aff.write("SET UTF-8\n") > 0);
    QVERIFY(dic.open(QIODevice::WriteOnly) && dic.write("2\nalpha\nbeta\n") > 0);
    aff.close();
    dic.close();

    Spelling& spelling = Spelling::instance();
    bool english = false;
    for (const SpellChecker::Dictionary& d : spelling.dictionaries())
        english = english || d.language == u"en_US"_s;
    if (!english)
        QSKIP("no en_US Hunspell dictionary installed (Debian: hunspell-en-us)");
    spelling.setLanguage(u"en_US"_s);
    spelling.setEnabled(true);
    spelling.waitForDictionary();
    QVERIFY(spelling.checker());
    QCOMPARE(spelling.checker()->personalPath(), m_wordList);
}

void TestSpelling::init()
{
    Spelling::instance().setEnabled(true);
}

void TestSpelling::answerUnderlinesWithoutTouchingHighlighting()
{
    MarkdownEditor editor;
    editor.resize(700, 400);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setStoredText(u"## A heading with a mistaek\\n\\nSome **bold txet** and plain "
                         u"words.\\n\\n- a lsit item"_s);
    // The highlighter's formats of every block, before the spelling check.
    QList<QList<QTextLayout::FormatRange>> before;
    for (QTextBlock b = editor.document()->begin(); b.isValid(); b = b.next())
        before << b.layout()->formats();
    QVERIFY(!before[2].isEmpty()); // the bold text is highlighted

    auto* spell = editor.findChild<TextSpellCheck*>();
    QVERIFY(spell);
    spell->recheckNow();
    QCOMPARE(underlinedWords(&editor), (QStringList{u"mistaek"_s, u"txet"_s, u"lsit"_s}));

    // The underline is an extra selection over exactly the word, with the spelling style.
    const int at = editor.markdown().indexOf(u"txet"_s);
    int found = 0;
    for (const QTextEdit::ExtraSelection& s : editor.extraSelections()) {
        if (s.cursor.selectionStart() == at) {
            ++found;
            QCOMPARE(s.cursor.selectedText(), u"txet"_s);
            QCOMPARE(s.format.underlineStyle(), QTextCharFormat::SpellCheckUnderline);
            QVERIFY(TextSpellCheck::isSpellingSelection(s));
            // Only the underline: colours and weight stay the highlighter's.
            QVERIFY(!s.format.hasProperty(QTextFormat::ForegroundBrush));
            QVERIFY(!s.format.hasProperty(QTextFormat::BackgroundBrush));
            QVERIFY(!s.format.hasProperty(QTextFormat::FontWeight));
        }
    }
    QCOMPARE(found, 1);
    QCOMPARE(editor.selectionGroup(u"spelling"_s).size(), 3);

    int i = 0;
    for (QTextBlock b = editor.document()->begin(); b.isValid(); b = b.next(), ++i)
        QCOMPARE(b.layout()->formats(), before[i]);
}

void TestSpelling::markdownSyntaxIsNotFlagged()
{
    MarkdownEditor editor;
    editor.resize(800, 700);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    const QString markdown =
        u"# Headng one\n"
        u"\n"
        u"Read [the gude](https://exmaple.com/pth/wrng \"Titel\") or <https://exmaple.org/xyzzy>"
        u" or https://exmaple.net/bare/wrng or www.exmaple.info, mail jdoe@exmaple.org.\n"
        u"Call `pritnf(\"helo\")` then&nbsp;go &mdash; <span class=\"hilite\">fine</span>.\n"
        u"See [text][lbel] and ![alt](img/pctre.png). GPUs, x86, snake_case, e.g. Kubernetes.\n"
        u"\n"
        u"```pyhton\n"
        u"def fucn(): retrun wrng\n"
        u"```\n"
        u"\n"
        u"    indnted cdoe blck\n"
        u"\n"
        u"<!-- a commnt -->\n"
        u"[lbel]: https://exmaple.com/refrence\n"_s;
    editor.setStoredText(QString(markdown).replace(u"\n"_s, u"\\n"_s));
    QCOMPARE(editor.markdown(), markdown);
    editor.findChild<TextSpellCheck*>()->recheckNow();
    // What is prose is checked (Headng, gude); nothing else is.
    QCOMPARE(underlinedWords(&editor), (QStringList{u"Headng"_s, u"gude"_s, u"Kubernetes"_s}));
}

void TestSpelling::wordBeingTypedWaits()
{
    MarkdownEditor editor;
    editor.resize(600, 300);
    editor.show();
    editor.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&editor));
    editor.setFocus();
    QVERIFY(editor.hasFocus());
    auto* spell = editor.findChild<TextSpellCheck*>();
    QTest::keyClicks(&editor, u"Typing wrds"_s);
    spell->recheckNow();
    QCOMPARE(underlinedWords(&editor), QStringList{}); // the cursor is still at its end
    QTest::keyClick(&editor, Qt::Key_Space);
    spell->recheckNow();
    QCOMPARE(underlinedWords(&editor), QStringList{u"wrds"_s});
    // The pause after typing is enough: no explicit recheck.
    QTest::keyClicks(&editor, u"mroe text"_s);
    QTRY_COMPARE(underlinedWords(&editor), (QStringList{u"wrds"_s, u"mroe"_s}));
}

void TestSpelling::suggestionReplacesThroughTheHistory()
{
    SchemaLibrary library;
    ArticleEditor article(&library);
    Result<Document> doc = Document::fromBytes(Article);
    QVERIFY(doc);
    article.setDocument(std::move(doc.value()), m_home.filePath(u"caches.md"_s), Article);
    article.resize(1300, 700);
    article.show();
    QVERIFY(QTest::qWaitForWindowExposed(&article));

    MarkdownEditor* editor = article.textEditor();
    auto* spell = editor->findChild<TextSpellCheck*>();
    spell->recheckNow();
    QCOMPARE(underlinedWords(editor), QStringList{u"mispeled"_s});

    const int at = editor->markdown().indexOf(u"mispeled"_s);
    QCOMPARE(spell->createContextMenu(at - 2), nullptr); // "a" is no misspelling
    const std::unique_ptr<QMenu> menu(spell->createContextMenu(at + 3));
    QVERIFY(menu);
    // Suggestions first, then Add and Ignore, then the editor's own entries.
    QCOMPARE(menu->actions().first()->objectName(), u"spellingSuggestion"_s);
    int suggestions = 0;
    for (QAction* a : menu->actions())
        suggestions += a->objectName() == u"spellingSuggestion"_s;
    QVERIFY(suggestions >= 1 && suggestions <= Spelling::MaxSuggestions);
    QVERIFY(actionNamed(menu.get(), u"spellingAdd"_s));
    QVERIFY(actionNamed(menu.get(), u"spellingIgnore"_s));
    QVERIFY(menu->actions().size() > suggestions + 4); // Undo, Copy, Paste, ... follow
    QAction* fix = actionNamed(menu.get(), u"spellingSuggestion"_s, u"misspelled"_s);
    QVERIFY(fix);

    const int steps = article.undoStack()->count();
    fix->trigger();
    QVERIFY(editor->markdown().contains(u"has a misspelled word."_s));
    QVERIFY(article.document().bytes().contains("has a misspelled word.\n"));
    QCOMPARE(article.undoStack()->count(), steps + 1); // one step of the history
    spell->recheckNow();
    QCOMPARE(underlinedWords(editor), QStringList{});

    article.undoStack()->undo();
    QCOMPARE(article.document().bytes(), Article);
    QVERIFY(editor->markdown().contains(u"has a mispeled word."_s));
    spell->recheckNow();
    QCOMPARE(underlinedWords(editor), QStringList{u"mispeled"_s});
}

void TestSpelling::rightClickOpensTheSpellingMenu()
{
    MarkdownEditor editor;
    editor.resize(600, 300);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setStoredText(u"Right wrnog"_s);
    QTextCursor cursor(editor.document());
    cursor.setPosition(8);
    const QPoint onWrong = editor.cursorRect(cursor).center();
    cursor.setPosition(2);
    const QPoint onRight = editor.cursorRect(cursor).center();

    const QStringList spelling =
        contextMenuEntries(editor.viewport(), onWrong, QContextMenuEvent::Mouse);
    QVERIFY2(spelling.contains(u"spellingAdd"_s), qPrintable(spelling.join(u", "_s)));
    QCOMPARE(spelling.first(), u"spellingSuggestion"_s);
    const QStringList plain =
        contextMenuEntries(editor.viewport(), onRight, QContextMenuEvent::Mouse);
    QVERIFY(!plain.isEmpty()); // the editor's own menu
    QVERIFY(!plain.contains(u"spellingAdd"_s));

    // The menu key: the word at the cursor.
    editor.setTextCursor(cursor); // in "Right"
    QVERIFY(!contextMenuEntries(&editor, QPoint(1, 1), QContextMenuEvent::Keyboard)
                 .contains(u"spellingAdd"_s));
    cursor.setPosition(9);
    editor.setTextCursor(cursor); // in "wrnog"
    QVERIFY(contextMenuEntries(&editor, QPoint(1, 1), QContextMenuEvent::Keyboard)
                .contains(u"spellingAdd"_s));
}

void TestSpelling::addToDictionaryPersists()
{
    MarkdownEditor editor;
    editor.resize(600, 300);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    MarkdownEditor other; // another window's editor follows too
    other.show();
    editor.setStoredText(u"Frontis edits Quillmarks and Zorbles."_s);
    other.setStoredText(u"More Quillmarks."_s);
    auto* spell = editor.findChild<TextSpellCheck*>();
    spell->recheckNow();
    other.findChild<TextSpellCheck*>()->recheckNow();
    QCOMPARE(underlinedWords(&editor), (QStringList{u"Frontis"_s, u"Quillmarks"_s, u"Zorbles"_s}));
    QCOMPARE(underlinedWords(&other), QStringList{u"Quillmarks"_s});

    QSignalSpy changed(&Spelling::instance(), &Spelling::changed);
    const std::unique_ptr<QMenu> menu(
        spell->createContextMenu(int(editor.markdown().indexOf(u"Quillmarks"_s))));
    QVERIFY(menu);
    actionNamed(menu.get(), u"spellingAdd"_s)->trigger();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(readAll(m_wordList), u"Quillmarks\n"_s);
    // Both editors recheck after their pause.
    QTRY_COMPARE(underlinedWords(&editor), (QStringList{u"Frontis"_s, u"Zorbles"_s}));
    QTRY_COMPARE(underlinedWords(&other), QStringList{});

    // The list is read at start: a new checker knows the word.
    SpellChecker::Dictionary english;
    for (const SpellChecker::Dictionary& d : Spelling::instance().dictionaries()) {
        if (d.language == u"en_US"_s)
            english = d;
    }
    auto reopened = SpellChecker::open(english, m_wordList);
    QVERIFY(reopened);
    QVERIFY(reopened.value()->isCorrect(u"Quillmarks"_s));
    QVERIFY(!reopened.value()->isCorrect(u"Zorbles"_s));
}

void TestSpelling::ignoreLastsTheSession()
{
    MarkdownEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setStoredText(u"Some Blorfish here."_s);
    auto* spell = editor.findChild<TextSpellCheck*>();
    spell->recheckNow();
    QCOMPARE(underlinedWords(&editor), QStringList{u"Blorfish"_s});
    const std::unique_ptr<QMenu> menu(spell->createContextMenu(7));
    actionNamed(menu.get(), u"spellingIgnore"_s)->trigger();
    spell->recheckNow();
    QCOMPARE(underlinedWords(&editor), QStringList{});
    QVERIFY(!readAll(m_wordList).contains(u"Blorfish"_s)); // not written anywhere
    QVERIFY(Spelling::instance().checker()->ignoredWords().contains(u"Blorfish"_s));
}

void TestSpelling::otherExtraSelectionsAreKept()
{
    MarkdownEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setStoredText(u"find me and a wrnog word"_s);
    QTextEdit::ExtraSelection find;
    find.cursor = QTextCursor(editor.document());
    find.cursor.setPosition(0);
    find.cursor.setPosition(4, QTextCursor::KeepAnchor);
    find.format.setBackground(Qt::yellow);
    editor.setSelectionGroup(u"find"_s, {find});
    auto* spell = editor.findChild<TextSpellCheck*>();
    spell->recheckNow();
    QCOMPARE(editor.extraSelections().size(), 2);
    QCOMPARE(editor.selectionGroup(u"find"_s).size(), 1);
    editor.setSelectionGroup(u"find"_s, {});
    QCOMPARE(editor.extraSelections().size(), 1); // the underline stays
    QVERIFY(TextSpellCheck::isSpellingSelection(editor.extraSelections().first()));

    // A plain QPlainTextEdit (a form field): the editor's own selections are kept too.
    QPlainTextEdit plain;
    plain.setPlainText(u"find me and a wrnog word"_s);
    auto* plainSpell = new TextSpellCheck(&plain, TextSpellCheck::Syntax::Plain);
    plain.show();
    plain.setExtraSelections({find});
    plainSpell->recheckNow();
    QCOMPARE(plain.extraSelections().size(), 2);
    QCOMPARE(underlinedWords(&plain), QStringList{u"wrnog"_s});
}

void TestSpelling::turningCheckingOff()
{
    MarkdownEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setStoredText(u"A wrnog word"_s);
    auto* spell = editor.findChild<TextSpellCheck*>();
    spell->recheckNow();
    QCOMPARE(underlinedWords(&editor), QStringList{u"wrnog"_s});
    Spelling::instance().setEnabled(false);
    QTRY_COMPARE(underlinedWords(&editor), QStringList{});
    QCOMPARE(spell->createContextMenu(4), nullptr);
    Spelling::instance().setEnabled(true);
    QTRY_COMPARE(underlinedWords(&editor), QStringList{u"wrnog"_s});
}

void TestSpelling::onlyTheVisiblePartIsChecked()
{
    // About 1 MB of answer with a misspelling on every line: only the view and its margin are
    // checked, so a keystroke costs the same as in a short answer.
    QStringList lines;
    for (int i = 0; i < 16000; ++i)
        lines << u"Line %1 has a wrnog word and some ordinary words to fill it up."_s.arg(i);
    MarkdownEditor editor;
    editor.resize(700, 400);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setStoredText(lines.join(u"\\n"_s));
    QVERIFY(editor.markdown().size() > 1000000);
    auto* spell = editor.findChild<TextSpellCheck*>();
    spell->recheckNow();
    const qsizetype shown = spell->underlined().size();
    QVERIFY(shown > 10);
    QVERIFY2(shown < 200, qPrintable(QString::number(shown)));

    editor.verticalScrollBar()->setValue(editor.verticalScrollBar()->maximum());
    spell->recheckNow();
    const QList<SpellToken> atEnd = spell->underlined();
    QVERIFY(!atEnd.isEmpty());
    QVERIFY(atEnd.last().start > editor.markdown().size() - 200); // the last line is checked
    QVERIFY(atEnd.first().start > editor.markdown().size() / 2);  // the first lines no more

    // A keystroke at the end and the check after it: reported, not asserted (benchmarks are
    // not timed assertions).
    editor.moveCursor(QTextCursor::End);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 20; ++i) {
        editor.insertPlainText(u"x"_s);
        spell->recheckNow();
    }
    qInfo("typing in a %lld-character answer: %.2f ms per keystroke with its check",
          qlonglong(editor.markdown().size()), double(timer.nsecsElapsed()) / 20 / 1e6);
}

void TestSpelling::textFieldsAreMarked()
{
    Result<Document> doc = Document::fromBytes(Article);
    QVERIFY(doc);
    Document document = std::move(doc.value());
    FieldForm form;
    form.resize(460, 800);
    std::optional<Schema> schema = Schema::builtIn(u"quicktakes"_s);
    QVERIFY(schema);
    form.setDocument(&document, std::make_shared<const Schema>(std::move(*schema)), {u"answer"_s});
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));

    // A line edit: the overlay marks "Postd", placed under it.
    auto* posted = qobject_cast<QLineEdit*>(form.control(u"post_on_text"_s));
    QVERIFY(posted);
    auto* line = posted->findChild<LineSpellCheck*>();
    QVERIFY(line);
    line->recheckNow();
    QCOMPARE(wordsAt(posted->text(), line->underlined()), QStringList{u"Postd"_s});
    const SpellToken postd = line->underlined().first();
    QVERIFY(line->xOf(int(postd.start)) < line->xOf(int(postd.end())));
    const int middle = posted->height() / 2;
    QCOMPARE(posted->cursorPositionAt(QPoint(qRound(line->xOf(int(postd.start)) + 1), middle)),
             int(postd.start));
    QCOMPARE(posted->cursorPositionAt(QPoint(qRound(line->xOf(int(postd.end())) - 1), middle)),
             int(postd.end()));

    // A wrapped line (the title) and a text area.
    auto* title = qobject_cast<QPlainTextEdit*>(form.control(u"title"_s));
    QVERIFY(title);
    title->findChild<TextSpellCheck*>()->recheckNow();
    QCOMPARE(underlinedWords(title), QStringList{u"wrok"_s});
    // A text area.
    auto* description = qobject_cast<QPlainTextEdit*>(form.control(u"seo.page_description"_s));
    QVERIFY(description);
    auto* area = description->findChild<TextSpellCheck*>();
    QVERIFY(area);
    area->recheckNow();
    QCOMPARE(underlinedWords(description), QStringList{u"processer"_s});

    // Not prose: no checking at all.
    QWidget* url = form.control(u"url"_s);
    QVERIFY(url);
    QVERIFY(!url->findChild<LineSpellCheck*>());
    QVERIFY(!url->findChild<TextSpellCheck*>());
}

void TestSpelling::lineFieldSuggestionIsTypedIn()
{
    Result<Document> doc = Document::fromBytes(Article);
    QVERIFY(doc);
    Document document = std::move(doc.value());
    FieldForm form;
    std::optional<Schema> schema = Schema::builtIn(u"quicktakes"_s);
    form.setDocument(&document, std::make_shared<const Schema>(std::move(*schema)), {u"answer"_s});
    form.resize(460, 800);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    auto* posted = qobject_cast<QLineEdit*>(form.control(u"post_on_text"_s));
    auto* line = posted->findChild<LineSpellCheck*>();
    // A right click on the word opens the spelling menu, elsewhere the line edit's own.
    const int y = posted->height() / 2;
    QVERIFY(contextMenuEntries(posted, QPoint(qRound(line->xOf(2)), y), QContextMenuEvent::Mouse)
                .contains(u"spellingAdd"_s));
    const QStringList own =
        contextMenuEntries(posted, QPoint(qRound(line->xOf(8)), y), QContextMenuEvent::Mouse);
    QVERIFY(!own.isEmpty() && !own.contains(u"spellingAdd"_s));

    QSignalSpy edited(posted, &QLineEdit::textEdited);
    const std::unique_ptr<QMenu> menu(line->createContextMenu(2));
    QVERIFY(menu);
    QAction* fix = actionNamed(menu.get(), u"spellingSuggestion"_s, u"Posted"_s);
    QVERIFY(fix);
    fix->trigger();
    QCOMPARE(posted->text(), u"Posted on"_s);
    QCOMPARE(edited.count(), 1);
    QVERIFY(document.bytes().contains("post_on_text: Posted on\n"));
    line->recheckNow();
    QVERIFY(line->underlined().isEmpty());
    QCOMPARE(line->createContextMenu(8), nullptr); // "on" is spelt right
}

void TestSpelling::menuOffersLanguages()
{
    QWidget parent;
    const std::unique_ptr<QMenu> menu(Spelling::instance().createMenu(&parent));
    QAction* check = menu->findChild<QAction*>(u"checkSpelling"_s);
    QVERIFY(check && check->isCheckable() && check->isChecked());
    QAction* english = menu->findChild<QAction*>(u"spelling-en_US"_s);
    QVERIFY(english && english->isChecked());
    QCOMPARE(english->text(), u"English (United States) \u2013 en_US"_s);
    QAction* other = menu->findChild<QAction*>(u"spelling-xx_XX"_s);
    QVERIFY(other && !other->isChecked());
    QCOMPARE(other->text(), u"xx_XX"_s);

    check->trigger();
    QVERIFY(!Spelling::instance().isEnabled());
    QCOMPARE(QSettings().value(u"spelling/enabled"_s).toBool(), false);
    Spelling::instance().setEnabled(true);
    QVERIFY(check->isChecked()); // follows changes made elsewhere
    QCOMPARE(QSettings().value(u"spelling/enabled"_s).toBool(), true);

    // Another language: kept in the settings, loaded, and the editors recheck with it.
    MarkdownEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setStoredText(u"alpha hello beta"_s);
    auto* spell = editor.findChild<TextSpellCheck*>();
    Spelling::instance().ignore(u"Snarfwidget"_s);
    other->trigger();
    QCOMPARE(Spelling::instance().language(), u"xx_XX"_s);
    QVERIFY(other->isChecked() && !english->isChecked());
    QCOMPARE(QSettings().value(u"spelling/language"_s).toString(), u"xx_XX"_s);
    Spelling::instance().waitForDictionary();
    spell->recheckNow();
    QCOMPARE(underlinedWords(&editor), QStringList{u"hello"_s});
    english->trigger();
    Spelling::instance().waitForDictionary();
    spell->recheckNow();
    QCOMPARE(underlinedWords(&editor), (QStringList{}));
    QCOMPARE(QSettings().value(u"spelling/language"_s).toString(), u"en_US"_s);
    // Ignored words survive the switch; they last the session.
    QVERIFY(Spelling::instance().checker()->ignoredWords().contains(u"Snarfwidget"_s));
}

void TestSpelling::grabScreenshots()
{
    MarkdownEditor editor;
    editor.resize(640, 260);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setStoredText(u"## Caches and mispeled words\\n\\nA cache keeps **recently** used "
                         u"data close to the procesor, so `load()` and "
                         u"[links](https://exmaple.com/wrng) are never flagged.\\n\\n"
                         u"- GPUs, URLs and e.g. abbreviations: fine\\n- a wrnog word: "
                         u"underlined"_s);
    auto* spell = editor.findChild<TextSpellCheck*>();
    spell->recheckNow();
    QCOMPARE(underlinedWords(&editor), (QStringList{u"mispeled"_s, u"procesor"_s, u"wrnog"_s}));
    const QString dir = QStringLiteral(FRONTIS_BINARY_DIR);
    const QImage answer = editor.grab().toImage();
    QVERIFY(answer.save(dir + u"/spelling-answer.png"_s));

    // In a dark palette the underline turns a lighter red, which reads on the dark background.
    {
        QWidget dark;
        dark.setPalette(testpalettes::dark());
        auto* darkEditor = new MarkdownEditor(&dark);
        darkEditor->resize(640, 260);
        dark.resize(640, 260);
        dark.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dark));
        darkEditor->setStoredText(editor.storedText());
        darkEditor->findChild<TextSpellCheck*>()->recheckNow();
        const QList<QTextEdit::ExtraSelection> marks = darkEditor->selectionGroup(u"spelling"_s);
        QCOMPARE(marks.size(), 3);
        QVERIFY(marks.first().format.underlineColor().lightness() >
                editor.selectionGroup(u"spelling"_s).first().format.underlineColor().lightness());
        QVERIFY(darkEditor->grab().save(dir + u"/spelling-answer-dark.png"_s));
    }

    const std::unique_ptr<QMenu> menu(
        spell->createContextMenu(int(editor.markdown().indexOf(u"procesor"_s)) + 2));
    QVERIFY(menu);
    menu->popup(editor.mapToGlobal(QPoint(200, 120)));
    QVERIFY(QTest::qWaitForWindowExposed(menu.get()));
    // The editor with its menu beside it, as the writer sees them together.
    const QImage menuImage = menu->grab().toImage();
    QImage both(answer.width() + menuImage.width() + 8, qMax(answer.height(), menuImage.height()),
                QImage::Format_ARGB32);
    both.fill(Qt::white);
    {
        QPainter p(&both);
        p.drawImage(0, 0, answer);
        p.drawImage(answer.width() + 8, 0, menuImage);
    }
    QVERIFY(both.save(dir + u"/spelling-menu.png"_s));
    menu->hide();

    Result<Document> doc = Document::fromBytes(Article);
    Document document = std::move(doc.value());
    FieldForm form;
    std::optional<Schema> schema = Schema::builtIn(u"quicktakes"_s);
    form.setDocument(&document, std::make_shared<const Schema>(std::move(*schema)), {u"answer"_s});
    form.resize(460, 520);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    for (LineSpellCheck* l : form.findChildren<LineSpellCheck*>())
        l->recheckNow();
    for (TextSpellCheck* t : form.findChildren<TextSpellCheck*>())
        t->recheckNow();
    QVERIFY(form.grab().save(dir + u"/spelling-field.png"_s));
    // A line edit's overlay, enlarged to check that the wave sits under the word.
    auto* posted = qobject_cast<QLineEdit*>(form.control(u"post_on_text"_s));
    QVERIFY(posted);
    const QImage line = posted->grab().toImage();
    QVERIFY(line.scaled(line.size() * 3).save(dir + u"/spelling-line.png"_s));
}

QTEST_MAIN(TestSpelling)
#include "tst_spelling.moc"
