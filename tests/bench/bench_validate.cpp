// Measures `frontis validate` against its ceiling (a bare yaml-cpp parse) and a Node.js peer.
// Not a test (ctest does not run it); run it by hand on a quiet machine:
//
//   tests/bench_validate [ARTICLES] [WORK_FOLDER] [--repeats N] [--executable PATH]
//
// Generates ARTICLES (default 10000) synthetic QuickTakes articles in WORK_FOLDER/site (kept
// there between runs; a temporary folder without WORK_FOLDER) and prints the figures of
// frontis::bench::measureValidate as JSON.

#include "../model/generatefolder.h"
#include "benchvalidate.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int repeats = 5;
    QString executable;
    for (const QString& option : {QStringLiteral("--repeats"), QStringLiteral("--executable")}) {
        const qsizetype at = args.indexOf(option);
        if (at < 0 || at + 1 >= args.size())
            continue;
        if (option == QLatin1String("--repeats"))
            repeats = args.at(at + 1).toInt();
        else
            executable = args.at(at + 1);
        args.remove(at, 2);
    }
    const int n = args.size() > 0 ? args.at(0).toInt() : 10000;
    QTemporaryDir tmp;
    const QString work = args.size() > 1 ? args.at(1) : tmp.path();
    const QString root = QDir(work).absoluteFilePath(QStringLiteral("site"));
    if (!QDir(root).exists() || QDir(root).isEmpty())
        frontis::testing::generateFolder(root, n, 7);
    const QJsonObject figures = frontis::bench::measureValidate(root, repeats, executable);
    QTextStream(stdout) << QString::fromUtf8(
        QJsonDocument(figures).toJson(QJsonDocument::Indented));
    return figures.contains(QStringLiteral("error")) ? 1 : 0;
}
