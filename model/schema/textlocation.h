#pragma once

#include <QString>

namespace frontis {

// Where an article's text (the Markdown the site shows as the article) is kept: the body after
// the front matter, or one `type: markdown` field of it (the QuickTakes answer). What the
// editor, preview, spelling, statistics, find and lint work on, so that none of them names a key.
struct TextLocation
{
    bool body = true;
    QString key; // when !body: the markdown field's dotted key, as SchemaField::key writes it

    static TextLocation inBody() { return {}; }
    static TextLocation inField(const QString& key) { return {false, key}; }
    bool operator==(const TextLocation&) const = default;
};

} // namespace frontis
