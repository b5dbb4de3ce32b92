#include "model/yaml/yamltypes.h"

#include <QTest>

using frontis::yaml::PlainType;
using namespace Qt::Literals::StringLiterals;
Q_DECLARE_METATYPE(frontis::yaml::PlainType)

class TestYamlTypes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resolve_data();
    void resolve();
    void readsAsString_data();
    void readsAsString();
    void canBePlain_data();
    void canBePlain();
    void isValidLiteral_data();
    void isValidLiteral();
};

void TestYamlTypes::resolve_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<PlainType>("yaml12");
    QTest::addColumn<PlainType>("yaml11");

    using T = PlainType;
    auto row = [](const char* text, T v12, T v11) {
        QTest::addRow("%s", text) << QString::fromUtf8(text) << v12 << v11;
    };
    row("plain words", T::String, T::String);
    row("Computer Science", T::String, T::String);
    row("true", T::Bool, T::Bool);
    row("True", T::Bool, T::Bool);
    row("FALSE", T::Bool, T::Bool);
    row("tRUE", T::String, T::String);
    row("yes", T::String, T::Bool);
    row("Yes", T::String, T::Bool);
    row("yES", T::String, T::String);
    row("no", T::String, T::Bool);
    row("on", T::String, T::Bool);
    row("OFF", T::String, T::Bool);
    row("y", T::String, T::Bool);
    row("N", T::String, T::Bool);
    row("null", T::Null, T::Null);
    row("NULL", T::Null, T::Null);
    row("nULL", T::String, T::String);
    row("~", T::Null, T::Null);
    row("", T::Null, T::Null);
    row("0", T::Int, T::Int);
    row("-1", T::Int, T::Int);
    row("+12", T::Int, T::Int);
    row("0x1F", T::Int, T::Int);
    row("0o17", T::Int, T::String);
    row("0b101", T::String, T::Int);
    row("017", T::Int, T::Int); // 15 in YAML 1.1, 17 in 1.2
    row("08", T::Int, T::String);
    row("1_000", T::String, T::Int);
    row("1:20", T::String, T::Int);
    row("190:20:30", T::String, T::Int);
    row("1.0", T::Float, T::Float);
    row("-1.0", T::Float, T::Float);
    row(".5", T::Float, T::Float);
    row("1.", T::Float, T::Float);
    row("1e5", T::Float, T::Float);
    row("1.0e+5", T::Float, T::Float);
    row("1_000.5", T::String, T::Float);
    row("190:20:30.15", T::String, T::Float);
    row("1.2.3", T::String, T::Float); // the published 1.1 pattern allows more dots
    row(".inf", T::Float, T::Float);
    row("-.Inf", T::Float, T::Float);
    row(".NaN", T::Float, T::Float);
    row(".nan", T::Float, T::Float);
    row(".", T::String, T::String);
    row("2024-01-01", T::String, T::Timestamp);
    row("2024-02-30", T::String, T::Timestamp); // resolution is by pattern, not calendar
    row("2024-1-1", T::String, T::String);
    row("2001-12-14t21:59:43.10-05:00", T::String, T::Timestamp);
    row("2001-12-14 21:59:43.10 -5", T::String, T::Timestamp);
    row("2001-12-15T02:59:43.1Z", T::String, T::Timestamp);
    row("2001-12-14 21:59", T::String, T::String);
    row("<<", T::String, T::Other);
    row("=", T::String, T::Other);
    row("MMM DD, YYYY", T::String, T::String);
}

void TestYamlTypes::resolve()
{
    QFETCH(QString, text);
    QFETCH(PlainType, yaml12);
    QFETCH(PlainType, yaml11);
    QCOMPARE(frontis::yaml::resolve12(text), yaml12);
    QCOMPARE(frontis::yaml::resolve11(text), yaml11);
}

void TestYamlTypes::readsAsString_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("expected");
    QTest::newRow("words") << u"plain words"_s << true;
    QTest::newRow("seed subject") << u"Computer Science"_s << true;
    QTest::newRow("1.2 only int") << u"0o17"_s << false;
    QTest::newRow("1.1 only bool") << u"yes"_s << false;
    QTest::newRow("1.1 only int") << u"1:20"_s << false;
    QTest::newRow("1.1 only date") << u"2024-01-01"_s << false;
    QTest::newRow("both float") << u"-1.0"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestYamlTypes::readsAsString()
{
    QFETCH(QString, text);
    QFETCH(bool, expected);
    QCOMPARE(frontis::yaml::readsAsString(text), expected);
}

