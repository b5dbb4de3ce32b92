#pragma once

#include "articlefile.h"
#include "error.h"
#include "fmnode.h"
#include "keypath.h"

#include <QList>

#include <optional>

namespace frontis {

// The parsed front matter of an ArticleFile: yaml-cpp's values plus a source map (the span,
// style and position of every key and value). Exceptions from yaml-cpp never leave parse().
class FrontMatter
{
public:
    static Result<FrontMatter> parse(const ArticleFile& file);

    const FmNode& root() const { return m_root; }
    const FmNode* find(const KeyPath& path) const;
    // Resolves a dotted path as users type it. A key that itself contains dots ("ms.date") wins
    // over descending; numeric segments index sequences.
    std::optional<KeyPath> resolve(const QString& dotted) const;
    // Every scalar and null leaf, in source order.
    QList<KeyPath> leafPaths() const;

private:
    FmNode m_root;
};

} // namespace frontis
