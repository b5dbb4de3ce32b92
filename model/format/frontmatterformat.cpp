#include "model/format/frontmatterformat.h"

#include "model/json/jsonformat.h"
#include "model/toml/tomlformat.h"
#include "model/yaml/yamlformat.h"

#include <QCoreApplication>

namespace frontis {

QString quotedKey(const KeyPath& path)
{
    return QLatin1Char('\'') + joinKeyPath(path) + QLatin1Char('\'');
}

Result<Splice> FrontMatterFormat::removal(const ArticleFile&, const FmNode& root,
                                          const KeyPath& path, FmNode&) const
{
    return unsupported(QCoreApplication::translate("Document", "removing a key"),
                       findNode(root, path));
}

Result<Splice> FrontMatterFormat::elementRemoval(const FmNode& parent, size_t index)
{
    struct Range
    {
        qsizetype begin;
        qsizetype end;
    };
    std::vector<Range> el;
    for (const FmNode& item : parent.items)
        el.push_back({item.span.begin, item.span.end});
    for (const FmEntry& e : parent.entries)
        el.push_back({e.keySpan.begin, qMax(e.keySpan.end, e.value.span.end)});
    for (const Range& r : el) {
        if (r.begin < 0 || r.end <= r.begin)
            return Error{QCoreApplication::translate(
                             "Document", "Frontis could not map where the items are written"),
                         parent.line, parent.column};
    }
    if (index >= el.size())
        return Error{QCoreApplication::translate("Document", "there is no such item")};
    if (el.size() == 1)
        return Splice{el[0].begin, el[0].end, {}};
    if (index > 0) // ", b" after the previous element
        return Splice{el[index - 1].end, el[index].end, {}};
    return Splice{el[0].begin, el[1].begin, {}};
}

void FrontMatterFormat::eraseAt(FmNode& expected, const KeyPath& path)
{
    FmNode* parent = const_cast<FmNode*>(findNode(expected, path.first(path.size() - 1)));
    if (!parent)
        return;
    if (parent->isSequence()) {
        const qsizetype i = path.last().toLongLong();
        if (i >= 0 && size_t(i) < parent->items.size())
            parent->items.erase(parent->items.begin() + i);
        return;
    }
    for (auto it = parent->entries.begin(); it != parent->entries.end(); ++it) {
        if (it->key == path.last()) {
            parent->entries.erase(it);
            return;
        }
    }
}

KeyAncestor nearestExisting(const FmNode& root, const KeyPath& path)
{
    qsizetype depth = path.size() - 1;
    const FmNode* node = findNode(root, path.first(depth));
    while (!node)
        node = findNode(root, path.first(--depth));
    return {node, depth};
}

Result<KeyAncestor> mapToAddUnder(const FmNode& root, const KeyPath& path)
{
    const KeyAncestor at = nearestExisting(root, path);
    if (at.node->isMap())
        return at;
    return cannotAddUnder(path, at,
                          at.node->isSequence()
                              ? QCoreApplication::translate("Document", "a list")
                              : QCoreApplication::translate("Document", "a single value"));
}

Error cannotAddUnder(const KeyPath& path, const KeyAncestor& at, const QString& what)
{
    return Error{QCoreApplication::translate("Document", "cannot add %1: %2 is %3")
                     .arg(quotedKey(path), quotedKey(path.first(at.depth)), what),
                 at.node->line, at.node->column};
}

Error cannotHold(const KeyPath& path, const FmNode* node, const QString& why)
{
    return Error{QCoreApplication::translate("Document", "%1 cannot hold this text (%2)")
                     .arg(quotedKey(path), why),
                 node ? node->line : 0, node ? node->column : 0};
}

Error FrontMatterFormat::unsupported(const QString& what, const FmNode* node) const
{
    return Error{
        QCoreApplication::translate("Document", "%1 is not supported in %2 front matter yet")
            .arg(what, name()),
        node ? node->line : 0, node ? node->column : 0};
}

const FrontMatterFormat& FrontMatterFormat::of(const ArticleFile& file)
{
    return of(file.syntax());
}

const FrontMatterFormat& FrontMatterFormat::of(FrontMatterSyntax syntax)
{
    static const YamlFormat yamlFormat;
    static const TomlFormat tomlFormat;
    static const JsonFormat jsonFormat;
    switch (syntax) {
    case FrontMatterSyntax::Yaml:
        break;
    case FrontMatterSyntax::Toml:
        return tomlFormat;
    case FrontMatterSyntax::Json:
        return jsonFormat;
    }
    return yamlFormat;
}

const FmNode* findNode(const FmNode& root, const KeyPath& path)
{
    const FmNode* node = &root;
    for (const QString& segment : path) {
        if (node->isMap()) {
            node = node->child(segment);
        } else if (node->isSequence()) {
            bool ok = false;
            const int i = segment.toInt(&ok);
            node =
                ok && i >= 0 && size_t(i) < node->items.size() ? &node->items[size_t(i)] : nullptr;
        } else {
            return nullptr;
        }
        if (!node)
            return nullptr;
    }
    return node;
}

} // namespace frontis
