// Issue 16: exact saves where YAML 1.1 and 1.2 readers type a value differently, and for values
// continued over several lines. Every edit is read back twice: by Frontis's own yaml-cpp tree and
// by PyYAML (tests/tools/yaml11.py), a YAML 1.1 reader like Jekyll's. Corpus files are read in
// place (FRONTIS_CORPUS_STRIDE thins them out, as in tst_corpus).
#include "model/yaml/document.h"
#include "model/yaml/yamltypes.h"
#include "testutil.h"
#include "yaml11reader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace frontis;
using yaml::PlainType;

namespace {

// A value must change only lines of its own span: [first, last] 0-based lines of `before`.
bool changedOnlyWithin(const QByteArray& before, const QByteArray& after, int first, int last)
{
    const testutil::ChangedLines c = testutil::changedLines(before, after);
    return c.first == -1 || (c.first >= first && c.lastBefore <= last);
}

// Every front-matter string a writer could set: editable scalars that both readers read as text.
QList<KeyPath> stringKeys(const Document& doc)
{
    QList<KeyPath> keys;
    for (const KeyPath& p : doc.frontMatter().leafPaths()) {
        const FmNode* n = doc.find(p);
        if (n->isScalar() && n->editable && (!n->isPlain() || yaml::readsAsString(n->text)))
            keys << p;
    }
    return keys;
}

// Every other leaf's kind, text and plainness, to see that an edit changed nothing else.
QStringList otherLeaves(const Document& doc, const KeyPath& except)
{
    QStringList out;
    for (const KeyPath& p : doc.frontMatter().leafPaths()) {
        if (p == except)
            continue;
        const FmNode* n = doc.find(p);
        out << joinKeyPath(p) + QLatin1Char('=') + QString::number(int(n->kind)) +
                   (n->isPlain() ? u'p' : u'q') + n->text;
    }
    return out;
}

struct Check
{
    QByteArray where;
    QByteArray frontMatter;
    KeyPath path;
    QString wantType; // Python's type name
    QString wantValue;
};

// Runs every check through PyYAML at once; fails with the first mismatch.
void verifyWithYaml11(const QList<Check>& checks)
{
    QList<std::pair<QByteArray, KeyPath>> queries;
    for (const Check& c : checks)
        queries.append({c.frontMatter, c.path});
    QString why;
    const QList<testutil::Yaml11Value> got = testutil::readWithYaml11(queries, &why);
    QVERIFY2(!got.isEmpty() || checks.isEmpty(), qPrintable(why));
    for (qsizetype i = 0; i < checks.size(); ++i) {
        const Check& c = checks[i];
        const testutil::Yaml11Value& v = got[i];
        const QByteArray message = c.where + ": PyYAML read " + v.type.toUtf8() + " '" +
                                   v.value.toUtf8() + "'" + v.error.toUtf8() + ", wanted " +
                                   c.wantType.toUtf8() + " '" + c.wantValue.toUtf8() + "'";
        QVERIFY2(v.error.isEmpty() && v.type == c.wantType, message.constData());
        if (c.wantType == QLatin1String("float"))
            QVERIFY2(v.value.toDouble() == c.wantValue.toDouble(), message.constData());
        else
            QVERIFY2(v.value == c.wantValue, message.constData());
    }
}

// The awkward values of the "Done when".
QStringList awkwardValues()
{
    QString longText;
    while (longText.size() < 300)
        longText += QStringLiteral("word%1 ").arg(longText.size());
    return {QStringLiteral("it's \"quoted\""),
            QStringLiteral("# not a comment, a #hash"),
            QStringLiteral("  leading and trailing  "),
            QStringLiteral("line one\nline two"),
            QStringLiteral("yes"),
            QStringLiteral("null"),
            QStringLiteral("-1"),
            QStringLiteral("0o17"),
            QStringLiteral("1e3"),
            longText.left(300)};
}

// A YAML source line `k: ...` holding `literal` in `style`, and the path of the value.
std::pair<QByteArray, KeyPath> sourceFor(const QString& literal, const QString& style)
{
    const QByteArray l = literal.toUtf8();
    if (style == QLatin1String("plain"))
        return {"k: " + l + "\n", {QStringLiteral("k")}};
    if (style == QLatin1String("single"))
        return {"k: '" + l + "'\n", {QStringLiteral("k")}};
    if (style == QLatin1String("double"))
        return {"k: \"" + l + "\"\n", {QStringLiteral("k")}};
    if (style == QLatin1String("folded"))
        return {"k: >-\n  " + l + "\n", {QStringLiteral("k")}};
    if (style == QLatin1String("literal"))
        return {"k: |-\n  " + l + "\n", {QStringLiteral("k")}};
    return {"k: [" + l + ", other]\n", {QStringLiteral("k"), QStringLiteral("0")}};
}

QString pythonType(PlainType t)
{
    switch (t) {
    case PlainType::Int:
        return QStringLiteral("int");
    case PlainType::Float:
        return QStringLiteral("float");
    case PlainType::Bool:
        return QStringLiteral("bool");
    case PlainType::Timestamp:
        return QStringLiteral("date");
    default:
        return QStringLiteral("str");
    }
}

// What Python prints for an integer literal both readers agree on ("0x1F" -> "31").
QString pythonInt(const QString& literal)
{
    bool ok = false;
    const qint64 v = literal.startsWith(QLatin1String("0x")) ? literal.mid(2).toLongLong(&ok, 16)
                                                             : literal.toLongLong(&ok, 10);
    return ok ? QString::number(v) : QString();
}

} // namespace

