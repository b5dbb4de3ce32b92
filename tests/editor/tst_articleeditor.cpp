// Typing in the answer reaches the document in batches (ArticleEditor::commitText): the
// keystroke itself touches only the editor (and marks the preview out of date), and every reader
// of the document (saving, the history, validation, the bytes) still sees exactly what was typed.
#include "../bench/generatearticle.h"
#include "editor/articleeditor.h"
#include "editor/form/fieldedit.h"
#include "editor/form/fieldform.h"
#include "editor/preview/previewpane.h"
#include "editor/text/markdowneditor.h"
#include "model/schema/schemalibrary.h"
#include "model/text/markdownrenderer.h"
#include "model/yaml/document.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::Literals::StringLiterals;
using namespace frontis;

namespace {

const QByteArray Article = "---\n_schema: default\nid: 1\nauthor: QuickTakes\nanswer: >-\n"
                           "    First paragraph.\\n\\nSecond paragraph.\n"
                           "score: -1.0\n---\n";

QByteArray answerLine(const QByteArray& bytes)
{
    const qsizetype start = bytes.indexOf("answer: >-\n    ") + 15;
    return bytes.mid(start, bytes.indexOf('\n', start) - start);
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestArticleEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void typingWaitsForAPause();
    void continuousTypingStillCommits();
    void everyReaderSeesTheTyping();
    void savingWritesWhatWasJustTyped();
    void undoRightAfterTypingUndoesIt();
    void formEditAfterTypingIsAStepOfItsOwn();
    void validationSeesTheTyping();
    void previewFollowsBeforeTheCommit();
    void longAnswerStaysExact();
    void longArticleValidatesInTheBackground();
    void bodyIsEditedAndSavedExactly_data();
    void bodyIsEditedAndSavedExactly();
    void bodyPreviewLooksLikeTheSite();
    void bodyProblemOpensItsLine();

private:
    void open(const QByteArray& bytes);
    void typeAtEnd(const QString& text);

    std::unique_ptr<SchemaLibrary> m_library;
    std::unique_ptr<ArticleEditor> m_editor;
    MarkdownEditor* m_textEditor = nullptr;
};

void TestArticleEditor::init()
{
    m_library = std::make_unique<SchemaLibrary>();
    m_editor = std::make_unique<ArticleEditor>(m_library.get());
    open(Article);
}

void TestArticleEditor::cleanup()
{
    m_editor.reset();
    m_library.reset();
}

void TestArticleEditor::open(const QByteArray& bytes)
{
    Result<Document> doc = Document::fromBytes(bytes);
    QVERIFY(doc.ok());
    m_editor->setDocument(std::move(doc.value()), u"/nonexistent/a.md"_s, bytes);
    m_editor->resize(1300, 700);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    m_textEditor = m_editor->textEditor();
    m_textEditor->setFocus();
    m_textEditor->moveCursor(QTextCursor::End);
}

void TestArticleEditor::typeAtEnd(const QString& text)
{
    m_textEditor->moveCursor(QTextCursor::End);
    QTest::keyClicks(m_textEditor, text);
}

void TestArticleEditor::typingWaitsForAPause()
{
    QSignalSpy changed(m_editor.get(), &ArticleEditor::changed);
    typeAtEnd(u" More"_s);
    // Five keystrokes: the editor shows them, the document has not taken them yet.
    QCOMPARE(m_textEditor->markdown(), u"First paragraph.\n\nSecond paragraph. More"_s);
    QVERIFY(m_editor->hasUncommittedText());
    QCOMPARE(changed.count(), 0);
    // After the pause: one change for the whole burst.
    QTRY_VERIFY(!m_editor->hasUncommittedText());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(answerLine(m_editor->document().bytes()),
             QByteArray("First paragraph.\\n\\nSecond paragraph. More"));
}

void TestArticleEditor::continuousTypingStillCommits()
{
    // Keystrokes closer together than the pause, for a second: batches still land.
    QSignalSpy changed(m_editor.get(), &ArticleEditor::changed);
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 1000) {
        QTest::keyClick(m_textEditor, Qt::Key_X);
        QTest::qWait(ArticleEditor::TextCommitDelayMs / 3);
    }
    QVERIFY2(changed.count() >= 2, qPrintable(QString::number(changed.count())));
}

void TestArticleEditor::everyReaderSeesTheTyping()
{
    typeAtEnd(u"!"_s);
    QVERIFY(m_editor->hasUncommittedText());
    QVERIFY(m_editor->isModified()); // commits: the typing is a change
    QVERIFY(!m_editor->hasUncommittedText());

    typeAtEnd(u"?"_s);
    QVERIFY(answerLine(m_editor->document().bytes()).endsWith("paragraph.!?"));
    typeAtEnd(u"#"_s);
    QCOMPARE(m_editor->undoStack()->count(), 1); // one burst, one step, with the latest key
    QVERIFY(answerLine(m_editor->document().bytes()).endsWith("paragraph.!?#"));
}

