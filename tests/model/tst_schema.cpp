#include "model/schema/schema.h"
#include "model/schema/schemalibrary.h"
#include "model/yaml/document.h"
#include "testutil.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace frontis;

class TestSchema : public QObject
{
    Q_OBJECT

private:
    static Document doc(const QByteArray& bytes)
    {
        Result<Document> d = Document::fromBytes(bytes);
        if (!d)
            qFatal("test article does not parse: %s", qPrintable(d.error().message));
        return std::move(d.value());
    }

    static QStringList keysOf(const QList<SchemaField>& fields)
    {
        QStringList keys;
        for (const SchemaField& f : fields)
            keys << f.key;
        return keys;
    }

private Q_SLOTS:
    void builtIns()
    {
        const QStringList names = Schema::builtInNames();
        QVERIFY(names.contains(QStringLiteral("quicktakes")));
        QVERIFY(names.contains(QStringLiteral("generic")));
        const std::optional<Schema> byAlias = Schema::builtIn(QStringLiteral("default"));
        QVERIFY(byAlias);
        QCOMPARE(byAlias->name(), QStringLiteral("quicktakes"));
        QVERIFY(!Schema::builtIn(QStringLiteral("no-such-schema")));

        const Schema generic = Schema::generic();
        QCOMPARE(generic.name(), QStringLiteral("generic"));
        QVERIFY(generic.infersTypes());
        QVERIFY(generic.fields().isEmpty());
        QVERIFY(!generic.unknownKeys()); // generic reports nothing about unnamed keys
    }

