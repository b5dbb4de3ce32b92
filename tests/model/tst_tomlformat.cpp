// TOML front matter (issue 20): toml++ reads it into the same tree as YAML, and each edit changes
// only its value's text, in the value's own string kind.
#include "formattests.h"
#include "model/schema/schema.h"
#include "model/schema/validator.h"
#include "model/yaml/document.h"
#include "testutil.h"

#include <QTest>

using namespace frontis;
using formattests::k;
using formattests::load;
using testutil::changedLines;

namespace {

QByteArray data(const char* name)
{
    return formattests::data("toml", name);
}

// The one line of `after` that differs from `before`, or "" when not exactly one line does.
QByteArray changedLine(const QByteArray& before, const QByteArray& after)
{
    const QList<QByteArray> a = before.split('\n');
    const QList<QByteArray> b = after.split('\n');
    if (a.size() != b.size())
        return {};
    QByteArray line;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i] != b[i]) {
            if (!line.isNull())
                return {};
            line = b[i];
        }
    }
    return line;
}

} // namespace

class TestTomlFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheTree()
    {
        const Document doc = load(data("typed.md"));
        QCOMPARE(doc.file().syntax(), FrontMatterSyntax::Toml);
        QCOMPARE(doc.body(), QStringLiteral("\nBody text.\n"));
        const FmNode& root = doc.frontMatter().root();
        QStringList keys;
        for (const FmEntry& e : root.entries)
            keys << e.key;
        // Source order, not toml++'s sorted order.
        QCOMPARE(keys, k({"title", "weight", "ratio", "score", "when", "day", "summary", "tags",
                          "params", "links", "seo", "resources"}));
        const FmNode* title = doc.find(k({"title"}));
        QCOMPARE(title->style, ScalarStyle::DoubleQuoted);
        QCOMPARE(title->text, QStringLiteral("Typed \"values\""));
        QCOMPARE(title->line, 3);
        QCOMPARE(title->column, 11);
        QVERIFY(title->isString());
        auto typed = [&](const KeyPath& p, yaml::PlainType t, const char* text) {
            const FmNode* n = doc.find(p);
            QVERIFY2(n, qPrintable(joinKeyPath(p)));
            QVERIFY(n->isPlain());
            QVERIFY(!n->isString());
            QCOMPARE(n->plainType(), t);
            QCOMPARE(n->text, QLatin1String(text));
        };
        typed(k({"weight"}), yaml::PlainType::Int, "1000");
        typed(k({"ratio"}), yaml::PlainType::Float, "inf");
        typed(k({"score"}), yaml::PlainType::Float, "-1.0");
        typed(k({"when"}), yaml::PlainType::Timestamp, "1979-05-27 07:32:00Z");
        typed(k({"day"}), yaml::PlainType::Timestamp, "2024-02-29");
        QCOMPARE(doc.find(k({"summary"}))->text, QStringLiteral("Two lines,\nliteral."));
        QCOMPARE(doc.find(k({"summary"}))->style, ScalarStyle::SingleQuoted);
        QCOMPARE(doc.find(k({"tags"}))->items.size(), size_t(3));
        QCOMPARE(doc.find(k({"tags", "1"}))->style, ScalarStyle::SingleQuoted);
        QCOMPARE(doc.find(k({"params", "mood"}))->text, QStringLiteral("calm"));
        QVERIFY(doc.find(k({"links"}))->flow);
        QCOMPARE(doc.find(k({"seo", "keywords"}))->text, QStringLiteral("x, y"));
        const FmNode* resources = doc.find(k({"resources"}));
        QVERIFY(resources->isSequence());
        QVERIFY(!resources->flow);
        QCOMPARE(doc.find(k({"resources", "1", "src"}))->text, QStringLiteral("b.png"));
        QCOMPARE(doc.frontMatter().resolve(QStringLiteral("resources.0.name")),
                 KeyPath(k({"resources", "0", "name"})));
    }

    void noOpSetsKeepEveryByte()
    {
        const QByteArray bytes = data("typed.md");
        Document doc = load(bytes);
        QVERIFY(formattests::setEveryValueToItself(doc));
        QCOMPARE(doc.bytes(), bytes);
    }

    void setKeepsTheKind_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("basic, comment and alignment kept")
            << "title"
            << "a\"b\\c # d" << QByteArray("title   = \"a\\\"b\\\\c # d\"   # aligned");
        QTest::newRow("literal") << "seo.title"
                                 << "New" << QByteArray("title = 'New'");
        QTest::newRow("literal cannot hold a quote") << "seo.title"
                                                     << "it's" << QByteArray("title = \"it's\"");
        QTest::newRow("basic escapes a line break") << "seo.keywords"
                                                    << "x\ny" << QByteArray("keywords = \"x\\ny\"");
        QTest::newRow("array item") << "tags.1"
                                    << "B" << QByteArray("tags = [\"a\", 'B', \"c\"]");
        QTest::newRow("dotted key") << "params.mood"
                                    << "sad" << QByteArray("params.mood   = \"sad\"");
        QTest::newRow("inline table") << "links.about"
                                      << "/über"
                                      << QByteArray("links = { home = \"/\", about = \"/\xC3\xBC"
                                                    "ber\" }");
        QTest::newRow("array of tables") << "resources.1.src"
                                         << "c.png" << QByteArray("src = \"c.png\"");
        QTest::newRow("a number set to text") << "weight"
                                              << "heavy" << QByteArray("weight  = \"heavy\"");
    }
    void setKeepsTheKind()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QByteArray, line);
        const QByteArray bytes = data("typed.md");
        Document doc = load(bytes);
        const KeyPath path = doc.frontMatter().resolve(key);
        const Status s = doc.setString(path, value);
        QVERIFY2(!s, s ? qPrintable(s->message) : "");
        QCOMPARE(changedLine(bytes, doc.bytes()), line);
        QCOMPARE(doc.find(path)->text, value);
        QVERIFY(doc.find(path)->isString());
    }

    void multiLineStringsStayMultiLine()
    {
        const QByteArray bytes = data("typed.md");
        Document doc = load(bytes);
        QVERIFY(!doc.setString(k({"summary"}), QStringLiteral("One\nTwo\nThree")));
        QVERIFY(doc.bytes().contains("summary = '''\nOne\nTwo\nThree'''\n"));
        // A quote the literal kind cannot hold: the basic multi-line kind, still over lines.
        const QString quotes = QStringLiteral("It's '''\n\"\"\"quoted\"\"\"");
        QVERIFY(!doc.setString(k({"summary"}), quotes));
        QCOMPARE(doc.find(k({"summary"}))->text, quotes);
        QVERIFY(doc.bytes().contains("summary = \"\"\"\nIt's '''\n\"\"\\\"quoted\"\"\\\"\"\"\"\n"));
        const auto range = changedLines(bytes, doc.bytes());
        QCOMPARE(range.first, 8); // 0-based: the summary's lines only
    }

    void typedValues()
    {
        const QByteArray bytes = data("typed.md");
        Document doc = load(bytes);
        QVERIFY(!doc.setLiteral(k({"weight"}), QStringLiteral("2000")));
        QCOMPARE(changedLine(bytes, doc.bytes()), QByteArray("weight  = 2000"));
        QVERIFY(!doc.setLiteral(k({"score"}), QStringLiteral("0.5")));
        QVERIFY(doc.bytes().contains("score   = 0.5\n"));
        QVERIFY(
            !doc.setTyped(k({"day"}), QStringLiteral("2024-03-01"), yaml::PlainType::Timestamp));
        QVERIFY(doc.bytes().contains("day     = 2024-03-01\n"));
        QCOMPARE(doc.find(k({"day"}))->plainType(), yaml::PlainType::Timestamp);
        QVERIFY(doc.setTyped(k({"weight"}), QStringLiteral("lots"), yaml::PlainType::Int));
    }

    void addedKeysGoAfterTheirLastSibling()
    {
        const QByteArray bytes = data("typed.md");
        Document doc = load(bytes);
        QVERIFY(!doc.setString(k({"slug"}), QStringLiteral("hello")));
        QVERIFY(doc.bytes().contains("links = { home = \"/\", about = \"/about\" }\n"
                                     "slug = \"hello\"\n\n[seo]"));
        QVERIFY(!doc.setString(k({"seo", "description"}), QStringLiteral("d")));
        QVERIFY(doc.bytes().contains("keywords = \"x, y\"\ndescription = \"d\"\n"));
        QVERIFY(!doc.setString(k({"params", "extra"}), QStringLiteral("e")));
        QVERIFY(doc.bytes().contains("params.mood   = \"calm\"\nparams.extra  = \"e\"\n"));
        QVERIFY(!doc.setString(k({"resources", "1", "name"}), QStringLiteral("second")));
        QVERIFY(doc.bytes().contains("src = \"b.png\"\nname = \"second\"\n+++"));
        QVERIFY(!doc.setString(k({"author", "name"}), QStringLiteral("Ada")));
        QVERIFY(doc.bytes().contains("slug = \"hello\"\nauthor.name = \"Ada\"\n"));
        QVERIFY(!doc.setTyped(k({"count"}), QStringLiteral("3"), yaml::PlainType::Int));
        QCOMPARE(doc.find(k({"count"}))->plainType(), yaml::PlainType::Int);
        // An inline table takes no new line.
        const Status inlineTable = doc.setString(k({"links", "blog"}), QStringLiteral("/blog"));
        QVERIFY(inlineTable);
        QVERIFY(inlineTable->message.contains(QLatin1String("not supported in TOML")));
    }

    void removals()
    {
        const QByteArray bytes = data("typed.md");
        Document doc = load(bytes);
        QVERIFY(!doc.remove(k({"weight"})));
        QVERIFY(!doc.bytes().contains("weight"));
        QCOMPARE(doc.bytes().count('\n'), bytes.count('\n') - 1);
        QVERIFY(!doc.remove(k({"tags", "1"})));
        QVERIFY(doc.bytes().contains("tags = [\"a\", \"c\"]\n"));
        QVERIFY(!doc.remove(k({"params", "author"})));
        QVERIFY(!doc.remove(k({"params", "mood"})));
        QVERIFY(!doc.find(k({"params"}))); // a dotted key's table goes with its last key
        QVERIFY(!doc.remove(k({"links", "home"})));
        QVERIFY(doc.bytes().contains("links = { about = \"/about\" }\n"));
        const Status table = doc.remove(k({"seo"}));
        QVERIFY(table);
        QVERIFY(table->message.contains(QLatin1String("not supported in TOML")));
        QVERIFY(!doc.appendItem(k({"tags"}), ListItem::scalar(QStringLiteral("it's"))));
        QVERIFY(doc.bytes().contains("tags = [\"a\", \"c\", \"it's\"]\n"));
        QVERIFY(!doc.moveItem(k({"tags", "2"}), -1));
        QVERIFY(!doc.duplicateItem(k({"tags", "0"})));
        QVERIFY(doc.bytes().contains("tags = [\"a\", \"a\", \"it's\", \"c\"]\n"));
        QVERIFY(!doc.appendItem(k({"aliases"}), ListItem::scalar(QStringLiteral("/old"))));
        QCOMPARE(doc.find(k({"aliases", "0"}))->text, QStringLiteral("/old"));
        const Status append = doc.appendItem(
            k({"resources"}), ListItem::map({{QStringLiteral("src"), QStringLiteral("c.png")}}));
        QVERIFY(append);
        QVERIFY(append->message.contains(QLatin1String("not supported in TOML")));
        const Status move = doc.moveItem(k({"resources", "0"}), 1);
        QVERIFY(move);
        QVERIFY(move->message.contains(QLatin1String("not supported in TOML")));
    }

    // Columns count code points; many multi-byte characters on one line still map to the bytes.
    void valuesPastMultiByteCharacters()
    {
        QByteArray line = "t = [";
        for (int i = 0; i < 2000; ++i)
            line += "\"\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80\", ";
        const QByteArray bytes = "+++\n" + line + "\"x\"]\n+++\nBody.\n";
        Document doc = load(bytes);
        const KeyPath last = k({"t", "2000"});
        QCOMPARE(doc.find(last)->text, QStringLiteral("x"));
        QVERIFY(!doc.setString(last, QStringLiteral("y")));
        QCOMPARE(changedLine(bytes, doc.bytes()), line + "\"y\"]");
    }

    void hugoArchetype()
    {
        const QByteArray bytes = data("hugo-archetype.md");
        Document doc = load(bytes);
        const Schema schema = Schema::fromYaml("name: hugo\n"
                                               "unknown_keys: ignore\n"
                                               "fields:\n"
                                               "  - {key: title, required: true}\n"
                                               "  - {key: date, type: datetime}\n"
                                               "  - {key: draft, type: boolean}\n")
                                  .value();
        QCOMPARE(Validator(schema).validate(doc).size(), 0);
        QVERIFY(!doc.setString(k({"title"}), QStringLiteral("A newer post")));
        QCOMPARE(changedLine(bytes, doc.bytes()), QByteArray("title = 'A newer post'"));
        QVERIFY(!doc.setTyped(k({"draft"}), QStringLiteral("false"), yaml::PlainType::Bool));
        QVERIFY(!doc.setTyped(k({"date"}), QStringLiteral("2024-02-01T09:30:00-05:00"),
                              yaml::PlainType::Timestamp));
        QCOMPARE(doc.bytes(), QByteArray("+++\ntitle = 'A newer post'\n"
                                         "date = 2024-02-01T09:30:00-05:00\ndraft = false\n+++\n"));
        QCOMPARE(Validator(schema).validate(doc).size(), 0);
        // The schema's types reject what TOML typed otherwise.
        QVERIFY(!doc.setString(k({"draft"}), QStringLiteral("no")));
        QCOMPARE(Validator(schema).validate(doc).size(), 1);
    }

    void crlfAndBom()
    {
        const QByteArray bytes = testutil::withBom(testutil::toCrlf(data("typed.md")));
        Document doc = load(bytes);
        QCOMPARE(doc.find(k({"summary"}))->text, QStringLiteral("Two lines,\nliteral."));
        QVERIFY(!doc.setString(k({"summary"}), QStringLiteral("A\nB")));
        QVERIFY(doc.bytes().contains("summary = '''\r\nA\r\nB'''\r\n"));
        QVERIFY(!doc.setString(k({"zz"}), QStringLiteral("z")));
        QVERIFY(doc.bytes().contains("zz = \"z\"\r\n"));
        QVERIFY(doc.bytes().startsWith("\xEF\xBB\xBF+++\r\n"));
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QTest::newRow("unclosed fence")
            << QByteArray("+++\ntitle = 'A'\n") << 1 << 1 << "no closing '+++'";
        QTest::newRow("unclosed string")
            << QByteArray("+++\na = 1\ntitle = \"x\n+++\n") << 3 << 11 << "TOML syntax error";
        QTest::newRow("duplicate key")
            << QByteArray("+++\na = 1\na = 2\n+++\n") << 3 << 5 << "TOML syntax error";
        QTest::newRow("after a multi-byte character")
            << QByteArray("+++\na = \"\xC3\xA9\" b\n+++\n") << 2 << 10 << "TOML syntax error";
        // toml++ limits inline nesting itself, not the tables a dotted header opens.
        QTest::newRow("tables nested too deeply")
            << "+++\nk = 1\n[" + QByteArray("t.").repeated(300) + "t]\n+++\n"
            << 3 << 514 << "nested too deeply";
    }
    void badInput()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        formattests::expectParseError(bytes, line, column, message);
    }
};

QTEST_GUILESS_MAIN(TestTomlFormat)
#include "tst_tomlformat.moc"
