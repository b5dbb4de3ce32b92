#pragma once

#include "model/file/diagnostic.h"
#include "model/schema/schema.h"
#include "model/yaml/frontmatter.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace frontis {

// One single value an article holds in a field, with where it is written: what the folder's
// checks across articles need to keep of it (references, image paths, the keys references
// point to) without keeping the article.
struct FieldValue
{
    QString key;   // the whole dotted path ("authors.0.ref")
    QString value; // trimmed, never empty
    QString to;    // reference fields: the key the value should match in another article
    int line = 0;
    int column = 0;
    Diagnostic::Severity severity = Diagnostic::Severity::Warning; // of the field's `reference`
    friend bool operator==(const FieldValue&, const FieldValue&) = default;
};

// The values `fm` holds in `schema`'s fields of `type`, nested ones (fields of objects, of the
// items of lists of mappings, items of a list of that type) included, in schema order.
QList<FieldValue> fieldValuesOfType(const Schema& schema, const FrontMatter& fm, FieldType type);

// The keys `schema`'s reference fields point to (their `to:`), nested fields too, each once.
QStringList referenceKeys(const Schema& schema);

// The single values `fm` holds at the dotted `keys` (a reference's `to` key), each once.
QList<FieldValue> valuesAt(const FrontMatter& fm, const QStringList& keys);

} // namespace frontis
