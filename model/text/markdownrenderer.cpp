#include "model/text/markdownrenderer.h"

#include "model/text/cmarkapi.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>
#include <QStringView>

#include <memory>
#include <vector>

namespace frontis {

namespace {

struct IterDeleter
{
    void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};
using IterPtr = std::unique_ptr<cmark_iter, IterDeleter>;

int cmarkFlags(RenderOptions options)
{
    // Never CMARK_OPT_UNSAFE: the preview shows what writers type, not what it could execute.
    int flags = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;
    if (options.sourcePos)
        flags |= CMARK_OPT_SOURCEPOS;
    if (options.smart)
        flags |= CMARK_OPT_SMART;
    return flags;
}

// Template tags of static site generators, which reach the page only after the site's build:
// Hugo shortcodes {{< ... >}} and {{% ... %}}, Liquid {% ... %} and {{ ... }} (Jekyll, Eleventy).
// The preview takes only tags that close on their own line (a token must not change the line
// count); the lint masks those over several lines too.
const QRegularExpression& templateTag(bool acrossLines = false)
{
    static const QString pattern =
        QStringLiteral(R"(\{\{<.*?>\}\}|\{\{%.*?%\}\}|\{%.*?%\}|\{\{.*?\}\})");
    static const QRegularExpression oneLine(pattern);
    static const QRegularExpression lines(pattern, QRegularExpression::DotMatchesEverythingOption);
    return acrossLines ? lines : oneLine;
}

// Private-use characters that cmark passes through as text, around the tag's number.
constexpr char16_t TagOpen = u'\uE000';
constexpr char16_t TagClose = u'\uE001';

// The Markdown with each template tag replaced by a token, and the tags in order.
QString hideTemplateTags(const QString& markdown, QStringList& tags)
{
    if (!markdown.contains(u'{'))
        return markdown;
    QString out;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = templateTag().globalMatch(markdown);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(markdown).mid(last, m.capturedStart() - last);
        out += TagOpen + QString::number(tags.size()) + TagClose;
        tags << m.captured();
        last = m.capturedEnd();
    }
    if (tags.isEmpty())
        return markdown;
    out += QStringView(markdown).mid(last);
    return out;
}

// The tokens back as visible placeholders: the tag's own text in a styled span. In code the
// tag is text like any other (documentation shows template code), so it comes back as it was.
QString showTemplateTags(const QString& html, const QStringList& tags)
{
    if (tags.isEmpty() || !html.contains(TagOpen))
        return html;
    static const QRegularExpression token(QStringLiteral("\uE000([0-9]+)\uE001"));
    QString out;
    qsizetype last = 0;
    bool inCode = false;
    QRegularExpressionMatchIterator it = token.globalMatch(html);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QStringView between = QStringView(html).mid(last, m.capturedStart() - last);
        // cmark writes "<code" and "</code>" only as tags: '<' in text is escaped.
        const qsizetype open = between.lastIndexOf(u"<code");
        const qsizetype close = between.lastIndexOf(u"</code>");
        if (open >= 0 || close >= 0)
            inCode = open > close;
        out += between;
        const qsizetype n = m.captured(1).toLongLong();
        const QString tag = n < tags.size() ? tags[n].toHtmlEscaped() : QString();
        out += inCode ? tag
                      : QStringLiteral("<span class=\"template-tag\">") + tag +
                            QStringLiteral("</span>");
        last = m.capturedEnd();
    }
    out += QStringView(html).mid(last);
    return out;
}

// What Qt's rich text cannot show of cmark-gfm's HTML: task list check boxes become ballot box
// characters, and <del> the <s> it knows.
QString forRichText(QString html)
{
    if (!cmarkapi::HaveGfm)
        return html;
    if (html.contains(QLatin1String("<input"))) {
        html.replace(QLatin1String("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> "),
                     QStringLiteral("\u2611 "));
        html.replace(QLatin1String("<input type=\"checkbox\" disabled=\"\" /> "),
                     QStringLiteral("\u2610 "));
    }
    html.replace(QLatin1String("<del>"), QLatin1String("<s>"));
    html.replace(QLatin1String("</del>"), QLatin1String("</s>"));
    return html;
}

// One rendering: the Markdown parsed with the options' extensions, template tags hidden.
class Rendering
{
public:
    Rendering(const QString& markdown, RenderOptions options)
        : m_parsed((options.templateTags ? hideTemplateTags(markdown, m_tags) : markdown).toUtf8(),
                   cmarkFlags(options), options.gfm)
    {}
    cmark_node* root() const { return m_parsed.root(); }
    QString html(cmark_node* node) const
    {
        return forRichText(showTemplateTags(m_parsed.html(node), m_tags));
    }

private:
    QStringList m_tags; // before m_parsed, which is made from them
    cmarkapi::Parsed m_parsed;
};

} // namespace

bool rendersGfm()
{
    return cmarkapi::HaveGfm;
}

QString markdownLibrary()
{
    return cmarkapi::libraryName();
}

QString renderMarkdown(const QString& markdown, RenderOptions options)
{
    const Rendering r(markdown, options);
    return r.root() ? r.html(r.root()) : QString();
}

