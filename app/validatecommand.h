#pragma once

#include <QStringList>

class QTextStream;

namespace frontis::commandline {

// `frontis validate [--format text|json] [--schema FILE] PATH...`: checks articles and folders of
// articles against their schemas. Exit status 0 without errors, 1 with errors, 2 on usage or I/O
// problems.
int runValidate(const QStringList& args, QTextStream& out, QTextStream& err);

} // namespace frontis::commandline
