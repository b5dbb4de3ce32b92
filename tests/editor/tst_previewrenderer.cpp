// The preview's HTML, block by block, and its incremental form: a page made from the previous
// one must be exactly the page a whole render gives, whatever the edit, while rendering only the
// blocks around the change.
#include "../bench/generatearticle.h"
#include "editor/preview/previewrenderer.h"
#include "model/text/markdownrenderer.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using frontis::ArticleContent;
namespace previewrenderer = frontis::previewrenderer;

namespace {

ArticleContent article(const QString& answer)
{
    ArticleContent a;
    a.title = u"The title"_s;
    a.author = u"QuickTakes"_s;
    a.text = answer;
    return a;
}

QString paragraphs(int count)
{
    QStringList parts;
    for (int i = 1; i <= count; ++i)
        parts << u"Paragraph %1 has enough words to be a real paragraph of text."_s.arg(i);
    return parts.join(u"\n\n"_s);
}

// A random edit of the kinds a writer makes, some of which change the blocks around them
// (an opened fence, a setext underline, an indented line, a list marker).
QString edit(const QString& markdown, QRandomGenerator& rng)
{
    static const QStringList inserts = {u"x"_s,
                                        u" "_s,
                                        u"\n"_s,
                                        u"\n\n"_s,
                                        u"\n- item\n"_s,
                                        u"\n2. "_s,
                                        u"\n> "_s,
                                        u"*"_s,
                                        u"**"_s,
                                        u"`"_s,
                                        u"\n```\n"_s,
                                        u"\n```\ncode\n```\n"_s,
                                        u"\n===\n"_s,
                                        u"\n---\n"_s,
                                        u"\n    "_s,
                                        u"\n## Head\n"_s,
                                        u"\n<div>\nraw\n\n"_s,
                                        u"  "_s,
                                        u"\n1. a\n2.\n"_s,
                                        u"["_s,
                                        u"](https://e.org)"_s,
                                        u"\n\n\n\n"_s,
                                        u"> > deep\n"_s};
    QString out = markdown;
    const int at = int(rng.bounded(quint32(out.size() + 1)));
    switch (rng.bounded(4)) {
    case 0: // delete a few characters (also line breaks, fences...)
        out.remove(at, int(rng.bounded(40)));
        break;
    case 1: // a whole line goes
    {
        const qsizetype start = out.lastIndexOf(u'\n', qMax(0, at - 1)) + 1;
        const qsizetype end = out.indexOf(u'\n', at);
        out.remove(start, (end < 0 ? out.size() : end + 1) - start);
        break;
    }
    default:
        out.insert(at, inserts.at(int(rng.bounded(quint32(inserts.size())))));
        break;
    }
    return out;
}

} // namespace

