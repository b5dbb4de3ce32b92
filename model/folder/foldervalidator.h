#pragma once

#include "model/file/diagnostic.h"
#include "model/schema/schemalibrary.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace frontis {

// Validates files and folders of articles: every article against its schema, in parallel on all
// cores, then the schemas' unique keys across all articles (each article sharing a value is
// reported, naming the others, as the folder's list does) and the references no article holds.
// Unreadable files and folders are reported and the run goes on. The report is sorted by path,
// whatever order the threads finish in.
//
// A folder is checked through its ArticleIndex: with a cache folder set, the index saved there
// (the one the window keeps too) is loaded first, only files changed since are read and checked
// again, and the index is saved back when anything changed.
class FolderValidator
{
public:
    struct FileReport
    {
        QString path; // as given on the command line, or the path below a folder given there
        QList<Diagnostic> diagnostics;
    };
    struct Report
    {
        QList<FileReport> files; // every article checked, and any broken schema file
        int articles = 0;        // articles checked (schema files are not counted)
        bool ioProblems = false; // a path was missing or unreadable
        int errors = 0;
        int warnings = 0;
        int infos = 0;
        // How the articles were had: parsed and checked, or taken from a saved index (files
        // unchanged, or read and found to hold the same bytes).
        int validated = 0;
        int fromCache = 0;
    };

    explicit FolderValidator(SchemaLibrary& library) : m_library(library) {}

    // Keep folders' indexes in `folder` (ArticleIndex::cacheFile's default when empty). Without
    // this call nothing is read from or written to any cache. `schemaIdentity` names the
    // library's override schema (a hash of its file), so that its results are kept apart.
    void useCache(const QString& folder = {}, const QByteArray& schemaIdentity = {});

    Report run(const QStringList& paths);

private:
    SchemaLibrary& m_library;
    bool m_useCache = false;
    QString m_cacheFolder;
    QByteArray m_schemaIdentity;
};

} // namespace frontis
