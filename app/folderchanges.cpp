#include "folderchanges.h"

#include "editor/folder/articlelistmodel.h"
#include "editor/folder/folderchangedialog.h"
#include "editor/folder/folderpanel.h"
#include "editor/folder/valuesview.h"
#include "folderdocks.h"
#include "folderprompts.h"
#include "foldersession.h"
#include "mainwindow.h"
#include "model/folder/valuecounts.h"
#include "model/site/sitechangejournal.h"
#include "prompts.h"
#include "replaceinfolderdialog.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>

namespace frontis {

namespace {

constexpr int MessageMs = 10000;
constexpr int ProblemsShown = 12;

QString problemsText(const QList<PlanProblem>& problems)
{
    QStringList lines;
    for (const PlanProblem& p : problems.mid(0, ProblemsShown))
        lines << p.format();
    if (problems.size() > ProblemsShown)
        lines << QCoreApplication::translate("FolderChanges", "\u2026and %1 more")
                     .arg(problems.size() - ProblemsShown);
    return lines.join(QLatin1Char('\n'));
}

QString articles(int n)
{
    return n == 1 ? QCoreApplication::translate("FolderChanges", "1 article")
                  : QCoreApplication::translate("FolderChanges", "%1 articles")
                        .arg(QLocale().toString(n));
}

// The applied changes Undo Folder Change offers, newest first. An undo is kept in the journal
// too (undoing it would redo the change); the menu offers only changes, so that pressing it
// again goes further back.
QList<AppliedChange> undoable(const QString& root)
{
    QList<AppliedChange> out = SiteChangeJournal::history(root);
    out.removeIf([](const AppliedChange& c) { return c.isUndo(); });
    return out;
}

} // namespace

FolderChanges::FolderChanges(MainWindow* window)
    : QObject(window), m_window(window), m_cancel(std::make_shared<std::atomic<bool>>(false))
{
    m_changeField = new QAction(tr("Change &Field\u2026"), this);
    m_changeField->setObjectName(QStringLiteral("changeField"));
    m_changeField->setStatusTip(tr("Set or remove a field in the articles selected in the list"));
    connect(m_changeField, &QAction::triggered, this,
            [this] { changeField(m_window->folderDocks()->panel()->selectedPaths()); });
    m_replace = new QAction(tr("Replace in F&older\u2026"), this);
    m_replace->setObjectName(QStringLiteral("replaceInFolder"));
    m_replace->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    m_replace->setStatusTip(tr("Find and replace in a field or the text of every article"));
    connect(m_replace, &QAction::triggered, this, [this] { replaceInFolder(); });
    m_undo = new QAction(tr("Undo Folder C&hange"), this);
    m_undo->setObjectName(QStringLiteral("undoFolderChange"));
    connect(m_undo, &QAction::triggered, this, &FolderChanges::undoFolderChange);

    m_label = new QLabel(window);
    m_bar = new QProgressBar(window);
    m_bar->setMaximumWidth(160);
    m_bar->setTextVisible(false);
    m_cancelButton = new QToolButton(window);
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setAutoRaise(true);
    m_cancelButton->setToolTip(tr("Stop the change; no article is changed"));
    connect(m_cancelButton, &QToolButton::clicked, this, &FolderChanges::cancel);
    window->statusBar()->addPermanentWidget(m_label);
    window->statusBar()->addPermanentWidget(m_bar);
    window->statusBar()->addPermanentWidget(m_cancelButton);
    setBusy(false);

    FolderDocks* docks = window->folderDocks();
    connect(docks->valuesView(), &ValuesView::renameRequested, this, &FolderChanges::renameValue);
    connect(docks->valuesView(), &ValuesView::mergeRequested, this, &FolderChanges::mergeValues);
    QTreeView* list = docks->panel()->view();
    list->setContextMenuPolicy(Qt::ActionsContextMenu);
    list->addAction(m_changeField);
    connect(list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &FolderChanges::updateActions);
    connect(&FolderSession::instance(), &FolderSession::folderChanged, this, [this] {
        recoverInterrupted();
        updateActions();
    });
    recoverInterrupted();
    updateActions();
}

void FolderChanges::recoverInterrupted()
{
    // FolderSession::open finished (or dropped) what a crash or a kill interrupted before anything
    // read the articles; the first window that sees it says so. Once the event loop runs, so that
    // the message sits over a window that is shown.
    QTimer::singleShot(0, this, [this] {
        const SiteRecovery recovery = FolderSession::instance().takeRecovery();
        if (recovery.isEmpty())
            return;
        // The lines are the command line's, which name the program first; a window need not.
        QStringList lines = recovery.text().trimmed().split(QLatin1Char('\n'));
        for (QString& line : lines) {
            if (line.startsWith(QLatin1String("frontis: ")))
                line.remove(0, 9);
        }
        Prompts::instance().warn(
            m_window, tr("Interrupted Folder Change"),
            tr("A change across the folder was interrupted when Frontis last stopped. It was "
               "dealt with before the articles were read, so that none is left half changed:\n\n"
               "%1")
                .arg(lines.join(QLatin1Char('\n'))));
    });
}

void FolderChanges::addEditActions(QMenu* edit)
{
    edit->addAction(m_changeField);
    edit->addAction(m_replace);
    edit->addAction(m_undo);
    connect(edit, &QMenu::aboutToShow, this, &FolderChanges::updateActions);
}

void FolderChanges::updateActions()
{
    const FolderSession& session = FolderSession::instance();
    const bool open = session.isOpen() && !m_busy;
    m_changeField->setEnabled(open && !m_window->folderDocks()->panel()->selectedPaths().isEmpty());
    m_replace->setEnabled(open);
    // The journal keeps what can be undone, also across sessions; reading its folder is cheap.
    const QList<AppliedChange> history = open ? undoable(session.root()) : QList<AppliedChange>();
    m_undo->setEnabled(!history.isEmpty());
    m_undo->setText(history.isEmpty()
                        ? tr("Undo Folder C&hange")
                        : tr("Undo Folder C&hange: %1").arg(history.first().description));
}

void FolderChanges::setBusy(bool busy, const QString& label)
{
    m_busy = busy;
    m_label->setText(label);
    m_label->setVisible(busy);
    m_bar->setVisible(busy);
    m_cancelButton->setVisible(busy);
    if (busy) {
        *m_cancel = false;
        m_bar->setRange(0, 0); // busy until the number of files is known
    }
    updateActions();
}

SiteProgress FolderChanges::progress()
{
    // Called on the worker: the bar is moved on the GUI thread; a closed window stops nothing.
    QPointer<QProgressBar> bar = m_bar;
    std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    const std::function<void(int, int)> hook = m_progressHook;
    return [bar, cancel, hook](int done, int total) {
        QMetaObject::invokeMethod(
            bar.data(),
            [bar, done, total] {
                if (bar) {
                    bar->setRange(0, total);
                    bar->setValue(done);
                }
            },
            Qt::QueuedConnection);
        if (hook)
            hook(done, total);
        return !*cancel;
    };
}

template <typename T>
void FolderChanges::inBackground(const QString& label, std::function<T(const SiteProgress&)> work,
                                 std::function<void(const T&)> finished)
{
    setBusy(true, label);
    auto result = std::make_shared<std::optional<T>>();
    auto* watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher, result, finished] {
        watcher->deleteLater();
        setBusy(false);
        finished(**result);
    });
    const SiteProgress report = progress();
    watcher->setFuture(QtConcurrent::run([work, report, result] { *result = work(report); }));
}