class TestPreviewRenderer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void blockHtmlCarriesAbsoluteLines()
    {
        const previewrenderer::Page page =
            previewrenderer::renderPage(article(u"a\n\n- b\n- c\n\n```\nx\n```"_s), false);
        QCOMPARE(page.blocks.size(), 3);
        QCOMPARE(page.blocks[1].line, 3);
        QCOMPARE(page.blocks[2].line, 6);
        QCOMPARE(page.blocks[2].lastLine, 8);
        // Stored relative to the block, given to Qt absolute.
        QVERIFY(page.blocks[1].html.contains(u"-qt-user-state: +1\""_s));
        const QString html = previewrenderer::blockHtml(page.blocks[1]);
        QVERIFY(html.contains(u"-qt-user-state: 3\""_s));
        QVERIFY(html.contains(u"-qt-user-state: 4\""_s));
        QVERIFY(!html.contains(u'+'));
        QVERIFY(!previewrenderer::toHtml(page).contains(u"data-sourcepos"_s));
    }

    void rendersOnlyAroundTheChange()
    {
        const QString before = paragraphs(200);
        const previewrenderer::Page first = previewrenderer::renderPage(article(before), false);
        QCOMPARE(first.renderedBlocks, 200);
        QString after = before;
        after.replace(u"Paragraph 100 has"_s, u"Paragraph 100 now has"_s);
        const previewrenderer::Page next =
            previewrenderer::renderPage(article(after), false, first);
        // The changed paragraph, the one before it and the one after it that shows where the
        // change ends.
        QCOMPARE(next.renderedBlocks, 3);
        QCOMPARE(next.blocks, previewrenderer::renderPage(article(after), false).blocks);
        QVERIFY(next.blocks[99].html.contains(u"now has"_s));
    }

    void keptBlocksMoveToTheirNewLines()
    {
        const QString before = paragraphs(50);
        const previewrenderer::Page first = previewrenderer::renderPage(article(before), false);
        const QString after = u"New first paragraph.\n\nAnd a second one.\n\n"_s + before;
        const previewrenderer::Page next =
            previewrenderer::renderPage(article(after), false, first);
        QVERIFY(next.renderedBlocks <= 4);
        QCOMPARE(next.blocks.size(), 52);
        QCOMPARE(next.blocks.last().line, 99 + 4);
        QCOMPARE(next.blocks.last().html, first.blocks.last().html);
        QCOMPARE(next.blocks, previewrenderer::renderPage(article(after), false).blocks);
    }

    void changeThatReachesFurtherIsFollowed_data()
    {
        QTest::addColumn<QString>("insert");
        QTest::addColumn<QString>("expect"); // in the block after the changed one
        QTest::newRow("unclosed fence swallows the rest") << u"```\n"_s << u"<code>"_s;
        QTest::newRow("open quote takes in lazy lines") << u"> quote\n"_s << u"Paragraph 21"_s;
        QTest::newRow("setext underline")
            << u"===\n"_s << u"<h1 style=\"-qt-user-state: +0\">Paragraph 20"_s;
    }

    void changeThatReachesFurtherIsFollowed()
    {
        QFETCH(QString, insert);
        QFETCH(QString, expect);
        const QString before = paragraphs(40);
        const previewrenderer::Page first = previewrenderer::renderPage(article(before), false);
        QString after = before;
        const qsizetype at = after.indexOf(u"Paragraph 21 "_s);
        // The underline goes right below paragraph 20, the rest before paragraph 21.
        after.insert(insert.startsWith(u'=') ? at - 1 : at, insert);
        const previewrenderer::Page next =
            previewrenderer::renderPage(article(after), false, first);
        QCOMPARE(next.blocks, previewrenderer::renderPage(article(after), false).blocks);
        bool seen = false;
        for (const previewrenderer::Block& b : next.blocks)
            seen = seen || b.html.contains(expect);
        QVERIFY(seen);
    }

    void linkReferencesRenderWhole()
    {
        const QString before = paragraphs(30) + u"\n\n[ref]: https://example.org/a"_s;
        const previewrenderer::Page first = previewrenderer::renderPage(article(before), false);
        const QString after = u"See [ref].\n\n"_s + before;
        const previewrenderer::Page next =
            previewrenderer::renderPage(article(after), false, first);
        QCOMPARE(next.renderedBlocks, next.blocks.size()); // a definition reaches every block
        QVERIFY(next.blocks.first().html.contains(u"https://example.org/a"_s));
    }

    // Hundreds of random edits in a row, each page made from the one before: every page equals
    // a whole render, and most of them rendered only a few blocks.
    void incrementalEqualsWhole_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed : {1u, 2u, 3u})
            QTest::newRow(qPrintable(u"seed %1"_s.arg(seed))) << seed;
    }

    void incrementalEqualsWhole()
    {
        QFETCH(quint32, seed);
        QRandomGenerator rng(seed);
        QString markdown = frontis::testing::generateAnswerMarkdown(20 * 1024, seed);
        previewrenderer::Page page = previewrenderer::renderPage(article(markdown), false);
        int partial = 0;
        const int edits = 300;
        for (int i = 0; i < edits; ++i) {
            const QString next = edit(markdown, rng);
            const previewrenderer::Page incremental =
                previewrenderer::renderPage(article(next), false, page);
            const previewrenderer::Page whole = previewrenderer::renderPage(article(next), false);
            if (incremental.blocks != whole.blocks) {
                qsizetype k = 0;
                while (k < whole.blocks.size() && k < incremental.blocks.size() &&
                       incremental.blocks[k] == whole.blocks[k])
                    ++k;
                QFAIL(qPrintable(u"edit %1: block %2 differs: %3 | %4"_s.arg(i).arg(k).arg(
                    incremental.blocks.value(k).html.left(200),
                    whole.blocks.value(k).html.left(200))));
            }
            if (incremental.renderedBlocks < whole.blocks.size() / 2)
                ++partial;
            markdown = next;
            page = incremental;
        }
        QVERIFY2(partial > edits / 2, qPrintable(QString::number(partial)));
    }
};

QTEST_MAIN(TestPreviewRenderer)
#include "tst_previewrenderer.moc"
