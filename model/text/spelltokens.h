#pragma once

#include <QList>
#include <QStringView>
#include <QtGlobal>

namespace frontis {

// Which words of a text a spelling checker should look at. Prose is checked; what is not prose
// never is: URLs (with a scheme or starting "www."), e-mail addresses, paths and dotted names
// (example.com, e.g., main.cpp), words with digits or inner underscores (mp3, snake_case), and
// words with a capital letter after the first (acronyms such as GPU and GPUs, names such as
// iPhone or JavaScript: a dictionary cannot know them, and flagging every one is noise).
// Single letters are skipped, hyphenated words are checked part by part.
//
// In Markdown also: fenced and indented code blocks, code spans, HTML tags, comments and
// entities (&nbsp;; a word spelt with a letter entity, c&oacute;digo, is skipped whole),
// autolinks, link destinations and titles, reference labels ([text][label], [label]: url) and
// footnote references, raw <pre>, <script>, <style> and <textarea> blocks, and the template tags
// of static site generators ({{ site.url }}, {% raw %}) and attribute lists ({#anchor}).
// The structure is recognised line by line, as a highlighter does, so that an editor can check
// only the lines on screen; how far it follows CommonMark is a trade: good enough that code is
// never flagged, simple enough to run on every keystroke.

// A word to check: where it is in the text given, in UTF-16 code units.
struct SpellToken
{
    qsizetype start = 0;
    qsizetype length = 0;

    qsizetype end() const { return start + length; }
    friend bool operator==(const SpellToken&, const SpellToken&) = default;
};

// What one line of Markdown leaves open for the next: the state at the start of a line.
// A default-constructed state is the start of a document.
struct MarkdownLineState
{
    char16_t fence = 0;        // '`' or '~' inside a fenced code block, else 0
    quint16 fenceLength = 0;   // the opening fence's length
    quint8 rawHtml = 0;        // inside <pre>, <script>, <style> or <textarea> (1 + its index)
    bool htmlComment = false;  // inside <!-- ... -->
    bool paragraph = false;    // the previous line was text that an indented line continues
    bool indentedCode = false; // the previous line was indented code
    qint16 listIndent = -1;    // content column of the open list item, or -1

    friend bool operator==(const MarkdownLineState&, const MarkdownLineState&) = default;
};

// The words of plain text (a title, a description).
QList<SpellToken> plainTextWords(QStringView text);

// The words of one line of Markdown (without its line break). `state` is the state at the start
// of the line and becomes the state at the start of the next.
QList<SpellToken> markdownLineWords(QStringView line, MarkdownLineState& state);

// Only moves `state` over the line: cheaper than markdownLineWords() for lines not shown.
void advanceMarkdownState(QStringView line, MarkdownLineState& state);

// The words of a whole Markdown text; lines end at '\n' ("\r\n" too).
QList<SpellToken> markdownWords(QStringView text);

} // namespace frontis
