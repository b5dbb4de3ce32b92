#include "model/json/jsonformat.h"

#include <QCoreApplication>
#include <QSet>

#include <cstring>

namespace frontis {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Document", text);
}

// A reader of one JSON value (RFC 8259) over [begin, end) of the file's bytes, recording where
// every key and value is written. The first error stops it.
class Reader
{
public:
    Reader(const ArticleFile& file, qsizetype begin, qsizetype end)
        : m_file(file), m_b(file.bytes()), m_i(begin), m_end(end)
    {}

    Result<FmNode> document()
    {
        FmNode root;
        skipSpace();
        if (m_i >= m_end || m_b[m_i] != '{')
            return errorAt(m_i, tr("the JSON front matter must be an object of keys and values"));
        value(root, 0, false);
        skipSpace();
        if (!m_error && m_i < m_end)
            fail(m_i, tr("text after the JSON object"));
        if (m_error)
            return *m_error;
        return root;
    }

    // A lone scalar (spanReadsBack): true when [begin, end) is exactly one.
    bool scalar(FmNode& out)
    {
        skipSpace();
        value(out, 0, false);
        skipSpace();
        return !m_error && m_i == m_end && out.kind != FmNode::Kind::Map &&
               out.kind != FmNode::Kind::Sequence;
    }

private:
    Error errorAt(qsizetype offset, const QString& message) const
    {
        const ArticleFile::Position p = m_file.position(offset);
        return Error{tr("JSON syntax error: %1").arg(message), p.line, p.column};
    }
    void fail(qsizetype offset, const QString& message)
    {
        if (!m_error)
            m_error = errorAt(offset, message);
    }
    void skipSpace()
    {
        while (m_i < m_end &&
               (m_b[m_i] == ' ' || m_b[m_i] == '\t' || m_b[m_i] == '\n' || m_b[m_i] == '\r'))
            ++m_i;
    }
    bool literal(const char* word)
    {
        const qsizetype n = qsizetype(qstrlen(word));
        if (m_i + n > m_end || QByteArrayView(m_b.constData() + m_i, n) != QByteArrayView(word))
            return false;
        m_i += n;
        return true;
    }

    void value(FmNode& out, int depth, bool flow)
    {
        if (m_error)
            return;
        if (depth > MaxNesting)
            return fail(m_i, tr("nested too deeply"));
        if (m_i >= m_end)
            return fail(m_i, tr("a value is missing at the end"));
        const qsizetype begin = m_i;
        const ArticleFile::Position p = m_file.position(begin);
        out.line = p.line;
        out.column = p.column;
        out.flow = flow;
        const char c = m_b[m_i];
        if (c == '{') {
            object(out, depth);
        } else if (c == '[') {
            array(out, depth);
        } else if (c == '"') {
            out.kind = FmNode::Kind::Scalar;
            out.style = ScalarStyle::DoubleQuoted;
            out.text = string();
        } else if (literal("true") || literal("false")) {
            out.kind = FmNode::Kind::Scalar;
            out.type = yaml::PlainType::Bool;
            out.text = QString::fromLatin1(m_b.mid(begin, m_i - begin));
        } else if (literal("null")) {
            out.kind = FmNode::Kind::Null;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            number(out);
        } else {
            return fail(m_i, tr("'%1' does not start a value").arg(QChar::fromLatin1(c)));
        }
        out.span = {begin, m_i};
    }

