#include "../bench/generatearticle.h"
#include "editor/preview/previewpane.h"
#include "editor/preview/previewrenderer.h"
#include "palettes.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QDesktopServices>
#include <QDir>
#include <QImage>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;
using frontis::ArticleContent;
using frontis::PreviewPane;

// Receives the URLs QDesktopServices would hand to the system browser.
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public Q_SLOTS:
    void open(const QUrl& url) { urls << url; }
};

namespace {

ArticleContent article(const QString& answer)
{
    ArticleContent a;
    a.title = u"The title"_s;
    a.date = u"2024-11-26"_s;
    a.dateFormat = u"MMM DD, YYYY"_s;
    a.postOnText = u"Posted on"_s;
    a.author = u"QuickTakes"_s;
    a.subject = u"Computer Science"_s;
    a.text = answer;
    return a;
}

// `count` paragraphs "Paragraph N ...", each on its own line with a blank line between, so that
// paragraph N is on Markdown line 2N-1.
QString paragraphs(int count, int from = 1)
{
    QStringList parts;
    for (int i = from; i < from + count; ++i)
        parts << u"Paragraph %1 has enough words to be a real paragraph of text."_s.arg(i);
    return parts.join(u"\n\n"_s);
}

// The text of the block drawn at the top of the viewport.
QString topText(PreviewPane& pane)
{
    return pane.cursorForPosition(QPoint(pane.viewport()->width() / 2, 3)).block().text();
}

} // namespace

class TestPreviewPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsArticleAfterDelay();
    void burstIsOneRender();
    void continuousTypingStillUpdates();
    void asyncRenderShowsLatest();
    void revertDuringRenderShowsCurrentText();
    void keepsScrollPosition_data();
    void keepsScrollPosition();
    void scrollsToSourceLine_data();
    void scrollsToSourceLine();
    void scrollFollowsLinesInOrder();
    void scrollWaitsForPendingUpdate();
    void remoteResourcesAreNotLoaded_data();
    void remoteResourcesAreNotLoaded();
    void remoteImageIsNeverFetched();
    void localImagesLoad();
    void linksOpenOutside();
    void noRawHtml();
    void followsDarkPalette();
    void blocksKnowTheirSourceLines();
    void updatesOnlyTheChangedBlocks();
    void patchedDocumentEqualsFreshOne_data();
    void patchedDocumentEqualsFreshOne();
    void answerSourceIsReadOncePerUpdate();
};

void TestPreviewPane::showsArticleAfterDelay()
{
    PreviewPane pane;
    pane.setArticle(article(u"Hello **world**"_s));
    // Coalesced: nothing yet, then the text after the short delay.
    QVERIFY(!pane.toPlainText().contains(u"Hello"_s));
    QTRY_VERIFY(pane.toPlainText().contains(u"Hello world"_s));
    QVERIFY(pane.toPlainText().contains(u"The title"_s));
    QVERIFY(pane.toPlainText().contains(u"Posted on Nov 26, 2024"_s));
    pane.setTextMarkdown(u"Typed text"_s);
    QTRY_VERIFY(pane.toPlainText().contains(u"Typed text"_s));
    QVERIFY(pane.toPlainText().contains(u"The title"_s)); // the header stays
}

void TestPreviewPane::burstIsOneRender()
{
    PreviewPane pane;
    QSignalSpy rendered(&pane, &PreviewPane::rendered);
    for (int i = 0; i < 20; ++i)
        pane.setTextMarkdown(u"version %1"_s.arg(i));
    QTRY_VERIFY(pane.toPlainText().contains(u"version 19"_s));
    QTest::qWait(500); // past both timers
    QCOMPARE(rendered.count(), 1);
    // Asking for what is shown does not render again.
    pane.setTextMarkdown(u"version 19"_s);
    QTest::qWait(500);
    QCOMPARE(rendered.count(), 1);
}

