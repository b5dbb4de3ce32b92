#pragma once

#include <QJsonObject>
#include <QString>

namespace frontis::bench {

// Measures `frontis validate` on a content folder as a user runs it: the real executable, in a
// process of its own, with a cache folder of its own (XDG_CACHE_HOME points into a temporary
// folder, so the user's cache is neither used nor touched). Each figure is the median of
// `repeats` runs, as {"ms", "filesPerSecond", "cpuMs"} (CPU time of all threads; on a busy
// machine wall time stretches, CPU time much less):
//   yamlCppParse   the ceiling: every file read and its front matter given to YAML::Load, on all
//                  cores, in this process (no validation, no output)
//   validateCold   `frontis validate FOLDER` with an empty cache
//   validateWarm   the same again, nothing changed
//   validateOneChanged  one file's bytes changed (its id), then validate with the warm cache
//   validateNoCache     `frontis validate --no-cache FOLDER`
//   peer           Node.js gray-matter + js-yaml (tests/bench/peers), when node and npm are there:
//                  its own figures, or {"skipped": reason}
// plus "files", "cores", "executable". The folder is left as it was found (the changed file is
// restored). An "error" member says what went wrong when nothing could be measured.
// The executable is `executable`, else $FRONTIS_EXECUTABLE, else `frontis` beside this program
// or in ../app (the build tree's layout).
QJsonObject measureValidate(const QString& folder, int repeats);
QJsonObject measureValidate(const QString& folder, int repeats, const QString& executable);

} // namespace frontis::bench
