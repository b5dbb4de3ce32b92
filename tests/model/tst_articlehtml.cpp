#include "model/schema/schema.h"
#include "model/text/articlehtml.h"
#include "model/yaml/document.h"
#include "testutil.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using frontis::ArticleContent;
using frontis::ArticleHtmlOptions;

class TestArticleHtml : public QObject
{
    Q_OBJECT

private:
    static ArticleContent sample()
    {
        ArticleContent a;
        a.title = u"A title"_s;
        a.pageTitle = u"Page title"_s;
        a.date = u"2024-11-26"_s;
        a.dateFormat = u"MMM DD, YYYY"_s;
        a.postOnText = u"Posted on"_s;
        a.author = u"QuickTakes"_s;
        a.subject = u"Computer Science"_s;
        a.text = u"Intro.\n\n1. **One**\n2. Two"_s;
        return a;
    }

private Q_SLOTS:
    void seed();
    void fragmentAndDocument();
    void fieldsAreEscaped();
    void rawHtmlIsNotPassedOn();
    void sourcePositionsCountAnswerLines();
    void dateLine_data();
    void dateLine();
    void missingFieldsLeaveNoEmptyElements();
    void stylesheetsShip();
};

void TestArticleHtml::seed()
{
    const QString path = testutil::seedPath();
    if (path.isEmpty())
        QSKIP("../shared/seed is absent (set FRONTIS_SHARED_DIR)");
    const auto doc = frontis::Document::load(path);
    QVERIFY2(doc.ok(), doc.ok() ? "" : qPrintable(doc.error().message));
    const QString html = frontis::renderArticleHtml(
        frontis::ArticleContent::of(doc.value(), *frontis::Schema::builtIn(u"quicktakes"_s)));

    QVERIFY(html.contains(
        u"<h1 class=\"title\">How have advancements in computing power influenced deep learning?</h1>"_s));
    QVERIFY(html.contains(u"<span class=\"date\">Posted on Nov 26, 2024</span>"_s));
    QVERIFY(html.contains(u"<span class=\"author\">QuickTakes</span>"_s));
    QVERIFY(html.contains(u"<span class=\"subject\">Computer Science</span>"_s));
    // The answer's five numbered points, decoded from their \n escapes into a real list.
    QCOMPARE(html.count(u"<li"_s), 5);
    QVERIFY(html.contains(u"<ol"_s));
    QVERIFY(html.contains(u"<strong>Increased Computational Capacity</strong>"_s));
    QVERIFY(!html.contains(u"\\n"_s));
    // The intro paragraph is the answer's line 1, the closing summary its line 13.
    QVERIFY(html.contains(u"<p data-sourcepos=\"1:1-1:"_s));
    QVERIFY(html.contains(u"<p data-sourcepos=\"13:1-13:"_s));
    QVERIFY(html.contains(u"<title>How have advancements"_s));
}

void TestArticleHtml::fragmentAndDocument()
{
    ArticleHtmlOptions options;
    options.stylesheet = u"body { color: red; }"_s;
    const QString full = frontis::renderArticleHtml(sample(), options);
    QVERIFY(full.startsWith(u"<!DOCTYPE html>"_s));
    QVERIFY(full.contains(u"<meta charset=\"utf-8\">"_s));
    QVERIFY(full.contains(u"<style>\nbody { color: red; }\n</style>"_s));
    QVERIFY(full.contains(u"<title>Page title</title>"_s));
    QVERIFY(full.trimmed().endsWith(u"</html>"_s));

    options.fullDocument = false;
    const QString fragment = frontis::renderArticleHtml(sample(), options);
    QVERIFY(fragment.startsWith(u"<div class=\"article\">"_s));
    QVERIFY(!fragment.contains(u"<style"_s));
    QVERIFY(!fragment.contains(u"<html"_s));
    // The full document's body is exactly the fragment.
    QVERIFY(full.contains(fragment));
}

void TestArticleHtml::fieldsAreEscaped()
{
    ArticleContent a = sample();
    a.title = u"<script>alert(1)</script> & co"_s;
    a.author = u"\"Me\" <me@example.com>"_s;
    ArticleHtmlOptions options;
    options.stylesheet = u"p{} </style><script>x</script>"_s;
    const QString html = frontis::renderArticleHtml(a, options);
    QVERIFY(!html.contains(u"<script>alert"_s));
    QVERIFY(html.contains(u"&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"_s));
    QVERIFY(html.contains(u"&quot;Me&quot; &lt;me@example.com&gt;"_s));
    QCOMPARE(html.count(u"</style>"_s), 1); // the stylesheet cannot close its element early
}

