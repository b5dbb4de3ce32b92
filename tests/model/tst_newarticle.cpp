#include "generatefolder.h"
#include "model/folder/articleindex.h"
#include "model/schema/newarticle.h"
#include "model/schema/validator.h"
#include "model/yaml/document.h"
#include "testutil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace frontis;

// New articles: the seed's exact layout, valid against the schema, and where they are saved.
class TestNewArticle : public QObject
{
    Q_OBJECT

private:
    Schema m_schema;

    static QString text(const Document& doc, const QString& key)
    {
        const FmNode* n = doc.find(key.split(QLatin1Char('.')));
        return n ? n->text : QString();
    }

    static int indentOf(const QByteArray& line)
    {
        int i = 0;
        while (i < line.size() && line[i] == ' ')
            ++i;
        return i;
    }

private Q_SLOTS:
    void initTestCase() { m_schema = *Schema::builtIn(QStringLiteral("quicktakes")); }

    // Made from the seed's own question, subject, id and date, a new article is the seed line for
    // line, except for the three values a writer writes (description, keywords, answer), which
    // are placeholders of the same shape.
    void layoutIsTheSeeds()
    {
        const QString seedPath = testutil::seedPath();
        if (seedPath.isEmpty())
            QSKIP("no seed article in FRONTIS_SHARED_DIR");
        const QByteArray seedBytes = testutil::readAll(seedPath);
        const Result<Document> seed = Document::fromBytes(seedBytes);
        QVERIFY(seed);
        NewArticle::Input in;
        in.question = text(seed.value(), QStringLiteral("question"));
        in.subject = text(seed.value(), QStringLiteral("subject"));
        in.id = text(seed.value(), QStringLiteral("id")).toLongLong();
        in.date = QDate::fromString(text(seed.value(), QStringLiteral("date")), Qt::ISODate);
        in.schemaName = QStringLiteral("default");
        const Result<QByteArray> made = NewArticle::build(m_schema, in);
        QVERIFY2(made, made ? "" : qPrintable(made.error().message));

        const QList<QByteArray> want = seedBytes.split('\n');
        const QList<QByteArray> got = made.value().split('\n');
        QCOMPARE(got.size(), want.size());
        const QList<QByteArray> writerKeys = {"  page_description: >-", "  page_keywords: >-",
                                              "answer: >-"};
        for (qsizetype i = 0; i < want.size(); ++i) {
            if (i > 0 && writerKeys.contains(want.at(i - 1))) {
                // The placeholder: one folded line at the same indentation.
                QCOMPARE(indentOf(got.at(i)), indentOf(want.at(i)));
                QVERIFY(got.at(i).size() > indentOf(got.at(i)));
                continue;
            }
            QCOMPARE(got.at(i), want.at(i));
        }
        QVERIFY(made.value().endsWith("score: -1.0\n\n---\n\n&nbsp;"));
    }

    void validatesWithoutErrors_data()
    {
        QTest::addColumn<QString>("question");
        QTest::addColumn<QString>("subject");
        QTest::newRow("plain") << QStringLiteral("Why do leaves change colour in autumn?")
                               << QStringLiteral("Biology");
        QTest::newRow("colon and hash") << QStringLiteral("What is C++: a primer for #beginners?")
                                        << QStringLiteral("C++ & Systems");
        QTest::newRow("subject that reads as a boolean")
            << QStringLiteral("Is 'null' a value?") << QStringLiteral("No");
        QTest::newRow("subject with an indicator")
            << QStringLiteral("Where do lists start?") << QStringLiteral("- Misc");
        QTest::newRow("accents and quotes")
            << QStringLiteral("Qu'est-ce que la « physique » ?") << QStringLiteral("Physique");
        QTest::newRow("extra spaces") << QStringLiteral("  Why   is the sea   salty?  ")
                                      << QStringLiteral(" Earth  Science ");
    }

