#include "model/yaml/scalaremitter.h"

#include "model/yaml/yamltypes.h"

#include <QStringList>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <exception>
#include <optional>
#include <string>

namespace frontis {

namespace {

// Characters a non-double-quoted style may carry as they are: printable in YAML 1.2 and not a
// line break in YAML 1.1 (NEL, LS, PS). Tab is fine; '\n' only where the style has lines.
bool isRawSafe(QStringView text, bool allowLineFeed)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (QChar::isHighSurrogate(c)) {
            if (i + 1 >= text.size() || !text[i + 1].isLowSurrogate())
                return false;
            ++i;
            continue;
        }
        if (c == u'\t' || (c == u'\n' && allowLineFeed))
            continue;
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || QChar::isLowSurrogate(c))
            return false;
        if (c == 0x2028 || c == 0x2029 || c == 0xFEFF || c == 0xFFFE || c == 0xFFFF)
            return false;
    }
    return true;
}

bool isWhite(QChar c)
{
    return c == u' ' || c == u'\t';
}

// Block styles cannot carry a line of white space only (readers take it for an empty line or
// reject it), and white space at a line's end is invisible and stripped by many editors and
// hooks; such values go double-quoted.
bool hasTrailingWhite(QStringView line)
{
    return !line.isEmpty() && isWhite(line.back());
}

QByteArray singleQuoted(const QString& value)
{
    if (!isRawSafe(value, false))
        return {};
    QString text = value;
    text.replace(u'\'', QStringLiteral("''"));
    return "'" + text.toUtf8() + "'";
}

QByteArray doubleQuoted(const QString& value)
{
    QString out;
    out.reserve(value.size() + 2);
    out += u'"';
    auto hex = [](uint code, int width) {
        return QStringLiteral("%1").arg(code, width, 16, QLatin1Char('0')).toUpper();
    };
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char16_t c = value[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < value.size() && value[i + 1].isLowSurrogate()) {
            out += value[i];
            out += value[++i];
            continue;
        }
        switch (c) {
        case u'\\':
            out += QStringLiteral("\\\\");
            continue;
        case u'"':
            out += QStringLiteral("\\\"");
            continue;
        case u'\n':
            out += QStringLiteral("\\n");
            continue;
        case u'\t':
            out += QStringLiteral("\\t");
            continue;
        case u'\r':
            out += QStringLiteral("\\r");
            continue;
        default:
            break;
        }
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F))
            out += QStringLiteral("\\x") + hex(c, 2);
        else if (c == 0x2028 || c == 0x2029 || c == 0xFEFF || c >= 0xFFFE || QChar::isSurrogate(c))
            out += QStringLiteral("\\u") + hex(c, 4); // a lone surrogate fails verification
        else
            out += QChar(c);
    }
    out += u'"';
    return out.toUtf8();
}

int contentIndentOf(const ScalarSlot& slot)
{
    const int indent = slot.contentIndent < 0 ? slot.parentIndent + 2 : slot.contentIndent;
    return indent > slot.parentIndent ? indent : slot.parentIndent + 2;
}

// Builds "|", ">-", ">2+" ...: the indentation digit comes first unless the original header put
// the chomping indicator first.
QByteArray blockHeader(char style, int trailingBreaks, int digit, const QByteArray& original)
{
    QByteArray chomp;
    if (trailingBreaks == 0)
        chomp = "-";
    else if (trailingBreaks > 1)
        chomp = "+";
    QByteArray indent = digit > 0 ? QByteArray::number(digit) : QByteArray();
    const qsizetype chompAt =
        original.indexOf('-') >= 0 ? original.indexOf('-') : original.indexOf('+');
    const qsizetype digitAt = [&] {
        for (qsizetype i = 0; i < original.size(); ++i) {
            if (original[i] >= '1' && original[i] <= '9')
                return i;
        }
        return qsizetype(-1);
    }();
    const bool chompFirst = chompAt >= 0 && digitAt >= 0 && chompAt < digitAt;
    return QByteArray(1, style) + (chompFirst ? chomp + indent : indent + chomp);
}

