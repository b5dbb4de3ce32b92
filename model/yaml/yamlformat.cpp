#include "model/yaml/yamlformat.h"

#include "model/yaml/frontmatter.h"
#include "model/yaml/scalaremitter.h"

#include <QCoreApplication>

namespace frontis {

namespace {

// The messages are Document's: the edits they refuse are its.
QString tr(const char* text)
{
    return QCoreApplication::translate("Document", text);
}

// The line break used on the line that holds `offset`.
QByteArray newlineAt(const QByteArray& bytes, qsizetype offset, const QByteArray& fallback)
{
    const qsizetype nl = bytes.indexOf('\n', offset);
    if (nl < 0)
        return fallback;
    return (nl > 0 && bytes[nl - 1] == '\r') ? QByteArrayLiteral("\r\n") : QByteArrayLiteral("\n");
}

int leadingSpaces(const QByteArray& b, qsizetype from)
{
    int n = 0;
    while (from + n < b.size() && b[from + n] == ' ')
        ++n;
    return n;
}

int charsBetween(const QByteArray& b, qsizetype from, qsizetype to)
{
    return int(QString::fromUtf8(b.constData() + from, to - from).size());
}

// A plain or quoted scalar continued over lines: its width, first column and continuation
// indent, so that an edit breaks its lines in the same way (ScalarSlot::lineWidth).
void measureContinuedLines(const QByteArray& b, const FmNode& node, ScalarSlot& slot)
{
    const qsizetype firstBreak = b.indexOf('\n', node.span.begin);
    if (firstBreak < 0 || firstBreak >= node.span.end)
        return;
    qsizetype lineStart = b.lastIndexOf('\n', node.span.begin) + 1;
    slot.firstColumn = charsBetween(b, lineStart, node.span.begin);
    slot.contentIndent = leadingSpaces(b, firstBreak + 1);
    int widest = 0;
    while (lineStart < node.span.end) {
        qsizetype end = b.indexOf('\n', lineStart);
        if (end < 0 || end > node.span.end)
            end = node.span.end;
        const qsizetype contentEnd = (end > lineStart && b[end - 1] == '\r') ? end - 1 : end;
        widest = qMax(widest, charsBetween(b, lineStart, contentEnd));
        lineStart = end + 1;
    }
    slot.lineWidth = widest;
}

// Where a value sits, as the emitter needs to know it to write in the value's own style.
ScalarSlot slotFor(const FmNode& node, const ArticleFile& file)
{
    const QByteArray& b = file.bytes();
    ScalarSlot slot;
    slot.flow = node.flow;
    slot.parentIndent = qMax(0, node.indent);
    slot.newline = newlineAt(b, node.span.begin, file.newline());
    if (node.style != ScalarStyle::Literal && node.style != ScalarStyle::Folded) {
        if (!node.flow && node.isScalar())
            measureContinuedLines(b, node, slot);
        return slot;
    }
    qsizetype i = node.span.begin;
    while (i < node.span.end && QByteArrayView("|>+-123456789").contains(b[i]))
        ++i;
    slot.blockHeader = b.mid(node.span.begin, i - node.span.begin);
    // Content lines: from the line after the header to the span's end.
    const qsizetype firstLine = b.indexOf('\n', node.span.begin) + 1;
    if (firstLine <= 0 || firstLine >= node.span.end)
        return slot;
    slot.contentIndent = leadingSpaces(b, firstLine);
    int lines = 0;
    int widest = 0;
    for (qsizetype line = firstLine; line < node.span.end;) {
        qsizetype end = b.indexOf('\n', line);
        if (end < 0 || end > node.span.end)
            end = node.span.end;
        const qsizetype contentEnd = (end > line && b[end - 1] == '\r') ? end - 1 : end;
        const int width =
            int(QString::fromUtf8(b.mid(line, contentEnd - line)).size()) - slot.contentIndent;
        if (width > 0) {
            ++lines;
            widest = qMax(widest, width + slot.contentIndent); // the emitter counts the indent
        }
        line = end + 1;
    }
    slot.lineWidth = lines > 1 ? widest : 0;
    return slot;
}

} // namespace

namespace yaml {

Result<KeyPlace> placeNewKey(const ArticleFile& file, const FmNode& root, const KeyPath& path,
                             const InsertHint& hint)
{
    // The deepest node that exists along the path; the rest is created.
    const KeyAncestor at = nearestExisting(root, path);
    const FmNode* parent = at.node;
    const qsizetype depth = at.depth;
    if (parent->isScalar() || parent->isSequence() || parent->flow || !parent->editable) {
        return cannotAddUnder(path, at,
                              parent->isSequence() ? tr("a list")
                              : parent->flow       ? tr("a flow mapping")
                                                   : tr("a single value"));
    }
    const QByteArray& b = file.bytes();
    KeyPlace place;
    place.depth = depth;
    place.parentNull = parent->isNull();
    if (parent->isNull()) { // `seo:` with nothing after it becomes a mapping
        place.at = parent->span.begin;
        place.indent = parent->indent + 2;
        place.prefix = newlineAt(b, place.at, file.newline());
    } else if (parent->entries.empty()) {
        place.at = file.frontMatterBegin();
    } else {
        const FmEntry* after = &parent->entries.back();
        if (depth == path.size() - 1) {
            for (const FmEntry& e : parent->entries) {
                if (hint.precedingKeys.contains(e.key))
                    after = &e;
            }
        }
        place.at = after->lines.end;
        place.indent = after->column - 1;
        if (place.at > 0 && b[place.at - 1] != '\n')
            place.prefix = newlineAt(b, after->lines.begin, file.newline());
    }
    place.newline = newlineAt(b, qMax<qsizetype>(0, place.at - 1), file.newline());
    return place;
}

QByteArray newKeyLines(const KeyPlace& place, const KeyPath& path)
{
    QByteArray text = place.prefix;
    for (qsizetype i = place.depth; i < path.size(); ++i) {
        ScalarSlot keySlot;
        keySlot.flow = true; // one line, no block styles
        text += QByteArray(place.indent + 2 * int(i - place.depth), ' ') +
                emitString(path[i], ScalarStyle::Plain, keySlot).text + ':';
        if (i + 1 < path.size())
            text += place.newline;
    }
    return text;
}

QByteArray withFences(const ArticleFile& file, const QByteArray& text)
{
    if (file.hasFrontMatter())
        return text;
    // The first field of a file without front matter brings the fences, in its line endings.
    const QByteArray fence = QByteArrayLiteral("---") + file.newline();
    return fence + text + fence;
}

} // namespace yaml

Result<FmNode> YamlFormat::parse(const ArticleFile& file) const
{
    return yaml::parseFrontMatter(file);
}

bool YamlFormat::spanReadsBack(const ArticleFile& file, const FmNode& node) const
{
    return yaml::spanReadsBack(file, node);
}

Result<QByteArray> YamlFormat::scalarText(const ArticleFile& file, const KeyPath& path,
                                          const FmNode& node, const QString& value,
                                          bool literal) const
{
    QByteArray text;
    if (literal) {
        text = value.toUtf8();
    } else {
        const ScalarStyle preferred = node.isNull() ? ScalarStyle::Plain : node.style;
        const EmittedScalar emitted = emitString(value, preferred, slotFor(node, file));
        if (!emitted.verified)
            return cannotHold(path, &node, tr("it contains characters YAML cannot store"));
        text = emitted.text;
    }
    if (node.isNull() && node.span.size() == 0)
        text.prepend(' '); // `key:` becomes `key: value`
    return text;
}

Result<Splice> YamlFormat::newKey(const ArticleFile& file, const FmNode& root, const KeyPath& path,
                                  const QString& value, bool literal, const InsertHint& hint) const
{
    const Result<KeyPlace> place = yaml::placeNewKey(file, root, path, hint);
    if (!place)
        return place.error();
    const int ind = place->indent + 2 * int(path.size() - 1 - place->depth);
    ScalarSlot slot;
    slot.parentIndent = ind;
    slot.newline = place->newline;
    const ScalarStyle style = hint.style.value_or(ScalarStyle::Plain);
    if (style == ScalarStyle::Folded || style == ScalarStyle::Literal)
        slot.contentIndent = ind + hint.blockIndent;
    QByteArray text = yaml::newKeyLines(place.value(), path) + ' ' +
                      (literal ? value.toUtf8() : emitString(value, style, slot).text);
    if (!place->parentNull)
        text += place->newline;
    return Splice{place->at, place->at, yaml::withFences(file, text)};
}

} // namespace frontis