    void object(FmNode& out, int depth)
    {
        out.kind = FmNode::Kind::Map;
        ++m_i; // '{'
        skipSpace();
        if (m_i < m_end && m_b[m_i] == '}') {
            ++m_i;
            return;
        }
        QSet<QString> seen;
        while (!m_error) {
            skipSpace();
            if (m_i >= m_end || m_b[m_i] != '"')
                return fail(m_i, tr("a key in double quotes expected"));
            FmEntry& e = out.entries.emplace_back();
            const qsizetype keyBegin = m_i;
            e.key = string();
            if (m_error)
                return;
            e.keySpan = {keyBegin, m_i};
            const ArticleFile::Position p = m_file.position(keyBegin);
            e.line = p.line;
            e.column = p.column;
            if (seen.contains(e.key))
                return fail(keyBegin, tr("duplicate key '%1'").arg(e.key));
            seen.insert(e.key);
            skipSpace();
            if (m_i >= m_end || m_b[m_i] != ':')
                return fail(m_i, tr("':' expected after the key"));
            ++m_i;
            skipSpace();
            value(e.value, depth + 1, false);
            if (m_error)
                return;
            // Whole lines, from the key's line through the value's (the separator included).
            const qsizetype nl = m_b.indexOf('\n', qMax(e.value.span.begin, e.value.span.end - 1));
            e.lines = {m_file.lineStart(keyBegin), nl < 0 ? m_b.size() : nl + 1};
            skipSpace();
            if (m_i < m_end && m_b[m_i] == ',') {
                ++m_i;
                continue;
            }
            if (m_i < m_end && m_b[m_i] == '}') {
                ++m_i;
                return;
            }
            return fail(m_i, tr("',' or '}' expected"));
        }
    }

    void array(FmNode& out, int depth)
    {
        out.kind = FmNode::Kind::Sequence;
        out.flow = true;
        ++m_i; // '['
        skipSpace();
        if (m_i < m_end && m_b[m_i] == ']') {
            ++m_i;
            return;
        }
        while (!m_error) {
            skipSpace();
            FmNode& item = out.items.emplace_back();
            item.inSequence = true;
            value(item, depth + 1, true);
            if (m_error)
                return;
            skipSpace();
            if (m_i < m_end && m_b[m_i] == ',') {
                ++m_i;
                continue;
            }
            if (m_i < m_end && m_b[m_i] == ']') {
                ++m_i;
                return;
            }
            return fail(m_i, tr("',' or ']' expected"));
        }
    }

    void number(FmNode& out)
    {
        const qsizetype begin = m_i;
        auto digits = [&] {
            const qsizetype from = m_i;
            while (m_i < m_end && m_b[m_i] >= '0' && m_b[m_i] <= '9')
                ++m_i;
            return m_i > from;
        };
        if (m_b[m_i] == '-')
            ++m_i;
        if (m_i < m_end && m_b[m_i] == '0')
            ++m_i;
        else if (!digits())
            return fail(m_i, tr("a digit expected"));
        bool isFloat = false;
        if (m_i < m_end && m_b[m_i] == '.') {
            ++m_i;
            isFloat = true;
            if (!digits())
                return fail(m_i, tr("a digit expected after '.'"));
        }
        if (m_i < m_end && (m_b[m_i] == 'e' || m_b[m_i] == 'E')) {
            ++m_i;
            isFloat = true;
            if (m_i < m_end && (m_b[m_i] == '+' || m_b[m_i] == '-'))
                ++m_i;
            if (!digits())
                return fail(m_i, tr("a digit expected in the exponent"));
        }
        out.kind = FmNode::Kind::Scalar;
        out.type = isFloat ? yaml::PlainType::Float : yaml::PlainType::Int;
        out.text = QString::fromLatin1(m_b.mid(begin, m_i - begin));
    }

    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    // A \uXXXX escape's code unit, the reader past it; -1 (and an error) when malformed.
    int unicodeEscape()
    {
        if (m_i + 6 > m_end || m_b[m_i] != '\\' || m_b[m_i + 1] != 'u') {
            fail(m_i, tr("a \\u escape expected"));
            return -1;
        }
        int u = 0;
        for (int k = 2; k < 6; ++k) {
            const int h = hexValue(m_b[m_i + k]);
            if (h < 0) {
                fail(m_i, tr("four hex digits expected after \\u"));
                return -1;
            }
            u = u * 16 + h;
        }
        m_i += 6;
        return u;
    }

