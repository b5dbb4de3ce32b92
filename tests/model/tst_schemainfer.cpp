#include "generatefolder.h"
#include "model/folder/foldervalidator.h"
#include "model/schema/schema.h"
#include "model/schema/schemainfer.h"
#include "model/schema/schemalibrary.h"
#include "model/yaml/document.h"
#include "testutil.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace frontis;

// Schemas inferred from real sites and from made-up folders: the articles they come from
// validate against them, and they are as narrow as those articles allow.
class TestSchemaInfer : public QObject
{
    Q_OBJECT

private:
    static QString realCorpus() { return testutil::sharedDir() + QStringLiteral("/corpus/real"); }

    static Schema inferred(const SchemaInference::Result& r)
    {
        Result<Schema> s = Schema::fromYaml(r.yaml);
        if (!s)
            qFatal("the inferred schema does not load: %s (line %d)\n%s",
                   qPrintable(s.error().message), s.error().line, r.yaml.constData());
        return s.value();
    }

    // Every finding of `paths` against `schema`, as `frontis validate --schema` reports them
    // (unique keys included).
    static FolderValidator::Report validate(const Schema& schema, const QStringList& paths)
    {
        SchemaLibrary library;
        library.setOverride(schema);
        FolderValidator validator(library);
        return validator.run(paths);
    }

    static QString errorsOf(const FolderValidator::Report& report)
    {
        QStringList lines;
        for (const FolderValidator::FileReport& f : report.files) {
            for (const Diagnostic& d : f.diagnostics) {
                if (d.severity == Diagnostic::Severity::Error)
                    lines << d.format(f.path);
            }
        }
        return lines.mid(0, 10).join(QLatin1Char('\n'));
    }

    static void write(const QString& path, const QByteArray& bytes)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QVERIFY2(testutil::writeAll(path, bytes), qPrintable(path));
    }

    static const SchemaField* field(const Schema& s, const QString& key)
    {
        const SchemaField* f = s.field(key);
        if (!f)
            qWarning("no field '%s'", qPrintable(key));
        return f;
    }

