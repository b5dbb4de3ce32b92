#include "model/folder/foldervalidator.h"
#include "model/schema/schema.h"
#include "model/schema/validator.h"
#include "model/yaml/document.h"
#include "testutil.h"

#include <QDirIterator>
#include <QTest>

using namespace frontis;

using Edits = QList<QPair<QByteArray, QByteArray>>;
Q_DECLARE_METATYPE(Edits)

// Every rule of the QuickTakes schema, each broken alone in a copy of the seed.
class TestValidator : public QObject
{
    Q_OBJECT

private:
    QByteArray m_seed;
    QByteArray m_clean; // the seed with a description of a length that fits: no findings at all
    Schema m_quickTakes;

    static QByteArray edited(QByteArray bytes, const Edits& edits)
    {
        for (const auto& [from, to] : edits) {
            const qsizetype at = bytes.indexOf(from);
            if (at < 0)
                qFatal("edit target not found: %s", from.constData());
            bytes.replace(at, from.size(), to);
        }
        return bytes;
    }

    QList<Diagnostic> check(const QByteArray& bytes, const Schema& schema) const
    {
        Result<Document> d = Document::fromBytes(bytes);
        if (!d)
            return {Validator::parseFailure(d.error())};
        return Validator(schema).validate(d.value());
    }

    static QString describe(const QList<Diagnostic>& list)
    {
        QStringList lines;
        for (const Diagnostic& d : list)
            lines << d.format(QStringLiteral("article.md"));
        return lines.join(QLatin1Char('\n'));
    }

    // The 1-based line of the seed's line that starts with `prefix`.
    QByteArray seedLine(const QByteArray& prefix) const
    {
        for (const QByteArray& l : m_seed.split('\n')) {
            if (l.startsWith(prefix))
                return l;
        }
        qFatal("no seed line starts with %s", prefix.constData());
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString path = testutil::seedPath();
        if (path.isEmpty())
            QSKIP(
                "../shared/seed is absent (set FRONTIS_SHARED_DIR); skipping the validator tests");
        m_seed = testutil::readAll(path);
        m_quickTakes = *Schema::builtIn(QStringLiteral("quicktakes"));
        const QByteArray description = seedLine("    This content discusses");
        const QByteArray fits =
            "    How GPUs and TPUs made deep learning practical, and how hardware "
            "now shapes AI research, model performance and energy use.";
        m_clean = edited(m_seed, {{description, fits}});
        QVERIFY(fits.trimmed().size() >= 120 && fits.trimmed().size() <= 160);
    }

    // The seed is a valid QuickTakes article whose only flaw is its 261-character description.
    void seed()
    {
        const QList<Diagnostic> got = check(m_seed, m_quickTakes);
        QCOMPARE(got.size(), 1);
        const Diagnostic& d = got.first();
        QCOMPARE(d.severity, Diagnostic::Severity::Warning);
        QCOMPARE(d.rule, QStringLiteral("max-length"));
        QCOMPARE(d.key, QStringLiteral("seo.page_description"));
        QCOMPARE(d.line, 13);
        QCOMPARE(d.column, 21);
        QCOMPARE(d.message,
                 QStringLiteral("'seo.page_description' is 261 characters long; the limit is 160"));
        QCOMPARE(
            d.format(QStringLiteral("a.md")),
            QStringLiteral("a.md:13:21: warning: 'seo.page_description' is 261 characters long; "
                           "the limit is 160 [max-length]"));
    }

    void cleanBase()
    {
        const QList<Diagnostic> got = check(m_clean, m_quickTakes);
        QVERIFY2(got.isEmpty(), qPrintable(describe(got)));
    }

