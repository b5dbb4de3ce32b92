// Issue 20's acceptance on real articles: TOML and JSON copies of the corpus (written at test time
// by tests/tools/tomljson.py with python3-toml and json, into a temporary folder) open, save
// byte-identically after no-op sets, and take awkward strings in every string value, changing
// only that value's lines, as Python's tomllib and json read them back.
#include "model/yaml/document.h"
#include "testutil.h"
#include "yaml11reader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace frontis;

namespace {

struct Copy
{
    QString source;
    QString path;
};

struct Query
{
    QString format;
    QByteArray text;
    KeyPath path;
    QString want;
    QString where;
};

QStringList awkwardValues()
{
    QString mixed;
    while (mixed.size() < 300)
        mixed += QStringLiteral("ab\"c'd\\e#f ");
    mixed.truncate(300);
    return {QStringLiteral("He said \"hi\" and 'bye'"),
            QStringLiteral("C:\\path\\to\\file # not a comment"),
            QStringLiteral("line one\nline two\n\nline four"),
            QStringLiteral("unicode: \u00e9 \u00fc \u2713 \U0001F600 \u2014 \u00bd"),
            QStringLiteral("triple ''' and \"\"\" quotes"),
            QStringLiteral("tab\there, and a trailing quote\""),
            mixed};
}

// The string values of the tree (map values and list items), with their paths.
void stringLeaves(const FmNode& node, KeyPath& here, QList<KeyPath>& out)
{
    if (node.isScalar() && node.isString())
        out << here;
    for (const FmEntry& e : node.entries) {
        here << e.key;
        stringLeaves(e.value, here, out);
        here.removeLast();
    }
    for (size_t i = 0; i < node.items.size(); ++i) {
        here << QString::number(i);
        stringLeaves(node.items[i], here, out);
        here.removeLast();
    }
}

} // namespace

