// No lost work in the window (issue 5). Unsaved edits survive a SIGKILL of the real `frontis` and
// come back byte for byte; a change on disk with and without unsaved edits; a file deleted or
// renamed on disk; a save refused when the disk changed meanwhile or when the file is read-only.
//
// The real binary is driven through two test-only environment hooks (app/testhooks.h):
// FRONTIS_TEST_EDIT makes an edit the way the form does, FRONTIS_TEST_RECOVERY answers the
// recovery question. Everything else runs in this process with the prompts replaced (app/prompts).
#include "../model/testutil.h"
#include "app/filewatch.h"
#include "app/journalkeeper.h"
#include "app/mainwindow.h"
#include "app/prompts.h"
#include "editor/articleeditor.h"
#include "editor/form/fieldedit.h"
#include "editor/form/fieldform.h"
#include "editor/rawview.h"
#include "editor/text/markdowneditor.h"
#include "model/file/journal.h"
#include "model/yaml/document.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cstdio>
#include <memory>
#include <signal.h>

using namespace frontis;

namespace {

// Journal writes wait for a pause in typing; generous for a busy machine.
constexpr int JournalTimeoutMs = 60000;

// The data and settings folders of this test and of the binaries it starts.
std::unique_ptr<QTemporaryDir>& home()
{
    static std::unique_ptr<QTemporaryDir> dir;
    return dir;
}

QString articleSource()
{
    const QDir samples(QStringLiteral(FRONTIS_SOURCE_DIR "/resources/samples"));
    const QStringList files = samples.entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name);
    return files.isEmpty() ? testutil::seedPath() : samples.filePath(files.first());
}

// The article with one field set the way the form sets it.
QByteArray edited(const QByteArray& bytes, const QString& key, const QString& value)
{
    Result<Document> doc = Document::fromBytes(bytes);
    if (!doc)
        return {};
    const Document original = doc.value();
    FieldEdit edit;
    edit.key = key;
    edit.path = doc->frontMatter().resolve(key);
    edit.value = value;
    if (applyFieldEdit(doc.value(), edit, &original))
        return {};
    return doc->bytes();
}

// Replaces the file the way many programs save: write a copy, rename it over the original.
bool replaceByRename(const QString& path, const QByteArray& bytes)
{
    const QString copy = path + QStringLiteral(".new");
    return testutil::writeAll(copy, bytes) &&
           ::rename(QFile::encodeName(copy).constData(), QFile::encodeName(path).constData()) == 0;
}

void typeInto(QWidget* control, const QString& text)
{
    auto* edit = qobject_cast<QLineEdit*>(control);
    QVERIFY(edit);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
}

} // namespace

class TestLostWork : public QObject
{
    Q_OBJECT

public:
    // Before QApplication: QStandardPaths and QSettings read these, here and in the children.
    static void initMain()
    {
        home() = std::make_unique<QTemporaryDir>();
        qputenv("XDG_DATA_HOME", QFile::encodeName(home()->filePath(QStringLiteral("data"))));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(home()->filePath(QStringLiteral("config"))));
        qunsetenv("FRONTIS_TEST_EDIT");
        qunsetenv("FRONTIS_TEST_RECOVERY");
    }

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void killedWithUnsavedEditsIsRestored();
    void startingWithAFolderOffersToo();
    void keptWorkOfAVanishedArticleComesBack();
    void journalFollowsTheEdits();
    void focusLossWritesAtOnce();
    void reopeningOffersShowChangesAndDiscard();
    void diskChangeWithoutEditsReloads();
    void diskChangeWithEdits_data();
    void diskChangeWithEdits();
    void deletedOnDiskKeepsContent_data();
    void deletedOnDiskKeepsContent();
    void saveRefusedWhenDiskChanged_data();
    void saveRefusedWhenDiskChanged();
    void readOnlyFileRefusesAndKeepsEdits_data();
    void readOnlyFileRefusesAndKeepsEdits();
    void bodyArticleKeepsRestoresAndReloads();