void TestArticleEditor::savingWritesWhatWasJustTyped()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"a.md"_s);
    typeAtEnd(u" Saved at once."_s);
    QVERIFY(m_editor->hasUncommittedText());
    QVERIFY(!m_editor->saveTo(path));
    QCOMPARE(answerLine(readAll(path)),
             QByteArray("First paragraph.\\n\\nSecond paragraph. Saved at once."));
    QVERIFY(!m_editor->isModified());
    QCOMPARE(m_editor->diskBytes(), readAll(path));
}

void TestArticleEditor::undoRightAfterTypingUndoesIt()
{
    typeAtEnd(u" Oops"_s);
    m_editor->undoStack()->undo();
    QCOMPARE(m_editor->document().bytes(), Article);
    QCOMPARE(m_textEditor->markdown(), u"First paragraph.\n\nSecond paragraph."_s);
    QVERIFY(!m_editor->hasUncommittedText());
    // Ctrl+Z in the editor, before any pause: the keystroke hands the typing to the history
    // first (the window's Undo action then takes it back; here there is no window).
    typeAtEnd(u" Again"_s);
    QVERIFY(m_editor->hasUncommittedText());
    QTest::keyClick(m_textEditor, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!m_editor->hasUncommittedText());
    QCOMPARE(m_editor->undoStack()->count(), 1);
    QVERIFY(answerLine(m_editor->document().bytes()).endsWith("Second paragraph. Again"));
}

void TestArticleEditor::formEditAfterTypingIsAStepOfItsOwn()
{
    typeAtEnd(u" Typed"_s);
    FieldEdit edit;
    edit.key = u"author"_s;
    edit.path = {u"author"_s};
    edit.value = u"Ann"_s;
    QVERIFY(!m_editor->form()->apply(edit));
    QCOMPARE(m_editor->undoStack()->count(), 2);
    QCOMPARE(m_editor->undoStack()->text(0), u"Edit answer"_s);
    const QByteArray both = m_editor->document().bytes();
    QVERIFY(both.contains("author: Ann\n"));
    QVERIFY(answerLine(both).endsWith("paragraph. Typed"));
    m_editor->undoStack()->undo(); // the form edit only
    QVERIFY(m_editor->document().bytes().contains("author: QuickTakes\n"));
    QVERIFY(answerLine(m_editor->document().bytes()).endsWith("paragraph. Typed"));
}

void TestArticleEditor::validationSeesTheTyping()
{
    typeAtEnd(u" See [](https://example.org)."_s);
    QVERIFY(m_editor->hasUncommittedText());
    bool emptyLink = false;
    for (const Diagnostic& d : m_editor->diagnostics())
        emptyLink = emptyLink || d.rule == u"markdown-empty-link"_s;
    QVERIFY(emptyLink);
}

void TestArticleEditor::previewFollowsBeforeTheCommit()
{
    PreviewPane* preview = m_editor->preview();
    QTRY_VERIFY(preview->toPlainText().contains(u"Second paragraph."_s));
    QSignalSpy rendered(preview, &PreviewPane::rendered);
    typeAtEnd(u" Live"_s);
    // The preview reads the editor itself, once per update, without waiting for the document.
    QVERIFY(rendered.wait(ArticleEditor::TextCommitDelayMs));
    QVERIFY(preview->toPlainText().contains(u"Second paragraph. Live"_s));
    QVERIFY(m_editor->hasUncommittedText());
}

void TestArticleEditor::longAnswerStaysExact()
{
    // A 200 KB answer typed into in the middle: the file differs from the original only by the
    // typed characters, on the answer's line.
    const QByteArray bytes = testing::generateArticle(200 * 1024, 4);
    open(bytes);
    QTextCursor cursor = m_textEditor->textCursor();
    cursor.setPosition(m_textEditor->document()->characterCount() / 2);
    m_textEditor->setTextCursor(cursor);
    QTest::keyClicks(m_textEditor, u"xyz"_s);
    const QString typed = m_textEditor->storedText();
    const QByteArray after = m_editor->document().bytes();
    const qsizetype line = bytes.indexOf("answer: >-\n    ") + 15;
    QCOMPARE(after.left(line), bytes.left(line));
    QCOMPARE(after.size(), bytes.size() + 3);
    QCOMPARE(answerLine(after), typed.toUtf8());
    const qsizetype rest = bytes.indexOf("\nsubject:");
    QCOMPARE(after.mid(rest + 3), bytes.mid(rest));
    const Result<Document> parsed = Document::fromBytes(after);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->find({u"answer"_s})->text, typed);
    QCOMPARE(parsed->find({u"subject"_s})->span.begin,
             m_editor->document().find({u"subject"_s})->span.begin);
}

