#include "sitecommand.h"

#include "model/site/sitechange.h"
#include "model/site/sitechangejournal.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSet>
#include <QTextStream>

namespace frontis::commandline {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("CommandLine", text);
}

constexpr int ExitOk = 0;
constexpr int ExitError = 2;

const QString DryRun = QStringLiteral("--dry-run");
const QString Where = QStringLiteral("--where");
const QString Key = QStringLiteral("--key");
const QString Body = QStringLiteral("--body");
const QString Regex = QStringLiteral("--regex");
const QString IgnoreCase = QStringLiteral("--ignore-case");
const QString WholeWords = QStringLiteral("--whole-words");

struct SiteArgs
{
    QStringList positional;
    QSet<QString> flags;
    QList<WhereClause> where;
    QString key;
    QString problem; // a usage error
};

// Flags a command knows, with `--where` and `--key` taking a value (also as --where=K=V); "--"
// ends the flags, so that values such as "-1" or "--x" can be given after it.
SiteArgs parseSiteArgs(const QString& command, const QStringList& args, const QStringList& known)
{
    SiteArgs p;
    bool flagsDone = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString a = args.at(i);
        if (flagsDone || !a.startsWith(QLatin1String("--"))) {
            p.positional << a;
            continue;
        }
        if (a == QLatin1String("--")) {
            flagsDone = true;
            continue;
        }
        QString value;
        bool hasValue = false;
        const qsizetype eq = a.indexOf(QLatin1Char('='));
        if (eq > 0) {
            value = a.mid(eq + 1);
            a = a.left(eq);
            hasValue = true;
        }
        if (!known.contains(a)) {
            p.problem = tr("%1: unknown option '%2'").arg(command, args.at(i));
            return p;
        }
        if (a == Where || a == Key) {
            if (!hasValue) {
                if (i + 1 >= args.size()) {
                    p.problem = tr("%1: %2 needs a value").arg(command, a);
                    return p;
                }
                value = args.at(++i);
            }
            if (a == Key) {
                p.key = value;
                continue;
            }
            const qsizetype sep = value.indexOf(QLatin1Char('='));
            if (sep <= 0) {
                p.problem = tr("%1: --where takes KEY=VALUE, not '%2'").arg(command, value);
                return p;
            }
            p.where << WhereClause{value.left(sep), value.mid(sep + 1)};
            continue;
        }
        if (hasValue) {
            p.problem = tr("%1: %2 takes no value").arg(command, a);
            return p;
        }
        p.flags.insert(a);
    }
    return p;
}

int usage(QTextStream& err, const QString& message)
{
    err << "frontis: " << message << "\n" << tr("Try 'frontis --help'.") << "\n";
    return ExitError;
}

} // namespace

bool isSiteForm(const QString& command, const QStringList& args)
{
    const SiteArgs p = parseSiteArgs(command, args, {DryRun, Where, Body});
    if (!p.problem.isEmpty() || p.flags.contains(Body))
        return false; // the one-file form reports it
    if (!p.where.isEmpty())
        return true;
    const qsizetype oneFile = command == QLatin1String("set") ? 3 : 2;
    if (p.positional.size() > oneFile)
        return true;
    return !p.positional.isEmpty() && QFileInfo(p.positional.first()).isDir();
}

void recoverInterruptedChanges(const QStringList& args, QTextStream& err)
{
    QSet<QString> folders;
    for (const QString& a : args) {
        if (a.startsWith(QLatin1String("--")))
            continue;
        const QFileInfo info(a);
        if (!info.exists())
            continue;
        const QString folder = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
        if (folders.contains(folder))
            continue;
        folders.insert(folder);
        const SiteRecovery r = SiteChangeJournal::recover(folder);
        if (!r.isEmpty())
            err << r.text();
    }
}

int runSiteCommand(const QString& command, const QStringList& args, QTextStream& out,
                   QTextStream& err)
{
    const bool rename = command == QLatin1String("rename");
    const bool set = command == QLatin1String("set");
    const bool unset = command == QLatin1String("unset");
    QStringList known{DryRun};
    if (rename)
        known << IgnoreCase;
    else if (set || unset)
        known << Where;
    else
        known << Key << Body << Regex << IgnoreCase << WholeWords;
    const SiteArgs p = parseSiteArgs(command, args, known);
    if (!p.problem.isEmpty())
        return usage(err, p.problem);
    // The words after the paths.
    const qsizetype words = rename ? 3 : set ? 2 : unset ? 1 : 2;
    if (p.positional.size() < words + 1) {
        const QString form = rename  ? tr("rename takes PATH... KEY OLD NEW")
                             : set   ? tr("set takes PATH... KEY VALUE")
                             : unset ? tr("unset takes PATH... KEY")
                                     : tr("replace takes PATH... FIND REPLACEMENT");
        return usage(err, form);
    }
    const QStringList paths = p.positional.mid(0, p.positional.size() - words);
    const QStringList w = p.positional.mid(p.positional.size() - words);
    SiteChange change;
    if (rename) {
        change = SiteChange::rename(w[0], w[1], w[2], p.flags.contains(IgnoreCase));
    } else if (set) {
        change = SiteChange::set(w[0], w[1], p.where);
    } else if (unset) {
        change = SiteChange::unset(w[0], p.where);
    } else {
        const bool body = p.flags.contains(Body);
        if (body == !p.key.isEmpty())
            return usage(err, tr("replace takes either --key KEY or --body"));
        FindOptions options;
        options.caseSensitive = !p.flags.contains(IgnoreCase);
        options.regularExpression = p.flags.contains(Regex);
        options.wholeWords = p.flags.contains(WholeWords);
        change = SiteChange::replace(p.key, body, w[0], w[1], options);
    }

    Result<ChangePlan> plan = planSiteChange(paths, change);
    if (!plan)
        return usage(err, QStringLiteral("%1: %2").arg(command, plan.error().message));
    const bool dryRun = p.flags.contains(DryRun);
    if (dryRun)
        out << plan->dryRunText();
    for (const PlanProblem& problem : plan->problems)
        err << problem.format() << "\n";
    if (!plan->problems.isEmpty()) {
        err << tr("frontis: %1: %2 of the articles cannot be changed; nothing was written")
                   .arg(command)
                   .arg(plan->problems.size())
            << "\n";
        return ExitError;
    }
    if (dryRun)
        return ExitOk;
    Result<AppliedChange> applied = SiteChangeJournal::apply(plan.value());
    if (!applied) {
        err << applied.error().message << "\n";
        return ExitError;
    }
    out << tr("%1 of %2 articles changed (%3 values).\n")
               .arg(plan->files.size())
               .arg(plan->examined)
               .arg(plan->edits());
    return ExitOk;
}

} // namespace frontis::commandline
