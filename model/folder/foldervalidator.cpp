#include "model/folder/foldervalidator.h"

#include "model/folder/articlefinder.h"
#include "model/folder/articleindex.h"
#include "model/folder/articlesummary.h"
#include "model/folder/duplicatecheck.h"
#include "model/folder/referencecheck.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <list>

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

// One article to report: how the command line names it, and what checking it gave (kept by
// the run's indexes or its list of files read one by one).
struct Entry
{
    QString shown;
    const ArticleSummary* summary;
};

// The "schema" error a summary carries for its broken schema file: the report names the schema
// file itself instead, once.
bool isBrokenSchemaNote(const ArticleSummary& s, const Diagnostic& d)
{
    return !s.brokenSchema.isEmpty() && d.rule == QLatin1String("schema") && d.line == 0 &&
           d.key == QLatin1String("_schema");
}

} // namespace

void FolderValidator::useCache(const QString& folder, const QByteArray& schemaIdentity)
{
    m_useCache = true;
    m_cacheFolder = folder;
    m_schemaIdentity = schemaIdentity;
}

FolderValidator::Report FolderValidator::run(const QStringList& paths)
{
    Report report;
    QList<Entry> entries;
    QSet<QString> seen; // the files listed so far, by real path: each is checked once
    const bool several = paths.size() > 1; // one folder alone cannot list a file twice
    QStringList loose;                     // files named on the command line
    std::list<ArticleIndex> indexes; // hold the summaries `entries` points at (a list: stable)
    const std::shared_ptr<const Schema>& override = m_library.overrideSchema();

    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (info.isFile()) {
            const QString real = info.canonicalFilePath();
            if (!seen.contains(real)) {
                seen.insert(real);
                loose << path;
            }
            continue;
        }
        if (!info.isDir()) {
            const QString message = info.exists() || info.isSymLink()
                                        ? ArticleFinder::notAFile(info)
                                        : tr("no such file or folder");
            report.files << FileReport{path, {ioProblem(message)}};
            report.ioProblems = true;
            continue;
        }
        ArticleIndex& index = indexes.emplace_back(path);
        index.setChecksAcrossFiles(false); // checked below, across everything named
        if (override)
            index.setSchemaOverride(override, m_schemaIdentity);
        QString cache;
        if (m_useCache) {
            cache = ArticleIndex::cacheFile(index.root(), m_cacheFolder,
                                            override ? m_schemaIdentity : QByteArray());
        }
        // A saved index that is missing, corrupt or stale costs only time: the update reads what
        // it must.
        const ArticleIndex::Stats stats =
            m_useCache ? index.updateFromSaved(cache) : index.update();
        if (m_useCache && stats.changed)
            (void)index.save(cache); // a cache that cannot be written only costs time next run
        report.validated += stats.validated;
        report.fromCache += stats.files - stats.validated;

        // Paths below the folder, as the user wrote the folder (the index's paths are clean and
        // below its clean root, so only the root part changes).
        const QString shownRoot = QDir::cleanPath(path);
        const QString realRoot = info.canonicalFilePath() + QLatin1Char('/');
        const qsizetype prefix =
            index.root().endsWith(QLatin1Char('/')) ? index.root().size() : index.root().size() + 1;
        const QString shownPrefix = shownRoot == QLatin1String(".") ? QString()
                                    : shownRoot.endsWith(QLatin1Char('/'))
                                        ? shownRoot
                                        : shownRoot + QLatin1Char('/');
        auto shownPath = [&](const QString& absolute) {
            if (absolute.size() <= prefix)
                return shownRoot; // the folder itself
            if (shownRoot == index.root())
                return absolute;
            QString shown = shownPrefix;
            shown += QStringView(absolute).mid(prefix);
            return shown;
        };
        for (const ArticleIndex::Problem& p : index.problems()) {
            report.files << FileReport{shownPath(p.path), {ioProblem(p.message)}};
            report.ioProblems = true;
        }
        entries.reserve(entries.size() + index.articles().size());
        for (const ArticleSummary& s : index.articles()) {
            if (several) {
                QString real = realRoot;
                real += QStringView(s.path).mid(prefix);
                if (seen.contains(real))
                    continue;
                seen.insert(real);
            }
            entries << Entry{shownPath(s.path), &s};
        }
    }

    SchemaLibrary& library = m_library;
    const QList<ArticleSummary> read = QtConcurrent::blockingMapped(
        loose, [&library](const QString& path) { return ArticleSummary::read(path, library); });
    for (qsizetype i = 0; i < loose.size(); ++i)
        entries << Entry{loose.at(i), &read.at(i)};
    report.validated += int(loose.size());

    const auto byShown = [](const Entry& a, const Entry& b) { return a.shown < b.shown; };
    if (!std::is_sorted(entries.cbegin(), entries.cend(), byShown))
        std::stable_sort(entries.begin(), entries.end(), byShown);
    DuplicateCheck duplicates;
    for (const Entry& e : std::as_const(entries))
        duplicates.add(e.shown, &e.summary->unique);
    const QList<QList<Diagnostic>> shared = duplicates.findings();
    // References are checked against every article named, as duplicates are.
    ReferenceCheck references;
    for (const Entry& e : std::as_const(entries))
        references.addTargets(e.summary->targets);

    QSet<QString> brokenSchemas;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const Entry& e = entries.at(i);
        const ArticleSummary& s = *e.summary;
        FileReport file{e.shown, {}};
        file.diagnostics.reserve(s.diagnostics.size() + shared.at(i).size());
        for (const Diagnostic& d : s.diagnostics) {
            if (isBrokenSchemaNote(s, d))
                continue;
            if (d.rule == QLatin1String("io"))
                report.ioProblems = true;
            file.diagnostics << d;
        }
        const QList<Diagnostic> unknown = references.findings(s.references);
        if (!shared.at(i).isEmpty() || !unknown.isEmpty()) {
            file.diagnostics << shared.at(i) << unknown;
            sortByPosition(file.diagnostics);
        }
        if (!s.brokenSchema.isEmpty() && !brokenSchemas.contains(s.brokenSchema)) {
            brokenSchemas.insert(s.brokenSchema);
            // Named as the article was: relative to the working folder when the article was.
            const QString shown = QFileInfo(e.shown).isRelative()
                                      ? QDir::current().relativeFilePath(s.brokenSchema)
                                      : s.brokenSchema;
            const Error& err = s.schemaError;
            report.files << FileReport{
                shown,
                {Diagnostic{Diagnostic::Severity::Error, QStringLiteral("schema"), QString(),
                            err.line, err.column, tr("broken schema: %1").arg(err.message)}}};
        }
        report.files << std::move(file);
    }
    report.articles = int(entries.size());
    const auto byPath = [](const FileReport& a, const FileReport& b) { return a.path < b.path; };
    if (!std::is_sorted(report.files.cbegin(), report.files.cend(), byPath))
        std::stable_sort(report.files.begin(), report.files.end(), byPath);
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
