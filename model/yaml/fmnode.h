#pragma once

#include "model/yaml/scalarstyle.h"
#include "model/yaml/yamltypes.h"

#include <QString>

#include <optional>
#include <vector>

namespace frontis {

// A byte range [begin, end) in the article file.
struct SourceSpan
{
    qsizetype begin = -1;
    qsizetype end = -1;
    bool isValid() const { return begin >= 0 && end >= begin; }
    qsizetype size() const { return end - begin; }
};

struct FmEntry;

// One node of the front-matter tree with where and how it is written in the source.
struct FmNode
{
    enum class Kind { Null, Scalar, Map, Sequence };

    Kind kind = Kind::Null;
    ScalarStyle style = ScalarStyle::Plain; // scalars (a null written `~` or `null` is Plain)
    bool flow = false;                      // the node is, or sits inside, a flow collection
    bool inSequence = false;                // a sequence item (its parent is a list)
    QString text;    // a scalar's value as YAML reads it (LF line breaks); "" for null
    SourceSpan span; // the value's bytes; an empty `key:` gets an empty span after ':'
    int line = 0;    // 1-based file position of the value
    int column = 0;
    // A plain scalar's type where its format says it (TOML, JSON: the parser typed it; `text` is
    // then the value in a form the schema's checks read: "1_000" is "1000"); unset for YAML,
    // whose plain scalars are typed by their text (plainType()).
    std::optional<yaml::PlainType> type;
    int indent = 0;               // 0-based column of the owning key or '-' (the parent's indent)
    bool editable = true;         // false: an anchor, alias, tag or unmapped null; shown, read-only
    std::vector<FmEntry> entries; // a map's entries, in source order
    std::vector<FmNode> items;    // a sequence's items

    bool isScalar() const { return kind == Kind::Scalar; }
    bool isNull() const { return kind == Kind::Null; }
    bool isMap() const { return kind == Kind::Map; }
    bool isSequence() const { return kind == Kind::Sequence; }
    // Plain scalars resolve by their text (numbers, booleans, dates); all other styles are strings.
    bool isPlain() const { return kind == Kind::Scalar && style == ScalarStyle::Plain; }
    // What a plain scalar reads as: its format's type, else YAML 1.2 core resolution of its text.
    yaml::PlainType plainType() const;
    // A string value: any non-plain scalar, or a plain one that reads as a string in YAML 1.1 and
    // 1.2 alike (a typed plain scalar never is).
    bool isString() const;
    const FmNode* child(const QString& key) const;
};

struct FmEntry
{
    QString key;
    SourceSpan keySpan;
    int line = 0; // 1-based file position of the key
    int column = 0;
    // Whole lines from the key's line start through the value's last line break: what removing
    // the entry deletes (comment lines around it are not included).
    SourceSpan lines;
    FmNode value;
};

} // namespace frontis
