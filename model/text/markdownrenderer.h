#pragma once

#include <QList>
#include <QString>

namespace frontis {

struct RenderOptions
{
    bool sourcePos = false; // data-sourcepos="l:c-l:c" on block elements (scroll sync, updates)
    bool smart = false;     // curly quotes, dashes and ellipses
    // GitHub Flavored Markdown, as Hugo, Jekyll and GitHub render it: tables, strikethrough, task
    // lists and autolinks (where Frontis is built with cmark-gfm; see cmarkapi::HaveGfm).
    bool gfm = false;
    // Hugo shortcodes ({{< >}}, {{% %}}) and Liquid tags ({% %}, {{ }}) on one line are shown as
    // <span class="template-tag"> placeholders holding their text.
    bool templateTags = false;
};

// True when Frontis is built with cmark-gfm, so that RenderOptions::gfm has an effect.
bool rendersGfm();
// The Markdown library of this build: "cmark-gfm 0.29.0.gfm.6" or "cmark 0.30.2".
QString markdownLibrary();

// CommonMark to HTML through cmark (or cmark-gfm), always in safe mode: raw HTML is left out and
// javascript:, vbscript:, file: and non-image data: links are dropped. Invalid UTF-8 is
// replaced rather than passed on.
QString renderMarkdown(const QString& markdown, RenderOptions options = {});

// One top-level block of a Markdown text rendered on its own (a paragraph, heading, list, quote,
// code block, rule, or omitted raw HTML).
struct MarkdownBlock
{
    QString html;
    int firstLine = 0; // 1-based, in the Markdown
    int lastLine = 0;
};

// renderMarkdown() block by block: the blocks' HTML joined is exactly renderMarkdown()'s output
// with the same options. What the preview needs to replace only the blocks that changed.
QList<MarkdownBlock> renderMarkdownBlocks(const QString& markdown, RenderOptions options = {});

// A likely mistake in Markdown that still renders: where it starts (1-based line, and 1-based
// column in UTF-16 code units within that line) and what it is.
struct MarkdownIssue
{
    int line = 0;
    int column = 0;
    QString message;
    QString rule; // "markdown-empty-link" or "markdown-unclosed-emphasis"
};

// Links (and images) with no text or no destination, and emphasis delimiters (`*`, `**`, `_`)
// that cmark left as literal text because nothing closes them (or opens them). Delimiters that
// sit between two word characters, are escaped, are in code, or belong to a URL are not reported.
// With `templateTags`, Hugo shortcodes and Liquid tags (also over several lines) are left out of
// the checks; positions stay those of `markdown`.
QList<MarkdownIssue> lintMarkdown(const QString& markdown, bool templateTags = false);

} // namespace frontis
