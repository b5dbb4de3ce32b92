#include "model/schema/schema.h"
#include "model/seo/keywordcheck.h"
#include "model/seo/seofields.h"
#include "model/yaml/document.h"
#include "testutil.h"

#include <QTest>

using namespace frontis;

class TestKeywordCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void occursIn_data()
    {
        QTest::addColumn<QString>("keyword");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("expected");
        QTest::newRow("phrase") << QStringLiteral("deep learning")
                                << QStringLiteral("the success of deep learning, impacting")
                                << true;
        QTest::newRow("any case") << QStringLiteral("Deep Learning")
                                  << QStringLiteral("DEEP LEARNING models") << true;
        QTest::newRow("at the start")
            << QStringLiteral("cache") << QStringLiteral("Cache it.") << true;
        QTest::newRow("before punctuation")
            << QStringLiteral("cache") << QStringLiteral("empty the (cache).") << true;
        // Decided: whole words only. A writer who wants the inflected form lists it.
        QTest::newRow("not inside cached")
            << QStringLiteral("cache") << QStringLiteral("the data is cached") << false;
        QTest::newRow("not inside caches")
            << QStringLiteral("cache") << QStringLiteral("two caches") << false;
        QTest::newRow("not inside a word")
            << QStringLiteral("AI") << QStringLiteral("he said so") << false;
        QTest::newRow("not after an underscore")
            << QStringLiteral("cache") << QStringLiteral("my_cache") << false;
        QTest::newRow("not joined")
            << QStringLiteral("deep learning") << QStringLiteral("deeplearning") << false;
        QTest::newRow("words in another order")
            << QStringLiteral("deep learning") << QStringLiteral("learning deep") << false;
        QTest::newRow("spacing inside the phrase")
            << QStringLiteral("deep  learning") << QStringLiteral("deep\n    learning") << true;
        QTest::newRow("no-break space")
            << QStringLiteral("deep learning") << QStringLiteral("deep\u00a0learning") << true;
        QTest::newRow("C++ found")
            << QStringLiteral("C++") << QStringLiteral("Written in C++, mostly.") << true;
        QTest::newRow("C++ at the end")
            << QStringLiteral("c++") << QStringLiteral("I like C++") << true;
        QTest::newRow("C++ not in C++11")
            << QStringLiteral("C++") << QStringLiteral("C++11") << false;
        QTest::newRow("C++ not in C")
            << QStringLiteral("C++") << QStringLiteral("plain C") << false;
        QTest::newRow(".NET") << QStringLiteral(".NET") << QStringLiteral("on .NET and Java")
                              << true;
        QTest::newRow("dot is literal") << QStringLiteral("a.b") << QStringLiteral("axb") << false;
        QTest::newRow("unbalanced bracket")
            << QStringLiteral("f(x") << QStringLiteral("call f(x now") << true;
        QTest::newRow("regex syntax")
            << QStringLiteral("[a-z]*$") << QStringLiteral("match [a-z]*$ here") << true;
        QTest::newRow("backslash")
            << QStringLiteral("C:\\temp") << QStringLiteral("in C:\\temp.") << true;
        QTest::newRow("non-ASCII letters")
            << QStringLiteral("Café") << QStringLiteral("un CAFÉ noir") << true;
        QTest::newRow("non-ASCII word boundary")
            << QStringLiteral("caf") << QStringLiteral("café") << false;
        QTest::newRow("empty keyword") << QString() << QStringLiteral("anything") << false;
        QTest::newRow("blank keyword") << QStringLiteral("  ") << QStringLiteral("a  b") << false;
        QTest::newRow("empty text") << QStringLiteral("GPU") << QString() << false;
    }

    void occursIn()
    {
        QFETCH(QString, keyword);
        QFETCH(QString, text);
        QFETCH(bool, expected);
        QCOMPARE(KeywordCheck::occursIn(keyword, text), expected);
    }

    void repeats_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("duplicate");
        QTest::addColumn<bool>("near");
        QTest::newRow("same") << QStringLiteral("GPUs") << QStringLiteral("GPUs") << true << false;
        QTest::newRow("case") << QStringLiteral("GPUs") << QStringLiteral("gpus") << true << false;
        QTest::newRow("spacing") << QStringLiteral("deep  learning")
                                 << QStringLiteral("Deep Learning") << true << false;
        QTest::newRow("+s") << QStringLiteral("cache") << QStringLiteral("caches") << false << true;
        QTest::newRow("+s reversed")
            << QStringLiteral("Caches") << QStringLiteral("cache") << false << true;
        QTest::newRow("acronym +s")
            << QStringLiteral("GPU") << QStringLiteral("GPUs") << false << true;
        QTest::newRow("+es") << QStringLiteral("process") << QStringLiteral("processes") << false
                             << true;
        QTest::newRow("+es box") << QStringLiteral("box") << QStringLiteral("boxes") << false
                                 << true;
        QTest::newRow("-y/-ies") << QStringLiteral("category") << QStringLiteral("categories")
                                 << false << true;
        QTest::newRow("-y/-ies reversed")
            << QStringLiteral("Technologies") << QStringLiteral("technology") << false << true;
        QTest::newRow("vowel + y takes s")
            << QStringLiteral("day") << QStringLiteral("days") << false << true;
        QTest::newRow("no daies") << QStringLiteral("day") << QStringLiteral("daies") << false
                                  << false;
        QTest::newRow("in a phrase") << QStringLiteral("hardware advancement")
                                     << QStringLiteral("Hardware Advancements") << false << true;
        QTest::newRow("every word") << QStringLiteral("neural network")
                                    << QStringLiteral("neural networks") << false << true;
        QTest::newRow("different word") << QStringLiteral("neural network")
                                        << QStringLiteral("social networks") << false << false;
        QTest::newRow("more words")
            << QStringLiteral("network") << QStringLiteral("neural networks") << false << false;
        QTest::newRow("not a plural")
            << QStringLiteral("cache") << QStringLiteral("cached") << false << false;
        QTest::newRow("different")
            << QStringLiteral("GPU") << QStringLiteral("TPU") << false << false;
        QTest::newRow("empty") << QString() << QString() << false << false;
    }

    void repeats()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, duplicate);
        QFETCH(bool, near);
        QCOMPARE(KeywordCheck::isDuplicate(a, b), duplicate);
        QCOMPARE(KeywordCheck::isDuplicate(b, a), duplicate);
        QCOMPARE(KeywordCheck::isNearDuplicate(a, b), near);
        QCOMPARE(KeywordCheck::isNearDuplicate(b, a), near);
    }

    void checkMarksWhereAndRepeats()
    {
        const QStringList keywords{QStringLiteral("cache"),  QStringLiteral("C++"),
                                   QStringLiteral("Cache"),  QStringLiteral("caches"),
                                   QStringLiteral("policy"), QStringLiteral("policies")};
        const QStringList texts{QStringLiteral("Cache policies in C++"),
                                QStringLiteral("How a cache works"), QString()};
        const QList<KeywordCheck::Finding> f = KeywordCheck::check(keywords, texts);
        QCOMPARE(f.size(), 6);
        QCOMPARE(f[0].found, (QList<bool>{true, true, false}));
        QCOMPARE(f[0].repeat, KeywordCheck::Repeat::None);
        QCOMPARE(f[1].found, (QList<bool>{true, false, false}));
        QCOMPARE(f[1].repeat, KeywordCheck::Repeat::None);
        QCOMPARE(f[2].repeat, KeywordCheck::Repeat::Duplicate);
        QCOMPARE(f[2].repeats, 0);
        QCOMPARE(f[3].found, (QList<bool>{false, false, false}));
        QCOMPARE(f[3].repeat, KeywordCheck::Repeat::NearDuplicate);
        QCOMPARE(f[3].repeats, 0);
        QCOMPARE(f[4].found, (QList<bool>{false, false, false}));
        QCOMPARE(f[4].repeat, KeywordCheck::Repeat::None);
        QCOMPARE(f[5].found, (QList<bool>{true, false, false}));
        QCOMPARE(f[5].repeat, KeywordCheck::Repeat::NearDuplicate);
        QCOMPARE(f[5].repeats, 4);
    }

    void duplicateWinsOverNearDuplicate()
    {
        // "GPUs" is near "GPU" (index 0) but the same as "gpus" (index 1): the duplicate counts.
        const QList<KeywordCheck::Finding> f = KeywordCheck::check(
            {QStringLiteral("GPU"), QStringLiteral("gpus"), QStringLiteral("GPUs")}, {});
        QCOMPARE(f[1].repeat, KeywordCheck::Repeat::NearDuplicate);
        QCOMPARE(f[2].repeat, KeywordCheck::Repeat::Duplicate);
        QCOMPARE(f[2].repeats, 1);
        QVERIFY(f[2].found.isEmpty());
    }

    void split_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("separator");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("commas") << QStringLiteral("a, b,c") << QString()
                                << QStringList{QStringLiteral("a"), QStringLiteral("b"),
                                               QStringLiteral("c")};
        QTest::newRow("empty parts") << QStringLiteral(" , a,, b ,") << QStringLiteral(",")
                                     << QStringList{QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow("semicolons") << QStringLiteral("x, y; z") << QStringLiteral(";")
                                    << QStringList{QStringLiteral("x, y"), QStringLiteral("z")};
        QTest::newRow("inner spacing") << QStringLiteral("deep\n  learning") << QStringLiteral(",")
                                       << QStringList{QStringLiteral("deep learning")};
        QTest::newRow("nothing") << QString() << QString() << QStringList();
    }

    void split()
    {
        QFETCH(QString, text);
        QFETCH(QString, separator);
        QFETCH(QStringList, expected);
        QCOMPARE(KeywordCheck::split(text, separator), expected);
    }

    void seedKeywords()
    {
        // The real article: which of its ten keywords its texts use, as a writer would check.
        Result<Document> doc = Document::fromBytes(testutil::readAll(testutil::seedPath()));
        QVERIFY(doc.ok());
        const std::optional<Schema> schema = Schema::builtIn(QStringLiteral("default"));
        QVERIFY(schema);
        const SeoFields s =
            SeoFields::fromFrontMatter(doc->frontMatter(), &*schema, QStringLiteral("answer"));
        QCOMPARE(s.keywords.size(), 10);
        const QList<KeywordCheck::Finding> f =
            KeywordCheck::check(s.keywords, {s.title, s.description, s.question, s.text});
        auto row = [&f](const char* keyword) {
            for (const KeywordCheck::Finding& x : f) {
                if (x.keyword == QLatin1String(keyword))
                    return x.found;
            }
            return QList<bool>();
        };
        QCOMPARE(row("deep learning"), (QList<bool>{false, true, true, true}));
        QCOMPARE(row("computing power"), (QList<bool>{false, true, true, true}));
        QCOMPARE(row("GPUs"), (QList<bool>{false, true, false, true}));
        QCOMPARE(row("image recognition"), (QList<bool>{false, false, false, true}));
        QCOMPARE(row("energy consumption"), (QList<bool>{false, false, false, true}));
        QCOMPARE(row("hardware advancements"), (QList<bool>{false, false, false, false}));
        QCOMPARE(row("machine learning"), (QList<bool>{false, false, false, false}));
        for (const KeywordCheck::Finding& x : f)
            QCOMPARE(x.repeat, KeywordCheck::Repeat::None);
    }
};

QTEST_APPLESS_MAIN(TestKeywordCheck)
#include "tst_keywordcheck.moc"
