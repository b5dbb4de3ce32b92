#pragma once

#include "diagnostic.h"
#include "schemalibrary.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace frontis {

// Validates files and folders of articles: every article against its schema, in parallel on all
// cores, then the schemas' unique keys across all articles. Unreadable files and folders are
// reported and the run goes on. The report is sorted by path, whatever order the threads finish in.
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
    };

    explicit FolderValidator(SchemaLibrary& library) : m_library(library) {}

    Report run(const QStringList& paths);

private:
    SchemaLibrary& m_library;
};

} // namespace frontis
