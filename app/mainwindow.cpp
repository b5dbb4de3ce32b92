#include "mainwindow.h"

#include "editor/articleeditor.h"
#include "editor/diffdialog.h"
#include "editor/rawview.h"
#include "editor/text/findbar.h"
#include "editor/text/markdowneditor.h"
#include "editor/text/markdownhighlighter.h"
#include "editor/text/spelling.h"
#include "editor/text/textstatslabel.h"
#include "folderchanges.h"
#include "folderdocks.h"
#include "journalkeeper.h"
#include "model/file/unifieddiff.h"
#include "model/schema/schemalibrary.h"
#include "prompts.h"
#include "recentfiles.h"
#include "welcomepage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QUndoStack>

namespace frontis {

namespace {

QList<MainWindow*>& windowList()
{
    static QList<MainWindow*> list;
    return list;
}

bool s_quitting = false;

// The same file reached through different paths is one file.
QString canonical(const QString& path)
{
    const QFileInfo info(path);
    const QString c = info.canonicalFilePath();
    return c.isEmpty() ? info.absoluteFilePath() : c;
}

const QString GeometryKey = QStringLiteral("window/geometry");
const QString ColumnsKey = QStringLiteral("window/columns");
const QString RowsKey = QStringLiteral("window/rows");
constexpr int MaxListedErrors = 12;

} // namespace

SchemaLibrary& MainWindow::library()
{
    static SchemaLibrary lib;
    return lib;
}

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setAcceptDrops(true);
    windowList() << this;

