#include "benchvalidate.h"

#include "benchprocess.h"
#include "model/folder/articlefinder.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QtConcurrent/QtConcurrentMap>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <atomic>
#include <ctime>
#include <sys/resource.h>

namespace frontis::bench {

namespace {

struct Sample
{
    double ms = 0;
    double cpuMs = 0;
};

double processCpuMs()
{
    return double(std::clock()) * 1000.0 / CLOCKS_PER_SEC;
}

QJsonObject figures(const QList<Sample>& samples, int files)
{
    QList<double> ms;
    QList<double> cpu;
    for (const Sample& s : samples) {
        ms << s.ms;
        cpu << s.cpuMs;
    }
    const double m = median(ms);
    QJsonObject o{{QStringLiteral("ms"), qRound(m * 10) / 10.0},
                  {QStringLiteral("cpuMs"), qRound(median(cpu) * 10) / 10.0},
                  {QStringLiteral("runs"), int(samples.size())}};
    if (m > 0)
        o.insert(QStringLiteral("filesPerSecond"), qRound64(files * 1000.0 / m));
    return o;
}

// The front matter of an article: the text between a first line "---" and the next "---" line.
std::string frontMatter(const QByteArray& bytes)
{
    qsizetype start = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    if (bytes.mid(start, 3) != "---")
        return {};
    start = bytes.indexOf('\n', start);
    if (start < 0)
        return {};
    ++start;
    qsizetype end = start;
    for (;;) {
        if (bytes.mid(end, 3) == "---")
            break;
        const qsizetype next = bytes.indexOf('\n', end);
        if (next < 0)
            return {};
        end = next + 1;
    }
    return std::string(bytes.constData() + start, size_t(end - start));
}

// The ceiling: read each file and hand its front matter to YAML::Load, on all cores.
Sample yamlCppParse(const QStringList& files, int* failures)
{
    std::atomic<int> failed{0};
    QElapsedTimer t;
    t.start();
    const double cpu = processCpuMs();
    QtConcurrent::blockingMap(files, [&failed](const QString& path) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            ++failed;
            return;
        }
        try {
            const YAML::Node root = YAML::Load(frontMatter(f.readAll()));
            if (!root.IsMap())
                ++failed;
        } catch (const std::exception&) {
            ++failed;
        }
    });
    *failures = failed.load();
    return Sample{double(t.nsecsElapsed()) / 1e6, processCpuMs() - cpu};
}

