#include "model/yaml/frontmatter.h"

#include "model/format/frontmatterformat.h"
#include "model/yaml/yamlcpp.h"
#include "model/yaml/yamltree.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <yaml-cpp/depthguard.h>

#include <string>

namespace frontis {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("FrontMatter", text);
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

// Builds the FmNode tree from yaml-cpp's nodes, computing each value's byte span itself (yaml-cpp
// records only where a node starts; DESIGN.md section 4).
class Builder
{
public:
    Builder(const ArticleFile& file, const YamlTree& tree)
        : m_file(file), m_tree(tree), m_b(file.bytes()), m_base(file.frontMatterBegin()),
          m_limit(file.frontMatterEnd())
    {}

    std::optional<Error> error;

    // Values reached through aliases of collections are built again for each alias (the
    // validator and the edit check read them like any other). Past this many such values the
    // front matter is refused: an alias bomb ("billion laughs") would otherwise expand
    // exponentially. yaml-cpp itself shares the aliased nodes.
    static constexpr qsizetype MaxAliasedValues = 10000;
    // yaml-cpp refuses text nested past 500 levels, but aliases nest values in values again.
    static constexpr int MaxDepth = 1000;

    using Node = YamlTree::Node;
    void build(const Node& n, FmNode& out, int parentIndent, bool flow, bool seqItem);
    Error errorAt(qsizetype offset, const QString& message) const
    {
        const auto p = m_file.position(offset);
        return Error{message, p.line, p.column};
    }
    void setPosition(FmNode& node, qsizetype offset) const
    {
        const auto p = m_file.position(offset);
        node.line = p.line;
        node.column = p.column;
    }
    qsizetype offsetOf(const Node& n) const { return m_base + qsizetype(n.pos); }

private:
    // End of the line holding `i`, before any "\r\n" or "\n".
    qsizetype lineContentEnd(qsizetype i) const
    {
        qsizetype e = m_b.indexOf('\n', i);
        if (e < 0 || e > m_limit)
            e = m_limit;
        if (e > i && m_b[e - 1] == '\r')
            --e;
        return e;
    }
    qsizetype nextLine(qsizetype i) const
    {
        const qsizetype e = m_b.indexOf('\n', i);
        return (e < 0 || e >= m_limit) ? m_limit : e + 1;
    }
    int indentAt(qsizetype lineStart) const
    {
        int n = 0;
        while (lineStart + n < m_limit && m_b[lineStart + n] == ' ')
            ++n;
        return n;
    }
    int columnOf(qsizetype offset) const { return int(offset - m_file.lineStart(offset)); }

    qsizetype plainEnd(qsizetype pos, int parentIndent, bool flow) const;
    qsizetype quotedEnd(qsizetype pos) const;
    bool startsFlowToken(qsizetype i, qsizetype pos) const;
    qsizetype blockScalarEnd(qsizetype pos, int parentIndent) const;
    qsizetype flowCollectionEnd(qsizetype pos) const;
    qsizetype keyEnd(qsizetype pos, bool flow) const;
    void buildNode(const Node& n, FmNode& out, int parentIndent, bool flow, bool seqItem);
    void buildScalar(const Node& n, FmNode& out, int parentIndent, bool flow);
    void buildMap(const Node& n, FmNode& out, bool flow);

