#include "app/mainwindow.h"
#include "app/prompts.h"
#include "app/recentfiles.h"
#include "editor/articleeditor.h"
#include "editor/diffdialog.h"
#include "editor/form/fieldform.h"
#include "editor/preview/previewpane.h"
#include "editor/problems/diagnosticspanel.h"
#include "editor/rawview.h"
#include "editor/text/markdowneditor.h"
#include "model/file/unifieddiff.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFontMetricsF>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTreeWidget>
#include <QUndoStack>

using namespace frontis;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// Indexes of the '\n'-separated lines that differ; {-1} when the line counts differ.
QList<int> changedLines(const QByteArray& before, const QByteArray& after)
{
    const QList<QByteArray> a = before.split('\n');
    const QList<QByteArray> b = after.split('\n');
    if (a.size() != b.size())
        return {-1};
    QList<int> out;
    for (int i = 0; i < a.size(); ++i) {
        if (a[i] != b[i])
            out << i;
    }
    return out;
}

int lineOf(const QByteArray& bytes, const QByteArray& startsWith)
{
    const QList<QByteArray> lines = bytes.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        if (lines[i].startsWith(startsWith))
            return i;
    }
    return -1;
}

void retype(QWidget* widget, const QString& text)
{
    if (auto* multi = qobject_cast<QPlainTextEdit*>(widget)) {
        multi->setFocus();
        multi->selectAll();
        if (text.isEmpty())
            QTest::keyClick(multi, Qt::Key_Delete);
        else
            QTest::keyClicks(multi, text);
        return;
    }
    auto* edit = qobject_cast<QLineEdit*>(widget);
    QVERIFY(edit);
    edit->setFocus();
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Delete);
    else
        QTest::keyClicks(edit, text);
}

QPalette lightPalette()
{
    QPalette p(QColor(0xef, 0xef, 0xef), QColor(0xf7, 0xf7, 0xf7));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::Text, QColor(0x1f, 0x1f, 0x1f));
    p.setColor(QPalette::WindowText, QColor(0x1f, 0x1f, 0x1f));
    p.setColor(QPalette::ButtonText, QColor(0x1f, 0x1f, 0x1f));
    p.setColor(QPalette::AlternateBase, QColor(0xf4, 0xf4, 0xf4));
    p.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x70, 0x70, 0x70));
    return p;
}

QPalette darkPalette()
{
    // QPalette(button, window) derives Light, Mid, Dark and Shadow from the button colour.
    QPalette p(QColor(0x3a, 0x3a, 0x3a), QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x6f, 0xb8));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    for (QPalette::ColorRole role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    return p;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void opensSeedInForm();
    void titleShowsNameAndModified();
    void editSeoTitleAndSave();
    void answerTypingReachesPreviewAndFile();
    void errorBlocksSaving();
    void reviewChangesShowsDiff();
    void undoAcrossFormAndEditor();
    void ctrlZInTheEditorUndoesTheWindowHistory();
    void revertAsksAndIsUndoable();
    void closeAsksAboutUnsavedChanges();
    void saveFailureKeepsChanges();
    void unparseableFileOpensRaw();
    void diagnosticsActivateFieldAndLine();
    void schemaFollowsTheArticle();
    void destroyedWithFocusInAField();
    void openingTwiceRaisesTheWindow();
    void dropOpensMarkdownFiles();
    void settingsAreRemembered();
    void screenshots_data();
    void screenshots();

private:
    MainWindow* openCopy(const QByteArray& bytes,
                         const QString& name = QStringLiteral("article.md"));

    QByteArray m_seed;
    QString m_seedName;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    // What the fake prompts were asked and will answer.
    QStringList m_warnings;
    QStringList m_asked;
    Prompts::Choice m_unsavedAnswer = Prompts::Choice::Cancel;
    bool m_revertAnswer = true;
    bool m_saveAsAnswer = false;
    QString m_saveFileName;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FrontisTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QSettings().clear();

    const QDir seed(QStringLiteral(FRONTIS_SHARED_DIR "/seed"));
    const QStringList files = seed.entryList({QStringLiteral("*.md")}, QDir::Files);
    if (files.isEmpty())
        QSKIP("the seed article is not available");
    m_seedName = files.first();
    m_seed = readAll(seed.filePath(m_seedName));
    QVERIFY(!m_seed.isEmpty());

    Prompts& p = Prompts::instance();
    p.askUnsaved = [this](QWidget*, const QString& name) {
        m_asked << QStringLiteral("unsaved:") + name;
        return m_unsavedAnswer;
    };
    p.confirmRevert = [this](QWidget*, const QString& name) {
        m_asked << QStringLiteral("revert:") + name;
        return m_revertAnswer;
    };
    p.warn = [this](QWidget*, const QString& title, const QString& text) {
        m_warnings << title + QLatin1Char('|') + text;
    };
    p.offerSaveAs = [this](QWidget*, const QString& text) {
        m_asked << QStringLiteral("saveAs?:") + text;
        return m_saveAsAnswer;
    };
    p.saveFileName = [this](QWidget*, const QString&) { return m_saveFileName; };
    p.openFileNames = [](QWidget*, const QString&) { return QStringList(); };
}

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_warnings.clear();
    m_asked.clear();
    m_unsavedAnswer = Prompts::Choice::Cancel;
    m_revertAnswer = true;
    m_saveAsAnswer = false;
    m_saveFileName.clear();
}