class TestFidelity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typedLiteral_data();
    void typedLiteral();
    void ambiguousLiterals_data();
    void ambiguousLiterals();
    void continuedLines_data();
    void continuedLines();
    void noOpSetOfEveryStringKey();
    void awkwardValuesReadBackInBothReaders();
    void randomSetsChangeOnlyTheirLines();
};

void TestFidelity::typedLiteral_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("floatForm");
    QTest::addColumn<QString>("expected"); // empty: refused

    auto row = [](const char* name, PlainType t, const char* v, bool floatForm, const char* e) {
        QTest::newRow(name) << int(t) << QString::fromLatin1(v) << floatForm
                            << QString::fromLatin1(e);
    };
    row("float 1e3", PlainType::Float, "1e3", false, "1000.0");
    row("float 6.02e23", PlainType::Float, "6.02e23", false, "6.02e+23");
    row("float 1e-7", PlainType::Float, "1e-7", false, "1.0e-07");
    row("float 0o17", PlainType::Float, "0o17", false, "15");
    row("float 0o17 in a float field", PlainType::Float, "0o17", true, "15.0");
    row("float 1 in a float field", PlainType::Float, "1", true, "1.0");
    row("float 0.5 kept", PlainType::Float, "0.5", true, "0.5");
    row("float -1.0 kept", PlainType::Float, "-1.0", false, "-1.0");
    row("float 1_000.5", PlainType::Float, "1_000.5", false, "1000.5");
    row("float word", PlainType::Float, "many", false, "");
    row("int 0o17", PlainType::Int, "0o17", false, "15");
    row("int 1_000", PlainType::Int, "1_000", false, "1000");
    row("int 0x1F kept", PlainType::Int, "0x1F", false, "0x1F");
    row("int +12 kept", PlainType::Int, "+12", false, "+12");
    row("int sexagesimal 1:30", PlainType::Int, "1:30", false, "90");
    row("int 017 read differently", PlainType::Int, "017", false, "");
    row("int 1.5", PlainType::Int, "1.5", false, "");
    row("int trimmed", PlainType::Int, " 42 ", false, "42");
    row("bool yes", PlainType::Bool, "yes", false, "true");
    row("bool Off", PlainType::Bool, "Off", false, "false");
    row("bool True kept", PlainType::Bool, "True", false, "True");
    row("bool y", PlainType::Bool, "y", false, "");
    row("date", PlainType::Timestamp, "2024-01-05", false, "2024-01-05");
    row("date one-digit month", PlainType::Timestamp, "2024-1-5", false, "");
    row("date not a day", PlainType::Timestamp, "2024-02-30", false, "");
}

void TestFidelity::typedLiteral()
{
    QFETCH(int, type);
    QFETCH(QString, value);
    QFETCH(bool, floatForm);
    QFETCH(QString, expected);
    const std::optional<QString> got = yaml::typedLiteral(PlainType(type), value, floatForm);
    QCOMPARE(got.value_or(QString()), expected);
    if (got)
        QCOMPARE(yaml::agreedType(*got) == PlainType::Int && PlainType(type) == PlainType::Float
                     ? PlainType::Float
                     : yaml::agreedType(*got),
                 PlainType(type));
}