    const ArticleFile& m_file;
    const YamlTree& m_tree;
    const QByteArray& m_b;
    qsizetype m_base;
    qsizetype m_limit;
    QHash<qsizetype, FmNode*> m_scalarAt;         // alias detection: two nodes at one place
    QHash<qsizetype, const Node*> m_collectionAt; // collections built so far, by position
    int m_aliasDepth = 0; // > 0 while building the contents of an aliased collection
    int m_depth = 0;
    QSet<qsizetype> m_open;        // collections being built (an alias to one is a cycle)
    qsizetype m_aliasedValues = 0; // values built inside aliased collections
};

// A plain scalar runs to " #" or the end of its line, then over more-indented continuation lines.
qsizetype Builder::plainEnd(qsizetype pos, int parentIndent, bool flow) const
{
    auto lineValueEnd = [&](qsizetype from) {
        const qsizetype le = lineContentEnd(from);
        qsizetype i = from;
        for (; i < le; ++i) {
            const char c = m_b[i];
            if (c == '#' && i > from && isSpace(m_b[i - 1]))
                break;
            if (flow && (c == ',' || c == ']' || c == '}' || c == '[' || c == '{'))
                break;
            if (flow && c == ':' &&
                (i + 1 >= le || isSpace(m_b[i + 1]) || m_b[i + 1] == ',' || m_b[i + 1] == ']' ||
                 m_b[i + 1] == '}'))
                break;
        }
        while (i > from && isSpace(m_b[i - 1]))
            --i;
        return std::pair{i, i < le};
    };
    auto [end, stopped] = lineValueEnd(pos);
    if (stopped || flow)
        return end;
    for (qsizetype line = nextLine(pos); line < m_limit; line = nextLine(line)) {
        const int ind = indentAt(line);
        const qsizetype le = lineContentEnd(line);
        qsizetype first = line + ind;
        while (first < le && isSpace(m_b[first]))
            ++first;
        if (first >= le)
            continue; // blank lines may sit inside a multi-line plain scalar
        if (ind <= parentIndent || m_b[first] == '#')
            break;
        const auto [e, s] = lineValueEnd(first);
        end = e;
        if (s)
            break;
    }
    return end;
}

qsizetype Builder::quotedEnd(qsizetype pos) const
{
    const char q = m_b[pos];
    for (qsizetype i = pos + 1; i < m_limit; ++i) {
        if (q == '"' && m_b[i] == '\\') {
            ++i;
        } else if (m_b[i] == q) {
            if (q == '\'' && i + 1 < m_limit && m_b[i + 1] == '\'')
                ++i;
            else
                return i + 1;
        }
    }
    return -1;
}

// A block scalar: its header line, then the lines indented at least the content indent; trailing
// blank lines are not part of it.
qsizetype Builder::blockScalarEnd(qsizetype pos, int parentIndent) const
{
    int contentIndent = -1;
    const qsizetype headerEnd = lineContentEnd(pos);
    for (qsizetype i = pos + 1; i < headerEnd && i < pos + 3; ++i) {
        if (m_b[i] >= '1' && m_b[i] <= '9')
            contentIndent = parentIndent + (m_b[i] - '0');
    }
    qsizetype end = headerEnd;
    for (qsizetype line = nextLine(pos); line < m_limit; line = nextLine(line)) {
        const int ind = indentAt(line);
        const qsizetype le = lineContentEnd(line);
        if (line + ind >= le)
            continue;
        if (contentIndent < 0) {
            if (ind <= parentIndent)
                break;
            contentIndent = ind;
        }
        if (ind < contentIndent)
            break;
        end = le;
    }
    return end;
}

// Whether a quote at `i` opens a quoted scalar: only at the start of a token of the flow
// collection opened at `pos` (after `[`, `{`, `,` or `:` and white space); inside a plain scalar
// (`it's`, `a"b`, `v'`) it is text.
bool Builder::startsFlowToken(qsizetype i, qsizetype pos) const
{
    qsizetype j = i - 1;
    while (j >= pos && (isSpace(m_b[j]) || m_b[j] == '\n' || m_b[j] == '\r'))
        --j;
    return j < pos || QByteArrayView("[{,:?").contains(m_b[j]);
}

qsizetype Builder::flowCollectionEnd(qsizetype pos) const
{
    int depth = 0;
    for (qsizetype i = pos; i < m_limit; ++i) {
        const char c = m_b[i];
        if (c == '[' || c == '{') {
            ++depth;
        } else if (c == ']' || c == '}') {
            if (--depth == 0)
                return i + 1;
        } else if ((c == '"' || c == '\'') && startsFlowToken(i, pos)) {
            const qsizetype e = quotedEnd(i);
            if (e < 0)
                return -1;
            i = e - 1;
        } else if (c == '#' && isSpace(m_b[i - 1])) {
            i = lineContentEnd(i) - 1;
        }
    }
    return -1;
}

// Where a key's text ends (before the ':' and any space in front of it).
qsizetype Builder::keyEnd(qsizetype pos, bool flow) const
{
    if (m_b[pos] == '"' || m_b[pos] == '\'')
        return quotedEnd(pos);
    const qsizetype le = lineContentEnd(pos);
    for (qsizetype i = pos; i < le; ++i) {
        if (m_b[i] == ':' && (i + 1 >= le || isSpace(m_b[i + 1]) ||
                              (flow && (m_b[i + 1] == ',' || m_b[i + 1] == '}')))) {
            qsizetype e = i;
            while (e > pos && isSpace(m_b[e - 1]))
                --e;
            return e;
        }
    }
    return -1;
}

void Builder::buildScalar(const Node& n, FmNode& out, int parentIndent, bool flow)
{
    const qsizetype pos = offsetOf(n);
    out.kind = FmNode::Kind::Scalar;
    out.text = QString::fromUtf8(n.scalar.data(), qsizetype(n.scalar.size()));
    setPosition(out, pos);
    const char c = pos < m_limit ? m_b[pos] : '\0';
    qsizetype end = -1;
    switch (c) {
    case '\'':
        out.style = ScalarStyle::SingleQuoted;
        end = quotedEnd(pos);
        break;
    case '"':
        out.style = ScalarStyle::DoubleQuoted;
        end = quotedEnd(pos);
        break;
    case '|':
        out.style = ScalarStyle::Literal;
        end = blockScalarEnd(pos, parentIndent);
        break;
    case '>':
        out.style = ScalarStyle::Folded;
        end = blockScalarEnd(pos, parentIndent);
        break;
    case '&':
    case '!':
    case '*':
        out.editable = false;
        break; // anchors, tags, aliases
    default:
        out.style = ScalarStyle::Plain;
        end = plainEnd(pos, parentIndent, flow);
        break;
    }
    if (n.tagged || (out.style == ScalarStyle::Plain) != n.plain)
        out.editable = false;
    if (end < 0 && out.editable) {
        if (c == '\'' || c == '"')
            error = errorAt(pos, tr("this quoted value is never closed"));
        out.editable = false;
    }
    out.span = end >= 0 ? SourceSpan{pos, end} : SourceSpan{pos, pos};
    if (FmNode*& seen = m_scalarAt[pos]) {
        seen->editable = false; // an alias: one text, two values
        out.editable = false;
    } else {
        seen = &out;
    }
}

void Builder::buildMap(const Node& n, FmNode& out, bool flow)
{
    out.kind = FmNode::Kind::Map;
    QHash<QString, int> lineOfKey;
    out.entries.reserve(n.children.size() / 2);
    for (size_t pair = 0; pair + 1 < n.children.size() && !error; pair += 2) {
        const Node& k = m_tree.at(n.children[pair]);
        const qsizetype kpos = offsetOf(k);
        FmEntry& e = out.entries.emplace_back();
        if (k.kind != YamlTree::Kind::Scalar) {
            // A complex key (`? ...`): kept and shown, but nothing in this mapping is rewritten.
            e.key = QStringLiteral("?%1").arg(out.entries.size());
            e.value.editable = false;
            e.keySpan = {kpos, kpos};
            // Where the key is, so that whatever is reported about it has a position.
            setPosition(e.value, kpos);
            e.line = e.value.line;
            e.column = e.value.column;
            out.editable = false;
            continue;
        }
        e.key = QString::fromUtf8(k.scalar.data(), qsizetype(k.scalar.size()));
        const auto kp = m_file.position(kpos);
        e.line = kp.line;
        e.column = kp.column;
        if (const auto dup = lineOfKey.constFind(e.key); dup != lineOfKey.constEnd()) {
            error = errorAt(
                kpos, tr("duplicate key '%1' (first defined on line %2)").arg(e.key).arg(*dup));
            return;
        }
        lineOfKey.insert(e.key, e.line);
        const qsizetype kend = keyEnd(kpos, flow);
        if (kend < 0) {
            error = errorAt(kpos, tr("cannot find the ':' after key '%1'").arg(e.key));
            return;
        }
        e.keySpan = {kpos, kend};
        const int keyIndent = columnOf(kpos);
        qsizetype colon = kend;
        while (colon < m_limit && m_b[colon] != ':')
            ++colon;

        const Node& v = m_tree.at(n.children[pair + 1]);
        if (v.kind == YamlTree::Kind::Null) {
            // yaml-cpp marks an empty value at the next token; find what follows the ':' ourselves.
            qsizetype i = colon + 1;
            while (i < m_limit && isSpace(m_b[i]))
                ++i;
            const char c = i < m_limit ? m_b[i] : '\n';
            e.value.kind = FmNode::Kind::Null;
            e.value.flow = flow;
            e.value.indent = keyIndent;
            if (c == '\n' || c == '\r' || c == '#' || (flow && (c == ',' || c == '}'))) {
                e.value.span = {colon + 1, colon + 1};
                setPosition(e.value, colon + 1);
            } else {
                e.value.span = {i, plainEnd(i, keyIndent, flow)};
                setPosition(e.value, i);
                e.value.editable = c != '&' && c != '!' && c != '*';
            }
        } else {
            build(v, e.value, keyIndent, flow, false);
            // yaml-cpp places an alias at its anchor; point at the alias itself.
            qsizetype i = colon + 1;
            while (i < m_limit && isSpace(m_b[i]))
                ++i;
            if (i < m_limit && m_b[i] == '*') {
                e.value.editable = false;
                e.value.span = {i, i};
                setPosition(e.value, i);
            }
        }
        const qsizetype valueEnd = qMax(e.value.span.end, colon + 1);
        const qsizetype lineEnd = nextLine(valueEnd);
        e.lines = {m_file.lineStart(kpos), lineEnd};
    }
}

void Builder::build(const Node& n, FmNode& out, int parentIndent, bool flow, bool seqItem)
{
    if (m_aliasDepth > 0 && ++m_aliasedValues > MaxAliasedValues) {
        error =
            errorAt(offsetOf(n),
                    tr("the aliases of this value expand to more than %1 values; Frontis refuses "
                       "front matter that could be an alias bomb")
                        .arg(MaxAliasedValues));
        return;
    }
    if (m_depth >= MaxDepth) {
        error = errorAt(
            offsetOf(n),
            tr("values are nested more than %1 levels deep here (through aliases)").arg(MaxDepth));
        return;
    }
    ++m_depth;
    buildNode(n, out, parentIndent, flow, seqItem);
    --m_depth;
    if (m_aliasDepth > 0)
        out.editable = false; // a copy of the anchored value: its text is written elsewhere
}

void Builder::buildNode(const Node& n, FmNode& out, int parentIndent, bool flow, bool seqItem)
{
    out.indent = parentIndent;
    out.inSequence = seqItem;
    out.flow = flow;
    const qsizetype pos = offsetOf(n);
    setPosition(out, pos);
    switch (n.kind) {
    case YamlTree::Kind::Scalar:
        buildScalar(n, out, parentIndent, flow);
        return;
    case YamlTree::Kind::Null:
        // A null sequence item: yaml-cpp does not say where its '-' is, so it is not editable.
        out.kind = FmNode::Kind::Null;
        out.editable = false;
        out.span = {pos, pos};
        return;
    case YamlTree::Kind::Map:
    case YamlTree::Kind::Sequence: {
        const bool isFlow = flow || m_b[pos] == '{' || m_b[pos] == '[';
        out.flow = isFlow;
        if (m_b[pos] == '&' || m_b[pos] == '!' || m_b[pos] == '*')
            out.editable = false;
        // An alias is the anchored node itself (yaml-cpp shares it), met again.
        const auto seen = m_collectionAt.constFind(pos);
        const bool alias = seen != m_collectionAt.cend() && *seen == &n;
        if (alias && m_open.contains(pos)) {
            error = errorAt(pos, tr("an alias inside this value refers to the value itself"));
            return;
        }
        if (alias) {
            out.editable = false;
            ++m_aliasDepth;
        } else {
            m_collectionAt.insert(pos, &n);
        }
        m_open.insert(pos);
        if (n.kind == YamlTree::Kind::Map) {
            buildMap(n, out, isFlow);
        } else {
            out.kind = FmNode::Kind::Sequence;
            const int dashIndent = isFlow ? parentIndent : columnOf(pos);
            out.items.reserve(n.children.size());
            for (const int item : n.children) {
                build(m_tree.at(item), out.items.emplace_back(), dashIndent, isFlow, true);
                if (error)
                    return;
            }
        }
        m_open.remove(pos);
        if (alias)
            --m_aliasDepth;
        qsizetype end = pos;
        if (isFlow) { // nested flow collections too: their closing bracket is theirs
            end = flowCollectionEnd(pos);
            if (end < 0) {
                error = errorAt(pos, tr("this flow collection is never closed"));
                return;
            }
        } else {
            for (const FmEntry& e : out.entries)
                end = qMax(end, qMax(e.keySpan.end, e.value.span.end));
            for (const FmNode& item : out.items)
                end = qMax(end, item.span.end);
        }
        out.span = {pos, end};
        return;
    }
    }
    out.editable = false;
}

// The file line of the front-matter line at `errorLine` (0-based in the front matter), or the
// one before it, when it is indented with a tab; else 0. yaml-cpp reports such a line as some
// other error ("illegal map value"...), on it or on the next one.
int tabIndentedLine(const ArticleFile& file, int errorLine)
{
    const QByteArray& b = file.bytes();
    const qsizetype end = file.frontMatterEnd();
    qsizetype line = file.frontMatterBegin();
    int found = 0;
    for (int i = 0; i <= errorLine && line < end; ++i) {
        qsizetype c = line;
        while (c < end && b[c] == ' ')
            ++c;
        const bool tabbed = c < end && b[c] == '\t';
        while (c < end && (b[c] == ' ' || b[c] == '\t'))
            ++c;
        if (i >= errorLine - 1 && tabbed && c < end && b[c] != '\n' && b[c] != '\r')
            found = file.position(line).line;
        const qsizetype nl = b.indexOf('\n', line);
        if (nl < 0)
            break;
        line = nl + 1;
    }
    return found;
}

// Where the first front-matter line that is `marker` (then spaces or a comment) starts, or -1.
qsizetype lineStarting(const ArticleFile& file, QByteArrayView marker)
{
    const QByteArray& b = file.bytes();
    for (qsizetype line = file.frontMatterBegin(); line < file.frontMatterEnd();) {
        qsizetype end = b.indexOf('\n', line);
        if (end < 0 || end > file.frontMatterEnd())
            end = file.frontMatterEnd();
        const QByteArrayView text = QByteArrayView(b.constData() + line, end - line).trimmed();
        if (text.startsWith(marker) && b[line] == marker[0]) {
            const QByteArrayView rest = text.sliced(marker.size()).trimmed();
            if (rest.isEmpty() || rest.startsWith('#'))
                return line;
        }
        line = end + 1;
    }
    return -1;
}

// The offset of the first line after the line holding `after` (-1: from the start) that holds more
// than white space and a comment, or -1.
qsizetype contentLineAfter(const ArticleFile& file, qsizetype after)
{
    const QByteArray& b = file.bytes();
    qsizetype line = file.frontMatterBegin();
    if (after >= 0) {
        const qsizetype nl = b.indexOf('\n', after);
        line = nl < 0 ? file.frontMatterEnd() : nl + 1;
    }
    while (line < file.frontMatterEnd()) {
        qsizetype end = b.indexOf('\n', line);
        if (end < 0 || end > file.frontMatterEnd())
            end = file.frontMatterEnd();
        const QByteArrayView text = QByteArrayView(b.constData() + line, end - line).trimmed();
        if (!text.isEmpty() && !text.startsWith('#'))
            return line;
        line = end + 1;
    }
    return -1;
}

// A line that an empty (null) document may hold: `~`, `null` or the end marker `...`.
bool isNullDocumentLine(const ArticleFile& file, qsizetype line)
{
    const QByteArray& b = file.bytes();
    qsizetype end = b.indexOf('\n', line);
    if (end < 0 || end > file.frontMatterEnd())
        end = file.frontMatterEnd();
    QByteArrayView text = QByteArrayView(b.constData() + line, end - line).trimmed();
    if (const qsizetype hash = text.indexOf(" #"); hash >= 0)
        text = text.first(hash).trimmed();
    return text == "~" || text == "null" || text == "Null" || text == "NULL" || text == "...";
}

const char* kindName(const YamlTree::Node& n)
{
    return n.kind == YamlTree::Kind::Sequence ? "a list" : "a single value";
}

} // namespace