private:
    MainWindow* openArticle(const QByteArray& bytes,
                            const QString& name = QStringLiteral("article.md"));
    std::optional<RecoveryJournal::Entry> kept() const { return RecoveryJournal().find(m_path); }
    QProcess* startFrontis(const QStringList& args, const QStringList& env);
    void killFrontis(QProcess* process);

    QByteArray m_article;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::vector<std::unique_ptr<QProcess>> m_children;

    // What the replaced prompts were asked, and the answers they give in turn.
    QStringList m_asked;
    QString m_recoverDetails;
    QStringList m_diffs;
    QList<Prompts::RecoveryChoice> m_recoverAnswers;
    QList<Prompts::DiskChoice> m_diskAnswers;
    Prompts::OverwriteChoice m_overwriteAnswer = Prompts::OverwriteChoice::Cancel;
    Prompts::Choice m_unsavedAnswer = Prompts::Choice::Discard;
};

void TestLostWork::initTestCase()
{
    QVERIFY(home() && home()->isValid());
    // The binary's names, so that this process and the children share one journal.
    QCoreApplication::setOrganizationName(QStringLiteral("Frontis"));
    QCoreApplication::setApplicationName(QStringLiteral("Frontis"));
    QVERIFY2(RecoveryJournal::defaultDirectory().startsWith(home()->path()),
             qPrintable(RecoveryJournal::defaultDirectory()));
    QSettings().clear();

    const QString source = articleSource();
    if (source.isEmpty())
        QSKIP("no sample article");
    m_article = testutil::readAll(source);
    QVERIFY(Document::fromBytes(m_article));

    Prompts& p = Prompts::instance();
    p.askRecover = [this](QWidget*, const QString& name, const QString& details) {
        m_asked << QStringLiteral("recover:") + name;
        m_recoverDetails = details;
        return m_recoverAnswers.isEmpty() ? Prompts::RecoveryChoice::Restore
                                          : m_recoverAnswers.takeFirst();
    };
    p.askDiskChanged = [this](QWidget*, const QString& name) {
        m_asked << QStringLiteral("disk:") + name;
        return m_diskAnswers.isEmpty() ? Prompts::DiskChoice::KeepMine : m_diskAnswers.takeFirst();
    };
    p.askOverwrite = [this](QWidget*, const QString& name) {
        m_asked << QStringLiteral("overwrite:") + name;
        return m_overwriteAnswer;
    };
    p.showDiff = [this](QWidget*, const QString&, const QString& diff) { m_diffs << diff; };
    p.askUnsaved = [this](QWidget*, const QString& name) {
        m_asked << QStringLiteral("unsaved:") + name;
        return m_unsavedAnswer;
    };
    p.confirmRevert = [](QWidget*, const QString&) { return true; };
    p.warn = [this](QWidget*, const QString& title, const QString& text) {
        m_asked << QStringLiteral("warn:") + title + QLatin1Char('|') + text;
    };
    p.offerSaveAs = [this](QWidget*, const QString& text) {
        m_asked << QStringLiteral("saveAs?:") + text;
        return false;
    };
    p.saveFileName = [](QWidget*, const QString&) { return QString(); };
    p.openFileNames = [](QWidget*, const QString&) { return QStringList(); };
}

void TestLostWork::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("article.md"));
    QDir(RecoveryJournal::defaultDirectory()).removeRecursively();
    m_asked.clear();
    m_recoverDetails.clear();
    m_diffs.clear();
    m_recoverAnswers.clear();
    m_diskAnswers.clear();
    m_overwriteAnswer = Prompts::OverwriteChoice::Cancel;
    m_unsavedAnswer = Prompts::Choice::Discard;
}

void TestLostWork::cleanup()
{
    m_unsavedAnswer = Prompts::Choice::Discard;
    for (MainWindow* w : MainWindow::windows())
        w->close();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(MainWindow::windows().isEmpty());
    for (auto& child : m_children)
        killFrontis(child.get());
    m_children.clear();
    QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    m_dir.reset();
}

MainWindow* TestLostWork::openArticle(const QByteArray& bytes, const QString& name)
{
    m_path = m_dir->filePath(name);
    if (!testutil::writeAll(m_path, bytes))
        return nullptr;
    MainWindow* w = MainWindow::open(m_path);
    if (w && !QTest::qWaitForWindowExposed(w))
        return nullptr;
    return w;
}

QProcess* TestLostWork::startFrontis(const QStringList& args, const QStringList& env)
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    for (const QString& var : env)
        e.insert(var.section(QLatin1Char('='), 0, 0), var.section(QLatin1Char('='), 1));
    process->setProcessEnvironment(e);
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process->start(QStringLiteral(FRONTIS_EXECUTABLE), args);
    if (!process->waitForStarted(30000))
        return nullptr;
    m_children.push_back(std::move(process));
    return m_children.back().get();
}

