#pragma once

#include "model/site/sitechange.h"
#include "model/site/sitechangejournal.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

class QAction;
class QLabel;
class QMenu;
class QProgressBar;
class QToolButton;

namespace frontis {

class MainWindow;
class ReplaceInFolderDialog;

// The window's changes across the open folder (issue 19): Rename and Merge Into from the Values
// view, Change Field on the articles selected in the list, Edit > Replace in Folder, and Edit >
// Undo Folder Change. Each is planned by the site-change engine (model/site) in the background,
// shown for review (the files that change and their diffs, with a total), applied all or nothing
// in the background with a progress bar and Cancel in the status bar, and can be undone as one
// step while its files still hold what it wrote. Windows with unsaved edits of a file the change
// touches are asked about first (saved, or the change is not made); the other open windows of
// changed articles reload from disk as for any change made outside.
class FolderChanges : public QObject
{
    Q_OBJECT

public:
    explicit FolderChanges(MainWindow* window);

    // Edit menu: Change Field, Replace in Folder, Undo Folder Change.
    void addEditActions(QMenu* edit);

    // Rename `value` of `key` (asks for the new spelling) in every article that has it.
    void renameValue(const QString& key, const QString& value);
    // Merge `values` of `key` into one (asks which).
    void mergeValues(const QString& key, const QStringList& values);
    // Change Field on `paths` (asks for the key and value).
    void changeField(const QStringList& paths);
    ReplaceInFolderDialog* replaceInFolder();
    void undoFolderChange();

    // Plans `change` for `paths`, reviews it under `title`, applies it. Returns at once; done()
    // tells the end.
    void run(const SiteChange& change, const QStringList& paths, const QString& title);
    // Applies a plan made already (Replace in Folder's), after the same checks and review.
    void review(const ChangePlan& plan, const QString& title);
    bool isBusy() const { return m_busy; }
    void cancel() { *m_cancel = true; }

    // For tests: runs on the worker at each progress report of the next changes, before Cancel
    // is looked at, so that a test can hold a change at a known point and press Cancel.
    void setProgressHook(std::function<void(int done, int total)> hook)
    {
        m_progressHook = std::move(hook);
    }

    QAction* changeFieldAction() const { return m_changeField; }
    QAction* replaceAction() const { return m_replace; }
    QAction* undoAction() const { return m_undo; }
    QProgressBar* progressBar() const { return m_bar; }
    QToolButton* cancelButton() const { return m_cancelButton; }

Q_SIGNALS:
    // A change ended: `applied` when files were written (undo included).
    void done(bool applied);

private:
    void setBusy(bool busy, const QString& label = {});
    void planned(const Result<ChangePlan>& plan, const SiteChange& change, const QStringList& paths,
                 const QString& title);
    void apply(const ChangePlan& plan, bool undo);
    void applied(const Result<AppliedChange>& result, bool undo);
    void sayAfterIndexing(const QString& message);
    void updateActions();
    void recoverInterrupted();
    SiteProgress progress();
    template <typename T>
    void inBackground(const QString& label, std::function<T(const SiteProgress&)> work,
                      std::function<void(const T&)> finished);
    QString display(const QString& path) const;
    // What the review says the change does, in words.
    static QString sentence(const SiteChange& change);

    MainWindow* m_window;
    QAction* m_changeField = nullptr;
    QAction* m_replace = nullptr;
    QAction* m_undo = nullptr;
    QLabel* m_label = nullptr;
    QProgressBar* m_bar = nullptr;
    QToolButton* m_cancelButton = nullptr;
    QPointer<ReplaceInFolderDialog> m_replaceDialog;
    bool m_busy = false;
    std::shared_ptr<std::atomic<bool>> m_cancel; // shared with the worker, which may outlive us
    std::function<void(int, int)> m_progressHook;
};

} // namespace frontis
