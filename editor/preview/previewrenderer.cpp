#include "editor/preview/previewrenderer.h"

#include "model/text/markdownrenderer.h"

#include <QRegularExpression>

#include <algorithm>

#if FRONTIS_HAVE_KSH
#include "editor/preview/codeblockhighlighter.h"
#endif

namespace frontis::previewrenderer {

namespace {

// Qt's rich text gives each line of a <pre> its own block, so padding and background do not
// make a box, and the final line break adds an empty line. A one-cell table does make a box.
QString boxCodeBlocks(const QString& html)
{
    if (!html.contains(QStringView(u"<pre")))
        return html;
    static const QRegularExpression pre(QStringLiteral(R"((<pre[^>]*>)(.*?)</pre>)"),
                                        QRegularExpression::DotMatchesEverythingOption);
    QString out;
    qsizetype done = 0;
    for (auto it = pre.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(html).mid(done, m.capturedStart() - done);
        QString content = m.captured(2);
        if (content.endsWith(QLatin1String("\n</code>")))
            content.remove(content.size() - 8, 1);
        out += QLatin1String("<table class=\"codeblock\" width=\"100%\" border=\"0\" "
                             "cellspacing=\"0\" cellpadding=\"10\"><tr><td class=\"codeblock\">") +
               m.captured(1) + content + QLatin1String("</pre></td></tr></table>");
        done = m.capturedEnd();
    }
    out += QStringView(html).mid(done);
    return out;
}

// Qt's rich text slows down with the nesting depth (its stylesheet matching walks each element's
// ancestors): 10,000 nested quotes took a minute to show. Quotes and lists nested deeper than
// this show at this depth, their text kept.
constexpr int MaxNesting = 32;

QString limitNesting(const QString& html)
{
    // One pass over the '<'s (this runs for every block of every update).
    qsizetype opened = 0;
    for (qsizetype i = html.indexOf(u'<'); i >= 0; i = html.indexOf(u'<', i + 1)) {
        const QStringView name = QStringView(html).mid(i + 1, 10);
        if (name.startsWith(u"blockquote") || name.startsWith(u"ul") || name.startsWith(u"ol") ||
            name.startsWith(u"li"))
            ++opened;
    }
    if (opened <= MaxNesting)
        return html;
    // cmark writes these tags only as elements ('<' in text and attributes is escaped).
    static const QRegularExpression tag(QStringLiteral(R"(</?(?:blockquote|ul|ol|li)\b[^>]*>)"));
    QString out;
    out.reserve(html.size());
    QList<bool> kept; // for each open element: whether its tags are written
    int depth = 0;    // elements open and written
    qsizetype done = 0;
    for (auto it = tag.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        bool keep = true;
        if (html.at(m.capturedStart() + 1) != QLatin1Char('/')) {
            keep = depth < MaxNesting;
            kept.append(keep);
            depth += keep ? 1 : 0;
        } else if (!kept.isEmpty()) {
            keep = kept.takeLast();
            depth -= keep ? 1 : 0;
        }
        out += QStringView(html).mid(done, m.capturedStart() - done);
        if (keep)
            out += m.capturedView();
        done = m.capturedEnd();
    }
    out += QStringView(html).mid(done);
    return out;
}

// cmark's data-sourcepos="l:c-l:c" as "-qt-user-state: +N", N the line counted from `base`.
// cmark writes data-sourcepos only inside start tags and escapes '"' in text, so this cannot match
// the writer's own text; cmark writes no other style attribute.
QString carryLines(const QString& rendered, int base)
{
    static const QRegularExpression sourcePos(
        QStringLiteral(R"( data-sourcepos="(\d+):\d+-\d+:\d+")"));
    QString html;
    html.reserve(rendered.size());
    qsizetype done = 0;
    for (auto it = sourcePos.globalMatch(rendered); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        html += QStringView(rendered).mid(done, m.capturedStart() - done);
        html += QLatin1String(" style=\"-qt-user-state: +") +
                QString::number(m.capturedView(1).toInt() - base) + QLatin1Char('"');
        done = m.capturedEnd();
    }
    html += QStringView(rendered).mid(done);
    return html;
}

// The blocks of `markdown`, their lines counted from `firstLine` (the line `markdown` starts at
// within the answer).
QList<Block> renderBlocks(const QString& markdown, int firstLine, bool dark, bool site)
{
    const QList<MarkdownBlock> rendered =
        renderMarkdownBlocks(markdown, RenderOptions{true, false, site, site});
    QList<Block> blocks;
    blocks.reserve(rendered.size());
    for (const MarkdownBlock& b : rendered) {
        QString html = b.html;
#if FRONTIS_HAVE_KSH
        html = codeblocks::highlight(html, dark);
#else
        Q_UNUSED(dark)
#endif
        blocks.append({carryLines(boxCodeBlocks(limitNesting(html)), b.firstLine),
                       b.firstLine + firstLine - 1, b.lastLine + firstLine - 1});
    }
    return blocks;
}

// Offset of the first character of 1-based `line` in `text`, walking from `knownOffset`, the
// start of line `knownLine` (the end of `text` for a line past its last).
qsizetype lineStart(QStringView text, int line, qsizetype knownOffset, int knownLine)
{
    qsizetype at = knownOffset;
    for (int l = knownLine; l > line; --l)
        at = at <= 1 ? 0 : text.lastIndexOf(u'\n', at - 2) + 1;
    for (int l = qMin(line, knownLine); l < line; ++l) {
        const qsizetype nl = text.indexOf(u'\n', at);
        if (nl < 0)
            return text.size();
        at = nl + 1;
    }
    return at;
}

// The start of the line holding offset `at`.
qsizetype startOfLine(QStringView text, qsizetype at)
{
    return at <= 0 ? 0 : text.lastIndexOf(u'\n', at - 1) + 1;
}

} // namespace

Page renderPage(const ArticleContent& article, bool dark)
{
    Page page;
    page.header = renderArticleHeaderHtml(article);
    page.text = article.text;
    page.dark = dark;
    page.site = article.siteMarkdown;
    page.blocks = renderBlocks(article.text, 1, dark, article.siteMarkdown);
    page.renderedBlocks = int(page.blocks.size());
    return page;
}

Page renderPage(const ArticleContent& article, bool dark, const Page& previous)
{
    const QStringView now(article.text);
    const QStringView before(previous.text);
    const QList<Block>& old = previous.blocks;
    // Link references reach across blocks; a CR is a line break to cmark but not counted here.
    if (previous.dark != dark || previous.site != article.siteMarkdown || old.isEmpty() ||
        now.contains(u"]:") || before.contains(u"]:") || now.contains(u'\r') ||
        before.contains(u'\r'))
        return renderPage(article, dark);
    Page page;
    page.header = renderArticleHeaderHtml(article);
    page.text = article.text;
    page.dark = dark;
    page.site = article.siteMarkdown;
    if (now == before) {
        page.blocks = old;
        return page;
    }

    // The changed characters are [prefix, size - suffix) in both texts; in the old text they are
    // on lines firstLine to lastLine, and the lines after them moved by `shift`.
    const qsizetype common = qMin(before.size(), now.size());
    const qsizetype prefix =
        std::mismatch(before.begin(), before.begin() + common, now.begin()).first - before.begin();
    const qsizetype suffix =
        std::mismatch(before.rbegin(), before.rbegin() + (common - prefix), now.rbegin()).first -
        before.rbegin();
    const int firstLine = int(before.first(prefix).count(u'\n')) + 1;
    const int lastLine =
        firstLine + int(before.mid(prefix, before.size() - suffix - prefix).count(u'\n'));
    const int shift =
        int(now.mid(prefix, now.size() - suffix - prefix).count(u'\n')) - (lastLine - firstLine);

    // Rendered again: the blocks the change touches (a block ending on the line before it too,
    // which the change may continue), the unchanged block before them, and unchanged blocks
    // after them up to one that must come out as before, which shows that the text before it
    // ended where it did.
    const int touched = int(std::lower_bound(old.cbegin(), old.cend(), firstLine - 1,
                                             [](const Block& x, int l) { return x.lastLine < l; }) -
                            old.cbegin());
    const int from = qMax(0, touched - 1);
    const int startLine = from == 0 ? 1 : old[from].line;
    const qsizetype startOffset = lineStart(now, startLine, startOfLine(now, prefix), firstLine);
    const int after = int(std::upper_bound(old.cbegin(), old.cend(), lastLine + 1,
                                           [](int l, const Block& x) { return l < x.line; }) -
                          old.cbegin());             // the first block starting past the change
    const qsizetype changeEnd = now.size() - suffix; // on line lastLine + shift
    for (int extra = 0; extra <= 64; extra = extra == 0 ? 3 : extra * 4) {
        const int check = qMin(int(old.size()) - 1, after + extra);
        const bool toEnd = check == old.size() - 1;
        const qsizetype endOffset = toEnd
                                        ? now.size()
                                        : lineStart(now, old[check + 1].line + shift,
                                                    startOfLine(now, changeEnd), lastLine + shift);
        QList<Block> middle = renderBlocks(now.mid(startOffset, endOffset - startOffset).toString(),
                                           startLine, dark, article.siteMarkdown);
        if (from > 0 && (middle.isEmpty() || middle.first().line != startLine))
            break;
        if (!toEnd) {
            const Block& expected = old[check];
            if (middle.isEmpty() || middle.last().html != expected.html ||
                middle.last().line != expected.line + shift ||
                middle.last().lastLine != expected.lastLine + shift)
                continue; // the change reaches further down: take in more blocks
        }
        page.renderedBlocks = int(middle.size());
        page.blocks = old.first(from);
        page.blocks.reserve(old.size() + middle.size());
        page.blocks += middle;
        for (int i = check + 1; i < old.size(); ++i) {
            Block moved = old[i];
            moved.line += shift;
            moved.lastLine += shift;
            page.blocks.append(std::move(moved));
        }
        return page;
    }
    return renderPage(article, dark);
}

QString blockHtml(const Block& block)
{
    static const QLatin1String marker("-qt-user-state: +");
    QString html;
    html.reserve(block.html.size() + 16);
    qsizetype done = 0;
    for (qsizetype at = block.html.indexOf(marker); at >= 0;
         at = block.html.indexOf(marker, done)) {
        qsizetype digits = at + marker.size();
        qsizetype end = digits;
        while (end < block.html.size() && block.html[end].isDigit())
            ++end;
        html += QStringView(block.html).mid(done, digits - 1 - done); // without the '+'
        html +=
            QString::number(block.line + QStringView(block.html).mid(digits, end - digits).toInt());
        done = end;
    }
    html += QStringView(block.html).mid(done);
    return html;
}

QString toHtml(const Page& page)
{
    // An explicit body: Qt applies the stylesheet's body colours to the page only then.
    QString html = QLatin1String("<html><body>") + page.header;
    for (const Block& b : page.blocks)
        html += blockHtml(b);
    return html + QLatin1String("</body></html>");
}

QString render(const ArticleContent& article, bool dark)
{
    return toHtml(renderPage(article, dark));
}

Change compare(const Page& from, const Page& to)
{
    Change c;
    c.header = from.header != to.header;
    const QList<Block>& a = from.blocks;
    const QList<Block>& b = to.blocks;
    while (c.first < a.size() && c.first < b.size() && a[c.first].line == b[c.first].line &&
           a[c.first].html == b[c.first].html)
        ++c.first;
    // Blocks after the change moved by as many lines as the last one did.
    const int shift = !a.isEmpty() && !b.isEmpty() ? b.last().line - a.last().line : 0;
    c.oldEnd = int(a.size());
    c.newEnd = int(b.size());
    while (c.oldEnd > c.first && c.newEnd > c.first &&
           b[c.newEnd - 1].line - a[c.oldEnd - 1].line == shift &&
           a[c.oldEnd - 1].html == b[c.newEnd - 1].html) {
        --c.oldEnd;
        --c.newEnd;
    }
    c.lineShift = c.newEnd < b.size() ? shift : 0;
    return c;
}

} // namespace frontis::previewrenderer
