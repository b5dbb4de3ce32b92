#include "commandline.h"

#include <QApplication>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    if (frontis::commandline::wantsCommandLine(args)) {
        // Headless: no display is needed or touched.
        QCoreApplication app(argc, argv);
        QTextStream out(stdout);
        QTextStream err(stderr);
        const int code = frontis::commandline::run(args, out, err);
        out.flush();
        err.flush();
        return code;
    }
    QApplication app(argc, argv);
    QTextStream(stderr) << "frontis: the editor window is not built yet\n";
    return 2;
}