void TestYamlTypes::canBePlain_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("block");
    QTest::addColumn<bool>("flow");

    auto row = [](const char* name, const QString& text, bool block, bool flow) {
        QTest::newRow(name) << text << block << flow;
    };
    row("words", u"plain words"_s, true, true);
    row("seed seo title", u"QuickTakes | Computer Science"_s, true, true);
    row("seed url", u"/learn/computer-science/questions/how-have"_s, true, true);
    row("seed date format", u"MMM DD, YYYY"_s, true, false);
    row("inner quotes", u"it's \"quoted\""_s, true, true);
    row("backslash", u"back\\slash"_s, true, true);
    row("unicode", u"emoji 🎉 and ü"_s, true, true);
    row("hash without space", u"a#b"_s, true, true);
    row("colon without space", u"a:b"_s, true, false);
    row("inner dash", u"a - b"_s, true, true);
    row("inner brackets", u"a[b]{c}"_s, true, false);
    row("dots", u"..x"_s, true, true);
    row("colon space", u"Edited: value"_s, false, false);
    row("space hash", u"value # comment"_s, false, false);
    row("trailing colon", u"key:"_s, false, false);
    row("leading space", u" lead"_s, false, false);
    row("trailing space", u"trail "_s, false, false);
    row("tab", u"tab\tinside"_s, false, false);
    row("line break", u"line\nbreak"_s, false, false);
    row("carriage return", u"line\rbreak"_s, false, false);
    row("NEL", u"a\u0085b"_s, false, false);
    row("line separator", u"a\u2028b"_s, false, false);
    row("BOM", u"bom\uFEFF"_s, false, false);
    row("bell", u"bell\a"_s, false, false);
    row("DEL", u"del\x7F"_s, false, false);
    row("lone surrogate", QString(QChar(0xD800)) + u"x"_s, false, false);
    row("empty", QString(), false, false);
    row("document start", u"--- x"_s, false, false);
    row("document end", u"...x"_s, false, false);
    row("dash number", u"-1"_s, false, false);
    row("dash space", u"- item"_s, false, false);
    row("dash word", u"-dash"_s, false, false);
    row("question", u"?x"_s, false, false);
    row("colon first", u":x"_s, false, false);
    for (const char* indicator :
         {",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`"}) {
        QTest::addRow("indicator %s", indicator)
            << QString::fromLatin1(indicator) + u"x"_s << false << false;
    }
    row("true", u"true"_s, false, false);
    row("yes", u"yes"_s, false, false);
    row("null", u"null"_s, false, false);
    row("tilde", u"~"_s, false, false);
    row("date", u"2024-01-01"_s, false, false);
    row("sexagesimal", u"1:20"_s, false, false);
    row("float", u"0.5"_s, false, false);
    row("merge", u"<<"_s, false, false);
}

void TestYamlTypes::canBePlain()
{
    QFETCH(QString, text);
    QFETCH(bool, block);
    QFETCH(bool, flow);
    QCOMPARE(frontis::yaml::canBePlain(text, false), block);
    QCOMPARE(frontis::yaml::canBePlain(text, true), flow);
}

void TestYamlTypes::isValidLiteral_data()
{
    QTest::addColumn<PlainType>("type");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("expected");

    using T = PlainType;
    auto row = [](T type, const char* text, bool expected) {
        QTest::addRow("%d %s", int(type), text) << type << QString::fromUtf8(text) << expected;
    };
    row(T::Float, "0.5", true);
    row(T::Float, "-1.0", true);
    row(T::Float, ".5", true);
    row(T::Float, "1.0e+5", true);
    row(T::Float, ".inf", true);
    row(T::Float, "-.INF", true);
    row(T::Float, ".NaN", true);
    row(T::Float, "1e5", false);   // a string to YAML 1.1 readers
    row(T::Float, "1", false);     // an int
    row(T::Float, "1_0.0", false); // 1.1 only
    row(T::Float, "abc", false);
    row(T::Float, "", false);
    row(T::Int, "12", true);
    row(T::Int, "-3", true);
    row(T::Int, "+3", true);
    row(T::Int, "0", true);
    row(T::Int, "0x1F", true);
    row(T::Int, "012", false); // octal in 1.1, decimal in 1.2
    row(T::Int, "0o17", false);
    row(T::Int, "0b11", false);
    row(T::Int, "1_000", false);
    row(T::Int, "1:20", false);
    row(T::Int, "1.0", false);
    row(T::Int, "twelve", false);
    row(T::Bool, "true", true);
    row(T::Bool, "False", true);
    row(T::Bool, "TRUE", true);
    row(T::Bool, "yes", false);
    row(T::Bool, "on", false);
    row(T::Bool, "tRue", false);
    row(T::Null, "null", true);
    row(T::Null, "~", true);
    row(T::Null, "", false);
    row(T::Null, "none", false);
    row(T::Timestamp, "2024-01-01", true);
    row(T::Timestamp, "2024-02-29", true);
    row(T::Timestamp, "2023-02-29", false);
    row(T::Timestamp, "2024-02-30", false);
    row(T::Timestamp, "2024-13-01", false);
    row(T::Timestamp, "2024-1-1", false);
    row(T::Timestamp, "2001-12-14t21:59:43.10-05:00", true);
    row(T::Timestamp, "2001-12-14 21:59:43.10 -5", true);
    row(T::Timestamp, "2001-12-14 25:00:00", false);
    row(T::Timestamp, "2001-12-14 21:59:43 +25:00", false);
    row(T::Timestamp, "Nov 26, 2024", false);
    row(T::String, "anything: at all", true);
    row(T::Other, "<<", false);
}

void TestYamlTypes::isValidLiteral()
{
    QFETCH(PlainType, type);
    QFETCH(QString, text);
    QFETCH(bool, expected);
    QCOMPARE(frontis::yaml::isValidLiteral(type, text), expected);
}

QTEST_GUILESS_MAIN(TestYamlTypes)
#include "tst_yamltypes.moc"