void TestMainWindow::cleanup()
{
    m_unsavedAnswer = Prompts::Choice::Discard;
    for (MainWindow* w : MainWindow::windows())
        w->close();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(MainWindow::windows().isEmpty());
    m_dir.reset();
}

MainWindow* TestMainWindow::openCopy(const QByteArray& bytes, const QString& name)
{
    m_path = m_dir->filePath(name);
    if (!writeAll(m_path, bytes))
        return nullptr;
    MainWindow* w = MainWindow::open(m_path);
    if (w) {
        w->resize(1280, 800);
        w->show();
        if (!QTest::qWaitForWindowExposed(w))
            return nullptr;
    }
    return w;
}

void TestMainWindow::opensSeedInForm()
{
    MainWindow* w = openCopy(m_seed, m_seedName);
    QVERIFY(w);
    QCOMPARE(w->mode(), MainWindow::Mode::Form);
    ArticleEditor* e = w->editor();
    QCOMPARE(e->document().bytes(), m_seed);
    QVERIFY(!w->isModified());
    QCOMPARE(e->textKey(), QStringLiteral("answer"));
    QVERIFY(e->textEditor()->toPlainText().startsWith(
        QLatin1String("Advancements in computing power")));
    QVERIFY(e->textEditor()->toPlainText().contains(QLatin1String("\n\n1. **Increased")));
    // Form, answer and preview are all visible side by side at 1280x800, none squeezed.
    const QList<int> sizes = e->columns()->sizes();
    QCOMPARE(sizes.size(), 3);
    for (int s : sizes)
        QVERIFY2(s >= 330, qPrintable(QString::number(s)));
    QVERIFY(e->form()->isVisible());
    QVERIFY(e->textEditor()->isVisible());
    QVERIFY(e->preview()->isVisible());
    QVERIFY(e->diagnosticsPanel()->isVisible());
    QTRY_VERIFY(e->preview()->toPlainText().contains(
        QLatin1String("How have advancements in computing power influenced deep learning?")));
    QTRY_VERIFY(e->preview()->toPlainText().contains(QLatin1String("Nov 26, 2024")));
    // The seed's one finding is a warning: nothing blocks saving.
    QVERIFY(e->errors().isEmpty());
    QVERIFY(!e->diagnostics().isEmpty());
    QVERIFY(recentfiles::recent().contains(QFileInfo(m_path).canonicalFilePath()));
}