void TestLostWork::killFrontis(QProcess* process)
{
    if (process->state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(process->processId()), SIGKILL);
    process->waitForFinished(30000);
}

void TestLostWork::killedWithUnsavedEditsIsRestored()
{
    // An edit that needs quoting and has characters beyond ASCII: restored means byte for byte.
    const QString value = QStringLiteral("Zo\u00eb: \u201cquoted\u201d # not a comment");
    const QByteArray expected = edited(m_article, QStringLiteral("author"), value);
    QVERIFY(!expected.isEmpty());
    QVERIFY(expected != m_article);
    QVERIFY(testutil::writeAll(m_path, m_article));

    // 1. The real binary opens the article, is edited, writes the journal on its own timer and
    //    is killed with the edits unsaved.
    QProcess* first = startFrontis({m_path}, {QStringLiteral("FRONTIS_TEST_EDIT=author=") + value});
    QVERIFY(first);
    QTRY_VERIFY_WITH_TIMEOUT(kept().has_value(), JournalTimeoutMs);
    QCOMPARE(first->state(), QProcess::Running);
    const RecoveryJournal::Entry live = *kept();

    // While it runs, its changes are not lost and not offered: opening the article here (or
    // starting here) leaves the entry alone, and says why.
    QVERIFY(JournalKeeper::isOpenElsewhere(m_path));
    MainWindow* elsewhere = MainWindow::open(m_path);
    QVERIFY(elsewhere);
    QVERIFY(QTest::qWaitForWindowExposed(elsewhere));
    QCoreApplication::processEvents();
    QVERIFY(m_asked.isEmpty());
    QVERIFY2(elsewhere->statusBar()->currentMessage().contains(QLatin1String("another Frontis")),
             qPrintable(elsewhere->statusBar()->currentMessage()));
    QVERIFY(elsewhere->close());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(kept());
    QCOMPARE(kept()->written, live.written);
    QStringList none;
    MainWindow::openStartupWindows(none);
    QCoreApplication::processEvents();
    QVERIFY(m_asked.isEmpty());
    for (MainWindow* w : MainWindow::windows())
        QVERIFY(w->close());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(kept());

    killFrontis(first);
    QCOMPARE(first->exitStatus(), QProcess::CrashExit);
    QCOMPARE(testutil::readAll(m_path), m_article); // never written to the article
    const RecoveryJournal::Entry entry = *kept();
    QCOMPARE(entry.bytes, expected);
    QVERIFY(entry.basedOn.sameContent(FileStamp::of(m_article)));
    QCOMPARE(entry.articlePath, QFileInfo(m_path).canonicalFilePath());

    // 2. Started again without arguments, it offers the kept changes; told to restore them, its
    //    document holds them again, which shows as a newer journal entry with the same bytes.
    //    Killed again before anything is saved.
    QProcess* second = startFrontis({}, {QStringLiteral("FRONTIS_TEST_RECOVERY=restore")});
    QVERIFY(second);
    QTRY_VERIFY_WITH_TIMEOUT(kept() && kept()->written > entry.written, JournalTimeoutMs);
    QCOMPARE(second->state(), QProcess::Running);
    killFrontis(second);
    QCOMPARE(second->exitStatus(), QProcess::CrashExit);
    QCOMPARE(kept()->bytes, expected);
    QCOMPARE(testutil::readAll(m_path), m_article);

    // 3. Started here the same way (the startup path of main()): offered, restored byte for
    //    byte as unsaved changes, one step of the history.
    MainWindow::openStartupWindows({});
    QTRY_COMPARE(m_asked, QStringList{QStringLiteral("recover:article.md")});
    QVERIFY2(m_recoverDetails.contains(QLatin1String("still the version")),
             qPrintable(m_recoverDetails));
    MainWindow* w = MainWindow::windowFor(m_path);
    QVERIFY(w);
    QTRY_COMPARE(w->editor()->document().bytes(), expected);
    QVERIFY(w->isModified());
    QCOMPARE(testutil::readAll(m_path), m_article);
    w->editor()->undoStack()->undo();
    QCOMPARE(w->editor()->document().bytes(), m_article);
    QVERIFY(!w->isModified());
    w->editor()->undoStack()->redo();
    QCOMPARE(w->editor()->document().bytes(), expected);

    // Saving them writes exactly those bytes and ends the entry.
    QVERIFY(w->save());
    QCOMPARE(testutil::readAll(m_path), expected);
    QVERIFY(!kept());
}

