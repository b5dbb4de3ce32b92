#include "benchsitechange.h"

#include "benchprocess.h"
#include "model/folder/articlefinder.h"
#include "model/site/sitechangejournal.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <algorithm>
#include <sys/resource.h>

namespace frontis::bench {

namespace {

struct Timed
{
    double ms = 0;
    double cpuMs = 0;
    QString error;
};

Timed run(const QString& exe, const QStringList& args)
{
    QProcess p;
    p.setStandardOutputFile(QProcess::nullDevice());
    const double cpuBefore = childrenCpuMs();
    QElapsedTimer t;
    t.start();
    p.start(exe, args);
    p.waitForFinished(600000);
    Timed r{double(t.nsecsElapsed()) / 1e6, childrenCpuMs() - cpuBefore, {}};
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        r.error =
            QStringLiteral("frontis %1 failed: %2")
                .arg(args.join(QLatin1Char(' ')), QString::fromUtf8(p.readAllStandardError()));
    return r;
}

QJsonObject figures(const QList<Timed>& runs)
{
    QList<double> ms;
    QList<double> cpu;
    for (const Timed& t : runs) {
        ms << t.ms;
        cpu << t.cpuMs;
    }
    return {{QStringLiteral("ms"), qRound(median(ms) * 10) / 10.0},
            {QStringLiteral("cpuMs"), qRound(median(cpu) * 10) / 10.0},
            {QStringLiteral("runs"), int(runs.size())}};
}

} // namespace

QJsonObject measureSiteChange(const QString& folder, int repeats, const QString& executable)
{
    const QString exe = findExecutable(executable);
    if (exe.isEmpty())
        return {{QStringLiteral("error"), QStringLiteral("no frontis executable found")}};
    const QStringList files = ArticleFinder::find({folder}).files;
    int changed = 0;
    for (const QString& f : files) {
        QFile in(f);
        if (in.open(QIODevice::ReadOnly) && in.readAll().contains("\nsubject: Biology\n"))
            ++changed;
    }
    const QString from = QStringLiteral("Biology");
    const QString to = QStringLiteral("Life Sciences");
    const auto rename = [&](const QString& a, const QString& b, bool dry) {
        QStringList args{QStringLiteral("rename"), folder, QStringLiteral("subject"), a, b};
        if (dry)
            args << QStringLiteral("--dry-run");
        return run(exe, args);
    };
    QJsonObject result{{QStringLiteral("files"), int(files.size())},
                       {QStringLiteral("changed"), changed},
                       {QStringLiteral("executable"), exe}};
    QList<Timed> dry;
    QList<Timed> apply;
    for (int i = 0; i < std::max(1, repeats); ++i) {
        dry << rename(from, to, true);
        apply << rename(from, to, false);
        apply << rename(to, from, false); // the folder as it was
        for (const Timed& t : {dry.last(), apply.at(apply.size() - 2), apply.last()}) {
            if (!t.error.isEmpty()) {
                result.insert(QStringLiteral("error"), t.error);
                return result;
            }
        }
    }
    QStringList absolute;
    for (const QString& f : files)
        absolute << QFileInfo(f).absoluteFilePath();
    QDir(SiteChangeJournal::folderFor(absolute)).removeRecursively();
    result.insert(QStringLiteral("dryRun"), figures(dry));
    result.insert(QStringLiteral("apply"), figures(apply));
    return result;
}

} // namespace frontis::bench
