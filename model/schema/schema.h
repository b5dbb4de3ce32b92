#pragma once

#include "model/file/diagnostic.h"
#include "model/file/error.h"
#include "model/schema/schemafield.h"
#include "model/schema/textlocation.h"
#include "model/yaml/fmnode.h"
#include "model/yaml/frontmatter.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace frontis {

// What an article of one kind must hold: an ordered list of fields with their rules, rules that
// span fields, and the keys that must be unique across a content folder. Read from a YAML file
// (the format is described in README.md, "Schema format"); the built-in schemas are resources.
class Schema
{
public:
    // Fields whose values must agree (title, article_title and question of a QuickTakes article).
    struct Agreement
    {
        QStringList keys; // the first present key is the reference
        Diagnostic::Severity severity = Diagnostic::Severity::Warning;
    };

    // Errors carry the line and column in the schema text. `fallbackName` names a schema that
    // has no `name:` (a file's base name).
    static Result<Schema> fromYaml(const QByteArray& yaml, const QString& fallbackName = {});
    // Reads a schema file; Error::format(path) then names the file's own line and column.
    static Result<Schema> load(const QString& path);

    // The schemas compiled into Frontis, by name or alias ("default" is QuickTakes).
    static std::optional<Schema> builtIn(const QString& nameOrAlias);
    static QStringList builtInNames();
    // The fallback for articles without a schema: no rules; field types inferred from values.
    static Schema generic();

    const QString& name() const { return m_name; }
    const QString& label() const { return m_label; }
    const QString& description() const { return m_description; }
    const QStringList& aliases() const { return m_aliases; }
    bool answersTo(const QString& nameOrAlias) const;
    // Where the schema came from: a file path, ":/schemas/NAME.yml" for a built-in, or empty.
    const QString& source() const { return m_source; }
    const QString& baseUrl() const { return m_baseUrl; }

    const QList<SchemaField>& fields() const { return m_fields; }
    const SchemaField* field(const QString& key) const;
    const QList<Agreement>& agreements() const { return m_agreements; }
    // Keys whose values must differ between all articles checked together (id, url...).
    const QStringList& uniqueKeys() const { return m_unique; }
    // How keys the schema does not name are reported; nullopt: not at all.
    std::optional<Diagnostic::Severity> unknownKeys() const { return m_unknownKeys; }
    bool infersTypes() const { return m_infer; }
    // Where the article's text is: the schema's `text:` (`body`, or a markdown field's key);
    // without one, the schema's only markdown field when it has exactly one, else the body.
    TextLocation textLocation() const;
    // What a new article's body starts as where the text is the body (`body_template:`, taken
    // as it is: shortcodes and braces are text); empty by default.
    const QString& bodyTemplate() const { return m_bodyTemplate; }

    // A column of a folder's Articles panel, after the title.
    struct Column
    {
        QString key; // dotted
        QString label;
        bool choice = false; // a select or tags field: what the panel's filter can pick from
    };
    // The schema's `columns:` (labels from its fields, else from the key), else its first date
    // field and its select and tags fields, at most four in all.
    const QList<Column>& listColumns() const { return m_listColumns; }

    // The schema's fields followed by fields inferred for every other leaf of `fm` (group Other),
    // so that a form can show and keep every key of the article.
    QList<SchemaField> fieldsFor(const FrontMatter& fm) const;
    // A field for a value the schema does not describe, its type guessed from the value.
    static SchemaField inferField(const QString& key, const FmNode& node);

private:
    friend class SchemaReader;

    QString m_name;
    QString m_label;
    QString m_description;
    QStringList m_aliases;
    QString m_source;
    QString m_baseUrl;
    QList<SchemaField> m_fields;
    QList<Agreement> m_agreements;
    QStringList m_unique;
    std::optional<Diagnostic::Severity> m_unknownKeys = Diagnostic::Severity::Info;
    bool m_infer = false;
    std::optional<TextLocation> m_text;   // as `text:` gives it
    std::optional<QStringList> m_columns; // as `columns:` gives them
    QString m_bodyTemplate;
    QList<Column> m_listColumns; // made once: every article's summary shares the strings
    QList<Column> makeListColumns() const;
};

} // namespace frontis