QString FolderChanges::display(const QString& path) const
{
    const QString root = FolderSession::instance().root();
    return QDir::toNativeSeparators(root.isEmpty() ? path : QDir(root).relativeFilePath(path));
}

void FolderChanges::renameValue(const QString& key, const QString& value)
{
    const QString label = ValueCounts::label(FolderSession::instance().index().articles(), key);
    const QString to = FolderPrompts::instance().askValue(
        m_window, tr("Rename Value"), tr("New spelling of \u201c%1\u201d in %2:").arg(value, label),
        value, {});
    if (to.isEmpty() || to == value)
        return;
    run(SiteChange::rename(key, value, to), m_window->folderDocks()->valuesView()->pathsOf(value),
        tr("Rename Value"));
}

void FolderChanges::mergeValues(const QString& key, const QStringList& values)
{
    if (values.isEmpty())
        return;
    const QList<ArticleSummary>& articles = FolderSession::instance().index().articles();
    const QString label = ValueCounts::label(articles, key);
    // The value most articles have is the likely survivor: among the selected ones when there
    // are several, else among the others. Every value of the key is offered.
    ValuesView* view = m_window->folderDocks()->valuesView();
    QStringList choices;
    QString most;
    int mostCount = -1;
    for (const ValueCount& c : ValueCounts::of(articles, key)) {
        choices << c.value;
        const bool candidate =
            values.size() > 1 ? values.contains(c.value) : !values.contains(c.value);
        if (candidate && c.articles() > mostCount) {
            most = c.value;
            mostCount = c.articles();
        }
    }
    const QString prompt = values.size() == 1
                               ? tr("Merge \u201c%1\u201d of %2 into:").arg(values.first(), label)
                               : tr("Merge %1 values of %2 into:").arg(values.size()).arg(label);
    const QString to =
        FolderPrompts::instance().askValue(m_window, tr("Merge Values"), prompt, most, choices);
    if (to.isEmpty())
        return;
    QStringList paths;
    QStringList others; // the values that go
    for (const QString& v : values) {
        if (v != to) {
            paths += view->pathsOf(v);
            others << v;
        }
    }
    paths.removeDuplicates();
    if (others.isEmpty())
        return;
    // Several values are one change (one review, one journal entry, one step to undo): an
    // article holding several of them keeps one, where the first of them was.
    run(others.size() == 1 ? SiteChange::rename(key, others.first(), to)
                           : SiteChange::merge(key, others, to),
        paths, tr("Merge Values"));
}

