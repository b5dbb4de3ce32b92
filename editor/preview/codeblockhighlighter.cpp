#include "editor/preview/codeblockhighlighter.h"

#include <QCoreApplication>
#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QStringList>
#include <QThread>

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>

#include <memory>

namespace frontis::codeblocks {

namespace {

namespace KSH = KSyntaxHighlighting;

QMutex repositoryMutex;

// Created on first use by whichever thread renders, then handed to the main thread so that it
// can be destroyed there at exit. Guarded by repositoryMutex.
KSH::Repository& repository()
{
    static std::unique_ptr<KSH::Repository> repo;
    if (!repo) {
        repo = std::make_unique<KSH::Repository>();
        if (QCoreApplication* app = QCoreApplication::instance())
            repo->moveToThread(app->thread());
    }
    return *repo;
}

// Turns highlighted lines into HTML spans with inline styles (Qt's rich text and browsers both
// read those).
class HtmlSpans : public KSH::AbstractHighlighter
{
public:
    QString run(const QString& code)
    {
        m_out.clear();
        KSH::State state;
        const QStringList lines = code.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            m_line = lines[i];
            m_done = 0;
            state = highlightLine(m_line, state);
            if (m_done < m_line.size())
                m_out += m_line.mid(m_done).toHtmlEscaped();
            if (i + 1 < lines.size())
                m_out += QLatin1Char('\n');
        }
        return m_out;
    }

protected:
    void applyFormat(int offset, int length, const KSH::Format& format) override
    {
        if (offset > m_done)
            m_out += m_line.mid(m_done, offset - m_done).toHtmlEscaped();
        const QString text = m_line.mid(offset, length).toHtmlEscaped();
        QStringList style;
        if (format.hasTextColor(theme()))
            style << QStringLiteral("color:%1").arg(format.textColor(theme()).name());
        if (format.isBold(theme()))
            style << QStringLiteral("font-weight:bold");
        if (format.isItalic(theme()))
            style << QStringLiteral("font-style:italic");
        if (style.isEmpty() || format.isDefaultTextStyle(theme()))
            m_out += text;
        else
            m_out += QStringLiteral("<span style=\"%1\">%2</span>").arg(style.join(u';'), text);
        m_done = offset + length;
    }

private:
    QString m_out;
    QString m_line;
    int m_done = 0;
};

QString unescapeHtml(QString text)
{
    // What cmark escapes in code: & < > and ".
    text.replace(QLatin1String("&lt;"), QLatin1String("<"));
    text.replace(QLatin1String("&gt;"), QLatin1String(">"));
    text.replace(QLatin1String("&quot;"), QLatin1String("\""));
    text.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return text;
}

KSH::Definition definitionFor(const KSH::Repository& repo, const QString& language)
{
    KSH::Definition def = repo.definitionForName(language);
    if (!def.isValid())
        def = repo.definitionForFileName(QStringLiteral("code.") + language);
    return def;
}

} // namespace

QString highlight(const QString& html, bool dark)
{
    static const QRegularExpression block(
        QStringLiteral(R"re((<pre[^>]*><code class="language-([^"]+)">)(.*?)(</code></pre>))re"),
        QRegularExpression::DotMatchesEverythingOption);
    if (!html.contains(QLatin1String("<code class=\"language-")))
        return html; // the usual case: no repository needed

    QMutexLocker lock(&repositoryMutex);
    KSH::Repository& repo = repository();
    HtmlSpans spans;
    spans.setTheme(
        repo.defaultTheme(dark ? KSH::Repository::DarkTheme : KSH::Repository::LightTheme));
    QString out;
    qsizetype done = 0;
    for (auto it = block.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const KSH::Definition def = definitionFor(repo, unescapeHtml(m.captured(2)));
        if (!def.isValid())
            continue;
        spans.setDefinition(def);
        out += QStringView(html).mid(done, m.capturedStart(3) - done);
        QString code = unescapeHtml(m.captured(3));
        const bool finalNewline = code.endsWith(QLatin1Char('\n'));
        if (finalNewline)
            code.chop(1);
        out += spans.run(code);
        if (finalNewline)
            out += QLatin1Char('\n');
        done = m.capturedEnd(3);
    }
    out += QStringView(html).mid(done);
    return out;
}

} // namespace frontis::codeblocks
