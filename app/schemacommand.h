#pragma once

#include <QStringList>

class QTextStream;

namespace frontis::commandline {

// `frontis schema infer PATH... [--output FILE] [--force]`: prints (or writes to FILE, atomically)
// a schema inferred from the articles below PATH. FILE is not overwritten without --force: a
// schema is often edited by hand after it was inferred. Exit status 0 when a schema was made, 2 on
// usage or I/O problems or when no article could be read.
int runSchema(const QStringList& args, QTextStream& out, QTextStream& err);

} // namespace frontis::commandline