QList<MarkdownBlock> renderMarkdownBlocks(const QString& markdown, RenderOptions options)
{
    const Rendering r(markdown, options);
    QList<MarkdownBlock> blocks;
    if (!r.root())
        return blocks;
    // The document node adds nothing around its children, and references were resolved by the
    // parse, so each child renders on its own exactly as within the whole.
    for (cmark_node* child = cmark_node_first_child(r.root()); child;
         child = cmark_node_next(child)) {
        blocks.append(
            {r.html(child), cmark_node_get_start_line(child), cmark_node_get_end_line(child)});
    }
    return blocks;
}

namespace {

// The Markdown's lines as cmark counts them (LF, CRLF or CR), in UTF-8.
QList<QByteArray> splitLines(const QByteArray& utf8)
{
    QList<QByteArray> lines;
    qsizetype start = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        if (utf8[i] == '\n' || utf8[i] == '\r') {
            lines << utf8.mid(start, i - start);
            if (utf8[i] == '\r' && i + 1 < utf8.size() && utf8[i + 1] == '\n')
                ++i;
            start = i + 1;
        }
    }
    lines << utf8.mid(start);
    return lines;
}

// CommonMark's punctuation: ASCII punctuation and Unicode P* categories.
bool isPunct(QChar c)
{
    if (c.unicode() < 0x80)
        return QLatin1String("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~").contains(c);
    return c.isPunct();
}

bool isSpace(QChar c)
{
    return c.isSpace();
}

// The run belongs to something like "https://host/_path" or "www.a_b": not emphasis. The word
// ends at white space and at the brackets and quotes Markdown puts around links. The last word
// looked at is remembered: a long word full of delimiters is scanned once, not once per delimiter.
class UrlWords
{
public:
    bool inUrl(const QString& line, qsizetype at)
    {
        if (&line != m_line || at < m_start || at >= m_end) {
            auto isBoundary = [](QChar c) {
                return c.isSpace() || QStringView(u"[]()<>\"'").contains(c);
            };
            m_line = &line;
            m_start = at;
            while (m_start > 0 && !isBoundary(line[m_start - 1]))
                --m_start;
            m_end = at;
            while (m_end < line.size() && !isBoundary(line[m_end]))
                ++m_end;
            const QStringView word = QStringView(line).mid(m_start, m_end - m_start);
            m_url = word.contains(u"://") || word.startsWith(u"www.") || word.contains(u'@');
        }
        return m_url;
    }

private:
    const QString* m_line = nullptr;
    qsizetype m_start = 0;
    qsizetype m_end = 0;
    bool m_url = false;
};

class Linter
{
public:
    explicit Linter(const QByteArray& utf8)
    {
        m_utf8Lines = splitLines(utf8);
        for (const QByteArray& line : std::as_const(m_utf8Lines))
            m_lines << QString::fromUtf8(line);
        m_columns.resize(size_t(m_utf8Lines.size()));
    }

    void visit(cmark_node* node)
    {
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
            checkLink(node);
            break;
        case CMARK_NODE_TEXT:
            if (!insideAutolink(node))
                checkText(node);
            break;
        default:
            break;
        }
    }

    QList<MarkdownIssue> issues;

