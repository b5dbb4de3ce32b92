#include "model/schema/schema.h"
#include "model/seo/seofields.h"
#include "model/yaml/document.h"
#include "testutil.h"

#include <QTest>

using namespace frontis;

namespace {

SeoFields read(const QByteArray& frontMatter, const Schema* schema = nullptr,
               const QString& textKey = {})
{
    Result<Document> doc = Document::fromBytes("---\n" + frontMatter + "---\n");
    if (!doc.ok())
        return {};
    return SeoFields::fromFrontMatter(doc->frontMatter(), schema, textKey);
}

} // namespace

class TestSeoFields : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seed()
    {
        Result<Document> doc = Document::fromBytes(testutil::readAll(testutil::seedPath()));
        QVERIFY(doc.ok());
        const std::optional<Schema> schema = Schema::builtIn(QStringLiteral("quicktakes"));
        QVERIFY(schema);
        const SeoFields s =
            SeoFields::fromFrontMatter(doc->frontMatter(), &*schema, QStringLiteral("answer"));
        QCOMPARE(s.title, QStringLiteral("QuickTakes | Computer Science"));
        QVERIFY(s.description.startsWith(QLatin1String("This content discusses how")));
        QCOMPARE(s.url, QStringLiteral("/learn/computer-science/questions/"
                                       "how-have-advancements-in-computing-power-influenced-"
                                       "deep-learning"));
        QCOMPARE(s.question,
                 QStringLiteral("How have advancements in computing power influenced deep "
                                "learning?"));
        // The answer is decoded: the stored backslash-n pairs are line breaks.
        QVERIFY(s.text.contains(QLatin1String("years.")));
        QVERIFY(s.text.contains(QLatin1String("\n\n1. **Increased")));
        QVERIFY(!s.text.contains(QLatin1String("\\n")));
        QCOMPARE(s.keywords.size(), 10);
        QCOMPARE(s.keywords.first(), QStringLiteral("computing power"));
        QCOMPARE(s.keywords.last(), QStringLiteral("machine learning"));
        QVERIFY(s.baseUrl.isEmpty()); // the QuickTakes schema names no site
    }

    void keywordsAsAList()
    {
        const SeoFields s = read("seo:\n  page_keywords:\n    - GPUs\n    - ' deep   learning '\n"
                                 "    - ''\n    - {a: b}\n");
        QCOMPARE(s.keywords,
                 (QStringList{QStringLiteral("GPUs"), QStringLiteral("deep learning")}));
    }

    void separatorFromTheSchema()
    {
        const Result<Schema> schema =
            Schema::fromYaml("name: t\nsite: {base_url: 'https://example.org/blog'}\nfields:\n"
                             "  - key: keywords\n    type: tags\n    separator: ';'\n");
        QVERIFY(schema.ok());
        const SeoFields s = read("title: Plain title\ndescription: Plain description\n"
                                 "keywords: a, b; c\npermalink: /x/y\n",
                                 &schema.value());
        QCOMPARE(s.keywords, (QStringList{QStringLiteral("a, b"), QStringLiteral("c")}));
        QCOMPARE(s.title, QStringLiteral("Plain title"));
        QCOMPARE(s.question, QStringLiteral("Plain title"));
        QCOMPARE(s.description, QStringLiteral("Plain description"));
        QCOMPARE(s.url, QStringLiteral("/x/y"));
        QCOMPARE(s.baseUrl, QStringLiteral("https://example.org/blog"));
    }

    void seoKeysWinOverPlainOnes()
    {
        const SeoFields s = read("title: Page\nseo:\n  title: SEO\n  page_description: D\n"
                                 "description: other\nquestion: Q?\n");
        QCOMPARE(s.title, QStringLiteral("SEO"));
        QCOMPARE(s.description, QStringLiteral("D"));
        QCOMPARE(s.question, QStringLiteral("Q?"));
    }

    void answerKeyAndEncoding()
    {
        const Result<Schema> schema =
            Schema::fromYaml("name: t\nfields:\n  - key: body\n    type: markdown\n");
        QVERIFY(schema.ok());
        // A field without the escaped-newlines encoding keeps its text as it is.
        const SeoFields plain =
            read("body: 'a\\nb'\nanswer: x\n", &schema.value(), QStringLiteral("body"));
        QCOMPARE(plain.text, QStringLiteral("a\\nb"));
        const SeoFields bare = read("answer: 'a\\nb'\n");
        QCOMPARE(bare.text, QStringLiteral("a\nb"));
    }

    void nothingThere()
    {
        const SeoFields s = read("id: 1\n");
        QVERIFY(s.title.isEmpty());
        QVERIFY(s.description.isEmpty());
        QVERIFY(s.keywords.isEmpty());
        QVERIFY(s.text.isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestSeoFields)
#include "tst_seofields.moc"
