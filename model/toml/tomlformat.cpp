#include "model/toml/tomlformat.h"

#include <QCoreApplication>

#include <algorithm>
#include <string_view>

// Debian 12 packages toml++ 3.3 (toml.h), Debian 13 3.4 (toml.hpp, with toml.h kept).
#if __has_include(<toml++/toml.hpp>)
#include <toml++/toml.hpp>
#else
#include <toml++/toml.h>
#endif

namespace frontis {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Document", text);
}

// toml++ gives 1-based lines and columns counted in code points, relative to the text it read
// (the front matter): this maps them to byte offsets in the file. The byte offset of every code
// point is kept, so that each lookup is constant time even on a line of thousands of values.
class Positions
{
public:
    explicit Positions(const ArticleFile& file) : m_end(file.frontMatterEnd())
    {
        const QByteArray& b = file.bytes();
        m_lines.push_back(0);
        for (qsizetype i = file.frontMatterBegin(); i < m_end; ++i) {
            if ((uchar(b[i]) & 0xC0) == 0x80)
                continue; // a continuation byte: part of the code point before it
            m_points.push_back(i);
            if (b[i] == '\n')
                m_lines.push_back(m_points.size());
        }
    }
    qsizetype offset(const toml::source_position& p) const
    {
        if (p.line == 0 || p.line > m_lines.size())
            return -1;
        const size_t point = m_lines[p.line - 1] + qMax<size_t>(p.column, 1) - 1;
        return point < m_points.size() ? m_points[point] : m_end;
    }

private:
    qsizetype m_end;
    std::vector<qsizetype> m_points; // the byte offset of each code point of the front matter
    std::vector<size_t> m_lines;     // the index in m_points of each line's first code point
};

// The offset just past the line break of the line holding `offset` (or the end of the bytes).
qsizetype nextLine(const QByteArray& b, qsizetype offset)
{
    const qsizetype nl = b.indexOf('\n', offset);
    return nl < 0 ? b.size() : nl + 1;
}

bool onlySpaceOrComment(const QByteArray& b, qsizetype from, qsizetype to)
{
    for (qsizetype i = from; i < to; ++i) {
        if (b[i] == '#')
            return true;
        if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r' && b[i] != '\n')
            return false;
    }
    return true;
}

bool blankBetween(const QByteArray& b, qsizetype from, qsizetype to)
{
    for (qsizetype i = from; i < to; ++i) {
        if (b[i] != ' ' && b[i] != '\t')
            return false;
    }
    return true;
}

// A table's header line ("[seo]", "[[resources]]") starts at its span; a dotted key's implicit
// table and an inline table do not.
bool isHeaderTable(const QByteArray& b, const FmNode& n)
{
    return n.isMap() && !n.flow && n.span.isValid() && n.span.begin < b.size() &&
           b[n.span.begin] == '[';
}

bool isArrayOfTables(const FmNode& n)
{
    return n.isSequence() && !n.flow;
}

// Thrown by the Builder at a table or array nested deeper than MaxNesting (toml++ limits its
// inline values, not the tables of dotted keys and headers): the offset of its key or item.
struct TooDeep
{
    qsizetype offset;
};

class Builder
{
public:
    Builder(const ArticleFile& file) : m_file(file), m_b(file.bytes()), m_pos(file) {}

