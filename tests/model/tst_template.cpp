#include "model/schema/template.h"
#include "model/yaml/document.h"
#include "testutil.h"

#include <QFileInfo>
#include <QTest>

using namespace frontis;

class TestTemplate : public QObject
{
    Q_OBJECT

private:
    static Template::Lookup mapLookup(const QHash<QString, QString>& values)
    {
        return [values](const QString& key) -> std::optional<QString> {
            auto it = values.constFind(key);
            if (it == values.cend())
                return std::nullopt;
            return *it;
        };
    }

private Q_SLOTS:
    void slug_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("question")
            << QStringLiteral("How have advancements in computing power influenced deep learning?")
            << QStringLiteral("how-have-advancements-in-computing-power-influenced-deep-learning");
        QTest::newRow("subject") << QStringLiteral("Computer Science")
                                 << QStringLiteral("computer-science");
        QTest::newRow("runs of separators")
            << QStringLiteral("a  --  b__c") << QStringLiteral("a-b-c");
        QTest::newRow("trimmed") << QStringLiteral("  ¿Qué? ") << QStringLiteral("que");
        QTest::newRow("accents") << QStringLiteral("Café Crème Brûlée")
                                 << QStringLiteral("cafe-creme-brulee");
        QTest::newRow("ligatures") << QStringLiteral("Straße Æther Œuvre Øre Łódź")
                                   << QStringLiteral("strasse-aether-oeuvre-ore-lodz");
        QTest::newRow("apostrophe")
            << QStringLiteral("Nvidia's H100") << QStringLiteral("nvidia-s-h100");
        QTest::newRow("digits kept")
            << QStringLiteral("GPT-4 in 2024") << QStringLiteral("gpt-4-in-2024");
        QTest::newRow("other scripts kept")
            << QStringLiteral("Привет, мир") << QStringLiteral("привет-мир");
        QTest::newRow("emoji dropped")
            << QStringLiteral("AI 🤖 rocks") << QStringLiteral("ai-rocks");
        QTest::newRow("only symbols") << QStringLiteral("?!") << QString();
        QTest::newRow("empty") << QString() << QString();
    }

    void slug()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(frontis::slug(text), expected);
        QCOMPARE(frontis::slug(expected), expected); // a slug is its own slug
    }

    void expand_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("expected");
        QTest::newRow("url") << QStringLiteral("/learn/{subject|slug}/questions/{question|slug}")
                             << QStringLiteral("/learn/computer-science/questions/what-is-a-gpu");
        QTest::newRow("literal only")
            << QStringLiteral("plain text") << QStringLiteral("plain text");
        QTest::newRow("raw value") << QStringLiteral("QuickTakes | {subject}")
                                   << QStringLiteral("QuickTakes | Computer Science");
        QTest::newRow("filters chain")
            << QStringLiteral("{subject|slug|upper}") << QStringLiteral("COMPUTER-SCIENCE");
        QTest::newRow("lower") << QStringLiteral("{subject|lower}")
                               << QStringLiteral("computer science");
        QTest::newRow("trim") << QStringLiteral("[{padded|trim}]") << QStringLiteral("[x y]");
        QTest::newRow("spaces around")
            << QStringLiteral("{ subject | slug }") << QStringLiteral("computer-science");
        QTest::newRow("escaped braces")
            << QStringLiteral("{{{subject|slug}}}") << QStringLiteral("{computer-science}");
        QTest::newRow("dotted key") << QStringLiteral("{seo.title}") << QStringLiteral("T");
    }

    void expand()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, expected);
        const Result<Template> t = Template::parse(pattern);
        QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : t.error().message));
        const auto got =
            t->expand(mapLookup({{QStringLiteral("subject"), QStringLiteral("Computer Science")},
                                 {QStringLiteral("question"), QStringLiteral("What is a GPU?")},
                                 {QStringLiteral("padded"), QStringLiteral("  x y ")},
                                 {QStringLiteral("seo.title"), QStringLiteral("T")}}));
        QVERIFY(got.has_value());
        QCOMPARE(*got, expected);
        QCOMPARE(t->text(), pattern);
    }

    void keys()
    {
        const Result<Template> t = Template::parse(QStringLiteral("/{a|slug}/{b}/{a}"));
        QVERIFY(t.ok());
        QCOMPARE(t->keys(), QStringList({QStringLiteral("a"), QStringLiteral("b")}));
    }

    void missingOrEmptyValueGivesNothing()
    {
        const Result<Template> t = Template::parse(QStringLiteral("/learn/{subject|slug}"));
        QVERIFY(t.ok());
        QVERIFY(!t->expand(mapLookup({})).has_value());
        QVERIFY(
            !t->expand(mapLookup({{QStringLiteral("subject"), QStringLiteral("  ")}})).has_value());
    }

    void parseErrors_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("unclosed") << QStringLiteral("/a/{subject") << 4
                                  << QStringLiteral("without its '}'");
        QTest::newRow("stray close")
            << QStringLiteral("/a}") << 3 << QStringLiteral("without its '{'");
        QTest::newRow("unknown filter")
            << QStringLiteral("x{subject|shout}") << 2 << QStringLiteral("unknown filter 'shout'");
        QTest::newRow("empty key")
            << QStringLiteral("{|slug}") << 1 << QStringLiteral("without a key");
        QTest::newRow("nested") << QStringLiteral("{a{b}}") << 1
                                << QStringLiteral("inside a placeholder");
    }

    void parseErrors()
    {
        QFETCH(QString, pattern);
        QFETCH(int, column);
        QFETCH(QString, fragment);
        const Result<Template> t = Template::parse(pattern);
        QVERIFY(!t.ok());
        QCOMPARE(t.error().column, column);
        QVERIFY2(t.error().message.contains(fragment), qPrintable(t.error().message));
    }

    // The seed's file_name and url are exactly what the QuickTakes templates make of its question
    // and subject.
    void seedDerivedValues()
    {
        const QString path = testutil::seedPath();
        if (path.isEmpty())
            QSKIP("../shared/seed is absent (set FRONTIS_SHARED_DIR)");
        const Result<Document> doc = Document::load(path);
        QVERIFY(doc.ok());
        const FrontMatter& fm = doc->frontMatter();
        const Template::Lookup lookup = [&fm](const QString& key) -> std::optional<QString> {
            const FmNode* n = fm.find(fm.resolve(key));
            return n ? std::optional(n->text) : std::nullopt;
        };
        const auto fileName =
            Template::parse(QStringLiteral("{question|slug}.md")).value().expand(lookup);
        const auto url =
            Template::parse(QStringLiteral("/learn/{subject|slug}/questions/{question|slug}"))
                .value()
                .expand(lookup);
        QCOMPARE(fileName.value_or(QString()), fm.find({QStringLiteral("file_name")})->text);
        QCOMPARE(url.value_or(QString()), fm.find({QStringLiteral("url")})->text);
        QCOMPARE(fileName.value_or(QString()), QFileInfo(path).fileName());
    }
};

QTEST_GUILESS_MAIN(TestTemplate)
#include "tst_template.moc"