void TestLostWork::startingWithAFolderOffersToo()
{
    // `frontis DIR` starts another way; kept changes are offered all the same. Told to discard
    // them, the binary removes the entry, and the article stays as it is.
    QVERIFY(testutil::writeAll(m_path, m_article));
    const QByteArray mine = edited(m_article, QStringLiteral("author"), QStringLiteral("Ivy"));
    QVERIFY(!RecoveryJournal().write(m_path, FileStamp::of(m_article), mine));
    QVERIFY(kept());
    QProcess* frontis =
        startFrontis({m_dir->path()}, {QStringLiteral("FRONTIS_TEST_RECOVERY=discard")});
    QVERIFY(frontis);
    QTRY_VERIFY_WITH_TIMEOUT(!kept(), JournalTimeoutMs);
    QCOMPARE(frontis->state(), QProcess::Running);
    QCOMPARE(testutil::readAll(m_path), m_article);
}

void TestLostWork::keptWorkOfAVanishedArticleComesBack()
{
    // The article was deleted after the crash: its kept text opens, marked, and Save writes it.
    const QByteArray mine = edited(m_article, QStringLiteral("author"), QStringLiteral("Jo"));
    QVERIFY(!RecoveryJournal().write(m_path, FileStamp::of(m_article), mine));
    QVERIFY(!QFileInfo::exists(m_path));
    MainWindow::openKeptWork();
    QCOMPARE(m_asked, QStringList{QStringLiteral("recover:article.md")});
    QVERIFY2(m_recoverDetails.contains(QLatin1String("no longer on disk")),
             qPrintable(m_recoverDetails));
    MainWindow* w = MainWindow::windowFor(m_path);
    QVERIFY(w);
    QCOMPARE(w->editor()->document().bytes(), mine);
    QVERIFY(w->isMissingOnDisk());
    QVERIFY(w->isModified());
    QCOMPARE(w->windowTitle(), QStringLiteral("article.md (deleted on disk)[*] \u2014 Frontis"));
    QVERIFY(w->save());
    QCOMPARE(testutil::readAll(m_path), mine);
    QVERIFY(!w->isMissingOnDisk());
    QVERIFY(!w->isModified());
    QVERIFY(!kept());
}

void TestLostWork::journalFollowsTheEdits()
{
    MainWindow* w = openArticle(m_article);
    QVERIFY(w);
    QUndoStack* undo = w->editor()->undoStack();
    QWidget* author = w->editor()->form()->control(QStringLiteral("author"));
    typeInto(author, QStringLiteral("Ann"));
    QVERIFY(w->isModified());
    QTRY_VERIFY_WITH_TIMEOUT(kept().has_value(), JournalTimeoutMs);
    QCOMPARE(kept()->bytes, w->editor()->document().bytes());
    QVERIFY(kept()->basedOn.sameContent(FileStamp::of(m_article)));
    QCOMPARE(testutil::readAll(m_path), m_article);

    // Later edits replace the entry.
    typeInto(author, QStringLiteral("Bea"));
    const QByteArray bea = w->editor()->document().bytes();
    QTRY_VERIFY_WITH_TIMEOUT(kept() && kept()->bytes == bea, JournalTimeoutMs);

    // Undo back to the file: nothing is unsaved, nothing is kept.
    while (undo->canUndo())
        undo->undo();
    QVERIFY(!w->isModified());
    QVERIFY(!kept());
    undo->redo();
    QTRY_VERIFY_WITH_TIMEOUT(kept().has_value(), JournalTimeoutMs);

    // A clean save ends the entry.
    QVERIFY(w->save());
    QVERIFY(!kept());

    // So does Revert.
    typeInto(author, QStringLiteral("Cid"));
    QTRY_VERIFY_WITH_TIMEOUT(kept().has_value(), JournalTimeoutMs);
    QVERIFY(w->revert());
    QVERIFY(!kept());

    // Closing: Cancel keeps the window and the entry, Discard removes both.
    typeInto(author, QStringLiteral("Dee"));
    QTRY_VERIFY_WITH_TIMEOUT(kept().has_value(), JournalTimeoutMs);
    m_unsavedAnswer = Prompts::Choice::Cancel;
    QVERIFY(!w->close());
    QVERIFY(kept());
    m_unsavedAnswer = Prompts::Choice::Discard;
    QVERIFY(w->close());
    QVERIFY(!kept());
}

