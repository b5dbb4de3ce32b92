#include "model/text/articlehtml.h"

#include "model/schema/momentformat.h"
#include "model/text/articletext.h"
#include "model/text/markdownrenderer.h"
#include "model/yaml/frontmatter.h"

#include <QFile>
#include <QStringList>

namespace frontis {

namespace {

QString scalar(const FrontMatter& fm, const char* key)
{
    const FmNode* node = fm.root().child(QLatin1String(key));
    return node && node->isScalar() ? node->text : QString();
}

QString firstNonEmpty(std::initializer_list<QString> values)
{
    for (const QString& v : values) {
        if (!v.trimmed().isEmpty())
            return v;
    }
    return {};
}

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

} // namespace

ArticleContent ArticleContent::fromFrontMatter(const FrontMatter& fm)
{
    ArticleContent a;
    const QString title = scalar(fm, "title");
    a.title = firstNonEmpty({scalar(fm, "article_title"), title, scalar(fm, "question")});
    a.pageTitle = firstNonEmpty({title, a.title});
    a.date = scalar(fm, "date");
    a.dateFormat = scalar(fm, "date_format");
    a.postOnText = scalar(fm, "post_on_text");
    a.author = scalar(fm, "author");
    a.subject = scalar(fm, "subject");
    return a;
}

ArticleContent ArticleContent::of(const Document& doc, const Schema& schema)
{
    ArticleContent a = fromFrontMatter(doc.frontMatter());
    a.text = articleText(doc, schema);
    a.siteMarkdown = ArticleText::of(schema).rendersAsSite(); // GFM and template tags
    return a;
}

QString articleDateLine(const ArticleContent& article)
{
    QString date = article.date.trimmed();
    const QDate parsed = parseArticleDate(date);
    if (parsed.isValid() && !article.dateFormat.trimmed().isEmpty())
        date = formatMomentDate(parsed, article.dateFormat.trimmed());
    QStringList parts;
    if (!article.postOnText.trimmed().isEmpty())
        parts << article.postOnText.trimmed();
    if (!date.isEmpty())
        parts << date;
    return parts.join(QLatin1Char(' '));
}

QString renderArticleHeaderHtml(const ArticleContent& article)
{
    QString body;
    if (!article.title.trimmed().isEmpty())
        body += QLatin1String("<h1 class=\"title\">") + escaped(article.title.trimmed()) +
                QLatin1String("</h1>\n");

    // Date, author and subject on one line, each in its own span so a stylesheet can tell them
    // apart; the separator is punctuation, not a word that would need translating.
    QStringList meta;
    const QString dateLine = articleDateLine(article);
    if (!dateLine.isEmpty())
        meta << QLatin1String("<span class=\"date\">") + escaped(dateLine) +
                    QLatin1String("</span>");
    if (!article.author.trimmed().isEmpty())
        meta << QLatin1String("<span class=\"author\">") + escaped(article.author.trimmed()) +
                    QLatin1String("</span>");
    if (!article.subject.trimmed().isEmpty())
        meta << QLatin1String("<span class=\"subject\">") + escaped(article.subject.trimmed()) +
                    QLatin1String("</span>");
    if (!meta.isEmpty())
        body += QLatin1String("<p class=\"meta\">") +
                meta.join(QStringLiteral("<span class=\"separator\"> \u00b7 </span>")) +
                QLatin1String("</p>\n");
    return body;
}

QString renderArticleHtml(const ArticleContent& article, const ArticleHtmlOptions& options)
{
    QString body;
    body += QLatin1String("<div class=\"article\">\n");
    body += renderArticleHeaderHtml(article);
    body += QLatin1String("<div class=\"text\">\n");
    body += renderMarkdown(article.text, RenderOptions{options.sourcePos, false,
                                                       article.siteMarkdown, article.siteMarkdown});
    body += QLatin1String("</div>\n</div>\n");

    if (!options.fullDocument)
        return body;

    QString html;
    html += QLatin1String("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n");
    html +=
        QLatin1String("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    html += QLatin1String("<title>") + escaped(article.pageTitle.trimmed()) +
            QLatin1String("</title>\n");
    if (!options.stylesheet.isEmpty()) {
        // "</style" inside the CSS would end the element early; CSS never needs it.
        QString css = options.stylesheet;
        css.replace(QLatin1String("</"), QLatin1String("<\\/"));
        html += QLatin1String("<style>\n") + css;
        if (!css.endsWith(QLatin1Char('\n')))
            html += QLatin1Char('\n');
        html += QLatin1String("</style>\n");
    }
    html += QLatin1String("</head>\n<body>\n") + body + QLatin1String("</body>\n</html>\n");
    return html;
}

QString articleStylesheet(ArticleTheme theme)
{
    // Qt's rich-text engine knows no CSS variables: the one stylesheet names its colours, and
    // each theme's values are put in here.
    struct Colour
    {
        const char* name;
        const char* light;
        const char* dark;
    };
    static constexpr Colour colours[] = {
        {"@text@", "#1f2328", "#e6edf3"},       {"@background@", "#ffffff", "#161b22"},
        {"@muted@", "#59636e", "#9198a1"},      {"@faint@", "#8c959f", "#6e7681"},
        {"@link@", "#0969da", "#4493f8"},       {"@code@", "#eff1f3", "#2a313c"},
        {"@code-block@", "#f6f8fa", "#21262d"}, {"@rule@", "#d1d9e0", "#3d444d"},
    };
    QFile file(QStringLiteral(":/preview/preview.css"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QString css = QString::fromUtf8(file.readAll());
    for (const Colour& c : colours) {
        css.replace(QLatin1String(c.name),
                    QLatin1String(theme == ArticleTheme::Dark ? c.dark : c.light));
    }
    return css;
}

} // namespace frontis
