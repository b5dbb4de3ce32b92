#pragma once

#include "model/file/diagnostic.h"
#include "model/file/error.h"
#include "model/schema/schema.h"
#include "model/yaml/frontmatter.h"

#include <QHash>
#include <QMutex>
#include <QString>

#include <memory>
#include <optional>

namespace frontis {

// Finds the schema for an article: the override (--schema FILE), else the article's `_schema`
// name looked up in `<content folder>/.frontis/schemas/NAME.yml` (the nearest `.frontis` folder
// above the article), else a built-in schema by name or alias, else the generic schema. An
// article without `_schema` uses the content folder's `default.yml` when there is one, else the
// generic schema. Schema files are read once; schemaFor() may be called from several threads.
class SchemaLibrary
{
public:
    struct Choice
    {
        std::shared_ptr<const Schema> schema; // never null
        // The file a broken schema came from and its error (line and column in that file). The
        // article is then checked against the generic schema.
        QString brokenPath;
        std::optional<Error> error;
        // About the choice itself, e.g. an unknown `_schema` name (a warning at that value).
        QList<Diagnostic> notes;
    };

    SchemaLibrary();

    // Every article then uses `schema`, whatever its `_schema` says.
    void setOverride(Schema schema);
    void setOverride(std::shared_ptr<const Schema> schema);
    // The schema every article uses, or null.
    const std::shared_ptr<const Schema>& overrideSchema() const { return m_override; }

    Choice schemaFor(const QString& articlePath, const FrontMatter& fm);

    // The nearest `.frontis` folder at or above `folder`, or empty.
    static QString configFolder(const QString& folder);

private:
    std::shared_ptr<const Schema> loadFile(const QString& path, std::optional<Error>* error);
    QString configFolderCached(const QString& folder);

    std::shared_ptr<const Schema> m_override;
    std::shared_ptr<const Schema> m_generic;
    QMutex m_mutex;
    QHash<QString, QString> m_configFolders; // article folder -> its .frontis folder (or "")
    struct Loaded
    {
        std::shared_ptr<const Schema> schema;
        std::optional<Error> error;
    };
    QHash<QString, Loaded> m_files; // schema file path -> what reading it gave
    QHash<QString, std::shared_ptr<const Schema>> m_builtIns;
};

} // namespace frontis