void TestFidelity::ambiguousLiterals_data()
{
    QTest::addColumn<QString>("literal");
    QTest::addColumn<QString>("style");
    QTest::addColumn<int>("type");         // the schema's type, for the typed rows
    QTest::addColumn<QString>("expected"); // what a typed set writes; empty: refused

    struct Literal
    {
        const char* text;
        PlainType type;
        const char* typedAs;
    };
    const Literal literals[] = {
        {"1e3", PlainType::Float, "1000.0"}, {"6.02e23", PlainType::Float, "6.02e+23"},
        {"0o17", PlainType::Int, "15"},      {"1_000", PlainType::Int, "1000"},
        {"on", PlainType::Bool, "true"},     {"off", PlainType::Bool, "false"},
        {"yes", PlainType::Bool, "true"},    {"no", PlainType::Bool, "false"},
        {"1:30", PlainType::Int, "90"},      {"0x1F", PlainType::Int, "0x1F"},
        {"+12", PlainType::Int, "+12"},      {"y", PlainType::Bool, ""},
        {"n", PlainType::Bool, ""},          {"2024-1-5", PlainType::Timestamp, ""},
    };
    for (const Literal& l : literals) {
        for (const char* style : {"plain", "single", "double", "folded", "literal", "flow"}) {
            QTest::addRow("%s %s", l.text, style)
                << QString::fromLatin1(l.text) << QString::fromLatin1(style) << int(l.type)
                << QString::fromLatin1(l.typedAs);
        }
    }
}

// Each ambiguous literal, written in each style, set untyped (to "-1" and to itself) and typed
// (to itself): what both readers read back is the intended string, or the intended type and value.
void TestFidelity::ambiguousLiterals()
{
    QFETCH(QString, literal);
    QFETCH(QString, style);
    QFETCH(int, type);
    QFETCH(QString, expected);
    const auto [source, path] = sourceFor(literal, style);
    const QByteArray file = "---\n" + source + "z: 0\n---\nbody\n";
    QList<Check> checks;

    // Untyped: a value the two readers type differently is a string, so the new value is one
    // too; "0x1F" and "+12" are integers to both, so -1 stays an integer there.
    const bool asInt =
        style == QLatin1String("plain") && yaml::agreedType(literal) == PlainType::Int;
    for (const QString& value : {QStringLiteral("-1"), literal}) {
        Result<Document> doc = Document::fromBytes(file);
        QVERIFY(doc);
        QVERIFY(!doc->setLiteral(path, value));
        const Result<Document> reread = Document::fromBytes(doc->bytes());
        QVERIFY(reread);
        const FmNode* n = reread->find(path);
        QVERIFY(n && n->isScalar());
        QCOMPARE(n->text, value);
        const PlainType got = n->isPlain() ? yaml::agreedType(n->text) : PlainType::String;
        QCOMPARE(got, asInt ? PlainType::Int : PlainType::String);
        checks.append({"untyped " + value.toUtf8(), reread->file().frontMatterText(), path,
                       asInt ? QStringLiteral("int") : QStringLiteral("str"),
                       asInt ? pythonInt(value) : value});
    }

    // Typed: written as a literal both readers read as that type and value, or refused.
    Result<Document> doc = Document::fromBytes(file);
    QVERIFY(doc);
    const Status s = doc->setTyped(path, literal, PlainType(type));
    if (expected.isEmpty()) {
        QVERIFY2(s, "a value that is no literal of the type must be refused");
        QVERIFY(s->message.contains(literal));
        QVERIFY(!doc->isModified());
    } else {
        QVERIFY2(!s, s ? qPrintable(s->message) : "");
        const Result<Document> reread = Document::fromBytes(doc->bytes());
        QVERIFY(reread);
        const FmNode* n = reread->find(path);
        QVERIFY(n && n->isPlain());
        QCOMPARE(n->text, expected);
        QString want = expected;
        if (PlainType(type) == PlainType::Int)
            want = pythonInt(expected);
        checks.append(
            {"typed", reread->file().frontMatterText(), path, pythonType(PlainType(type)), want});
    }
    verifyWithYaml11(checks);
}

