#pragma once

#include "model/file/error.h"
#include "model/yaml/document.h"
#include "model/yaml/keypath.h"

#include <QString>

namespace frontis {

// A change of one value that the writer made in the form or the answer editor.
struct FieldEdit
{
    QString key; // the field's key as the schema writes it ("seo.title")
    KeyPath path;
    QString value;
    bool literal = false; // keep a number, date or boolean that type (Document::setLiteral)
    InsertHint hint;      // where a missing key goes
    // The type the schema gives the field: the value is written as a literal of that type
    // (Document::setTyped), or as a string while it is none (the writer is still typing).
    std::optional<yaml::PlainType> type = std::nullopt;
};

// Applies `edit` to `doc` as the writer means it: the value is written as though it were typed
// into the file as `original` has it, so the style a value gets never depends on the way there.
// Typing "a " then "ab" on the way to "ab" would otherwise leave a plain value quoted for good,
// because the passing trailing space needed quotes. A literal for a key that was missing or
// empty is written plain (date: 2024-01-02, not '2024-01-02'). `original` (the file as saved)
// may be null. On error `doc` is unchanged.
Status applyFieldEdit(Document& doc, const FieldEdit& edit, const Document* original);

} // namespace frontis
