#pragma once

#include "model/format/frontmatterformat.h"

namespace frontis {

// Where the lines of a new YAML key go (yaml::placeNewKey): at `at`, after `prefix`, the keys of
// path[depth..] each on its own line, the first at `indent`.
struct KeyPlace
{
    qsizetype at = 0;
    int indent = 0;
    qsizetype depth = 0;
    QByteArray prefix;       // a line break, when `at` is not at a line start
    QByteArray newline;      // the line break of the neighbouring lines
    bool parentNull = false; // the parent was `key:` with nothing: the text ends at its line end
};

// YAML front matter between '---' fences: yaml-cpp reads it (FrontMatter's builder maps the
// spans), the scalar emitter writes values in their own style.
class YamlFormat final : public FrontMatterFormat
{
public:
    FrontMatterSyntax syntax() const override { return FrontMatterSyntax::Yaml; }
    QString name() const override { return QStringLiteral("YAML"); }
    Result<FmNode> parse(const ArticleFile& file) const override;
    bool spanReadsBack(const ArticleFile& file, const FmNode& node) const override;
    Result<QByteArray> scalarText(const ArticleFile& file, const KeyPath& path, const FmNode& node,
                                  const QString& value, bool literal) const override;
    Result<Splice> newKey(const ArticleFile& file, const FmNode& root, const KeyPath& path,
                          const QString& value, bool literal,
                          const InsertHint& hint) const override;
};

namespace yaml {

// Where the lines of the new key `path` go in `file` (tree `root`); refused when its parent
// cannot take keys (a list, a flow mapping, a single value).
Result<KeyPlace> placeNewKey(const ArticleFile& file, const FmNode& root, const KeyPath& path,
                             const InsertHint& hint);
// The prefix and the lines "key:" of path[place.depth..], without the last line's break.
QByteArray newKeyLines(const KeyPlace& place, const KeyPath& path);
// `text` between '---' fences when `file` has no front matter yet, else `text`.
QByteArray withFences(const ArticleFile& file, const QByteArray& text);

} // namespace yaml

} // namespace frontis