void TestMainWindow::titleShowsNameAndModified()
{
    MainWindow* w = openCopy(m_seed, m_seedName);
    QVERIFY(w);
    QCOMPARE(w->windowTitle(), m_seedName + QStringLiteral("[*] \u2014 Frontis"));
    QVERIFY(!w->isWindowModified());
    retype(w->editor()->form()->control(QStringLiteral("author")), QStringLiteral("Someone"));
    QVERIFY(w->isWindowModified());
    QVERIFY(w->findChild<QAction*>(QStringLiteral("undo"))->isEnabled());
    retype(w->editor()->form()->control(QStringLiteral("author")), QStringLiteral("QuickTakes"));
    QVERIFY(!w->isWindowModified()); // back to the file's bytes
}

void TestMainWindow::editSeoTitleAndSave()
{
    MainWindow* w = openCopy(m_seed, m_seedName);
    QVERIFY(w);
    retype(w->editor()->form()->control(QStringLiteral("seo.title")),
           QStringLiteral("QuickTakes | Deep Learning"));
    QVERIFY(w->isModified());
    QCOMPARE(readAll(m_path), m_seed); // nothing written yet
    w->findChild<QAction*>(QStringLiteral("save"))->trigger();
    QVERIFY(m_warnings.isEmpty());
    QVERIFY(!w->isModified());
    QVERIFY(!w->isWindowModified());
    const QByteArray saved = readAll(m_path);
    QCOMPARE(changedLines(m_seed, saved), QList<int>{lineOf(m_seed, "  title: ")});
    QVERIFY(saved.contains("\n  title: QuickTakes | Deep Learning\n"));
}

void TestMainWindow::answerTypingReachesPreviewAndFile()
{
    MainWindow* w = openCopy(m_seed, m_seedName);
    QVERIFY(w);
    MarkdownEditor* answer = w->editor()->textEditor();
    answer->setFocus();
    answer->moveCursor(QTextCursor::End);
    QTest::keyClick(answer, Qt::Key_Return);
    QTest::keyClick(answer, Qt::Key_Return);
    QTest::keyClicks(answer, QStringLiteral("Zebras compute quietly."));
    QTRY_VERIFY(
        w->editor()->preview()->toPlainText().contains(QLatin1String("Zebras compute quietly.")));
    QVERIFY(w->save());
    const QByteArray saved = readAll(m_path);
    QCOMPARE(changedLines(m_seed, saved), QList<int>{lineOf(m_seed, "answer:") + 1});
    QVERIFY(saved.contains("shape the future of AI.\\n\\nZebras compute quietly.\nsubject:"));
}

void TestMainWindow::errorBlocksSaving()
{
    MainWindow* w = openCopy(m_seed, m_seedName);
    QVERIFY(w);
    retype(w->editor()->form()->control(QStringLiteral("id")), QString());
    QVERIFY(w->isModified());
    QVERIFY(!w->save());
    QCOMPARE(m_warnings.size(), 1);
    QVERIFY2(m_warnings.first().contains(QLatin1String("'id'")), qPrintable(m_warnings.first()));
    QCOMPARE(readAll(m_path), m_seed);
    QVERIFY(w->isModified());
    // The problems list shows it as well.
    bool listed = false;
    for (const Diagnostic& d : w->editor()->diagnosticsPanel()->diagnostics())
        listed = listed || (d.key == QLatin1String("id") && d.isError());
    QVERIFY(listed);

    // A value of the wrong type is an error too.
    QVERIFY(w->editor()->form()->apply(FieldEdit{
                QStringLiteral("id"), {QStringLiteral("id")}, QStringLiteral("abc"), true, {}}) ==
            std::nullopt);
    QVERIFY(!w->save());
    QCOMPARE(m_warnings.size(), 2);
    QCOMPARE(readAll(m_path), m_seed);

    // Fixed, it saves.
    retype(w->editor()->form()->control(QStringLiteral("id")), QStringLiteral("51098"));
    QVERIFY(!w->isModified());
    retype(w->editor()->form()->control(QStringLiteral("id")), QStringLiteral("51097"));
    QVERIFY(w->save());
    QCOMPARE(changedLines(m_seed, readAll(m_path)), QList<int>{lineOf(m_seed, "id:")});
}

