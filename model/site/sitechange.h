#pragma once

#include "model/file/error.h"
#include "model/file/filestamp.h"
#include "model/text/textfinder.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace frontis {

class SchemaLibrary;

// One test of `--where KEY=VALUE`: the article's value of `key` is `value` (a scalar's text as
// YAML reads it; a list or tags field holds `value` as one of its entries). An absent key never
// matches; an empty `value` matches an empty or null value.
struct WhereClause
{
    QString key; // dotted, as on the command line ("seo.title")
    QString value;
    bool operator==(const WhereClause&) const = default;
};

// A change to make in many articles at once (issue 19): what `frontis rename|set|unset|replace
// PATH...` and the window's site-wide change ask for. Built with the named constructors.
struct SiteChange
{
    enum class Kind {
        Rename,  // where `key` is one of `oldValues` it becomes `to`; in a list or tags field the
                 // entry (a merge when `to` already is an entry, or when several entries are old)
        Set,     // `key` becomes `to` in the articles `where` picks (typed as `set` types it)
        Unset,   // `key` is removed from the articles `where` picks
        Replace, // `from` (a find-bar term) is replaced by `to` in the values of `key`, or in the
                 // article text when `inText`
        Undo,    // puts back what an applied change wrote (SiteChangeJournal::planUndo): `from`
                 // is that change's description, `to` its journal id
    };

    Kind kind = Kind::Set;
    QString key;              // dotted; resolved per article (FrontMatter::resolve)
    QStringList oldValues;    // Rename: OLD, or several values merged into `to` as one change
    QString from;             // Replace: FIND; Undo: the description
    QString to;               // Rename: NEW; Set: VALUE; Replace: REPLACEMENT
    QList<WhereClause> where; // Set, Unset: all must hold
    bool ignoreCase = false;  // Rename: compare case-insensitively
    FindOptions find;         // Replace: case, whole words, regular expression (`\1` rules)
    bool inText = false;      // Replace: the article text (body or markdown field, by schema)

    static SiteChange rename(const QString& key, const QString& from, const QString& to,
                             bool ignoreCase = false);
    // Several values become one (the Values view's Merge Into "js", "JS", "javascript" ->
    // "JavaScript"): one plan, one journal entry, one step to undo. An article holding several
    // of them keeps one entry, where the first of them was.
    static SiteChange merge(const QString& key, const QStringList& from, const QString& to,
                            bool ignoreCase = false);
    static SiteChange set(const QString& key, const QString& value,
                          const QList<WhereClause>& where = {});
    static SiteChange unset(const QString& key, const QList<WhereClause>& where = {});
    // `key` empty and `inText` true: in the article text.
    static SiteChange replace(const QString& key, bool inText, const QString& find,
                              const QString& replacement, FindOptions options = {});

    // Rename: whether `text` is one of the old values (and not `to` itself).
    bool isOldValue(const QString& text) const;

    // One line for people and journals: "rename tags 'go' -> 'golang'", "merge tags 'js', 'JS'
    // -> 'JavaScript'".
    QString describe() const;
};

// One article a plan changes: its bytes as read and as they will be written.
struct FileChange
{
    QString path;      // as ArticleFinder lists it (the argument, then the path below it)
    QByteArray before; // the whole file as read
    QByteArray after;  // the whole file as it will be written; differs from `before`
    FileStamp stamp;   // of `before` when read: applying refuses if the file no longer holds it
    QString diff;      // unified diff of before -> after, named by `path`
    int edits = 0;     // values (or text matches) changed in this file
};

// A file the change cannot be made to safely (unparsable, unreadable, read-only, a value of the
// wrong shape, an edit the document refused): any problem makes applying refuse.
struct PlanProblem
{
    QString path;
    Error error;
    // "path:line:column: error: message".
    QString format() const { return error.format(path); }
};

// Everything a site-wide change would write, computed and verified before anything is written:
// every `after` was re-parsed and every value compared with the intended ones (Document's own
// checks, then a whole-tree comparison: only the changed values differ). Files that need no change
// are not in `files`, and are never touched.
struct ChangePlan
{
    SiteChange change;
    QList<FileChange> files;     // in the order ArticleFinder lists them (deterministic)
    QList<PlanProblem> problems; // in the same order; non-empty: the plan must not be applied
    int examined = 0;            // articles read
    int matched = 0;             // articles `where` (or, for rename, the value) picked
    bool cancelled = false;      // planning stopped early: the plan is incomplete, do not apply

    bool canApply() const { return problems.isEmpty() && !cancelled; }
    int edits() const;
    // Every file's diff, in order, then a line of totals (what `--dry-run` prints).
    QString dryRunText() const;
};

// `done` of `total` steps so far; return false to cancel. Called on the thread that called the
// planning or applying function, between batches of files (never concurrently).
using SiteProgress = std::function<bool(int done, int total)>;

// Plans `change` for the articles below `paths` (files as given, folders searched as `frontis
// validate` searches them). Reads and plans files in parallel; the result's order does not
// depend on the threads. `library` chooses each article's schema (typed `set`, tags separators,
// where the text is); null: a fresh library. Paths that do not exist and folders that cannot be
// read are problems. An invalid change (a regular expression that does not compile, an empty
// key) is an Error.
Result<ChangePlan> planSiteChange(const QStringList& paths, const SiteChange& change,
                                  SchemaLibrary* library = nullptr,
                                  const SiteProgress& progress = {});

} // namespace frontis