void TestFidelity::continuedLines_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");

    // Docsy's own pages write descriptions as plain scalars continued over lines.
    const QByteArray docsy =
        "description: Docsy is a theme for the Hugo static site generator that's specifically\n"
        "  designed for technical documentation sets.\n";
    QTest::newRow("plain, edited, stays plain over lines")
        << docsy
        << QStringLiteral("Docsy is a theme for the Hugo static site generator that's made for "
                          "technical documentation sets of any size.")
        << QByteArray(
               "description: Docsy is a theme for the Hugo static site generator that's made for\n"
               "  technical documentation sets of any size.\n");
    QTest::newRow("plain, a colon: single-quoted over lines")
        << docsy
        << QStringLiteral("Docsy: a theme for the Hugo static site generator made for "
                          "technical documentation sets.")
        << QByteArray("description: 'Docsy: a theme for the Hugo static site generator made for "
                      "technical\n  documentation sets.'\n");
    QTest::newRow("plain, short now: one line")
        << docsy << QStringLiteral("A theme.") << QByteArray("description: A theme.\n");
    QTest::newRow("plain starting on the next line")
        << QByteArray("description:\n  Code-level structure, Hugo/Docsy templates, SCSS/JS "
                      "customizations, patches,\n  and internal shims\n")
        << QStringLiteral("Code-level structure, Hugo templates, SCSS/JS customizations, "
                          "patches, and internal shims")
        << QByteArray("description:\n  Code-level structure, Hugo templates, SCSS/JS "
                      "customizations, patches, and\n  internal shims\n");
    QTest::newRow("no line starts with an indicator")
        << QByteArray("d: aaaa bbbb\n  cccc\n") << QStringLiteral("aaaa -bbbb cccc")
        << QByteArray("d: aaaa -bbbb\n  cccc\n");
    QTest::newRow("single-quoted over lines")
        << QByteArray("d: 'It''s a theme for the Hugo static site generator that is made\n"
                      "   for docs.'\n")
        << QStringLiteral("It's a theme for the Hugo static site generator that is made for "
                          "technical docs.")
        << QByteArray("d: 'It''s a theme for the Hugo static site generator that is made\n"
                      "   for technical docs.'\n");
    QTest::newRow("double-quoted over lines, CRLF")
        << QByteArray("d: \"A \\\"theme\\\" for the Hugo static site generator that is made\r\n"
                      "  for docs.\"\r\n")
        << QStringLiteral("A \"theme\" for the Hugo static site generator that is made for "
                          "all\tdocs.")
        << QByteArray("d: \"A \\\"theme\\\" for the Hugo static site generator that is made\r\n"
                      "  for all\\tdocs.\"\r\n");
}

void TestFidelity::continuedLines()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);
    const QByteArray nl = source.contains("\r\n") ? "\r\n" : "\n";
    const QByteArray before = "---" + nl + "title: T" + nl;
    const QByteArray after = "weight: 100" + nl + "---" + nl + "Body" + nl;
    Result<Document> doc = Document::fromBytes(before + source + after);
    QVERIFY(doc);
    const KeyPath path{doc->frontMatter().leafPaths().at(1)};
    // Setting the value it has changes nothing.
    const QString current = doc->find(path)->text;
    QVERIFY(!doc->setLiteral(path, current));
    QVERIFY(!doc->isModified());
    QVERIFY(!doc->setLiteral(path, value));
    QCOMPARE(doc->bytes(), before + expected + after);
    QCOMPARE(doc->find(path)->text, value);
    verifyWithYaml11(
        {{"continued", doc->file().frontMatterText(), path, QStringLiteral("str"), value}});
}

// A no-op set of every string key of every corpus file (and CRLF and BOM copies) is
// byte-identical, with the form's and the command line's paths alike.
void TestFidelity::noOpSetOfEveryStringKey()
{
    const QStringList files = testutil::corpusFiles();
    if (files.size() < 2)
        QSKIP("../shared/corpus/real is absent (set FRONTIS_SHARED_DIR)");
    int checked = 0;
    for (const QString& path : files) {
        const QByteArray original = testutil::readAll(path);
        for (const QByteArray& bytes :
             {original, testutil::toCrlf(original), testutil::withBom(original)}) {
            const Result<Document> base = Document::fromBytes(bytes);
            QVERIFY2(base, qPrintable(path));
            for (const KeyPath& key : stringKeys(base.value())) {
                Document doc = base.value();
                const QString value = doc.find(key)->text;
                const QByteArray where = (path + u' ' + joinKeyPath(key)).toUtf8();
                QVERIFY2(!doc.setString(key, value), where.constData());
                QVERIFY2(!doc.setLiteral(key, value), where.constData());
                QVERIFY2(doc.bytes() == bytes, where.constData());
                ++checked;
            }
        }
    }
    QVERIFY(checked > 100); // hundreds even with FRONTIS_CORPUS_STRIDE=10 (the sanitizer leg)
}

