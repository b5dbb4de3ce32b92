#include "../editor/palettes.h"
#include "app/mainwindow.h"
#include "app/prompts.h"
#include "editor/articleeditor.h"
#include "editor/form/fieldform.h"
#include "editor/text/findbar.h"
#include "editor/text/markdowneditor.h"
#include "editor/text/textstatslabel.h"
#include "model/text/textstats.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::Literals::StringLiterals;
using namespace frontis;

// The writing aids of the window (issue 8): the answer's statistics in the status bar, and Find
// and Replace in the answer editor reached through the Edit menu and its shortcuts.
class TestWritingAids : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void shortcutsOpenTheBar();
    void editMenuHasFindEntries();
    void f3WalksThroughMatches();
    void replaceAllIsOneUndoInTheWindow();
    void statusBarShowsStatistics();
    void statisticsFollowTyping();
    void rawModeHasNoFindOrStatistics();
    void screenshots_data();
    void screenshots();

private:
    MainWindow* openArticle(const QByteArray& bytes);
    static QAction* action(MainWindow* w, const QString& name);

    QByteArray m_seed;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestWritingAids::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"FrontisTests"_s);
    QCoreApplication::setApplicationName(u"tst_writingaids"_s);
    QSettings().clear();
    const QDir seed(QStringLiteral(FRONTIS_SHARED_DIR "/seed"));
    const QStringList files = seed.entryList({u"*.md"_s}, QDir::Files);
    if (files.isEmpty())
        QSKIP("the seed article is not available");
    QFile f(seed.filePath(files.first()));
    QVERIFY(f.open(QIODevice::ReadOnly));
    m_seed = f.readAll();
    // Closing with changes discards them; nothing here is meant to be kept.
    Prompts::instance().askUnsaved = [](QWidget*, const QString&) {
        return Prompts::Choice::Discard;
    };
    Prompts::instance().warn = [](QWidget*, const QString&, const QString&) {};
}

void TestWritingAids::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestWritingAids::cleanup()
{
    for (MainWindow* w : MainWindow::windows())
        w->close();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    m_dir.reset();
}

MainWindow* TestWritingAids::openArticle(const QByteArray& bytes)
{
    const QString path = m_dir->filePath(u"article.md"_s);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return nullptr;
    f.close();
    MainWindow* w = MainWindow::open(path);
    if (!w)
        return nullptr;
    w->resize(1280, 800);
    w->show();
    w->activateWindow();
    if (!QTest::qWaitForWindowActive(w))
        return nullptr;
    return w;
}

QAction* TestWritingAids::action(MainWindow* w, const QString& name)
{
    return w->findChild<QAction*>(name);
}