Result<FrontMatter> FrontMatter::parse(const ArticleFile& file)
{
    Result<FmNode> root = FrontMatterFormat::of(file).parse(file);
    if (!root)
        return root.error();
    return FrontMatter(std::move(root.value()));
}

bool FrontMatter::spanReadsBack(const ArticleFile& file, const FmNode& node)
{
    return FrontMatterFormat::of(file).spanReadsBack(file, node);
}

Result<FmNode> yaml::parseFrontMatter(const ArticleFile& file)
{
    const QByteArray text = file.frontMatterText();
    YamlTree tree;
    Builder builder(file, tree);
    FmNode fm;
    // yaml-cpp reads the first document of a stream and drops the rest without a word.
    const qsizetype documentEnd = lineStarting(file, "...");
    if (documentEnd >= 0) {
        const qsizetype more = contentLineAfter(file, documentEnd);
        if (more >= 0) {
            return builder.errorAt(more,
                                   tr("a second YAML document after the '...' on line %1; YAML "
                                      "readers ignore it (front matter is one document)")
                                       .arg(file.position(documentEnd).line));
        }
    }
    try {
        // yaml-cpp's parser, through its events rather than YAML::Load: the same nodes without
        // yaml-cpp's node graph (tests/model/tst_yamltree checks that both read alike). It stays
        // the only YAML reader: what validation sees and what saving verifies is what yaml-cpp
        // reads, never a second reader of our own.
        const bool found = tree.parse(text.toStdString());
        const YamlTree::Node& root = tree.root();
        if (!found || root.kind == YamlTree::Kind::Null) {
            // yaml-cpp also gives an empty document for some text it cannot read (a leading ',').
            const qsizetype content = contentLineAfter(file, -1);
            if (content >= 0 && !isNullDocumentLine(file, content))
                return builder.errorAt(content, tr("this does not read as YAML keys and values"));
            fm.kind = FmNode::Kind::Map; // empty front matter: a map with no keys
            fm.span = {file.frontMatterBegin(), file.frontMatterBegin()};
            return fm;
        }
        if (root.kind != YamlTree::Kind::Map) {
            return builder.errorAt(
                builder.offsetOf(root),
                tr("the front matter must be a mapping of keys to values, not %1")
                    .arg(QLatin1String(kindName(root))));
        }
        builder.build(root, fm, -1, false, false);
    } catch (const YAML::DeepRecursion& e) {
        const auto fence = file.position(file.frontMatterBegin());
        return Error{tr("the front matter is nested too deeply for Frontis to read"),
                     fence.line + e.mark.line, e.mark.column + 1};
    } catch (const YAML::Exception& e) {
        const auto fence = file.position(file.frontMatterBegin());
        if (const int tabLine = tabIndentedLine(file, e.mark.line); tabLine > 0)
            return Error{tr("a tab indents this line; YAML indents with spaces only"), tabLine, 1};
        QString msg = QString::fromStdString(e.msg);
        if (msg.isEmpty())
            msg = tr("invalid YAML");
        return Error{tr("YAML syntax error: %1").arg(msg), fence.line + e.mark.line,
                     e.mark.column + 1};
    } catch (const std::exception& e) {
        return Error{tr("cannot read the front matter: %1").arg(QString::fromLocal8Bit(e.what())),
                     file.position(file.frontMatterBegin()).line, 1};
    }
    if (builder.error)
        return *builder.error;
    return fm;
}

