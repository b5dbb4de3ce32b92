#include "model/text/answercodec.h"
#include "model/text/markdownrenderer.h"
#include "testutil.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace frontis;

namespace {

// "line:column:rule" per issue, for compact comparisons.
QStringList describe(const QList<frontis::MarkdownIssue>& issues)
{
    QStringList out;
    for (const frontis::MarkdownIssue& issue : issues) {
        out << u"%1:%2:%3"_s.arg(issue.line).arg(issue.column).arg(issue.rule);
        if (issue.message.isEmpty())
            out << u"(no message)"_s;
    }
    return out;
}

} // namespace

class TestMarkdownRenderer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void renders();
    void rawHtmlOmitted();
    void unsafeLinks_data();
    void unsafeLinks();
    void sourcePos();
    void smart();
    void seedAnswerRenders();
    void lint_data();
    void lint();
    void lintSeedAnswer();
    void siteMarkdown_data();
    void siteMarkdown();
    void templateTagsAreNotLinted();
};

void TestMarkdownRenderer::renders()
{
    const QString html = frontis::renderMarkdown(u"# Title\n\nSome **bold** and *em* ü.\n"_s);
    QCOMPARE(html, u"<h1>Title</h1>\n<p>Some <strong>bold</strong> and <em>em</em> ü.</p>\n"_s);
    QCOMPARE(frontis::renderMarkdown(QString()), QString());
}

void TestMarkdownRenderer::rawHtmlOmitted()
{
    const QString html = frontis::renderMarkdown(
        u"<script>alert(1)</script>\n\nText <b onclick=\"x()\">bold</b> <img src=x onerror=y>"_s);
    QVERIFY(!html.contains(u"<script"_s));
    QVERIFY(!html.contains(u"<b"_s));
    QVERIFY(!html.contains(u"onerror"_s));
    QVERIFY(!html.contains(u"onclick"_s));
    QVERIFY(html.contains(u"raw HTML omitted"_s));
    QVERIFY(html.contains(u"Text "_s));
}

void TestMarkdownRenderer::unsafeLinks_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("forbidden");
    QTest::addColumn<QString>("expected");
    QTest::newRow("javascript") << u"[x](javascript:alert(1))"_s << u"javascript:"_s
                                << u"<a href=\"\">x</a>"_s;
    QTest::newRow("javascript upper")
        << u"[x](JAVASCRIPT:alert(1))"_s << u"alert"_s << u"<a href=\"\">x</a>"_s;
    QTest::newRow("vbscript") << u"[x](vbscript:msgbox)"_s << u"vbscript:"_s
                              << u"<a href=\"\">x</a>"_s;
    QTest::newRow("file") << u"[x](file:///etc/passwd)"_s << u"passwd"_s << u"<a href=\"\">x</a>"_s;
    QTest::newRow("data html") << u"[x](data:text/html;base64,PHNjcmlwdD4=)"_s << u"data:"_s
                               << u"<a href=\"\">x</a>"_s;
    QTest::newRow("autolink javascript")
        << u"<javascript:alert(1)>"_s << u"href=\"javascript"_s << u"<a href=\"\">"_s;
    QTest::newRow("https kept") << u"[x](https://example.com/a?b=1&c=2)"_s << u"javascript"_s
                                << u"<a href=\"https://example.com/a?b=1&amp;c=2\">x</a>"_s;
    QTest::newRow("data image kept") << u"![i](data:image/png;base64,AAAA)"_s << u"javascript"_s
                                     << u"src=\"data:image/png;base64,AAAA\""_s;
}

void TestMarkdownRenderer::unsafeLinks()
{
    QFETCH(QString, markdown);
    QFETCH(QString, forbidden);
    QFETCH(QString, expected);
    const QString html = frontis::renderMarkdown(markdown);
    QVERIFY2(!html.contains(forbidden, Qt::CaseInsensitive), qPrintable(html));
    QVERIFY2(html.contains(expected), qPrintable(html));
}

void TestMarkdownRenderer::sourcePos()
{
    const QString markdown = u"# H\n\npara one\nstill one\n\n- item"_s;
    frontis::RenderOptions options;
    options.sourcePos = true;
    const QString html = frontis::renderMarkdown(markdown, options);
    QVERIFY2(html.contains(u"<h1 data-sourcepos=\"1:1-1:3\">"_s), qPrintable(html));
    QVERIFY2(html.contains(u"<p data-sourcepos=\"3:1-4:9\">"_s), qPrintable(html));
    QVERIFY2(html.contains(u"<ul data-sourcepos=\"6:1-6:6\">"_s), qPrintable(html));
    QVERIFY(!frontis::renderMarkdown(markdown).contains(u"data-sourcepos"_s));
}

