#include "folderdocks.h"

#include "editor/articleeditor.h"
#include "editor/folder/articlelistmodel.h"
#include "editor/folder/folderpanel.h"
#include "editor/folder/valuesview.h"
#include "editor/form/fieldform.h"
#include "editor/problems/problemsview.h"
#include "editor/rawview.h"
#include "editor/text/markdowneditor.h"
#include "folderprompts.h"
#include "foldersession.h"
#include "mainwindow.h"
#include "model/file/atomicwrite.h"
#include "model/folder/referencecheck.h"
#include "model/schema/newarticle.h"
#include "prompts.h"
#include "schemaoffer.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QEventLoop>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QToolButton>
#include <QTreeView>

namespace frontis {

namespace {

const QString DockWidthKey = QStringLiteral("folder/dockWidth");
// The list's column widths and order, kept per set of columns (a QuickTakes folder and a Hugo
// site show different ones).
QString listHeaderKey(const ArticleListModel& model)
{
    return QStringLiteral("folder/listHeader/") + model.columnKeys().join(QLatin1Char(','));
}
constexpr int DefaultDockWidth = 560;
constexpr int MessageMs = 8000;

// The schema new articles of the folder follow: the one most of its articles name.
struct NewArticleSchema
{
    std::shared_ptr<const Schema> schema;
    QString name;
};

NewArticleSchema schemaForNewArticles(const ArticleIndex& index)
{
    NewArticleSchema out;
    out.name = index.commonSchema();
    out.schema = FolderSession::schemaFor(index.root(), out.name);
    return out;
}

} // namespace

FolderDocks::FolderDocks(MainWindow* window) : QObject(window), m_window(window)
{
    FolderSession& session = FolderSession::instance();
    m_panel = new FolderPanel(session.articles());
    m_schemaOffer = new SchemaOffer;
    m_panel->setBanner(m_schemaOffer);
    m_articlesDock = new QDockWidget(tr("Articles"), window);
    m_articlesDock->setObjectName(QStringLiteral("articlesDock"));
    m_articlesDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    m_articlesDock->setWidget(m_panel);
    const auto restoreHeader = [this] {
        const ArticleListModel& model = *FolderSession::instance().articles();
        m_panel->view()->header()->restoreState(
            QSettings().value(listHeaderKey(model)).toByteArray());
    };
    restoreHeader();
    connect(session.articles(), &ArticleListModel::columnsChanged, this, restoreHeader);
    m_problemsView = new ProblemsView(session.problems());
    m_problemsDock = new QDockWidget(tr("Problems"), window);
    m_problemsDock->setObjectName(QStringLiteral("folderProblemsDock"));
    m_problemsDock->setAllowedAreas(Qt::AllDockWidgetAreas);
    m_problemsDock->setWidget(m_problemsView);
    m_valuesView = new ValuesView;
    m_valuesDock = new QDockWidget(tr("Values"), window);
    m_valuesDock->setObjectName(QStringLiteral("folderValuesDock"));
    m_valuesDock->setAllowedAreas(Qt::AllDockWidgetAreas);
    m_valuesDock->setWidget(m_valuesView);
    window->addDockWidget(Qt::LeftDockWidgetArea, m_articlesDock);
    window->addDockWidget(Qt::LeftDockWidgetArea, m_problemsDock);
    window->addDockWidget(Qt::LeftDockWidgetArea, m_valuesDock);
    window->tabifyDockWidget(m_articlesDock, m_problemsDock);
    window->tabifyDockWidget(m_problemsDock, m_valuesDock);
    m_articlesDock->raise();

    m_newArticle = new QAction(tr("&New Article\u2026"), this);
    m_newArticle->setObjectName(QStringLiteral("newArticle"));
    m_newArticle->setShortcut(QKeySequence::New);
    m_newArticle->setStatusTip(
        tr("Start an article in the open folder from a question or a title"));
    connect(m_newArticle, &QAction::triggered, this, [this] { newArticle(); });
    m_openFolder = new QAction(tr("Open &Folder\u2026"), this);
    m_openFolder->setObjectName(QStringLiteral("openFolder"));
    m_openFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(m_openFolder, &QAction::triggered, this, [this] { openFolder(); });
    m_closeFolder = new QAction(tr("C&lose Folder"), this);
    m_closeFolder->setObjectName(QStringLiteral("closeFolder"));
    connect(m_closeFolder, &QAction::triggered, this, [] { FolderSession::instance().close(); });
    m_refresh = new QAction(tr("&Refresh Folder"), this);
    m_refresh->setObjectName(QStringLiteral("refreshFolder"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    connect(m_refresh, &QAction::triggered, this,
            [] { FolderSession::instance().indexer().refresh(); });

    m_progressLabel = new QLabel(window);
    m_progressBar = new QProgressBar(window);
    m_progressBar->setMaximumWidth(160);
    m_progressBar->setTextVisible(false);
    m_cancel = new QToolButton(window);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setAutoRaise(true);
    m_cancel->setToolTip(tr("Stop indexing; the list keeps what it had"));
    connect(m_cancel, &QToolButton::clicked, this,
            [] { FolderSession::instance().indexer().cancel(); });
    window->statusBar()->addPermanentWidget(m_progressLabel);
    window->statusBar()->addPermanentWidget(m_progressBar);
    window->statusBar()->addPermanentWidget(m_cancel);

    connect(&session, &FolderSession::folderChanged, this, &FolderDocks::folderChanged);
    connect(&session, &FolderSession::indexChanged, this, &FolderDocks::indexChanged);
    FolderIndexer& indexer = session.indexer();
    connect(&indexer, &FolderIndexer::busyChanged, this, &FolderDocks::busyChanged);
    connect(&indexer, &FolderIndexer::progress, this, &FolderDocks::progress);
    connect(&indexer, &FolderIndexer::finished, this, &FolderDocks::indexed);
    connect(m_panel, &FolderPanel::articleActivated, this,
            [this](const QString& path) { openArticle(path); });
    connect(m_problemsView, &ProblemsView::problemActivated, this,
            [this](const QString& path, const Diagnostic& d) { openProblem(path, d); });
    connect(m_valuesView, &ValuesView::articlesRequested, this, [this](const QStringList& paths) {
        // The value's articles, selected in the list: ready for Change Field.
        m_panel->filterEdit()->clear();
        m_panel->choiceBox()->setCurrentIndex(0);
        m_panel->errorsButton()->setChecked(false);
        m_panel->warningsButton()->setChecked(false);
        m_panel->selectPaths(paths);
        m_articlesDock->show();
        m_articlesDock->raise();
    });
    connect(m_problemsView, &ProblemsView::fileActivated, this,
            [this](const QString& path) { openArticle(path); });
    connect(window, &QWidget::windowTitleChanged, this, &FolderDocks::showCurrent);
    window->installEventFilter(this);

    folderChanged();
    indexChanged();
    busyChanged(indexer.isBusy());
}

void FolderDocks::addFileActions(QMenu* file, QAction* before)
{
    file->insertAction(before, m_newArticle);
    file->addAction(m_openFolder);
    file->addAction(m_closeFolder);
}

void FolderDocks::addViewMenu(QMenuBar* bar)
{
    QMenu* view = bar->addMenu(tr("&View"));
    QAction* find = view->addAction(tr("&Go to Article\u2026"), this, [this] {
        m_articlesDock->show();
        m_articlesDock->raise();
        m_panel->filterEdit()->setFocus(Qt::ShortcutFocusReason);
        m_panel->filterEdit()->selectAll();
    });
    find->setObjectName(QStringLiteral("goToArticle"));
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    view->addSeparator();
    QAction* articles = m_articlesDock->toggleViewAction();
    articles->setText(tr("&Articles"));
    view->addAction(articles);
    QAction* problems = m_problemsDock->toggleViewAction();
    problems->setText(tr("&Problems in Folder"));
    view->addAction(problems);
    QAction* values = m_valuesDock->toggleViewAction();
    values->setText(tr("&Values in Folder"));
    view->addAction(values);
    view->addSeparator();
    view->addAction(m_refresh);
    connect(view, &QMenu::aboutToShow, this,
            [find] { find->setEnabled(FolderSession::instance().isOpen()); });
}

void FolderDocks::folderChanged()
{
    const FolderSession& session = FolderSession::instance();
    const bool open = session.isOpen();
    m_articlesDock->setVisible(open);
    m_problemsDock->setVisible(open);
    m_valuesDock->setVisible(open);
    m_articlesDock->toggleViewAction()->setEnabled(open);
    m_problemsDock->toggleViewAction()->setEnabled(open);
    m_valuesDock->toggleViewAction()->setEnabled(open);
    m_closeFolder->setEnabled(open);
    m_refresh->setEnabled(open);
    m_schemaOffer->update();
    const QString name = open ? QDir(session.root()).dirName() : QString();
    m_articlesDock->setWindowTitle(open ? tr("Articles \u2014 %1").arg(name) : tr("Articles"));
    m_problemsDock->setWindowTitle(tr("Problems"));
    m_articlesDock->toggleViewAction()->setText(tr("&Articles"));
    m_problemsDock->toggleViewAction()->setText(tr("&Problems in Folder"));
    m_valuesDock->toggleViewAction()->setText(tr("&Values in Folder"));
    if (open) {
        m_articlesDock->raise();
        const int width = QSettings().value(DockWidthKey, DefaultDockWidth).toInt();
        m_window->resizeDocks({m_articlesDock}, {std::max(width, 200)}, Qt::Horizontal);
    }
}

void FolderDocks::indexChanged()
{
    const FolderSession& session = FolderSession::instance();
    m_panel->updateChoices();
    m_valuesView->setArticles(session.index().articles());
    m_schemaOffer->update();
    m_window->editor()->form()->setSuggestions(QStringLiteral("subject"), session.subjects());
    feedFolderValues();
    const ArticleIndex::Totals t = session.index().totals();
    m_problemsDock->setWindowTitle(t.errors + t.warnings > 0
                                       ? tr("Problems (%1)").arg(t.errors + t.warnings)
                                       : tr("Problems"));
    m_problemsDock->toggleViewAction()->setText(tr("&Problems in Folder"));
    showCurrent();
}

void FolderDocks::feedFolderValues()
{
    const FolderSession& session = FolderSession::instance();
    const ArticleIndex& index = session.index();
    FieldForm* form = m_window->editor()->form();
    // Reference fields offer what the folder's articles hold under their `to` key.
    for (const QString& to : index.referenceKeys()) {
        QList<FieldForm::ReferenceTarget> targets;
        for (const ArticleIndex::Target& t : index.referenceTargets(to))
            targets << FieldForm::ReferenceTarget{t.value, t.title};
        form->setReferences(to, targets);
    }
    // Image fields write a chosen file the way the folder's articles write that field. A few
    // hundred values show the site's habit; each is looked up on disk when Choose... is used.
    constexpr qsizetype MaxExamples = 200;
    QHash<QString, QList<ImageExample>> images;
    for (const ArticleSummary& s : index.articles()) {
        for (const FieldValue& v : s.images) {
            QList<ImageExample>& list = images[FieldForm::keyPattern(v.key)];
            if (list.size() < MaxExamples)
                list << ImageExample{QFileInfo(s.path).absolutePath(), v.value};
        }
    }
    for (auto it = images.cbegin(); it != images.cend(); ++it)
        form->setImageExamples(it.key(), it.value());
    m_window->editor()->setReferenceCheck(
        session.isOpen() ? std::make_shared<const ReferenceCheck>(index.referenceCheck())
                         : nullptr);
}

void FolderDocks::showCurrent()
{
    if (FolderSession::instance().isOpen())
        m_panel->showCurrent(m_window->filePath());
}

void FolderDocks::busyChanged(bool busy)
{
    m_progressLabel->setVisible(busy);
    m_progressBar->setVisible(busy);
    m_cancel->setVisible(busy);
    if (busy) {
        m_startedMs = QDateTime::currentMSecsSinceEpoch();
        m_progressLabel->setText(tr("Indexing\u2026"));
        m_progressBar->setRange(0, 0); // busy until the number of files is known
    }
    m_schemaOffer->update(); // offered once the folder has been read
}

void FolderDocks::progress(int done, int total)
{
    const QLocale locale;
    m_progressBar->setRange(0, total);
    m_progressBar->setValue(done);
    m_progressLabel->setText(
        tr("Reading %1 of %2 articles\u2026").arg(locale.toString(done), locale.toString(total)));
}

void FolderDocks::indexed()
{
    FolderSession& session = FolderSession::instance();
    const ArticleIndex::Stats& stats = session.indexer().lastStats();
    if (stats.cancelled) {
        m_window->statusBar()->showMessage(
            tr("Indexing cancelled: the list may miss recent changes (View > Refresh Folder)"),
            MessageMs);
        return;
    }
    if (stats.read == 0 && stats.removed == 0)
        return; // nothing new to tell
    const QLocale locale;
    const double seconds = double(QDateTime::currentMSecsSinceEpoch() - m_startedMs) / 1000.0;
    m_window->statusBar()->showMessage(
        tr("%1 articles in \u201c%2\u201d; read %3 in %4 s")
            .arg(locale.toString(stats.files), QDir(session.root()).dirName(),
                 locale.toString(stats.read), locale.toString(seconds, 'f', 1)),
        MessageMs);
}

bool FolderDocks::openFolder()
{
    FolderSession& session = FolderSession::instance();
    QString start = session.root();
    if (start.isEmpty() && !m_window->filePath().isEmpty())
        start = QFileInfo(m_window->filePath()).absolutePath();
    if (start.isEmpty())
        start = QDir::homePath();
    const QString folder = FolderPrompts::instance().chooseFolder(m_window, start);
    if (folder.isEmpty())
        return false;
    if (!session.open(folder)) {
        Prompts::instance().warn(m_window, tr("Open Folder"),
                                 tr("\u201c%1\u201d is not a folder Frontis can read.")
                                     .arg(QDir::toNativeSeparators(folder)));
        return false;
    }
    return true;
}

MainWindow* FolderDocks::openArticle(const QString& path)
{
    if (MainWindow* w = MainWindow::windowFor(path)) {
        w->show();
        w->raise();
        w->activateWindow();
        return w;
    }
    if (m_window->mode() != MainWindow::Mode::Empty && !m_window->isModified())
        return m_window->openFile(path) ? m_window : nullptr;
    // Empty: this window; unsaved changes: a new window beside it.
    return MainWindow::open(path, m_window);
}

MainWindow* FolderDocks::openProblem(const QString& path, const Diagnostic& diagnostic)
{
    MainWindow* w = openArticle(path);
    if (!w)
        return nullptr;
    if (w->mode() == MainWindow::Mode::Form) {
        w->editor()->showDiagnostic(diagnostic);
    } else if (w->mode() == MainWindow::Mode::Raw && diagnostic.line > 0) {
        // The front matter does not parse: the file's text is shown, at the line the error names.
        w->rawView()->goTo(diagnostic.line, diagnostic.column);
        w->rawView()->editor()->setFocus();
    }
    return w;
}

MainWindow* FolderDocks::newArticle()
{
    FolderSession& session = FolderSession::instance();
    if (!session.isOpen() && !openFolder())
        return nullptr;
    // The next id, the subjects and where they live need every article read: an index still
    // being brought up to date is waited for (its progress shows in the status bar).
    if (session.indexer().isBusy()) {
        m_window->statusBar()->showMessage(tr("Reading the folder first\u2026"));
        QEventLoop wait;
        connect(&session.indexer(), &FolderIndexer::busyChanged, &wait, [&wait](bool busy) {
            if (!busy) // finished, cancelled, or the folder closed
                wait.quit();
        });
        wait.exec(QEventLoop::ExcludeUserInputEvents);
        m_window->statusBar()->clearMessage();
    }
    const ArticleIndex& index = session.index();
    const NewArticleSchema chosen = schemaForNewArticles(index);
    if (!chosen.schema) {
        Prompts::instance().warn(
            m_window, tr("New Article"),
            tr("The folder's schema \u201c%1\u201d cannot be read.").arg(chosen.name));
        return nullptr;
    }
    const Schema& schema = *chosen.schema;
    NewArticle::Input input;
    input.id = index.highestId() + 1;
    input.date = QDate::currentDate();
    input.schemaName = chosen.name;
    const auto withText = [input](const QString& q, const QString& s) {
        NewArticle::Input in = input;
        in.question = q;
        in.subject = s;
        return in;
    };
    // The dialog asks for the question and subject where the schema has them (QuickTakes),
    // else for the title; it offers the folder's subjects and the schema's.
    NewArticleDialog::Ask ask;
    ask.question = NewArticle::headlineKey(schema) == QLatin1String("question");
    const SchemaField* subject = schema.field(QStringLiteral("subject"));
    ask.subject = subject != nullptr;
    if (subject) {
        ask.subjects = session.subjects();
        for (const QString& v : subject->values) {
            if (!ask.subjects.contains(v, Qt::CaseInsensitive))
                ask.subjects << v;
        }
        std::sort(ask.subjects.begin(), ask.subjects.end(), [](const QString& a, const QString& b) {
            return a.compare(b, Qt::CaseInsensitive) < 0;
        });
    }
    const std::optional<FolderPrompts::NewArticleAnswer> answer =
        FolderPrompts::instance().askNewArticle(
            m_window, ask,
            [&](const QString& q, const QString& s) {
                return NewArticle::proposedPath(index, schema, withText(q, s));
            },
            [&](const QString& q, const QString& s) {
                return NewArticle::fileName(schema, withText(q, s));
            });
    if (!answer)
        return nullptr;
    input = withText(answer->question, answer->subject);
    // A site whose articles are TOML gets TOML (issue 20).
    const Result<QByteArray> bytes =
        NewArticle::build(schema, input, NewArticle::folderSyntax(index));
    Status status;
    if (!bytes)
        status = bytes.error();
    else if (QFileInfo::exists(answer->path))
        status =
            Error{tr("\u201c%1\u201d exists already.").arg(QDir::toNativeSeparators(answer->path))};
    else if (!QDir().mkpath(QFileInfo(answer->path).absolutePath()))
        status = Error{tr("The folder for \u201c%1\u201d cannot be made.")
                           .arg(QDir::toNativeSeparators(answer->path))};
    else
        status = writeAtomically(answer->path, bytes.value());
    if (status) {
        Prompts::instance().warn(m_window, tr("New Article"),
                                 tr("The article was not created: %1").arg(status->message));
        return nullptr;
    }
    session.indexer().refresh();
    MainWindow* w = openArticle(answer->path);
    if (w && w->mode() == MainWindow::Mode::Form) {
        // The text is what the writer writes next: a QuickTakes answer's placeholder is
        // selected to go as they type; a body (empty, or the schema's template) takes the cursor
        // at its end.
        MarkdownEditor* editor = w->editor()->textEditor();
        editor->setFocus(Qt::OtherFocusReason);
        if (schema.textLocation().body)
            editor->moveCursor(QTextCursor::End);
        else
            editor->selectAll();
        w->statusBar()->showMessage(tr("Created %1").arg(QDir::toNativeSeparators(answer->path)),
                                    MessageMs);
    }
    return w;
}

bool FolderDocks::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_window && event->type() == QEvent::Close && m_articlesDock->isVisible()) {
        QSettings settings;
        settings.setValue(DockWidthKey, m_articlesDock->width());
        settings.setValue(listHeaderKey(*FolderSession::instance().articles()),
                          m_panel->view()->header()->saveState());
    }
    return QObject::eventFilter(watched, event);
}

} // namespace frontis
