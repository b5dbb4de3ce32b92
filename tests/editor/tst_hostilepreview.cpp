// The preview under hostile Markdown (issue 10): raw HTML, javascript: and data: links, remote
// images and 10,000 nested blockquotes render inertly, nothing is fetched from the network (a
// local HTTP port must receive no connection) and each render stays within the CPU budget of one
// hostile file (tests/model/cpubudget.h).
#include "../model/cpubudget.h"
#include "editor/preview/previewpane.h"

#include <QDesktopServices>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

using namespace Qt::Literals::StringLiterals;
using frontis::ArticleContent;
using frontis::PreviewPane;

// Receives the URLs QDesktopServices would hand to the system.
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
    a.title = u"Hostile"_s;
    a.date = u"2024-11-26"_s;
    a.dateFormat = u"MMM DD, YYYY"_s;
    a.author = u"QuickTakes"_s;
    a.text = answer;
    return a;
}

// Every link target and image source in the shown document.
QStringList targets(const QTextDocument& doc)
{
    QStringList out;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            if (f.isAnchor())
                out << f.anchorHref();
            if (f.isImageFormat())
                out << f.toImageFormat().name();
        }
    }
    return out;
}

// Shows the pane, renders what is pending and paints it, scrolled to the top and the bottom.
void showAndPaint(PreviewPane& pane)
{
    pane.flush();
    pane.repaint();
    pane.verticalScrollBar()->setValue(pane.verticalScrollBar()->maximum());
    pane.repaint();
    pane.verticalScrollBar()->setValue(0);
}

} // namespace

class TestHostilePreview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Everything that could make a browser fetch something points at a local port: the pane
    // shows the article (in both the synchronous and the worker-thread render) and the port
    // never sees a connection.
    void fetchesNothing()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QSignalSpy connections(&server, &QTcpServer::newConnection);
        const QString base = u"http://127.0.0.1:%1"_s.arg(server.serverPort());
        const QString markdown = uR"(# Remote things

![inline image](%1/inline.png) and ![titled](%1/titled.png "title")

![reference image][ref] and [![image in a link](%1/inlink.png)](%1/target)

[ref]: %1/reference.png

<img src="%1/raw-img.png"> <iframe src="%1/iframe"></iframe>
<link rel="stylesheet" href="%1/style.css">
<style>@import url("%1/import.css"); body { background: url(%1/bg.png) }</style>
<video src="%1/video.mp4" poster="%1/poster.png"></video> <audio src="%1/a.mp3"></audio>
<object data="%1/object"></object> <embed src="%1/embed">
<svg><image href="%1/svg.png"/></svg>
<meta http-equiv="refresh" content="0; url=%1/refresh">
<table background="%1/table-bg.png"><tr><td background="%1/td-bg.png">cell</td></tr></table>