void TestPreviewPane::continuousTypingStillUpdates()
{
    // Changes closer together than the typing delay, for a second: the longer timer, which
    // changes do not restart, still shows intermediate states.
    PreviewPane pane;
    QSignalSpy rendered(&pane, &PreviewPane::rendered);
    QElapsedTimer clock;
    clock.start();
    int i = 0;
    while (clock.elapsed() < 1000) {
        pane.setTextMarkdown(u"typing %1"_s.arg(++i));
        QTest::qWait(15);
    }
    QVERIFY2(rendered.count() >= 2, qPrintable(QString::number(rendered.count())));
    QTRY_VERIFY(pane.toPlainText().contains(u"typing %1"_s.arg(i)));
}

void TestPreviewPane::asyncRenderShowsLatest()
{
    PreviewPane pane;
    pane.setAsyncThreshold(0); // every render on a worker thread
    QSignalSpy rendered(&pane, &PreviewPane::rendered);
    const QString big = paragraphs(3000);
    for (int i = 0; i < 5; ++i) {
        pane.setTextMarkdown(big + u"\n\nmarker %1"_s.arg(i));
        QTest::qWait(80); // let the timers start renders while others run
    }
    QTRY_VERIFY_WITH_TIMEOUT(pane.toPlainText().contains(u"marker 4"_s), 20000);
    // No older render lands afterwards.
    QTest::qWait(1000);
    QVERIFY(pane.toPlainText().contains(u"marker 4"_s));
    QVERIFY(rendered.count() <= 5);
}

void TestPreviewPane::revertDuringRenderShowsCurrentText()
{
    // The writer types and takes it back while the change renders on a worker: the preview
    // must end with the text as it is, not with the change that was in flight.
    PreviewPane pane;
    pane.setAsyncThreshold(0);
    const QString original = paragraphs(25000) + u"\n\nEnding A"_s;
    pane.setArticle(article(original));
    pane.flush();
    QSignalSpy rendered(&pane, &PreviewPane::rendered);
    pane.setTextMarkdown(paragraphs(25000) + u"\n\nEnding B"_s);
    // B has started (on a fast machine it may already have landed).
    QTRY_VERIFY(pane.isRendering() || rendered.count() > 0);
    pane.setTextMarkdown(original);
    // B lands, then the follow-up render brings back A.
    QTRY_COMPARE_WITH_TIMEOUT(rendered.count(), 2, 30000);
    QVERIFY(pane.toPlainText().endsWith(u"Ending A"_s));
    QVERIFY(!pane.isRendering());
}

void TestPreviewPane::keepsScrollPosition_data()
{
    QTest::addColumn<int>("paragraphCount");
    QTest::newRow("short") << 60;
    QTest::newRow("long: laid out in steps") << 4000;
}

void TestPreviewPane::keepsScrollPosition()
{
    QFETCH(int, paragraphCount);
    PreviewPane pane;
    pane.resize(500, 400);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.setArticle(article(paragraphs(paragraphCount)));
    pane.flush();
    QScrollBar* bar = pane.verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 1000);
    const int position = paragraphCount > 1000 ? 60000 : 800;
    QTRY_VERIFY(bar->maximum() > position);
    bar->setValue(position);
    const QString before = topText(pane);

    QSignalSpy rendered(&pane, &PreviewPane::rendered);
    pane.setTextMarkdown(paragraphs(paragraphCount) + u" Typed at the end."_s);
    QTRY_COMPARE_WITH_TIMEOUT(rendered.count(), 1, 20000);
    QVERIFY(pane.toPlainText().contains(u"Typed at the end."_s));
    QTRY_COMPARE(bar->value(), position);
    QCOMPARE(topText(pane), before);
}

void TestPreviewPane::scrollsToSourceLine_data()
{
    QTest::addColumn<QString>("block");    // Markdown of the block placed at line 41
    QTest::addColumn<QString>("expected"); // text of the preview block that must be at the top
    QTest::newRow("paragraph") << u"Target paragraph here."_s << u"Target paragraph here."_s;
    QTest::newRow("heading") << u"## Target heading"_s << u"Target heading"_s;
    QTest::newRow("list item") << u"- Target item"_s << u"Target item"_s;
    QTest::newRow("ordered item") << u"7. Target item"_s << u"Target item"_s;
    QTest::newRow("blockquote") << u"> Target quote"_s << u"Target quote"_s;
    QTest::newRow("fenced code") << u"```\nTarget code\n```"_s << u"Target code"_s;
}