void TestLostWork::focusLossWritesAtOnce()
{
    MainWindow* w = openArticle(m_article);
    QVERIFY(w);
    w->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(w));
    typeInto(w->editor()->form()->control(QStringLiteral("author")), QStringLiteral("Eve"));
    QVERIFY(w->journalKeeper()->isPending());
    QWidget other;
    other.show();
    other.activateWindow();
    QTRY_VERIFY(other.isActiveWindow());
    // Written when the window lost the focus, not JournalKeeper::QuietMs later.
    QVERIFY(!w->journalKeeper()->isPending());
    QVERIFY(kept());
    QCOMPARE(kept()->bytes, w->editor()->document().bytes());
}

void TestLostWork::reopeningOffersShowChangesAndDiscard()
{
    MainWindow* w = openArticle(m_article);
    QVERIFY(w);
    typeInto(w->editor()->form()->control(QStringLiteral("author")), QStringLiteral("Fay"));
    const QByteArray mine = w->editor()->document().bytes();
    QTRY_VERIFY_WITH_TIMEOUT(kept().has_value(), JournalTimeoutMs);
    delete w; // gone without closing, as in a crash

    // Meanwhile another program changes the article.
    const QByteArray theirs = edited(m_article, QStringLiteral("subject"), QStringLiteral("Maths"));
    QVERIFY(testutil::writeAll(m_path, theirs));

    m_recoverAnswers = {Prompts::RecoveryChoice::ShowChanges, Prompts::RecoveryChoice::Discard};
    w = MainWindow::open(m_path);
    QVERIFY(w);
    QTRY_COMPARE(m_asked.size(), 2); // asked again after Show Changes
    QCOMPARE(m_asked, QStringList(2, QStringLiteral("recover:article.md")));
    QVERIFY2(m_recoverDetails.contains(QLatin1String("has changed on disk since")),
             qPrintable(m_recoverDetails));
    // The diff runs from the article on disk to the kept text.
    QCOMPARE(m_diffs.size(), 1);
    QVERIFY2(m_diffs.first().contains(QLatin1String("\n+author: Fay\n")), qPrintable(m_diffs[0]));
    QVERIFY(m_diffs.first().contains(QLatin1String("\n-subject: Maths\n")));
    QVERIFY(mine.contains("\nauthor: Fay\n"));
    // Discarded: the entry is gone and the window shows the file.
    QVERIFY(!kept());
    QCOMPARE(w->editor()->document().bytes(), theirs);
    QVERIFY(!w->isModified());
}

void TestLostWork::diskChangeWithoutEditsReloads()
{
    MainWindow* w = openArticle(m_article);
    QVERIFY(w);
    // Written the way many editors do: truncated and written, then written again.
    const QByteArray first = edited(m_article, QStringLiteral("author"), QStringLiteral("One"));
    const QByteArray second = edited(m_article, QStringLiteral("author"), QStringLiteral("Two"));
    QVERIFY(testutil::writeAll(m_path, first));
    QVERIFY(testutil::writeAll(m_path, second));
    QTRY_COMPARE(w->editor()->document().bytes(), second);
    QVERIFY(!w->isModified());
    QVERIFY(m_asked.isEmpty());
    QVERIFY2(w->statusBar()->currentMessage().contains(QLatin1String("Reloaded")),
             qPrintable(w->statusBar()->currentMessage()));
    // The reload is a step of the history: Undo gives back the text it replaced, now unsaved.
    w->editor()->undoStack()->undo();
    QCOMPARE(w->editor()->document().bytes(), m_article);
    QVERIFY(w->isModified());
    w->editor()->undoStack()->redo();
    QVERIFY(!w->isModified());

    // Replaced by a rename (the watch has to move to the new file), twice in a row.
    const QByteArray third = edited(m_article, QStringLiteral("author"), QStringLiteral("Three"));
    QVERIFY(replaceByRename(m_path, third));
    QTRY_COMPARE(w->editor()->document().bytes(), third);
    const QByteArray fourth = edited(m_article, QStringLiteral("author"), QStringLiteral("Four"));
    QVERIFY(replaceByRename(m_path, fourth));
    QTRY_COMPARE(w->editor()->document().bytes(), fourth);
    QVERIFY(m_asked.isEmpty());

    // Our own save changes nothing and asks nothing; a change after it is still seen.
    typeInto(w->editor()->form()->control(QStringLiteral("author")), QStringLiteral("Five"));
    QVERIFY(w->save());
    const QByteArray saved = testutil::readAll(m_path);
    const QByteArray sixth = edited(m_article, QStringLiteral("author"), QStringLiteral("Six"));
    QVERIFY(testutil::writeAll(m_path, sixth));
    QTRY_COMPARE(w->editor()->document().bytes(), sixth);
    QVERIFY(m_asked.isEmpty());
    QVERIFY(saved.contains("author: Five\n"));
}

