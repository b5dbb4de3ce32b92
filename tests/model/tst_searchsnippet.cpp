#include "model/seo/searchsnippet.h"

#include <QTest>

using namespace frontis;

namespace {

// A width function where every character is 1 px wide: cuts become character counts.
double oneEach(const QString& s)
{
    return double(s.size());
}

// Code points, as the schema counts lengths.
qsizetype codePoints(const QString& s)
{
    qsizetype n = 0;
    for (const QChar c : s)
        n += c.isLowSurrogate() ? 0 : 1;
    return n;
}

} // namespace

class TestSearchSnippet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cutToLength_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qsizetype>("max");
        QTest::addColumn<QString>("kept");
        QTest::addColumn<QString>("lost");
        QTest::newRow("short") << QStringLiteral("a short one") << qsizetype(160)
                               << QStringLiteral("a short one") << QString();
        QTest::newRow("exactly the limit") << QStringLiteral("abcde fghij") << qsizetype(11)
                                           << QStringLiteral("abcde fghij") << QString();
        QTest::newRow("a word crosses the limit")
            << QStringLiteral("abcde fghij") << qsizetype(8) << QStringLiteral("abcde")
            << QStringLiteral("fghij");
        QTest::newRow("a space at the limit") << QStringLiteral("abcde fghij") << qsizetype(5)
                                              << QStringLiteral("abcde") << QStringLiteral("fghij");
        QTest::newRow("the limit just after a space")
            << QStringLiteral("abcde fghij") << qsizetype(6) << QStringLiteral("abcde")
            << QStringLiteral("fghij");
        QTest::newRow("one long word") << QStringLiteral("abcdefghij") << qsizetype(4)
                                       << QStringLiteral("abcd") << QStringLiteral("efghij");
        QTest::newRow("whitespace simplified") << QStringLiteral("  ab\n   cd  ") << qsizetype(160)
                                               << QStringLiteral("ab cd") << QString();
        // A character outside the BMP counts once and is never split.
        QTest::newRow("surrogate pairs")
            << QStringLiteral("\U0001F600\U0001F600\U0001F600 x") << qsizetype(3)
            << QStringLiteral("\U0001F600\U0001F600\U0001F600") << QStringLiteral("x");
        QTest::newRow("surrogate pair at a hard cut")
            << QStringLiteral("ab\U0001F600cd") << qsizetype(3) << QStringLiteral("ab\U0001F600")
            << QStringLiteral("cd");
        QTest::newRow("empty") << QString() << qsizetype(160) << QString() << QString();
    }

    void cutToLength()
    {
        QFETCH(QString, text);
        QFETCH(qsizetype, max);
        QFETCH(QString, kept);
        QFETCH(QString, lost);
        const SearchSnippet::Cut cut = SearchSnippet::cutToLength(text, max);
        QCOMPARE(cut.kept, kept);
        QCOMPARE(cut.lost, lost);
        QCOMPARE(cut.isCut(), !lost.isEmpty());
    }

    void longDescriptionCutsNear160AtAWord()
    {
        // The seed article's description (261 characters).
        const QString text = QStringLiteral(
            "This content discusses how advancements in computing power, particularly through "
            "GPUs and TPUs, have significantly influenced the success and evolution of deep "
            "learning, impacting AI research, model performance, and future directions in "
            "artificial intelligence.");
        const SearchSnippet::Cut cut = SearchSnippet::cutToLength(text);
        QVERIFY(cut.isCut());
        QCOMPARE(cut.kept, QStringLiteral("This content discusses how advancements in computing "
                                          "power, particularly through GPUs and TPUs, have "
                                          "significantly influenced the success and evolution "
                                          "of deep"));
        QCOMPARE(cut.kept.size(), 159);
        QVERIFY(cut.lost.startsWith(QLatin1String("learning, impacting")));
        QCOMPARE(cut.kept + QLatin1Char(' ') + cut.lost, text);
    }

    void everyCutIsAtAWordAndAtMostTheLimit()
    {
        // Growing texts: the kept part never passes 160 and always ends a word.
        QString text;
        for (int i = 0; text.size() < 400; ++i) {
            text += QString(1 + i % 9, QChar(QLatin1Char('a' + i % 26))) + QLatin1Char(' ');
            const SearchSnippet::Cut cut = SearchSnippet::cutToLength(text);
            const QString simplified = text.simplified();
            QVERIFY(codePoints(cut.kept) <= 160);
            if (simplified.size() <= 160) {
                QVERIFY(!cut.isCut());
                continue;
            }
            QVERIFY(cut.isCut());
            QCOMPARE(cut.kept + QLatin1Char(' ') + cut.lost, simplified);
            // The next word would not have fitted.
            QVERIFY(cut.kept.size() + 1 + cut.lost.section(QLatin1Char(' '), 0, 0).size() > 160);
        }
    }

    void cutToWidth_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("max");
        QTest::addColumn<QString>("kept");
        QTest::addColumn<QString>("lost");
        QTest::newRow("fits") << QStringLiteral("aaaa bbbb") << 9.0 << QStringLiteral("aaaa bbbb")
                              << QString();
        // Kept part plus " …" (2 px here) within 20 px.
        QTest::newRow("whole words")
            << QStringLiteral("aaaa bbbb cccc dddd eeee") << 20.0
            << QStringLiteral("aaaa bbbb cccc") << QStringLiteral("dddd eeee");
        QTest::newRow("exactly with the marker")
            << QStringLiteral("aaaa bbbb cccc dddd eeee") << 21.0
            << QStringLiteral("aaaa bbbb cccc dddd") << QStringLiteral("eeee");
        QTest::newRow("one wide word") << QStringLiteral("abcdefghijkl mn") << 6.0
                                       << QStringLiteral("abcd") << QStringLiteral("efghijkl mn");
        QTest::newRow("at least a character")
            << QStringLiteral("abcdef") << 1.0 << QStringLiteral("a") << QStringLiteral("bcdef");
    }

    void cutToWidth()
    {
        QFETCH(QString, text);
        QFETCH(double, max);
        QFETCH(QString, kept);
        QFETCH(QString, lost);
        const SearchSnippet::Cut cut = SearchSnippet::cutToWidth(text, max, oneEach);
        QCOMPARE(cut.kept, kept);
        QCOMPARE(cut.lost, lost);
    }

    void breadcrumb_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        const QString path = QStringLiteral("/learn/computer-science/questions/how-gpus-help");
        QTest::newRow("base and path")
            << QStringLiteral("https://example.org") << path
            << QStringLiteral("https://example.org › learn › computer-science › questions › "
                              "how-gpus-help");
        QTest::newRow("trailing slash and a path in the base")
            << QStringLiteral("https://example.org/site/") << QStringLiteral("/a/b/")
            << QStringLiteral("https://example.org › site › a › b");
        QTest::newRow("no base: the path only")
            << QString() << path
            << QStringLiteral("learn › computer-science › questions › how-gpus-help");
        QTest::newRow("absolute url wins")
            << QStringLiteral("https://example.org") << QStringLiteral("http://other.net/x")
            << QStringLiteral("http://other.net › x");
        QTest::newRow("query and fragment dropped")
            << QStringLiteral("https://example.org") << QStringLiteral("/a?b=c#d")
            << QStringLiteral("https://example.org › a");
        QTest::newRow("percent-decoded")
            << QString() << QStringLiteral("/caf%C3%A9/x%20y") << QStringLiteral("café › x y");
        QTest::newRow("port kept")
            << QStringLiteral("http://localhost:8080") << QStringLiteral("/a")
            << QStringLiteral("http://localhost:8080 › a");
        QTest::newRow("base without a url") << QStringLiteral("https://example.org") << QString()
                                            << QStringLiteral("https://example.org");
        QTest::newRow("nothing") << QString() << QString() << QString();
    }

    void breadcrumb()
    {
        QFETCH(QString, base);
        QFETCH(QString, url);
        QFETCH(QString, expected);
        QCOMPARE(SearchSnippet::breadcrumb(base, url), expected);
    }
};

QTEST_APPLESS_MAIN(TestSearchSnippet)
#include "tst_searchsnippet.moc"
