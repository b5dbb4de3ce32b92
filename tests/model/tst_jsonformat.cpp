// JSON front matter (issue 20): Hugo's '{' object and Eleventy's "---json", read with positions
// by our own reader; edits keep the indentation, key order and commas, and escape as JSON does.
#include "formattests.h"
#include "model/yaml/document.h"
#include "testutil.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace frontis;
using formattests::k;
using formattests::load;

namespace {

QByteArray data(const char* name)
{
    return formattests::data("json", name);
}

// The front matter as Qt's own JSON reader reads it.
QJsonObject qtReads(const Document& doc)
{
    QJsonParseError error;
    const QJsonDocument j = QJsonDocument::fromJson(doc.file().frontMatterText(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s", qPrintable(error.errorString()));
    return j.object();
}

} // namespace

class TestJsonFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hugoObject()
    {
        const QByteArray bytes = data("hugo.md");
        const Document doc = load(bytes);
        QCOMPARE(doc.file().syntax(), FrontMatterSyntax::Json);
        QCOMPARE(doc.body(), QStringLiteral("\nBody with {braces} and \"quotes\".\n"));
        QCOMPARE(doc.find(k({"title"}))->style, ScalarStyle::DoubleQuoted);
        QCOMPARE(doc.find(k({"title"}))->line, 2);
        QCOMPARE(doc.find(k({"title"}))->column, 12);
        QCOMPARE(doc.find(k({"draft"}))->plainType(), yaml::PlainType::Bool);
        QCOMPARE(doc.find(k({"weight"}))->plainType(), yaml::PlainType::Int);
        QCOMPARE(doc.find(k({"ratio"}))->plainType(), yaml::PlainType::Float);
        QVERIFY(doc.find(k({"none"}))->isNull());
        QCOMPARE(doc.find(k({"seo", "title"}))->text, QStringLiteral("SEO \"title\""));
        QCOMPARE(doc.find(k({"tags", "1"}))->text, QStringLiteral("b"));
        QVERIFY(doc.find(k({"seo", "empty"}))->isMap());
    }

    void eleventyFence()
    {
        Document doc = load(data("eleventy.md"));
        QCOMPARE(doc.file().syntax(), FrontMatterSyntax::Json);
        QCOMPARE(doc.find(k({"n"}))->plainType(), yaml::PlainType::Float);
        QCOMPARE(doc.body(), QStringLiteral("Body\n"));
        QVERIFY(!doc.setString(k({"title"}), QStringLiteral("Tab\there")));
        QVERIFY(!doc.setString(k({"layout"}), QStringLiteral("post")));
        QCOMPARE(doc.bytes(), QByteArray("---json\n{\"title\": \"Tab\\there\", \"tags\": "
                                         "[\"post\"], \"n\": 1e3, \"layout\": \"post\"}\n---\n"
                                         "Body\n"));
    }

    void noOpSetsKeepEveryByte()
    {
        const QByteArray bytes = data("hugo.md");
        Document doc = load(bytes);
        QVERIFY(formattests::setEveryValueToItself(doc));
        QCOMPARE(doc.bytes(), bytes);
    }

    void edits()
    {
        const QByteArray bytes = data("hugo.md");
        Document doc = load(bytes);
        const QString awkward = QStringLiteral("\"q\" \\ # \n\u00e9 \U0001F600 \x01");
        QVERIFY(!doc.setString(k({"seo", "title"}), awkward));
        QVERIFY(doc.bytes().contains(
            "    \"title\": \"\\\"q\\\" \\\\ # \\n\xC3\xA9 \xF0\x9F\x98\x80 \\u0001\",\n"));
        QCOMPARE(
            qtReads(doc).value(QStringLiteral("seo")).toObject().value(QStringLiteral("title")),
            QJsonValue(awkward));
        QVERIFY(!doc.setLiteral(k({"weight"}), QStringLiteral("12")));
        QVERIFY(doc.bytes().contains("  \"weight\": 12,\n"));
        // A date in JSON is a string.
        QVERIFY(
            !doc.setTyped(k({"date"}), QStringLiteral("2024-03-01"), yaml::PlainType::Timestamp));
        QVERIFY(doc.bytes().contains("  \"date\": \"2024-03-01\",\n"));
        // Added after the last sibling, at its indent, the comma moved onto the sibling.
        QVERIFY(!doc.setString(k({"slug"}), QStringLiteral("s")));
        QVERIFY(doc.bytes().contains("  \"none\": null,\n  \"slug\": \"s\"\n}\n"));
        QVERIFY(!doc.setString(k({"seo", "empty", "x"}), QStringLiteral("y")));
        QVERIFY(doc.bytes().contains("\"empty\": {\"x\": \"y\"}"));
        QVERIFY(!doc.setString(k({"a", "b"}), QStringLiteral("c")));
        QVERIFY(doc.bytes().contains("  \"slug\": \"s\",\n  \"a\": {\"b\": \"c\"}\n}\n"));
        QCOMPARE(qtReads(doc).size(), 10);
    }

    void removals()
    {
        const QByteArray bytes = data("hugo.md");
        Document doc = load(bytes);
        QVERIFY(!doc.remove(k({"draft"})));
        QVERIFY(doc.bytes().contains("  \"date\": \"2024-01-01T10:00:00-05:00\",\n  \"weight\""));
        QVERIFY(!doc.remove(k({"none"}))); // the last member: the comma before it goes too
        QVERIFY(doc.bytes().contains("    \"empty\": {}\n  }\n}\n"));
        QVERIFY(!doc.remove(k({"tags", "0"})));
        QVERIFY(doc.bytes().contains("\"tags\": [\"b\"],"));
        QVERIFY(!doc.remove(k({"seo", "empty"})));
        QVERIFY(doc.bytes().contains("\"title\": \"SEO \\\"title\\\"\"\n  }\n}\n"));
        QCOMPARE(qtReads(doc).size(), 6);
        QVERIFY(!doc.appendItem(k({"tags"}), ListItem::scalar(QStringLiteral("c\"d"))));
        QVERIFY(doc.bytes().contains("\"tags\": [\"b\", \"c\\\"d\"],"));
        QVERIFY(!doc.moveItem(k({"tags", "1"}), -1));
        QVERIFY(doc.bytes().contains("\"tags\": [\"c\\\"d\", \"b\"],"));
        QVERIFY(doc.appendItem(k({"tags"}),
                               ListItem::map({{QStringLiteral("a"), QStringLiteral("b")}})));
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QTest::newRow("unclosed object")
            << QByteArray("{\n  \"a\": 1\n\nbody\n") << 1 << 1 << "no closing '}'";
        QTest::newRow("missing comma")
            << QByteArray("{\n  \"a\": 1\n  \"b\": 2\n}\n") << 3 << 3 << "',' or '}' expected";
        QTest::newRow("duplicate key")
            << QByteArray("---json\n{\"a\": 1, \"a\": 2}\n---\n") << 2 << 10 << "duplicate key";
        QTest::newRow("bad escape")
            << QByteArray("---json\n{\"a\": \"\\q\"}\n---\n") << 2 << 8 << "unknown escape";
        QTest::newRow("lone surrogate")
            << QByteArray("---json\n{\"a\": \"\\ud800\"}\n---\n") << 2 << 8 << "surrogate";
        QTest::newRow("not an object")
            << QByteArray("---json\n[1]\n---\n") << 2 << 1 << "must be an object";
        QTest::newRow("trailing text")
            << QByteArray("{\"a\": 1} x\n") << 1 << 10 << "after the '}'";
        QTest::newRow("nested too deeply") << "---json\n{\"a\": " + QByteArray("[").repeated(300) +
                                                  QByteArray("]").repeated(300) + "}\n---\n"
                                           << 2 << 263 << "nested too deeply";
    }
    void badInput()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        formattests::expectParseError(bytes, line, column, message);
    }

    void shortcodeIsBody()
    {
        const Document doc = load("{{< note >}}\nText\n");
        QVERIFY(!doc.file().hasFrontMatter());
    }
};

QTEST_GUILESS_MAIN(TestJsonFormat)
#include "tst_jsonformat.moc"
