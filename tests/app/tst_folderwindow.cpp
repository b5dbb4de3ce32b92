#include "../model/generatefolder.h"
#include "../model/testutil.h"
#include "app/folderdocks.h"
#include "app/folderprompts.h"
#include "app/foldersession.h"
#include "app/mainwindow.h"
#include "app/newarticledialog.h"
#include "app/prompts.h"
#include "app/schemaoffer.h"
#include "editor/articleeditor.h"
#include "editor/folder/articlefiltermodel.h"
#include "editor/folder/articlelistmodel.h"
#include "editor/folder/folderpanel.h"
#include "editor/form/fieldform.h"
#include "editor/problems/problemsmodel.h"
#include "editor/problems/problemsview.h"
#include "editor/rawview.h"
#include "editor/text/markdowneditor.h"
#include "model/schema/schema.h"
#include "model/schema/schemainfer.h"
#include "model/schema/validator.h"
#include "model/yaml/document.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QWheelEvent>

using namespace frontis;
using namespace Qt::StringLiterals;
using frontis::testing::GeneratedFolder;

// The window with a content folder open: Open Folder, the list opening articles, the Problems
// view opening an article at its field, New Article, subjects in the form, and the start-up.
class TestFolderWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    GeneratedFolder m_folder;
    QString m_chosenFolder;
    QStringList m_warnings;
    std::optional<FolderPrompts::NewArticleAnswer> m_newAnswer;
    QString m_proposed;          // what New Article proposed for the answer's question and subject
    NewArticleDialog::Ask m_ask; // what New Article last asked for
    QByteArray m_shownSchema;    // what Create Schema showed
    bool m_acceptSchema = false;

    static QByteArray readAll(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static QAction* action(MainWindow* w, const char* name)
    {
        return w->findChild<QAction*>(QString::fromLatin1(name));
    }

    static void waitIndexed()
    {
        FolderIndexer& indexer = FolderSession::instance().indexer();
        QTRY_VERIFY_WITH_TIMEOUT(!indexer.isBusy(), 30000);
    }

    // Opens the article at `path` from the window's list, as a writer does: filter, Enter.
    static void openFromList(MainWindow* w, const QString& path)
    {
        FolderPanel* panel = w->folderDocks()->panel();
        const ArticleSummary* s = FolderSession::instance().index().article(path);
        QVERIFY(s);
        panel->filterEdit()->setText(s->title);
        QCOMPARE(panel->filterModel()->rowCount(), 1);
        QTest::keyClick(panel->filterEdit(), Qt::Key_Return);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("FrontisTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_folderwindow"));
        QSettings().clear();
        m_folder = frontis::testing::generateFolder(m_tmp.path() + QStringLiteral("/site"), 240, 5);
        QCOMPARE(m_folder.articles, 240);
        FolderSession::instance().indexer().setCacheFolder(m_tmp.path() + QStringLiteral("/cache"));
        FolderSession::instance().indexer().setDelay(50);

        Prompts& p = Prompts::instance();
        p.askUnsaved = [](QWidget*, const QString&) { return Prompts::Choice::Discard; };
        p.warn = [this](QWidget*, const QString& title, const QString& text) {
            m_warnings << title + QLatin1Char('|') + text;
        };
        p.askRecover = [](QWidget*, const QString&, const QString&) {
            return Prompts::RecoveryChoice::Discard;
        };
        FolderPrompts& f = FolderPrompts::instance();
        f.chooseFolder = [this](QWidget*, const QString&) { return m_chosenFolder; };
        f.confirmSchema = [this](QWidget*, const QString&, const QByteArray& yaml) {
            m_shownSchema = yaml;
            return m_acceptSchema;
        };
        f.askNewArticle = [this](QWidget*, const NewArticleDialog::Ask& ask,
                                 const NewArticleDialog::Proposal& proposal,
                                 const NewArticleDialog::FileName&)
            -> std::optional<FolderPrompts::NewArticleAnswer> {
            m_ask = ask;
            if (!m_newAnswer)
                return std::nullopt;
            // The schema's subjects are offered besides the folder's.
            if (ask.subject && !ask.subjects.contains(QStringLiteral("Engineering")))
                return std::nullopt;
            FolderPrompts::NewArticleAnswer a = *m_newAnswer;
            m_proposed = proposal(a.question, a.subject);
            if (a.path.isEmpty())
                a.path = m_proposed;
            return a;
        };
    }

    void cleanup()
    {
        for (MainWindow* w : MainWindow::windows())
            w->close();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QVERIFY(MainWindow::windows().isEmpty());
        m_warnings.clear();
    }

    void openFolderFromTheMenu()
    {
        FolderSession::instance().close();
        auto* w = new MainWindow;
        w->show();
        FolderDocks* docks = w->folderDocks();
        QVERIFY(!docks->articlesDock()->isVisible());
        QVERIFY(action(w, "newArticle"));
        QCOMPARE(action(w, "newArticle")->shortcut(), QKeySequence(QKeySequence::New));

        m_chosenFolder.clear(); // cancelled: nothing happens
        action(w, "openFolder")->trigger();
        QVERIFY(!FolderSession::instance().isOpen());
        m_chosenFolder = m_folder.root;
        action(w, "openFolder")->trigger();
        QVERIFY(FolderSession::instance().isOpen());
        QVERIFY(docks->articlesDock()->isVisible());
        QVERIFY(docks->articlesDock()->windowTitle().contains(QStringLiteral("site")));
        waitIndexed();
        QCOMPARE(docks->panel()->filterModel()->rowCount(), 240);
        QVERIFY(!docks->progressLabel()->isVisible());
        QCOMPARE(docks->panel()->choiceBox()->count(), m_folder.subjectCounts.size() + 1);
        // The Problems view lists what the generator planted, files grouped.
        ProblemsModel* problems = FolderSession::instance().problems();
        QCOMPARE(problems->errorCount(), m_folder.expectedErrors());
        QCOMPARE(problems->warningCount(), m_folder.expectedWarnings());
        QCOMPARE(problems->rowCount(), m_folder.problemArticles());
        QVERIFY(docks->problemsDock()->windowTitle().contains(
            QString::number(m_folder.expectedErrors() + m_folder.expectedWarnings())));
        QCOMPARE(QSettings().value(QStringLiteral("folder/last")).toString(), m_folder.root);
    }

    void listOpensArticles()
    {
        QVERIFY(FolderSession::instance().open(m_folder.root));
        waitIndexed();
        auto* w = new MainWindow;
        w->show();
        const QString first = m_folder.files.at(10);
        const QString second = m_folder.files.at(11);
        const QString third = m_folder.files.at(12);

        openFromList(w, first); // an empty window takes it
        QCOMPARE(MainWindow::windows().size(), 1);
        QCOMPARE(w->filePath(), first);
        QCOMPARE(w->folderDocks()
                     ->panel()
                     ->view()
                     ->currentIndex()
                     .data(ArticleListModel::PathRole)
                     .toString(),
                 first);

        openFromList(w, second); // no unsaved changes: the next article takes its place
        QCOMPARE(MainWindow::windows().size(), 1);
        QCOMPARE(w->filePath(), second);

        // With unsaved changes the window keeps its article; the next opens beside it.
        QVERIFY(!w->editor()->form()->apply(FieldEdit{QStringLiteral("author"),
                                                      {QStringLiteral("author")},
                                                      QStringLiteral("Someone"),
                                                      false,
                                                      {}}));
        QVERIFY(w->isModified());
        openFromList(w, third);
        QCOMPARE(MainWindow::windows().size(), 2);
        QCOMPARE(w->filePath(), second);
        MainWindow* other = MainWindow::windowFor(third);
        QVERIFY(other && other != w);
        // An article open anywhere is raised, not opened twice.
        openFromList(w, third);
        QCOMPARE(MainWindow::windows().size(), 2);
    }

    void problemOpensTheArticleAtTheField()
    {
        QVERIFY(FolderSession::instance().open(m_folder.root));
        waitIndexed();
        auto* w = new MainWindow;
        w->show();
        QVERIFY(QTest::qWaitForWindowActive(w));
        FolderDocks* docks = w->folderDocks();
        docks->problemsDock()->raise();
        const QString duplicate = m_folder.duplicateIds.first().second;
        ProblemsModel* problems = FolderSession::instance().problems();
        const QModelIndex file = problems->fileIndex(duplicate);
        QVERIFY(file.isValid());
        const QModelIndex problem = problems->index(0, 0, file);
        QCOMPARE(problems->diagnostic(problem)->rule, QStringLiteral("duplicate-id"));
        // Naming the other file of the pair.
        QVERIFY(problems->diagnostic(problem)->message.contains(
            QFileInfo(m_folder.duplicateIds.first().first).fileName()));
        QTreeView* view = docks->problemsView()->view();
        // Activated as Enter or a double click would (a mouse click on a tabified dock is not
        // reliable on every offscreen platform plugin: it failed with Qt 6.8).
        view->setCurrentIndex(problem);
        Q_EMIT view->activated(problem);
        QTRY_COMPARE(w->filePath(), duplicate);
        QCOMPARE(w->mode(), MainWindow::Mode::Form);
        QWidget* id = w->editor()->form()->control(QStringLiteral("id"));
        QVERIFY(id);
        QTRY_VERIFY(id->hasFocus());

        // A missing field: the form's (empty) input for it.
        const QString noAuthor = m_folder.missingAuthor.first();
        const QModelIndex missing = problems->index(0, 0, problems->fileIndex(noAuthor));
        QCOMPARE(problems->diagnostic(missing)->key, QStringLiteral("author"));
        QCOMPARE(docks->openProblem(noAuthor, *problems->diagnostic(missing)), w);
        QTRY_VERIFY(w->editor()->form()->control(QStringLiteral("author"))->hasFocus());
    }

    void problemInFrontMatterThatDoesNotParseOpensAtItsLine()
    {
        // An unclosed flow list on line 4 of a file in the folder.
        const QString broken = m_folder.root + QStringLiteral("/broken.md");
        QVERIFY(testutil::writeAll(broken, "---\nid: 99999\ntitle: Broken\ntags: [a, b\n"
                                           "author: Jo\n---\n&nbsp;\n"));
        QVERIFY(FolderSession::instance().open(m_folder.root));
        FolderSession::instance().indexer().refresh();
        waitIndexed();
        ProblemsModel* problems = FolderSession::instance().problems();
        const QModelIndex file = problems->fileIndex(broken);
        QVERIFY(file.isValid());
        const Diagnostic problem = *problems->diagnostic(problems->index(0, 0, file));
        QVERIFY2(problem.line >= 4, qPrintable(problem.message));

        // Already open with the cursor elsewhere: the click still takes it to the error.
        auto* w = new MainWindow;
        w->show();
        QVERIFY(w->openFile(broken));
        QCOMPARE(w->mode(), MainWindow::Mode::Raw);
        QPlainTextEdit* text = w->rawView()->editor();
        text->moveCursor(QTextCursor::Start);
        QTreeView* view = w->folderDocks()->problemsView()->view();
        view->setCurrentIndex(problems->index(0, 0, file));
        Q_EMIT view->activated(problems->index(0, 0, file));
        QCOMPARE(text->textCursor().blockNumber() + 1, problem.line);
        QTRY_VERIFY(text->hasFocus());

        w->close();
        QVERIFY(QFile::remove(broken));
        FolderSession::instance().indexer().refresh();
        waitIndexed();
        QVERIFY(!problems->fileIndex(broken).isValid());
    }

    void newArticleIsWrittenWhereItsSubjectLives()
    {
        // Started while the folder is still being read for the first time: the next id waits
        // for every article.
        FolderSession::instance().close();
        QVERIFY(QFile::remove(
            ArticleIndex::cacheFile(m_folder.root, m_tmp.path() + QStringLiteral("/cache"))));
        QVERIFY(FolderSession::instance().open(m_folder.root));
        QVERIFY(FolderSession::instance().indexer().isBusy());
        auto* w = new MainWindow;
        w->show();
        const qint64 highest = m_folder.highestId;
        m_newAnswer = FolderPrompts::NewArticleAnswer{
            QStringLiteral("How do vaccines train the immune system?"), QStringLiteral("Biology"),
            QString()};
        action(w, "newArticle")->trigger();
        const QString expected = m_folder.subjectFolders.value(QStringLiteral("Biology")) +
                                 QStringLiteral("/how-do-vaccines-train-the-immune-system.md");
        QCOMPARE(m_proposed, expected);
        QVERIFY(m_ask.question && m_ask.subject);
        QVERIFY2(m_warnings.isEmpty(), qPrintable(m_warnings.join(QLatin1Char('\n'))));
        QVERIFY(QFile::exists(expected));
        QCOMPARE(w->filePath(), expected);
        QCOMPARE(w->mode(), MainWindow::Mode::Form);
        QVERIFY(!w->isModified());
        QCOMPARE(w->editor()->textEditor()->textCursor().selectedText(),
                 w->editor()->textEditor()->toPlainText()); // the placeholder, ready to type over

        const QByteArray bytes = readAll(expected);
        const Result<Document> doc = Document::fromBytes(bytes);
        QVERIFY(doc);
        QCOMPARE(doc->find({QStringLiteral("id")})->text, QString::number(highest + 1));
        QCOMPARE(doc->find({QStringLiteral("date")})->text,
                 QDate::currentDate().toString(Qt::ISODate));
        for (const Diagnostic& d :
             Validator(*Schema::builtIn(QStringLiteral("quicktakes"))).validate(doc.value()))
            QVERIFY2(!d.isError(), qPrintable(d.format(expected)));
        QVERIFY(bytes.endsWith("score: -1.0\n\n---\n\n&nbsp;"));
        // The list shows it once the folder has been looked at again.
        QTRY_VERIFY_WITH_TIMEOUT(FolderSession::instance().index().article(expected), 10000);
        QTRY_COMPARE(FolderSession::instance().index().highestId(), highest + 1);

        // Asked again with the same question, nothing is overwritten.
        action(w, "newArticle")->trigger();
        QCOMPARE(m_warnings.size(), 1);
        QVERIFY(m_warnings.first().contains(QStringLiteral("exists")));
        QCOMPARE(readAll(expected), bytes);
        m_newAnswer.reset();
        QVERIFY(QFile::remove(expected));
    }

    // A folder of body articles on the generic schema (a Hugo or Jekyll site): New Article asks
    // for the title alone, writes title and today's date with an empty body, and the writer
    // types the body and saves it.
    void newArticleOnABodySite()
    {
        const QString site = m_tmp.path() + QStringLiteral("/hugo");
        QVERIFY(QDir().mkpath(site + QStringLiteral("/posts")));
        QVERIFY(
            testutil::writeAll(site + QStringLiteral("/posts/first.md"),
                               "---\ntitle: First\ndate: 2024-01-05\ntags: [go]\n---\n# First\n"));
        FolderSession::instance().close();
        QVERIFY(FolderSession::instance().open(site));
        waitIndexed();
        auto* w = new MainWindow;
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        m_newAnswer = FolderPrompts::NewArticleAnswer{QStringLiteral("Second post"), QString(),
                                                      site + QStringLiteral("/posts/second.md")};
        action(w, "newArticle")->trigger();
        m_newAnswer.reset();
        QVERIFY2(m_warnings.isEmpty(), qPrintable(m_warnings.join(QLatin1Char('\n'))));
        QVERIFY(!m_ask.question);
        QVERIFY(!m_ask.subject);
        const QString path = site + QStringLiteral("/posts/second.md");
        const QByteArray today = QDate::currentDate().toString(Qt::ISODate).toUtf8();
        QCOMPARE(readAll(path), "---\ntitle: Second post\ndate: " + today + "\n---\n");
        QCOMPARE(w->filePath(), path);
        MarkdownEditor* text = w->editor()->textEditor();
        QVERIFY(text->hasFocus());
        QCOMPARE(text->toPlainText(), QString());
        QTest::keyClicks(text, QStringLiteral("Hello from Frontis."));
        QVERIFY(w->isModified());
        QVERIFY(w->save());
        QCOMPARE(readAll(path),
                 "---\ntitle: Second post\ndate: " + today + "\n---\nHello from Frontis.");
        w->close();
        FolderSession::instance().close();
        QVERIFY(FolderSession::instance().open(m_folder.root));
        waitIndexed();
    }

    // A CloudCannon site (read from a copy) whose articles say `_schema: default` for a schema of
    // their own fails QuickTakes; the bar above the list offers a schema written from them, shows
    // it, writes it only when accepted, and the articles then pass.
    void schemaOfferWritesTheInferredSchema()
    {
        const QString source = QStringLiteral(FRONTIS_SHARED_DIR) +
                               u"/corpus/real/CloudCannon__sendit-astro-template"_s;
        if (!QFileInfo::exists(source))
            QSKIP("../shared/corpus/real is not there");
        const QString site = m_tmp.path() + QStringLiteral("/sendit");
        QVERIFY(QDir().mkpath(site));
        for (const QString& name : QDir(source).entryList({u"*.md"_s}, QDir::Files)) {
            QVERIFY(testutil::copyWritable(source + u'/' + name, site + u'/' + name));
        }
        FolderSession::instance().close();
        QVERIFY(FolderSession::instance().open(site));
        waitIndexed();
        auto* w = new MainWindow;
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        FolderDocks* docks = w->findChild<FolderDocks*>();
        QVERIFY(docks);
        SchemaOffer* offer = docks->schemaOffer();
        QTRY_VERIFY(offer->isVisible());
        const int articles = FolderSession::instance().index().totals().articles;
        QCOMPARE(articles, 13); // and three files that are not articles (no front matter)
        QVERIFY(FolderSession::instance().index().totals().errors > 0);
        QCOMPARE(offer->createButton()->text().remove(u'&'),
                 u"Create a schema from these 13 articles\u2026"_s);
        QVERIFY2(
            offer->label()->text().contains(u"errors against the \u201cquicktakes\u201d schema"_s),
            qPrintable(offer->label()->text()));

        // Declined: shown, nothing written, still offered.
        const QString path = site + QStringLiteral("/.frontis/schemas/default.yml");
        m_acceptSchema = false;
        QVERIFY(!offer->create());
        QVERIFY(m_shownSchema.contains("name: default"));
        QVERIFY(!QFileInfo::exists(path));
        QVERIFY(offer->isVisible());

        // Accepted: written as shown; the folder is checked again and passes.
        m_acceptSchema = true;
        QVERIFY(offer->create());
        QCOMPARE(readAll(path), m_shownSchema);
        QCOMPARE(m_shownSchema, SchemaInference::fromFolder(site).yaml);
        QVERIFY(!offer->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(FolderSession::instance().index().totals().errors, 0, 20000);
        waitIndexed();
        QVERIFY(!offer->isVisible()); // the folder has its schema now

        w->close();
        FolderSession::instance().close();
        QVERIFY(FolderSession::instance().open(m_folder.root));
        waitIndexed();
    }

    // The generated QuickTakes folder fits its schema: no offer there.
    void noOfferWhereTheSchemaFits()
    {
        // articles, on the generic schema, others with errors
        QVERIFY(!SchemaOffer::folderWants(m_folder.root, {240, 0, 20}));
        QVERIFY(SchemaOffer::folderWants(m_folder.root, {240, 240, 0}));
        QVERIFY(SchemaOffer::folderWants(m_folder.root, {13, 10, 2})); // SendIt: 10 with none
        QVERIFY(SchemaOffer::folderWants(m_folder.root, {60, 0, 31}));
        QVERIFY(!SchemaOffer::folderWants(m_folder.root, {60, 0, 30}));
        QVERIFY(!SchemaOffer::folderWants(m_folder.root, {0, 0, 0}));
        QVERIFY(!SchemaOffer::folderWants(m_folder.root + u"/nowhere"_s, {0, 0, 0}));
        // A folder with a schema of its own is never offered one.
        const QString own = m_tmp.path() + u"/own"_s;
        QVERIFY(QDir().mkpath(own + u"/.frontis/schemas"_s));
        QVERIFY(!SchemaOffer::folderWants(own, {10, 10, 0}));
    }

    void newArticleDialogProposesAndGuards()
    {
        const QString folder = m_tmp.path() + QStringLiteral("/dialog");
        QVERIFY(QDir().mkpath(folder));
        QFile taken(folder + QStringLiteral("/taken.md"));
        QVERIFY(taken.open(QIODevice::WriteOnly));
        taken.close();
        NewArticleDialog dialog(
            {true, true, {QStringLiteral("Biology"), QStringLiteral("Physics")}},
            [&](const QString& q, const QString& s) {
                return folder + QLatin1Char('/') + s.toLower() + QLatin1Char('-') + slug(q) +
                       QStringLiteral(".md");
            },
            [](const QString& q, const QString&) { return slug(q) + QStringLiteral(".md"); });
        QPushButton* create = dialog.buttons()->button(QDialogButtonBox::Ok);
        QVERIFY(!create->isEnabled()); // no question yet
        QCOMPARE(dialog.subjectBox()->count(), 2);
        // The wheel over the subject box, which has no focus, changes no choice (issue 16).
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.questionEdit()->setFocus();
        const QString chosen = dialog.subjectBox()->currentText();
        for (const int delta : {-120, -120, 120}) {
            QWheelEvent wheel(QPointF(5, 5), dialog.subjectBox()->mapToGlobal(QPointF(5, 5)),
                              QPoint(), QPoint(0, delta), Qt::NoButton, Qt::NoModifier,
                              Qt::NoScrollPhase, false);
            QApplication::sendEvent(dialog.subjectBox(), &wheel);
        }
        QCOMPARE(dialog.subjectBox()->currentText(), chosen);
        dialog.subjectBox()->setCurrentText(QStringLiteral("Physics"));
        QTest::keyClicks(dialog.questionEdit(), QStringLiteral("Why  is ice slippery? "));
        QVERIFY(create->isEnabled());
        QCOMPARE(dialog.question(), QStringLiteral("Why is ice slippery?"));
        QCOMPARE(dialog.path(), folder + QStringLiteral("/physics-why-is-ice-slippery.md"));
        QVERIFY(
            dialog.pathEdit()->text().endsWith(QStringLiteral("physics-why-is-ice-slippery.md")));
        QVERIFY(dialog.pathProblem()->isHidden());
        dialog.setFolder(m_tmp.path());
        QCOMPARE(dialog.path(), m_tmp.path() + QStringLiteral("/why-is-ice-slippery.md"));
        dialog.setFolder(folder);
        dialog.questionEdit()->setText(QStringLiteral("Taken"));
        QVERIFY(!create->isEnabled()); // a file of that name is there
        QVERIFY(!dialog.pathProblem()->isHidden());
        QVERIFY(dialog.pathProblem()->text().contains(QStringLiteral("exists")));
    }

    void formOffersTheFoldersSubjects()
    {
        // An article with a subject the schema does not list.
        const QString odd = m_folder.root + QStringLiteral("/odd.md");
        QByteArray bytes = readAll(m_folder.files.first());
        bytes.replace("\nsubject: ", "\nsubject: Astronomy\nx_was: ");
        QFile f(odd);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        QVERIFY(FolderSession::instance().open(m_folder.root));
        FolderSession::instance().indexer().refresh();
        QTRY_VERIFY_WITH_TIMEOUT(
            FolderSession::instance().subjects().contains(QStringLiteral("Astronomy")), 10000);
        auto* w = new MainWindow;
        w->show();
        QVERIFY(w->openFile(m_folder.files.at(3)));
        auto* subject =
            qobject_cast<QComboBox*>(w->editor()->form()->control(QStringLiteral("subject")));
        QVERIFY(subject);
        QVERIFY(subject->findText(QStringLiteral("Astronomy")) >= 0);
        QVERIFY(subject->findText(QStringLiteral("Biology")) >= 0);
        QCOMPARE(subject->findText(QStringLiteral("Biology")),
                 subject->findText(QStringLiteral("Biology"), Qt::MatchFixedString)); // once
        // The article's own value is untouched.
        QVERIFY(!w->isModified());
        QVERIFY(QFile::remove(odd));
    }

    // A `type: reference` field offers the folder's values of its `to` key with their titles,
    // kept current as the index changes; a value no article holds is a warning in the window.
    void referenceOffersTheFoldersArticles()
    {
        const QString site = m_tmp.path() + QStringLiteral("/refs");
        const auto put = [&](const QString& rel, const QByteArray& bytes) {
            QVERIFY(QDir().mkpath(QFileInfo(site + u'/' + rel).absolutePath()));
            QVERIFY(testutil::writeAll(site + u'/' + rel, bytes));
        };
        put(u".frontis/schemas/default.yml"_s, "name: post\nunknown_keys: ignore\nfields:\n"
                                               "  - key: title\n  - key: author\n"
                                               "    type: reference\n    to: slug\n");
        put(u".frontis/schemas/author.yml"_s,
            "name: author\nunknown_keys: ignore\nfields:\n  - key: slug\n");
        put(u"authors/ada.md"_s, "---\n_schema: author\nslug: ada\ntitle: Ada Lovelace\n---\n");
        put(u"authors/alan.md"_s, "---\n_schema: author\nslug: alan\ntitle: Alan Turing\n---\n");
        const QByteArray post = "---\ntitle: On engines\nauthor: ghost # who?\ndraft: true\n---\n"
                                "Text.\n";
        put(u"posts/engines.md"_s, post);
        FolderSession::instance().close();
        QVERIFY(FolderSession::instance().open(site));
        waitIndexed();
        auto* w = new MainWindow;
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        const QString file = site + u"/posts/engines.md"_s;
        QVERIFY(w->openFile(file));
        auto* combo = qobject_cast<QComboBox*>(w->editor()->form()->control(u"author"_s));
        QVERIFY(combo);
        QCOMPARE(combo->count(), 2);
        QCOMPARE(combo->itemData(0).toString(), u"ada"_s);
        QCOMPARE(combo->itemText(0), u"ada \u2014 Ada Lovelace"_s);
        QCOMPARE(combo->itemData(1).toString(), u"alan"_s);
        QCOMPARE(combo->itemText(1), u"alan \u2014 Alan Turing"_s);
        QCOMPARE(combo->currentText(), u"ghost"_s);
        // No article has `slug: ghost`: the window's problems say so at the value.
        const auto referenceWarning = [w] {
            for (const Diagnostic& d : w->editor()->diagnostics()) {
                if (d.rule == u"reference"_s)
                    return d;
            }
            return Diagnostic{};
        };
        const Diagnostic d = referenceWarning();
        QCOMPARE(d.severity, Diagnostic::Severity::Warning);
        QCOMPARE(d.line, 3);
        QCOMPARE(d.column, 9);
        QVERIFY2(d.message.contains(u"'slug: ghost'"_s), qPrintable(d.message));
        // And the folder's Problems list the same.
        const ArticleSummary* summary = FolderSession::instance().index().article(file);
        QVERIFY(summary);
        QCOMPARE(summary->crossFile.size(), 1);
        QCOMPARE(summary->crossFile.first().rule, u"reference"_s);

        // Choosing an article writes its value only: one line of the file changes.
        Q_EMIT combo->activated(1);
        QCOMPARE(w->editor()->document().bytes(),
                 QByteArray(post).replace("author: ghost", "author: alan"));
        w->editor()->validateNow();
        QCOMPARE(referenceWarning().rule, QString());
        QVERIFY(w->save());
        QCOMPARE(readAll(file), QByteArray(post).replace("author: ghost", "author: alan"));

        // A new author appears in the combo once the index has read it.
        put(u"authors/grace.md"_s, "---\n_schema: author\nslug: grace\ntitle: Grace Hopper\n---\n");
        FolderSession::instance().indexer().refresh();
        QTRY_COMPARE_WITH_TIMEOUT(combo->count(), 3, 10000);
        QCOMPARE(combo->itemData(2).toString(), u"grace"_s);
        QTRY_VERIFY_WITH_TIMEOUT(
            FolderSession::instance().index().article(file) &&
                FolderSession::instance().index().article(file)->crossFile.isEmpty(),
            10000);

        w->close();
        FolderSession::instance().close();
        QVERIFY(FolderSession::instance().open(m_folder.root));
        waitIndexed();
    }

    void startUpReopensTheLastFolder()
    {
        FolderSession& session = FolderSession::instance();
        QVERIFY(session.open(m_folder.root));
        QCOMPARE(FolderSession::lastFolder(), m_folder.root);
        // Another start: the last folder comes back when none is named.
        session.close();
        QVERIFY(FolderSession::lastFolder().isEmpty()); // closed by the writer: not reopened
        QSettings().setValue(QStringLiteral("folder/last"), m_folder.root);
        QVERIFY(session.startUp());
        QCOMPARE(session.root(), m_folder.root);
        // A folder named on the command line wins.
        const QString other = m_tmp.path() + QStringLiteral("/other");
        QVERIFY(QDir().mkpath(other));
        QVERIFY(session.startUp(other));
        QCOMPARE(session.root(), other);
        QCOMPARE(FolderSession::lastFolder(), other);
        // A last folder that is gone is not reopened.
        QVERIFY(QDir(other).removeRecursively());
        QVERIFY(FolderSession::lastFolder().isEmpty());
        session.close();
        QVERIFY(!session.startUp());
    }

    void screenshots()
    {
        QVERIFY(FolderSession::instance().open(m_folder.root));
        waitIndexed();
        auto* w = new MainWindow;
        w->resize(1500, 900);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        FolderDocks* docks = w->folderDocks();
        docks->panel()->errorsButton()->click();
        openFromList(w, m_folder.missingAuthor.first());
        docks->panel()->filterEdit()->clear();
        QTest::qWait(100);
        const QString folder = QStringLiteral(FRONTIS_BINARY_DIR "/screenshots");
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(w->grab().save(folder + QStringLiteral("/folder-window.png")));
        docks->problemsDock()->raise();
        QTest::qWait(50);
        QVERIFY(w->grab().save(folder + QStringLiteral("/folder-problems.png")));
        NewArticleDialog dialog(
            {true, true, FolderSession::instance().subjects()},
            [](const QString& q, const QString& s) {
                return QStringLiteral("/home/writer/site/") + slug(s) + QLatin1Char('/') + slug(q) +
                       QStringLiteral(".md");
            },
            [](const QString& q, const QString&) { return slug(q) + QStringLiteral(".md"); });
        dialog.questionEdit()->setText(QStringLiteral("How do vaccines train the immune system?"));
        dialog.subjectBox()->setCurrentText(QStringLiteral("Biology"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.grab().save(folder + QStringLiteral("/new-article.png")));
    }
};

QTEST_MAIN(TestFolderWindow)
#include "tst_folderwindow.moc"