bool headerHasDigit(const QByteArray& header)
{
    for (const char c : header) {
        if (c >= '1' && c <= '9')
            return true;
    }
    return false;
}

// The value without its trailing line breaks, and how many there were (they decide chomping).
struct BlockBody
{
    QStringList lines;
    int trailingBreaks = 0;
};

std::optional<BlockBody> splitBody(const QString& value)
{
    if (!isRawSafe(value, true))
        return std::nullopt;
    qsizetype end = value.size();
    while (end > 0 && value[end - 1] == u'\n')
        --end;
    if (end == 0)
        return std::nullopt; // nothing but line breaks: leave it to double quotes
    BlockBody body;
    body.trailingBreaks = int(value.size() - end);
    body.lines = value.left(end).split(u'\n');
    for (const QString& line : body.lines) {
        if (hasTrailingWhite(line))
            return std::nullopt;
    }
    return body;
}

// The indentation indicator to write, 0 for none, or -1 when one is needed but impossible.
int indentDigit(const BlockBody& body, const ScalarSlot& slot, int contentIndent)
{
    bool needed = false;
    for (const QString& line : body.lines) {
        if (!line.isEmpty()) {
            needed = isWhite(line.front());
            break;
        }
    }
    const int digit = contentIndent - slot.parentIndent;
    const bool possible = digit >= 1 && digit <= 9;
    if (needed)
        return possible ? digit : -1;
    return possible && headerHasDigit(slot.blockHeader) ? digit : 0;
}

QByteArray joinBlock(const QByteArray& header, const QStringList& lines, int contentIndent,
                     int trailingBreaks, const QByteArray& newline)
{
    const QByteArray indent(contentIndent, ' ');
    QByteArray out = header;
    for (const QString& line : lines) {
        out += newline;
        if (!line.isEmpty())
            out += indent + line.toUtf8();
    }
    // Keep chomping: each extra trailing break is an empty line; the file's own line break after
    // the span ends the last one.
    for (int i = 1; i < trailingBreaks; ++i)
        out += newline;
    return out;
}

QByteArray literalBlock(const QString& value, const ScalarSlot& slot)
{
    const std::optional<BlockBody> body = splitBody(value);
    if (!body)
        return {};
    const int contentIndent = contentIndentOf(slot);
    const int digit = indentDigit(*body, slot, contentIndent);
    if (digit < 0)
        return {};
    const QByteArray header = blockHeader('|', body->trailingBreaks, digit, slot.blockHeader);
    return joinBlock(header, body->lines, contentIndent, body->trailingBreaks, slot.newline);
}

// Greedy wrap at single spaces between two non-white characters: folding turns each of those
// line breaks back into exactly that space. The first line may be given less room than the rest
// (it starts after its key); `canStart` says whether a line may begin with the character.
QStringList wrap(const QString& line, int width, int firstWidth = -1,
                 bool (*canStart)(QChar) = nullptr)
{
    if (firstWidth < 0)
        firstWidth = width;
    if (width <= 0 || line.size() <= firstWidth)
        return {line};
    QStringList pieces;
    qsizetype start = 0;
    for (qsizetype i = 1; i + 1 < line.size(); ++i) {
        if (line[i] == u' ' && !isWhite(line[i - 1]) && !isWhite(line[i + 1]) &&
            (!canStart || canStart(line[i + 1]))) {
            pieces << line.mid(start, i - start);
            start = i + 1;
        }
    }
    pieces << line.mid(start);
    QStringList out;
    QString current = pieces.takeFirst();
    for (const QString& piece : std::as_const(pieces)) {
        if (current.size() + 1 + piece.size() <= (out.isEmpty() ? firstWidth : width)) {
            current += u' ' + piece;
        } else {
            out << current;
            current = piece;
        }
    }
    out << current;
    return out;
}