void TestPreviewPane::scrollsToSourceLine()
{
    QFETCH(QString, block);
    QFETCH(QString, expected);
    PreviewPane pane;
    pane.resize(500, 300);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    // 20 paragraphs take lines 1-39; the block starts on line 41.
    pane.setArticle(article(paragraphs(20) + u"\n\n"_s + block + u"\n\n"_s + paragraphs(20, 21)));
    pane.flush();

    pane.scrollToSourceLine(41);
    QCOMPARE(topText(pane), expected);
    pane.scrollToSourceLine(1);
    QCOMPARE(pane.verticalScrollBar()->value(), 0); // the title shows at the answer's start
    pane.scrollToSourceLine(43); // a blank line after the block: the next paragraph
    if (!block.startsWith(u"```"_s))
        QVERIFY(topText(pane).startsWith(u"Paragraph 21 "_s));
}

void TestPreviewPane::scrollFollowsLinesInOrder()
{
    PreviewPane pane;
    pane.resize(400, 300);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.setArticle(article(paragraphs(40)));
    pane.flush();
    int previous = -1;
    for (int line = 1; line <= 80; ++line) {
        for (const qreal progress : {0.0, 0.5}) {
            pane.scrollToSourceLine(line, progress);
            const int value = pane.verticalScrollBar()->value();
            QVERIFY2(value >= previous, qPrintable(u"line %1"_s.arg(line)));
            previous = value;
        }
    }
    // Halfway through paragraph 10 (line 19) is between its top and paragraph 11's.
    pane.scrollToSourceLine(19);
    const int top10 = pane.verticalScrollBar()->value();
    pane.scrollToSourceLine(21);
    const int top11 = pane.verticalScrollBar()->value();
    pane.scrollToSourceLine(19, 0.5);
    const int half = pane.verticalScrollBar()->value();
    QVERIFY(top10 < half && half < top11);
}

void TestPreviewPane::scrollWaitsForPendingUpdate()
{
    PreviewPane pane;
    pane.resize(500, 300);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.setArticle(article(paragraphs(40)));
    pane.flush();
    // The editor scrolls to a line of text the preview has not rendered yet: nothing is
    // rendered early, and the scroll lands with the update.
    QSignalSpy rendered(&pane, &PreviewPane::rendered);
    pane.setTextMarkdown(u"New first paragraph.\n\n"_s + paragraphs(40));
    pane.scrollToSourceLine(41); // "Paragraph 20" in the new text
    QCOMPARE(rendered.count(), 0);
    QTRY_COMPARE(rendered.count(), 1);
    QCOMPARE(topText(pane), u"Paragraph 20 has enough words to be a real paragraph of text."_s);
}

void TestPreviewPane::remoteResourcesAreNotLoaded_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::newRow("http") << QUrl(u"http://example.com/a.png"_s);
    QTest::newRow("https") << QUrl(u"https://example.com/a.png"_s);
    QTest::newRow("protocol-relative") << QUrl(u"//example.com/a.png"_s);
    QTest::newRow("file on another host") << QUrl(u"file://example.com/share/a.png"_s);
    QTest::newRow("ftp") << QUrl(u"ftp://example.com/a.png"_s);
    QTest::newRow("relative without base") << QUrl(u"images/a.png"_s);
    QTest::newRow("not a regular file") << QUrl(u"/dev/zero"_s);
}

void TestPreviewPane::remoteResourcesAreNotLoaded()
{
    QFETCH(QUrl, url);
    PreviewPane pane;
    QVERIFY(pane.loadResource(QTextDocument::ImageResource, url).isNull());
}