void TestMainWindow::reviewChangesShowsDiff()
{
    MainWindow* w = openCopy(m_seed, m_seedName);
    QVERIFY(w);
    DiffDialog* empty = w->reviewChanges();
    QVERIFY(empty);
    QVERIFY(empty->diff().isEmpty());
    QVERIFY(empty->view()->toPlainText().contains(QLatin1String("No changes")));

    retype(w->editor()->form()->control(QStringLiteral("seo.title")),
           QStringLiteral("QuickTakes | AI"));
    DiffDialog* d = w->reviewChanges();
    QVERIFY(d);
    QCOMPARE(d, empty); // one dialog per window, updated
    const QString expected =
        unifiedDiff(m_seed, w->editor()->document().bytes(), QStringLiteral("a/") + m_seedName,
                    QStringLiteral("b/") + m_seedName);
    QCOMPARE(d->diff(), expected);
    QCOMPARE(d->view()->toPlainText(), expected);
    QVERIFY(expected.contains(QLatin1String("\n-  title: QuickTakes | Computer Science\n")));
    QVERIFY(expected.contains(QLatin1String("\n+  title: QuickTakes | AI\n")));
    QCOMPARE(expected.count(QLatin1String("\n-  ")) + expected.count(QLatin1String("\n+  ")), 2);
    // One marked line each for the hunk header, the removed and the added line.
    QCOMPARE(d->view()->extraSelections().size(), 3);
    // Monospaced, measured rather than asked: Qt reports some monospaced fonts (Noto Sans Mono,
    // fontconfig's monospace once installed) as proportional.
    const QFontMetricsF metrics(d->view()->font());
    QCOMPARE(metrics.horizontalAdvance(QLatin1Char('i')),
             metrics.horizontalAdvance(QLatin1Char('M')));

    // It follows further edits while open.
    retype(w->editor()->form()->control(QStringLiteral("author")), QStringLiteral("Me"));
    QVERIFY(d->diff().contains(QLatin1String("\n+author: Me\n")));
}

void TestMainWindow::undoAcrossFormAndEditor()
{
    MainWindow* w = openCopy(m_seed, m_seedName);
    QVERIFY(w);
    ArticleEditor* e = w->editor();
    QAction* undo = w->findChild<QAction*>(QStringLiteral("undo"));
    QAction* redo = w->findChild<QAction*>(QStringLiteral("redo"));
    QVERIFY(undo && redo);
    QVERIFY(!undo->isEnabled());

    retype(e->form()->control(QStringLiteral("seo.title")), QStringLiteral("QuickTakes | X"));
    const QByteArray afterForm = e->document().bytes();
    MarkdownEditor* answer = e->textEditor();
    answer->setFocus();
    answer->moveCursor(QTextCursor::Start);
    QTest::keyClicks(answer, QStringLiteral("Intro. "));
    const QByteArray afterAnswer = e->document().bytes();
    QVERIFY(afterAnswer != afterForm);
    retype(e->form()->control(QStringLiteral("author")), QStringLiteral("Ann"));
    const QByteArray afterAll = e->document().bytes();
    QCOMPARE(e->undoStack()->count(), 3); // typing bursts are one step each

    undo->trigger();
    QCOMPARE(e->document().bytes(), afterAnswer);
    QCOMPARE(qobject_cast<QLineEdit*>(e->form()->control(QStringLiteral("author")))->text(),
             QStringLiteral("QuickTakes"));
    undo->trigger();
    QCOMPARE(e->document().bytes(), afterForm);
    QVERIFY(answer->toPlainText().startsWith(QLatin1String("Advancements")));
    undo->trigger();
    QCOMPARE(e->document().bytes(), m_seed);
    QVERIFY(!undo->isEnabled());
    QVERIFY(!w->isModified());
    QCOMPARE(qobject_cast<QLineEdit*>(e->form()->control(QStringLiteral("seo.title")))->text(),
             QStringLiteral("QuickTakes | Computer Science"));
    // Bringing the views in line made no new steps.
    QCOMPARE(e->undoStack()->count(), 3);

    redo->trigger();
    redo->trigger();
    QVERIFY(answer->toPlainText().startsWith(QLatin1String("Intro. Advancements")));
    redo->trigger();
    QCOMPARE(e->document().bytes(), afterAll);
    QCOMPARE(e->undoStack()->count(), 3);
}