    void oneRule_data()
    {
        QTest::addColumn<Edits>("edits");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<int>("severity");
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");        // 0: not checked
        QTest::addColumn<QByteArray>("anchor"); // when set, the position of this text is expected
        QTest::addColumn<QString>("fragment");
        auto row = [](const char* name, const Edits& edits, const char* rule, int severity,
                      const char* key, int line, int column, const QByteArray& anchor,
                      const char* fragment) {
            QTest::newRow(name) << edits << QString::fromUtf8(rule) << severity
                                << QString::fromUtf8(key) << line << column << anchor
                                << QString::fromUtf8(fragment);
        };
        const int E = int(Diagnostic::Severity::Error);
        const int W = int(Diagnostic::Severity::Warning);
        const int I = int(Diagnostic::Severity::Info);
        const QByteArray answerLine = seedLine("    Advancements in computing power");
        const QByteArray keywords = seedLine("    computing power, deep learning");

        row("required: missing", Edits{{"author: QuickTakes\n", ""}}, "required", E, "author", 1, 1,
            QByteArray(), "'author' is missing");
        row("required: missing nested", Edits{{"  title: QuickTakes | Computer Science\n", ""}},
            "required", E, "seo.title", 11, 1, QByteArray(), "'seo.title' is missing");
        row("required: empty", Edits{{"post_on_text: Posted on", "post_on_text:"}}, "required", E,
            "post_on_text", 10, 0, QByteArray(), "'post_on_text' is empty");
        row("required: empty quoted", Edits{{"author: QuickTakes", "author: '  '"}}, "required", E,
            "author", 17, 9, QByteArray(), "is empty");
        row("required: empty answer", Edits{{"answer: >-\n" + answerLine, "answer: \"\""}},
            "required", E, "answer", 20, 9, QByteArray(), "is empty");
        row("type: integer", Edits{{"id: 51098", "id: 51098x"}}, "type", E, "id", 3, 5,
            QByteArray(), "must be an integer, not '51098x'");
        row("type: quoted integer", Edits{{"id: 51098", "id: \"51098\""}}, "type", E, "id", 3, 5,
            QByteArray(), "quoted");
        row("type: float id", Edits{{"id: 51098", "id: 51098.5"}}, "type", E, "id", 3, 5,
            QByteArray(), "integer");
        row("min: zero id", Edits{{"id: 51098", "id: 0"}}, "min", E, "id", 3, 5, QByteArray(),
            "smallest allowed value is 1");
        row("min: negative id", Edits{{"id: 51098", "id: -4"}}, "min", E, "id", 3, 5, QByteArray(),
            "'id' is -4");
        row("date: format", Edits{{"date: 2024-11-26", "date: 26/11/2024"}}, "date", E, "date", 4,
            7, QByteArray(), "YYYY-MM-DD");
        row("date: with time", Edits{{"date: 2024-11-26", "date: 2024-11-26 10:00:00"}}, "date", E,
            "date", 4, 7, QByteArray(), "YYYY-MM-DD");
        row("date: not a calendar date", Edits{{"date: 2024-11-26", "date: 2023-02-29"}}, "date", E,
            "date", 4, 7, QByteArray(), "not a calendar date");
        row("type: score", Edits{{"score: -1.0", "score: unrated"}}, "type", E, "score", 25, 8,
            QByteArray(), "must be a number");
        row("type: quoted score", Edits{{"score: -1.0", "score: '-1.0'"}}, "type", E, "score", 25,
            8, QByteArray(), "quoted");
        row("type: mapping for text", Edits{{"author: QuickTakes", "author:\n  name: QuickTakes"}},
            "type", E, "author", 18, 0, QByteArray(), "not a mapping");
        row("slug", Edits{{"file_name: how-have", "file_name: How_have"}}, "slug", E, "file_name",
            23, 12, QByteArray(), "try 'how-have-advancements");
        row("pattern", Edits{{"deep-learning.md", "deep-learning.txt"}}, "pattern", E, "file_name",
            23, 12, QByteArray(), "must end in .md");
        row("url", Edits{{"url: /learn/computer-science", "url: learn about /computer-science"}},
            "url", E, "url", 24, 6, QByteArray(), "path starting with '/'");
        row("derived: url",
            Edits{{"questions/how-have-advancements", "questions/why-have-advancements"}},
            "derived", W, "url", 24, 6, QByteArray(),
            "expected '/learn/computer-science/questions/how-have-advancements-in-computing-"
            "power-influenced-deep-learning'");
        row("derived: file_name", Edits{{"file_name: how-have", "file_name: why-have"}}, "derived",
            W, "file_name", 23, 12, QByteArray(),
            "expected 'how-have-advancements-in-computing-power-influenced-deep-learning.md'");
        row("derived: seo.title",
            Edits{{"  title: QuickTakes | Computer Science", "  title: QuickTakes | CS"}},
            "derived", W, "seo.title", 12, 10, QByteArray(),
            "expected 'QuickTakes | Computer Science'");
        row("max-length: seo.title",
            Edits{{"  title: QuickTakes | Computer Science",
                   "  title: QuickTakes | Computer Science and Engineering of Large Systems"},
                  {"subject: Computer Science",
                   "subject: Computer Science and Engineering of Large Systems"},
                  {"/learn/computer-science/",
                   "/learn/computer-science-and-engineering-of-large-systems/"}},
            "max-length", E, "seo.title", 12, 10, QByteArray(),
            "is 62 characters long; the limit is 60");
        row("min-length: description",
            Edits{{"    How GPUs and TPUs made", "    Too short. How GPUs and TPUs made"},
                  {" research, model performance and energy use.", "."}},
            "min-length", W, "seo.page_description", 13, 21, QByteArray(), "the minimum is 120");
        row("max-length: description",
            Edits{{"and energy use.",
                   "and energy use, and what the next generation of chips may bring."}},
            "max-length", W, "seo.page_description", 13, 21, QByteArray(), "the limit is 160");
        row("tags-empty", Edits{{"GPUs, TPUs", "GPUs, , TPUs"}}, "tags-empty", E,
            "seo.page_keywords", 15, 18, QByteArray(), "an empty entry");
        row("tags-empty: trailing comma", Edits{{keywords, keywords + ","}}, "tags-empty", E,
            "seo.page_keywords", 15, 18, QByteArray(), "an empty entry");
        row("tags-duplicate", Edits{{"GPUs, TPUs", "GPUs, gpus"}}, "tags-duplicate", E,
            "seo.page_keywords", 15, 18, QByteArray(), "lists 'gpus' more than once");
        row("tags-count: too few", Edits{{keywords, "    computing power, deep learning"}},
            "tags-count", E, "seo.page_keywords", 15, 18, QByteArray(), "has 2 entries; 3 to 10");
        row("tags-count: too many", Edits{{"machine learning\n", "machine learning, robotics\n"}},
            "tags-count", E, "seo.page_keywords", 15, 18, QByteArray(), "has 11 entries");
        row("agree", Edits{{"article_title: >-\n    How have", "article_title: >-\n    Why have"}},
            "agree", W, "article_title", 7, 16, QByteArray(),
            "'article_title' differs from 'title'");
        row("encoding",
            Edits{{"in recent years. The evolution", "in recent years.\n\n    The evolution"}},
            "encoding", E, "answer", 20, 9, QByteArray(), "raw line break");
        row("markdown-unclosed-emphasis",
            Edits{{"**Increased Computational Capacity**", "**Increased Computational Capacity"}},
            "markdown-unclosed-emphasis", W, "answer", 0, 0, QByteArray("**Increased"),
            "Markdown line 3");
        row("markdown-empty-link",
            Edits{{"the release of AlexNet", "the release of [](https://example.org) AlexNet"}},
            "markdown-empty-link", W, "answer", 0, 0, QByteArray("[](https"), "Markdown line 3");
        row("unknown-key", Edits{{"score: -1.0", "extra: kept\nscore: -1.0"}}, "unknown-key", I,
            "extra", 25, 1, QByteArray(), "'extra' is not in the schema 'quicktakes'");
        row("unknown-key: nested", Edits{{"  page_keywords:", "  extra: 1\n  page_keywords:"}},
            "unknown-key", I, "seo.extra", 15, 3, QByteArray(), "kept as it is");
        row("parse", Edits{{"id: 51098", "id: [51098"}}, "parse", E, "", 4, 5, QByteArray(),
            "YAML syntax error");
    }

