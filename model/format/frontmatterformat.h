#pragma once

#include "model/file/articlefile.h"
#include "model/file/error.h"
#include "model/yaml/fmnode.h"
#include "model/yaml/keypath.h"
#include "model/yaml/scalarstyle.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace frontis {

// How deep a TOML or JSON front matter may nest tables and arrays: deeper is a parse error
// rather than followed, because the readers, the tree and what walks it all recurse.
constexpr int MaxNesting = 256;

// Where a new key goes: after the last existing sibling named here (schema order), else
// after the last sibling.
struct InsertHint
{
    QStringList precedingKeys;
    std::optional<ScalarStyle> style; // style for a new value (default plain, quoted if needed)
    int blockIndent = 4;              // a new block scalar's content indent past its key
};

// One replacement of bytes [begin, end) of the file by `text`.
struct Splice
{
    qsizetype begin = 0;
    qsizetype end = 0;
    QByteArray text;
};

// A way of writing front matter (YAML, TOML, JSON): how its text reads into the common tree of
// FmNode with source spans, and the splice each edit makes in its own syntax. What an edit must
// produce is checked by Document, the same for every format: the spliced file is read again by
// parse() and every value compared with the intended ones. Implementations hold no state.
class FrontMatterFormat
{
public:
    virtual ~FrontMatterFormat() = default;

    virtual FrontMatterSyntax syntax() const = 0;
    // "YAML", "TOML", "JSON": for messages.
    virtual QString name() const = 0;

    // The front matter of `file` (file.syntax() is this format's) as a map with the span, style
    // and position of every key and value; bad input comes back as an Error at its line and
    // column. Never throws.
    virtual Result<FmNode> parse(const ArticleFile& file) const = 0;
    // The scalar's span, read alone, gives back the node's value: the cross-check made before a
    // value is rewritten in place.
    virtual bool spanReadsBack(const ArticleFile& file, const FmNode& node) const = 0;
    // The text that, put in place of `node`'s span (a scalar or null of `file`), holds `value`:
    // a string, in the node's own kind where that kind can hold it (escaped as it requires), or
    // with `literal` the typed literal `value` written as it is.
    virtual Result<QByteArray> scalarText(const ArticleFile& file, const KeyPath& path,
                                          const FmNode& node, const QString& value,
                                          bool literal) const = 0;
    // The splice that adds the absent key `path` (missing parent tables created) holding `value`
    // as scalarText() writes it, after its last sibling (or the last one named in the hint).
    virtual Result<Splice> newKey(const ArticleFile& file, const FmNode& root, const KeyPath& path,
                                  const QString& value, bool literal,
                                  const InsertHint& hint) const = 0;
    // The splice that removes the key or list item at `path` (its lines only, where it has lines
    // of its own); `expected` comes in as a copy of `root` and leaves as the tree the result must
    // read as. YAML's removal is Document's own (structuraledit.cpp); the default refuses.
    virtual Result<Splice> removal(const ArticleFile& file, const FmNode& root, const KeyPath& path,
                                   FmNode& expected) const;
    // Whether dates are values of their own in this format (YAML, TOML), or only strings (JSON).
    virtual bool hasDates() const { return true; }

    // The format `file` is written in.
    static const FrontMatterFormat& of(const ArticleFile& file);
    static const FrontMatterFormat& of(FrontMatterSyntax syntax);

protected:
    // "... is not supported in TOML front matter yet": an edit this format does not make yet.
    Error unsupported(const QString& what, const FmNode* node) const;
    // The removal of element `index` of the bracketed collection `parent` (a TOML or JSON array,
    // a TOML inline table, a JSON object) with one separator: "[a, b, c]" -> "[a, c]".
    static Result<Splice> elementRemoval(const FmNode& parent, size_t index);
    // `expected` without the node at `path` (which exists).
    static void eraseAt(FmNode& expected, const KeyPath& path);
};

// The deepest node that exists along the absent key `path` (the root at worst), and how many of
// the path's segments lead to it: where a new key goes, the rest of the path created.
struct KeyAncestor
{
    const FmNode* node;
    qsizetype depth;
};
KeyAncestor nearestExisting(const FmNode& root, const KeyPath& path);
// That ancestor where it is a map; "cannot add 'a.b': 'a' is a list" where it is not.
Result<KeyAncestor> mapToAddUnder(const FmNode& root, const KeyPath& path);
// "cannot add 'a.b': 'a' is WHAT", at the ancestor.
Error cannotAddUnder(const KeyPath& path, const KeyAncestor& at, const QString& what);
// "'key' cannot hold this text (WHY)", at `node` where there is one.
Error cannotHold(const KeyPath& path, const FmNode* node, const QString& why);

// 'seo.title': a key path as messages quote it.
QString quotedKey(const KeyPath& path);

// The node at `path` in the tree `root`, or nullptr (numeric segments index sequences).
const FmNode* findNode(const FmNode& root, const KeyPath& path);

} // namespace frontis
