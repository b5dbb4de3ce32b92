#pragma once

#include <QStringList>

class QTextStream;

namespace frontis::commandline {

// `frontis validate [--format text|json] [--schema FILE] [--no-cache] PATH...`: checks articles
// and folders of articles against their schemas; a folder's results are kept in the user's cache
// folder (shared with the window's article list) unless --no-cache. Exit status 0 without
// errors, 1 with errors, 2 on usage or I/O problems.
int runValidate(const QStringList& args, QTextStream& out, QTextStream& err);

} // namespace frontis::commandline