    void oneRule()
    {
        QFETCH(Edits, edits);
        QFETCH(QString, rule);
        QFETCH(int, severity);
        QFETCH(QString, key);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QByteArray, anchor);
        QFETCH(QString, fragment);
        const QByteArray bytes = edited(m_clean, edits);
        QList<Diagnostic> got = check(bytes, m_quickTakes);
        // A subject outside the schema's usual list is pointed out (info); rows that need a long
        // subject to break another rule get that note too.
        if (rule != QLatin1String("values"))
            got.removeIf([](const Diagnostic& d) { return d.rule == QLatin1String("values"); });
        QVERIFY2(got.size() == 1, qPrintable(describe(got)));
        const Diagnostic& d = got.first();
        QCOMPARE(d.rule, rule);
        QCOMPARE(int(d.severity), severity);
        QCOMPARE(d.key, key);
        if (!anchor.isEmpty()) {
            const qsizetype at = bytes.indexOf(anchor);
            line = int(bytes.left(at).count('\n')) + 1;
            column = int(at - (bytes.lastIndexOf('\n', at) + 1)) + 1;
        }
        QCOMPARE(d.line, line);
        if (column > 0)
            QCOMPARE(d.column, column);
        QVERIFY2(d.message.contains(fragment), qPrintable(d.message));
    }

    // Values that are written differently but are still right.
    void accepted_data()
    {
        QTest::addColumn<Edits>("edits");
        QTest::newRow("integer score") << Edits{{"score: -1.0", "score: 3"}};
        QTest::newRow("exponent score") << Edits{{"score: -1.0", "score: 2.5e-1"}};
        QTest::newRow("quoted date") << Edits{{"date: 2024-11-26", "date: '2024-11-26'"}};
        QTest::newRow("leap day") << Edits{{"date: 2024-11-26", "date: 2024-02-29"}};
        QTest::newRow("keyword list")
            << Edits{{"  page_keywords: >-\n", "  page_keywords: [a, b, c]\n"},
                     {seedLine("    computing power, deep learning") + "\n", ""}};
        QTest::newRow("keywords with spaces") << Edits{{"GPUs, TPUs", "GPUs ,TPUs"}};
        QTest::newRow("same title, other style") << Edits{
            {"title: >-\n    How have advancements in computing power influenced deep learning?",
             "title: \"How have advancements in computing power influenced deep learning?\""}};
        QTest::newRow("escaped backslash-n")
            << Edits{{"in recent years. The", "in recent years.\\n\\nThe"}};
    }

    void accepted()
    {
        QFETCH(Edits, edits);
        const QList<Diagnostic> got = check(edited(m_clean, edits), m_quickTakes);
        QVERIFY2(got.isEmpty(), qPrintable(describe(got)));
    }

    // Several problems come back sorted by position.
    void sortedByPosition()
    {
        const QByteArray bytes = edited(
            m_clean,
            {{"score: -1.0", "score: x"}, {"id: 51098", "id: 0"}, {"author: QuickTakes\n", ""}});
        const QList<Diagnostic> got = check(bytes, m_quickTakes);
        QCOMPARE(got.size(), 3);
        QCOMPARE(got[0].rule, QStringLiteral("required"));
        QCOMPARE(got[1].rule, QStringLiteral("min"));
        QCOMPARE(got[2].rule, QStringLiteral("type"));
        QVERIFY(got[1].line < got[2].line);
    }

    // A schema's severity map turns the description warning into an error.
    void severityOverride()
    {
        const Schema strict = Schema::fromYaml("name: strict\n"
                                               "unknown_keys: ignore\n"
                                               "fields:\n"
                                               "  - key: seo.page_description\n"
                                               "    max_length: 160\n"
                                               "    severity: {max_length: error}\n")
                                  .value();
        const QList<Diagnostic> got = check(m_seed, strict);
        QCOMPARE(got.size(), 1);
        QCOMPARE(got[0].severity, Diagnostic::Severity::Error);
        QCOMPARE(got[0].rule, QStringLiteral("max-length"));
    }

    void otherTypes_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("rule"); // empty: accepted
        QTest::newRow("select ok") << QByteArray("kind: main") << QString();
        QTest::newRow("select other") << QByteArray("kind: brunch") << QStringLiteral("values");
        QTest::newRow("boolean ok") << QByteArray("draft: false") << QString();
        QTest::newRow("boolean yes is 1.1 only")
            << QByteArray("draft: yes") << QStringLiteral("type");
        QTest::newRow("boolean quoted") << QByteArray("draft: 'true'") << QStringLiteral("type");
        QTest::newRow("url absolute") << QByteArray("link: https://example.org/a?b=c") << QString();
        QTest::newRow("url no scheme")
            << QByteArray("link: example.org/a") << QStringLiteral("url");
        QTest::newRow("pattern ok") << QByteArray("code: AB-12") << QString();
        QTest::newRow("pattern fails") << QByteArray("code: ab-12") << QStringLiteral("pattern");
        QTest::newRow("max number") << QByteArray("rating: 5.5") << QStringLiteral("max");
        QTest::newRow("number in range") << QByteArray("rating: 4") << QString();
        QTest::newRow("hex integer") << QByteArray("count: 0x1F") << QString();
        QTest::newRow("integer max") << QByteArray("count: 0x100") << QStringLiteral("max");
        QTest::newRow("tags list") << QByteArray("tags: [a, b]") << QString();
        QTest::newRow("tags nested list") << QByteArray("tags: [a, [b]]") << QStringLiteral("type");
        QTest::newRow("tags duplicate in list")
            << QByteArray("tags: [Go, go]") << QStringLiteral("tags-duplicate");
        QTest::newRow("min length in code points")
            << QByteArray("name: \"\U0001F600\U0001F600\"") << QString();
        QTest::newRow("max length in code points")
            << QByteArray("name: \"\U0001F600\U0001F600\U0001F600\U0001F600\"")
            << QStringLiteral("max-length");
    }

    void otherTypes()
    {
        QFETCH(QByteArray, value);
        QFETCH(QString, rule);
        const Schema s = Schema::fromYaml("name: other\n"
                                          "unknown_keys: ignore\n"
                                          "fields:\n"
                                          "  - {key: kind, type: select, values: [starter, main]}\n"
                                          "  - {key: draft, type: boolean}\n"
                                          "  - {key: link, type: url}\n"
                                          "  - {key: code, pattern: '^[A-Z]{2}-[0-9]+$'}\n"
                                          "  - {key: rating, type: number, min: 0, max: 5}\n"
                                          "  - {key: count, type: integer, max: 255}\n"
                                          "  - {key: tags, type: tags}\n"
                                          "  - {key: name, min_length: 2, max_length: 3}\n")
                             .value();
        const QList<Diagnostic> got = check("---\n" + value + "\n---\n", s);
        if (rule.isEmpty()) {
            QVERIFY2(got.isEmpty(), qPrintable(describe(got)));
        } else {
            QVERIFY2(got.size() == 1, qPrintable(describe(got)));
            QCOMPARE(got[0].rule, rule);
            QCOMPARE(got[0].line, 2);
        }
    }

    // Objects, lists of mappings and lists of values: each nested value is checked, named by its
    // whole path, at its own position; a missing nested key points at its parent (the object's
    // key, or the list item's first key).
    void nestedTypes_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("rule"); // empty: accepted
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("object ok")
            << QByteArray("thumb:\n  image: /a.png\n  alt: A") << QString() << QString() << 0 << 0;
        QTest::newRow("object key missing")
            << QByteArray("thumb:\n  image: /a.png") << QStringLiteral("required")
            << QStringLiteral("thumb.alt") << 2 << 1;
        QTest::newRow("object key empty")
            << QByteArray("thumb:\n  image: /a.png\n  alt: ''") << QStringLiteral("required")
            << QStringLiteral("thumb.alt") << 4 << 8;
        QTest::newRow("object not a mapping") << QByteArray("thumb: x") << QStringLiteral("type")
                                              << QStringLiteral("thumb") << 2 << 8;
        QTest::newRow("list of mappings ok")
            << QByteArray("blocks:\n  - _component: a\n    size: 3\n  - _component: b") << QString()
            << QString() << 0 << 0;
        QTest::newRow("item key missing")
            << QByteArray("blocks:\n  - _component: a\n  - size: 3") << QStringLiteral("required")
            << QStringLiteral("blocks.1._component") << 4 << 5;
        QTest::newRow("item value of the wrong type")
            << QByteArray("blocks:\n  - _component: a\n    size: big") << QStringLiteral("type")
            << QStringLiteral("blocks.0.size") << 4 << 11;
        QTest::newRow("item not a mapping")
            << QByteArray("blocks:\n  - a") << QStringLiteral("type") << QStringLiteral("blocks.0")
            << 3 << 5;
        QTest::newRow("list not a list") << QByteArray("blocks: a") << QStringLiteral("type")
                                         << QStringLiteral("blocks") << 2 << 9;
        QTest::newRow("list of dates ok")
            << QByteArray("dates: [2024-01-05, 2024-12-31]") << QString() << QString() << 0 << 0;
        QTest::newRow("list item not a date")
            << QByteArray("dates: [2024-01-05, 2024-13-01]") << QStringLiteral("date")
            << QStringLiteral("dates.1") << 2 << 21;
        QTest::newRow("datetime as Jekyll writes it")
            << QByteArray("when: 2016-10-06 11:10:38 -0700") << QString() << QString() << 0 << 0;
        QTest::newRow("datetime ISO")
            << QByteArray("when: 2024-01-05T10:00:00Z") << QString() << QString() << 0 << 0;
        QTest::newRow("datetime a date alone")
            << QByteArray("when: 2024-01-05") << QString() << QString() << 0 << 0;
        QTest::newRow("datetime hour 25")
            << QByteArray("when: 2024-01-05 25:00") << QStringLiteral("date")
            << QStringLiteral("when") << 2 << 7;
        QTest::newRow("datetime text") << QByteArray("when: soon") << QStringLiteral("date")
                                       << QStringLiteral("when") << 2 << 7;
        QTest::newRow("image path")
            << QByteArray("cover: img/a.png") << QString() << QString() << 0 << 0;
        QTest::newRow("image a list") << QByteArray("cover: [a.png]") << QStringLiteral("type")
                                      << QStringLiteral("cover") << 2 << 8;
        QTest::newRow("reference")
            << QByteArray("author: jane") << QString() << QString() << 0 << 0;
        QTest::newRow("reference a mapping")
            << QByteArray("author:\n  name: jane") << QStringLiteral("type")
            << QStringLiteral("author") << 3 << 3;
        QTest::newRow("tags with values")
            << QByteArray("labels: [news, gossip]") << QStringLiteral("values")
            << QStringLiteral("labels") << 2 << 9;
    }

    void nestedTypes()
    {
        QFETCH(QByteArray, value);
        QFETCH(QString, rule);
        QFETCH(QString, key);
        QFETCH(int, line);
        QFETCH(int, column);
        const Result<Schema> s =
            Schema::fromYaml("name: nested\n"
                             "unknown_keys: ignore\n"
                             "fields:\n"
                             "  - key: thumb\n"
                             "    type: object\n"
                             "    fields:\n"
                             "      - {key: image, type: image, required: true}\n"
                             "      - {key: alt, required: true}\n"
                             "  - key: blocks\n"
                             "    type: list\n"
                             "    item:\n"
                             "      fields:\n"
                             "        - {key: _component, required: true}\n"
                             "        - {key: size, type: integer}\n"
                             "  - {key: dates, type: list, item: date}\n"
                             "  - {key: when, type: datetime}\n"
                             "  - {key: cover, type: image}\n"
                             "  - {key: author, type: reference, to: id}\n"
                             "  - {key: labels, type: tags, values: [news]}\n");
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
        const QList<Diagnostic> got = check("---\n" + value + "\n---\n", s.value());
        if (rule.isEmpty()) {
            QVERIFY2(got.isEmpty(), qPrintable(describe(got)));
            return;
        }
        QVERIFY2(got.size() == 1, qPrintable(describe(got)));
        QCOMPARE(got[0].rule, rule);
        QCOMPARE(got[0].key, key);
        QCOMPARE(got[0].line, line);
        QCOMPARE(got[0].column, column);
        QCOMPARE(got[0].severity, Diagnostic::Severity::Error);
    }

    // The nested properties are only read where they mean something.
    void nestedSchemaMistakes_data()
    {
        QTest::addColumn<QByteArray>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("fields on text") << QByteArray("{key: a, fields: [{key: b}]}")
                                        << QStringLiteral("'fields' applies to object fields only");
        QTest::newRow("item on object") << QByteArray("{key: a, type: object, item: text}")
                                        << QStringLiteral("'item' applies to list fields only");
        QTest::newRow("item of tags") << QByteArray("{key: a, type: list, item: tags}")
                                      << QStringLiteral("unknown item type 'tags'");
        QTest::newRow("item mapping without fields")
            << QByteArray("{key: a, type: list, item: {type: text}}")
            << QStringLiteral("unknown item property 'type'");
        QTest::newRow("reference without to") << QByteArray("{key: a, type: reference}")
                                              << QStringLiteral("a reference field needs 'to'");
        QTest::newRow("nested key twice")
            << QByteArray("{key: a, type: object, fields: [{key: b}, {key: b}]}")
            << QStringLiteral("the field 'b' is defined twice");
    }

    void nestedSchemaMistakes()
    {
        QFETCH(QByteArray, field);
        QFETCH(QString, message);
        const Result<Schema> s = Schema::fromYaml("name: broken\nfields:\n  - " + field + "\n");
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message.startsWith(message), qPrintable(s.error().message));
        QCOMPARE(s.error().line, 3);
    }

    void uniqueValues()
    {
        const Result<Document> d = Document::fromBytes(m_seed);
        QVERIFY(d.ok());
        const QList<Validator::KeyValue> values = Validator(m_quickTakes).uniqueValues(d.value());
        QCOMPARE(values.size(), 3);
        QCOMPARE(values[0].key, QStringLiteral("id"));
        QCOMPARE(values[0].value, QStringLiteral("51098"));
        QCOMPARE(values[0].line, 3);
        QCOMPARE(values[2].key, QStringLiteral("file_name"));
    }

    // The generic schema has no rules: any article that parses is valid.
    void genericAcceptsAnything()
    {
        const QList<Diagnostic> got =
            check(edited(m_seed, {{"id: 51098", "id: oops\nmore: [1, 2]"}}), Schema::generic());
        QVERIFY2(got.isEmpty(), qPrintable(describe(got)));
    }
    void diagnosticFormat()
    {
        Diagnostic d{
            Diagnostic::Severity::Info, QStringLiteral("unknown-key"), QStringLiteral("x"), 4, 0,
            QStringLiteral("m")};
        QCOMPARE(d.format(QStringLiteral("f.md")),
                 QStringLiteral("f.md:4:1: info: m [unknown-key]"));
        d.line = 0;
        d.severity = Diagnostic::Severity::Error;
        QCOMPARE(d.format(QStringLiteral("f.md")), QStringLiteral("f.md: error: m [unknown-key]"));
        QCOMPARE(Diagnostic::severityFromName(u"Warning"),
                 std::optional(Diagnostic::Severity::Warning));
        QVERIFY(!Diagnostic::severityFromName(u"fatal"));
    }

    // Where the body is the text, its Markdown is linted at the file's line and column (bytes).
    void bodyMarkdownLint_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("empty link") << QByteArray("---\ntitle: a\n---\nline one\n[x]()\n")
                                    << QStringLiteral("markdown-empty-link") << 5 << 1;
        QTest::newRow("crlf and a two-byte letter")
            << QByteArray("---\r\na: 1\r\n---\r\n\r\n\xC3\xBC [x]()\r\n")
            << QStringLiteral("markdown-empty-link") << 5 << 4;
        QTest::newRow("unclosed emphasis")
            << QByteArray("---\na: 1\n---\n\nsome **bold\n")
            << QStringLiteral("markdown-unclosed-emphasis") << 5 << 6;
        QTest::newRow("no front matter, bom")
            << QByteArray("\xEF\xBB\xBF[x]()\n") << QStringLiteral("markdown-empty-link") << 1 << 1;
        QTest::newRow("shortcode arguments are not Markdown")
            << QByteArray("---\na: 1\n---\n{{% card header=\"**A\" %}}\n[x]({{ url }})\n")
            << QString() << 0 << 0;
    }

    void bodyMarkdownLint()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, rule);
        QFETCH(int, line);
        QFETCH(int, column);
        const Result<Document> d = Document::fromBytes(bytes);
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().message));
        const QList<Diagnostic> found = Validator(Schema::generic()).validate(d.value());
        if (rule.isEmpty()) {
            QVERIFY2(found.isEmpty(), qPrintable(found.value(0).message));
            return;
        }
        QCOMPARE(found.size(), 1);
        QCOMPARE(found[0].rule, rule);
        QCOMPARE(found[0].severity, Diagnostic::Severity::Warning);
        QCOMPARE(found[0].line, line);
        QCOMPARE(found[0].column, column);
        // A schema whose text is a field leaves the body alone.
        const Result<Schema> answer =
            Schema::fromYaml("name: x\nfields:\n  - key: answer\n    type: markdown\n");
        QVERIFY(answer.ok());
        for (const Diagnostic& other : Validator(answer.value()).validate(d.value()))
            QVERIFY2(!other.rule.startsWith(QLatin1String("markdown")), qPrintable(other.message));
    }

    // Every real front matter of the corpus validates against the generic schema: no crash, no
    // parse error, no finding (generic has no rules), and a form field for every top-level key.
    void corpusAgainstGeneric()
    {
        const QString corpus = testutil::sharedDir() + QStringLiteral("/corpus/real");
        if (!QFileInfo(corpus).isDir())
            QSKIP("../shared/corpus/real is absent (set FRONTIS_SHARED_DIR)");
        QStringList folders;
        int articles = 0;
        for (const QFileInfo& f :
             QDir(corpus).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            folders << f.absoluteFilePath();
            QDirIterator it(f.absoluteFilePath(), {QStringLiteral("*.md")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                ++articles;
                const Result<Document> d = Document::load(path);
                QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().format(path)));
                const Schema generic = Schema::generic();
                // No rules for the front matter; the body, the generic schema's text, is linted.
                for (const Diagnostic& diag : Validator(generic).validate(d.value())) {
                    QVERIFY2(diag.severity == Diagnostic::Severity::Warning && diag.key.isEmpty() &&
                                 diag.rule.startsWith(QLatin1String("markdown-")) &&
                                 diag.line > d->file().position(d->file().bodyBegin()).line - 1,
                             qPrintable(diag.format(path)));
                }
                QStringList keys;
                for (const SchemaField& field : generic.fieldsFor(d->frontMatter()))
                    keys << field.key.section(QLatin1Char('.'), 0, 0);
                for (const FmEntry& e : d->frontMatter().root().entries)
                    QVERIFY2(keys.contains(e.key) || e.key.contains(QLatin1Char('.')),
                             qPrintable(path + e.key));
            }
        }
        QVERIFY(articles > 300);

        SchemaLibrary library;
        library.setOverride(Schema::generic());
        const FolderValidator::Report report = FolderValidator(library).run(folders);
        QCOMPARE(report.articles, articles);
        QCOMPARE(report.errors + report.infos, 0); // warnings: the bodies' Markdown lint
        QVERIFY(!report.ioProblems);

        // With each file's own _schema (CloudCannon's "default" reads as QuickTakes) nothing
        // crashes and nothing fails to parse.
        SchemaLibrary own;
        for (const FolderValidator::FileReport& f : FolderValidator(own).run(folders).files) {
            for (const Diagnostic& d : f.diagnostics)
                QVERIFY2(d.rule != QLatin1String("parse") && d.rule != QLatin1String("io"),
                         qPrintable(d.format(f.path)));
        }
    }
};

QTEST_GUILESS_MAIN(TestValidator)
#include "tst_validator.moc"