    QString string()
    {
        ++m_i; // '"'
        QByteArray utf8;
        QString out;
        auto flush = [&] {
            out += QString::fromUtf8(utf8);
            utf8.clear();
        };
        while (true) {
            if (m_i >= m_end) {
                fail(m_i, tr("the string is not closed"));
                return {};
            }
            const char c = m_b[m_i];
            if (c == '"') {
                ++m_i;
                break;
            }
            if (uchar(c) < 0x20) {
                fail(m_i, tr("a control character inside a string (write it as an escape)"));
                return {};
            }
            if (c != '\\') {
                utf8 += c;
                ++m_i;
                continue;
            }
            if (m_i + 1 >= m_end) {
                fail(m_i, tr("the string is not closed"));
                return {};
            }
            const char e = m_b[m_i + 1];
            const char* simple = "\"\\/bfnrt";
            const char* meaning = "\"\\/\b\f\n\r\t";
            if (const char* at = e ? strchr(simple, e) : nullptr) {
                utf8 += meaning[at - simple];
                m_i += 2;
                continue;
            }
            if (e != 'u') {
                fail(m_i, tr("an unknown escape '\\%1'").arg(QChar::fromLatin1(e)));
                return {};
            }
            const qsizetype at = m_i;
            const int u = unicodeEscape();
            if (u < 0)
                return {};
            flush();
            if (QChar::isHighSurrogate(char16_t(u))) {
                const int low = m_i + 1 < m_end && m_b[m_i] == '\\' && m_b[m_i + 1] == 'u'
                                    ? unicodeEscape()
                                    : -1;
                if (low < 0 || !QChar::isLowSurrogate(char16_t(low))) {
                    fail(at, tr("a lone UTF-16 surrogate in a \\u escape"));
                    return {};
                }
                out += QChar(char16_t(u));
                out += QChar(char16_t(low));
            } else if (QChar::isLowSurrogate(char16_t(u))) {
                fail(at, tr("a lone UTF-16 surrogate in a \\u escape"));
                return {};
            } else {
                out += QChar(char16_t(u));
            }
        }
        flush();
        return out;
    }

    const ArticleFile& m_file;
    const QByteArray& m_b;
    qsizetype m_i;
    qsizetype m_end;
    std::optional<Error> m_error;
};

// The first byte of a front matter's JSON text: after a "---json" fence line, or Hugo's '{'.
bool startsAtLine(const QByteArray& b, qsizetype lineStart, qsizetype at)
{
    for (qsizetype i = lineStart; i < at; ++i) {
        if (b[i] != ' ' && b[i] != '\t')
            return false;
    }
    return true;
}

QByteArray lineBreakAt(const ArticleFile& file, qsizetype offset)
{
    const QByteArray& b = file.bytes();
    const qsizetype nl = b.indexOf('\n', offset);
    if (nl < 0)
        return file.newline();
    return nl > 0 && b[nl - 1] == '\r' ? QByteArrayLiteral("\r\n") : QByteArrayLiteral("\n");
}

} // namespace

namespace json {

std::optional<QByteArray> writeString(const QString& value)
{
    QByteArray out = "\"";
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char16_t u = value[i].unicode();
        if (QChar::isSurrogate(u)) {
            if (!QChar::isHighSurrogate(u) || i + 1 >= value.size() ||
                !QChar::isLowSurrogate(value[i + 1].unicode()))
                return std::nullopt;
            out += value.mid(i, 2).toUtf8();
            ++i;
            continue;
        }
        switch (u) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
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
            if (u < 0x20)
                out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0')).toLatin1();
            else
                out += QString(QChar(u)).toUtf8();
        }
    }
    return out + '"';
}

} // namespace json

Result<FmNode> JsonFormat::parse(const ArticleFile& file) const
{
    Result<FmNode> root = Reader(file, file.frontMatterBegin(), file.frontMatterEnd()).document();
    return root;
}

bool JsonFormat::spanReadsBack(const ArticleFile& file, const FmNode& node) const
{
    if (!node.isScalar() || !node.span.isValid())
        return false;
    FmNode alone;
    if (!Reader(file, node.span.begin, node.span.end).scalar(alone))
        return false;
    return alone.text == node.text && alone.isPlain() == node.isPlain();
}

Result<QByteArray> JsonFormat::scalarText(const ArticleFile&, const KeyPath& path,
                                          const FmNode& node, const QString& value,
                                          bool literal) const
{
    if (literal)
        return value.toUtf8();
    if (std::optional<QByteArray> s = json::writeString(value))
        return *s;
    return cannotHold(path, &node, tr("it is not valid Unicode"));
}