struct Run
{
    Sample sample;
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run runProcess(const QString& program, const QStringList& args, const QProcessEnvironment& env,
               const QString& workingFolder = {})
{
    QProcess p;
    p.setProcessEnvironment(env);
    if (!workingFolder.isEmpty())
        p.setWorkingDirectory(workingFolder);
    const double cpu = childrenCpuMs();
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    Run r;
    if (!p.waitForFinished(600000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.sample.ms = double(t.nsecsElapsed()) / 1e6;
    r.sample.cpuMs = childrenCpuMs() - cpu;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// The last line of `frontis validate`: "N files checked: ...".
QString summaryLine(const QByteArray& out)
{
    const QList<QByteArray> lines = out.trimmed().split('\n');
    return lines.isEmpty() ? QString() : QString::fromUtf8(lines.last());
}

// Node.js with gray-matter and js-yaml, its packages installed on first use into the build tree.
QJsonObject measurePeer(const QString& folder, int repeats, int files)
{
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    const QString npm = QStandardPaths::findExecutable(QStringLiteral("npm"));
    if (node.isEmpty() || npm.isEmpty())
        return {{QStringLiteral("skipped"), QStringLiteral("node or npm is not installed")}};
    const QString source = QStringLiteral(FRONTIS_SOURCE_DIR "/tests/bench/peers");
    const QString install = QStringLiteral(FRONTIS_BINARY_DIR "/bench-peers");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!QFileInfo::exists(install + QStringLiteral("/node_modules/gray-matter/package.json"))) {
        QDir().mkpath(install);
        QFile::remove(install + QStringLiteral("/package.json"));
        if (!QFile::copy(source + QStringLiteral("/package.json"),
                         install + QStringLiteral("/package.json")))
            return {{QStringLiteral("skipped"), QStringLiteral("cannot copy package.json")}};
        const Run r = runProcess(npm,
                                 {QStringLiteral("install"), QStringLiteral("--no-audit"),
                                  QStringLiteral("--no-fund"), QStringLiteral("--omit=dev")},
                                 env, install);
        if (r.code != 0)
            return {{QStringLiteral("skipped"),
                     QStringLiteral("npm install failed: ") + QString::fromUtf8(r.err.right(400))}};
    }
    env.insert(QStringLiteral("NODE_PATH"), install + QStringLiteral("/node_modules"));
    QList<Sample> samples;
    QList<double> inner;
    QJsonObject last;
    for (int i = 0; i < repeats; ++i) {
        const Run r = runProcess(node, {source + QStringLiteral("/validate-peer.js"), folder}, env);
        if (r.code != 0 && r.code != 1)
            return {{QStringLiteral("skipped"),
                     QStringLiteral("the peer failed: ") + QString::fromUtf8(r.err.right(400))}};
        last = QJsonDocument::fromJson(r.out).object();
        samples << r.sample;
        inner << last.value(QStringLiteral("ms")).toDouble();
    }
    QJsonObject o = figures(samples, files);
    o.insert(QStringLiteral("insideMs"), qRound(median(inner) * 10) / 10.0);
    o.insert(QStringLiteral("files"), last.value(QStringLiteral("files")));
    o.insert(QStringLiteral("problems"), last.value(QStringLiteral("problems")));
    o.insert(QStringLiteral("workers"), last.value(QStringLiteral("workers")));
    o.insert(QStringLiteral("what"),
             QStringLiteral("node + gray-matter (js-yaml): parse every .md, "
                            "check QuickTakes required fields"));
    return o;
}

} // namespace

QJsonObject measureValidate(const QString& folder, int repeats)
{
    return measureValidate(folder, repeats, QString());
}

QJsonObject measureValidate(const QString& folder, int repeats, const QString& executable)
{
    repeats = std::max(1, repeats);
    QJsonObject result;
    const QString root = QFileInfo(folder).absoluteFilePath();
    const QStringList files = ArticleFinder::find({root}).files;
    result.insert(QStringLiteral("folder"), root);
    result.insert(QStringLiteral("files"), int(files.size()));
    result.insert(QStringLiteral("cores"), QThread::idealThreadCount());
    if (files.isEmpty()) {
        result.insert(QStringLiteral("error"), QStringLiteral("no .md files in the folder"));
        return result;
    }
    const int n = int(files.size());

    // The ceiling. The first pass warms the system's file cache for every later run.
    int failures = 0;
    (void)yamlCppParse(files, &failures);
    QList<Sample> parse;
    for (int i = 0; i < repeats; ++i)
        parse << yamlCppParse(files, &failures);
    QJsonObject ceiling = figures(parse, n);
    ceiling.insert(QStringLiteral("notMaps"), failures);
    result.insert(QStringLiteral("yamlCppParse"), ceiling);

    const QString frontis = findExecutable(executable);
    if (frontis.isEmpty()) {
        result.insert(QStringLiteral("error"),
                      QStringLiteral("the frontis executable was not found"));
        return result;
    }
    result.insert(QStringLiteral("executable"), frontis);
    QTemporaryDir cacheHome;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CACHE_HOME"), cacheHome.path());
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    const QStringList validate = {QStringLiteral("validate"), root};

    QList<Sample> cold;
    QString summary;
    for (int i = 0; i < repeats; ++i) {
        QDir(cacheHome.path()).removeRecursively();
        QDir().mkpath(cacheHome.path());
        const Run r = runProcess(frontis, validate, env);
        if (r.code < 0 || r.code > 1) {
            result.insert(QStringLiteral("error"),
                          QStringLiteral("frontis validate failed: ") + QString::fromUtf8(r.err));
            return result;
        }
        summary = summaryLine(r.out);
        cold << r.sample;
    }
    result.insert(QStringLiteral("validateCold"), figures(cold, n));
    result.insert(QStringLiteral("summary"), summary);

    QList<Sample> warm;
    bool sameOutput = true;
    for (int i = 0; i < repeats; ++i) {
        const Run r = runProcess(frontis, validate, env);
        sameOutput = sameOutput && summaryLine(r.out) == summary;
        warm << r.sample;
    }
    result.insert(QStringLiteral("validateWarm"), figures(warm, n));

    // One file changed each time (a comment added to its body: a new content hash).
    const QString changed = files.first();
    QByteArray original;
    QDateTime originalTime;
    {
        QFile f(changed);
        if (f.open(QIODevice::ReadOnly)) {
            original = f.readAll();
            originalTime = f.fileTime(QFileDevice::FileModificationTime);
        }
    }
    QList<Sample> oneChanged;
    for (int i = 0; i < repeats; ++i) {
        QFile f(changed);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            break;
        f.write(original + "\n<!-- bench " + QByteArray::number(i) + " -->\n");
        f.close();
        const Run r = runProcess(frontis, validate, env);
        sameOutput = sameOutput && summaryLine(r.out) == summary;
        oneChanged << r.sample;
    }
    {
        QFile f(changed);
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            f.write(original);
            f.setFileTime(originalTime, QFileDevice::FileModificationTime);
        }
    }
    result.insert(QStringLiteral("validateOneChanged"), figures(oneChanged, n));

    QList<Sample> noCache;
    for (int i = 0; i < repeats; ++i) {
        const Run r = runProcess(
            frontis, {QStringLiteral("validate"), QStringLiteral("--no-cache"), root}, env);
        sameOutput = sameOutput && summaryLine(r.out) == summary;
        noCache << r.sample;
    }
    result.insert(QStringLiteral("validateNoCache"), figures(noCache, n));
    result.insert(QStringLiteral("sameSummaryEveryRun"), sameOutput);

    result.insert(QStringLiteral("peer"), measurePeer(root, repeats, n));
    return result;
}

} // namespace frontis::bench
