#pragma once

#include "model/yaml/scalarstyle.h"

#include <QByteArray>
#include <QString>

namespace frontis {

// Where a value sits in the source, as far as writing a new scalar there is concerned.
struct ScalarSlot
{
    bool flow = false;      // inside a flow collection: no block styles, plain may not hold ,[]{}:
    int parentIndent = 0;   // 0-based column of the owning key or '-'
    int contentIndent = -1; // block scalars: the original content indent; -1 = parentIndent + 2
    // The original block header with its indicators (">-", "|", "|+", ">2-"); empty if not block.
    // Chomping always follows the new value; the order of the indicators is kept.
    QByteArray blockHeader;
    // Folded scalars, and plain or quoted scalars continued over several lines: the original
    // longest line in characters, indentation included. 0 writes each paragraph on one line (a
    // one-line value stays one line). For the continued styles, contentIndent is the indent of
    // the continuation lines and firstColumn the 0-based column of the value's first character.
    int lineWidth = 0;
    int firstColumn = 0;
    QByteArray newline = "\n"; // the file's line break
};

struct EmittedScalar
{
    QByteArray text;
    ScalarStyle style = ScalarStyle::DoubleQuoted;
    // yaml-cpp read the text back as the value. Only false for strings no YAML can hold (lone
    // UTF-16 surrogates); the caller must then refuse the edit.
    bool verified = false;
};

// The UTF-8 text that, placed at a value's first byte (after "key: " or "- "), YAML 1.1 and 1.2
// readers read back as exactly `value`, as a string. Written in `preferred` style when that style
// can hold the value, else in the first that can of: plain -> single-quoted -> double-quoted
// (block styles try the other block style, then double-quoted). A plain or quoted value that was
// continued over several lines (slot.lineWidth) is broken at spaces near that width again, with
// the original continuation indent. Block text is the header, a
// line break and the content lines at the content indent, without a final line break. Every
// candidate is read back with yaml-cpp before it is chosen; lines are joined with slot.newline.
EmittedScalar emitString(const QString& value, ScalarStyle preferred, const ScalarSlot& slot);

// Whether `value` can stand as the one content line of a block scalar with strip chomping ("|-"
// or ">-", the value alone on the next line, more indented than its key) and be read back
// exactly as it is written: not empty, no line break, no white space at either end, and only
// characters the block styles carry as they are (the rules emitString applies). Both YAML 1.1 and
// 1.2 take such a line verbatim, so writing it needs no reading back (Document's fast path for
// long answers).
bool fitsOneBlockLine(QStringView value);
// The same for `value`, knowing that it holds for `previous`: only the characters where the two
// differ are looked at (a long answer is checked again at every commit of the typing).
bool fitsOneBlockLine(QStringView value, QStringView previous);

// Whether yaml-cpp reads `text`, placed in `slot` as above and followed by a sibling key, as the
// scalar text `value`. yaml-cpp does not resolve plain types: see yaml::readsAsString for that.
// Never throws.
bool readsBackAs(const QByteArray& text, const QString& value, const ScalarSlot& slot);

} // namespace frontis
