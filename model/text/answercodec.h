#pragma once

#include <QString>

namespace frontis {

// The storage encoding of Markdown answers (DESIGN.md §1): the whole Markdown sits on one line
// of the front matter, each line break written as the two characters backslash and 'n'.
//
// The encoding is ambiguous: a backslash followed by 'n' that the Markdown itself contains
// (a Windows path "C:\new", a code sample printing "\n") is stored exactly like a line break,
// so decoding turns it into one. decodeAnswer(encodeAnswer(x)) == x only for Markdown without
// that pair; callers keep such a stored answer verbatim unless the writer edits it, and can ask
// encodesLosslessly() to warn before they write one.

// Each backslash-n pair becomes a line break ('\n'); nothing else changes.
QString decodeAnswer(const QString& stored);

// Each line break ("\r\n", '\n' or a lone '\r') becomes backslash-n; nothing else changes.
// encodeAnswer(decodeAnswer(s)) == s for any stored s without raw line breaks.
QString encodeAnswer(const QString& markdown);

// False when the Markdown holds a literal backslash-n that a later decode would turn into a
// line break.
bool encodesLosslessly(const QString& markdown);

} // namespace frontis