QByteArray foldedBlock(const QString& value, const ScalarSlot& slot)
{
    const std::optional<BlockBody> body = splitBody(value);
    if (!body)
        return {};
    // Lines starting with white space are "more indented": their line breaks are not folded.
    // Only a single such line is written folded (it needs the indentation indicator); anything
    // more intricate is left to the literal style.
    for (const QString& line : body->lines) {
        if (!line.isEmpty() && isWhite(line.front()) && body->lines.size() > 1)
            return {};
    }
    const int contentIndent = contentIndentOf(slot);
    const int digit = indentDigit(*body, slot, contentIndent);
    if (digit < 0)
        return {};
    const bool moreIndented =
        !body->lines.front().isEmpty() && isWhite(body->lines.front().front());
    int width = 0;
    if (slot.lineWidth > 0 && !moreIndented)
        width = std::max(slot.lineWidth - contentIndent, 20);
    // Each value line break is one empty line between two text lines; wrapped pieces of one
    // paragraph are joined back with a space.
    QStringList lines;
    for (qsizetype i = 0; i < body->lines.size(); ++i) {
        if (i > 0)
            lines << QString();
        if (!body->lines[i].isEmpty())
            lines << wrap(body->lines[i], width);
    }
    const QByteArray header = blockHeader('>', body->trailingBreaks, digit, slot.blockHeader);
    return joinBlock(header, lines, contentIndent, body->trailingBreaks, slot.newline);
}

// A continuation line of a plain scalar must not start a comment, and starting one with an
// indicator would ask too much of some readers.
bool canStartPlainLine(QChar c)
{
    return !QStringView(u"-?:,[]{}#&*!|>'\"%@`").contains(c);
}

// One-line plain or quoted `text` broken over lines as the original value was (slot.lineWidth):
// each break replaces one space, which line folding gives back. Empty when nothing breaks.
QByteArray continued(const QByteArray& text, ScalarStyle style, const ScalarSlot& slot)
{
    const bool flowStyle = style == ScalarStyle::Plain || style == ScalarStyle::SingleQuoted ||
                           style == ScalarStyle::DoubleQuoted;
    // A block scalar's width is no measure for a quoted fallback: only values that were
    // themselves continued lines are continued again.
    if (!flowStyle || !slot.blockHeader.isEmpty() || slot.lineWidth <= 0 || slot.flow ||
        text.isEmpty())
        return {};
    const int indent =
        slot.contentIndent > slot.parentIndent ? slot.contentIndent : slot.parentIndent + 2;
    const QString line = QString::fromUtf8(text);
    const QStringList lines = wrap(line, std::max(slot.lineWidth - indent, 20),
                                   std::max(slot.lineWidth - slot.firstColumn, 10),
                                   style == ScalarStyle::Plain ? canStartPlainLine : nullptr);
    if (lines.size() < 2)
        return {};
    return lines.join(QString::fromUtf8(slot.newline) + QString(indent, u' ')).toUtf8();
}

QByteArray candidate(ScalarStyle style, const QString& value, const ScalarSlot& slot)
{
    switch (style) {
    case ScalarStyle::Plain:
        return yaml::canBePlain(value, slot.flow) ? value.toUtf8() : QByteArray();
    case ScalarStyle::SingleQuoted:
        return singleQuoted(value);
    case ScalarStyle::DoubleQuoted:
        return doubleQuoted(value);
    case ScalarStyle::Literal:
        return slot.flow ? QByteArray() : literalBlock(value, slot);
    case ScalarStyle::Folded:
        return slot.flow ? QByteArray() : foldedBlock(value, slot);
    }
    return {};
}

QList<ScalarStyle> candidateOrder(ScalarStyle preferred)
{
    using S = ScalarStyle;
    switch (preferred) {
    case S::Plain:
        return {S::Plain, S::SingleQuoted, S::DoubleQuoted};
    case S::SingleQuoted:
        return {S::SingleQuoted, S::DoubleQuoted};
    case S::DoubleQuoted:
        return {S::DoubleQuoted};
    case S::Literal:
        return {S::Literal, S::DoubleQuoted};
    case S::Folded:
        // Literal keeps a block look for text folding cannot carry (indented lines).
        return {S::Folded, S::Literal, S::DoubleQuoted};
    }
    return {S::DoubleQuoted};
}

