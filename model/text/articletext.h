#pragma once

#include "model/schema/schema.h"
#include "model/yaml/document.h"

#include <QString>

namespace frontis {

// The article's text: the Markdown the writer writes, wherever the schema keeps it. Most sites
// (Hugo, Jekyll, Eleventy, Astro, Docsy, Microsoft Docs) keep it in the body after the front
// matter; QuickTakes keeps it in a Markdown field stored on one line with `\n` escapes. The
// editor, preview, spelling, statistics, find and lint work on "the text" through this, and never
// ask for a field by name.
class ArticleText
{
public:
    // Where `schema` keeps the text (Schema::textLocation(): its `text:`, else its only markdown
    // field, else the body).
    static ArticleText of(const Schema& schema);
    static ArticleText body();
    // A Markdown field; `escapedNewlines`: stored on one line with `\n` escapes.
    static ArticleText field(const QString& key, bool escapedNewlines);

    bool isBody() const { return m_key.isEmpty(); }
    // The field's key ("answer"); empty for the body.
    const QString& key() const { return m_key; }

    // The text as `doc` stores it: the field's value, or the body (Document::body(): "\n" line
    // breaks; Document::setBody writes the file's own).
    QString stored(const Document& doc) const;
    // The Markdown the writer sees for a stored text (real '\n' line breaks), and back: the
    // answer's `\n` escapes; nothing for a body or a plain markdown field.
    QString decode(const QString& stored) const;
    QString encode(const QString& markdown) const;
    // 1-based line of the file where the text's first line is, for the body (0 for a field,
    // whose positions depend on its style).
    int firstFileLine(const Document& doc) const;
    // Body texts are rendered the way sites render them: GitHub Flavored Markdown, Hugo
    // shortcodes and Liquid tags (RenderOptions::gfm, ::templateTags).
    bool rendersAsSite() const { return isBody(); }

    bool operator==(const ArticleText&) const = default;

private:
    QString m_key;
    bool m_escapedNewlines = false;
};

// The article's text where `schema` keeps it, as Markdown with real line breaks (what `frontis
// render` and validation read). Empty when the field is absent or not a single value.
QString articleText(const Document& doc, const Schema& schema);

} // namespace frontis
