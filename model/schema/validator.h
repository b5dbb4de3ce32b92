#pragma once

#include "model/file/diagnostic.h"
#include "model/file/error.h"
#include "model/schema/schema.h"
#include "model/yaml/document.h"

#include <QList>
#include <QString>

namespace frontis {

// Checks one article against a Schema: presence, types, lengths, ranges, patterns, derived
// values, agreement between fields, the answer's encoding and Markdown, and keys the schema does
// not name. Positions are those of the values in the file. Safe to use from several threads.
class Validator
{
public:
    // `schema` must outlive the validator.
    explicit Validator(const Schema& schema) : m_schema(schema) {}

    // Sorted by position. With the article's file `articlePath`, image fields are also checked
    // for a file they name (rule image-file, a warning; URLs are not looked up).
    QList<Diagnostic> validate(const Document& doc, const QString& articlePath = {}) const;

    // The one diagnostic for an article that does not parse (rule "parse").
    static Diagnostic parseFailure(const Error& error);

    // A value of one of the schema's unique keys, for checks across articles.
    struct KeyValue
    {
        QString key;
        QString value;
        int line = 0;
        int column = 0;
    };
    QList<KeyValue> uniqueValues(const Document& doc) const;

private:
    const Schema& m_schema;
};

} // namespace frontis