void TestMainWindow::ctrlZInTheEditorUndoesTheWindowHistory()
{
    MainWindow* w = openCopy(m_seed, m_seedName);
    QVERIFY(w);
    ArticleEditor* e = w->editor();
    retype(e->form()->control(QStringLiteral("author")), QStringLiteral("Ann"));
    MarkdownEditor* answer = e->textEditor();
    answer->setFocus();
    QTRY_VERIFY(answer->hasFocus());
    QTest::keyClicks(answer, QStringLiteral("Hi "));
    QCOMPARE(e->undoStack()->count(), 2);
    // Ctrl+Z in the answer editor walks the window's history, form change included.
    QTest::keyClick(answer, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(answer->toPlainText().startsWith(QLatin1String("Advancements")));
    QTest::keyClick(answer, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(e->document().bytes(), m_seed);
    QTest::keyClick(answer, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(e->document().bytes().contains("\nauthor: Ann\n"));
}

void TestMainWindow::revertAsksAndIsUndoable()
{
    MainWindow* w = openCopy(m_seed, m_seedName);
    QVERIFY(w);
    retype(w->editor()->form()->control(QStringLiteral("author")), QStringLiteral("Ann"));
    const QByteArray edited = w->editor()->document().bytes();
    m_revertAnswer = false;
    QVERIFY(!w->revert());
    QCOMPARE(w->editor()->document().bytes(), edited);
    m_revertAnswer = true;
    QVERIFY(w->revert());
    QCOMPARE(m_asked.size(), 2);
    QCOMPARE(w->editor()->document().bytes(), m_seed);
    QVERIFY(!w->isModified());
    QCOMPARE(
        qobject_cast<QLineEdit*>(w->editor()->form()->control(QStringLiteral("author")))->text(),
        QStringLiteral("QuickTakes"));
    w->findChild<QAction*>(QStringLiteral("undo"))->trigger();
    QCOMPARE(w->editor()->document().bytes(), edited);
}

void TestMainWindow::closeAsksAboutUnsavedChanges()
{
    MainWindow* w = openCopy(m_seed, m_seedName);
    QVERIFY(w);
    QPointer<MainWindow> guard(w);
    QVERIFY(w->close()); // unmodified: no question
    QVERIFY(m_asked.isEmpty());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(guard.isNull());

    w = openCopy(m_seed, m_seedName);
    guard = w;
    retype(w->editor()->form()->control(QStringLiteral("author")), QStringLiteral("Ann"));
    m_unsavedAnswer = Prompts::Choice::Cancel;
    QVERIFY(!w->close());
    QCOMPARE(m_asked, QStringList{QStringLiteral("unsaved:") + m_seedName});
    QVERIFY(w->isVisible());
    QVERIFY(!MainWindow::quit()); // Quit asks too, and Cancel keeps the window
    QCOMPARE(m_asked.size(), 2);
    QVERIFY(w->isVisible());

    m_unsavedAnswer = Prompts::Choice::Save;
    QVERIFY(w->close());
    QVERIFY(readAll(m_path).contains("\nauthor: Ann\n"));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(guard.isNull());
    QCOMPARE(recentfiles::session(), QStringList{QFileInfo(m_path).canonicalFilePath()});
}

void TestMainWindow::saveFailureKeepsChanges()
{
    MainWindow* w = openCopy(m_seed, m_seedName);
    QVERIFY(w);
    retype(w->editor()->form()->control(QStringLiteral("author")), QStringLiteral("Ann"));
    m_saveFileName = m_dir->filePath(QStringLiteral("missing-folder/copy.md"));
    m_saveAsAnswer = false;
    QVERIFY(!w->saveAs());
    QCOMPARE(m_asked.size(), 1);
    QVERIFY(m_asked.first().startsWith(QLatin1String("saveAs?:")));
    QVERIFY(w->isModified());
    QCOMPARE(w->filePath(), QFileInfo(m_path).absoluteFilePath());
    QCOMPARE(readAll(m_path), m_seed);

    // Save As to a good place: the new file gets the changes, the old one stays as it was.
    m_saveFileName = m_dir->filePath(QStringLiteral("copy.md"));
    QVERIFY(w->saveAs());
    QVERIFY(!w->isModified());
    QCOMPARE(w->filePath(), m_saveFileName);
    QVERIFY(readAll(m_saveFileName).contains("\nauthor: Ann\n"));
    QCOMPARE(readAll(m_path), m_seed);
    QCOMPARE(w->windowTitle(), QStringLiteral("copy.md[*] \u2014 Frontis"));
}

void TestMainWindow::unparseableFileOpensRaw()
{
    const QByteArray broken = "---\ntitle: fine\nseo: [unclosed\nauthor: x\n---\n\nbody text\n";
    MainWindow* w = openCopy(broken);
    QVERIFY(w);
    QCOMPARE(w->mode(), MainWindow::Mode::Raw);
    RawView* raw = w->rawView();
    QVERIFY(raw->isVisible());
    QCOMPARE(raw->editor()->toPlainText().toUtf8(), broken);
    QVERIFY(raw->error());
    QVERIFY(raw->error()->line >= 3);
    QVERIFY(!raw->editor()->extraSelections().isEmpty()); // the error line is marked
    QVERIFY(!raw->applyButton()->isEnabled());
    QVERIFY(!w->isModified());
    QCOMPARE(w->windowTitle(), QStringLiteral("article.md[*] \u2014 Frontis"));

    // Saving untouched writes the bytes as they were.
    QVERIFY(w->save());
    QCOMPARE(readAll(m_path), broken);

    // Fix it: the view notices, and Apply and Continue opens the form.
    QTextCursor c(raw->editor()->document()->findBlockByNumber(2));
    c.movePosition(QTextCursor::EndOfBlock);
    c.insertText(QStringLiteral("]"));
    QVERIFY(w->isModified());
    QTRY_VERIFY(raw->applyButton()->isEnabled());
    QTest::mouseClick(raw->applyButton(), Qt::LeftButton);
    QCOMPARE(w->mode(), MainWindow::Mode::Form);
    QVERIFY(w->isModified()); // the fix is not on disk yet
    QCOMPARE(w->editor()->document().bytes(),
             QByteArray("---\ntitle: fine\nseo: [unclosed]\nauthor: x\n---\n\nbody text\n"));
    QVERIFY(w->save());
    QCOMPARE(readAll(m_path),
             QByteArray("---\ntitle: fine\nseo: [unclosed]\nauthor: x\n---\n\nbody text\n"));
}

void TestMainWindow::diagnosticsActivateFieldAndLine()
{
    MainWindow* w = openCopy(m_seed, m_seedName);
    QVERIFY(w);
    ArticleEditor* e = w->editor();
    retype(e->form()->control(QStringLiteral("question")), QString());
    MarkdownEditor* answer = e->textEditor();
    answer->setFocus();
    answer->moveCursor(QTextCursor::End);
    QTest::keyClick(answer, Qt::Key_Return);
    QTest::keyClicks(answer, QStringLiteral("Some **bold"));
    // Validation follows after a pause.
    QTreeWidget* list = e->diagnosticsPanel()->list();
    auto find = [&](const QString& key, const QString& rulePrefix) -> QTreeWidgetItem* {
        const QList<Diagnostic>& ds = e->diagnosticsPanel()->diagnostics();
        for (int i = 0; i < ds.size(); ++i) {
            if (ds[i].key == key && ds[i].rule.startsWith(rulePrefix))
                return list->topLevelItem(i);
        }
        return nullptr;
    };
    QTRY_VERIFY(find(QStringLiteral("answer"), QStringLiteral("markdown")));
    QVERIFY(find(QStringLiteral("question"), QStringLiteral("required")));

    QTreeWidgetItem* q = find(QStringLiteral("question"), QStringLiteral("required"));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(q).center());
    QTRY_VERIFY(e->form()->control(QStringLiteral("question"))->hasFocus());

    QTreeWidgetItem* md = find(QStringLiteral("answer"), QStringLiteral("markdown"));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(md).center());
    QTRY_VERIFY(answer->hasFocus());
    const int lastLine = answer->document()->blockCount();
    QCOMPARE(answer->textCursor().blockNumber() + 1, lastLine);
    QCOMPARE(answer->textCursor().positionInBlock(), int(QStringLiteral("Some ").size()));
}

void TestMainWindow::schemaFollowsTheArticle()
{
    MainWindow* w =
        openCopy("---\n_schema: nosuch\ntitle: T\nanswer: Line one\\nLine two\n---\nThe body\n");
    QVERIFY(w);
    ArticleEditor* e = w->editor();
    // An unknown schema name: the generic schema, whose text is the body; every key in the form.
    QVERIFY(e->textKey().isEmpty());
    QVERIFY(e->text().isBody());
    QVERIFY(e->textEditor()->isVisible());
    QCOMPARE(e->textEditor()->toPlainText(), QStringLiteral("The body\n"));
    QCOMPARE(e->form()->keys(), (QStringList{QStringLiteral("_schema"), QStringLiteral("title"),
                                             QStringLiteral("answer")}));
    bool noted = false;
    for (const Diagnostic& d : e->diagnostics())
        noted = noted ||
                (d.key == QLatin1String("_schema") && d.severity == Diagnostic::Severity::Warning);
    QVERIFY(noted);

    // Naming a known schema switches to it once validation runs: the answer gets its editor.
    retype(e->form()->control(QStringLiteral("_schema")), QStringLiteral("default"));
    QTRY_COMPARE(e->textKey(), QStringLiteral("answer"));
    QVERIFY(e->textEditor()->isVisible());
    QCOMPARE(e->textEditor()->toPlainText(), QStringLiteral("Line one\nLine two"));
    QVERIFY(!e->form()->keys().contains(QStringLiteral("answer")));
    QVERIFY(e->form()->keys().contains(QStringLiteral("seo.title")));
    // Switching schemas recorded no step of its own.
    QCOMPARE(e->undoStack()->count(), 1);
}

void TestMainWindow::destroyedWithFocusInAField()
{
    MainWindow* w = openCopy(m_seed, m_seedName);
    QVERIFY(w);
    auto* edit = qobject_cast<QLineEdit*>(w->editor()->form()->control(QStringLiteral("author")));
    QVERIFY(edit);
    w->activateWindow();
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("x"));
    QTRY_VERIFY(edit->hasFocus());
    // The input reports losing the focus while the window is torn down; the document must
    // still be there when it does (valgrind caught a use after free here).
    delete w;
    QVERIFY(MainWindow::windows().isEmpty());
}