    // Every built-in resource loads: a broken one would otherwise be skipped silently.
    void builtInFilesLoad()
    {
        const QDir dir(QStringLiteral(":/schemas"));
        const QStringList files = dir.entryList({QStringLiteral("*.yml")}, QDir::Files);
        QVERIFY(files.size() >= 2);
        for (const QString& f : files) {
            const Result<Schema> s = Schema::load(dir.filePath(f));
            QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().format(f)));
            QCOMPARE(s->name() + QStringLiteral(".yml"), f);
        }
    }

    // The README shows the QuickTakes schema as the example of the format: it must be the real one.
    void readmeShowsTheBuiltInSchema()
    {
        const QByteArray readme =
            testutil::readAll(QStringLiteral(FRONTIS_SOURCE_DIR "/README.md"));
        QFile resource(QStringLiteral(":/schemas/quicktakes.yml"));
        QVERIFY(resource.open(QIODevice::ReadOnly));
        const QByteArray schema = resource.readAll();
        QVERIFY(readme.contains("## Schema format"));
        QVERIFY2(readme.contains("```yaml\n" + schema + "```"),
                 "README.md's copy of quicktakes.yml is out of date");
    }

    void quickTakesFields()
    {
        const Schema s = *Schema::builtIn(QStringLiteral("quicktakes"));
        QCOMPARE(
            keysOf(s.fields()),
            QStringList({QStringLiteral("_schema"), QStringLiteral("id"), QStringLiteral("date"),
                         QStringLiteral("title"), QStringLiteral("article_title"),
                         QStringLiteral("date_format"), QStringLiteral("post_on_text"),
                         QStringLiteral("seo.title"), QStringLiteral("seo.page_description"),
                         QStringLiteral("seo.page_keywords"), QStringLiteral("author"),
                         QStringLiteral("question"), QStringLiteral("answer"),
                         QStringLiteral("subject"), QStringLiteral("file_name"),
                         QStringLiteral("url"), QStringLiteral("score")}));
        for (const SchemaField& f : s.fields())
            QVERIFY2(f.required, qPrintable(f.key));

        const SchemaField* desc = s.field(QStringLiteral("seo.page_description"));
        QVERIFY(desc);
        QCOMPARE(desc->type, FieldType::Textarea);
        QCOMPARE(desc->group, QStringLiteral("SEO"));
        QCOMPARE(desc->minLength.value_or(0), 120);
        QCOMPARE(desc->maxLength.value_or(0), 160);
        QCOMPARE(desc->style, std::optional(ScalarStyle::Folded));
        QCOMPARE(desc->severityOf(QStringLiteral("max-length")), Diagnostic::Severity::Warning);
        QCOMPARE(desc->severityOf(QStringLiteral("required")), Diagnostic::Severity::Error);

        QCOMPARE(s.field(QStringLiteral("id"))->type, FieldType::Integer);
        QCOMPARE(s.field(QStringLiteral("id"))->minimum, std::optional(1.0));
        QCOMPARE(s.field(QStringLiteral("answer"))->encoding, QStringLiteral("escaped-newlines"));
        QCOMPARE(s.field(QStringLiteral("answer"))->type, FieldType::Markdown);
        QCOMPARE(s.field(QStringLiteral("url"))->derive.text(),
                 QStringLiteral("/learn/{subject|slug}/questions/{question|slug}"));
        QCOMPARE(s.field(QStringLiteral("seo.page_keywords"))->separator, QStringLiteral(","));
        QCOMPARE(s.uniqueKeys(), QStringList({QStringLiteral("id"), QStringLiteral("url"),
                                              QStringLiteral("file_name")}));
        QCOMPARE(s.agreements().size(), 1);
        QCOMPARE(s.agreements().first().keys,
                 QStringList({QStringLiteral("title"), QStringLiteral("article_title"),
                              QStringLiteral("question")}));
        QCOMPARE(s.unknownKeys(), std::optional(Diagnostic::Severity::Info));
    }

    // The QuickTakes schema names exactly the seed's keys, so no key of the sample is unknown and
    // no field is one the sample lacks.
    void quickTakesMatchesSeed()
    {
        const QString path = testutil::seedPath();
        if (path.isEmpty())
            QSKIP("../shared/seed is absent (set FRONTIS_SHARED_DIR)");
        const Document d = doc(testutil::readAll(path));
        QStringList leaves;
        for (const KeyPath& p : d.frontMatter().leafPaths())
            leaves << joinKeyPath(p);
        QCOMPARE(keysOf(Schema::builtIn(QStringLiteral("quicktakes"))->fields()), leaves);
    }

    void fromYamlOptions()
    {
        const QByteArray yaml = "name: recipes\n"
                                "label: Recipes\n"
                                "aliases: [recipe, food]\n"
                                "site: {base_url: 'https://example.org'}\n"
                                "unknown_keys: ignore\n"
                                "fields:\n"
                                "  - key: course\n"
                                "    type: select\n"
                                "    values: [starter, main, dessert]\n"
                                "    default: main\n"
                                "  - key: serves\n"
                                "    type: integer\n"
                                "    min: 1\n"
                                "    max: 12\n"
                                "    severity: warning\n"
                                "  - key: tags\n"
                                "    type: tags\n"
                                "    min_items: 1\n"
                                "    style: double\n"
                                "    severity: {tags_count: info, tags-duplicate: warning}\n";
        const Result<Schema> s = Schema::fromYaml(yaml);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().format(QStringLiteral("x"))));
        QCOMPARE(s->name(), QStringLiteral("recipes"));
        QVERIFY(s->answersTo(QStringLiteral("food")));
        QVERIFY(!s->answersTo(QStringLiteral("drinks")));
        QCOMPARE(s->baseUrl(), QStringLiteral("https://example.org"));
        QVERIFY(!s->unknownKeys());
        const SchemaField* course = s->field(QStringLiteral("course"));
        QCOMPARE(course->values, QStringList({QStringLiteral("starter"), QStringLiteral("main"),
                                              QStringLiteral("dessert")}));
        QCOMPARE(course->defaultValue, std::optional(QStringLiteral("main")));
        QCOMPARE(course->line, 7);
        QCOMPARE(course->group, QStringLiteral("Other"));
        QCOMPARE(course->label, QStringLiteral("course"));
        const SchemaField* serves = s->field(QStringLiteral("serves"));
        QCOMPARE(serves->maximum, std::optional(12.0));
        QCOMPARE(serves->severityOf(QStringLiteral("max")), Diagnostic::Severity::Warning);
        QCOMPARE(serves->severityOf(QStringLiteral("type")), Diagnostic::Severity::Warning);
        const SchemaField* tags = s->field(QStringLiteral("tags"));
        QCOMPARE(tags->style, std::optional(ScalarStyle::DoubleQuoted));
        QCOMPARE(tags->severityOf(QStringLiteral("tags-count")), Diagnostic::Severity::Info);
        QCOMPARE(tags->severityOf(QStringLiteral("tags-duplicate")), Diagnostic::Severity::Warning);
        QCOMPARE(tags->severityOf(QStringLiteral("tags-empty")), Diagnostic::Severity::Error);
    }

    void brokenSchema_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("unknown type") << QByteArray("name: x\nfields:\n  - key: a\n    type: txt\n")
                                      << 4 << 11 << QStringLiteral("unknown type 'txt'");
        QTest::newRow("misspelt property")
            << QByteArray("name: x\nfields:\n  - key: a\n    max_lenght: 3\n") << 4 << 5
            << QStringLiteral("unknown field property 'max_lenght'");
        QTest::newRow("unknown top-level key")
            << QByteArray("name: x\nfeilds: []\n") << 2 << 1
            << QStringLiteral("unknown schema property 'feilds'");
        QTest::newRow("yaml syntax") << QByteArray("name: x\n  bad: indent\n") << 2 << 6
                                     << QStringLiteral("YAML error: illegal map value");
        QTest::newRow("no name") << QByteArray("fields:\n  - key: a\n") << 1 << 1
                                 << QStringLiteral("no 'name'");
        QTest::newRow("empty") << QByteArray("# nothing\n") << 0 << 0 << QStringLiteral("empty");
        QTest::newRow("not a mapping")
            << QByteArray("- a\n- b\n") << 1 << 1 << QStringLiteral("a mapping");
        QTest::newRow("field without key") << QByteArray("name: x\nfields:\n  - label: A\n") << 3
                                           << 5 << QStringLiteral("without a 'key'");
        QTest::newRow("duplicate field") << QByteArray("name: x\nfields:\n  - key: a\n  - key: a\n")
                                         << 4 << 10 << QStringLiteral("defined twice");
        QTest::newRow("bad pattern")
            << QByteArray("name: x\nfields:\n  - key: a\n    pattern: '(['\n") << 4 << 14
            << QStringLiteral("invalid pattern");
        QTest::newRow("bad derive")
            << QByteArray("name: x\nfields:\n  - key: a\n    derive: '{b|shout}'\n") << 4 << 13
            << QStringLiteral("unknown filter 'shout'");
        QTest::newRow("unknown rule")
            << QByteArray("name: x\nfields:\n  - key: a\n    severity: {max_len: info}\n") << 4
            << 16 << QStringLiteral("unknown rule 'max-len'");
        QTest::newRow("text names no field")
            << QByteArray("name: x\ntext: answr\nfields:\n  - key: answer\n    type: markdown\n")
            << 2 << 7 << QStringLiteral("'text' names 'answr', which is not a field");
        QTest::newRow("text names a text field")
            << QByteArray("name: x\nfields:\n  - key: title\ntext: title\n") << 4 << 7
            << QStringLiteral("not a markdown one");
        QTest::newRow("text is a list")
            << QByteArray("name: x\ntext: [a]\n") << 2 << 7 << QStringLiteral("'text' is 'body'");
        QTest::newRow("unknown severity")
            << QByteArray("name: x\nfields:\n  - key: a\n    severity: fatal\n") << 4 << 15
            << QStringLiteral("unknown severity 'fatal'");
        QTest::newRow("min on text") << QByteArray("name: x\nfields:\n  - key: a\n    min: 3\n")
                                     << 4 << 10 << QStringLiteral("integer and number fields only");
        QTest::newRow("not a number")
            << QByteArray("name: x\nfields:\n  - key: a\n    type: number\n    max: lots\n") << 5
            << 10 << QStringLiteral("must be a number");
        QTest::newRow("min above max")
            << QByteArray("name: x\nfields:\n  - key: a\n    min_length: 9\n    max_length: 3\n")
            << 5 << 17 << QStringLiteral("smaller than 'min_length'");
        QTest::newRow("select without values")
            << QByteArray("name: x\nfields:\n  - key: a\n    type: select\n") << 3 << 5
            << QStringLiteral("needs 'values'");
        QTest::newRow("required not boolean")
            << QByteArray("name: x\nfields:\n  - key: a\n    required: 'yes'\n") << 4 << 15
            << QStringLiteral("true or false");
        QTest::newRow("agree unknown field")
            << QByteArray("name: x\nfields:\n  - key: a\nrules:\n  - agree: [a, b]\n") << 5 << 16
            << QStringLiteral("'b', which is not a field");
        QTest::newRow("unique unknown field")
            << QByteArray("name: x\nfields:\n  - key: a\nunique: [a, z]\n") << 4 << 9
            << QStringLiteral("'z', which is not a field");
        QTest::newRow("bad encoding")
            << QByteArray("name: x\nfields:\n  - key: a\n    encoding: base64\n") << 4 << 15
            << QStringLiteral("unknown encoding");
        QTest::newRow("unknown keys as errors") << QByteArray("name: x\nunknown_keys: error\n") << 2
                                                << 15 << QStringLiteral("info or ignore");
        QTest::newRow("bad style") << QByteArray("name: x\nfields:\n  - key: a\n    style: fancy\n")
                                   << 4 << 12 << QStringLiteral("unknown style 'fancy'");
    }

    void textLocation_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<bool>("body");
        QTest::addColumn<QString>("key");
        const QByteArray md = "  - key: answer\n    type: markdown\n";
        QTest::newRow("no fields: the body") << QByteArray("name: x\n") << true << QString();
        QTest::newRow("one markdown field")
            << QByteArray("name: x\nfields:\n" + md) << false << QStringLiteral("answer");
        QTest::newRow("two markdown fields: the body")
            << QByteArray("name: x\nfields:\n" + md + "  - key: intro\n    type: markdown\n")
            << true << QString();
        QTest::newRow("text: body over a markdown field")
            << QByteArray("name: x\ntext: body\nfields:\n" + md) << true << QString();
        QTest::newRow("text: KEY picks one of two")
            << QByteArray("name: x\ntext: intro\nfields:\n" + md +
                          "  - key: intro\n    type: markdown\n")
            << false << QStringLiteral("intro");
        QTest::newRow("nested key")
            << QByteArray("name: x\ntext: seo.text\nfields:\n  - key: seo.text\n    type: "
                          "markdown\n")
            << false << QStringLiteral("seo.text");
    }

    void textLocation()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(bool, body);
        QFETCH(QString, key);
        const Result<Schema> s = Schema::fromYaml(yaml);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
        QCOMPARE(s->textLocation().body, body);
        QCOMPARE(s->textLocation().key, key);
    }

    void builtInTextLocations()
    {
        QCOMPARE(Schema::builtIn(QStringLiteral("quicktakes"))->textLocation(),
                 TextLocation::inField(QStringLiteral("answer")));
        QCOMPARE(Schema::generic().textLocation(), TextLocation::inBody());
    }

    void brokenSchema()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, fragment);
        const Result<Schema> s = Schema::fromYaml(yaml);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message.contains(fragment), qPrintable(s.error().message));
        QCOMPARE(s.error().line, line);
        QCOMPARE(s.error().column, column);
    }

    // A broken schema file's error names that file's own line and column.
    void brokenFileNamesItsPosition()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.yml"));
        QVERIFY(testutil::writeAll(path, "name: broken\nfields:\n  - key: a\n    type: txt\n"));
        const Result<Schema> s = Schema::load(path);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().format(path).startsWith(path + QStringLiteral(":4:11: error: ")),
                 qPrintable(s.error().format(path)));
        const Result<Schema> missing = Schema::load(dir.filePath(QStringLiteral("none.yml")));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(QStringLiteral("cannot read")));
    }

    void nameDefaultsToFileName()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.yml"));
        QVERIFY(testutil::writeAll(path, "fields:\n  - key: a\n"));
        const Result<Schema> s = Schema::load(path);
        QVERIFY(s.ok());
        QCOMPARE(s->name(), QStringLiteral("notes"));
        QCOMPARE(s->source(), path);
    }

    void inferField_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("type");
        QTest::newRow("integer") << QByteArray("v: 42") << int(FieldType::Integer);
        QTest::newRow("quoted integer is text") << QByteArray("v: '42'") << int(FieldType::Text);
        QTest::newRow("float") << QByteArray("v: -1.0") << int(FieldType::Number);
        QTest::newRow("boolean") << QByteArray("v: true") << int(FieldType::Boolean);
        QTest::newRow("date") << QByteArray("v: 2024-11-26") << int(FieldType::Date);
        QTest::newRow("url") << QByteArray("v: https://example.org/a") << int(FieldType::Url);
        QTest::newRow("text") << QByteArray("v: Hello world") << int(FieldType::Text);
        QTest::newRow("literal block") << QByteArray("v: |\n  a\n  b") << int(FieldType::Textarea);
        QTest::newRow("flow list") << QByteArray("v: [a, b]") << int(FieldType::Tags);
        QTest::newRow("block list") << QByteArray("v:\n  - a\n  - b") << int(FieldType::Tags);
        QTest::newRow("list of maps") << QByteArray("v:\n  - a: 1") << int(FieldType::Text);
        QTest::newRow("null") << QByteArray("v:") << int(FieldType::Text);
    }

    void inferField()
    {
        QFETCH(QByteArray, line);
        QFETCH(int, type);
        const Document d = doc("---\n" + line + "\n---\n");
        const SchemaField f =
            Schema::inferField(QStringLiteral("v"), *d.find({QStringLiteral("v")}));
        QCOMPARE(int(f.type), type);
        QVERIFY(f.inferred);
        QCOMPARE(f.group, QStringLiteral("Other"));
    }

    // A form shows every key: the schema's fields first, then one inferred field per other leaf.
    void fieldsForKeepsEveryKey()
    {
        const Schema s =
            Schema::fromYaml("name: t\nfields:\n  - key: seo.title\n  - key: title\n").value();
        const Document d =
            doc("---\ntitle: A\nlayout: post\nseo:\n  title: B\n  image: x.png\ntags: [a]\n---\n");
        const QList<SchemaField> fields = s.fieldsFor(d.frontMatter());
        QCOMPARE(keysOf(fields), QStringList({QStringLiteral("seo.title"), QStringLiteral("title"),
                                              QStringLiteral("layout"), QStringLiteral("seo.image"),
                                              QStringLiteral("tags")}));
        QVERIFY(!fields[0].inferred);
        QVERIFY(fields[2].inferred);
        QCOMPARE(fields[2].label, QStringLiteral("Layout"));
        QCOMPARE(fields[4].type, FieldType::Tags);
    }

    void libraryLookup()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral(".frontis/schemas")));
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("content/deep")));
        QVERIFY(testutil::writeAll(dir.filePath(QStringLiteral(".frontis/schemas/notes.yml")),
                                   "name: notes\nfields:\n  - key: title\n    required: true\n"));
        QVERIFY(testutil::writeAll(dir.filePath(QStringLiteral(".frontis/schemas/broken.yml")),
                                   "name: broken\nfields:\n  - key: a\n    type: txt\n"));
        const QString article = dir.filePath(QStringLiteral("content/deep/a.md"));
        SchemaLibrary lib;
        auto choose = [&](const QByteArray& fm) {
            return lib.schemaFor(article, doc(fm).frontMatter());
        };

        // The nearest .frontis folder above the article brings "notes".
        SchemaLibrary::Choice c = choose("---\n_schema: notes\n---\n");
        QCOMPARE(c.schema->name(), QStringLiteral("notes"));
        QCOMPARE(c.schema->source(), dir.filePath(QStringLiteral(".frontis/schemas/notes.yml")));
        QVERIFY(c.notes.isEmpty());
        QVERIFY(!c.error);

        // Not there: the built-in by alias.
        c = choose("---\n_schema: default\n---\n");
        QCOMPARE(c.schema->name(), QStringLiteral("quicktakes"));

        // No _schema and no local default.yml: generic, silently.
        c = choose("---\ntitle: x\n---\n");
        QCOMPARE(c.schema->name(), QStringLiteral("generic"));
        QVERIFY(c.notes.isEmpty());

        // An unknown name: generic, with a warning at the _schema value.
        c = choose("---\ntitle: x\n_schema: nosuch\n---\n");
        QCOMPARE(c.schema->name(), QStringLiteral("generic"));
        QCOMPARE(c.notes.size(), 1);
        QCOMPARE(c.notes[0].severity, Diagnostic::Severity::Warning);
        QCOMPARE(c.notes[0].rule, QStringLiteral("schema"));
        QCOMPARE(c.notes[0].line, 3);
        QCOMPARE(c.notes[0].column, 10);

        // A broken local schema: its own path and position come back; the article gets generic.
        c = choose("---\n_schema: broken\n---\n");
        QCOMPARE(c.schema->name(), QStringLiteral("generic"));
        QCOMPARE(c.brokenPath, dir.filePath(QStringLiteral(".frontis/schemas/broken.yml")));
        QVERIFY(c.error);
        QCOMPARE(c.error->line, 4);
        QCOMPARE(c.error->column, 11);

        // A name that would leave the schemas folder is not looked up as a file.
        c = choose("---\n_schema: ../schemas/notes\n---\n");
        QCOMPARE(c.schema->name(), QStringLiteral("generic"));

        // A local default.yml serves articles without _schema, and overrides the built-in alias.
        QVERIFY(testutil::writeAll(dir.filePath(QStringLiteral(".frontis/schemas/default.yml")),
                                   "name: mine\nfields: []\n"));
        SchemaLibrary fresh;
        QCOMPARE(fresh.schemaFor(article, doc("---\ntitle: x\n---\n").frontMatter()).schema->name(),
                 QStringLiteral("mine"));
        QCOMPARE(fresh.schemaFor(article, doc("---\n_schema: default\n---\n").frontMatter())
                     .schema->name(),
                 QStringLiteral("mine"));

        // The override wins over everything.
        fresh.setOverride(Schema::generic());
        QCOMPARE(fresh.schemaFor(article, doc("---\n_schema: notes\n---\n").frontMatter())
                     .schema->name(),
                 QStringLiteral("generic"));
    }
};

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
