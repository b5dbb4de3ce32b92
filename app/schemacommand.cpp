#include "schemacommand.h"

#include "model/file/atomicwrite.h"
#include "model/schema/schemainfer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>

namespace frontis::commandline {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("CommandLine", text);
}

constexpr int ExitOk = 0;
constexpr int ExitError = 2;

int usage(QTextStream& err, const QString& message)
{
    err << "frontis: " << message << "\n" << tr("Try 'frontis --help'.") << "\n";
    return ExitError;
}

int runInfer(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QString output;
    bool force = false;
    bool flagsDone = false;
    QStringList paths;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        if (flagsDone || !a.startsWith(QLatin1String("--"))) {
            paths << a;
        } else if (a == QLatin1String("--")) {
            flagsDone = true;
        } else if (a == QLatin1String("--force")) {
            force = true;
        } else if (a == QLatin1String("--output") || a.startsWith(QLatin1String("--output="))) {
            if (a.contains(QLatin1Char('=')))
                output = a.section(QLatin1Char('='), 1);
            else if (i + 1 < args.size())
                output = args[++i];
            else
                return usage(err, tr("schema infer: --output needs a value"));
            if (output.isEmpty())
                return usage(err, tr("schema infer: --output needs a value"));
        } else {
            return usage(err, tr("schema infer: unknown option '%1'").arg(a));
        }
    }
    if (paths.isEmpty())
        return usage(err, tr("schema infer takes at least one FILE or FOLDER"));
    // Refused before the articles are read: a hand-edited schema is not replaced by accident.
    if (!output.isEmpty() && !force && QFileInfo(output).exists()) {
        err << QStringLiteral("%1: error: %2")
                   .arg(output, tr("the file exists; give --force to replace it"))
            << "\n";
        return ExitError;
    }

    SchemaInference::Options options;
    if (!output.isEmpty())
        options.name = QFileInfo(output).completeBaseName();
    const SchemaInference::Result result = SchemaInference::fromPaths(paths, options);
    for (const SchemaInference::Problem& p : result.problems) {
        // Articles that do not parse are left out and named; the schema comes from the others.
        Error e = p.error;
        e.message += tr(" (left out of the schema)");
        err << e.format(p.path) << "\n";
    }
    if (result.ioProblems)
        return ExitError;
    if (result.articles == 0) {
        err << "frontis: " << tr("schema infer: no article to infer a schema from") << "\n";
        return ExitError;
    }
    if (output.isEmpty()) {
        out << QString::fromUtf8(result.yaml);
        return ExitOk;
    }
    // `.frontis/schemas/` is usually not there yet when a site's first schema is made.
    const QString folder = QFileInfo(output).absolutePath();
    if (!QDir().mkpath(folder)) {
        err << QStringLiteral("%1: error: %2")
                   .arg(output, tr("cannot create the folder '%1'").arg(folder))
            << "\n";
        return ExitError;
    }
    if (const Status s = writeAtomically(output, result.yaml)) {
        err << s->format(output) << "\n";
        return ExitError;
    }
    return ExitOk;
}

} // namespace

int runSchema(const QStringList& args, QTextStream& out, QTextStream& err)
{
    if (args.isEmpty())
        return usage(err, tr("schema takes a subcommand: infer"));
    if (args.first() == QLatin1String("infer"))
        return runInfer(args.mid(1), out, err);
    return usage(
        err, tr("schema: unknown subcommand '%1' (the subcommands are: infer)").arg(args.first()));
}

} // namespace frontis::commandline