private Q_SLOTS:
    // Each site of the corpus: its articles validate against the schema inferred from them,
    // without a single error; dates are dates, lists are lists, and the keys every article
    // fills are required.
    void realSites_data()
    {
        QTest::addColumn<QString>("site");
        const QDir corpus(realCorpus());
        const QStringList sites = corpus.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        if (sites.isEmpty())
            QSKIP("../shared/corpus/real is absent (set FRONTIS_SHARED_DIR)");
        QCOMPARE(sites.size(), 8);
        for (const QString& site : sites)
            QTest::newRow(qPrintable(site)) << corpus.filePath(site);
    }

    void realSites()
    {
        QFETCH(QString, site);
        const SchemaInference::Result r = SchemaInference::fromFolder(site);
        QVERIFY(r.problems.isEmpty());
        QVERIFY(r.articles > 0);
        QCOMPARE(r.articles, int(QDir(site).entryList({QStringLiteral("*.md")}).size()));
        const Schema schema = inferred(r);
        QVERIFY(!schema.fields().isEmpty());

        const FolderValidator::Report report = validate(schema, {site});
        QCOMPARE(report.articles, r.articles);
        QVERIFY2(report.errors == 0,
                 qPrintable(errorsOf(report) + QLatin1Char(0x0a) + QString::fromUtf8(r.yaml)));

        // What the articles hold at their top level, read here independently of the inference.
        QHash<QString, int> filled;  // key -> articles with a non-empty value
        QHash<QString, int> dates;   // key -> articles where it is a plain YYYY-MM-DD date
        QHash<QString, int> lists;   // key -> articles where it is a non-empty list
        QHash<QString, int> singles; // key -> articles where it is a non-empty single value
        static const QRegularExpression isoDate(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
        for (const QString& name : QDir(site).entryList({QStringLiteral("*.md")})) {
            const Result<Document> doc = Document::load(QDir(site).filePath(name));
            QVERIFY(doc.ok());
            for (const FmEntry& e : doc->frontMatter().root().entries) {
                const FmNode& v = e.value;
                const bool empty = v.isNull() || (v.isScalar() && v.text.trimmed().isEmpty()) ||
                                   (v.isMap() && v.entries.empty()) ||
                                   (v.isSequence() && v.items.empty());
                if (empty || v.isMap())
                    continue;
                ++filled[e.key];
                if (v.isSequence())
                    ++lists[e.key];
                else
                    ++singles[e.key];
                if (v.isPlain() && isoDate.match(v.text).hasMatch())
                    ++dates[e.key];
            }
        }
        int checkedDates = 0;
        for (auto it = filled.cbegin(); it != filled.cend(); ++it) {
            const SchemaField* f = schema.field(it.key());
            if (!f) // left out: a mapping in some articles, a value in others
                continue;
            if (it.value() == r.articles)
                QVERIFY2(f->required, qPrintable(it.key()));
            if (dates.value(it.key()) > 0 && dates.value(it.key()) == it.value()) {
                QVERIFY2(f->type == FieldType::Date, qPrintable(it.key()));
                ++checkedDates;
            }
            if (lists.value(it.key()) == it.value())
                QVERIFY2(f->type == FieldType::Tags || f->type == FieldType::List,
                         qPrintable(it.key()));
        }
        // The key named `date`, where a site has one, is a date or a date and time.
        if (const SchemaField* date = schema.field(QStringLiteral("date"))) {
            QVERIFY2(date->type == FieldType::Date || date->type == FieldType::Datetime,
                     qPrintable(SchemaField::typeName(date->type)));
        }
        Q_UNUSED(checkedDates);
    }

    // A folder of QuickTakes articles: the answer is the text, the subjects a list of values
    // that a new subject only adds an info to, identifiers unique, titles folded.
    void generatedFolder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const testing::GeneratedFolder g = testing::generateFolder(dir.path(), 200);
        QCOMPARE(g.articles, 200);
        const SchemaInference::Result r = SchemaInference::fromFolder(g.root);
        QCOMPARE(r.articles, 200);
        const Schema s = inferred(r);

        QCOMPARE(s.textLocation().body, false);
        QCOMPARE(s.textLocation().key, QStringLiteral("answer"));
        const SchemaField* answer = field(s, QStringLiteral("answer"));
        QVERIFY(answer);
        QCOMPARE(answer->type, FieldType::Markdown);
        QCOMPARE(answer->encoding, QStringLiteral("escaped-newlines"));

        const SchemaField* subject = field(s, QStringLiteral("subject"));
        QVERIFY(subject);
        QCOMPARE(subject->type, FieldType::Select);
        QStringList subjects = subject->values;
        subjects.sort();
        QStringList expected = g.subjectCounts.keys();
        expected.sort();
        QCOMPARE(subjects, expected);
        QCOMPARE(subject->severityOf(QStringLiteral("values")), Diagnostic::Severity::Info);

        QCOMPARE(field(s, QStringLiteral("id"))->type, FieldType::Integer);
        QCOMPARE(field(s, QStringLiteral("date"))->type, FieldType::Date);
        QCOMPARE(field(s, QStringLiteral("score"))->type, FieldType::Number);
        QCOMPARE(field(s, QStringLiteral("url"))->type, FieldType::Url);
        QCOMPARE(field(s, QStringLiteral("title"))->style, ScalarStyle::Folded);
        QCOMPARE(field(s, QStringLiteral("seo.page_description"))->type, FieldType::Textarea);
        QVERIFY(field(s, QStringLiteral("seo.title"))->required);
        // Planted: some articles lack `author` and `score`.
        QVERIFY(!field(s, QStringLiteral("author"))->required);
        QVERIFY(!field(s, QStringLiteral("score"))->required);
        QVERIFY(field(s, QStringLiteral("id"))->required);
        // Ids repeat (planted duplicates); urls and file names never do.
        QVERIFY(!s.uniqueKeys().contains(QStringLiteral("id")));
        QVERIFY(s.uniqueKeys().contains(QStringLiteral("url")));
        QVERIFY(s.uniqueKeys().contains(QStringLiteral("file_name")));
        QVERIFY(!s.uniqueKeys().contains(QStringLiteral("title"))); // words, not an identifier

        // In the order the articles write the keys.
        QStringList keys;
        for (const SchemaField& f : s.fields())
            keys << f.key;
        QCOMPARE(keys.mid(0, 4), QStringList({QStringLiteral("_schema"), QStringLiteral("id"),
                                              QStringLiteral("date"), QStringLiteral("title")}));
        QVERIFY(keys.indexOf(QStringLiteral("seo.title")) <
                keys.indexOf(QStringLiteral("seo.page_description")));
        QCOMPARE(keys.constLast(), QStringLiteral("score"));

        // The comment of each field says how many articles have it.
        QVERIFY(r.yaml.contains("# 200 of 200 articles\n  - key: id\n"));
        QVERIFY(r.yaml.contains(QByteArray::number(200 - int(g.missingAuthor.size())) +
                                " of 200 articles\n  - key: author\n"));

        const FolderValidator::Report report = validate(s, {g.root});
        QVERIFY2(report.errors == 0, qPrintable(errorsOf(report)));
    }

    // Saved as the folder's default.yml, the schema catches an article that lacks a key every
    // other article has, and a date that is not one.
    void plantedArticles_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("rule");
        QTest::newRow("no id") << QByteArray("id: 50000\n") << QByteArray() << "required";
        QTest::newRow("not a date")
            << QByteArray("date: 20") << QByteArray("date: soon-20") << "date";
        QTest::newRow("id as text") << QByteArray("id: 50000") << QByteArray("id: many") << "type";
        QTest::newRow("new subject is info only")
            << QByteArray("subject: ") << QByteArray("subject: Astronomy ") << "values";
    }

    void plantedArticles()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, rule);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const testing::GeneratedFolder g = testing::generateFolder(dir.path(), 60);
        const SchemaInference::Result r = SchemaInference::fromFolder(g.root);
        write(SchemaInference::defaultSchemaPath(g.root), r.yaml);

        const QString first = g.files.first();
        const QByteArray bytes = testutil::readAll(first);
        QVERIFY(bytes.contains(from));
        const QString planted = g.root + QStringLiteral("/planted.md");
        QByteArray changed = bytes;
        changed.replace(changed.indexOf(from), from.size(), to);
        write(planted, changed);

        // The schema comes from the folder: no override.
        SchemaLibrary library;
        FolderValidator validator(library);
        const FolderValidator::Report report = validator.run({planted});
        QCOMPARE(report.articles, 1);
        const QList<Diagnostic>& found = report.files.first().diagnostics;
        const auto it = std::find_if(found.cbegin(), found.cend(),
                                     [&](const Diagnostic& d) { return d.rule == rule; });
        QVERIFY2(it != found.cend(), qPrintable(errorsOf(report)));
        if (rule == QLatin1String("values")) {
            QCOMPARE(it->severity, Diagnostic::Severity::Info);
            QCOMPARE(report.errors, 0);
        } else {
            QCOMPARE(it->severity, Diagnostic::Severity::Error);
            QVERIFY(report.errors > 0);
        }
        // The article it was made from passes.
        const FolderValidator::Report clean = validator.run({first});
        QVERIFY2(clean.errors == 0, qPrintable(errorsOf(clean)));
    }

    // The same articles give the same bytes, whatever order the files were written in.
    void deterministic()
    {
        QTemporaryDir a;
        QTemporaryDir b;
        const testing::GeneratedFolder g = testing::generateFolder(a.path(), 80, 7);
        QStringList files = g.files;
        std::reverse(files.begin(), files.end());
        for (const QString& f : std::as_const(files))
            write(b.path() + f.mid(g.root.size()), testutil::readAll(f));
        const QByteArray first = SchemaInference::fromFolder(g.root).yaml;
        QVERIFY(!first.isEmpty());
        QCOMPARE(SchemaInference::fromFolder(g.root).yaml, first);
        SchemaInference::Options options;
        options.label = QFileInfo(g.root).fileName(); // the label names the folder
        QCOMPARE(SchemaInference::fromFolder(b.path(), options).yaml, first);
    }

    // Values of several types: the narrowest type all of them have, else the most general.
    void typeFallback_data()
    {
        QTest::addColumn<QByteArray>("first");
        QTest::addColumn<QByteArray>("second");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("item"); // a list's item type
        QTest::newRow("integers") << QByteArray("v: 5") << QByteArray("v: -12") << "integer"
                                  << "";
        QTest::newRow("integer and text") << QByteArray("v: 5") << QByteArray("v: five") << "text"
                                          << "";
        QTest::newRow("integer and quoted") << QByteArray("v: 5") << QByteArray("v: '6'") << "text"
                                            << "";
        QTest::newRow("integer and float") << QByteArray("v: 5") << QByteArray("v: 1.5") << "number"
                                           << "";
        QTest::newRow("booleans") << QByteArray("v: true") << QByteArray("v: false") << "boolean"
                                  << "";
        QTest::newRow("boolean yes is text")
            << QByteArray("v: true") << QByteArray("v: yes") << "text"
            << "";
        QTest::newRow("dates") << QByteArray("v: 2024-01-05") << QByteArray("v: '2023-12-31'")
                               << "date"
                               << "";
        QTest::newRow("date and datetime")
            << QByteArray("v: 2024-01-05") << QByteArray("v: 2016-10-06 11:10:38 -0700")
            << "datetime"
            << "";
        QTest::newRow("datetimes") << QByteArray("v: 2024-01-05T10:00:00Z")
                                   << QByteArray("v: 2024-01-05T10:00+02:00") << "datetime"
                                   << "";
        QTest::newRow("date and text")
            << QByteArray("v: 2024-01-05") << QByteArray("v: 01/19/2025") << "text"
            << "";
        QTest::newRow("urls") << QByteArray("v: https://example.org/a") << QByteArray("v: /docs/")
                              << "url"
                              << "";
        QTest::newRow("images") << QByteArray("v: /img/a.png") << QByteArray("v: b.JPG") << "image"
                                << "";
        QTest::newRow("multi-line text")
            << QByteArray("v: one") << QByteArray("v: |\n  two\n  lines") << "textarea"
            << "";
        QTest::newRow("lists of strings")
            << QByteArray("v: [a, b]") << QByteArray("v: [c]") << "tags"
            << "";
        QTest::newRow("list and a single tag")
            << QByteArray("v: [a, b]") << QByteArray("v: c") << "tags"
            << "";
        QTest::newRow("list with a repeated entry")
            << QByteArray("v: [a, A]") << QByteArray("v: [c]") << "list"
            << "text";
        QTest::newRow("lists of dates")
            << QByteArray("v: [2024-01-05, 2024-01-06]") << QByteArray("v: [2024-02-01]") << "tags"
            << "";
        QTest::newRow("lists of repeated dates")
            << QByteArray("v: [2024-01-05, 2024-01-05]") << QByteArray("v: [2024-02-01]") << "list"
            << "date";
        QTest::newRow("lists of mappings") << QByteArray("v:\n  - a: 1\n  - a: 2\n    b: x")
                                           << QByteArray("v:\n  - a: 3") << "list"
                                           << "";
        QTest::newRow("list of mappings and of strings")
            << QByteArray("v:\n  - a: 1") << QByteArray("v: [x]") << "list"
            << "";
        QTest::newRow("empty in one") << QByteArray("v: 5") << QByteArray("v:") << "integer"
                                      << "";
    }

    void typeFallback()
    {
        QFETCH(QByteArray, first);
        QFETCH(QByteArray, second);
        QFETCH(QString, type);
        QFETCH(QString, item);
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("a.md")), "---\ntitle: A\n" + first + "\n---\nText\n");
        write(dir.filePath(QStringLiteral("b.md")), "---\ntitle: B\n" + second + "\n---\nText\n");
        const SchemaInference::Result r = SchemaInference::fromFolder(dir.path());
        QCOMPARE(r.articles, 2);
        const Schema s = inferred(r);
        const SchemaField* v = field(s, QStringLiteral("v"));
        QVERIFY2(v, r.yaml.constData());
        QCOMPARE(SchemaField::typeName(v->type), type);
        QCOMPARE(v->itemType ? SchemaField::typeName(*v->itemType) : QString(), item);
        QCOMPARE(v->required, !second.endsWith(':'));
        QVERIFY(s.uniqueKeys().isEmpty()); // two articles say nothing about uniqueness
        QVERIFY(s.textLocation().body);
        const FolderValidator::Report report = validate(s, {dir.path()});
        QVERIFY2(report.errors == 0,
                 qPrintable(errorsOf(report) + QLatin1Char(0x0a) + QString::fromUtf8(r.yaml)));
    }

    // A list of mappings: its items' keys are fields of the item, required when every item has
    // them, counted in items.
    void listOfMappings()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("a.md")),
              "---\nblocks:\n  - _component: text\n    text: Hi\n  - _component: image\n"
              "    src: /a.png\n---\n");
        write(dir.filePath(QStringLiteral("b.md")),
              "---\nblocks:\n  - _component: text\n    text: Ho\n---\n");
        const SchemaInference::Result r = SchemaInference::fromFolder(dir.path());
        const Schema s = inferred(r);
        const SchemaField* blocks = field(s, QStringLiteral("blocks"));
        QVERIFY(blocks);
        QCOMPARE(blocks->type, FieldType::List);
        QCOMPARE(int(blocks->fields.size()), 3);
        QCOMPARE(blocks->fields[0].key, QStringLiteral("_component"));
        QVERIFY(blocks->fields[0].required);
        QCOMPARE(blocks->fields[1].key, QStringLiteral("text"));
        QVERIFY(!blocks->fields[1].required);
        QCOMPARE(blocks->fields[2].type, FieldType::Image);
        QVERIFY(r.yaml.contains("# 3 of 3 items\n        - key: _component\n"));
        QCOMPARE(validate(s, {dir.path()}).errors, 0);

        // An item without `_component` is an error at that item.
        write(dir.filePath(QStringLiteral("c.md")), "---\nblocks:\n  - text: Hey\n---\n");
        const FolderValidator::Report report = validate(s, {dir.filePath(QStringLiteral("c.md"))});
        QCOMPARE(report.errors, 1);
        const Diagnostic& d = report.files.first().diagnostics.first();
        QCOMPARE(d.key, QStringLiteral("blocks.0._component"));
        QCOMPARE(d.line, 3);
        QCOMPARE(d.column, 5);
    }

    // Paths that are not there are reported; articles that do not parse are left out and named.
    void problems()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("good.md")), "---\ntitle: A\n---\n");
        write(dir.filePath(QStringLiteral("bad.md")), "---\ntitle: [A\n---\n");
        const SchemaInference::Result r = SchemaInference::fromFolder(dir.path());
        QCOMPARE(r.articles, 1);
        QCOMPARE(r.problems.size(), 1);
        QVERIFY(r.problems.first().path.endsWith(QLatin1String("bad.md")));
        QVERIFY(!r.ioProblems);
        const SchemaInference::Result missing =
            SchemaInference::fromFolder(dir.filePath(QStringLiteral("nowhere")));
        QVERIFY(missing.ioProblems);
        QCOMPARE(missing.articles, 0);
        QVERIFY(missing.yaml.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSchemaInfer)
#include "tst_schemainfer.moc"