void FolderChanges::changeField(const QStringList& paths)
{
    if (paths.isEmpty())
        return;
    QStringList keys = FolderSession::instance().articles()->columnKeys();
    const std::optional<FolderPrompts::ChangeFieldAnswer> answer =
        FolderPrompts::instance().askChangeField(m_window, keys, int(paths.size()));
    if (!answer || answer->key.isEmpty())
        return;
    run(answer->remove ? SiteChange::unset(answer->key)
                       : SiteChange::set(answer->key, answer->value),
        paths, tr("Change Field"));
}

ReplaceInFolderDialog* FolderChanges::replaceInFolder()
{
    if (!FolderSession::instance().isOpen())
        return nullptr;
    if (!m_replaceDialog) {
        m_replaceDialog = new ReplaceInFolderDialog(m_window);
        m_replaceDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_replaceDialog, &ReplaceInFolderDialog::replaceAll, this,
                [this](const ChangePlan& plan) { review(plan, tr("Replace in Folder")); });
    }
    m_replaceDialog->show();
    m_replaceDialog->raise();
    m_replaceDialog->activateWindow();
    return m_replaceDialog;
}

void FolderChanges::run(const SiteChange& change, const QStringList& paths, const QString& title)
{
    if (m_busy || paths.isEmpty())
        return;
    inBackground<Result<ChangePlan>>(
        tr("Looking at %1 articles\u2026").arg(QLocale().toString(paths.size())),
        [paths, change](const SiteProgress& p) {
            return planSiteChange(paths, change, nullptr, p);
        },
        [this, change, paths, title](const Result<ChangePlan>& plan) {
            planned(plan, change, paths, title);
        });
}