    m_stack = new QStackedWidget(this);
    m_welcome = new WelcomePage(m_stack);
    connect(m_welcome, &WelcomePage::openRequested, this, &MainWindow::openDialog);
    connect(m_welcome, &WelcomePage::fileActivated, this,
            [this](const QString& p) { open(p, this); });
    m_editor = new ArticleEditor(&library(), m_stack);
    m_raw = new RawView(m_stack);
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_editor);
    m_stack->addWidget(m_raw);
    setCentralWidget(m_stack);

    m_stats = new TextStatsLabel(m_editor->textEditor(), this);
    statusBar()->addPermanentWidget(m_stats);
    m_schemaLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_schemaLabel);

    m_folder = new FolderDocks(this);
    m_changes = new FolderChanges(this);
    createActions();
    restoreSettings();

    connect(m_editor, &ArticleEditor::modifiedChanged, this, [this] { updateTitle(); });
    connect(m_editor, &ArticleEditor::changed, this, [this] {
        if (m_diff)
            m_diff->setDiff(unifiedDiff(m_editor->diskBytes(), m_editor->document().bytes(),
                                        QStringLiteral("a/") + QFileInfo(filePath()).fileName(),
                                        QStringLiteral("b/") + QFileInfo(filePath()).fileName()));
    });
    connect(m_editor, &ArticleEditor::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    connect(&Spelling::instance(), &Spelling::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    connect(m_editor, &ArticleEditor::diagnosticsChanged, this, [this] {
        if (m_editor->schema())
            m_schemaLabel->setText(tr("Schema: %1")
                                       .arg(m_editor->schema()->label().isEmpty()
                                                ? m_editor->schema()->name()
                                                : m_editor->schema()->label()));
    });
    connect(m_raw, &RawView::changed, this, [this] { updateTitle(); });
    connect(m_raw, &RawView::applyRequested, this, &MainWindow::applyRawText);
    m_editor->textEditor()->viewport()->installEventFilter(this);
    setUpSafety();

    setMode(Mode::Empty);
}

MainWindow::~MainWindow()
{
    windowList().removeAll(this);
    // The keeper filters this window's events; ~QWidget still sends some (deactivation), and a
    // snapshot then would call into a half-destroyed MainWindow (found by UBSan).
    delete m_keeper;
    m_keeper = nullptr;
}

QList<MainWindow*> MainWindow::windows()
{
    return windowList();
}

MainWindow* MainWindow::windowFor(const QString& path)
{
    const QString wanted = canonical(path);
    for (MainWindow* w : windowList()) {
        if (!w->filePath().isEmpty() && canonical(w->filePath()) == wanted)
            return w;
    }
    return nullptr;
}

MainWindow* MainWindow::open(const QString& path, MainWindow* from)
{
    if (MainWindow* w = windowFor(path)) {
        w->show();
        w->raise();
        w->activateWindow();
        return w;
    }
    if (from && from->mode() == Mode::Empty)
        return from->openFile(path) ? from : nullptr;
    auto* w = new MainWindow;
    if (!w->openFile(path)) {
        delete w; // never shown; gone from windows() at once
        return nullptr;
    }
    if (from)
        w->move(from->pos() + QPoint(32, 32));
    w->show();
    return w;
}

void MainWindow::openStartupWindows(const QStringList& files)
{
    QStringList paths = files;
    const bool fromSession = paths.isEmpty();
    if (fromSession) {
        for (const QString& p : recentfiles::session()) {
            if (QFileInfo(p).isFile())
                paths << p;
        }
    }
    MainWindow* last = offerKeptWork(paths);
    for (const QString& p : std::as_const(paths)) {
        if (MainWindow* w = open(p, last))
            last = w;
    }
    if (!last) {
        auto* w = new MainWindow;
        w->show();
    }
}

bool MainWindow::quit()
{
    QStringList session;
    for (const MainWindow* w : windowList()) {
        if (!w->filePath().isEmpty())
            session << w->filePath();
    }
    s_quitting = true;
    const QList<MainWindow*> all = windowList();
    for (MainWindow* w : all) {
        if (!w->close()) {
            s_quitting = false;
            return false;
        }
    }
    s_quitting = false;
    recentfiles::setSession(session);
    return true;
}

QString MainWindow::filePath() const
{
    switch (m_mode) {
    case Mode::Form:
        return m_editor->path();
    case Mode::Raw:
        return m_rawPath;
    case Mode::Empty:
        break;
    }
    return {};
}

bool MainWindow::isModified() const
{
    if (m_missing && m_mode != Mode::Empty)
        return true; // nothing on disk holds the text
    switch (m_mode) {
    case Mode::Form:
        return m_editor->isModified();
    case Mode::Raw:
        return m_raw->isModified();
    case Mode::Empty:
        break;
    }
    return false;
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* openAction = file->addAction(tr("&Open\u2026"), this, &MainWindow::openDialog);
    openAction->setObjectName(QStringLiteral("open"));
    openAction->setShortcut(QKeySequence::Open);
    m_folder->addFileActions(file, openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addSeparator();
    m_save = file->addAction(tr("&Save"), this, &MainWindow::save);
    m_save->setObjectName(QStringLiteral("save"));
    m_save->setShortcut(QKeySequence::Save);
    m_saveAs = file->addAction(tr("Save &As\u2026"), this, &MainWindow::saveAs);
    m_saveAs->setObjectName(QStringLiteral("saveAs"));
    m_saveAs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_revert = file->addAction(tr("Re&vert"), this, &MainWindow::revert);
    m_revert->setObjectName(QStringLiteral("revert"));
    m_review = file->addAction(tr("Review &Changes\u2026"), this, &MainWindow::reviewChanges);
    m_review->setObjectName(QStringLiteral("reviewChanges"));
    file->addSeparator();
    m_close = file->addAction(tr("&Close"), this, &QWidget::close);
    m_close->setObjectName(QStringLiteral("close"));
    m_close->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    QAction* quitAction = file->addAction(tr("&Quit"), this, [] { MainWindow::quit(); });
    quitAction->setObjectName(QStringLiteral("quit"));
    quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quitAction->setMenuRole(QAction::QuitRole);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    m_undo = m_editor->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undo->setObjectName(QStringLiteral("undo"));
    m_undo->setShortcuts(QKeySequence::Undo); // every platform binding (Ctrl+Z...)
    m_redo = m_editor->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redo->setObjectName(QStringLiteral("redo"));
    m_redo->setShortcuts(QKeySequence::Redo); // Ctrl+Shift+Z and Ctrl+Y
    edit->addAction(m_undo);
    edit->addAction(m_redo);
    edit->addSeparator();
    m_findActions = m_editor->findBar()->addMenuActions(edit);
    edit->addSeparator();
    m_changes->addEditActions(edit);
    edit->addSeparator();
    edit->addMenu(Spelling::instance().createMenu(edit));

    m_folder->addViewMenu(menuBar());
    // The editor's SEO tab joins the View menu just made (with its Ctrl+Shift+E).
    if (QMenu* view = menuBar()->actions().constLast()->menu()) {
        view->addSeparator();
        view->addAction(m_editor->seoAction());
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Frontis"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList list = recentfiles::recent();
    for (const QString& p : list) {
        QAction* a = m_recentMenu->addAction(QFileInfo(p).fileName());
        a->setToolTip(p);
        a->setStatusTip(p);
        connect(a, &QAction::triggered, this, [this, p] {
            if (!QFileInfo(p).isFile()) {
                recentfiles::remove(p);
                Prompts::instance().warn(this, tr("Open Recent"),
                                         tr("\u201c%1\u201d no longer exists.").arg(p));
                return;
            }
            open(p, this);
        });
    }
    if (list.isEmpty())
        m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("Clear List"), this, [] { recentfiles::clear(); })
        ->setEnabled(!list.isEmpty());
}

void MainWindow::setMode(Mode mode)
{
    m_mode = mode;
    switch (mode) {
    case Mode::Empty:
        m_welcome->refresh();
        m_stack->setCurrentWidget(m_welcome);
        m_schemaLabel->clear();
        break;
    case Mode::Form:
        m_stack->setCurrentWidget(m_editor);
        break;
    case Mode::Raw:
        // The raw text has its own undo; the form's history belongs to a document no longer shown.
        m_editor->undoStack()->clear();
        m_stack->setCurrentWidget(m_raw);
        m_schemaLabel->setText(tr("Not parsed"));
        break;
    }
    updateActions();
    updateTitle();
}

void MainWindow::updateActions()
{
    const bool hasFile = m_mode != Mode::Empty;
    m_save->setEnabled(hasFile);
    m_saveAs->setEnabled(hasFile);
    m_revert->setEnabled(hasFile);
    m_review->setEnabled(hasFile);
    m_editor->seoAction()->setEnabled(m_mode == Mode::Form);
    const bool hasAnswer = m_mode == Mode::Form && !m_editor->textKey().isEmpty();
    for (QAction* a : std::as_const(m_findActions))
        a->setEnabled(hasAnswer);
    m_stats->setVisible(hasAnswer);
}

void MainWindow::updateTitle()
{
    const QString path = filePath();
    if (path.isEmpty()) {
        setWindowTitle(tr("Frontis"));
        setWindowFilePath(QString());
        setWindowModified(false);
        return;
    }
    setWindowTitle(
        m_missing ? tr("%1 (deleted on disk)[*] \u2014 Frontis").arg(QFileInfo(path).fileName())
                  : tr("%1[*] \u2014 Frontis").arg(QFileInfo(path).fileName()));
    setWindowFilePath(path);
    setWindowModified(isModified());
}

bool MainWindow::openFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Prompts::instance().warn(this, tr("Cannot Open"),
                                 tr("\u201c%1\u201d cannot be read: %2")
                                     .arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    const QByteArray bytes = file.readAll();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    Result<Document> doc = stampedDocument(bytes, absolute);
    m_rawStamp = FileStamp::of(bytes, file.fileTime(QFileDevice::FileModificationTime));
    if (doc) {
        m_editor->setDocument(std::move(doc.value()), absolute, bytes);
        setMode(Mode::Form);
        statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(absolute)), 5000);
    } else {
        m_rawPath = absolute;
        m_raw->setContent(bytes, doc.error());
        setMode(Mode::Raw);
        statusBar()->showMessage(tr("The front matter does not parse; showing the file's text"),
                                 10000);
    }
    recentfiles::add(absolute);
    followFile(absolute);
    offerRecovery();
    return true;
}

