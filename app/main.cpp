#include "commandline.h"
#include "mainwindow.h"

#include <QApplication>
#include <QTextStream>

#include <cstdio>

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
    QCoreApplication::setOrganizationName(QStringLiteral("Frontis"));
    QCoreApplication::setApplicationName(QStringLiteral("Frontis"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FRONTIS_VERSION));
    // Qt has taken its own options (-style, -platform...) out of arguments() by now.
    frontis::MainWindow::openStartupWindows(QCoreApplication::arguments().mid(1));
    return app.exec();
}