void FolderChanges::planned(const Result<ChangePlan>& plan, const SiteChange& change,
                            const QStringList& paths, const QString& title)
{
    if (!plan) {
        Prompts::instance().warn(m_window, title, plan.error().message);
        return;
    }
    if (plan->cancelled) {
        m_window->statusBar()->showMessage(tr("Cancelled: no article was changed"), MessageMs);
        return;
    }
    // Unsaved edits of a file the change touches would be lost or would overwrite it: they are
    // saved first (and the change planned again on what was saved), or nothing happens.
    QList<MainWindow*> unsaved;
    QStringList names;
    for (const FileChange& f : plan->files) {
        MainWindow* w = MainWindow::windowFor(f.path);
        if (w && w->isModified()) {
            unsaved << w;
            names << display(f.path);
        }
    }
    if (!unsaved.isEmpty()) {
        if (!FolderPrompts::instance().saveBeforeChange(m_window, names))
            return;
        for (MainWindow* w : unsaved) {
            if (!w->save())
                return; // the window said why
        }
        run(change, paths, title);
        return;
    }
    review(plan.value(), title);
}

void FolderChanges::review(const ChangePlan& plan, const QString& title)
{
    if (m_busy)
        return;
    if (!plan.problems.isEmpty()) {
        Prompts::instance().warn(
            m_window, title,
            tr("Nothing was changed: %1 cannot take the change safely.\n\n%2")
                .arg(articles(int(plan.problems.size())), problemsText(plan.problems)));
        return;
    }
    if (plan.files.isEmpty()) {
        m_window->statusBar()->showMessage(tr("No article changes"), MessageMs);
        Q_EMIT done(false);
        return;
    }
    // A plan made elsewhere (Replace in Folder's) meets unsaved edits as run() does: saved
    // first, then planned again on what was saved.
    QList<MainWindow*> unsaved;
    QStringList names;
    for (const FileChange& f : plan.files) {
        if (MainWindow* w = MainWindow::windowFor(f.path); w && w->isModified()) {
            unsaved << w;
            names << display(f.path);
        }
    }
    if (!unsaved.isEmpty()) {
        if (!FolderPrompts::instance().saveBeforeChange(m_window, names))
            return;
        for (MainWindow* w : unsaved) {
            if (!w->save())
                return;
        }
        run(plan.change, {FolderSession::instance().root()}, title);
        return;
    }
    QList<FolderChangeDialog::File> files;
    for (const FileChange& f : plan.files)
        files << FolderChangeDialog::File{f.path, f.diff};
    if (!FolderPrompts::instance().reviewChange(m_window, title, sentence(plan.change),
                                                FolderSession::instance().root(), files))
        return;
    apply(plan, false);
}

QString FolderChanges::sentence(const SiteChange& c)
{
    const QString label =
        c.key.isEmpty() ? QString()
                        : ValueCounts::label(FolderSession::instance().index().articles(), c.key);
    switch (c.kind) {
    case SiteChange::Kind::Rename: {
        if (c.ignoreCase)
            return tr("Every spelling of \u201c%1\u201d in %2 becomes \u201c%3\u201d.")
                .arg(c.oldValues.join(QStringLiteral("\u201d, \u201c")), label, c.to);
        if (c.oldValues.size() == 1)
            return tr("\u201c%1\u201d becomes \u201c%2\u201d in %3 (an article that has both "
                      "keeps one).")
                .arg(c.oldValues.first(), c.to, label);
        QStringList quoted;
        for (const QString& v : c.oldValues)
            quoted << QStringLiteral("\u201c%1\u201d").arg(v);
        return tr("%1 become \u201c%2\u201d in %3 (an article that has several keeps one).")
            .arg(QLocale().createSeparatedList(quoted), c.to, label);
    }
    case SiteChange::Kind::Set:
        return tr("%1 is set to \u201c%2\u201d in the selected articles.").arg(label, c.to);
    case SiteChange::Kind::Unset:
        return tr("%1 is removed from the selected articles.").arg(label);
    case SiteChange::Kind::Replace:
        return tr("\u201c%1\u201d is replaced with \u201c%2\u201d in %3.")
            .arg(c.from, c.to, c.inText ? tr("the text of every article") : label);
    case SiteChange::Kind::Undo:
        break;
    }
    return c.describe();
}

