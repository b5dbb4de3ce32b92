#pragma once

#include "model/format/frontmatterformat.h"

namespace frontis {

// JSON front matter, between "---json" and "---" (Eleventy) or as a first-line '{' object closed
// by its matching '}' (Hugo). Read by a small reader of our own that keeps each value's position
// (QJsonDocument keeps none, and folds duplicate keys); strings are double-quoted scalars,
// numbers and booleans plain scalars typed by the reader, null a null.
class JsonFormat final : public FrontMatterFormat
{
public:
    FrontMatterSyntax syntax() const override { return FrontMatterSyntax::Json; }
    QString name() const override { return QStringLiteral("JSON"); }
    Result<FmNode> parse(const ArticleFile& file) const override;
    bool spanReadsBack(const ArticleFile& file, const FmNode& node) const override;
    Result<QByteArray> scalarText(const ArticleFile& file, const KeyPath& path, const FmNode& node,
                                  const QString& value, bool literal) const override;
    Result<Splice> newKey(const ArticleFile& file, const FmNode& root, const KeyPath& path,
                          const QString& value, bool literal,
                          const InsertHint& hint) const override;
    Result<Splice> removal(const ArticleFile& file, const FmNode& root, const KeyPath& path,
                           FmNode& expected) const override;
    bool hasDates() const override { return false; }
};

namespace json {

// `value` as a JSON string: quotes, backslashes and control characters escaped; nullopt for a
// lone UTF-16 surrogate, which JSON text in UTF-8 cannot carry.
std::optional<QByteArray> writeString(const QString& value);

} // namespace json

} // namespace frontis