// Each string key of every corpus file set to each awkward value: both readers read back
// exactly that string, only the lines of the value's span change, CRLF and BOM are kept.
void TestFidelity::awkwardValuesReadBackInBothReaders()
{
    const QStringList files = testutil::corpusFiles();
    if (files.size() < 2)
        QSKIP("../shared/corpus/real is absent (set FRONTIS_SHARED_DIR)");
    const QStringList values = awkwardValues();
    QList<Check> checks;
    for (const QString& path : files) {
        const QByteArray original = testutil::readAll(path);
        for (const QByteArray& bytes :
             {original, testutil::toCrlf(original), testutil::withBom(original)}) {
            const bool crlf = bytes.contains("\r\n");
            const Result<Document> base = Document::fromBytes(bytes);
            QVERIFY(base);
            for (const KeyPath& key : stringKeys(base.value())) {
                const FmNode* node = base->find(key);
                const int first = base->file().position(node->span.begin).line - 1;
                const int last = base->file().position(node->span.end).line - 1;
                const QStringList others = otherLeaves(base.value(), key);
                for (const QString& value : values) {
                    Document doc = base.value();
                    const QByteArray where =
                        (path + u' ' + joinKeyPath(key) + QStringLiteral(" = [") + value +
                         QStringLiteral("]") + (crlf ? QStringLiteral(" crlf") : QString()))
                            .toUtf8();
                    const Status s = doc.setLiteral(key, value);
                    QVERIFY2(!s, (where + ": " + (s ? s->message.toUtf8() : "")).constData());
                    const Result<Document> reread = Document::fromBytes(doc.bytes());
                    QVERIFY2(reread, where.constData());
                    const FmNode* now = reread->find(key);
                    QVERIFY2(now && now->text == value &&
                                 (!now->isPlain() || yaml::readsAsString(value)),
                             where.constData());
                    QVERIFY2(otherLeaves(reread.value(), key) == others, where.constData());
                    QVERIFY2(changedOnlyWithin(bytes, doc.bytes(), first, last), where.constData());
                    QVERIFY2(doc.bytes().startsWith("\xEF\xBB\xBF") ==
                                 bytes.startsWith("\xEF\xBB\xBF"),
                             where.constData());
                    if (crlf)
                        QVERIFY2(doc.bytes().count('\n') == doc.bytes().count("\r\n"),
                                 where.constData());
                    checks.append({where, reread->file().frontMatterText(), key,
                                   QStringLiteral("str"), value});
                }
            }
        }
    }
    QVERIFY(checks.size() > 100);
    verifyWithYaml11(checks);
}

// A fuzz run of set: random text (quotes, hashes, colons, brackets, breaks, spaces, unicode) on
// random string keys of the corpus, with a fixed seed so that a failure repeats.
void TestFidelity::randomSetsChangeOnlyTheirLines()
{
    const QStringList files = testutil::corpusFiles();
    if (files.size() < 2)
        QSKIP("../shared/corpus/real is absent (set FRONTIS_SHARED_DIR)");
    QRandomGenerator random(20261207);
    const QString alphabet = QString::fromUtf8("aZ 09-:#'\"\\,[]{}&*!|>%@`?\n\t.~ü🎉");
    const QList<uint> ucs4 = alphabet.toUcs4();
    QList<Check> checks;
    for (int round = 0; round < 3000; ++round) {
        const QString path = files[int(random.bounded(qsizetype(files.size())))];
        const Result<Document> base = Document::fromBytes(testutil::readAll(path));
        QVERIFY(base);
        const QList<KeyPath> keys = stringKeys(base.value());
        if (keys.isEmpty())
            continue;
        const KeyPath key = keys[int(random.bounded(qsizetype(keys.size())))];
        QString value;
        const int length = int(random.bounded(1, 120));
        for (int i = 0; i < length; ++i) {
            // Mostly letters and spaces, so that values can be plain and break over lines.
            const uint c = random.bounded(3)
                               ? (random.bounded(5) ? uint('a' + random.bounded(26)) : uint(' '))
                               : ucs4[int(random.bounded(qsizetype(ucs4.size())))];
            value += QString::fromUcs4(reinterpret_cast<const char32_t*>(&c), 1);
        }
        const FmNode* node = base->find(key);
        const int first = base->file().position(node->span.begin).line - 1;
        const int last = base->file().position(node->span.end).line - 1;
        Document doc = base.value();
        const QByteArray where = (path + u' ' + joinKeyPath(key)).toUtf8() + " = " +
                                 QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        const Status s = doc.setLiteral(key, value);
        QVERIFY2(!s, (where + ": " + (s ? s->message.toUtf8() : "")).constData());
        const Result<Document> reread = Document::fromBytes(doc.bytes());
        QVERIFY2(reread && reread->find(key) && reread->find(key)->text == value,
                 where.constData());
        QVERIFY2(otherLeaves(reread.value(), key) == otherLeaves(base.value(), key),
                 where.constData());
        QVERIFY2(changedOnlyWithin(base->bytes(), doc.bytes(), first, last), where.constData());
        checks.append({where, reread->file().frontMatterText(), key, QStringLiteral("str"), value});
    }
    verifyWithYaml11(checks);
}

QTEST_GUILESS_MAIN(TestFidelity)
#include "tst_fidelity.moc"