void TestLostWork::diskChangeWithEdits_data()
{
    QTest::addColumn<QList<Prompts::DiskChoice>>("answers");
    using C = Prompts::DiskChoice;
    QTest::newRow("reload") << QList<C>{C::Reload};
    QTest::newRow("keep mine") << QList<C>{C::KeepMine};
    QTest::newRow("compare, then keep mine") << QList<C>{C::Compare, C::KeepMine};
    QTest::newRow("compare, then reload") << QList<C>{C::Compare, C::Reload};
}

void TestLostWork::diskChangeWithEdits()
{
    QFETCH(QList<Prompts::DiskChoice>, answers);
    const bool reload = answers.last() == Prompts::DiskChoice::Reload;
    const bool compare = answers.first() == Prompts::DiskChoice::Compare;
    MainWindow* w = openArticle(m_article);
    QVERIFY(w);
    typeInto(w->editor()->form()->control(QStringLiteral("author")), QStringLiteral("Mine"));
    const QByteArray mine = w->editor()->document().bytes();
    const QByteArray theirs =
        edited(m_article, QStringLiteral("subject"), QStringLiteral("Theirs"));
    m_diskAnswers = answers;
    QVERIFY(testutil::writeAll(m_path, theirs));
    QTRY_COMPARE(m_asked.size(), int(answers.size()));
    QCOMPARE(m_asked, QStringList(answers.size(), QStringLiteral("disk:article.md")));
    if (compare) {
        QCOMPARE(m_diffs.size(), 1);
        QVERIFY(m_diffs.first().contains(QLatin1String("\n-subject: Theirs\n")));
        QVERIFY(m_diffs.first().contains(QLatin1String("\n+author: Mine\n")));
    } else {
        QVERIFY(m_diffs.isEmpty());
    }
    QCOMPARE(testutil::readAll(m_path), theirs);
    if (reload) {
        QCOMPARE(w->editor()->document().bytes(), theirs);
        QVERIFY(!w->isModified());
        w->editor()->undoStack()->undo(); // mine are one Undo away
        QCOMPARE(w->editor()->document().bytes(), mine);
        QVERIFY(w->isModified());
        return;
    }
    // Kept: the edits stay, and the next save overwrites theirs without asking again.
    QCOMPARE(w->editor()->document().bytes(), mine);
    QVERIFY(w->isModified());
    m_asked.clear();
    QVERIFY(w->save());
    QVERIFY(m_asked.isEmpty());
    QCOMPARE(testutil::readAll(m_path), mine);
}

void TestLostWork::deletedOnDiskKeepsContent_data()
{
    QTest::addColumn<bool>("rename");
    QTest::addColumn<bool>("edit");
    QTest::newRow("deleted") << false << false;
    QTest::newRow("deleted with edits") << false << true;
    QTest::newRow("renamed with edits") << true << true;
}

void TestLostWork::deletedOnDiskKeepsContent()
{
    QFETCH(bool, rename);
    QFETCH(bool, edit);
    MainWindow* w = openArticle(m_article);
    QVERIFY(w);
    if (edit)
        typeInto(w->editor()->form()->control(QStringLiteral("author")), QStringLiteral("Gus"));
    const QByteArray content = w->editor()->document().bytes();
    if (rename)
        QVERIFY(QFile::rename(m_path, m_dir->filePath(QStringLiteral("moved.md"))));
    else
        QVERIFY(QFile::remove(m_path));
    QTRY_VERIFY(w->isMissingOnDisk());
    QCOMPARE(w->windowTitle(), QStringLiteral("article.md (deleted on disk)[*] \u2014 Frontis"));
    QVERIFY(w->isWindowModified());
    QVERIFY(w->isModified());
    QVERIFY(w->statusBar()->currentMessage().contains(QLatin1String("deleted or renamed")));
    QCOMPARE(w->editor()->document().bytes(), content);
    QCOMPARE(w->filePath(), m_path);
    QVERIFY(m_asked.isEmpty());
    // Its text is kept for recovery too: nothing on disk holds it now.
    QTRY_VERIFY_WITH_TIMEOUT(kept() && kept()->bytes == content, JournalTimeoutMs);

    // Save writes it back, where it was.
    QVERIFY(w->save());
    QCOMPARE(testutil::readAll(m_path), content);
    QVERIFY(!w->isMissingOnDisk());
    QVERIFY(!w->isModified());
    QCOMPARE(w->windowTitle(), QStringLiteral("article.md[*] \u2014 Frontis"));
    QVERIFY(!kept());
    QVERIFY(m_asked.isEmpty());

    // And it is watched again.
    const QByteArray later = edited(content, QStringLiteral("author"), QStringLiteral("Later"));
    QVERIFY(testutil::writeAll(m_path, later));
    QTRY_COMPARE(w->editor()->document().bytes(), later);
}