    void validatesWithoutErrors()
    {
        QFETCH(QString, question);
        QFETCH(QString, subject);
        const NewArticle::Input in{question, subject, 1234, QDate(2025, 3, 4), QString()};
        const Result<QByteArray> made = NewArticle::build(m_schema, in);
        QVERIFY2(made, made ? "" : qPrintable(made.error().message));
        const Result<Document> doc = Document::fromBytes(made.value());
        QVERIFY(doc);
        const QList<Diagnostic> found = Validator(m_schema).validate(doc.value());
        QStringList errors;
        QStringList warnedKeys;
        for (const Diagnostic& d : found) {
            if (d.isError())
                errors << d.format(QStringLiteral("new.md"));
            else
                warnedKeys << d.key;
        }
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n')) + QLatin1Char('\n') +
                                              QString::fromUtf8(made.value())));
        // What the writer still has to write is pointed out.
        QVERIFY(warnedKeys.contains(QStringLiteral("seo.page_description")));

        const QString q = question.simplified();
        const QString s = subject.simplified();
        const QStringList keywords =
            text(doc.value(), QStringLiteral("seo.page_keywords")).split(QStringLiteral(", "));
        QCOMPARE(keywords.size(), 3);
        QCOMPARE(keywords.first(), s.toLower());
        QCOMPARE(text(doc.value(), QStringLiteral("question")), q);
        QCOMPARE(text(doc.value(), QStringLiteral("title")), q);
        QCOMPARE(text(doc.value(), QStringLiteral("article_title")), q);
        QCOMPARE(text(doc.value(), QStringLiteral("subject")), s);
        QCOMPARE(text(doc.value(), QStringLiteral("seo.title")),
                 QStringLiteral("QuickTakes | ") + s);
        QCOMPARE(text(doc.value(), QStringLiteral("file_name")), slug(q) + QStringLiteral(".md"));
        QCOMPARE(text(doc.value(), QStringLiteral("url")),
                 QStringLiteral("/learn/%1/questions/%2").arg(slug(s), slug(q)));
        QCOMPARE(text(doc.value(), QStringLiteral("id")), QStringLiteral("1234"));
        QCOMPARE(text(doc.value(), QStringLiteral("date")), QStringLiteral("2025-03-04"));
        QCOMPARE(text(doc.value(), QStringLiteral("_schema")), QStringLiteral("default"));
        QCOMPARE(text(doc.value(), QStringLiteral("score")), QStringLiteral("-1.0"));
        QVERIFY(doc->find({QStringLiteral("id")})->isPlain());
        QCOMPARE(doc->find({QStringLiteral("title")})->style, ScalarStyle::Folded);
        QVERIFY(made.value().endsWith("\n\n---\n\n&nbsp;"));
        QCOMPARE(NewArticle::fileName(m_schema, in), slug(q) + QStringLiteral(".md"));
    }

    void refusesWhatCannotBeAnArticle()
    {
        NewArticle::Input in{
            QStringLiteral("   "), QStringLiteral("Biology"), 1, QDate(2025, 1, 1), {}};
        QVERIFY(!NewArticle::build(m_schema, in));
        in.question = QStringLiteral("Why?");
        QVERIFY(NewArticle::build(m_schema, in));
        in.question = QStringLiteral(" ");
        const Result<QByteArray> generic = NewArticle::build(Schema::generic(), in);
        QVERIFY(!generic);
        QVERIFY(generic.error().message.contains(QStringLiteral("title")));
    }

    // A body site's new article: the writer gives the title; the generic schema writes it and
    // today's date, and the body starts empty.
    void bodySiteOnTheGenericSchema()
    {
        const NewArticle::Input in{
            QStringLiteral("Release notes: 0.13"), QString(), 1, QDate(2026, 12, 7), {}};
        QCOMPARE(NewArticle::headlineKey(Schema::generic()), QStringLiteral("title"));
        const Result<QByteArray> made = NewArticle::build(Schema::generic(), in);
        QVERIFY2(made, made ? "" : qPrintable(made.error().message));
        // The colon makes the title quoted; nothing follows the closing fence.
        QCOMPARE(made.value(),
                 QByteArray("---\ntitle: 'Release notes: 0.13'\ndate: 2026-12-07\n---\n"));
        QCOMPARE(NewArticle::fileName(Schema::generic(), in),
                 QStringLiteral("release-notes-0-13.md"));
    }

    // Issue 20, item 4: in a site whose articles are TOML, a new article is TOML, nested keys
    // under [table] headers, and reads back as the values meant.
    void tomlSite()
    {
        const NewArticle::Input in{
            QStringLiteral("Release \"notes\": 0.13"), QString(), 1, QDate(2026, 12, 7), {}};
        const Result<QByteArray> made =
            NewArticle::build(Schema::generic(), in, FrontMatterSyntax::Toml);
        QVERIFY2(made, made ? "" : qPrintable(made.error().message));
        QCOMPARE(
            made.value(),
            QByteArray("+++\ntitle = \"Release \\\"notes\\\": 0.13\"\ndate = 2026-12-07\n+++\n"));
        const Result<Schema> nested =
            Schema::fromYaml("name: nested\ntext: body\nfields:\n"
                             "  - {key: title, required: true}\n"
                             "  - {key: seo.title, default: 'It''s'}\n"
                             "  - {key: weight, type: integer, default: 3}\n");
        QVERIFY(nested);
        const Result<QByteArray> toml =
            NewArticle::build(nested.value(), in, FrontMatterSyntax::Toml);
        QVERIFY2(toml, toml ? "" : qPrintable(toml.error().message));
        QVERIFY2(toml->startsWith("+++\ntitle = "), toml->constData());
        QVERIFY2(toml->contains("weight = 3\n\n[seo]\ntitle = \"It's\"\n+++\n"), toml->constData());
    }

    void folderSyntaxIsTheMajoritys()
    {
        QTemporaryDir tmp;
        auto write = [&](const char* name, const QByteArray& bytes) {
            QVERIFY(testutil::writeAll(tmp.filePath(QLatin1String(name)), bytes));
        };
        write("a.md", "+++\ntitle = 'A'\n+++\n");
        write("b.md", "\xEF\xBB\xBF+++\ntitle = 'B'\n+++\n");
        write("c.md", "---\ntitle: C\n---\n");
        ArticleIndex index(tmp.path());
        index.update();
        QCOMPARE(index.articles().size(), 3);
        QCOMPARE(NewArticle::folderSyntax(index), FrontMatterSyntax::Toml);
        write("d.md", "---\ntitle: D\n---\n");
        index.update();
        QCOMPARE(NewArticle::folderSyntax(index), FrontMatterSyntax::Yaml); // a tie
    }

    // A schema's `body_template` starts the body, taken as it is (shortcodes are text), and its
    // required fields are filled as for QuickTakes.
    void bodyTemplate()
    {
        const Result<Schema> schema = Schema::fromYaml(
            "name: docs\ntext: body\nbody_template: \"## Overview\\n\\n{{< note >}}Draft{{< /note "
            ">}}\\n\"\n"
            "fields:\n  - key: title\n    required: true\n  - key: date\n    type: date\n"
            "    required: true\n  - key: draft\n    type: boolean\n    default: 'true'\n");
        QVERIFY2(schema, schema ? "" : qPrintable(schema.error().message));
        QCOMPARE(schema->bodyTemplate(),
                 QStringLiteral("## Overview\n\n{{< note >}}Draft{{< /note >}}\n"));
        const NewArticle::Input in{QStringLiteral("Install"), QString(), 1, QDate(2026, 1, 2), {}};
        const Result<QByteArray> made = NewArticle::build(schema.value(), in);
        QVERIFY2(made, made ? "" : qPrintable(made.error().message));
        QCOMPARE(made.value(),
                 QByteArray("---\ntitle: Install\ndate: 2026-01-02\ndraft: true\n---\n"
                            "## Overview\n\n{{< note >}}Draft{{< /note >}}\n"));
        const Result<Document> doc = Document::fromBytes(made.value());
        QVERIFY(doc);
        QCOMPARE(doc->body(), schema->bodyTemplate());
    }

    void proposesTheSubjectsFolder()
    {
        QTemporaryDir tmp;
        const frontis::testing::GeneratedFolder g =
            frontis::testing::generateFolder(tmp.path() + QStringLiteral("/site"), 120, 11);
        ArticleIndex index(g.root);
        index.update();
        NewArticle::Input in{QStringLiteral("What is a cell?"), QStringLiteral("biology"),
                             index.highestId() + 1, QDate::currentDate(), index.commonSchema()};
        QCOMPARE(NewArticle::proposedPath(index, m_schema, in),
                 g.subjectFolders.value(QStringLiteral("Biology")) +
                     QStringLiteral("/what-is-a-cell.md"));
        in.subject = QStringLiteral("Astronomy");
        QCOMPARE(NewArticle::proposedPath(index, m_schema, in),
                 g.root + QStringLiteral("/what-is-a-cell.md"));

        // Saved there, it joins the folder without a single error, also across files.
        const Result<QByteArray> made = NewArticle::build(m_schema, in);
        QVERIFY(made);
        QVERIFY(testutil::writeAll(NewArticle::proposedPath(index, m_schema, in), made.value()));
        const int errorsBefore = index.totals().errors;
        index.update();
        QCOMPARE(index.articles().size(), 121);
        QCOMPARE(index.totals().errors, errorsBefore);
        QCOMPARE(index.highestId(), in.id);
    }
};

QTEST_GUILESS_MAIN(TestNewArticle)
#include "tst_newarticle.moc"