void TestWritingAids::shortcutsOpenTheBar()
{
    MainWindow* w = openArticle(m_seed);
    QVERIFY(w);
    FindBar* bar = w->editor()->findBar();
    MarkdownEditor* answer = w->editor()->textEditor();
    QVERIFY(!bar->isVisible());

    // Ctrl+F from the answer editor.
    answer->setFocus();
    QTRY_VERIFY(answer->hasFocus());
    QTest::keyClick(answer, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(bar->isVisible());
    QVERIFY(!bar->isReplaceShown());
    QVERIFY(bar->findField()->hasFocus());
    QTest::keyClick(bar->findField(), Qt::Key_Escape);
    QVERIFY(!bar->isVisible());
    QVERIFY(answer->hasFocus());

    // Ctrl+H on the window, wherever the focus is: here in a field of the form.
    QWidget* field = w->editor()->form()->control(u"author"_s);
    QVERIFY(qobject_cast<QLineEdit*>(field));
    field->setFocus();
    QTest::keyClick(w, Qt::Key_H, Qt::ControlModifier);
    QVERIFY(bar->isVisible());
    QVERIFY(bar->isReplaceShown());
    QVERIFY(bar->findField()->hasFocus());
    // Ctrl+F in the open bar drops the replace row; Ctrl+H from the find field brings it back.
    QTest::keyClick(w, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(!bar->isReplaceShown());
    QTest::keyClick(bar->findField(), Qt::Key_H, Qt::ControlModifier);
    QVERIFY(bar->isReplaceShown());
    QVERIFY(bar->findField()->hasFocus());
}

void TestWritingAids::editMenuHasFindEntries()
{
    MainWindow* w = openArticle(m_seed);
    QVERIFY(w);
    QMenu* edit = nullptr;
    for (QAction* a : w->menuBar()->actions()) {
        if (a->menu() && a->text() == u"&Edit"_s)
            edit = a->menu();
    }
    QVERIFY(edit);
    QStringList names;
    for (QAction* a : edit->actions()) {
        if (!a->isSeparator())
            names << a->objectName();
    }
    // After Undo and Redo, together and in this order (other entries may follow).
    const qsizetype at = names.indexOf(u"find"_s);
    QVERIFY2(at > names.indexOf(u"redo"_s), qPrintable(names.join(u' ')));
    QCOMPARE(names.mid(at, 4),
             (QStringList{u"find"_s, u"replace"_s, u"findNext"_s, u"findPrevious"_s}));
    QCOMPARE(action(w, u"find"_s)->shortcuts(), QKeySequence::keyBindings(QKeySequence::Find));
    QVERIFY(action(w, u"find"_s)->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_F)));
    QCOMPARE(action(w, u"replace"_s)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_H));
    QCOMPARE(action(w, u"findNext"_s)->shortcuts(),
             QKeySequence::keyBindings(QKeySequence::FindNext));
    QVERIFY(action(w, u"findNext"_s)->shortcuts().contains(QKeySequence(Qt::Key_F3)));
    QVERIFY(
        action(w, u"findPrevious"_s)->shortcuts().contains(QKeySequence(Qt::SHIFT | Qt::Key_F3)));
    QCOMPARE(action(w, u"find"_s)->text(), u"&Find\u2026"_s);
    for (const QString& name : {u"find"_s, u"replace"_s, u"findNext"_s, u"findPrevious"_s})
        QVERIFY2(action(w, name)->isEnabled(), qPrintable(name));
    // The menu entry does what the key does.
    action(w, u"replace"_s)->trigger();
    QVERIFY(w->editor()->findBar()->isReplaceShown());
}

void TestWritingAids::f3WalksThroughMatches()
{
    MainWindow* w = openArticle(m_seed);
    QVERIFY(w);
    FindBar* bar = w->editor()->findBar();
    MarkdownEditor* answer = w->editor()->textEditor();
    answer->setFocus();
    QTest::keyClick(answer, Qt::Key_F, Qt::ControlModifier);
    QTest::keyClicks(bar->findField(), u"GPU"_s);
    const int count = bar->matchCount();
    QVERIFY2(count >= 3, qPrintable(QString::number(count)));
    QCOMPARE(bar->currentMatch(), 0);
    QTest::keyClick(bar->findField(), Qt::Key_F3);
    QCOMPARE(bar->currentMatch(), 1);
    // F3 from the editor as well; the focus stays there.
    answer->setFocus();
    QTest::keyClick(answer, Qt::Key_F3);
    QCOMPARE(bar->currentMatch(), 2);
    QVERIFY(answer->hasFocus());
    QTest::keyClick(answer, Qt::Key_F3, Qt::ShiftModifier);
    QTest::keyClick(answer, Qt::Key_F3, Qt::ShiftModifier);
    QTest::keyClick(answer, Qt::Key_F3, Qt::ShiftModifier);
    QCOMPARE(bar->currentMatch(), count - 1);
    QCOMPARE(bar->statusLabel()->text(), u"%1 of %1"_s.arg(count));
    // With the bar closed, F3 opens it again on the same term.
    bar->closeBar();
    QTest::keyClick(answer, Qt::Key_F3);
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->currentMatch(), 0);
}

