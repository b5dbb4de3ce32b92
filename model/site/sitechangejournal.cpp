// The journal of site-wide changes (docs/sitechanges.md). One entry per change, a folder
// `<content folder>/.frontis/changes/<id>/` holding:
//   data      every file's old and new bytes back to back, flushed before the manifest is written
//   manifest  JSON: the description and, per file, its path and the offsets, sizes and hashes of
//             its old and new bytes; written atomically, it is the commit point
//   state     absent while the articles are being written; "done", "undone" or "rollback"
// A folder without a manifest is a change interrupted before any article was written.
#include "model/site/sitechangejournal.h"

#include "model/file/atomicwrite.h"
#include "model/file/filestamp.h"
#include "model/file/regularfile.h"
#include "model/file/unifieddiff.h"
#include "model/schema/schemalibrary.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QRandomGenerator>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <unistd.h>

namespace frontis {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("SiteChangeJournal", text);
}

const QString DataName = QStringLiteral("data");
const QString ManifestName = QStringLiteral("manifest");
const QString StateName = QStringLiteral("state");
const QString LockName = QStringLiteral("lock");
constexpr int ManifestVersion = 1;
constexpr int KeptChanges = 10; // applied changes kept for undo
constexpr int LockWaitMs = 10000;
constexpr int WriteBatch = 64; // articles written between progress reports

struct JournalFile
{
    QString path; // absolute
    qint64 oldOffset = 0;
    qint64 oldSize = 0;
    QByteArray oldHash;
    qint64 newOffset = 0;
    qint64 newSize = 0;
    QByteArray newHash;
};

struct Entry
{
    QString dir; // the entry's folder
    QString id;
    QString description;
    QString undoOf; // the id an undo entry undid
    QDateTime applied;
    QList<JournalFile> files;
    QString state;
};

QString fileError(const QString& path, const QString& message)
{
    return QStringLiteral("%1: error: %2").arg(path, message);
}

QString newId()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz-")) +
           QString::number(QRandomGenerator::global()->bounded(1u << 30), 36);
}

// Writes and flushes the data file: all of it is on disk before the manifest names it.
Status writeData(const QString& path, const QList<FileChange>& files, QList<JournalFile>* out)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error{
            fileError(path, tr("cannot write the change journal: %1").arg(f.errorString()))};
    qint64 at = 0;
    for (const FileChange& c : files) {
        JournalFile j;
        j.path = QFileInfo(c.path).absoluteFilePath();
        j.oldOffset = at;
        j.oldSize = c.before.size();
        j.oldHash = FileStamp::hash(c.before);
        j.newOffset = at + c.before.size();
        j.newSize = c.after.size();
        j.newHash = FileStamp::hash(c.after);
        if (f.write(c.before) != c.before.size() || f.write(c.after) != c.after.size())
            return Error{
                fileError(path, tr("cannot write the change journal: %1").arg(f.errorString()))};
        at += c.before.size() + c.after.size();
        out->append(j);
    }
    if (!f.flush() || ::fsync(f.handle()) != 0)
        return Error{
            fileError(path, tr("cannot write the change journal: %1").arg(f.errorString()))};
    return std::nullopt;
}

