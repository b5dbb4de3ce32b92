#pragma once

#include <QStringList>

class QTextStream;

namespace frontis {

// The headless command line: `frontis get|set|validate|render ...`, --help, --version.
// Needs no display; links model/ only.
namespace commandline {

// True when `args` (without the program name) asks for the command line rather than the window.
bool wantsCommandLine(const QStringList& args);
// Runs a command; returns the process exit code (0 ok, 1 "no" answer, 2 usage or I/O error).
int run(const QStringList& args, QTextStream& out, QTextStream& err);
// The text of `frontis --help` (also the source the man page is checked against).
QString helpText();

} // namespace commandline
} // namespace frontis