void TestWritingAids::replaceAllIsOneUndoInTheWindow()
{
    MainWindow* w = openArticle(m_seed);
    QVERIFY(w);
    ArticleEditor* e = w->editor();
    FindBar* bar = e->findBar();
    MarkdownEditor* answer = e->textEditor();
    answer->setFocus();
    QTest::keyClick(w, Qt::Key_H, Qt::ControlModifier);
    bar->wholeWordsBox()->setChecked(true);
    QTest::keyClicks(bar->findField(), u"GPUs"_s);
    const int count = bar->matchCount();
    QVERIFY(count >= 2);
    bar->replaceField()->setFocus();
    QTest::keyClicks(bar->replaceField(), u"graphics processors"_s);
    QTest::keyClick(bar->replaceField(), Qt::Key_Return, Qt::ControlModifier); // Replace All

    const QByteArray after = e->document().bytes();
    QVERIFY(after != m_seed);
    QCOMPARE(after.count("graphics processors") - m_seed.count("graphics processors"), count);
    QCOMPARE(e->undoStack()->count(), 1);
    QCOMPARE(action(w, u"undo"_s)->text(), u"&Undo Replace All"_s);
    // Only the answer's line of the file changed.
    const QList<QByteArray> a = m_seed.split('\n');
    const QList<QByteArray> b = after.split('\n');
    QCOMPARE(a.size(), b.size());
    int changed = 0;
    for (int i = 0; i < a.size(); ++i)
        changed += a[i] != b[i] ? 1 : 0;
    QCOMPARE(changed, 1);

    // Ctrl+Z in the window takes every replacement back at once; Ctrl+Shift+Z restores them.
    answer->setFocus();
    QTest::keyClick(answer, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(e->document().bytes(), m_seed);
    QVERIFY(!w->isModified());
    QTest::keyClick(answer, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(e->document().bytes(), after);
    QVERIFY(w->isModified());
}

void TestWritingAids::statusBarShowsStatistics()
{
    MainWindow* w = openArticle(m_seed);
    QVERIFY(w);
    auto* label = w->statusBar()->findChild<TextStatsLabel*>();
    QVERIFY(label);
    QVERIFY(label->isVisible());
    QTRY_VERIFY(!label->isPending());
    const TextStats expected = measureText(w->editor()->textEditor()->markdown());
    QCOMPARE(label->stats().words, expected.words);
    QVERIFY(expected.words > 300); // the seed is a real answer of several paragraphs
    QCOMPARE(label->text(), TextStatsLabel::summary(expected));
    // "412 words · 2,310 characters · 2 min read · Flesch 58"
    const QStringList parts = label->text().split(u" \u00b7 "_s);
    QCOMPARE(parts.size(), 4);
    QCOMPARE(parts.at(0), u"%1 words"_s.arg(QLocale().toString(expected.words)));
    QCOMPARE(parts.at(1), u"%1 characters"_s.arg(QLocale().toString(expected.characters)));
    QCOMPARE(parts.at(2), u"%1 min read"_s.arg(expected.readingMinutes()));
    QCOMPARE(parts.at(3), u"Flesch %1"_s.arg(qRound(*expected.fleschReadingEase())));
    // The tooltip explains each number.
    const QString tip = label->toolTip();
    QVERIFY(tip.contains(u"230 words per minute"_s));
    QVERIFY(tip.contains(u"206.835"_s));
    QVERIFY(tip.contains(u"link addresses"_s));
    QVERIFY(tip.contains(QLocale().toString(expected.sentences)));
}

void TestWritingAids::statisticsFollowTyping()
{
    const QByteArray article = "---\n_schema: default\nid: 1\nanswer: >-\n    One two.\n---\n";
    MainWindow* w = openArticle(article);
    QVERIFY(w);
    auto* label = w->statusBar()->findChild<TextStatsLabel*>();
    QVERIFY(label);
    QTRY_COMPARE(label->text(),
                 u"2 words \u00b7 8 characters \u00b7 1 min read \u00b7 Flesch %1"_s.arg(
                     qRound(206.835 - 1.015 * 2 - 84.6 * 1.0)));
    MarkdownEditor* answer = w->editor()->textEditor();
    answer->setFocus();
    answer->moveCursor(QTextCursor::End);
    QTest::keyClicks(answer, u" Three"_s);
    // Not at once: the counts wait for a pause in typing.
    QCOMPARE(label->stats().words, 2);
    QVERIFY(label->isPending());
    QTRY_COMPARE(label->stats().words, 3);
    QCOMPARE(label->stats().characters, 14);
    QVERIFY(label->text().startsWith(u"3 words \u00b7 14 characters"_s));
    // Undo goes through the same path.
    w->editor()->undoStack()->undo();
    QTRY_COMPARE(label->stats().words, 2);
}

void TestWritingAids::rawModeHasNoFindOrStatistics()
{
    MainWindow* w = openArticle("---\nkey: [unclosed\n---\nbody\n");
    QVERIFY(w);
    QCOMPARE(w->mode(), MainWindow::Mode::Raw);
    QVERIFY(!action(w, u"find"_s)->isEnabled());
    QVERIFY(!action(w, u"replace"_s)->isEnabled());
    QVERIFY(!w->statusBar()->findChild<TextStatsLabel*>()->isVisible());
    QTest::keyClick(w, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(!w->editor()->findBar()->isVisible());
}

void TestWritingAids::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestWritingAids::screenshots()
{
    QFETCH(bool, dark);
    const QPalette original = QApplication::palette();
    QApplication::setPalette(dark ? testpalettes::dark() : testpalettes::light());
    MainWindow* w = openArticle(m_seed);
    QVERIFY(w);
    FindBar* bar = w->editor()->findBar();
    MarkdownEditor* answer = w->editor()->textEditor();
    answer->setFocus();
    QTest::keyClick(w, Qt::Key_H, Qt::ControlModifier);
    QTest::keyClicks(bar->findField(), u"deep learning"_s);
    QTest::keyClicks(bar->replaceField(), u"DL"_s);
    QTest::keyClick(bar->findField(), Qt::Key_Return);
    auto* label = w->statusBar()->findChild<TextStatsLabel*>();
    QTRY_VERIFY(!label->isPending());
    QTest::qWait(50);

    const QString folder = QStringLiteral(FRONTIS_BINARY_DIR "/screenshots");
    QVERIFY(QDir().mkpath(folder));
    const QString suffix = dark ? u"-dark.png"_s : u"-light.png"_s;
    // The answer column with the bar under it, the whole window, and the status bar.
    QWidget* column = bar->parentWidget();
    QVERIFY(column->grab().save(folder + u"/findbar"_s + suffix));
    QVERIFY(w->grab().save(folder + u"/findbar-window"_s + suffix));
    QVERIFY(w->statusBar()->grab().save(folder + u"/statusbar"_s + suffix));
    // The statistics' tooltip, drawn as a tooltip would draw it.
    QLabel tip;
    tip.setText(label->toolTip());
    tip.setForegroundRole(QPalette::ToolTipText);
    tip.setBackgroundRole(QPalette::ToolTipBase);
    tip.setAutoFillBackground(true);
    tip.setMargin(6);
    tip.setWordWrap(true);
    tip.setFixedWidth(560);
    tip.adjustSize();
    QVERIFY(tip.grab().save(folder + u"/statusbar-tooltip"_s + suffix));
    // An invalid regular expression.
    bar->regularExpressionBox()->setChecked(true);
    bar->findField()->setFocus();
    bar->findField()->selectAll();
    QTest::keyClicks(bar->findField(), u"deep (learning"_s);
    QVERIFY(bar->hasPatternError());
    QVERIFY(bar->grab().save(folder + u"/findbar-error"_s + suffix));
    QApplication::setPalette(original);
    qInfo("screenshots: %s/{findbar,findbar-window,statusbar,statusbar-tooltip,findbar-error}%s",
          qPrintable(folder), qPrintable(suffix));
}

QTEST_MAIN(TestWritingAids)
#include "tst_writingaids.moc"