void TestMainWindow::openingTwiceRaisesTheWindow()
{
    MainWindow* w = openCopy(m_seed, m_seedName);
    QVERIFY(w);
    QCOMPARE(MainWindow::open(m_path), w);
    QCOMPARE(MainWindow::open(m_dir->path() + QStringLiteral("/./") + m_seedName), w);
    QCOMPARE(MainWindow::windows().size(), 1);
    QVERIFY(!MainWindow::open(m_dir->filePath(QStringLiteral("nope.md"))));
    QCOMPARE(m_warnings.size(), 1);
    QCOMPARE(MainWindow::windows().size(), 1);
}

void TestMainWindow::dropOpensMarkdownFiles()
{
    auto* empty = new MainWindow;
    empty->show();
    QVERIFY(QTest::qWaitForWindowExposed(empty));
    QCOMPARE(empty->mode(), MainWindow::Mode::Empty);
    QCOMPARE(empty->windowTitle(), QStringLiteral("Frontis"));
    const QString path = m_dir->filePath(QStringLiteral("dropped.md"));
    QVERIFY(writeAll(path, m_seed));
    const QString text = m_dir->filePath(QStringLiteral("notes.txt"));
    QVERIFY(writeAll(text, "x"));

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(text)});
    QDragEnterEvent refused(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(empty, &refused);
    QVERIFY(!refused.isAccepted());

    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(empty, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(empty, &drop);
    // The empty window takes the file.
    QCOMPARE(empty->mode(), MainWindow::Mode::Form);
    QCOMPARE(empty->filePath(), path);
    QCOMPARE(MainWindow::windows().size(), 1);
}

void TestMainWindow::settingsAreRemembered()
{
    MainWindow* w = openCopy(m_seed, m_seedName);
    QVERIFY(w);
    w->editor()->columns()->setSizes({500, 380, 400});
    const QList<int> sizes = w->editor()->columns()->sizes();
    QVERIFY(w->close());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);

    MainWindow* again = openCopy(m_seed, m_seedName);
    QVERIFY(again);
    QCOMPARE(again->editor()->columns()->sizes(), sizes);
    QCOMPARE(recentfiles::recent().first(), QFileInfo(m_path).canonicalFilePath());
    // File > Open Recent lists it.
    QMenu* recent = nullptr;
    for (QMenu* m : again->findChildren<QMenu*>()) {
        if (m->title() == QLatin1String("Open &Recent"))
            recent = m;
    }
    QVERIFY(recent);
    QVERIFY(QMetaObject::invokeMethod(recent, "aboutToShow"));
    QVERIFY(!recent->actions().isEmpty());
    QCOMPARE(recent->actions().first()->text(), m_seedName);
    QCOMPARE(recentfiles::session(), QStringList{QFileInfo(m_path).canonicalFilePath()});
}

