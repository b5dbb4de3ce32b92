#pragma once

#include "model/text/articlehtml.h"

#include <QList>
#include <QString>

namespace frontis {

// Turns an article into the HTML PreviewPane shows: the page header, then the answer one
// top-level Markdown block at a time, so that an update can replace only the blocks that changed.
// Pure functions of their input, so they run on worker threads as well as on the GUI thread.
//
// Qt's rich text drops cmark's data-sourcepos attributes. Each block's first Markdown line (of
// the answer) is carried instead as Qt's own `-qt-user-state` style, which becomes the
// QTextBlock's userState(): linear in the document's size, where `id` anchors made setHtml()
// quadratic (4.6 s instead of 0.7 s for a 1 MB answer).
namespace previewrenderer {

// One top-level block of the answer (a paragraph, heading, list, quote, code block, rule).
struct Block
{
    // The block's HTML with each element's Markdown line written "-qt-user-state: +N", N counted
    // from `line`: a block that only moved to other lines keeps its HTML (blockHtml() gives what
    // Qt reads).
    QString html;
    int line = 0; // the block's first and last Markdown line (1-based)
    int lastLine = 0;

    bool operator==(const Block&) const = default;
};

struct Page
{
    QString header; // the title and the date/author/subject line; may be empty
    QList<Block> blocks;
    QString text; // the Markdown the blocks are from
    bool dark = false;
    bool site = false; // rendered as a site's body (ArticleContent::siteMarkdown)
    // Blocks that went through cmark for this page; the others were taken over from the page
    // it was made from.
    int renderedBlocks = 0;
};

// The whole page.
Page renderPage(const ArticleContent& article, bool dark);
// The same page, made from `previous` (the page of an earlier version of the answer) where it
// can be: only the blocks around the change go through cmark again, the others are taken over
// moved to their new lines. A Markdown block's rendering depends only on its own lines once the
// block before it has ended, so the text between two unchanged blocks is rendered alone; the
// page falls back to a whole render when the result cannot be shown to match (the last block
// rendered must come out as before), and whenever the answer defines link references, which
// reach across blocks.
Page renderPage(const ArticleContent& article, bool dark, const Page& previous);

// A block's HTML as QTextDocument takes it: "-qt-user-state: L" with L the absolute line.
QString blockHtml(const Block& block);
// The whole page as one HTML text (<html><body>...), as a browser or QTextDocument::setHtml
// takes it.
QString render(const ArticleContent& article, bool dark);
QString toHtml(const Page& page);

// What changed between two pages: blocks [first, oldEnd) of the old page became [first, newEnd)
// of the new one; the blocks after them are the same, moved by `lineShift` Markdown lines.
struct Change
{
    bool header = false;
    int first = 0;
    int oldEnd = 0;
    int newEnd = 0;
    int lineShift = 0;

    bool blocksChanged() const { return oldEnd > first || newEnd > first; }
    bool isEmpty() const { return !header && !blocksChanged() && lineShift == 0; }
};
Change compare(const Page& from, const Page& to);

} // namespace previewrenderer
} // namespace frontis
