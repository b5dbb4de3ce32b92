#pragma once

#include <QStringList>

class QTextStream;

namespace frontis::commandline {

// `frontis render FILE [--dark] [--fragment]`: prints the article as the preview shows it, a
// whole HTML document with the light stylesheet inlined (--dark: the dark one; --fragment: only
// what goes inside <body>, without a stylesheet). Exit status 0, or 2 on usage, I/O or parse
// errors (reported as FILE:LINE:COLUMN: error: MESSAGE).
int runRender(const QStringList& args, QTextStream& out, QTextStream& err);

} // namespace frontis::commandline
