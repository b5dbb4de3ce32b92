#include "previewrenderer.h"

#include <QRegularExpression>

#if FRONTIS_HAVE_KSH
#include "codeblockhighlighter.h"
#endif

namespace frontis::previewrenderer {

namespace {

// Qt's rich text gives each line of a <pre> its own block, so padding and background do not
// make a box, and the final line break adds an empty line. A one-cell table does make a box.
QString boxCodeBlocks(const QString& html)
{
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

} // namespace

QString render(const ArticleContent& article, bool dark)
{
    ArticleHtmlOptions options;
    options.fullDocument = false;
    options.sourcePos = true;
    QString html = renderArticleHtml(article, options);

    // cmark writes data-sourcepos only inside start tags and escapes '"' in text, so this cannot
    // match the writer's own text; cmark writes no other style attribute.
    static const QRegularExpression sourcePos(
        QStringLiteral(R"( data-sourcepos="(\d+):\d+-\d+:\d+")"));
    html.replace(sourcePos, QStringLiteral(" style=\"-qt-user-state: \\1\""));
#if FRONTIS_HAVE_KSH
    html = codeblocks::highlight(html, dark);
#else
    Q_UNUSED(dark)
#endif
    // An explicit body: Qt applies the stylesheet's body colours to the page only then.
    return QLatin1String("<html><body>") + boxCodeBlocks(html) + QLatin1String("</body></html>");
}

} // namespace frontis::previewrenderer