void TestPreviewPane::remoteImageIsNeverFetched()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QSignalSpy connections(&server, &QTcpServer::newConnection);
    const QString url = u"http://127.0.0.1:%1/image.png"_s.arg(server.serverPort());
    PreviewPane pane;
    pane.resize(400, 300);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.setArticle(article(u"An image: ![remote](%1)\n\n[a link](%1)"_s.arg(url)));
    pane.flush();
    pane.repaint();
    QTest::qWait(300);
    QCOMPARE(connections.count(), 0);
    QVERIFY(!server.hasPendingConnections());
}

void TestPreviewPane::localImagesLoad()
{
    QTemporaryDir dir;
    QImage image(4, 4, QImage::Format_RGB32);
    image.fill(Qt::red);
    QVERIFY(image.save(dir.filePath(u"pic.png"_s)));
    PreviewPane pane;
    QVERIFY(pane.loadResource(QTextDocument::ImageResource, QUrl(u"pic.png"_s)).isNull());
    pane.setBaseDirectory(dir.path());
    QVERIFY(!pane.loadResource(QTextDocument::ImageResource, QUrl(u"pic.png"_s)).isNull());
    QVERIFY(!pane.loadResource(QTextDocument::ImageResource,
                               QUrl::fromLocalFile(dir.filePath(u"pic.png"_s)))
                 .isNull());
    // A site-rooted path, as Hugo writes it, is the site's static/ folder, not the disk's root.
    QVERIFY(QDir(dir.path()).mkpath(u"site/static/images"_s));
    QVERIFY(QDir(dir.path()).mkpath(u"site/content/posts"_s));
    QVERIFY(image.save(dir.filePath(u"site/static/images/pic.png"_s)));
    pane.setBaseDirectory(dir.filePath(u"site/content/posts"_s));
    QVERIFY(!pane.loadResource(QTextDocument::ImageResource, QUrl(u"/images/pic.png"_s)).isNull());
    QVERIFY(pane.loadResource(QTextDocument::ImageResource, QUrl(u"/images/none.png"_s)).isNull());
    pane.setBaseDirectory(dir.path());
    // data: images, which cmark's safe mode lets through, are decoded locally.
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    const QUrl data(u"data:image/png;base64,"_s + QString::fromLatin1(png.toBase64()));
    QVERIFY(!pane.loadResource(QTextDocument::ImageResource, data).isNull());
}

void TestPreviewPane::linksOpenOutside()
{
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(u"https"_s, &catcher, "open");
    PreviewPane pane;
    pane.resize(500, 300);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.setArticle(article(u"Go to [the site](https://example.com/page) now."_s));
    pane.flush();
    const QString before = pane.toHtml();
    QSignalSpy opened(&pane, &PreviewPane::externalLinkOpened);

    const QTextCursor link = pane.document()->find(u"the site"_s);
    QVERIFY(!link.isNull());
    QTextCursor middle = link;
    middle.setPosition(link.selectionStart() + 3);
    const QPoint at = pane.cursorRect(middle).center();
    QTest::mouseClick(pane.viewport(), Qt::LeftButton, {}, at);

    QDesktopServices::unsetUrlHandler(u"https"_s);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(catcher.urls, QList<QUrl>{QUrl(u"https://example.com/page"_s)});
    // Nothing was loaded inside: same document, no source.
    QVERIFY(pane.source().isEmpty());
    QCOMPARE(pane.toHtml(), before);
}

void TestPreviewPane::noRawHtml()
{
    PreviewPane pane;
    pane.setArticle(
        article(u"<b>bold?</b> <script>x()</script>\n\n<table><tr><td>cell</td></tr></table>"_s));
    pane.flush();
    // cmark's safe mode leaves out HTML blocks and tags; text between inline tags stays text.
    QVERIFY(!pane.toPlainText().contains(u"cell"_s));
    const QTextCursor bold = pane.document()->find(u"bold?"_s);
    QVERIFY(!bold.isNull());
    QVERIFY(bold.charFormat().fontWeight() < QFont::Bold);
    QVERIFY(pane.toPlainText().contains(u"x()"_s)); // shown, never run
}