    void table(const toml::table& t, FmNode& out, bool flow, int depth = 0)
    {
        out.kind = FmNode::Kind::Map;
        out.flow = flow;
        std::vector<std::pair<const toml::key*, const toml::node*>> members;
        for (auto&& [k, v] : t)
            members.emplace_back(&k, &v);
        // toml++ keeps a table's keys sorted; the tree keeps them in source order.
        auto before = [](const toml::source_position& a, const toml::source_position& b) {
            return a.line != b.line ? a.line < b.line : a.column < b.column;
        };
        std::stable_sort(members.begin(), members.end(), [&](const auto& a, const auto& b) {
            return before(a.first->source().begin, b.first->source().begin);
        });
        for (const auto& [k, v] : members) {
            FmEntry& e = out.entries.emplace_back();
            e.key = QString::fromUtf8(k->str().data(), qsizetype(k->str().size()));
            e.keySpan = {m_pos.offset(k->source().begin), m_pos.offset(k->source().end)};
            const ArticleFile::Position p = m_file.position(e.keySpan.begin);
            e.line = p.line;
            e.column = p.column;
            if (depth >= MaxNesting && (v->is_table() || v->is_array()))
                throw TooDeep{e.keySpan.begin};
            node(*v, e.value, flow, false, depth + 1);
            // A key and value of their own (not a table's header): the lines removing it deletes.
            if (!isHeaderTable(m_b, e.value) && !isArrayOfTables(e.value) &&
                !(e.value.isMap() && !e.value.flow) && e.value.span.isValid() &&
                e.keySpan.begin >= 0)
                e.lines = {m_file.lineStart(e.keySpan.begin),
                           nextLine(m_b, qMax(e.value.span.begin, e.value.span.end - 1))};
        }
    }

    void node(const toml::node& n, FmNode& out, bool flow, bool inSequence, int depth)
    {
        out.span = {m_pos.offset(n.source().begin), m_pos.offset(n.source().end)};
        if (out.span.begin >= 0) {
            const ArticleFile::Position p = m_file.position(out.span.begin);
            out.line = p.line;
            out.column = p.column;
        }
        out.flow = flow;
        out.inSequence = inSequence;
        const QByteArray source =
            out.span.isValid() ? m_b.mid(out.span.begin, out.span.size()) : QByteArray();
        switch (n.type()) {
        case toml::node_type::table: {
            const toml::table& t = *n.as_table();
            table(t, out, flow || t.is_inline(), depth);
            break;
        }
        case toml::node_type::array: {
            const toml::array& a = *n.as_array();
            out.kind = FmNode::Kind::Sequence;
            // An array of tables written with [[headers]] is a block list; any other is inline.
            const bool headers =
                !a.empty() && a.is_array_of_tables() && !a.front().as_table()->is_inline();
            out.flow = flow || !headers;
            for (const toml::node& item : a) {
                if (depth >= MaxNesting && (item.is_table() || item.is_array()))
                    throw TooDeep{m_pos.offset(item.source().begin)};
                node(item, out.items.emplace_back(), out.flow, true, depth + 1);
            }
            break;
        }
        case toml::node_type::string:
            out.kind = FmNode::Kind::Scalar;
            out.style =
                source.startsWith('\'') ? ScalarStyle::SingleQuoted : ScalarStyle::DoubleQuoted;
            out.text = QString::fromStdString(*n.value<std::string>());
            break;
        case toml::node_type::integer:
            scalar(out, yaml::PlainType::Int, QString::number(*n.value<int64_t>()));
            break;
        case toml::node_type::floating_point: {
            QByteArray t = source;
            t.replace('_', QByteArray());
            scalar(out, yaml::PlainType::Float, QString::fromLatin1(t));
            break;
        }
        case toml::node_type::boolean:
            scalar(out, yaml::PlainType::Bool,
                   *n.value<bool>() ? QStringLiteral("true") : QStringLiteral("false"));
            break;
        case toml::node_type::date:
        case toml::node_type::date_time:
            scalar(out, yaml::PlainType::Timestamp, QString::fromLatin1(source));
            break;
        case toml::node_type::time:
            scalar(out, yaml::PlainType::Other, QString::fromLatin1(source));
            break;
        case toml::node_type::none:
            break;
        }
    }

private:
    static void scalar(FmNode& out, yaml::PlainType type, const QString& text)
    {
        out.kind = FmNode::Kind::Scalar;
        out.style = ScalarStyle::Plain;
        out.type = type;
        out.text = text;
    }

    const ArticleFile& m_file;
    const QByteArray& m_b;
    Positions m_pos;
};

tomltext::StringKind kindOf(const QByteArray& b, const FmNode& node)
{
    const QByteArrayView at = node.span.isValid()
                                  ? QByteArrayView(b).sliced(node.span.begin, node.span.size())
                                  : QByteArrayView();
    if (at.startsWith("\"\"\""))
        return tomltext::StringKind::MultiLineBasic;
    if (at.startsWith("'''"))
        return tomltext::StringKind::MultiLineLiteral;
    if (at.startsWith("'"))
        return tomltext::StringKind::Literal;
    return tomltext::StringKind::Basic;
}