void MainWindow::applyRawText(const QByteArray& bytes)
{
    Result<Document> doc = Document::fromBytes(bytes);
    if (doc && !m_rawStamp.isNull()) {
        // Saving from the form checks the file against what the raw view read.
        Document stamped = doc.value();
        if (!stamped.acceptDiskVersion(m_rawPath) && stamped.diskStamp().sameContent(m_rawStamp))
            doc = std::move(stamped);
    }
    if (!doc) {
        statusBar()->showMessage(doc.error().format(m_rawPath), 10000);
        return;
    }
    m_editor->setDocument(std::move(doc.value()), m_rawPath, m_raw->originalBytes());
    setMode(Mode::Form);
    statusBar()->showMessage(tr("The front matter parses now"), 5000);
}

void MainWindow::openDialog()
{
    const QString folder =
        filePath().isEmpty() ? QDir::homePath() : QFileInfo(filePath()).absolutePath();
    for (const QString& p : Prompts::instance().openFileNames(this, folder))
        open(p, this);
}

bool MainWindow::save()
{
    const QString path = filePath();
    if (path.isEmpty())
        return false;
    return saveTo(path);
}

bool MainWindow::saveAs()
{
    if (m_mode == Mode::Empty)
        return false;
    // The changes go into the new file and the old one stays as saved, so nothing is lost and
    // there is nothing to ask about first.
    const QString path = Prompts::instance().saveFileName(this, filePath());
    if (path.isEmpty())
        return false;
    if (MainWindow* other = windowFor(path); other && other != this) {
        Prompts::instance().warn(
            this, tr("Save As"),
            tr("\u201c%1\u201d is open in another window.").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    if (!saveTo(path))
        return false;
    recentfiles::add(path);
    return true;
}

bool MainWindow::saveTo(const QString& path)
{
    if (m_mode == Mode::Raw)
        return commitSave(path);
    if (m_mode != Mode::Form)
        return false;
    const QList<Diagnostic> errors = m_editor->errors();
    if (!errors.isEmpty()) {
        QStringList lines;
        for (qsizetype i = 0; i < errors.size() && i < MaxListedErrors; ++i) {
            const Diagnostic& d = errors.at(i);
            lines << (d.line > 0 ? tr("line %1: %2").arg(d.line).arg(d.message) : d.message);
        }
        if (errors.size() > MaxListedErrors)
            lines << tr("\u2026 and %1 more").arg(errors.size() - MaxListedErrors);
        const QString name = QFileInfo(path).fileName();
        const QString head = errors.size() == 1 ? tr("\u201c%1\u201d has an error; fix it before "
                                                     "saving (warnings do not stop a save):")
                                                      .arg(name)
                                                : tr("\u201c%1\u201d has %2 errors; fix them "
                                                     "before saving (warnings do not stop a save):")
                                                      .arg(name)
                                                      .arg(errors.size());
        Prompts::instance().warn(this, tr("Not Saved"),
                                 head + QLatin1String("\n\n") + lines.join(QLatin1Char('\n')));
        statusBar()->showMessage(errors.size() == 1 ? tr("Not saved: 1 error")
                                                    : tr("Not saved: %1 errors").arg(errors.size()),
                                 10000);
        return false;
    }
    return commitSave(path);
}

bool MainWindow::revert()
{
    if (m_mode == Mode::Empty)
        return false;
    // Without changes there is nothing to lose: the file is read again (it may have changed).
    const QString path = filePath();
    if (isModified() && !Prompts::instance().confirmRevert(this, QFileInfo(path).fileName()))
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Prompts::instance().warn(this, tr("Revert"),
                                 tr("\u201c%1\u201d cannot be read: %2")
                                     .arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    const QByteArray disk = file.readAll();
    const Result<Document> doc = Document::fromBytes(disk);
    if (m_mode == Mode::Form && doc) {
        if (const Status status = m_editor->replaceAll(disk, disk, tr("Revert"))) {
            Prompts::instance().warn(this, tr("Revert"), status->message);
            return false;
        }
        m_editor->takeDiskVersion(disk, false); // the file as read now is what edits start from
    } else if (doc) {
        m_editor->setDocument(stampedDocument(disk, path).value(), path, disk);
        setMode(Mode::Form);
    } else {
        m_rawPath = path;
        m_rawStamp = FileStamp::of(disk);
        m_raw->setContent(disk, doc.error());
        setMode(Mode::Raw);
    }
    setMissing(false);
    m_keeper->discard();
    updateTitle();
    return true;
}

DiffDialog* MainWindow::reviewChanges()
{
    if (m_mode == Mode::Empty)
        return nullptr;
    const QString name = QFileInfo(filePath()).fileName();
    const QByteArray before = m_mode == Mode::Form ? m_editor->diskBytes() : m_raw->originalBytes();
    const QByteArray after = m_mode == Mode::Form ? m_editor->document().bytes() : m_raw->bytes();
    if (!m_diff) {
        m_diff = new DiffDialog(this);
        m_diff->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_diff->setWindowTitle(tr("Review Changes \u2014 %1").arg(name));
    m_diff->setDiff(
        unifiedDiff(before, after, QStringLiteral("a/") + name, QStringLiteral("b/") + name));
    m_diff->show();
    m_diff->raise();
    return m_diff;
}

bool MainWindow::maybeSave()
{
    if (!isModified())
        return true;
    switch (Prompts::instance().askUnsaved(this, QFileInfo(filePath()).fileName())) {
    case Prompts::Choice::Save:
        return save();
    case Prompts::Choice::Discard:
        return true;
    case Prompts::Choice::Cancel:
        break;
    }
    return false;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_keeper->discard(); // saved, or the writer chose to discard the changes
    saveSettings();
    if (!s_quitting) {
        // What `frontis` without arguments reopens: the files still open, or this one if it was
        // the last window.
        QStringList session;
        for (const MainWindow* w : windowList()) {
            if (w != this && !w->filePath().isEmpty())
                session << w->filePath();
        }
        if (session.isEmpty() && !filePath().isEmpty())
            session << filePath();
        recentfiles::setSession(session);
    }
    if (m_diff)
        m_diff->close();
    event->accept();
}

QStringList MainWindow::droppedFiles(const QMimeData* mime)
{
    QStringList out;
    if (!mime || !mime->hasUrls())
        return out;
    for (const QUrl& url : mime->urls()) {
        if (!url.isLocalFile())
            continue;
        const QString path = url.toLocalFile();
        const QString suffix = QFileInfo(path).suffix().toLower();
        if (suffix == QLatin1String("md") || suffix == QLatin1String("markdown"))
            out << path;
    }
    return out;
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!droppedFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QStringList files = droppedFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    for (const QString& p : files)
        open(p, this);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    // Files dropped on the answer editor open as articles instead of pasting their paths.
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto* drag = static_cast<QDragMoveEvent*>(event);
        if (!droppedFiles(drag->mimeData()).isEmpty()) {
            drag->acceptProposedAction();
            return true;
        }
        break;
    }
    case QEvent::Drop: {
        auto* drop = static_cast<QDropEvent*>(event);
        if (!droppedFiles(drop->mimeData()).isEmpty()) {
            dropEvent(drop);
            return true;
        }
        break;
    }
    default:
        break;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    if (m_mode == Mode::Form) {
        settings.setValue(ColumnsKey, m_editor->columns()->saveState());
        settings.setValue(RowsKey, m_editor->rows()->saveState());
    }
}

void MainWindow::restoreSettings()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray()))
        resize(1280, 800);
    m_editor->columns()->restoreState(settings.value(ColumnsKey).toByteArray());
    m_editor->rows()->restoreState(settings.value(RowsKey).toByteArray());
}

void MainWindow::showAbout()
{
    const QString highlighting =
        MarkdownHighlighter::usesKSyntaxHighlighting()
            ? tr("Markdown highlighting by %1.").arg(MarkdownHighlighter::backendName())
            : tr("Markdown highlighting: built-in (this build has no KSyntaxHighlighting).");
    QMessageBox::about(this, tr("About Frontis"),
                       tr("<h3>Frontis %1</h3><p>An editor for Markdown articles with YAML front "
                          "matter that saves them back in exactly their original format.</p>"
                          "<p>%2</p><p>Qt %3</p>")
                           .arg(QStringLiteral(FRONTIS_VERSION), highlighting.toHtmlEscaped(),
                                QString::fromLatin1(qVersion())));
}

} // namespace frontis
