#pragma once

#include "model/file/error.h"
#include "model/site/sitechange.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace frontis {

// A site-wide change that was applied, as its journal keeps it (to be undone while its files still
// hold what it wrote).
struct AppliedChange
{
    QString id;          // the entry's name in the journal folder; sorts by time
    QString journalDir;  // the journal folder (folderFor())
    QString description; // SiteChange::describe() of the change
    QDateTime applied;   // UTC
    QStringList files;   // absolute paths of the files written, in plan order
    QString undoOf;      // an undo: the id of the change it undid (empty for a change)

    // An undo of another change (undoing it again would redo that change).
    bool isUndo() const { return !undoOf.isEmpty(); }
};

// What recover() did with the changes a crash or a kill interrupted.
struct SiteRecovery
{
    QStringList finished; // descriptions of changes completed (every file now holds the new bytes)
    QStringList rolledBack;      // descriptions of changes dropped before any article was written
    QList<PlanProblem> problems; // files holding neither version (changed by someone else since):
                                 // left as they are; damaged journal entries

    bool isEmpty() const
    {
        return finished.isEmpty() && rolledBack.isEmpty() && problems.isEmpty();
    }
    // One line per item, for the command line's standard error and the window's message.
    QString text() const;
};

// Writes a ChangePlan all or nothing. The journal entry (every file's old and new bytes, and
// stamps) is written and flushed first, in `<content folder>/.frontis/changes/<id>/`, then marked
// complete; only then are the articles replaced one by one (atomically each). A crash before the
// mark leaves the articles untouched and the entry is dropped; a crash after it is finished by
// recover() the next time Frontis runs on the folder, so that every file ends up new. Applied
// entries stay as the undo history (the newest few; older ones are pruned).
class SiteChangeJournal
{
public:
    // The journal folder for a change to `files`: `.frontis/changes` in the nearest folder at or
    // above their common folder that holds a `.frontis` folder, else `.frontis-changes` in the
    // common folder (a `.frontis` made there would hide one made later above it from schemas).
    static QString folderFor(const QStringList& files);

    // Applies `plan` (refused unless plan.canApply()). Before anything is written every file is
    // checked again: still holding what the plan read (its stamp), writable; any failure writes
    // nothing and names the file. A write failing midway, or `progress` cancelling, puts back the
    // files already written, so that afterwards every file is old again. An empty plan writes
    // nothing and returns an AppliedChange without files (no journal entry). An error's message
    // names the file at fault ("path: error: ...").
    static Result<AppliedChange> apply(const ChangePlan& plan, const SiteProgress& progress = {});

    // The changes applied to articles below `folder` that can still be undone, newest first
    // (journal entries in `folder`'s journal folder and those above it).
    static QList<AppliedChange> history(const QString& folder);

    // A plan that puts back the bytes `change` replaced (before/after swapped), refused with the
    // file named when any file no longer holds what the change wrote. Apply it with apply();
    // once applied, `change` leaves the history.
    static Result<ChangePlan> planUndo(const AppliedChange& change);
    // planUndo() then apply().
    static Result<AppliedChange> undo(const AppliedChange& change,
                                      const SiteProgress& progress = {});

    // Finishes or drops every change a crash or a kill interrupted whose journal is in `folder`'s
    // journal folder or one above it (see folderFor()). Cheap when there is none: the command line
    // calls it before every command on articles, the window when it opens a folder.
    static SiteRecovery recover(const QString& folder);
};

} // namespace frontis