bool yaml::spanReadsBack(const ArticleFile& file, const FmNode& node)
{
    if (!node.isScalar() || !node.span.isValid())
        return false;
    const QByteArray text = file.bytes().mid(node.span.begin, node.span.size());
    const bool seqItem = node.inSequence;
    QByteArray doc;
    if (node.flow)
        doc = "[" + text + "]";
    else
        doc = QByteArray(qMax(0, node.indent), ' ') + (seqItem ? "- " : "k: ") + text + '\n';
    try {
        const YAML::Node n = YAML::Load(doc.toStdString());
        const YAML::Node v = node.flow || seqItem ? n[0] : n["k"];
        if (!v.IsScalar() || v.Tag() != (node.style == ScalarStyle::Plain ? "?" : "!"))
            return false;
        return QString::fromStdString(v.Scalar()) == node.text;
    } catch (const std::exception&) {
        return false;
    }
}

const FmNode* FrontMatter::find(const KeyPath& path) const
{
    return findNode(m_root, path);
}

KeyPath FrontMatter::resolve(const QString& dotted) const
{
    // Without a dot there is nothing to split, whatever the keys are (the common case: the
    // validator and the folder index resolve every field of every article).
    if (!dotted.contains(QLatin1Char('.')))
        return dotted.isEmpty() ? KeyPath() : KeyPath{dotted};
    KeyPath path;
    const FmNode* node = &m_root;
    QString rest = dotted;
    while (node && !rest.isEmpty()) {
        const FmNode* next = nullptr;
        QString segment;
        if (node->isMap()) {
            for (const FmEntry& e : node->entries) {
                const bool whole = rest == e.key;
                const bool prefix = rest.startsWith(e.key) && rest.size() > e.key.size() &&
                                    rest[e.key.size()] == QLatin1Char('.');
                if ((whole || prefix) && e.key.size() > segment.size()) {
                    segment = e.key;
                    next = &e.value;
                }
            }
        } else if (node->isSequence()) {
            segment = rest.section(QLatin1Char('.'), 0, 0);
            bool ok = false;
            const int i = segment.toInt(&ok);
            if (ok && i >= 0 && size_t(i) < node->items.size())
                next = &node->items[size_t(i)];
        }
        if (!next)
            break;
        path << segment;
        rest = rest.mid(segment.size() + 1);
        node = next;
    }
    if (!rest.isEmpty())
        path << rest.split(QLatin1Char('.'));
    return path;
}

