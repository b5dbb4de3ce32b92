#pragma once

#include <QFileInfo>
#include <QList>
#include <QString>
#include <QStringList>

namespace frontis {

// Collects the articles named on a command line: files as given, folders searched recursively
// for `.md` files. Hidden files and folders, `node_modules` and similar tool folders are skipped;
// each folder is entered once however symbolic links lead back to it, and each file is listed
// once.
class ArticleFinder
{
public:
    struct Problem
    {
        QString path;
        QString message;
    };
    struct Result
    {
        QStringList files; // as the user would write them: the argument, then the path below it
        QList<Problem> problems; // paths that do not exist, folders that cannot be read
    };

    static Result find(const QStringList& paths);
    // Folders a content search never enters (dependencies and tool caches).
    static bool isSkippedFolder(const QString& name);
    // Why an entry named like an article is not one: a FIFO or device, a broken or looping link.
    static QString notAFile(const QFileInfo& info);
};

} // namespace frontis