void TestArticleEditor::longArticleValidatesInTheBackground()
{
    const auto hasEmptyLink = [](const QList<Diagnostic>& found) {
        return std::any_of(found.cbegin(), found.cend(),
                           [](const Diagnostic& d) { return d.rule == u"markdown-empty-link"_s; });
    };
    open(testing::generateArticle(ArticleEditor::BackgroundValidationBytes * 2, 5));
    QVERIFY(!hasEmptyLink(m_editor->diagnostics()));
    QSignalSpy shown(m_editor.get(), &ArticleEditor::diagnosticsChanged);
    typeAtEnd(u" See [](https://example.org)."_s);
    // After the pause the problem arrives from the worker thread, nobody asking for it.
    QVERIFY(shown.wait(5000));
    QVERIFY(hasEmptyLink(m_editor->diagnostics()));
    // Taken back: asking gives the diagnostics of the bytes as they are now at once, and no
    // result for older bytes still on its way brings the problem back.
    m_editor->undoStack()->undo();
    QVERIFY(!hasEmptyLink(m_editor->diagnostics()));
    QTest::qWait(ArticleEditor::ValidateDelayMs * 3);
    QVERIFY(!hasEmptyLink(m_editor->diagnostics()));
}

// A Hugo or Jekyll article: the body is the text. Typing into it changes only the body's bytes,
// in the file's line endings; the fences and the front matter stay byte for byte.
void TestArticleEditor::bodyIsEditedAndSavedExactly_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QByteArray fm = "---\ntitle: Hugo page\ntags: [a, b]\n---\n";
    QTest::newRow("LF") << fm + "Intro.\n\nMore text.\n";
    QTest::newRow("CRLF") << QByteArray(fm + "Intro.\n\nMore text.\n").replace("\n", "\r\n");
    QTest::newRow("BOM") << "\xEF\xBB\xBF" + fm + "Intro.\n";
    QTest::newRow("no final newline") << fm + "Intro.";
    QTest::newRow("empty body") << fm;
    QTest::newRow("fence-like lines, shortcodes, Liquid and HTML")
        << fm + "Intro.\n\n---\n+++\ntitle: not a key\n{{< note >}}x{{< /note >}}\n"
                "{% raw %}{{ a }}{% endraw %}\n<div>html</div>\n";
}

void TestArticleEditor::bodyIsEditedAndSavedExactly()
{
    QFETCH(QByteArray, bytes);
    open(bytes);
    QVERIFY(m_editor->text().isBody());
    const Result<Document> before = Document::fromBytes(bytes);
    const qsizetype bodyBegin = before->file().bodyBegin();
    const QByteArray head = bytes.left(bodyBegin);
    const QByteArray nl = bytes.contains("\r\n") ? "\r\n" : "\n";
    // Opened and saved untouched: byte for byte.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"a.md"_s);
    QVERIFY(!m_editor->saveTo(path));
    QCOMPARE(readAll(path), bytes);
    // Two lines typed at the end, as a writer would.
    typeAtEnd(u"Added"_s);
    QTest::keyClick(m_textEditor, Qt::Key_Return);
    QTest::keyClicks(m_textEditor, u"line"_s);
    QVERIFY(!m_editor->saveTo(path));
    const QByteArray saved = readAll(path);
    QCOMPARE(saved.left(bodyBegin), head);
    QCOMPARE(saved.mid(bodyBegin), bytes.mid(bodyBegin) + "Added" + nl + "line");
    // One step of the history, which Undo takes back to the file's bytes.
    m_editor->undoStack()->undo();
    QCOMPARE(m_editor->document().bytes(), bytes);
    QCOMPARE(m_textEditor->markdown(),
             QString::fromUtf8(bytes.mid(bodyBegin)).replace(u"\r\n"_s, u"\n"_s));
}

void TestArticleEditor::bodyPreviewLooksLikeTheSite()
{
    open("---\ntitle: Hugo page\n---\n| a | b |\n|---|---|\n| 1 | 2 |\n\n{{< figure src=\"x.png\" "
         ">}}\n");
    PreviewPane* preview = m_editor->preview();
    QTRY_VERIFY(preview->toPlainText().contains(u"{{< figure src=\"x.png\" >}}"_s));
    QVERIFY(!preview->toPlainText().contains(u"|---|"_s) || !rendersGfm());
    QSignalSpy rendered(preview, &PreviewPane::rendered);
    typeAtEnd(u"Typed *here*"_s);
    QVERIFY(rendered.wait(2000));
    QTRY_VERIFY(preview->toPlainText().contains(u"Typed here"_s));
}

void TestArticleEditor::bodyProblemOpensItsLine()
{
    open("---\ntitle: T\n---\nLine one.\nLine *two.\n");
    Diagnostic d;
    d.line = 5; // the file's line: the body's second
    d.column = 6;
    d.rule = u"markdown-unclosed-emphasis"_s;
    m_editor->showDiagnostic(d);
    QCOMPARE(m_textEditor->textCursor().blockNumber() + 1, 2);
    QCOMPARE(m_textEditor->textCursor().positionInBlock(), 5);
}

QTEST_MAIN(TestArticleEditor)
#include "tst_articleeditor.moc"