namespace {
void collectLeaves(const FmNode& node, KeyPath& prefix, QList<KeyPath>& out)
{
    if (node.isMap()) {
        for (const FmEntry& e : node.entries) {
            prefix << e.key;
            collectLeaves(e.value, prefix, out);
            prefix.removeLast();
        }
    } else if (node.isSequence()) {
        for (size_t i = 0; i < node.items.size(); ++i) {
            prefix << QString::number(i);
            collectLeaves(node.items[i], prefix, out);
            prefix.removeLast();
        }
    } else {
        out << prefix;
    }
}
} // namespace

namespace {
// Moves every span that starts at or after `from` by `delta`, and the end of every span that
// reaches `from` from before it (the values that contain the edit).
void shiftSpans(FmNode& node, qsizetype from, qsizetype delta)
{
    const auto shift = [from, delta](SourceSpan& span) {
        if (!span.isValid())
            return;
        if (span.begin >= from)
            span.begin += delta;
        if (span.end >= from)
            span.end += delta;
    };
    shift(node.span);
    for (FmEntry& e : node.entries) {
        shift(e.keySpan);
        shift(e.lines);
        shiftSpans(e.value, from, delta);
    }
    for (FmNode& item : node.items)
        shiftSpans(item, from, delta);
}
} // namespace

bool FrontMatter::scalarRewrittenInLine(const KeyPath& path, const QString& text, qsizetype oldEnd,
                                        qsizetype delta)
{
    auto* node = const_cast<FmNode*>(find(path)); // within m_root, which this object owns
    if (!node || !node->isScalar() || node->span.end != oldEnd)
        return false;
    node->text = text;
    shiftSpans(m_root, oldEnd, delta);
    return true;
}

QList<KeyPath> FrontMatter::leafPaths() const
{
    QList<KeyPath> out;
    KeyPath prefix;
    collectLeaves(m_root, prefix, out);
    return out;
}

} // namespace frontis