private:
    // 1-based byte column -> 1-based UTF-16 column on a 1-based line. Each line's table is built
    // once: converting the line's prefix at every call made long lines quadratic.
    int column(int line, int byteColumn)
    {
        if (line < 1 || line > m_utf8Lines.size() || byteColumn < 1)
            return byteColumn;
        const QByteArray& bytes = m_utf8Lines[line - 1];
        if (byteColumn > bytes.size() + 1)
            return int(QString::fromUtf8(bytes.left(byteColumn - 1)).size()) + 1;
        std::vector<int>& table = m_columns[line - 1];
        if (table.empty()) {
            // table[b] = UTF-16 units in the first b bytes (a UTF-8 sequence of 4 bytes is 2
            // units).
            table.resize(size_t(bytes.size()) + 1);
            int units = 0;
            for (qsizetype b = 0; b < bytes.size(); ++b) {
                table[size_t(b)] = units;
                const auto c = uchar(bytes[b]);
                if ((c & 0xC0) != 0x80)
                    units += c >= 0xF0 ? 2 : 1;
            }
            table[size_t(bytes.size())] = units;
        }
        return table[size_t(byteColumn - 1)] + 1;
    }

    void report(int line, int col, const QString& message, const char* rule)
    {
        issues << MarkdownIssue{line, col, message, QString::fromLatin1(rule)};
    }

    void checkLink(cmark_node* node)
    {
        const bool image = cmark_node_get_type(node) == CMARK_NODE_IMAGE;
        const char* url = cmark_node_get_url(node);
        const int line = cmark_node_get_start_line(node);
        const int col = column(line, cmark_node_get_start_column(node));
        if (!image && !cmark_node_first_child(node))
            report(line, col,
                   QCoreApplication::translate("frontis::MarkdownLint", "Link has no text"),
                   "markdown-empty-link");
        else if (!url || !*url)
            report(line, col,
                   image
                       ? QCoreApplication::translate("frontis::MarkdownLint", "Image has no source")
                       : QCoreApplication::translate("frontis::MarkdownLint",
                                                     "Link has no destination"),
                   "markdown-empty-link");
    }

    bool insideAutolink(cmark_node* node) const
    {
        for (cmark_node* p = cmark_node_parent(node); p; p = cmark_node_parent(p)) {
            if (cmark_node_get_type(p) != CMARK_NODE_LINK)
                continue;
            // "<https://...>" is the only link whose source starts with '<'.
            const int line = cmark_node_get_start_line(p);
            const int byteCol = cmark_node_get_start_column(p);
            if (line >= 1 && line <= m_utf8Lines.size() && byteCol >= 1 &&
                byteCol <= m_utf8Lines[line - 1].size())
                return m_utf8Lines[line - 1][byteCol - 1] == '<';
        }
        return false;
    }

    // A text node's source range holds the literal text cmark kept, escapes and entities
    // included; emphasis it did match is in other nodes. So any delimiter run here that could
    // only open (or only close) emphasis is one whose partner is missing.
    void checkText(cmark_node* node)
    {
        const int lineNo = cmark_node_get_start_line(node);
        if (lineNo < 1 || lineNo > m_lines.size() || cmark_node_get_end_line(node) != lineNo)
            return;
        const QString& line = m_lines[lineNo - 1];
        const QByteArray& bytes = m_utf8Lines[lineNo - 1];
        const int startByte = cmark_node_get_start_column(node);
        const int endByte = cmark_node_get_end_column(node);
        if (startByte < 1 || endByte < startByte || endByte > bytes.size())
            return;
        const qsizetype from = column(lineNo, startByte) - 1;
        const qsizetype to = column(lineNo, endByte + 1) - 1; // exclusive
        for (qsizetype i = from; i < to;) {
            const QChar c = line[i];
            if (c != u'*' && c != u'_') {
                ++i;
                continue;
            }
            qsizetype backslashes = 0;
            while (i - backslashes > 0 && line[i - backslashes - 1] == u'\\')
                ++backslashes;
            if (backslashes % 2 == 1) {
                ++i; // escaped: a literal character, whatever follows
                continue;
            }
            qsizetype end = i;
            while (end < to && line[end] == c)
                ++end;
            if (isUnbalanced(line, i, end) && !m_urlWords.inUrl(line, i)) {
                report(lineNo, int(i) + 1,
                       QCoreApplication::translate(
                           "frontis::MarkdownLint",
                           "Unclosed emphasis: \u201c%1\u201d has no matching delimiter")
                           .arg(line.mid(i, end - i)),
                       "markdown-unclosed-emphasis");
            }
            i = end;
        }
    }

    // CommonMark §6.2 flanking rules; line ends count as white space.
    static bool isUnbalanced(const QString& line, qsizetype begin, qsizetype end)
    {
        const QChar before = begin > 0 ? line[begin - 1] : QChar(u' ');
        const QChar after = end < line.size() ? line[end] : QChar(u' ');
        const bool left =
            !isSpace(after) && (!isPunct(after) || isSpace(before) || isPunct(before));
        const bool right =
            !isSpace(before) && (!isPunct(before) || isSpace(after) || isPunct(after));
        bool canOpen = left;
        bool canClose = right;
        if (line[begin] == u'_') {
            canOpen = left && (!right || isPunct(before));
            canClose = right && (!left || isPunct(after));
        }
        // Both: intraword ("a*b", "5*3"), most likely meant literally. Neither: "2 * 3".
        return canOpen != canClose;
    }

    QList<QString> m_lines;
    QList<QByteArray> m_utf8Lines;
    std::vector<std::vector<int>> m_columns; // per line, built on first use by column()
    UrlWords m_urlWords;
};

} // namespace

QList<MarkdownIssue> lintMarkdown(const QString& markdown, bool templateTags)
{
    // Hugo shortcodes and Liquid tags are the site's, not Markdown: each is written over with
    // letters, line breaks kept, so that their arguments ("**John Adams**" in a card's header)
    // are not taken for emphasis, a link to "{{ url }}" has a destination, and no position moves.
    QString text = markdown;
    if (templateTags && text.contains(u'{')) {
        QRegularExpressionMatchIterator it = templateTag(true).globalMatch(markdown);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            for (qsizetype k = m.capturedStart(); k < m.capturedEnd(); ++k) {
                if (text[k] != u'\n' && text[k] != u'\r')
                    text[k] = u'x';
            }
        }
    }
    const QByteArray utf8 = text.toUtf8();
    const cmarkapi::Parsed doc(utf8, CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8, false);
    if (!doc.root())
        return {};
    Linter linter(utf8);
    const IterPtr iter(cmark_iter_new(doc.root()));
    for (cmark_event_type ev = cmark_iter_next(iter.get()); ev != CMARK_EVENT_DONE;
         ev = cmark_iter_next(iter.get())) {
        if (ev == CMARK_EVENT_ENTER)
            linter.visit(cmark_iter_get_node(iter.get()));
    }
    return linter.issues;
}

} // namespace frontis
