#include "model/text/answercodec.h"
#include "testutil.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestAnswerCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_data();
    void decode();
    void encode_data();
    void encode();
    void markdownRoundTrip_data();
    void markdownRoundTrip();
    void storedRoundTrip_data();
    void storedRoundTrip();
    void losslessness_data();
    void losslessness();
    void seed();
};

void TestAnswerCodec::decode_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("markdown");
    QTest::newRow("one break") << u"a\\nb"_s << u"a\nb"_s;
    QTest::newRow("paragraphs") << u"a\\n\\n1. **b**"_s << u"a\n\n1. **b**"_s;
    QTest::newRow("no escapes") << u"plain text"_s << u"plain text"_s;
    QTest::newRow("other escapes stay") << u"a\\tb \\\" \\\\"_s << u"a\\tb \\\" \\\\"_s;
    // The documented ambiguity: a stored Windows path loses its "\n".
    QTest::newRow("literal backslash-n") << u"C:\\new"_s << u"C:\new"_s;
    QTest::newRow("backslash before escape") << u"x\\\\ny"_s << u"x\\\ny"_s;
    QTest::newRow("trailing backslash") << u"end\\"_s << u"end\\"_s;
    QTest::newRow("raw break kept") << u"a\nb"_s << u"a\nb"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestAnswerCodec::decode()
{
    QFETCH(QString, stored);
    QFETCH(QString, markdown);
    QCOMPARE(frontis::decodeAnswer(stored), markdown);
}

void TestAnswerCodec::encode_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("stored");
    QTest::newRow("LF") << u"a\nb"_s << u"a\\nb"_s;
    QTest::newRow("CRLF") << u"a\r\nb"_s << u"a\\nb"_s;
    QTest::newRow("CR") << u"a\rb"_s << u"a\\nb"_s;
    QTest::newRow("CRLF pair and LF") << u"a\r\n\nb"_s << u"a\\n\\nb"_s;
    QTest::newRow("list") << u"x\n\n1. y\n2. z\n"_s << u"x\\n\\n1. y\\n2. z\\n"_s;
    QTest::newRow("unicode and tab") << u"ü\t🎉 — “q”"_s << u"ü\t🎉 — “q”"_s;
    QTest::newRow("backslashes stay") << u"a\\b\\"_s << u"a\\b\\"_s;
}

void TestAnswerCodec::encode()
{
    QFETCH(QString, markdown);
    QFETCH(QString, stored);
    QCOMPARE(frontis::encodeAnswer(markdown), stored);
}

void TestAnswerCodec::markdownRoundTrip_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::newRow("paragraphs") << u"One.\n\nTwo **bold**.\n"_s;
    QTest::newRow("code") << u"```\ncode\\t here\n```"_s;
    QTest::newRow("trailing backslash") << u"line\\\nnext"_s;
    QTest::newRow("blank lines only") << u"\n\n\n"_s;
}

void TestAnswerCodec::markdownRoundTrip()
{
    QFETCH(QString, markdown);
    QVERIFY(frontis::encodesLosslessly(markdown));
    const QString stored = frontis::encodeAnswer(markdown);
    QVERIFY(!stored.contains(u'\n'));
    QCOMPARE(frontis::decodeAnswer(stored), markdown);
}

void TestAnswerCodec::storedRoundTrip_data()
{
    QTest::addColumn<QString>("stored");
    QTest::newRow("escapes") << u"a\\n\\nb"_s;
    QTest::newRow("backslash pairs") << u"x\\\\ny \\\\\\n"_s;
    QTest::newRow("other escapes") << u"\\t\\r\\\\"_s;
    QTest::newRow("trailing backslash") << u"end\\"_s;
}

void TestAnswerCodec::storedRoundTrip()
{
    QFETCH(QString, stored);
    QCOMPARE(frontis::encodeAnswer(frontis::decodeAnswer(stored)), stored);
}

void TestAnswerCodec::losslessness_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<bool>("lossless");
    QTest::newRow("line breaks") << u"a\nb"_s << true;
    QTest::newRow("other backslashes") << u"a\\tb \\*"_s << true;
    QTest::newRow("windows path") << u"C:\\new"_s << false;
    QTest::newRow("code sample") << u"`printf(\"\\n\")`"_s << false;
}

void TestAnswerCodec::losslessness()
{
    QFETCH(QString, markdown);
    QFETCH(bool, lossless);
    QCOMPARE(frontis::encodesLosslessly(markdown), lossless);
    QCOMPARE(frontis::decodeAnswer(frontis::encodeAnswer(markdown)) == markdown, lossless);
}

void TestAnswerCodec::seed()
{
    const QString stored = testutil::seedAnswer();
    if (stored.isEmpty())
        QSKIP("No seed article under FRONTIS_SHARED_DIR/seed");
    const QString markdown = frontis::decodeAnswer(stored);
    QVERIFY(markdown.contains(u"in recent years. The evolution"_s));
    QVERIFY(markdown.contains(u"constraints.\n\n1. **Increased Computational Capacity**"_s));
    QVERIFY(!markdown.contains(u"\\n"_s));
    QCOMPARE(markdown.count(u"\n\n"_s), 6);
    QCOMPARE(frontis::encodeAnswer(markdown), stored);
}

QTEST_GUILESS_MAIN(TestAnswerCodec)
#include "tst_answercodec.moc"