QByteArray manifestBytes(const Entry& e)
{
    QJsonArray files;
    for (const JournalFile& j : e.files) {
        files.append(QJsonObject{{QStringLiteral("path"), j.path},
                                 {QStringLiteral("oldOffset"), j.oldOffset},
                                 {QStringLiteral("oldSize"), j.oldSize},
                                 {QStringLiteral("oldSha256"), QString::fromLatin1(j.oldHash)},
                                 {QStringLiteral("newOffset"), j.newOffset},
                                 {QStringLiteral("newSize"), j.newSize},
                                 {QStringLiteral("newSha256"), QString::fromLatin1(j.newHash)}});
    }
    const QJsonObject root{{QStringLiteral("version"), ManifestVersion},
                           {QStringLiteral("description"), e.description},
                           {QStringLiteral("undoOf"), e.undoOf},
                           {QStringLiteral("applied"), e.applied.toString(Qt::ISODateWithMs)},
                           {QStringLiteral("files"), files}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

// Reads an entry's manifest and state; an Error for a damaged one.
Result<Entry> readEntry(const QString& dir)
{
    Entry e;
    e.dir = dir;
    e.id = QFileInfo(dir).fileName();
    const QString manifest = dir + QLatin1Char('/') + ManifestName;
    Result<FileContents> read = readRegularFile(manifest, 64 * 1024 * 1024);
    if (!read)
        return read.error();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(read->bytes, &parseError);
    const QJsonObject root = doc.object();
    if (doc.isNull() || root.value(QStringLiteral("version")).toInt() != ManifestVersion)
        return Error{fileError(manifest, tr("a damaged or unknown change journal; left alone"))};
    e.description = root.value(QStringLiteral("description")).toString();
    e.undoOf = root.value(QStringLiteral("undoOf")).toString();
    e.applied =
        QDateTime::fromString(root.value(QStringLiteral("applied")).toString(), Qt::ISODateWithMs);
    for (const QJsonValue& v : root.value(QStringLiteral("files")).toArray()) {
        const QJsonObject o = v.toObject();
        JournalFile j;
        j.path = o.value(QStringLiteral("path")).toString();
        j.oldOffset = qint64(o.value(QStringLiteral("oldOffset")).toDouble());
        j.oldSize = qint64(o.value(QStringLiteral("oldSize")).toDouble());
        j.oldHash = o.value(QStringLiteral("oldSha256")).toString().toLatin1();
        j.newOffset = qint64(o.value(QStringLiteral("newOffset")).toDouble());
        j.newSize = qint64(o.value(QStringLiteral("newSize")).toDouble());
        j.newHash = o.value(QStringLiteral("newSha256")).toString().toLatin1();
        if (j.path.isEmpty() || j.oldHash.isEmpty() || j.newHash.isEmpty())
            return Error{fileError(manifest, tr("a damaged change journal; left alone"))};
        e.files.append(j);
    }
    QFile state(dir + QLatin1Char('/') + StateName);
    if (state.open(QIODevice::ReadOnly))
        e.state = QString::fromLatin1(state.readAll()).trimmed();
    return e;
}

// The old or new bytes of a file, checked against their hash.
Result<QByteArray> journalBytes(const Entry& e, const JournalFile& j, bool newBytes)
{
    QFile data(e.dir + QLatin1Char('/') + DataName);
    if (!data.open(QIODevice::ReadOnly) || !data.seek(newBytes ? j.newOffset : j.oldOffset))
        return Error{fileError(data.fileName(), tr("cannot read the change journal"))};
    const QByteArray bytes = data.read(newBytes ? j.newSize : j.oldSize);
    if (FileStamp::hash(bytes) != (newBytes ? j.newHash : j.oldHash))
        return Error{fileError(data.fileName(), tr("the change journal is damaged"))};
    return bytes;
}

Status writeState(const Entry& e, const QString& state)
{
    return writeAtomically(e.dir + QLatin1Char('/') + StateName, state.toLatin1() + '\n');
}

// In the content folder's `.frontis`; where there is none, beside it: a `.frontis` folder made
// for the journal would hide one made later above it from the schema lookup (the nearest wins).
QString journalOf(const QString& folder)
{
    return folder + QStringLiteral("/.frontis/changes");
}

QString looseJournalOf(const QString& folder)
{
    return folder + QStringLiteral("/.frontis-changes");
}

// Journal folders at and above `folder` that exist.
QStringList journalsAbove(const QString& folder)
{
    QStringList found;
    QDir dir(QFileInfo(folder).absoluteFilePath());
    if (!QFileInfo(dir.absolutePath()).isDir())
        dir.setPath(QFileInfo(dir.absolutePath()).absolutePath()); // a file: its folder
    for (;;) {
        for (const QString& j :
             {journalOf(dir.absolutePath()), looseJournalOf(dir.absolutePath())}) {
            if (QFileInfo(j).isDir())
                found << j;
        }
        if (!dir.cdUp())
            return found;
    }
}

QStringList entryDirs(const QString& journal)
{
    QStringList dirs;
    const QStringList names =
        QDir(journal).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
    for (const QString& n : names)
        dirs << journal + QLatin1Char('/') + n;
    return dirs;
}

// Brings every file of `e` to its new (`forward`) or old bytes, where it holds the other one.
// Files holding neither are left as they are and reported.
void settle(const Entry& e, bool forward, QList<PlanProblem>* problems)
{
    for (const JournalFile& j : e.files) {
        Result<FileStamp> now = FileStamp::read(j.path);
        const QByteArray want = forward ? j.newHash : j.oldHash;
        const QByteArray other = forward ? j.oldHash : j.newHash;
        if (now && now->sha256 == want)
            continue;
        if (!now || now->sha256 != other) {
            problems->append({j.path, Error{tr("changed by someone else during the interrupted "
                                               "change '%1'; left as it is")
                                                .arg(e.description)}});
            continue;
        }
        Result<QByteArray> bytes = journalBytes(e, j, forward);
        if (!bytes) {
            problems->append({j.path, bytes.error()});
            continue;
        }
        if (Status s = writeAtomically(j.path, bytes.value()))
            problems->append({j.path, *s});
    }
}

// Drops undone entries and all but the newest applied ones.
void prune(const QString& journal)
{
    QStringList dirs = entryDirs(journal);
    std::reverse(dirs.begin(), dirs.end()); // newest first: ids sort by time
    int kept = 0;
    for (const QString& d : dirs) {
        QFile state(d + QLatin1Char('/') + StateName);
        if (!state.open(QIODevice::ReadOnly))
            continue; // unfinished: recover()'s business
        const QByteArray s = state.readAll().trimmed();
        state.close();
        if (s == "undone" || (s == "done" && ++kept > KeptChanges))
            QDir(d).removeRecursively();
    }
}

// The threads that write a change's articles: more than the cores, as they mostly wait for the
// disk.
QThreadPool* writerPool()
{
    static QThreadPool* pool = [] {
        auto* p = new QThreadPool;
        p->setMaxThreadCount(8);
        return p;
    }();
    return pool;
}

// One article replaced, unless it changed on disk since it was planned (checked just before the
// new copy takes its place).
Status writeOne(const FileChange& f)
{
    AtomicWriteOptions options;
    options.beforeCommit = [&f]() -> Status {
        Result<FileStamp> now = FileStamp::read(f.path);
        if (!now || !now->sameContent(f.stamp))
            return Error{tr("changed on disk while the change was being written")};
        return std::nullopt;
    };
    return writeAtomically(f.path, f.after, options);
}

AppliedChange appliedFrom(const Entry& e)
{
    AppliedChange a;
    a.id = e.id;
    a.journalDir = QFileInfo(e.dir).absolutePath();
    a.description = e.description;
    a.applied = e.applied;
    a.undoOf = e.undoOf;
    for (const JournalFile& j : e.files)
        a.files << j.path;
    return a;
}

} // namespace

QString SiteRecovery::text() const
{
    QString t;
    for (const QString& d : finished)
        t += tr("frontis: finished an interrupted change: %1\n").arg(d);
    for (const QString& d : rolledBack)
        t +=
            tr("frontis: dropped an interrupted change (no article was left changed): %1\n").arg(d);
    for (const PlanProblem& p : problems)
        t += p.format() + QLatin1Char('\n');
    return t;
}

QString SiteChangeJournal::folderFor(const QStringList& files)
{
    QString common;
    for (const QString& f : files) {
        const QString dir = QFileInfo(f).absolutePath();
        if (common.isNull()) {
            common = dir;
            continue;
        }
        while (common != dir && !dir.startsWith(common + QLatin1Char('/')) &&
               common != QLatin1String("/"))
            common = QFileInfo(common).absolutePath();
    }
    if (common.isEmpty())
        common = QDir::currentPath();
    const QString config = SchemaLibrary::configFolder(common);
    return config.isEmpty() ? looseJournalOf(common) : config + QStringLiteral("/changes");
}

Result<AppliedChange> SiteChangeJournal::apply(const ChangePlan& plan, const SiteProgress& progress)
{
    if (!plan.canApply()) {
        if (!plan.problems.isEmpty())
            return Error{plan.problems.first().format()};
        return Error{tr("the change was not fully planned (cancelled); nothing was written")};
    }
    if (plan.files.isEmpty())
        return AppliedChange{};
    QStringList paths;
    for (const FileChange& f : plan.files)
        paths << QFileInfo(f.path).absoluteFilePath();
    const QString journal = folderFor(paths);
    if (!QDir().mkpath(journal))
        return Error{fileError(journal, tr("cannot create the change journal folder"))};
    QLockFile lock(journal + QLatin1Char('/') + LockName);
    if (!lock.tryLock(LockWaitMs))
        return Error{fileError(journal, tr("another Frontis is changing these articles; try "
                                           "again when it is done"))};

    // Checked before anything is written: each file still holds what was planned, and can be
    // replaced (writeAtomically refuses a read-only file or folder too, but only one by one).
    for (const FileChange& f : plan.files) {
        Result<FileStamp> now = FileStamp::read(f.path);
        if (!now)
            return Error{fileError(f.path, now.error().message)};
        if (!now->sameContent(f.stamp))
            return Error{fileError(f.path, tr("changed on disk since it was read; nothing was "
                                              "written, run the change again"))};
        if (Status s = checkWritable(f.path, WriteAdvice::ChangeOfMany))
            return Error{fileError(f.path, s->message)};
    }

    Entry e;
    e.id = newId();
    e.dir = journal + QLatin1Char('/') + e.id;
    e.description = plan.change.describe();
    e.applied = QDateTime::currentDateTimeUtc();
    if (plan.change.kind == SiteChange::Kind::Undo)
        e.undoOf = plan.change.to;
    if (!QDir().mkpath(e.dir))
        return Error{fileError(e.dir, tr("cannot create the change journal folder"))};
    const auto dropEntry = [&e] { QDir(e.dir).removeRecursively(); };
    if (Status s = writeData(e.dir + QLatin1Char('/') + DataName, plan.files, &e.files)) {
        dropEntry();
        return *s;
    }
    if (Status s = writeAtomically(e.dir + QLatin1Char('/') + ManifestName, manifestBytes(e))) {
        dropEntry();
        return *s;
    }
    // From here on the change is recorded: a crash finishes it on the next run. The articles are
    // written by several threads at once: each write waits for the disk (fsync), and waits that
    // overlap cost little more than one (the file system commits them together).
    const int total = int(plan.files.size());
    std::optional<Error> failed;
    for (int from = 0; from < total && !failed; from += WriteBatch) {
        if (progress && !progress(from, total)) {
            failed = Error{tr("cancelled; every article was put back as it was")};
            break;
        }
        QList<int> batch;
        for (int i = from; i < std::min(total, from + WriteBatch); ++i)
            batch << i;
        const QList<Status> results = QtConcurrent::blockingMapped(
            writerPool(), batch, [&plan](int i) { return writeOne(plan.files.at(i)); });
        for (qsizetype i = 0; i < results.size() && !failed; ++i) {
            if (results.at(i)) {
                const QString& path = plan.files.at(batch.at(i)).path;
                failed = Error{fileError(path, results.at(i)->message +
                                                   tr(" Every article was put back as it was."))};
            }
        }
    }
    if (failed) {
        // A crash while putting files back makes the next run put back the rest. Files still
        // holding their old bytes are left alone.
        (void)writeState(e, QStringLiteral("rollback"));
        QList<PlanProblem> problems;
        settle(e, false, &problems);
        if (problems.isEmpty())
            dropEntry();
        else
            failed->message += QLatin1Char('\n') + problems.first().format();
        return *failed;
    }
    if (progress)
        progress(total, total);
    if (Status s = writeState(e, QStringLiteral("done")))
        return Error{fileError(e.dir, tr("the change was written but its journal could not be "
                                         "closed: %1")
                                          .arg(s->message))};
    if (!e.undoOf.isEmpty()) {
        Result<Entry> undone = readEntry(journal + QLatin1Char('/') + e.undoOf);
        if (undone)
            (void)writeState(undone.value(), QStringLiteral("undone"));
    }
    prune(journal);
    return appliedFrom(e);
}

QList<AppliedChange> SiteChangeJournal::history(const QString& folder)
{
    QList<AppliedChange> out;
    const QString root = QFileInfo(folder).absoluteFilePath();
    for (const QString& journal : journalsAbove(folder)) {
        for (const QString& dir : entryDirs(journal)) {
            Result<Entry> e = readEntry(dir);
            if (!e || e->state != QLatin1String("done"))
                continue;
            const bool below = std::any_of(e->files.cbegin(), e->files.cend(), [&](const auto& j) {
                return j.path.startsWith(root + QLatin1Char('/')) || j.path == root;
            });
            if (below)
                out << appliedFrom(e.value());
        }
    }
    std::sort(out.begin(), out.end(), [](const AppliedChange& a, const AppliedChange& b) {
        return a.id > b.id; // newest first
    });
    return out;
}

Result<ChangePlan> SiteChangeJournal::planUndo(const AppliedChange& change)
{
    Result<Entry> e = readEntry(change.journalDir + QLatin1Char('/') + change.id);
    if (!e)
        return e.error();
    if (e->state != QLatin1String("done"))
        return Error{
            tr("the change '%1' cannot be undone (it is %2)")
                .arg(e->description, e->state.isEmpty() ? tr("unfinished") : tr("already undone"))};
    ChangePlan plan;
    plan.change.kind = SiteChange::Kind::Undo;
    plan.change.from = e->description;
    plan.change.to = e->id;
    for (const JournalFile& j : e->files) {
        Result<FileContents> now = readRegularFile(j.path, ArticleFile::MaxFileBytes);
        if (!now)
            return Error{fileError(j.path, now.error().message)};
        if (FileStamp::hash(now->bytes) != j.newHash)
            return Error{fileError(j.path, tr("changed since '%1' was applied; the change cannot "
                                              "be undone")
                                               .arg(e->description))};
        Result<QByteArray> old = journalBytes(e.value(), j, false);
        if (!old)
            return old.error();
        FileChange f;
        f.path = j.path;
        f.before = now->bytes;
        f.after = old.value();
        f.stamp = FileStamp::of(now->bytes, now->modified);
        f.diff = unifiedDiff(f.before, f.after, j.path, j.path);
        f.edits = 1;
        plan.files << f;
    }
    plan.examined = plan.matched = int(plan.files.size());
    return plan;
}

Result<AppliedChange> SiteChangeJournal::undo(const AppliedChange& change,
                                              const SiteProgress& progress)
{
    Result<ChangePlan> plan = planUndo(change);
    if (!plan)
        return plan.error();
    return apply(plan.value(), progress);
}

SiteRecovery SiteChangeJournal::recover(const QString& folder)
{
    SiteRecovery r;
    for (const QString& journal : journalsAbove(folder)) {
        QLockFile lock(journal + QLatin1Char('/') + LockName);
        if (!lock.tryLock(LockWaitMs))
            continue; // another Frontis is applying a change there: not interrupted
        for (const QString& dir : entryDirs(journal)) {
            if (!QFileInfo::exists(dir + QLatin1Char('/') + ManifestName)) {
                // Interrupted before its commit point: no article was written.
                QDir(dir).removeRecursively();
                r.rolledBack << tr("an unrecorded change (%1)").arg(QFileInfo(dir).fileName());
                continue;
            }
            Result<Entry> e = readEntry(dir);
            if (!e) {
                r.problems.append({dir, e.error()});
                continue;
            }
            if (e->state == QLatin1String("done") || e->state == QLatin1String("undone"))
                continue;
            // Files someone else changed meanwhile are reported once and left alone; the entry is
            // closed either way, so that the next run does not report them again.
            const bool forward = e->state != QLatin1String("rollback");
            settle(e.value(), forward, &r.problems);
            if (forward) {
                r.finished << e->description;
                (void)writeState(e.value(), QStringLiteral("done"));
            } else {
                r.rolledBack << e->description;
                QDir(dir).removeRecursively();
            }
        }
    }
    return r;
}

} // namespace frontis