// A multi-line string whose text starts on the line after its opening quotes.
bool startsWithBreak(const QByteArray& b, const FmNode& node)
{
    const qsizetype i = node.span.begin + 3;
    return i < node.span.end &&
           (b[i] == '\n' || (b[i] == '\r' && i + 1 < b.size() && b[i + 1] == '\n'));
}

// The kind of the last one-line string among `parent`'s entries: how a new string is written
// there (Hugo's archetypes write literal 'titles'); basic where there is none.
tomltext::StringKind siblingKind(const QByteArray& b, const FmNode& parent)
{
    for (auto it = parent.entries.rbegin(); it != parent.entries.rend(); ++it) {
        if (it->value.isScalar() && !it->value.isPlain()) {
            const tomltext::StringKind k = kindOf(b, it->value);
            if (k == tomltext::StringKind::Basic || k == tomltext::StringKind::Literal)
                return k;
        }
    }
    return tomltext::StringKind::Basic;
}

QByteArray valueText(const QString& value, bool literal, tomltext::StringKind kind)
{
    if (literal)
        return value.toUtf8();
    if (std::optional<QByteArray> s = tomltext::writeString(value, kind))
        return *s;
    return *tomltext::writeString(value, tomltext::StringKind::Basic);
}

} // namespace

namespace tomltext {

std::optional<QByteArray> writeString(const QString& value, StringKind kind,
                                      const QByteArray& newline, bool leadingBreak)
{
    const bool multi = kind == StringKind::MultiLineBasic || kind == StringKind::MultiLineLiteral;
    const bool literal = kind == StringKind::Literal || kind == StringKind::MultiLineLiteral;
    const QByteArray quote = literal ? (multi ? "'''" : "'") : (multi ? "\"\"\"" : "\"");
    QByteArray out = quote;
    if (multi && (leadingBreak || value.startsWith(QLatin1Char('\n'))))
        out += newline; // a break right after the quotes is not part of the value
    if (literal) {
        for (const QChar c : value) {
            const char16_t u = c.unicode();
            if ((u < 0x20 && u != '\t' && !(multi && u == '\n')) || u == 0x7F)
                return std::nullopt;
            if (c.isSurrogate() && !c.isHighSurrogate() && !c.isLowSurrogate())
                return std::nullopt;
        }
        if (!multi && value.contains(QLatin1Char('\'')))
            return std::nullopt;
        if (multi && (value.contains(QLatin1String("'''")) || value.endsWith(QLatin1Char('\''))))
            return std::nullopt;
        QByteArray body = value.toUtf8();
        if (multi && newline != "\n")
            body.replace('\n', newline);
        out += body;
        return out + quote;
    }
    int quotes = 0; // unescaped '"' just written (a multi-line string may not hold three)
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char16_t u = value[i].unicode();
        if (QChar::isSurrogate(u)) {
            if (!QChar::isHighSurrogate(u) || i + 1 >= value.size() ||
                !QChar::isLowSurrogate(value[i + 1].unicode()))
                return std::nullopt; // a lone surrogate is no Unicode scalar value
            out += value.mid(i, 2).toUtf8();
            ++i;
            quotes = 0;
            continue;
        }
        if (u == '"') {
            const bool last = i + 1 == value.size();
            if (!multi || quotes == 2 || last) {
                out += "\\\"";
                quotes = 0;
            } else {
                out += '"';
                ++quotes;
            }
            continue;
        }
        quotes = 0;
        switch (u) {
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += multi ? newline : QByteArray("\\n");
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            if (u < 0x20 || u == 0x7F)
                out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0')).toLatin1();
            else
                out += QString(QChar(u)).toUtf8();
        }
    }
    return out + quote;
}

