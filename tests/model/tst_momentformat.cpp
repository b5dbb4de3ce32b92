#include "model/schema/momentformat.h"

#include <QLocale>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestMomentFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void format_data();
    void format();
    void englishWhateverTheLocale();
    void invalidDate();
    void parse_data();
    void parse();
};

void TestMomentFormat::format_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected");
    const QDate seed(2024, 11, 26); // a Tuesday
    QTest::newRow("seed") << seed << u"MMM DD, YYYY"_s << u"Nov 26, 2024"_s;
    QTest::newRow("long") << seed << u"dddd, MMMM Do YYYY"_s << u"Tuesday, November 26th 2024"_s;
    QTest::newRow("numeric") << QDate(2024, 3, 5) << u"YYYY-MM-DD"_s << u"2024-03-05"_s;
    QTest::newRow("unpadded") << QDate(2024, 3, 5) << u"M/D/YY"_s << u"3/5/24"_s;
    QTest::newRow("short weekday") << seed << u"ddd D MMM"_s << u"Tue 26 Nov"_s;
    QTest::newRow("min weekday, weekday number") << seed << u"dd d"_s << u"Tu 2"_s;
    QTest::newRow("sunday is 0") << QDate(2024, 12, 1) << u"d dddd"_s << u"0 Sunday"_s;
    QTest::newRow("bracket literal")
        << seed << u"[Posted] D [of] MMMM"_s << u"Posted 26 of November"_s;
    QTest::newRow("tokens inside brackets stay")
        << seed << u"[YYYY MM] YYYY"_s << u"YYYY MM 2024"_s;
    QTest::newRow("unclosed bracket is literal") << seed << u"[YYYY"_s << u"[2024"_s;
    QTest::newRow("other characters copied")
        << seed << u"DD.MM.YYYY \u2014 ok!"_s << u"26.11.2024 \u2014 ok!"_s;
    QTest::newRow("ordinal 1st") << QDate(2024, 1, 1) << u"Do"_s << u"1st"_s;
    QTest::newRow("ordinal 2nd") << QDate(2024, 1, 2) << u"Do"_s << u"2nd"_s;
    QTest::newRow("ordinal 3rd") << QDate(2024, 1, 3) << u"Do"_s << u"3rd"_s;
    QTest::newRow("ordinal 11th") << QDate(2024, 1, 11) << u"Do"_s << u"11th"_s;
    QTest::newRow("ordinal 12th") << QDate(2024, 1, 12) << u"Do"_s << u"12th"_s;
    QTest::newRow("ordinal 13th") << QDate(2024, 1, 13) << u"Do"_s << u"13th"_s;
    QTest::newRow("ordinal 21st") << QDate(2024, 1, 21) << u"Do"_s << u"21st"_s;
    QTest::newRow("ordinal 22nd") << QDate(2024, 1, 22) << u"Do"_s << u"22nd"_s;
    QTest::newRow("DDo is DD then o") << QDate(2024, 1, 2) << u"DDo"_s << u"02o"_s;
    QTest::newRow("month ordinal") << seed << u"Mo"_s << u"11th"_s;
    QTest::newRow("day of year") << QDate(2024, 2, 1) << u"DDDD DDD"_s << u"032 32"_s;
    QTest::newRow("quarter") << seed << u"Q"_s << u"4"_s;
    QTest::newRow("time tokens are midnight")
        << seed << u"YYYY HH:mm:ss h A"_s << u"2024 00:00:00 12 AM"_s;
    QTest::newRow("YY pads") << QDate(2005, 1, 1) << u"YY"_s << u"05"_s;
    QTest::newRow("empty format") << seed << QString() << QString();
}

void TestMomentFormat::format()
{
    QFETCH(QDate, date);
    QFETCH(QString, format);
    QFETCH(QString, expected);
    QCOMPARE(frontis::formatMomentDate(date, format), expected);
}

void TestMomentFormat::englishWhateverTheLocale()
{
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const QString text = frontis::formatMomentDate(QDate(2024, 3, 26), u"dddd MMMM"_s);
    QLocale::setDefault(before);
    QCOMPARE(text, u"Tuesday March"_s);
}

void TestMomentFormat::invalidDate()
{
    QCOMPARE(frontis::formatMomentDate(QDate(), u"YYYY"_s), QString());
}

void TestMomentFormat::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("expected");
    QTest::newRow("date") << u"2024-11-26"_s << QDate(2024, 11, 26);
    QTest::newRow("spaces") << u"  2024-11-26 "_s << QDate(2024, 11, 26);
    QTest::newRow("iso timestamp") << u"2024-11-26T10:00:00Z"_s << QDate(2024, 11, 26);
    QTest::newRow("jekyll timestamp") << u"2024-11-26 10:00:00 +0000"_s << QDate(2024, 11, 26);
    QTest::newRow("no day") << u"2024-11"_s << QDate();
    QTest::newRow("not a date") << u"yesterday!"_s << QDate();
    QTest::newRow("invalid day") << u"2024-02-30"_s << QDate();
    QTest::newRow("digits run on") << u"2024-11-260"_s << QDate();
}

void TestMomentFormat::parse()
{
    QFETCH(QString, text);
    QFETCH(QDate, expected);
    QCOMPARE(frontis::parseArticleDate(text), expected);
}

QTEST_GUILESS_MAIN(TestMomentFormat)
#include "tst_momentformat.moc"
