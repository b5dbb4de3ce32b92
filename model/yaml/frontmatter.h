#pragma once

#include "model/file/articlefile.h"
#include "model/file/error.h"
#include "model/yaml/fmnode.h"
#include "model/yaml/keypath.h"

#include <QList>

namespace frontis {

// The parsed front matter of an ArticleFile: its values plus a source map (the span, style and
// position of every key and value), read by the file's format (FrontMatterFormat: YAML through
// yaml-cpp, TOML, JSON). Exceptions from the parsers never leave parse().
class FrontMatter
{
public:
    static Result<FrontMatter> parse(const ArticleFile& file);
    // A tree a format read (an empty front matter is a map with no entries).
    explicit FrontMatter(FmNode root = {}) : m_root(std::move(root)) {}

    const FmNode& root() const { return m_root; }
    const FmNode* find(const KeyPath& path) const;
    // Splits a dotted path as users type it against the keys that exist: a key that itself
    // contains dots ("ms.date") wins over descending; numeric segments index sequences; what does
    // not exist yet is split at every dot.
    KeyPath resolve(const QString& dotted) const;
    // Every scalar and null leaf, in source order.
    QList<KeyPath> leafPaths() const;
    // The cross-check made before a value is rewritten: its span, parsed alone, reads back as the
    // node's value. (After a rewrite the whole tree is compared, so this is not done at parse
    // time.)
    static bool spanReadsBack(const ArticleFile& file, const FmNode& node);
    // Brings the source map in line with an edit that rewrote the scalar at `path` on its own
    // line (ArticleFile::replaceWithinLine): its text becomes `text`, and every span from the old
    // end of its span on moves by `delta` bytes. Lines and columns stay. False when `path` holds
    // no scalar ending at `oldEnd`.
    bool scalarRewrittenInLine(const KeyPath& path, const QString& text, qsizetype oldEnd,
                               qsizetype delta);

private:
    FmNode m_root;
};

namespace yaml {

// YAML front matter read by yaml-cpp into the tree, with the span of every key and value.
Result<FmNode> parseFrontMatter(const ArticleFile& file);
// YAML's FrontMatter::spanReadsBack.
bool spanReadsBack(const ArticleFile& file, const FmNode& node);

} // namespace yaml

} // namespace frontis