void TestMarkdownRenderer::smart()
{
    const QString markdown = u"\"quoted\" -- dash..."_s;
    frontis::RenderOptions options;
    options.smart = true;
    QCOMPARE(frontis::renderMarkdown(markdown, options), u"<p>“quoted” – dash…</p>\n"_s);
    QCOMPARE(frontis::renderMarkdown(markdown), u"<p>&quot;quoted&quot; -- dash...</p>\n"_s);
}

void TestMarkdownRenderer::seedAnswerRenders()
{
    const QString stored = testutil::seedAnswer();
    if (stored.isEmpty())
        QSKIP("No seed article under FRONTIS_SHARED_DIR/seed");
    const QString html = frontis::renderMarkdown(frontis::decodeAnswer(stored));
    QCOMPARE(html.count(u"<ol>"_s), 1); // one loose list: items apart by blank lines
    QCOMPARE(html.count(u"<li>"_s), 5);
    QCOMPARE(html.count(u"<p>"_s), 7);
    QVERIFY(html.contains(u"<strong>Increased Computational Capacity</strong>:"_s));
    QVERIFY(html.contains(u"&quot;US-China AI Arms Race&quot;"_s));
    QVERIFY(!html.contains(u"\\n"_s));
    QVERIFY(!html.contains(u"**"_s));
}

void TestMarkdownRenderer::lint_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QStringList>("issues");

    const QString link = u"markdown-empty-link"_s;
    const QString emph = u"markdown-unclosed-emphasis"_s;
    auto at = [](int line, int column, const QString& rule) {
        return u"%1:%2:%3"_s.arg(line).arg(column).arg(rule);
    };

    QTest::newRow("clean") << u"**ok** and *fine* and __also__ and _this_."_s << QStringList();
    QTest::newRow("literal stars") << u"snake_case, a*b, 2 * 3 and 2 ** 8"_s << QStringList();
    QTest::newRow("escaped") << u"\\*not\\* and \\*\\*this\\*\\* and \\_x"_s << QStringList();
    QTest::newRow("code") << u"`**code` and\n\n```\n**fenced\n```\n\n    **indented"_s
                          << QStringList();
    QTest::newRow("urls") << u"see https://example.com/_path and www.a_b.com/*x"_s << QStringList();
    QTest::newRow("autolink") << u"<https://example.com/_x>"_s << QStringList();
    QTest::newRow("raw html") << u"<div>**x</div>"_s << QStringList();
    QTest::newRow("empty link text")
        << u"see [](https://a.example) here"_s << QStringList{at(1, 5, link)};
    QTest::newRow("empty destination") << u"x\n\n[text]()"_s << QStringList{at(3, 1, link)};
    QTest::newRow("empty image source") << u"![alt]()"_s << QStringList{at(1, 1, link)};
    QTest::newRow("link fine") << u"[text](https://a.example) ![](i.png)"_s << QStringList();
    QTest::newRow("unclosed strong")
        << u"line one\n\nsome **bold text"_s << QStringList{at(3, 6, emph)};
    QTest::newRow("unopened strong") << u"bold** at end"_s << QStringList{at(1, 5, emph)};
    QTest::newRow("unclosed em") << u"an *idea here"_s << QStringList{at(1, 4, emph)};
    QTest::newRow("unclosed underscore") << u"_under"_s << QStringList{at(1, 1, emph)};
    QTest::newRow("leftover of triple") << u"***a**"_s << QStringList{at(1, 1, emph)};
    QTest::newRow("second line") << u"para\nnext **x"_s << QStringList{at(2, 6, emph)};
    QTest::newRow("utf16 column") << u"ü🎉 **x"_s << QStringList{at(1, 5, emph)};
    QTest::newRow("quote") << u"> quoted **open"_s << QStringList{at(1, 10, emph)};
    QTest::newRow("list continuation") << u"1. item\n   cont **c"_s << QStringList{at(2, 9, emph)};
    QTest::newRow("link text beside URL")
        << u"[**open](https://a.example/_x)"_s << QStringList{at(1, 2, emph)};
    QTest::newRow("inside link text")
        << u"[**open](https://a.example)"_s << QStringList{at(1, 2, emph)};
    QTest::newRow("CRLF") << u"a\r\n\r\nb **x"_s << QStringList{at(3, 3, emph)};
    QTest::newRow("two issues") << u"[](x) and **y"_s
                                << QStringList{at(1, 1, link), at(1, 11, emph)};
}

void TestMarkdownRenderer::lint()
{
    QFETCH(QString, markdown);
    QFETCH(QStringList, issues);
    QCOMPARE(describe(frontis::lintMarkdown(markdown)), issues);
}

void TestMarkdownRenderer::lintSeedAnswer()
{
    const QString stored = testutil::seedAnswer();
    if (stored.isEmpty())
        QSKIP("No seed article under FRONTIS_SHARED_DIR/seed");
    QCOMPARE(describe(frontis::lintMarkdown(frontis::decodeAnswer(stored))), QStringList());
    // And the check is live on that text: breaking one strong span is found on its line.
    QString broken = frontis::decodeAnswer(stored);
    broken.replace(u"Capacity**:"_s, u"Capacity:"_s);
    const QStringList found = describe(frontis::lintMarkdown(broken));
    QCOMPARE(found, QStringList{u"3:4:markdown-unclosed-emphasis"_s});
}