class TestFormatCorpus : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QList<Copy> m_toml;
    QList<Copy> m_json;

    static QList<Copy> copies(const QJsonArray& list)
    {
        QList<Copy> out;
        for (const QJsonValue& v : list)
            out.append({v.toArray().at(0).toString(), v.toArray().at(1).toString()});
        return out;
    }

    void check(const QList<Copy>& files, const QString& format)
    {
        const QStringList values = awkwardValues();
        QList<Query> queries;
        int edits = 0;
        for (const Copy& c : files) {
            const QByteArray bytes = testutil::readAll(c.path);
            const Result<Document> loaded = Document::load(c.path);
            QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().format(c.source)));
            QCOMPARE(loaded->file().syntax(), format == QLatin1String("toml")
                                                  ? FrontMatterSyntax::Toml
                                                  : FrontMatterSyntax::Json);
            // A no-op set of every value, then a save: the same bytes.
            Document noop = loaded.value();
            for (const KeyPath& p : noop.frontMatter().leafPaths()) {
                const FmNode* n = noop.find(p);
                if (n->isNull())
                    continue;
                const Status s = n->isString() ? noop.setString(p, n->text)
                                               : noop.setLiteral(p, QString(n->text));
                QVERIFY2(!s, qPrintable(c.source + QLatin1Char(' ') + joinKeyPath(p) +
                                        QLatin1String(": ") + (s ? s->message : QString())));
            }
            QCOMPARE(noop.bytes(), bytes);
            QVERIFY(!noop.saveTo(c.path + QLatin1String(".saved")));
            QCOMPARE(testutil::readAll(c.path + QLatin1String(".saved")), bytes);

            QList<KeyPath> leaves;
            KeyPath here;
            stringLeaves(loaded->frontMatter().root(), here, leaves);
            for (const KeyPath& p : leaves) {
                const FmNode* before = loaded->find(p);
                const QByteArray& b = loaded->bytes();
                const qsizetype lineStart = loaded->file().lineStart(before->span.begin);
                qsizetype lastBreak =
                    b.indexOf('\n', qMax(before->span.begin, before->span.end - 1));
                const QByteArray tail = lastBreak < 0 ? QByteArray() : b.mid(lastBreak + 1);
                for (const QString& v : values) {
                    Document doc = loaded.value();
                    const QString where = c.source + QLatin1Char(' ') + joinKeyPath(p);
                    const Status s = doc.setString(p, v);
                    QVERIFY2(
                        !s, qPrintable(where + QLatin1String(": ") + (s ? s->message : QString())));
                    ++edits;
                    // Only the value's own lines changed.
                    QVERIFY2(doc.bytes().startsWith(b.first(lineStart)), qPrintable(where));
                    QVERIFY2(doc.bytes().endsWith(tail), qPrintable(where));
                    queries.append({format, doc.file().frontMatterText(), p, v, where});
                }
            }
        }
        qInfo("%s: %lld copies, %d edits", qPrintable(format), qlonglong(files.size()), edits);
        // One Python process reads all the edited front matters back.
        QJsonArray input;
        for (const Query& q : queries)
            input.append(QJsonArray{q.format, QString::fromUtf8(q.text),
                                    QJsonArray::fromStringList(q.path)});
        QProcess p;
        p.start(testutil::python3(), {QStringLiteral(FRONTIS_SOURCE_DIR "/tests/tools/tomljson.py"),
                                      QStringLiteral("read")});
        QVERIFY(p.waitForStarted());
        p.write(QJsonDocument(input).toJson(QJsonDocument::Compact));
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(-1));
        QCOMPARE(p.exitCode(), 0);
        const QJsonArray results = QJsonDocument::fromJson(p.readAllStandardOutput()).array();
        QCOMPARE(results.size(), queries.size());
        for (qsizetype i = 0; i < queries.size(); ++i) {
            const QJsonObject r = results.at(i).toObject();
            QVERIFY2(r.value(QStringLiteral("error")).isUndefined(),
                     qPrintable(queries[i].where + QLatin1String(": ") +
                                r.value(QStringLiteral("error")).toString()));
            QCOMPARE(r.value(QStringLiteral("t")).toString(), QStringLiteral("str"));
            QCOMPARE(r.value(QStringLiteral("v")).toString(), queries[i].want);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QStringList files = testutil::corpusFiles();
        if (files.isEmpty())
            QSKIP("the corpus is not there (FRONTIS_SHARED_DIR)");
        QVERIFY(m_dir.isValid());
        QProcess p;
        p.start(testutil::python3(),
                QStringList{QStringLiteral(FRONTIS_SOURCE_DIR "/tests/tools/tomljson.py"),
                            QStringLiteral("convert"), m_dir.path()} +
                    files);
        QVERIFY(p.waitForStarted());
        QVERIFY(p.waitForFinished(-1));
        QVERIFY2(p.exitCode() == 0,
                 qPrintable(QLatin1String("tests/tools/tomljson.py failed (python3-toml?): ") +
                            QString::fromUtf8(p.readAllStandardError())));
        const QJsonObject r = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        m_toml = copies(r.value(QStringLiteral("toml")).toArray());
        m_json = copies(r.value(QStringLiteral("json")).toArray());
        qInfo("%lld TOML and %lld JSON copies of %lld articles (%lld not converted)",
              qlonglong(m_toml.size()), qlonglong(m_json.size()), qlonglong(files.size()),
              qlonglong(r.value(QStringLiteral("skipped")).toArray().size()));
        // Nearly all of the corpus converts: a broken converter must not pass as "nothing to test".
        QVERIFY(m_toml.size() * 10 >= files.size() * 8);
        QVERIFY(m_json.size() * 10 >= files.size() * 8);
    }

    void toml() { check(m_toml, QStringLiteral("toml")); }
    void json() { check(m_json, QStringLiteral("json")); }
};

QTEST_GUILESS_MAIN(TestFormatCorpus)
#include "tst_formatcorpus.moc"
