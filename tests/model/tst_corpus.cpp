// The save promise on real files: the seed and every file of ../shared/corpus/real (read in place).
// FRONTIS_CORPUS_STRIDE=N checks the seed and every Nth real file only, the same ones on every run
// (the sanitizer leg of CI, where the whole corpus takes several minutes); unset, every file.
#include "model/yaml/document.h"
#include "model/yaml/yamltypes.h"
#include "testutil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace frontis;

namespace {

// The values the issue asks every scalar to be set to.
const QStringList EditValues = {
    QStringLiteral("Edited: value # with hash"),
    QStringLiteral(" leading space"),
    QStringLiteral("it's \"quoted\""),
    QStringLiteral("true"),
    QStringLiteral("yes"),
    QStringLiteral("2024-01-01"),
    QStringLiteral("null"),
    QStringLiteral("-1"),
    QStringLiteral("@at"),
    QString::fromUtf8("emoji 🎉 and ü"),
    QStringLiteral("back\\slash"),
    QStringLiteral("line one\nline two"),
    QString(),
};

struct Leaf
{
    FmNode::Kind kind;
    QString text;
    bool plain;
};

QList<Leaf> leaves(const FrontMatter& fm, const QList<KeyPath>& paths)
{
    QList<Leaf> out;
    for (const KeyPath& p : paths) {
        const FmNode* n = fm.find(p);
        out.append({n->kind, n->text, n->isPlain()});
    }
    return out;
}

} // namespace

class TestCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (testutil::corpusFiles().size() < 2)
            QSKIP("../shared/corpus/real is absent (set FRONTIS_SHARED_DIR); skipping the corpus "
                  "tests");
        if (qEnvironmentVariableIntValue("FRONTIS_CORPUS_STRIDE") > 1) {
            qInfo("FRONTIS_CORPUS_STRIDE=%d: %d files of the corpus checked",
                  qEnvironmentVariableIntValue("FRONTIS_CORPUS_STRIDE"),
                  int(testutil::corpusFiles().size()));
        }
    }

    void noOpSaveIsByteIdentical_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        for (const QString& path : testutil::corpusFiles()) {
            const QByteArray bytes = testutil::readAll(path);
            const QByteArray name = QFileInfo(path).fileName().toUtf8();
            QTest::newRow(name.constData()) << bytes;
            QTest::newRow((name + " crlf").constData()) << testutil::toCrlf(bytes);
            QTest::newRow((name + " bom").constData()) << testutil::withBom(bytes);
        }
    }

    void noOpSaveIsByteIdentical()
    {
        QFETCH(QByteArray, bytes);
        Result<Document> doc = Document::fromBytes(bytes);
        QVERIFY2(doc.ok(), doc.ok() ? "" : qPrintable(doc.error().format(QStringLiteral("file"))));
        QVERIFY(!doc->isModified());
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("a.md"));
        QVERIFY(!doc->saveTo(out));
        QCOMPARE(testutil::readAll(out), bytes);
    }

    // The body (what `get --body` prints) is every byte after the closing fence's line break;
    // an edited body changes only the body's bytes, in the file's line endings; a no-op keeps
    // every byte.
    void bodyReadAndEdit_data() { noOpSaveIsByteIdentical_data(); }

    void bodyReadAndEdit()
    {
        QFETCH(QByteArray, bytes);
        Result<Document> doc = Document::fromBytes(bytes);
        QVERIFY2(doc.ok(), doc.ok() ? "" : qPrintable(doc.error().format(QStringLiteral("file"))));
        // The closing fence found here by a scan of its own: the next line that reads "---".
        const qsizetype start = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
        qsizetype line = bytes.indexOf('\n', start) + 1;
        QVERIFY(line > 0);
        qsizetype bodyBegin = -1;
        while (line < bytes.size()) {
            qsizetype end = bytes.indexOf('\n', line);
            if (end < 0)
                end = bytes.size();
            if (bytes.mid(line, end - line).trimmed() == "---") {
                bodyBegin = qMin(end + 1, bytes.size());
                break;
            }
            line = end + 1;
        }
        QVERIFY(bodyBegin > 0);
        const QByteArray body = bytes.mid(bodyBegin);
        QCOMPARE(doc->file().bodyBytes(), body);

        QVERIFY(!doc->setBody(doc->body()));
        QCOMPARE(doc->bytes(), bytes);
        QVERIFY(!doc->isModified());

        // One line changed, one appended.
        QStringList lines = doc->body().split(QLatin1Char('\n'));
        for (QString& l : lines) {
            if (!l.trimmed().isEmpty()) {
                l.prepend(QStringLiteral("Edited: "));
                break;
            }
        }
        QString edited = lines.join(QLatin1Char('\n'));
        edited += edited.isEmpty() || edited.endsWith(QLatin1Char('\n'))
                      ? QStringLiteral("Appended by the corpus test.\n")
                      : QStringLiteral("\nAppended by the corpus test.");
        QVERIFY(!doc->setBody(edited));
        QCOMPARE(doc->bytes().left(bodyBegin), bytes.left(bodyBegin));
        const Result<Document> again = Document::fromBytes(doc->bytes());
        QVERIFY(again.ok());
        QCOMPARE(again->file().bodyBegin(), bodyBegin);
        QCOMPARE(again->body(), edited);
        const QByteArray newBody = again->file().bodyBytes();
        const qsizetype crlf = body.count("\r\n");
        const qsizetype lf = body.count('\n') - crlf;
        // A body of one style stays so; one without line breaks takes the fence's.
        if (lf == 0 || crlf == 0) {
            const bool wantCrlf = crlf > 0 || (lf == 0 && doc->file().newline() == "\r\n");
            QCOMPARE(newBody.count("\r\n"), wantCrlf ? newBody.count('\n') : 0);
        }
    }

    void setEveryScalar_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString& path : testutil::corpusFiles())
            QTest::newRow(QFileInfo(path).fileName().toUtf8().constData()) << path;
    }

    // Every scalar set to each value: it reads back as exactly that string, nothing else changes,
    // and only lines inside the value's original span differ.
    void setEveryScalar()
    {
        QFETCH(QString, path);
        const QByteArray original = testutil::readAll(path);
        const Result<Document> base = Document::fromBytes(original);
        QVERIFY(base.ok());
        const QList<KeyPath> paths = base->frontMatter().leafPaths();
        const QList<Leaf> before = leaves(base->frontMatter(), paths);
        int edits = 0;
        for (qsizetype i = 0; i < paths.size(); ++i) {
            const KeyPath& key = paths[i];
            const FmNode* node = base->find(key);
            if (!node->editable)
                continue; // anchors, aliases, tags, null list items: refused, checked in
                          // tst_document
            const int firstLine = base->file().position(node->span.begin).line - 1;
            const int lastLine = base->file().position(node->span.end).line - 1;
            for (const QString& value : EditValues) {
                Document doc = base.value();
                const Status s = doc.setString(key, value);
                const QByteArray where = (path + QLatin1Char(' ') + joinKeyPath(key) +
                                          QStringLiteral(" = [") + value + QLatin1Char(']'))
                                             .toUtf8();
                if (s)
                    QFAIL((where + ": " + s->message.toUtf8()).constData());
                const Result<Document> reread = Document::fromBytes(doc.bytes());
                QVERIFY2(reread.ok(), where.constData());
                const FmNode* now = reread->find(key);
                QVERIFY2(now && now->isScalar() && now->text == value, where.constData());
                QVERIFY2(!now->isPlain() || yaml::readsAsString(now->text), where.constData());
                QList<Leaf> after = leaves(reread->frontMatter(), paths);
                QCOMPARE(after.size(), before.size());
                for (qsizetype j = 0; j < paths.size(); ++j) {
                    if (j == i)
                        continue;
                    QVERIFY2(after[j].kind == before[j].kind && after[j].text == before[j].text &&
                                 after[j].plain == before[j].plain,
                             (where + " changed " + joinKeyPath(paths[j]).toUtf8()).constData());
                }
                const auto changed = testutil::changedLines(original, doc.bytes());
                QVERIFY2(changed.first == -1 ||
                             (changed.first >= firstLine && changed.lastBefore <= lastLine),
                         where.constData());
                ++edits;
            }
        }
        QVERIFY(edits > 0 || paths.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCorpus)
#include "tst_corpus.moc"
