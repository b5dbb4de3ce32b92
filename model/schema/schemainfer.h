#pragma once

#include "model/file/error.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace frontis {

// Writes a schema (README.md, "Schema format") that describes the articles a site already has:
// one field per key they use, in the order most of them write the keys, each typed with the
// narrowest type that every value satisfies as the Validator checks it, so that the articles it
// was made from validate against it without errors. The same articles give the same bytes.
class SchemaInference
{
public:
    struct Options
    {
        // The schema's `name:`. Saved as `.frontis/schemas/default.yml`, a schema applies to the
        // folder's articles without `_schema` whatever its name; "default" says so in messages.
        QString name = QStringLiteral("default");
        QString label; // empty: the name of the (first) folder
        // `unique:` is only said of keys that at least this many articles hold (two articles
        // with different titles say nothing about titles).
        int minUniqueArticles = 5;
    };
    // A path that could not be read, or an article left out because it does not parse.
    struct Problem
    {
        QString path;
        Error error;
    };
    struct Result
    {
        QByteArray yaml;         // the schema, UTF-8, LF line breaks; empty without articles
        int articles = 0;        // the articles it describes
        QList<Problem> problems; // sorted by path
        bool ioProblems = false; // a path given does not exist, or a folder cannot be read
    };

    // Every article below `folder` (found as `frontis validate` finds them).
    // (Overloads, not a default argument: g++ cannot default a nested struct with initializers.)
    static Result fromFolder(const QString& folder);
    static Result fromFolder(const QString& folder, const Options& options);
    // Files as they are, folders searched for articles.
    static Result fromPaths(const QStringList& paths);
    static Result fromPaths(const QStringList& paths, const Options& options);

    // Where a schema for `folder`'s articles without `_schema` goes.
    static QString defaultSchemaPath(const QString& folder);
};

} // namespace frontis