Protocol-relative: ![pr](//127.0.0.1:%2/pr.png). Autolink: <%1/autolink>.
A plain [link](%1/link) is only followed when clicked, in the system browser.
)"_s.arg(base)
                                     .arg(server.serverPort());
        ArticleContent a = article(markdown);
        a.title = u"<img src=\"%1/title.png\">"_s.arg(base);
        a.author = u"<img src=\"%1/author.png\">"_s.arg(base);

        for (const bool async : {false, true}) {
            PreviewPane pane;
            pane.resize(600, 400);
            pane.show();
            QVERIFY(QTest::qWaitForWindowExposed(&pane));
            QSignalSpy rendered(&pane, &PreviewPane::rendered);
            if (async) {
                pane.setAsyncThreshold(0);
                pane.setArticle(a);
                QVERIFY(rendered.wait(5000));
            } else {
                pane.setArticle(a);
            }
            showAndPaint(pane);
            QVERIFY(pane.toPlainText().contains(u"Remote things"_s));
            // The images are there (as names only) and were asked of loadResource(), which
            // refuses the network.
            QVERIFY2(targets(*pane.document()).contains(base + u"/inline.png"_s),
                     qPrintable(targets(*pane.document()).join(u'\n')));
            QTest::qWait(300); // time for any request that was started to arrive
            QCOMPARE(connections.count(), 0);
            QVERIFY(!server.hasPendingConnections());
        }
    }

    // Raw HTML is never rendered as HTML, and no link or image in the shown document points to
    // javascript:, vbscript: or a data: page: cmark's safe mode leaves those targets empty.
    void inertMarkup_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("visible"); // text that must still show
        QTest::newRow("script") << u"before\n\n<script>document.write('gone')</script>\n\nafter"_s
                                << u"after"_s;
        QTest::newRow("event handlers")
            << u"<b onmouseover=\"alert(1)\">hover</b> <img src=x onerror=alert(1)>"_s
            << u"hover"_s;
        QTest::newRow("javascript links")
            << u"[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](java&#115;cript:x) "
               u"<javascript:alert(1)>"_s
            << u"a b c"_s;
        QTest::newRow("vbscript link") << u"[v](vbscript:msgbox)"_s << u"v"_s;
        QTest::newRow("data links")
            << u"[page](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) "
               u"[svg](data:image/svg+xml,<svg onload=alert(1)>)"_s
            << u"page"_s;
        QTest::newRow("form") << u"<form action=\"x\"><input value=\"typed\"></form>\n\ntext"_s
                              << u"text"_s;
    }

    void inertMarkup()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, visible);
        PreviewPane pane;
        pane.resize(500, 300);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        pane.setArticle(article(markdown));
        showAndPaint(pane);
        QVERIFY2(pane.toPlainText().contains(visible), qPrintable(pane.toPlainText()));
        QVERIFY(!pane.toPlainText().contains(u"gone"_s));
        for (const QString& t : targets(*pane.document())) {
            const QString scheme = QUrl(t.trimmed()).scheme().toLower();
            QVERIFY2(scheme != u"javascript"_s && scheme != u"vbscript"_s && scheme != u"data"_s,
                     qPrintable(t));
        }
        // Raw HTML does not turn into Qt rich text: no bold from <b>, no table from <table>.
        const QString html = pane.toHtml();
        QVERIFY(!html.contains(u"font-weight:700"_s) || markdown.contains(u"**"_s));
        QVERIFY(!html.contains(u"onmouseover"_s, Qt::CaseInsensitive));
    }

    // Clicking a javascript:, data:, vbscript: or file: link opens nothing, inside the pane or
    // outside it.
    void dangerousLinksOpenNothing_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("text");
        QTest::newRow("javascript")
            << u"Click [the link](javascript:alert(1)) now."_s << u"the link"_s;
        QTest::newRow("data page")
            << u"Click [the link](data:text/html,<script>alert(1)</script>) now."_s
            << u"the link"_s;
        QTest::newRow("vbscript") << u"Click [the link](vbscript:msgbox) now."_s << u"the link"_s;
        QTest::newRow("file") << u"Click [the link](file:///etc/passwd) now."_s << u"the link"_s;
        QTest::newRow("autolink") << u"Click <javascript:alert(1)> now."_s << u"alert"_s;
    }

    void dangerousLinksOpenNothing()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, text);
        UrlCatcher catcher;
        const QStringList schemes = {u"javascript"_s, u"data"_s, u"vbscript"_s,
                                     u"file"_s,       u"http"_s, u"https"_s};
        for (const QString& scheme : schemes)
            QDesktopServices::setUrlHandler(scheme, &catcher, "open");
        PreviewPane pane;
        pane.resize(500, 300);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        pane.setArticle(article(markdown));
        pane.flush();
        const QString before = pane.toHtml();
        QSignalSpy opened(&pane, &PreviewPane::externalLinkOpened);

        const QTextCursor found = pane.document()->find(text);
        QVERIFY(!found.isNull());
        QTextCursor middle = found;
        middle.setPosition(found.selectionStart() + 2);
        QTest::mouseClick(pane.viewport(), Qt::LeftButton, {}, pane.cursorRect(middle).center());
        QTest::qWait(50);

        for (const QString& scheme : schemes)
            QDesktopServices::unsetUrlHandler(scheme);
        QCOMPARE(opened.count(), 0);
        QCOMPARE(catcher.urls, QList<QUrl>());
        QVERIFY(pane.source().isEmpty());
        QCOMPARE(pane.toHtml(), before);
    }

    // Deep nesting renders, lays out, paints and scrolls within the budget, on the GUI thread
    // and on the worker; the pane then still follows the next edit.
    void deepNesting_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::newRow("10,000 nested blockquotes") << QString(10000, u'>') + u" deep"_s;
        QTest::newRow("10,000 nested blockquotes, spaced")
            << QString(u"> "_s).repeated(10000) + u"deep"_s;
        QTest::newRow("200 quote lines, 1 to 10,000 deep") << [] {
            QString s;
            for (int i = 1; i <= 10000; i += 50)
                s += QString(i, u'>') + u" deep\n"_s;
            return s;
        }();
        QTest::newRow("10,000 nested lists") << QString(u"- "_s).repeated(10000) + u"deep"_s;
    }

    void deepNesting()
    {
        QFETCH(QString, markdown);
        for (const bool async : {false, true}) {
            PreviewPane pane;
            pane.resize(600, 400);
            pane.show();
            QVERIFY(QTest::qWaitForWindowExposed(&pane));
            QSignalSpy rendered(&pane, &PreviewPane::rendered);
            QElapsedTimer timer;
            timer.start();
            const qint64 cpu = cpubudget::processMs();
            pane.setAsyncThreshold(async ? 0 : 1 << 30);
            pane.setArticle(article(markdown));
            if (async)
                QVERIFY(rendered.wait(20000));
            showAndPaint(pane);
            pane.scrollToSourceLine(5000);
            pane.repaint();
            const qint64 used = cpubudget::processMs() - cpu;
            qInfo("%s, %s: %lld ms, %lld ms of CPU", QTest::currentDataTag(),
                  async ? "worker" : "GUI thread", static_cast<long long>(timer.elapsed()),
                  static_cast<long long>(used));
            QVERIFY2(used <= cpubudget::budgetMs(),
                     qPrintable(u"%1 ms of CPU, budget %2"_s.arg(used).arg(cpubudget::budgetMs())));
            QVERIFY(pane.toPlainText().contains(u"deep"_s));

            // Still responsive: the next edit shows.
            pane.setTextMarkdown(u"Plain again"_s);
            pane.flush();
            QVERIFY(pane.toPlainText().contains(u"Plain again"_s));
        }
    }
};

QTEST_MAIN(TestHostilePreview)
#include "tst_hostilepreview.moc"