bool isScalarText(const YAML::Node& node, const std::string& want)
{
    return node.IsDefined() && node.IsScalar() && node.Scalar() == want;
}

} // namespace

bool fitsOneBlockLine(QStringView value)
{
    return !value.isEmpty() && !isWhite(value.front()) && !isWhite(value.back()) &&
           isRawSafe(value, false);
}

bool fitsOneBlockLine(QStringView value, QStringView previous)
{
    if (value.isEmpty() || isWhite(value.front()) || isWhite(value.back()))
        return false;
    const qsizetype common = qMin(value.size(), previous.size());
    const qsizetype prefix =
        std::mismatch(value.begin(), value.begin() + common, previous.begin()).first -
        value.begin();
    const qsizetype suffix =
        std::mismatch(value.rbegin(), value.rbegin() + (common - prefix), previous.rbegin()).first -
        value.rbegin();
    // One character more on each side: a surrogate pair may straddle the change.
    const qsizetype from = qMax<qsizetype>(0, prefix - 1);
    const qsizetype to = qMin(value.size(), value.size() - suffix + 1);
    return isRawSafe(value.mid(from, to - from), false);
}

bool readsBackAs(const QByteArray& text, const QString& value, const ScalarSlot& slot)
{
    const std::string want = value.toUtf8().toStdString();
    try {
        if (slot.flow) {
            const YAML::Node seq = YAML::Load(("[" + text + "]").toStdString());
            if (!seq.IsSequence() || seq.size() != 1 || !isScalarText(seq[0], want))
                return false;
            const YAML::Node map = YAML::Load(("{k: " + text + ", z: 0}").toStdString());
            return map.IsMap() && map.size() == 2 && isScalarText(map["k"], want) &&
                   isScalarText(map["z"], "0");
        }
        // The value's key at its real indentation, followed by a sibling that a runaway block
        // scalar or quote would swallow.
        const QByteArray pad(slot.parentIndent, ' ');
        const QByteArray& nl = slot.newline;
        QByteArray doc;
        if (slot.parentIndent > 0)
            doc += "p:" + nl;
        doc += pad + "k: " + text + nl + pad + "z: 0" + nl;
        const YAML::Node root = YAML::Load(doc.toStdString());
        const YAML::Node map = slot.parentIndent > 0 ? root["p"] : root;
        return map.IsMap() && map.size() == 2 && isScalarText(map["k"], want) &&
               isScalarText(map["z"], "0");
    } catch (const std::exception&) {
        return false; // YAML::Exception and anything else yaml-cpp throws
    }
}

EmittedScalar emitString(const QString& value, ScalarStyle preferred, const ScalarSlot& slot)
{
    if (value.isEmpty()) {
        // Plain cannot be empty, and an empty block scalar would take a more-indented line
        // after it as content, so an empty string is always quoted.
        if (preferred == ScalarStyle::DoubleQuoted)
            return {"\"\"", ScalarStyle::DoubleQuoted, readsBackAs("\"\"", value, slot)};
        return {"''", ScalarStyle::SingleQuoted, readsBackAs("''", value, slot)};
    }
    for (const ScalarStyle style : candidateOrder(preferred)) {
        const QByteArray text = candidate(style, value, slot);
        if (text.isEmpty())
            continue;
        const QByteArray lines = continued(text, style, slot);
        if (!lines.isEmpty() && readsBackAs(lines, value, slot))
            return {lines, style, true};
        if (readsBackAs(text, value, slot))
            return {text, style, true};
    }
    return {doubleQuoted(value), ScalarStyle::DoubleQuoted, false};
}

} // namespace frontis