void TestMainWindow::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestMainWindow::screenshots()
{
    QFETCH(bool, dark);
    const QPalette original = QApplication::palette();
    QApplication::setPalette(dark ? darkPalette() : lightPalette());
    QSettings().remove(QStringLiteral("window")); // default layout
    MainWindow* w = openCopy(m_seed, m_seedName);
    QVERIFY(w);
    w->resize(1280, 800);
    w->editor()->preview()->flush();
    QTRY_VERIFY(w->editor()->preview()->toPlainText().contains(QLatin1String("Posted on")));
    QTest::qWait(50);
    const QImage image = w->grab().toImage();
    // The rest of the form, scrolled to its end.
    FieldForm* form = w->editor()->form();
    form->verticalScrollBar()->setValue(form->verticalScrollBar()->maximum());
    const QImage formEnd = form->grab().toImage();
    QApplication::setPalette(original);
    QCOMPARE(image.size() / image.devicePixelRatio(), QSize(1280, 800));
    const QString folder = QStringLiteral(FRONTIS_BINARY_DIR "/screenshots");
    QVERIFY(QDir().mkpath(folder));
    const QString file = folder + (dark ? QStringLiteral("/mainwindow-dark.png")
                                        : QStringLiteral("/mainwindow-light.png"));
    QVERIFY(image.save(file));
    QVERIFY(formEnd.save(folder + (dark ? QStringLiteral("/form-end-dark.png")
                                        : QStringLiteral("/form-end-light.png"))));
    // The window follows the palette: its background is dark in the dark palette.
    const QColor corner = image.pixelColor(image.width() - 4, image.height() / 2);
    QCOMPARE(corner.lightness() < 128, dark);
    qInfo("screenshot: %s", qPrintable(file));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