void FolderChanges::apply(const ChangePlan& plan, bool undo)
{
    inBackground<Result<AppliedChange>>(
        plan.files.size() == 1
            ? tr("Changing 1 article\u2026")
            : tr("Changing %1 articles\u2026").arg(QLocale().toString(plan.files.size())),
        [plan](const SiteProgress& p) { return SiteChangeJournal::apply(plan, p); },
        [this, undo](const Result<AppliedChange>& result) { applied(result, undo); });
}

void FolderChanges::sayAfterIndexing(const QString& message)
{
    // Said now, and again once the index has taken the files in, so that its own message does
    // not hide it.
    FolderIndexer& indexer = FolderSession::instance().indexer();
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = connect(&indexer, &FolderIndexer::finished, this, [this, once, message] {
        disconnect(*once);
        m_window->statusBar()->showMessage(message, MessageMs);
    });
    indexer.refresh();
    m_window->statusBar()->showMessage(message, MessageMs);
}

void FolderChanges::applied(const Result<AppliedChange>& result, bool undo)
{
    const QString title = undo ? tr("Undo Folder Change") : tr("Change Folder");
    // Cancelled while the articles were being written: the engine put back those written
    // already, so the folder is as before. A file it could not put back is added to its message
    // on a line of its own: that one is a warning.
    if (!result && *m_cancel && !result.error().message.contains(QLatin1Char('\n'))) {
        sayAfterIndexing(tr("Cancelled: every article is as it was before the change"));
        updateActions();
        Q_EMIT done(false);
        return;
    }
    if (!result) {
        Prompts::instance().warn(m_window, title,
                                 tr("Nothing was changed: %1").arg(result.error().message));
        FolderSession::instance().indexer().refresh();
        Q_EMIT done(false);
        return;
    }
    const AppliedChange& change = result.value();
    if (change.files.isEmpty()) {
        m_window->statusBar()->showMessage(tr("Cancelled: no article was changed"), MessageMs);
        Q_EMIT done(false);
        return;
    }
    const int n = int(change.files.size());
    sayAfterIndexing(
        undo ? tr("Undone: %1 back as they were").arg(articles(n))
             : tr("Changed %1 (Edit > Undo Folder Change puts them back)").arg(articles(n)));
    updateActions();
    Q_EMIT done(true);
}

void FolderChanges::undoFolderChange()
{
    if (m_busy || !FolderSession::instance().isOpen())
        return;
    const QList<AppliedChange> history = undoable(FolderSession::instance().root());
    if (history.isEmpty())
        return;
    const Result<ChangePlan> plan = SiteChangeJournal::planUndo(history.first());
    if (!plan) {
        Prompts::instance().warn(m_window, tr("Undo Folder Change"),
                                 tr("The change cannot be undone: %1").arg(plan.error().message));
        return;
    }
    // Saving first would change what the undo puts back (and so refuse it): the windows keep
    // their edits, and each asks afterwards, as for any change on disk, whether to keep them.
    QStringList names;
    for (const FileChange& f : plan->files) {
        if (MainWindow* w = MainWindow::windowFor(f.path); w && w->isModified())
            names << display(f.path);
    }
    if (!names.isEmpty() && !FolderPrompts::instance().undoOverEdits(m_window, names))
        return;
    apply(plan.value(), true);
}

} // namespace frontis