void TestLostWork::saveRefusedWhenDiskChanged_data()
{
    QTest::addColumn<bool>("raw");
    QTest::addColumn<Prompts::OverwriteChoice>("answer");
    using C = Prompts::OverwriteChoice;
    QTest::newRow("form, cancel") << false << C::Cancel;
    QTest::newRow("form, overwrite") << false << C::Overwrite;
    QTest::newRow("form, reload") << false << C::Reload;
    QTest::newRow("raw view, cancel") << true << C::Cancel;
    QTest::newRow("raw view, overwrite") << true << C::Overwrite;
}

void TestLostWork::saveRefusedWhenDiskChanged()
{
    QFETCH(bool, raw);
    QFETCH(Prompts::OverwriteChoice, answer);
    const QByteArray broken = "---\ntitle: fine\nseo: [unclosed\nauthor: x\n---\n\nbody\n";
    MainWindow* w = openArticle(raw ? broken : m_article);
    QVERIFY(w);
    QCOMPARE(w->mode(), raw ? MainWindow::Mode::Raw : MainWindow::Mode::Form);
    QByteArray mine;
    if (raw) {
        w->rawView()->editor()->moveCursor(QTextCursor::End);
        w->rawView()->editor()->insertPlainText(QStringLiteral("more body\n"));
        mine = w->rawView()->bytes();
    } else {
        typeInto(w->editor()->form()->control(QStringLiteral("author")), QStringLiteral("Mine"));
        mine = w->editor()->document().bytes();
    }
    QVERIFY(w->isModified());
    const QByteArray theirs =
        raw ? QByteArray(broken + "their line\n")
            : edited(m_article, QStringLiteral("subject"), QStringLiteral("Theirs"));
    QSignalSpy watched(w->fileWatch(), &FileWatch::changed);
    // Changed on disk, and saved before the window has seen the change.
    QVERIFY(testutil::writeAll(m_path, theirs));
    m_overwriteAnswer = answer;
    const bool saved = w->save();
    QCOMPARE(m_asked, QStringList{QStringLiteral("overwrite:article.md")});
    const QByteArray now = raw ? w->rawView()->bytes() : w->editor()->document().bytes();
    switch (answer) {
    case Prompts::OverwriteChoice::Cancel:
        QVERIFY(!saved);
        QCOMPARE(testutil::readAll(m_path), theirs);
        QCOMPARE(now, mine);
        QVERIFY(w->isModified());
        break;
    case Prompts::OverwriteChoice::Overwrite:
        QVERIFY(saved);
        QCOMPARE(testutil::readAll(m_path), mine);
        QVERIFY(!w->isModified());
        break;
    case Prompts::OverwriteChoice::Reload:
        QVERIFY(!saved);
        QCOMPARE(testutil::readAll(m_path), theirs);
        QCOMPARE(now, theirs);
        QVERIFY(!w->isModified());
        w->editor()->undoStack()->undo();
        QCOMPARE(w->editor()->document().bytes(), mine);
        break;
    }
    // When the watch reports the change, the writer has already decided about it: no second
    // question.
    QTRY_VERIFY(!watched.isEmpty());
    QCoreApplication::processEvents();
    QCOMPARE(m_asked.size(), 1);
}

void TestLostWork::readOnlyFileRefusesAndKeepsEdits_data()
{
    QTest::addColumn<bool>("raw");
    QTest::newRow("form") << false;
    QTest::newRow("raw view") << true;
}