void TestPreviewPane::followsDarkPalette()
{
    QWidget window;
    auto* layout = new QVBoxLayout(&window);
    auto* pane = new PreviewPane;
    layout->addWidget(pane);
    window.setPalette(testpalettes::light());
    window.resize(400, 300);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    pane->setArticle(article(u"Text"_s));
    pane->flush();
    QVERIFY(!pane->isDark());
    QVERIFY(pane->viewport()->palette().color(QPalette::Base).lightness() > 200);
    const QColor lightText = pane->document()->firstBlock().charFormat().foreground().color();

    QSignalSpy rendered(pane, &PreviewPane::rendered);
    window.setPalette(testpalettes::dark());
    QVERIFY(pane->isDark());
    QCOMPARE(rendered.count(), 1); // re-rendered at once, not after the typing delay
    QVERIFY(pane->viewport()->palette().color(QPalette::Base).lightness() < 60);
    QVERIFY(pane->document()->defaultStyleSheet().contains(u"#161b22"_s));
    // The rendered text colour follows: the title is light on dark.
    const QTextCursor title = pane->document()->find(u"The title"_s);
    QVERIFY(title.charFormat().foreground().color().lightness() > 150);
    Q_UNUSED(lightText)
}

void TestPreviewPane::blocksKnowTheirSourceLines()
{
    const QString html =
        frontis::previewrenderer::render(article(u"a\n\n- b\n- c\n\n```\nx\n```"_s), false);
    QVERIFY(!html.contains(u"data-sourcepos"_s));
    PreviewPane pane;
    pane.setArticle(article(u"a\n\n- b\n- c\n\n```\nx\n```\n\n> q"_s));
    pane.flush();
    const auto stateOf = [&](const QString& text) {
        for (QTextBlock b = pane.document()->begin(); b.isValid(); b = b.next()) {
            if (b.text() == text)
                return b.userState();
        }
        return -2;
    };
    QCOMPARE(stateOf(u"a"_s), 1);
    QCOMPARE(stateOf(u"b"_s), 3);
    QCOMPARE(stateOf(u"c"_s), 4);
    QCOMPARE(stateOf(u"x"_s), 6);
    QCOMPARE(stateOf(u"q"_s), 10);
    QCOMPARE(stateOf(u"The title"_s), -1); // the header is not from the Markdown
}

void TestPreviewPane::updatesOnlyTheChangedBlocks()
{
    PreviewPane pane;
    pane.resize(500, 400);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.setArticle(article(paragraphs(40)));
    pane.flush();
    QVERIFY(pane.lastUpdate().rebuilt);
    const auto stateOf = [&](const QString& start) {
        for (QTextBlock b = pane.document()->begin(); b.isValid(); b = b.next()) {
            if (b.text().startsWith(start))
                return b.userState();
        }
        return -2;
    };

    // Typing in paragraph 20: that paragraph is rendered again (with its neighbours, to see
    // where the change ends) and only it is replaced in the document.
    QString text = paragraphs(40);
    text.replace(u"Paragraph 20 has"_s, u"Paragraph 20 now has"_s);
    pane.setTextMarkdown(text);
    pane.flush();
    QVERIFY(!pane.lastUpdate().rebuilt);
    QCOMPARE(pane.lastUpdate().blocksReplaced, 1);
    QCOMPARE(pane.lastUpdate().blocksInserted, 1);
    QVERIFY(pane.lastUpdate().blocksRendered <= 3);
    QVERIFY(pane.toPlainText().contains(u"Paragraph 20 now has"_s));
    QCOMPARE(stateOf(u"Paragraph 20 "_s), 39);

    // A paragraph before all others: one block in, the rest moved two lines down.
    pane.setTextMarkdown(u"A new start.\n\n"_s + text);
    pane.flush();
    QVERIFY(!pane.lastUpdate().rebuilt);
    QCOMPARE(pane.lastUpdate().blocksReplaced, 0);
    QCOMPARE(pane.lastUpdate().blocksInserted, 1);
    QCOMPARE(stateOf(u"A new start."_s), 1);
    QCOMPARE(stateOf(u"Paragraph 1 "_s), 3);
    QCOMPARE(stateOf(u"Paragraph 40 "_s), 81);
    // Scroll sync follows the moved lines.
    pane.scrollToSourceLine(41);
    QVERIFY(topText(pane).startsWith(u"Paragraph 20 now has"_s));
}