QByteArray writeKey(const QString& key)
{
    const bool bare = !key.isEmpty() && std::all_of(key.begin(), key.end(), [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
               (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
               (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_') ||
               c == QLatin1Char('-');
    });
    return bare ? key.toUtf8() : *writeString(key, StringKind::Basic);
}

} // namespace tomltext

Result<FmNode> TomlFormat::parse(const ArticleFile& file) const
{
    const QByteArray text = file.frontMatterText();
    FmNode root;
    root.kind = FmNode::Kind::Map;
    root.span = {file.frontMatterBegin(), file.frontMatterBegin()};
    try {
        const toml::table table =
            toml::parse(std::string_view(text.constData(), size_t(text.size())));
        Builder(file).table(table, root, false);
        root.span = {file.frontMatterBegin(), file.frontMatterBegin()};
    } catch (const toml::parse_error& e) {
        const qsizetype at = Positions(file).offset(e.source().begin);
        const ArticleFile::Position p = file.position(at >= 0 ? at : file.frontMatterBegin());
        return Error{
            tr("TOML syntax error: %1")
                .arg(QString::fromUtf8(e.description().data(), qsizetype(e.description().size()))),
            p.line, p.column};
    } catch (const TooDeep& e) {
        const ArticleFile::Position p =
            file.position(e.offset >= 0 ? e.offset : file.frontMatterBegin());
        return Error{
            tr("TOML front matter nested too deeply (more than %1 levels)").arg(MaxNesting), p.line,
            p.column};
    } catch (const std::exception& e) {
        return Error{tr("cannot read the front matter: %1").arg(QString::fromLocal8Bit(e.what())),
                     file.position(file.frontMatterBegin()).line, 1};
    }
    return root;
}

bool TomlFormat::spanReadsBack(const ArticleFile& file, const FmNode& node) const
{
    if (!node.isScalar() || !node.span.isValid())
        return false;
    const QByteArray doc = "k = " + file.bytes().mid(node.span.begin, node.span.size()) + '\n';
    try {
        const toml::table t = toml::parse(std::string_view(doc.constData(), size_t(doc.size())));
        const toml::node* v = t.get("k");
        if (!v)
            return false;
        if (node.isPlain())
            return !v->is_string();
        return v->is_string() && QString::fromStdString(*v->value<std::string>()) == node.text;
    } catch (const std::exception&) {
        return false;
    }
}

Result<QByteArray> TomlFormat::scalarText(const ArticleFile& file, const KeyPath& path,
                                          const FmNode& node, const QString& value,
                                          bool literal) const
{
    if (literal)
        return value.toUtf8();
    const QByteArray& b = file.bytes();
    const tomltext::StringKind kind =
        node.isPlain() ? tomltext::StringKind::Basic : kindOf(b, node);
    const bool multi = kind == tomltext::StringKind::MultiLineBasic ||
                       kind == tomltext::StringKind::MultiLineLiteral;
    // (toml++ and Python's tomllib read a CRLF inside a multi-line string as "\n".)
    const QByteArray newline = file.newline();
    if (std::optional<QByteArray> s =
            tomltext::writeString(value, kind, newline, multi && startsWithBreak(b, node)))
        return *s;
    // A literal string cannot hold a quote or a control character: the basic kind of the same
    // shape can hold anything.
    const tomltext::StringKind fallback =
        multi ? tomltext::StringKind::MultiLineBasic : tomltext::StringKind::Basic;
    if (std::optional<QByteArray> s =
            tomltext::writeString(value, fallback, newline, multi && startsWithBreak(b, node)))
        return *s;
    return cannotHold(path, &node, tr("it is not valid Unicode"));
}

Result<Splice> TomlFormat::newKey(const ArticleFile& file, const FmNode& root, const KeyPath& path,
                                  const QString& value, bool literal, const InsertHint& hint) const
{
    const QByteArray& b = file.bytes();
    const Result<KeyAncestor> ancestor = mapToAddUnder(root, path);
    if (!ancestor)
        return ancestor.error();
    const FmNode* parent = ancestor->node;
    const qsizetype depth = ancestor->depth;
    if (parent->flow)
        return unsupported(tr("adding a key to an inline table"), parent);
    // The keys of this table written as `key = value` lines (not its sub-tables' headers).
    const FmEntry* last = nullptr;
    const FmEntry* named = nullptr;
    for (const FmEntry& e : parent->entries) {
        if (!e.lines.isValid())
            continue;
        last = &e;
        if (hint.precedingKeys.contains(e.key))
            named = &e;
    }
    const FmEntry* after = named ? named : last;
    QByteArray keys;
    for (qsizetype i = depth; i < path.size(); ++i)
        keys += (i > depth ? "." : "") + tomltext::writeKey(path[i]);
    const QByteArray text = valueText(value, literal, siblingKind(b, *parent));
    if (after) {
        // The sibling's line gives the indent, a dotted prefix ("seo." of "seo.title = ...") and
        // the spacing around '='; an aligned '=' stays aligned where the new key is shorter.
        const qsizetype lineStart = file.lineStart(after->keySpan.begin);
        qsizetype eq = after->keySpan.end;
        while (eq < after->value.span.begin && b[eq] != '=')
            ++eq;
        if (eq >= after->value.span.begin)
            return unsupported(tr("adding a key here"), parent);
        const QByteArray prefix = b.mid(lineStart, after->keySpan.begin - lineStart);
        QByteArray before = b.mid(after->keySpan.end, eq - after->keySpan.end);
        const QByteArray afterEq = b.mid(eq + 1, after->value.span.begin - eq - 1);
        if (before.size() > 1) {
            const qsizetype width = QString::fromUtf8(b.mid(lineStart, eq - lineStart)).size();
            const qsizetype have = QString::fromUtf8(prefix + keys).size();
            before = QByteArray(qMax<qsizetype>(1, width - have), ' ');
        }
        const qsizetype at = after->lines.end;
        QByteArray newline = file.newline();
        if (at >= 2 && b[at - 1] == '\n')
            newline = b[at - 2] == '\r' ? "\r\n" : "\n";
        QByteArray line = prefix + keys + before + '=' + afterEq + text + newline;
        if (at > 0 && b[at - 1] != '\n')
            line.prepend(newline);
        return Splice{at, at, line};
    }
    // No key of its own yet: right after the table's header, or at the top of the front matter.
    qsizetype at = file.frontMatterBegin();
    if (parent != &root) {
        if (!isHeaderTable(b, *parent))
            return unsupported(tr("adding a key to a table that has no [header] of its own"),
                               parent);
        at = nextLine(b, parent->span.begin);
    }
    return Splice{at, at, keys + " = " + text + file.newline()};
}

Result<Splice> TomlFormat::removal(const ArticleFile& file, const FmNode& root, const KeyPath& path,
                                   FmNode& expected) const
{
    const QByteArray& b = file.bytes();
    const FmNode* parent = findNode(root, path.first(path.size() - 1));
    const FmNode* node = findNode(root, path);
    if (!node || !parent)
        return Error{tr("there is no key %1").arg(quotedKey(path))};
    eraseAt(expected, path);
    if (parent->isSequence()) {
        if (!parent->flow)
            return unsupported(tr("removing a [[table]] of an array of tables"), node);
        return elementRemoval(*parent, size_t(path.last().toInt()));
    }
    size_t index = 0;
    while (parent->entries[index].key != path.last())
        ++index;
    const FmEntry& entry = parent->entries[index];
    if (parent->flow)
        return elementRemoval(*parent, index);
    if (!entry.lines.isValid())
        return unsupported(tr("removing a table"), node);
    // The key must start its line and the value end it (a comment may follow).
    if (!blankBetween(b, entry.lines.begin, entry.keySpan.begin) &&
        !(entry.keySpan.begin > entry.lines.begin && b[entry.keySpan.begin - 1] == '.'))
        return unsupported(tr("removing a key that shares its line"), node);
    if (!onlySpaceOrComment(b, entry.value.span.end, entry.lines.end))
        return unsupported(tr("removing a key that shares its line"), node);
    // A dotted key's table left without keys is gone from the document.
    KeyPath up = path.first(path.size() - 1);
    while (!up.isEmpty()) {
        const FmNode* p = findNode(expected, up);
        const FmNode* was = findNode(root, up);
        if (!p || !p->isMap() || !p->entries.empty() || !was || isHeaderTable(b, *was) || was->flow)
            break;
        eraseAt(expected, up);
        up.removeLast();
    }
    return Splice{entry.lines.begin, entry.lines.end, {}};
}

} // namespace frontis
