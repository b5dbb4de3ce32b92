#include "validatecommand.h"

#include "model/folder/foldervalidator.h"
#include "model/schema/schema.h"
#include "model/schema/schemalibrary.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace frontis::commandline {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("CommandLine", text);
}

constexpr int ExitOk = 0;
constexpr int ExitErrors = 1;
constexpr int ExitUsage = 2;

int usage(QTextStream& err, const QString& message)
{
    err << "frontis: " << message << "\n" << tr("Try 'frontis --help'.") << "\n";
    return ExitUsage;
}

QString counted(int n, const QString& one, const QString& many)
{
    return (n == 1 ? one : many).arg(n);
}

QJsonValue position(int value)
{
    return value > 0 ? QJsonValue(value) : QJsonValue();
}

void writeJson(const FolderValidator::Report& report, QTextStream& out)
{
    QJsonArray all;
    for (const FolderValidator::FileReport& f : report.files) {
        for (const Diagnostic& d : f.diagnostics) {
            all.append(QJsonObject{
                {QStringLiteral("file"), f.path},
                {QStringLiteral("line"), position(d.line)},
                {QStringLiteral("column"), position(d.line > 0 ? qMax(d.column, 1) : 0)},
                {QStringLiteral("severity"), Diagnostic::severityName(d.severity)},
                {QStringLiteral("rule"), d.rule},
                {QStringLiteral("key"), d.key},
                {QStringLiteral("message"), d.message}});
        }
    }
    out << QString::fromUtf8(QJsonDocument(all).toJson(QJsonDocument::Indented));
}

void writeText(const FolderValidator::Report& report, QTextStream& out)
{
    for (const FolderValidator::FileReport& f : report.files) {
        for (const Diagnostic& d : f.diagnostics)
            out << d.format(f.path) << "\n";
    }
    out << counted(report.articles, tr("%1 file checked"), tr("%1 files checked")) << ": "
        << counted(report.errors, tr("%1 error"), tr("%1 errors")) << ", "
        << counted(report.warnings, tr("%1 warning"), tr("%1 warnings")) << ", "
        << tr("%1 info").arg(report.infos) << "\n";
}

} // namespace

int runValidate(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QString format = QStringLiteral("text");
    QString schemaPath;
    QStringList paths;
    bool noCache = false;
    bool flagsDone = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        if (flagsDone || !a.startsWith(QLatin1String("--"))) {
            paths << a;
            continue;
        }
        if (a == QLatin1String("--")) {
            flagsDone = true;
            continue;
        }
        if (a == QLatin1String("--no-cache")) {
            noCache = true;
            continue;
        }
        // --format json and --format=json
        const QString name = a.section(QLatin1Char('='), 0, 0);
        const bool inlineValue = a.contains(QLatin1Char('='));
        if (name != QLatin1String("--format") && name != QLatin1String("--schema"))
            return usage(err, tr("validate: unknown option '%1'").arg(a));
        QString value;
        if (inlineValue) {
            value = a.section(QLatin1Char('='), 1);
        } else if (i + 1 < args.size()) {
            value = args[++i];
        } else {
            return usage(err, tr("validate: %1 needs a value").arg(name));
        }
        if (name == QLatin1String("--format"))
            format = value;
        else
            schemaPath = value;
    }
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        return usage(err, tr("validate: unknown format '%1' (use text or json)").arg(format));
    if (paths.isEmpty())
        return usage(err, tr("validate takes at least one FILE or FOLDER"));

    SchemaLibrary library;
    QByteArray schemaIdentity;
    if (!schemaPath.isEmpty()) {
        Result<Schema> schema = Schema::load(schemaPath);
        if (!schema) {
            err << schema.error().format(schemaPath) << "\n";
            return ExitUsage;
        }
        library.setOverride(std::move(schema.value()));
        // Results checked against this schema are kept apart from the folder's own, and are
        // dropped when the file changes.
        QFile file(schemaPath);
        QCryptographicHash hash(QCryptographicHash::Sha1);
        hash.addData(QFileInfo(schemaPath).absoluteFilePath().toUtf8() + '\n');
        if (file.open(QIODevice::ReadOnly))
            hash.addData(file.readAll());
        schemaIdentity = hash.result();
    }
    FolderValidator validator(library);
    if (!noCache)
        validator.useCache({}, schemaIdentity);
    const FolderValidator::Report report = validator.run(paths);
    if (format == QLatin1String("json"))
        writeJson(report, out);
    else
        writeText(report, out);
    if (report.ioProblems)
        return ExitUsage;
    return report.errors > 0 ? ExitErrors : ExitOk;
}

} // namespace frontis::commandline
