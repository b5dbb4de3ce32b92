#include "commandline.h"
#include "foldersession.h"
#include "mainwindow.h"
#include "testhooks.h"

#include <QApplication>
#include <QFileInfo>
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
        // The same names as the window's: `frontis validate` and the window share the cache.
        QCoreApplication::setOrganizationName(QStringLiteral("Frontis"));
        QCoreApplication::setApplicationName(QStringLiteral("Frontis"));
        QTextStream out(stdout);
        QTextStream err(stderr);
        const int code = frontis::commandline::run(args, out, err);
        out.flush();
        err.flush();
        return code;
    }
    // Without a display Qt's platform plugin aborts with a page of advice and a core dump; say it
    // in one line instead. -platform and QT_QPA_PLATFORM (offscreen, vnc...) choose their own.
    bool platformGiven = qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
    for (int i = 1; i < argc; ++i)
        platformGiven = platformGiven || qstrcmp(argv[i], "-platform") == 0;
    if (!platformGiven && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        std::fputs("frontis: cannot open a window: no display (DISPLAY and WAYLAND_DISPLAY are "
                   "unset); the command line works without one: frontis --help\n",
                   stderr);
        return 2;
    }
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Frontis"));
    QCoreApplication::setApplicationName(QStringLiteral("Frontis"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FRONTIS_VERSION));
    // Wayland matches the window to packaging/io.github.frontis.Frontis.desktop by this id.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.frontis.Frontis"));
    // Qt has taken its own options (-style, -platform...) out of arguments() by now.
    frontis::testhooks::installPrompts();
    // `frontis DIR` opens the folder's article list; without arguments the last folder comes back
    // with the articles open at the last quit.
    QStringList files;
    QString folder;
    for (const QString& a : QCoreApplication::arguments().mid(1)) {
        if (QFileInfo(a).isDir())
            folder = a;
        else
            files << a;
    }
    if (files.isEmpty() || !folder.isEmpty())
        frontis::FolderSession::instance().startUp(folder);
    if (!folder.isEmpty() && files.isEmpty()) {
        (new frontis::MainWindow)->show();
        frontis::MainWindow::openKeptWork();
    } else {
        frontis::MainWindow::openStartupWindows(files);
    }
    frontis::testhooks::applyEdits();
    frontis::testhooks::reportStartup();
    return app.exec();
}