void TestPreviewPane::patchedDocumentEqualsFreshOne_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<bool>("header");
    QTest::newRow("with a header") << 5u << true;
    QTest::newRow("without a header") << 6u << false;
}

// A long series of edits, each patched into the shown document, leaves exactly the document a
// fresh pane builds from the same article: every block's format, text and source line.
void TestPreviewPane::patchedDocumentEqualsFreshOne()
{
    QFETCH(quint32, seed);
    QFETCH(bool, header);
    QRandomGenerator rng(seed);
    static const QStringList inserts = {
        u"x"_s,          u"\n\n"_s,         u"\n- item\n"_s,   u"\n2. "_s,
        u"\n> "_s,       u"**"_s,           u"\n```\n"_s,      u"\n===\n"_s,
        u"\n---\n"_s,    u"\n    code\n"_s, u"\n1. a\n2.\n"_s, u"\n<div>\nraw\n\n"_s,
        u"\n## Head\n"_s};
    ArticleContent a = article(frontis::testing::generateAnswerMarkdown(8 * 1024, seed));
    if (!header)
        a = ArticleContent{QString(), QString(), QString(), QString(),
                           QString(), QString(), QString(), a.text};
    PreviewPane pane;
    pane.resize(600, 400);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.setArticle(a);
    pane.flush();
    int patched = 0;
    for (int i = 0; i < 120; ++i) {
        QString& md = a.text;
        const int at = int(rng.bounded(quint32(md.size() + 1)));
        if (rng.bounded(3) == 0)
            md.remove(at, int(rng.bounded(60)));
        else
            md.insert(at, inserts.at(int(rng.bounded(quint32(inserts.size())))));
        if (header && i % 25 == 0)
            a.title = u"Title %1"_s.arg(i); // the header changes too, now and then
        pane.setArticle(a);
        pane.flush();
        patched += pane.lastUpdate().rebuilt ? 0 : 1;

        PreviewPane fresh;
        fresh.resize(600, 400);
        fresh.setArticle(a);
        fresh.flush();
        QVERIFY(fresh.lastUpdate().rebuilt);
        if (pane.document()->toHtml() != fresh.document()->toHtml()) {
            const QStringList got = pane.document()->toHtml().split(u'\n');
            const QStringList want = fresh.document()->toHtml().split(u'\n');
            qsizetype k = 0;
            while (k < got.size() && k < want.size() && got[k] == want[k])
                ++k;
            QFAIL(qPrintable(u"edit %1, line %2:\n%3\n%4"_s.arg(i).arg(k).arg(
                got.value(k).left(300), want.value(k).left(300))));
        }
    }
    QVERIFY2(patched > 80, qPrintable(QString::number(patched)));
}

void TestPreviewPane::answerSourceIsReadOncePerUpdate()
{
    PreviewPane pane;
    pane.setArticle(article(u"Start"_s));
    pane.flush();
    int reads = 0;
    QString text = u"Start"_s;
    pane.setTextSource([&] {
        ++reads;
        return text;
    });
    QSignalSpy rendered(&pane, &PreviewPane::rendered);
    for (int i = 0; i < 30; ++i) { // a burst of keystrokes: each only marks the answer changed
        text += u'x';
        pane.textEdited();
    }
    QCOMPARE(reads, 0);
    QVERIFY(rendered.wait(2000));
    QCOMPARE(reads, 1);
    QVERIFY(pane.toPlainText().contains(u"Start"_s + QString(30, u'x')));
    // A whole article given afterwards wins over the source, which is read again only when
    // marked changed again.
    pane.setArticle(article(u"From the document"_s));
    pane.flush();
    QVERIFY(pane.toPlainText().contains(u"From the document"_s));
    QCOMPARE(reads, 1);
}

QTEST_MAIN(TestPreviewPane)
#include "tst_previewpane.moc"
