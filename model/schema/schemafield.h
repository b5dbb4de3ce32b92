#pragma once

#include "model/file/diagnostic.h"
#include "model/schema/template.h"
#include "model/yaml/scalarstyle.h"
#include "model/yaml/yamltypes.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace frontis {

// What kind of value a field holds; picks the editor widget and the type checks.
enum class FieldType {
    Text,
    Textarea,
    Markdown,
    Integer,
    Number,
    Date,
    Select,
    Tags,
    Url,
    Slug,
    Boolean,
    Datetime,  // a date, or a date and a time (valuetypes::isDatetime)
    Object,    // a mapping; `fields` describe its keys
    List,      // a list; its items are of `itemType`, or mappings that `fields` describe
    Image,     // a path or URL of an image, as one value
    Reference, // one value naming another article: its `referenceTo` key holds the same value
};

// One field of a Schema: where the value is, how the editor shows it, and the rules it obeys.
struct SchemaField
{
    QString key; // dotted key path as the schema writes it ("seo.title")
    QString label;
    QString help;
    FieldType type = FieldType::Text;
    QString group;
    bool required = false;
    std::optional<qsizetype> minLength; // in characters (Unicode code points)
    std::optional<qsizetype> maxLength;
    std::optional<double> minimum; // integer and number fields
    std::optional<double> maximum;
    std::optional<qsizetype> minItems; // tags fields
    std::optional<qsizetype> maxItems;
    QString separator;   // tags stored in one string ("," ); sequences need none
    QString pattern;     // a regular expression the whole value must match
    QString patternHelp; // what the pattern asks for, in words
    QStringList values;  // the allowed values (select fields)
    std::optional<QString> defaultValue;
    std::optional<ScalarStyle> style; // how a new value is written
    Template derive;                  // what the value should be, made from other fields
    QString encoding;                 // "" or "escaped-newlines"
    // An object's fields, or the fields of each item of a list of mappings. Keys are relative
    // (`image` in `thumb_image`); diagnostics name the whole path (`blocks.2.image`). A vector
    // because it holds the type being defined (std::vector allows that, QList does not).
    std::vector<SchemaField> fields;
    std::optional<FieldType> itemType; // a list's items are single values of this type
    QString referenceTo;               // reference fields: the key the value refers to
    QHash<QString, Diagnostic::Severity> severities; // rule id -> severity, overriding the default
    bool inferred = false; // made up from a value (generic schema), not from a file
    int line = 0;          // where the schema file defines the field (1-based)
    int column = 0;

    // The severity of `rule` for this field: an override, else the rule's default.
    Diagnostic::Severity severityOf(const QString& rule) const;

    // A nested field by its relative key, or null.
    const SchemaField* nestedField(const QString& relativeKey) const;

    static QString typeName(FieldType type);
    // The YAML type the value must be written as when the schema itself (not inference) types
    // the field: Int, Float, Bool or Timestamp for integer, number, boolean and date fields.
    std::optional<yaml::PlainType> literalType() const;
    static std::optional<FieldType> typeFromName(QStringView name);
    static QStringList typeNames();
    // The rule ids a field can raise, which are also the keys of a `severity:` map.
    static QStringList ruleIds();
    static Diagnostic::Severity defaultSeverity(const QString& rule);
    static QString defaultGroup() { return QStringLiteral("Other"); }
};

} // namespace frontis
