// Document's structural edits: list items appended, removed, moved and duplicated, keys removed.
// Like every edit they splice bytes at the spans FrontMatter found and are verified by re-reading
// the whole front matter against the expected tree (Document::splice).
#include "model/yaml/document.h"
#include "model/yaml/document_p.h"
#include "model/yaml/scalaremitter.h"
#include "model/yaml/yamltypes.h"

#include <algorithm>

namespace frontis {

namespace {

using documentdetail::quoted;
using documentdetail::tr;

// Lines of the front matter, as the structural edits see them.
class Lines
{
public:
    explicit Lines(const ArticleFile& file)
        : m_file(file), m_b(file.bytes()), m_begin(file.frontMatterBegin()),
          m_end(file.frontMatterEnd())
    {}
    qsizetype start(qsizetype offset) const { return m_file.lineStart(offset); }
    // The start of the line after the one holding `offset`.
    qsizetype next(qsizetype offset) const
    {
        const qsizetype nl = m_b.indexOf('\n', offset);
        return (nl < 0 || nl >= m_end) ? m_end : nl + 1;
    }
    // Where the line break of the line holding `offset` starts.
    qsizetype breakAt(qsizetype offset) const
    {
        qsizetype nl = m_b.indexOf('\n', offset);
        if (nl < 0 || nl > m_end)
            nl = m_end;
        return (nl > 0 && m_b[nl - 1] == '\r') ? nl - 1 : nl; // a CR before LF is the break
    }
    int indent(qsizetype lineStart) const
    {
        int n = 0;
        while (lineStart + n < m_end && m_b[lineStart + n] == ' ')
            ++n;
        return n;
    }
    bool isComment(qsizetype lineStart) const
    {
        const qsizetype first = lineStart + indent(lineStart);
        return first < m_end && m_b[first] == '#';
    }
    // The first of the comment lines directly above `lineStart` at `indent`; `lineStart` itself
    // when there are none (a blank line or other text ends them). Comments that open the front
    // matter are the file's heading, not the first key's.
    qsizetype commentsAbove(qsizetype lineStart, int ind) const
    {
        qsizetype begin = lineStart;
        while (begin > m_begin) {
            const qsizetype prev = start(begin - 1);
            if (prev < m_begin || !isComment(prev) || indent(prev) != ind)
                break;
            begin = prev;
        }
        return begin == m_begin ? lineStart : begin;
    }
    QByteArray newlineAt(qsizetype offset) const
    {
        return documentdetail::newlineAt(m_b, offset, m_file.newline());
    }
    const QByteArray& bytes() const { return m_b; }
    qsizetype frontMatterBegin() const { return m_begin; }

private:
    const ArticleFile& m_file;
    const QByteArray& m_b;
    qsizetype m_begin;
    qsizetype m_end;
};

// Where an item of a block list is written: its '-' (the first text on its line), its whole lines
// [begin, end) and the comment lines above it from `comments` on.
struct BlockItem
{
    qsizetype dash = -1;
    qsizetype begin = -1;
    qsizetype end = -1;
    qsizetype comments = -1;
};

std::optional<BlockItem> blockItem(const Lines& lines, const FmNode& item)
{
    const QByteArray& b = lines.bytes();
    if (item.isNull() || !item.span.isValid())
        return std::nullopt; // yaml-cpp does not say where a null item's '-' is
    qsizetype j = item.span.begin - 1;
    while (j >= lines.frontMatterBegin() &&
           (b[j] == ' ' || b[j] == '\t' || b[j] == '\n' || b[j] == '\r'))
        --j;
    if (j < lines.frontMatterBegin() || b[j] != '-')
        return std::nullopt;
    BlockItem r;
    r.dash = j;
    r.begin = lines.start(j);
    if (j - r.begin != item.indent || lines.indent(r.begin) != item.indent)
        return std::nullopt; // `- - a`: the dash is not the first text of its line
    r.end = lines.next(qMax(item.span.end - 1, j));
    r.comments = lines.commentsAbove(r.begin, item.indent);
    return r;
}

// An element of a flow collection: an item, or a key with its value.
struct Range
{
    qsizetype begin = -1;
    qsizetype end = -1;
};

std::vector<Range> flowElements(const FmNode& node)
{
    std::vector<Range> out;
    for (const FmNode& item : node.items)
        out.push_back({item.span.begin, item.span.end});
    for (const FmEntry& e : node.entries)
        out.push_back({e.keySpan.begin, qMax(e.keySpan.end, e.value.span.end)});
    for (const Range& r : out) {
        if (r.begin < 0 || r.end <= r.begin)
            return {};
    }
    return out;
}

// The separator between two elements of a flow collection, as the file writes it, when it holds
// no comment; else ", ".
QByteArray flowSeparator(const QByteArray& b, const std::vector<Range>& elements, size_t at)
{
    size_t i = at;
    if (i + 1 >= elements.size())
        i = elements.size() >= 2 ? elements.size() - 2 : elements.size();
    if (i + 1 < elements.size()) {
        const QByteArray sep = b.mid(elements[i].end, elements[i + 1].begin - elements[i].end);
        if (sep.trimmed() == "," && !sep.contains('#'))
            return sep;
    }
    return QByteArrayLiteral(", ");
}

FmNode* nodeAt(FmNode& root, const KeyPath& path)
{
    FmNode* node = &root;
    for (const QString& segment : path) {
        if (node->isSequence()) {
            node = &node->items[size_t(segment.toInt())];
            continue;
        }
        FmNode* next = nullptr;
        for (FmEntry& e : node->entries) {
            if (e.key == segment)
                next = &e.value;
        }
        if (!next)
            return nullptr;
        node = next;
    }
    return node;
}

// The node at `path` in `root`, created (with missing maps along the way) when absent.
FmNode& createAt(FmNode& root, const KeyPath& path)
{
    FmNode* node = &root;
    for (const QString& segment : path) {
        if (node->isSequence()) {
            node = &node->items[size_t(segment.toInt())];
            continue;
        }
        if (node->isNull())
            node->kind = FmNode::Kind::Map;
        FmNode* next = nullptr;
        for (FmEntry& e : node->entries) {
            if (e.key == segment)
                next = &e.value;
        }
        if (!next) {
            FmEntry& e = node->entries.emplace_back();
            e.key = segment;
            next = &e.value;
        }
        node = next;
    }
    return *node;
}

bool allEditable(const FmNode& node)
{
    if (!node.editable)
        return false;
    return std::all_of(node.items.begin(), node.items.end(), allEditable) &&
           std::all_of(node.entries.begin(), node.entries.end(),
                       [](const FmEntry& e) { return allEditable(e.value); });
}

// A list item's index in its list, or -1.
int itemIndex(const FmNode& list, const QString& segment)
{
    bool ok = false;
    const int i = segment.toInt(&ok);
    return ok && i >= 0 && size_t(i) < list.items.size() ? i : -1;
}

// The scalars an appended value is written like: the list's scalar items, or (for a map item's
// `key`) that key's values in the list's map items. The last one found is the style model.
std::vector<const FmNode*> siblingValues(const FmNode* list, const QString* key)
{
    std::vector<const FmNode*> out;
    if (!list)
        return out;
    for (const FmNode& item : list->items) {
        if (!key && item.isScalar())
            out.push_back(&item);
        if (key && item.isMap()) {
            if (const FmNode* v = item.child(*key); v && v->isScalar())
                out.push_back(v);
        }
    }
    return out;
}

// One scalar of an appended item: its text and the node it must read back as.
struct WrittenScalar
{
    QByteArray text;
    FmNode expected;
    bool ok = false;
};

WrittenScalar writeScalar(const QString& value, const std::vector<const FmNode*>& siblings,
                          ScalarSlot slot)
{
    WrittenScalar w;
    w.expected.kind = FmNode::Kind::Scalar;
    // Every sibling a literal of one agreed type, and the value one too: written as that type.
    using yaml::PlainType;
    std::optional<PlainType> type;
    for (const FmNode* s : siblings) {
        const PlainType t = s->isPlain() ? yaml::agreedType(s->text) : PlainType::String;
        const bool typed = t == PlainType::Int || t == PlainType::Float || t == PlainType::Bool ||
                           t == PlainType::Timestamp;
        if (!typed || (type && *type != t)) {
            type.reset();
            break;
        }
        type = t;
    }
    if (type) {
        const QString written = value.trimmed();
        const bool fits =
            yaml::isValidLiteral(*type, written) ||
            (*type == PlainType::Float && yaml::isValidLiteral(PlainType::Int, written));
        const std::optional<QString> literal =
            fits ? yaml::typedLiteral(*type, written, *type == PlainType::Float) : std::nullopt;
        if (literal) {
            w.text = literal->toUtf8();
            w.expected.text = *literal;
            w.expected.style = ScalarStyle::Plain;
            w.ok = true;
            return w;
        }
    }
    ScalarStyle preferred = siblings.empty() ? ScalarStyle::Plain : siblings.back()->style;
    if (slot.flow && (preferred == ScalarStyle::Literal || preferred == ScalarStyle::Folded))
        preferred = ScalarStyle::Plain;
    const EmittedScalar e = emitString(value, preferred, slot);
    w.text = e.text;
    w.expected.text = value;
    w.expected.style = e.style;
    w.ok = e.verified;
    return w;
}

// How a new map item is laid out, learnt from the list's last map item.
struct MapLayout
{
    QStringList order; // the siblings' keys in their order
    bool flow = false;
    bool padded = false; // "{ a: 1 }"
};

MapLayout mapLayout(const FmNode* list, const QByteArray& b, bool listFlow)
{
    MapLayout layout;
    layout.flow = listFlow;
    if (!list)
        return layout;
    for (const FmNode& item : list->items) {
        if (!item.isMap())
            continue;
        for (const FmEntry& e : item.entries) {
            if (!layout.order.contains(e.key))
                layout.order << e.key;
        }
        layout.flow = item.flow;
        layout.padded = item.flow && item.span.begin + 1 < b.size() && b[item.span.begin] == '{' &&
                        b[item.span.begin + 1] == ' ';
    }
    return layout;
}

// The item's fields in the siblings' key order; keys they do not have keep their order, last.
QList<std::pair<QString, QString>> orderedFields(const ListItem& item, const QStringList& order)
{
    QList<std::pair<QString, QString>> out;
    for (const QString& key : order) {
        for (const auto& f : item.fields) {
            if (f.first == key)
                out << f;
        }
    }
    for (const auto& f : item.fields) {
        if (!order.contains(f.first))
            out << f;
    }
    return out;
}

QByteArray keyText(const QString& key)
{
    ScalarSlot slot;
    slot.flow = true; // one line, no block styles
    return emitString(key, ScalarStyle::Plain, slot).text;
}

// The text of `item` placed after "- " (block, `dashIndent` the column of the '-', `keyColumn`
// that of a map item's keys) or in a flow list, and the node it must read back as.
struct WrittenItem
{
    QByteArray text;
    FmNode expected;
    std::optional<Error> error;
};

WrittenItem writeItem(const ListItem& item, const FmNode* list, const QByteArray& b, bool flow,
                      int dashIndent, int keyColumn, const QByteArray& nl)
{
    WrittenItem w;
    w.expected.inSequence = true;
    auto unwritable = [&](const QString& value) {
        w.error = Error{tr("'%1' cannot be written as YAML (it contains characters YAML cannot "
                           "store)")
                            .arg(value)};
    };
    if (!item.isMap) {
        ScalarSlot slot;
        slot.flow = flow;
        slot.parentIndent = dashIndent;
        slot.newline = nl;
        WrittenScalar s = writeScalar(item.text, siblingValues(list, nullptr), slot);
        if (!s.ok)
            unwritable(item.text);
        w.text = s.text;
        w.expected = s.expected;
        w.expected.inSequence = true;
        return w;
    }
    const MapLayout layout = mapLayout(list, b, flow);
    const bool flowMap = flow || layout.flow;
    w.expected.kind = FmNode::Kind::Map;
    QByteArrayList parts;
    for (const auto& [key, value] : orderedFields(item, layout.order)) {
        ScalarSlot slot;
        slot.flow = flowMap;
        slot.parentIndent = keyColumn;
        slot.newline = nl;
        WrittenScalar s = writeScalar(value, siblingValues(list, &key), slot);
        if (!s.ok)
            unwritable(value);
        parts << keyText(key) + ": " + s.text;
        FmEntry& e = w.expected.entries.emplace_back();
        e.key = key;
        e.value = s.expected;
    }
    if (flowMap) {
        const QByteArray pad = layout.padded ? " " : "";
        w.text = '{' + pad + parts.join(", ") + pad + '}';
    } else {
        w.text = parts.join(nl + QByteArray(keyColumn, ' '));
    }
    return w;
}

// Whether the file's lists are mostly flow, and how far a block list's '-' sits right of its key
// (0: indentless "- " under the key). Empty lists ("children: []") say nothing of a habit.
struct ListHabit
{
    int flow = 0;
    int block = 0;
    int indentless = 0;
};

void countLists(const FmNode& node, const Lines& lines, ListHabit& habit)
{
    for (const FmEntry& e : node.entries) {
        const FmNode& v = e.value;
        if (v.isSequence() && !v.items.empty() && v.editable) {
            if (v.flow) {
                ++habit.flow;
            } else if (const auto first = blockItem(lines, v.items.front())) {
                ++habit.block;
                if (first->dash - first->begin == e.column - 1)
                    ++habit.indentless;
            }
        }
        countLists(v, lines, habit);
    }
    for (const FmNode& item : node.items)
        countLists(item, lines, habit);
}

} // namespace

Status Document::structuralEditsSupported(const QString& what) const
{
    // List edits are written for YAML's block and flow lists; TOML and JSON arrays are edited
    // value by value (set, remove) for now.
    if (m_file.syntax() == FrontMatterSyntax::Yaml)
        return {};
    return Error{tr("%1 is not supported in %2 front matter yet")
                     .arg(what, FrontMatterFormat::of(m_file).name())};
}

Status Document::remove(const KeyPath& path)
{
    if (path.isEmpty())
        return Error{tr("no key given")};
    if (m_file.syntax() != FrontMatterSyntax::Yaml) {
        FmNode expected = m_fm.root();
        const Result<Splice> s =
            FrontMatterFormat::of(m_file).removal(m_file, m_fm.root(), path, expected);
        if (!s)
            return s.error();
        return splice(s->begin, s->end, s->text, expected, nullptr);
    }
    const KeyPath parentPath = path.first(path.size() - 1);
    const FmNode* parent = m_fm.find(parentPath);
    const FmNode* node = m_fm.find(path);
    if (!node || !parent)
        return Error{tr("there is no key %1").arg(quoted(path))};
    const bool blockEntry = parent->isMap() && !parent->flow;
    if (!blockEntry && (!parent->editable || !node->editable)) {
        return Error{tr("%1 cannot be removed: it uses YAML that Frontis cannot safely rewrite "
                        "(an anchor, alias, tag or unusual layout)")
                         .arg(quoted(path)),
                     node->line, node->column};
    }
    const Lines lines(m_file);
    const QByteArray& b = m_file.bytes();
    auto refuse = [&](const QString& why) {
        return Error{tr("cannot remove %1: %2").arg(quoted(path), why), node->line, node->column};
    };

    // The expected tree: the entry or item gone.
    FmNode expected = m_fm.root();
    FmNode* p = nodeAt(expected, parentPath);
    size_t index = 0;
    if (parent->isSequence()) {
        index = size_t(itemIndex(*parent, path.last()));
        p->items.erase(p->items.begin() + qsizetype(index));
    } else {
        while (parent->entries[index].key != path.last())
            ++index;
        p->entries.erase(p->entries.begin() + qsizetype(index));
        // A block mapping left empty reads as null; a flow one is `{}`.
        if (p->entries.empty() && p != &expected && !parent->flow)
            p->kind = FmNode::Kind::Null;
    }

    if (parent->flow) {
        const std::vector<Range> el = flowElements(*parent);
        if (el.empty())
            return refuse(tr("Frontis could not map where its items are written"));
        if (el.size() == 1)
            return splice(el[0].begin, el[0].end, {}, expected, nullptr);
        if (index > 0) // ", b" after the previous element
            return splice(el[index - 1].end, el[index].end, {}, expected, nullptr);
        return splice(el[0].begin, el[1].begin, {}, expected, nullptr);
    }
    if (parent->isSequence()) {
        const std::optional<BlockItem> item = blockItem(lines, *node);
        if (!item)
            return refuse(tr("Frontis could not map where the item is written"));
        if (parent->items.size() > 1)
            return splice(item->comments, item->end, {}, expected, nullptr);
        // The only item: the key stays a list, written `key: []` (its comment kept).
        const KeyPath listPath = parentPath;
        const FmNode* owner = m_fm.find(listPath.first(listPath.size() - 1));
        const FmEntry* entry = nullptr;
        if (owner && owner->isMap() && !owner->flow) {
            for (const FmEntry& e : owner->entries) {
                if (e.key == listPath.last())
                    entry = &e;
            }
        }
        if (!entry)
            return refuse(tr("the only item of a list inside a list cannot leave an empty list"));
        qsizetype colon = entry->keySpan.end;
        while (colon < parent->span.begin && b[colon] != ':')
            ++colon;
        const qsizetype keyLineEnd = lines.breakAt(colon);
        const QByteArray text = " []" + b.mid(colon + 1, keyLineEnd - colon - 1);
        return splice(colon + 1, lines.breakAt(item->end - 1), text, expected, nullptr);
    }
    const FmEntry& entry = parent->entries[index];
    if (!entry.lines.isValid() || entry.keySpan.size() == 0)
        return refuse(tr("Frontis could not map where the key is written"));
    const qsizetype lineStart = lines.start(entry.keySpan.begin);
    if (entry.keySpan.begin - lineStart == lines.indent(lineStart)) {
        const qsizetype from = lines.commentsAbove(lineStart, entry.column - 1);
        return splice(from, entry.lines.end, {}, expected, nullptr);
    }
    // The first key of a list item, on the item's "- " line: the next key moves up onto it.
    if (parent->entries.size() > 1 && index == 0)
        return splice(entry.keySpan.begin, parent->entries[1].keySpan.begin, {}, expected, nullptr);
    const std::optional<BlockItem> item = blockItem(lines, *parent);
    if (!item || parent->entries.size() > 1)
        return refuse(tr("Frontis could not map where the key is written"));
    return splice(item->dash + 1, lines.breakAt(entry.lines.end - 1), {}, expected, nullptr);
}

Status Document::appendItem(const KeyPath& path, const ListItem& item, const InsertHint& hint)
{
    if (path.isEmpty())
        return Error{tr("no key given")};
    if (item.isMap && item.fields.isEmpty())
        return Error{tr("an item for %1 needs at least one key").arg(quoted(path))};
    if (m_file.syntax() != FrontMatterSyntax::Yaml)
        return appendToArray(path, item, hint);
    const FmNode* list = m_fm.find(path);
    if (!list || (list->isNull() && list->span.size() == 0 && !list->flow && !list->inSequence))
        return appendToNewList(path, item, hint);
    if (!list->isSequence()) {
        return Error{tr("cannot add to %1: it holds a %2, not a list")
                         .arg(quoted(path), list->isMap() ? tr("mapping") : tr("single value")),
                     list->line, list->column};
    }
    if (!list->editable) {
        return Error{tr("cannot add to %1: it uses YAML that Frontis cannot safely rewrite (an "
                        "anchor, alias, tag or unusual layout)")
                         .arg(quoted(path)),
                     list->line, list->column};
    }
    const QByteArray& b = m_file.bytes();
    const Lines lines(m_file);
    const QByteArray nl = lines.newlineAt(list->span.begin);

    FmNode expected = m_fm.root();
    FmNode* target = nodeAt(expected, path);
    auto fail = [&](const Error& e) { return Error{e.message, list->line, list->column}; };

    if (list->flow) {
        const std::vector<Range> el = flowElements(*list);
        if (el.empty() && !list->items.empty())
            return fail(Error{
                tr("Frontis could not map where the items of %1 are written").arg(quoted(path))});
        WrittenItem w = writeItem(item, list, b, true, list->indent, list->indent + 2, nl);
        if (w.error)
            return fail(*w.error);
        target->items.push_back(w.expected);
        if (el.empty()) { // "[]" (or "[ ]") -> "[x]"
            const qsizetype inner = list->span.begin + 1;
            const qsizetype innerEnd = list->span.end - 1;
            if (innerEnd < inner || !b.mid(inner, innerEnd - inner).trimmed().isEmpty())
                return fail(
                    Error{tr("Frontis could not map where %1 is written").arg(quoted(path))});
            return splice(inner, innerEnd, w.text, expected, nullptr);
        }
        return splice(el.back().end, el.back().end, flowSeparator(b, el, el.size() - 1) + w.text,
                      expected, nullptr);
    }

    const std::optional<BlockItem> last = blockItem(lines, list->items.back());
    if (!last)
        return fail(
            Error{tr("Frontis could not map where the items of %1 are written").arg(quoted(path))});
    // "- " as the last item writes it (a dash alone on its line before a map is written "- ").
    const FmNode& model = list->items.back();
    QByteArray gap = b.mid(last->dash + 1, model.span.begin - last->dash - 1);
    if (gap.contains('\n') || gap.contains('#') || gap.isEmpty())
        gap = " ";
    const int dashIndent = list->items.back().indent;
    int keyColumn = dashIndent + 1 + int(gap.size());
    for (const FmNode& i : list->items) {
        if (i.isMap() && !i.flow && !i.entries.empty())
            keyColumn = i.entries.front().column - 1;
    }
    WrittenItem w = writeItem(item, list, b, false, dashIndent, keyColumn, nl);
    if (w.error)
        return fail(*w.error);
    // A map item's first key follows "- " at the others' key column where the gap allows it.
    if (item.isMap && !w.text.startsWith('{'))
        gap = QByteArray(qMax(1, keyColumn - dashIndent - 1), ' ');
    target->items.push_back(w.expected);
    QByteArray text = QByteArray(dashIndent, ' ') + '-' + gap + w.text + nl;
    if (b[last->end - 1] != '\n')
        text.prepend(nl);
    return splice(last->end, last->end, text, expected, nullptr);
}

Status Document::appendToArray(const KeyPath& path, const ListItem& item, const InsertHint& hint)
{
    // TOML and JSON: a string item appended to an array, after its last item with the separator
    // the array uses ("[a, b]" -> "[a, b, c]"; a multi-line array keeps its layout and trailing
    // comma); an absent key becomes a one-item array. Objects and arrays of [[tables]] are not
    // written yet.
    const FrontMatterFormat& format = FrontMatterFormat::of(m_file);
    if (item.isMap)
        return structuralEditsSupported(tr("adding an object to a list"));
    const FmNode* list = m_fm.find(path);
    FmNode expected = m_fm.root();
    FmNode added;
    added.kind = FmNode::Kind::Scalar;
    added.style = ScalarStyle::DoubleQuoted; // a string: what the comparison asks of it
    added.text = item.text;
    if (!list) {
        FmNode& created = createAt(expected, path);
        created = FmNode();
        created.kind = FmNode::Kind::Sequence;
        created.items.push_back(added);
        const Result<QByteArray> text = format.scalarText(m_file, path, added, item.text, false);
        if (!text)
            return text.error();
        const Result<Splice> s = format.newKey(
            m_file, m_fm.root(), path, QString::fromUtf8("[" + text.value() + "]"), true, hint);
        if (!s)
            return s.error();
        return splice(s->begin, s->end, s->text, expected, nullptr);
    }
    if (!list->isSequence())
        return Error{tr("cannot add to %1: it holds a %2, not a list")
                         .arg(quoted(path), list->isMap() ? tr("mapping") : tr("single value")),
                     list->line, list->column};
    if (!list->flow || !list->span.isValid())
        return structuralEditsSupported(tr("adding a [[table]] to an array of tables"));
    nodeAt(expected, path)->items.push_back(added);
    // The new item in the kind of the last string item (TOML's literal or basic strings).
    const FmNode* like = nullptr;
    for (const FmNode& i : list->items) {
        if (i.isScalar() && !i.isPlain())
            like = &i;
    }
    KeyPath itemPath = path;
    itemPath << QString::number(list->items.size());
    const Result<QByteArray> text =
        format.scalarText(m_file, itemPath, like ? *like : added, item.text, false);
    if (!text)
        return text.error();
    const QByteArray& b = m_file.bytes();
    if (list->items.empty())
        return splice(list->span.begin + 1, list->span.begin + 1, text.value(), expected, nullptr);
    const std::vector<Range> el = flowElements(*list);
    if (el.empty())
        return Error{
            tr("Frontis could not map where the items of %1 are written").arg(quoted(path)),
            list->line, list->column};
    const qsizetype at = el.back().end;
    return splice(at, at, flowSeparator(b, el, el.size() - 1) + text.value(), expected, nullptr);
}

Status Document::appendToNewList(const KeyPath& path, const ListItem& item, const InsertHint& hint)
{
    const Lines lines(m_file);
    ListHabit habit;
    countLists(m_fm.root(), lines, habit);
    const bool flow = habit.flow > habit.block;
    const bool indentless = habit.indentless * 2 > habit.block;

    FmNode expected = m_fm.root();
    FmNode& list = createAt(expected, path);
    list = FmNode();
    list.kind = FmNode::Kind::Sequence;

    const FmNode* existing = m_fm.find(path); // `key:` with nothing after it
    int keyIndent = 0;
    KeyPlace place;
    if (existing) {
        const FmNode* owner = m_fm.find(path.first(path.size() - 1));
        if (!owner || !owner->isMap() || owner->flow || !existing->editable)
            return Error{tr("cannot add to %1").arg(quoted(path)), existing->line,
                         existing->column};
        keyIndent = existing->indent;
        // A flow list right after the ':', a block list after the line's comment.
        place.at = flow ? existing->span.begin : lines.breakAt(existing->span.begin);
        place.newline = lines.newlineAt(existing->span.begin);
        place.parentNull = true;
    } else {
        Result<KeyPlace> p = placeNewKey(path, hint);
        if (!p)
            return p.error();
        place = p.value();
        keyIndent = place.indent + 2 * int(path.size() - 1 - place.depth);
    }
    const QByteArray& nl = place.newline;
    const int dashIndent = keyIndent + (indentless ? 0 : 2);
    WrittenItem w = writeItem(item, nullptr, m_file.bytes(), flow, flow ? keyIndent : dashIndent,
                              dashIndent + 2, nl);
    if (w.error)
        return *w.error;
    list.items.push_back(w.expected);
    QByteArray text = existing ? QByteArray() : newKeyLines(place, path);
    if (flow)
        text += " [" + w.text + ']';
    else
        text += nl + QByteArray(dashIndent, ' ') + "- " + w.text;
    if (!place.parentNull)
        text += nl;
    return splice(place.at, place.at, existing ? text : withFences(text), expected, nullptr);
}

Status Document::moveItem(const KeyPath& path, int by)
{
    if (path.isEmpty())
        return Error{tr("no key given")};
    const FmNode* list = m_fm.find(path.first(path.size() - 1));
    const int from = list && list->isSequence() ? itemIndex(*list, path.last()) : -1;
    if (from < 0)
        return Error{tr("there is no list item %1").arg(quoted(path))};
    const FmNode& node = list->items[size_t(from)];
    // TOML and JSON arrays are flow lists; an array of [[tables]] is not written as one.
    if (!list->flow) {
        if (Status s = structuralEditsSupported(tr("moving a list item")))
            return s;
    }
    const int to = from + by;
    if (to < 0 || size_t(to) >= list->items.size())
        return Error{tr("%1 cannot move %2: it is the %3 item")
                         .arg(quoted(path), by < 0 ? tr("up") : tr("down"),
                              by < 0 ? tr("first") : tr("last")),
                     node.line, node.column};
    if (by == 0)
        return {};
    if (by != 1 && by != -1)
        return Error{tr("items move one place at a time")};
    const size_t first = size_t(qMin(from, to));
    const FmNode& a = list->items[first];
    const FmNode& c = list->items[first + 1];
    if (!list->editable || !allEditable(a) || !allEditable(c))
        return Error{tr("%1 cannot be moved: it uses YAML that Frontis cannot safely rewrite (an "
                        "anchor, alias, tag or unusual layout)")
                         .arg(quoted(path)),
                     node.line, node.column};
    FmNode expected = m_fm.root();
    FmNode* target = nodeAt(expected, path.first(path.size() - 1));
    std::swap(target->items[first], target->items[first + 1]);
    const QByteArray& b = m_file.bytes();
    if (list->flow) {
        const std::vector<Range> el = flowElements(*list);
        if (el.empty())
            return Error{tr("Frontis could not map where the items of %1 are written")
                             .arg(quoted(path.first(path.size() - 1))),
                         node.line, node.column};
        const Range& x = el[first];
        const Range& y = el[first + 1];
        const QByteArray text = b.mid(y.begin, y.end - y.begin) + b.mid(x.end, y.begin - x.end) +
                                b.mid(x.begin, x.end - x.begin);
        return splice(x.begin, y.end, text, expected, nullptr);
    }
    const Lines lines(m_file);
    const std::optional<BlockItem> x = blockItem(lines, a);
    const std::optional<BlockItem> y = blockItem(lines, c);
    if (!x || !y || b[x->end - 1] != '\n' || b[y->end - 1] != '\n')
        return Error{tr("Frontis could not map where %1 is written").arg(quoted(path)), node.line,
                     node.column};
    // Each item with its comments; what lies between them (blank lines) stays between them.
    const QByteArray text = b.mid(y->comments, y->end - y->comments) +
                            b.mid(x->end, y->comments - x->end) +
                            b.mid(x->comments, x->end - x->comments);
    return splice(x->comments, y->end, text, expected, nullptr);
}

Status Document::duplicateItem(const KeyPath& path)
{
    if (path.isEmpty())
        return Error{tr("no key given")};
    const FmNode* list = m_fm.find(path.first(path.size() - 1));
    const int index = list && list->isSequence() ? itemIndex(*list, path.last()) : -1;
    if (index < 0)
        return Error{tr("there is no list item %1").arg(quoted(path))};
    const FmNode& node = list->items[size_t(index)];
    // TOML and JSON arrays are flow lists; an array of [[tables]] is not written as one.
    if (!list->flow) {
        if (Status s = structuralEditsSupported(tr("duplicating a list item")))
            return s;
    }
    if (!list->editable || !allEditable(node))
        return Error{tr("%1 cannot be duplicated: it uses YAML that Frontis cannot safely "
                        "rewrite (an anchor, alias, tag or unusual layout)")
                         .arg(quoted(path)),
                     node.line, node.column};
    FmNode expected = m_fm.root();
    FmNode* target = nodeAt(expected, path.first(path.size() - 1));
    target->items.insert(target->items.begin() + index + 1, node);
    const QByteArray& b = m_file.bytes();
    if (list->flow) {
        const std::vector<Range> el = flowElements(*list);
        if (el.empty())
            return Error{tr("Frontis could not map where %1 is written").arg(quoted(path)),
                         node.line, node.column};
        const Range& r = el[size_t(index)];
        return splice(r.end, r.end,
                      flowSeparator(b, el, size_t(index)) + b.mid(r.begin, r.end - r.begin),
                      expected, nullptr);
    }
    const Lines lines(m_file);
    const std::optional<BlockItem> item = blockItem(lines, node);
    if (!item || b[item->end - 1] != '\n')
        return Error{tr("Frontis could not map where %1 is written").arg(quoted(path)), node.line,
                     node.column};
    return splice(item->end, item->end, b.mid(item->begin, item->end - item->begin), expected,
                  nullptr);
}

} // namespace frontis