Result<Splice> JsonFormat::newKey(const ArticleFile& file, const FmNode& root, const KeyPath& path,
                                  const QString& value, bool literal, const InsertHint& hint) const
{
    const QByteArray& b = file.bytes();
    const Result<KeyAncestor> ancestor = mapToAddUnder(root, path);
    if (!ancestor)
        return ancestor.error();
    const FmNode* parent = ancestor->node;
    const qsizetype depth = ancestor->depth;
    std::optional<QByteArray> text = literal ? value.toUtf8() : json::writeString(value);
    if (!text)
        return cannotHold(path, nullptr, tr("it is not valid Unicode"));
    // Missing objects along the path are written on the new key's line: "seo": {"title": "x"}.
    QByteArray member = *text;
    for (qsizetype i = path.size() - 1; i > depth; --i)
        member = "{" + *json::writeString(path[i]) + ": " + member + "}";
    const QByteArray key = *json::writeString(path[depth]);

    const FmEntry* after = parent->entries.empty() ? nullptr : &parent->entries.back();
    for (const FmEntry& e : parent->entries) {
        if (hint.precedingKeys.contains(e.key))
            after = &e;
    }
    if (after) {
        // After the sibling's value: its line's indent and its spacing around ':'.
        const qsizetype lineStart = file.lineStart(after->keySpan.begin);
        const QByteArray sep =
            b.mid(after->keySpan.end, after->value.span.begin - after->keySpan.end);
        QByteArray lead = ", ";
        if (startsAtLine(b, lineStart, after->keySpan.begin))
            lead = "," + lineBreakAt(file, after->keySpan.begin) +
                   b.mid(lineStart, after->keySpan.begin - lineStart);
        const qsizetype at = after->value.span.end;
        return Splice{at, at, lead + key + sep + member};
    }
    // An empty object: the member goes inside its braces, a level deeper than the '{' line.
    const qsizetype open = parent->span.begin;
    if (open < 0 || b[open] != '{')
        return unsupported(tr("adding a key here"), parent);
    const qsizetype lineStart = file.lineStart(open);
    qsizetype ind = 0;
    while (lineStart + ind < open && b[lineStart + ind] == ' ')
        ++ind;
    const bool multiline = b.mid(open, parent->span.size()).contains('\n');
    const QByteArray inner = multiline ? lineBreakAt(file, open) + QByteArray(ind + 2, ' ') : "";
    return Splice{open + 1, open + 1, inner + key + ": " + member};
}

Result<Splice> JsonFormat::removal(const ArticleFile& file, const FmNode& root, const KeyPath& path,
                                   FmNode& expected) const
{
    const QByteArray& b = file.bytes();
    const FmNode* parent = findNode(root, path.first(path.size() - 1));
    const FmNode* node = findNode(root, path);
    if (!node || !parent)
        return Error{tr("there is no key %1").arg(quotedKey(path))};
    eraseAt(expected, path);
    if (parent->isSequence())
        return elementRemoval(*parent, size_t(path.last().toInt()));
    size_t index = 0;
    while (parent->entries[index].key != path.last())
        ++index;
    const std::vector<FmEntry>& entries = parent->entries;
    // A member with lines of its own goes with its lines, the comma before it where it is last;
    // else as an element of the object: "a": 1, "b": 2 -> "a": 1.
    if (entries.size() > 1) {
        const FmEntry& e = entries[index];
        bool ownLines = e.lines.isValid() && startsAtLine(b, e.lines.begin, e.keySpan.begin);
        for (qsizetype i = e.value.span.end; ownLines && i < e.lines.end; ++i)
            ownLines = QByteArrayView(", \t\r\n").contains(b[i]);
        if (ownLines && index + 1 < entries.size() && entries[index + 1].lines.begin >= e.lines.end)
            return Splice{e.lines.begin, entries[index + 1].lines.begin, {}};
    }
    return elementRemoval(*parent, index);
}

} // namespace frontis
