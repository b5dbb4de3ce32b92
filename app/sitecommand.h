#pragma once

#include <QStringList>

class QTextStream;

namespace frontis::commandline {

// The site-wide commands of issue 19 (docs/sitechanges.md): `frontis rename PATH... KEY OLD NEW`,
// `set PATH... KEY VALUE [--where KEY=VALUE]...`, `unset PATH... KEY [--where KEY=VALUE]...` and
// `replace PATH... FIND REPLACEMENT (--key KEY | --body) [--regex] [--ignore-case]
// [--whole-words]`, each with --dry-run. Every file is planned and verified before any is
// written, and written all or nothing through the change journal. Exit status 0 success, 2 usage,
// I/O or parse error (nothing written).
int runSiteCommand(const QString& command, const QStringList& args, QTextStream& out,
                   QTextStream& err);

// True when `set` or `unset` with these arguments (without the command) is the site-wide form:
// a --where, more positionals than the one-file form takes, or a folder as the first one.
bool isSiteForm(const QString& command, const QStringList& args);

// Finishes or drops site-wide changes interrupted below or above the paths named in `args`
// (SiteChangeJournal::recover), reporting what it did on `err`. Run before every command on
// articles.
void recoverInterruptedChanges(const QStringList& args, QTextStream& err);

} // namespace frontis::commandline