void TestLostWork::readOnlyFileRefusesAndKeepsEdits()
{
    QFETCH(bool, raw);
    const QByteArray broken = "---\ntitle: fine\nseo: [unclosed\nauthor: x\n---\n\nbody\n";
    const QByteArray original = raw ? broken : m_article;
    MainWindow* w = openArticle(original);
    QVERIFY(w);
    QVERIFY(QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::ReadGroup |
                                              QFileDevice::ReadOther));
    QByteArray mine;
    if (raw) {
        w->rawView()->editor()->moveCursor(QTextCursor::End);
        w->rawView()->editor()->insertPlainText(QStringLiteral("more body\n"));
        mine = w->rawView()->bytes();
    } else {
        typeInto(w->editor()->form()->control(QStringLiteral("author")), QStringLiteral("Hal"));
        mine = w->editor()->document().bytes();
    }
    QVERIFY(!w->save());
    // Told what happened and what to do, with Save As offered.
    QCOMPARE(m_asked.size(), 1);
    const QString message = m_asked.first();
    QVERIFY2(message.startsWith(QLatin1String("saveAs?:")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("read-only")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("Save As")), qPrintable(message));
    // Nothing written, nothing lost.
    QCOMPARE(testutil::readAll(m_path), original);
    QVERIFY(w->isModified());
    QVERIFY(w->isWindowModified());
    QCOMPARE(raw ? w->rawView()->bytes() : w->editor()->document().bytes(), mine);
    QTRY_VERIFY_WITH_TIMEOUT(kept() && kept()->bytes == mine, JournalTimeoutMs);
}

QTEST_MAIN(TestLostWork)
#include "tst_lostwork.moc"

// A body article (a Hugo page, CRLF): the text typed into the body is journalled, restored byte
// for byte after a crash and saved with the file's line endings; a change of the body on disk
// reloads without edits and asks with them.
void TestLostWork::bodyArticleKeepsRestoresAndReloads()
{
    const QByteArray article = "---\r\ntitle: Body\r\ndate: 2024-01-05\r\n---\r\nFirst line.\r\n";
    MainWindow* w = openArticle(article, QStringLiteral("post.md"));
    QVERIFY(w);
    MarkdownEditor* text = w->editor()->textEditor();
    QCOMPARE(text->toPlainText(), QStringLiteral("First line.\n"));
    text->setFocus();
    text->moveCursor(QTextCursor::End);
    QTest::keyClicks(text, QStringLiteral("Second line."));
    const QByteArray mine =
        "---\r\ntitle: Body\r\ndate: 2024-01-05\r\n---\r\nFirst line.\r\nSecond line.";
    QTRY_COMPARE(w->editor()->document().bytes(), mine);
    QTRY_VERIFY_WITH_TIMEOUT(kept() && kept()->bytes == mine, JournalTimeoutMs);
    QCOMPARE(testutil::readAll(m_path), article);
    delete w; // gone without closing, as in a crash

    // Reopened: offered and restored; the body shows the kept text and saves it.
    m_recoverAnswers = {Prompts::RecoveryChoice::Restore};
    w = MainWindow::open(m_path);
    QVERIFY(w);
    QTRY_COMPARE(m_asked, QStringList{QStringLiteral("recover:post.md")});
    QCOMPARE(w->editor()->document().bytes(), mine);
    QCOMPARE(w->editor()->textEditor()->toPlainText(), QStringLiteral("First line.\nSecond line."));
    QVERIFY(w->isModified());
    QVERIFY(w->save());
    QCOMPARE(testutil::readAll(m_path), mine);
    QVERIFY(!kept());
    m_asked.clear();

    // Another program changes the body: without edits the window reloads it.
    const QByteArray theirs = "---\r\ntitle: Body\r\ndate: 2024-01-05\r\n---\r\nTheirs.\r\n";
    QVERIFY(testutil::writeAll(m_path, theirs));
    QTRY_COMPARE(w->editor()->textEditor()->toPlainText(), QStringLiteral("Theirs.\n"));
    QVERIFY(!w->isModified());
    QVERIFY(m_asked.isEmpty());

    // With edits, it asks; keeping mine leaves the typed body in the window.
    w->editor()->textEditor()->moveCursor(QTextCursor::End);
    QTest::keyClicks(w->editor()->textEditor(), QStringLiteral("Mine."));
    m_diskAnswers = {Prompts::DiskChoice::KeepMine};
    QVERIFY(testutil::writeAll(m_path, article));
    QTRY_COMPARE(m_asked, QStringList{QStringLiteral("disk:post.md")});
    QCOMPARE(w->editor()->textEditor()->toPlainText(), QStringLiteral("Theirs.\nMine."));
    QVERIFY(w->isModified());
}
