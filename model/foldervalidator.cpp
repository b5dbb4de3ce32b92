#include "foldervalidator.h"

#include "articlefinder.h"
#include "document.h"
#include "validator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>

namespace frontis {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("FolderValidator", text);
}

Diagnostic ioProblem(const QString& message)
{
    return Diagnostic{Diagnostic::Severity::Error, QStringLiteral("io"), QString(), 0, 0, message};
}

// "duplicate-id", "duplicate-file-name".
QString duplicateRule(QString key)
{
    key.replace(QLatin1Char('_'), QLatin1Char('-')).replace(QLatin1Char('.'), QLatin1Char('-'));
    return QStringLiteral("duplicate-") + key;
}

// What checking one file gives.
struct Outcome
{
    FolderValidator::FileReport report;
    bool ioProblem = false;
    QList<Validator::KeyValue> unique;
    QString brokenSchema; // the path of a schema file that failed to load
    std::optional<Error> schemaError;
};

Outcome check(SchemaLibrary& library, const QString& path)
{
    Outcome o;
    o.report.path = path;
    QFile f(path);
    QByteArray bytes;
    if (f.open(QIODevice::ReadOnly))
        bytes = f.readAll();
    if (!f.isOpen() || f.error() != QFileDevice::NoError) {
        o.ioProblem = true;
        o.report.diagnostics << ioProblem(tr("cannot read the file: %1").arg(f.errorString()));
        return o;
    }
    const Result<Document> doc = Document::fromBytes(bytes);
    if (!doc) {
        o.report.diagnostics << Validator::parseFailure(doc.error());
        return o;
    }
    const SchemaLibrary::Choice choice = library.schemaFor(path, doc->frontMatter());
    const Validator validator(*choice.schema);
    o.report.diagnostics = choice.notes + validator.validate(doc.value());
    sortByPosition(o.report.diagnostics);
    o.unique = validator.uniqueValues(doc.value());
    o.brokenSchema = choice.brokenPath;
    o.schemaError = choice.error;
    return o;
}

} // namespace

FolderValidator::Report FolderValidator::run(const QStringList& paths)
{
    Report report;
    const ArticleFinder::Result found = ArticleFinder::find(paths);
    for (const ArticleFinder::Problem& p : found.problems) {
        report.files << FileReport{p.path, {ioProblem(p.message)}};
        report.ioProblems = true;
    }

    SchemaLibrary& library = m_library;
    QList<Outcome> outcomes = QtConcurrent::blockingMapped(
        found.files, [&library](const QString& path) { return check(library, path); });
    std::sort(outcomes.begin(), outcomes.end(),
              [](const Outcome& a, const Outcome& b) { return a.report.path < b.report.path; });

    // The first article (in path order) to use a value owns it; later ones are reported.
    struct Owner
    {
        QString path;
        int line = 0;
    };
    QHash<QString, Owner> owners;
    QHash<QString, Error> brokenSchemas;
    for (Outcome& o : outcomes) {
        report.articles += 1;
        report.ioProblems = report.ioProblems || o.ioProblem;
        for (const Validator::KeyValue& kv : std::as_const(o.unique)) {
            const QString id = kv.key + QChar(0x1f) + kv.value;
            const auto it = owners.constFind(id);
            if (it == owners.cend()) {
                owners.insert(id, Owner{o.report.path, kv.line});
                continue;
            }
            o.report.diagnostics << Diagnostic{
                Diagnostic::Severity::Error,
                duplicateRule(kv.key),
                kv.key,
                kv.line,
                kv.column,
                tr("'%1' is '%2' here and in '%3' (line %4); it must be unique")
                    .arg(kv.key, kv.value, it->path, QString::number(it->line))};
        }
        sortByPosition(o.report.diagnostics);
        if (!o.brokenSchema.isEmpty() && o.schemaError && !brokenSchemas.contains(o.brokenSchema)) {
            // Named as the article was: relative to the working folder when the article was.
            const QString shown = QFileInfo(o.report.path).isRelative()
                                      ? QDir::current().relativeFilePath(o.brokenSchema)
                                      : o.brokenSchema;
            brokenSchemas.insert(o.brokenSchema, *o.schemaError);
            const Error& e = *o.schemaError;
            report.files << FileReport{
                shown,
                {Diagnostic{Diagnostic::Severity::Error, QStringLiteral("schema"), QString(),
                            e.line, e.column, tr("broken schema: %1").arg(e.message)}}};
        }
        report.files << std::move(o.report);
    }
    std::stable_sort(report.files.begin(), report.files.end(),
                     [](const FileReport& a, const FileReport& b) { return a.path < b.path; });
    for (const FileReport& f : std::as_const(report.files)) {
        for (const Diagnostic& d : f.diagnostics) {
            switch (d.severity) {
            case Diagnostic::Severity::Error:
                ++report.errors;
                break;
            case Diagnostic::Severity::Warning:
                ++report.warnings;
                break;
            case Diagnostic::Severity::Info:
                ++report.infos;
                break;
            }
        }
    }
    return report;
}

} // namespace frontis