void TestArticleHtml::rawHtmlIsNotPassedOn()
{
    ArticleContent a = sample();
    a.text = u"Hi <img src=x onerror=alert(1)>\n\n<div>block</div>\n\n[x](javascript:alert(1))"_s;
    const QString html = frontis::renderArticleHtml(a);
    QVERIFY(!html.contains(u"<img"_s));
    QVERIFY(!html.contains(u"<div>block"_s));
    QVERIFY(!html.contains(u"javascript:"_s));
}

void TestArticleHtml::sourcePositionsCountAnswerLines()
{
    ArticleContent a = sample();
    ArticleHtmlOptions options;
    QString html = frontis::renderArticleHtml(a, options);
    QVERIFY(html.contains(u"<p data-sourcepos=\"1:1-1:6\">Intro.</p>"_s));
    QVERIFY(html.contains(u"<li data-sourcepos=\"4:1-4:6\">Two</li>"_s));
    options.sourcePos = false;
    html = frontis::renderArticleHtml(a, options);
    QVERIFY(!html.contains(u"data-sourcepos"_s));
}

void TestArticleHtml::dateLine_data()
{
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("postOn");
    QTest::addColumn<QString>("expected");
    QTest::newRow("seed") << u"2024-11-26"_s << u"MMM DD, YYYY"_s << u"Posted on"_s
                          << u"Posted on Nov 26, 2024"_s;
    QTest::newRow("no format: as written")
        << u"2024-11-26"_s << QString() << u"Posted on"_s << u"Posted on 2024-11-26"_s;
    QTest::newRow("not a date: as written")
        << u"someday"_s << u"YYYY"_s << u"Posted on"_s << u"Posted on someday"_s;
    QTest::newRow("no post_on_text")
        << u"2024-11-26"_s << u"D MMMM YYYY"_s << QString() << u"26 November 2024"_s;
    QTest::newRow("timestamp") << u"2024-11-26T08:00:00Z"_s << u"MMM D"_s << u"On"_s
                               << u"On Nov 26"_s;
    QTest::newRow("nothing") << QString() << u"YYYY"_s << QString() << QString();
}

void TestArticleHtml::dateLine()
{
    QFETCH(QString, date);
    QFETCH(QString, format);
    QFETCH(QString, postOn);
    QFETCH(QString, expected);
    ArticleContent a;
    a.date = date;
    a.dateFormat = format;
    a.postOnText = postOn;
    QCOMPARE(frontis::articleDateLine(a), expected);
}

void TestArticleHtml::missingFieldsLeaveNoEmptyElements()
{
    ArticleContent a;
    a.text = u"Just text."_s;
    const QString html = frontis::renderArticleHtml(a, {false, {}, false});
    QVERIFY(!html.contains(u"<h1"_s));
    QVERIFY(!html.contains(u"class=\"meta\""_s));
    QVERIFY(html.contains(u"<p>Just text.</p>"_s));
}

void TestArticleHtml::stylesheetsShip()
{
    const QString light = frontis::articleStylesheet(frontis::ArticleTheme::Light);
    const QString dark = frontis::articleStylesheet(frontis::ArticleTheme::Dark);
    QVERIFY(light.contains(u"body"_s));
    QVERIFY(dark.contains(u"body"_s));
    QVERIFY(light != dark);
    // Every colour name of the stylesheet has a value in both themes.
    const QRegularExpression unfilled(u"@[a-z-]+@"_s);
    QVERIFY2(!unfilled.match(light).hasMatch(), qPrintable(unfilled.match(light).captured()));
    QVERIFY2(!unfilled.match(dark).hasMatch(), qPrintable(unfilled.match(dark).captured()));
    // The body colours are what tell them apart: dark text on light, light text on dark.
    const QRegularExpression bodyBackground(u"body \\{[^}]*background-color: #([0-9a-f]{6})"_s);
    const auto lightBg = bodyBackground.match(light);
    const auto darkBg = bodyBackground.match(dark);
    QVERIFY(lightBg.hasMatch() && darkBg.hasMatch());
    const auto brightness = [](const QString& hex) {
        const uint rgb = hex.toUInt(nullptr, 16);
        return ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
    };
    QVERIFY(brightness(lightBg.captured(1)) > 3 * 200);
    QVERIFY(brightness(darkBg.captured(1)) < 3 * 60);
}

QTEST_GUILESS_MAIN(TestArticleHtml)
#include "tst_articlehtml.moc"
