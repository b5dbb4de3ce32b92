#pragma once

#include <QJsonObject>
#include <QString>

namespace frontis::bench {

// Measures the site-wide changes of issue 19 as a user runs them: the real `frontis` executable,
// a process of its own per run, on a generated QuickTakes folder (tests/model/generatefolder.h):
//   dryRun   `frontis rename FOLDER subject Biology 'Life Sciences' --dry-run` (every file read,
//            planned, verified and its diff printed; nothing written)
//   apply    the same without --dry-run, then back again: verified, journaled and written
// Each figure is {"ms", "cpuMs", "runs"} (medians), with "files" (articles in the folder) and
// "changed" (articles the rename changes, about one in eight). The folder is left as it was
// found, and the change journal the runs made is removed. "error" says what went wrong.
QJsonObject measureSiteChange(const QString& folder, int repeats, const QString& executable = {});

} // namespace frontis::bench