// What Hugo (Goldmark), Jekyll (kramdown GFM) and GitHub render: GFM extensions and template tags.
void TestMarkdownRenderer::siteMarkdown_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<bool>("needsGfm");
    QTest::addColumn<QString>("contains");
    QTest::addColumn<QString>("notContains");
    QTest::newRow("table") << u"| a | b |\n|---|:-:|\n| 1 | 2 |\n"_s << true << u"<th>a</th>"_s
                           << u"|---|"_s;
    QTest::newRow("strikethrough, as Qt's <s>")
        << u"~~old~~ new"_s << true << u"<s>old</s>"_s << u"~~"_s;
    QTest::newRow("task list") << u"- [x] done\n- [ ] todo\n"_s << true
                               << u"\u2611 done</li>\n<li>\u2610 todo"_s << u"<input"_s;
    QTest::newRow("autolink") << u"see www.example.com now"_s << true
                              << u"<a href=\"http://www.example.com\">www.example.com</a>"_s
                              << QString();
    QTest::newRow("Hugo shortcode") << u"A {{< figure src=\"a.png\" >}} here"_s << false
                                    << u"A <span class=\"template-tag\">{{&lt; figure "
                                       u"src=&quot;a.png&quot; &gt;}}</span> here"_s
                                    << QString();
    QTest::newRow("Hugo markdown shortcode")
        << u"{{% notice tip %}}\nText\n{{% /notice %}}\n"_s << false
        << u"<span class=\"template-tag\">{{% /notice %}}</span>"_s << QString();
    QTest::newRow("Liquid tag and output")
        << u"{% include note.html %} for {{ site.title | upcase }}"_s << false
        << u"<span class=\"template-tag\">{% include note.html %}</span> for "
           u"<span class=\"template-tag\">{{ site.title | upcase }}</span>"_s
        << QString();
    QTest::newRow("a tag's Markdown is not rendered")
        << u"{{< ref \"*not emphasis*\" >}}"_s << false << u"template-tag"_s << u"<em>"_s;
    QTest::newRow("in code a tag is code")
        << u"`{{ .Title }}` and\n\n```\n{{< x >}}\n```\n\nthen {{ y }}"_s << false
        << u"<code>{{ .Title }}</code> and</p>\n<pre><code>{{&lt; x &gt;}}\n</code></pre>\n"
           u"<p>then <span class=\"template-tag\">{{ y }}</span>"_s
        << QString();
    QTest::newRow("an open brace alone is text")
        << u"a { b } {{ c"_s << false << u"<p>a { b } {{ c</p>"_s << u"template-tag"_s;
}

void TestMarkdownRenderer::siteMarkdown()
{
    QFETCH(QString, markdown);
    QFETCH(bool, needsGfm);
    QFETCH(QString, contains);
    QFETCH(QString, notContains);
    if (needsGfm && !rendersGfm())
        QSKIP("built with plain cmark (libcmark-gfm-dev is not installed)");
    RenderOptions site;
    site.gfm = true;
    site.templateTags = true;
    const QString html = renderMarkdown(markdown, site);
    QVERIFY2(html.contains(contains), qPrintable(html));
    if (!notContains.isEmpty())
        QVERIFY2(!html.contains(notContains), qPrintable(html));
    // Block by block gives the same page, as the preview's incremental update needs.
    site.sourcePos = true;
    QString joined;
    for (const MarkdownBlock& b : renderMarkdownBlocks(markdown, site))
        joined += b.html;
    QCOMPARE(joined, renderMarkdown(markdown, site));
    // Without the options the text is CommonMark, as a QuickTakes answer has always been.
    const QString plain = renderMarkdown(markdown);
    QVERIFY(!plain.contains(u"template-tag"_s));
    if (needsGfm)
        QVERIFY2(!plain.contains(contains), qPrintable(plain));
}

void TestMarkdownRenderer::templateTagsAreNotLinted()
{
    const QString markdown = u"{{% notice _warning %}}\nText.\n{{% /notice %}}\n"_s;
    QCOMPARE(lintMarkdown(markdown).size(), 1); // `_warning` looks like unclosed emphasis
    QVERIFY(lintMarkdown(markdown, true).isEmpty());
    // Columns stay those of the text: a problem after a tag is reported where it is.
    const QList<MarkdownIssue> after = lintMarkdown(u"{{< x >}} *open"_s, true);
    QCOMPARE(after.size(), 1);
    QCOMPARE(after.first().column, 11);
}

QTEST_GUILESS_MAIN(TestMarkdownRenderer)
#include "tst_markdownrenderer.moc"
