// Site-wide changes (issue 19): planning, verification, the all-or-nothing journal, undo and
// recovery, on real files in a temporary folder and on copies of the real corpus.
#include "generatefolder.h"
#include "model/site/sitechange.h"
#include "model/site/sitechangejournal.h"
#include "model/yaml/document.h"
#include "testutil.h"
#include "yaml11reader.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace frontis;

namespace {

struct Snapshot
{
    QByteArray bytes;
    QDateTime modified;
};

QHash<QString, Snapshot> snapshot(const QString& folder)
{
    QHash<QString, Snapshot> s;
    QDirIterator it(folder, {QStringLiteral("*.md")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString p = it.next();
        s.insert(p, {testutil::readAll(p), QFileInfo(p).fileTime(QFile::FileModificationTime)});
    }
    return s;
}

// PyYAML's verdict on each (old, new, key, value) item: "" where only that value changed.
QStringList secondReader(const QJsonArray& items, QString* why)
{
    QProcess p;
    p.start(testutil::python3(), {QStringLiteral(FRONTIS_SOURCE_DIR "/tests/tools/sitecheck.py")});
    if (!p.waitForStarted()) {
        *why = p.errorString();
        return {};
    }
    p.write(QJsonDocument(items).toJson(QJsonDocument::Compact));
    p.closeWriteChannel();
    p.waitForFinished(-1);
    if (p.exitCode() != 0) {
        *why = QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    QStringList out;
    for (const QJsonValue& v : QJsonDocument::fromJson(p.readAllStandardOutput()).array())
        out << v.toString();
    return out;
}

QJsonObject checkItem(const QByteArray& before, const QByteArray& after, const KeyPath& key,
                      const QJsonValue& value, bool absent = false)
{
    return {{QStringLiteral("old"), QString::fromUtf8(before)},
            {QStringLiteral("new"), QString::fromUtf8(after)},
            {QStringLiteral("key"), QJsonArray::fromStringList(key)},
            {QStringLiteral("value"), value},
            {QStringLiteral("absent"), absent}};
}

// The changed lines of a unified diff ("-" and "+" lines without the file names).
QStringList changedLines(const QString& diff)
{
    QStringList lines;
    for (const QString& l : diff.split(QLatin1Char('\n'))) {
        if ((l.startsWith(QLatin1Char('-')) || l.startsWith(QLatin1Char('+'))) &&
            !l.startsWith(QLatin1String("---")) && !l.startsWith(QLatin1String("+++")))
            lines << l;
    }
    return lines;
}

// The file without the lines of the top-level entry `key` (the key's line through its value's).
QByteArray withoutEntry(const QByteArray& bytes, const QString& key)
{
    Result<Document> d = Document::fromBytes(bytes);
    if (!d)
        return "unparsable";
    for (const FmEntry& e : d->frontMatter().root().entries) {
        if (e.key == key)
            return QByteArray(bytes).remove(e.lines.begin, e.lines.size());
    }
    return bytes;
}

QStringList words(const char* text)
{
    return QString::fromLatin1(text).split(QLatin1Char(' '));
}

} // namespace

class TestSiteChange : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_dir;

    QString write(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_dir + QLatin1Char('/') + name;
        QDir().mkpath(QFileInfo(path).absolutePath());
        if (!testutil::writeAll(path, bytes))
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    ChangePlan plan(const SiteChange& change)
    {
        Result<ChangePlan> p = planSiteChange({m_dir}, change);
        if (!p)
            qWarning("%s", qPrintable(p.error().message));
        return p ? p.value() : ChangePlan{};
    }

private Q_SLOTS:
    void init()
    {
        m_dir = m_tmp.path() + QLatin1Char('/') + QString::fromLatin1(QTest::currentTestFunction());
        QDir(m_dir).removeRecursively();
        QDir().mkpath(m_dir);
    }

    void renameScalarTouchesOnlyMatches()
    {
        const QByteArray a = "---\ntitle: One  # keep\ncategory: news\nn: 1.0\n---\nbody\n";
        const QByteArray b = "---\ntitle: Two\ncategory: \"news\"\n---\n";
        const QByteArray c = "---\ntitle: Three\ncategory: sports\n---\n";
        const QString pa = write(QStringLiteral("a.md"), a);
        const QString pb = write(QStringLiteral("sub/b.md"), b);
        const QString pc = write(QStringLiteral("c.md"), c);
        const auto before = snapshot(m_dir);
        QThread::msleep(20); // a rewrite would show in the modification time

        const ChangePlan p = plan(SiteChange::rename(
            QStringLiteral("category"), QStringLiteral("news"), QStringLiteral("updates")));
        QVERIFY(p.canApply());
        QCOMPARE(p.examined, 3);
        QCOMPARE(p.files.size(), 2);
        QCOMPARE(p.files[0].path, pa); // ArticleFinder's order
        QCOMPARE(
            changedLines(p.files[0].diff),
            (QStringList{QStringLiteral("-category: news"), QStringLiteral("+category: updates")}));
        QCOMPARE(changedLines(p.files[1].diff),
                 (QStringList{QStringLiteral("-category: \"news\""),
                              QStringLiteral("+category: \"updates\"")}));
        QVERIFY(snapshot(m_dir)[pa].bytes == a); // planning writes nothing

        Result<AppliedChange> applied = SiteChangeJournal::apply(p);
        QVERIFY2(applied, applied ? "" : qPrintable(applied.error().message));
        QCOMPARE(applied->files.size(), 2);
        const auto after = snapshot(m_dir);
        QCOMPARE(after[pc].bytes, c);
        QCOMPARE(after[pc].modified, before[pc].modified);
        QCOMPARE(after[pa].bytes, QByteArray("---\ntitle: One  # keep\ncategory: updates\nn: "
                                             "1.0\n---\nbody\n"));
        QString why;
        const QStringList verdicts = secondReader(
            {checkItem(a, after[pa].bytes, {QStringLiteral("category")}, QStringLiteral("updates")),
             checkItem(b, after[pb].bytes, {QStringLiteral("category")},
                       QStringLiteral("updates"))},
            &why);
        QVERIFY2(!verdicts.isEmpty(), qPrintable(why));
        QCOMPARE(verdicts, (QStringList{QString(), QString()}));
    }

    void renameInListsMergesAndKeepsStyle_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<bool>("ignoreCase");
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<QStringList>("items");
        QTest::newRow("flow") << QByteArray("---\ntags: [a, go, b]\n---\n") << false
                              << QByteArray("---\ntags: [a, golang, b]\n---\n")
                              << words("a golang b");
        QTest::newRow("flow merge")
            << QByteArray("---\ntags: [golang, go, b]\n---\n") << false
            << QByteArray("---\ntags: [golang, b]\n---\n") << words("golang b");
        QTest::newRow("block") << QByteArray("---\ntags:\n  - a\n  - 'go'\n---\n") << false
                               << QByteArray("---\ntags:\n  - a\n  - 'golang'\n---\n")
                               << words("a golang");
        QTest::newRow("block merge")
            << QByteArray("---\ntags:\n  - go # old\n  - golang\n  - z\n---\n") << false
            << QByteArray("---\ntags:\n  - golang\n  - z\n---\n") << words("golang z");
        QTest::newRow("case differs") << QByteArray("---\ntags: [Go]\n---\n") << false
                                      << QByteArray("---\ntags: [Go]\n---\n") << words("Go");
        QTest::newRow("ignore case") << QByteArray("---\ntags: [Go, GO]\n---\n") << true
                                     << QByteArray("---\ntags: [golang]\n---\n") << words("golang");
    }

    void renameInListsMergesAndKeepsStyle()
    {
        QFETCH(QByteArray, before);
        QFETCH(bool, ignoreCase);
        QFETCH(QByteArray, after);
        QFETCH(QStringList, items);
        const QString path = write(QStringLiteral("a.md"), before);
        const ChangePlan p = plan(SiteChange::rename(QStringLiteral("tags"), QStringLiteral("go"),
                                                     QStringLiteral("golang"), ignoreCase));
        QVERIFY(p.canApply());
        QVERIFY(SiteChangeJournal::apply(p));
        const QByteArray now = testutil::readAll(path);
        QCOMPARE(now, after);
        QString why;
        const QStringList verdicts = secondReader(
            {checkItem(before, now, {QStringLiteral("tags")}, QJsonArray::fromStringList(items))},
            &why);
        QVERIFY2(!verdicts.isEmpty(), qPrintable(why));
        QCOMPARE(verdicts.first(), QString());
    }

    void renameInTagsString()
    {
        write(QStringLiteral(".frontis/schemas/default.yml"),
              "fields:\n  - key: keywords\n    type: tags\n    separator: \",\"\n");
        const QString a = write(QStringLiteral("a.md"), "---\nkeywords: go,  rust, c\n---\n");
        const QString b = write(QStringLiteral("b.md"), "---\nkeywords: rust, golang, go\n---\n");
        const QString c = write(QStringLiteral("c.md"), "---\nkeywords: gopher, c\n---\n");
        const ChangePlan p = plan(SiteChange::rename(
            QStringLiteral("keywords"), QStringLiteral("go"), QStringLiteral("golang")));
        QVERIFY(p.canApply());
        QCOMPARE(p.files.size(), 2);
        QVERIFY(SiteChangeJournal::apply(p));
        QCOMPARE(testutil::readAll(a), QByteArray("---\nkeywords: golang,  rust, c\n---\n"));
        QCOMPARE(testutil::readAll(b), QByteArray("---\nkeywords: rust, golang\n---\n"));
        QCOMPARE(testutil::readAll(c), QByteArray("---\nkeywords: gopher, c\n---\n"));
    }

    // Merge Into with several values ("js", "JS", "javascript" -> "JavaScript") is one plan: each
    // file's diff holds only the lines of the values that go, the survivor sits where the first
    // of them was, and the rest of the list keeps its order and style.
    void mergeSeveralValuesIsOneChange_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<QStringList>("items"); // as PyYAML must read the list after
        QTest::newRow("flow, two old")
            << QByteArray("---\ntags: [a, js, b, JS]\n---\n")
            << QByteArray("---\ntags: [a, JavaScript, b]\n---\n") << words("a JavaScript b");
        QTest::newRow("block, new there")
            << QByteArray("---\ntags:\n  - javascript\n  - z # z\n  - JavaScript\n  - 'js'\n---\n")
            << QByteArray("---\ntags:\n  - z # z\n  - JavaScript\n---\n") << words("z JavaScript");
        QTest::newRow("block, three old")
            << QByteArray("---\ntags:\n  - \"JS\"\n  - css\n  - js\n  - javascript\n---\n")
            << QByteArray("---\ntags:\n  - \"JavaScript\"\n  - css\n---\n")
            << words("JavaScript css");
        QTest::newRow("untouched")
            << QByteArray("---\ntags: [Js, jscript]\n---\n")
            << QByteArray("---\ntags: [Js, jscript]\n---\n") << words("Js jscript");
    }

    void mergeSeveralValuesIsOneChange()
    {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        QFETCH(QStringList, items);
        const QString path = write(QStringLiteral("a.md"), before);
        const QByteArray scalar = "---\ntitle: T\ntags: javascript\n---\n";
        const QString one = write(QStringLiteral("b.md"), scalar);
        const ChangePlan p = plan(SiteChange::merge(
            QStringLiteral("tags"), words("js JS javascript"), QStringLiteral("JavaScript")));
        QVERIFY(p.canApply());
        QCOMPARE(p.change.describe(),
                 QStringLiteral("merge tags 'js', 'JS', 'javascript' -> 'JavaScript'"));
        QCOMPARE(p.files.size(), before == after ? 1 : 2);
        Result<AppliedChange> applied = SiteChangeJournal::apply(p);
        QVERIFY2(applied, applied ? "" : qPrintable(applied.error().message));
        const QByteArray now = testutil::readAll(path);
        QCOMPARE(now, after);
        QCOMPARE(testutil::readAll(one), QByteArray("---\ntitle: T\ntags: JavaScript\n---\n"));
        QString why;
        const QStringList verdicts = secondReader(
            {checkItem(before, now, {QStringLiteral("tags")}, QJsonArray::fromStringList(items))},
            &why);
        QVERIFY2(!verdicts.isEmpty(), qPrintable(why));
        QCOMPARE(verdicts.first(), QString());

        // One journal entry: one undo puts both files back.
        const QList<AppliedChange> history = SiteChangeJournal::history(m_dir);
        QCOMPARE(history.size(), 1);
        QVERIFY(SiteChangeJournal::undo(history.first()));
        QCOMPARE(testutil::readAll(path), before);
        QCOMPARE(testutil::readAll(one), scalar);
    }

    void mergeInTagsString()
    {
        write(QStringLiteral(".frontis/schemas/default.yml"),
              "fields:\n  - key: keywords\n    type: tags\n    separator: \",\"\n");
        const QString a = write(QStringLiteral("a.md"), "---\nkeywords: JS,  css, js, html\n---\n");
        const QString b = write(QStringLiteral("b.md"), "---\nkeywords: css, javascript\n---\n");
        const ChangePlan p = plan(SiteChange::merge(
            QStringLiteral("keywords"), words("js JS javascript"), QStringLiteral("JavaScript")));
        QVERIFY(p.canApply());
        QCOMPARE(p.files.size(), 2);
        QVERIFY(SiteChangeJournal::apply(p));
        QCOMPARE(testutil::readAll(a), QByteArray("---\nkeywords: JavaScript,  css, html\n---\n"));
        QCOMPARE(testutil::readAll(b), QByteArray("---\nkeywords: css, JavaScript\n---\n"));
    }

    void setAndUnsetWhere()
    {
        const QString a =
            write(QStringLiteral("a.md"), "---\ndraft: true\nlang: en\nseo:\n  title: A\n---\n");
        const QString b = write(QStringLiteral("b.md"), "---\ndraft: false\nlang: en\n---\n");
        const QString c = write(QStringLiteral("c.md"), "---\ndraft: true\nlang: fr\n---\n");
        ChangePlan p =
            plan(SiteChange::set(QStringLiteral("seo.title"), QStringLiteral("Hello: world"),
                                 {{QStringLiteral("draft"), QStringLiteral("true")},
                                  {QStringLiteral("lang"), QStringLiteral("en")}}));
        QVERIFY(p.canApply());
        QCOMPARE(p.matched, 1);
        QCOMPARE(p.files.size(), 1);
        QCOMPARE(p.files[0].path, a);
        QVERIFY(SiteChangeJournal::apply(p));
        QCOMPARE(testutil::readAll(a),
                 QByteArray("---\ndraft: true\nlang: en\nseo:\n  title: 'Hello: world'\n---\n"));

        // A new key in the articles picked; missing parents are created.
        p = plan(SiteChange::set(QStringLiteral("seo.title"), QStringLiteral("X"),
                                 {{QStringLiteral("lang"), QStringLiteral("fr")}}));
        QCOMPARE(p.files.size(), 1);
        QVERIFY(SiteChangeJournal::apply(p));
        QCOMPARE(testutil::readAll(c),
                 QByteArray("---\ndraft: true\nlang: fr\nseo:\n  title: X\n---\n"));

        p = plan(SiteChange::unset(QStringLiteral("draft"),
                                   {{QStringLiteral("lang"), QStringLiteral("en")}}));
        QCOMPARE(p.files.size(), 2);
        const QByteArray bBefore = testutil::readAll(b);
        QVERIFY(SiteChangeJournal::apply(p));
        QCOMPARE(testutil::readAll(b), QByteArray("---\nlang: en\n---\n"));
        QString why;
        const QStringList verdicts = secondReader(
            {checkItem(bBefore, testutil::readAll(b), {QStringLiteral("draft")}, {}, true)}, &why);
        QVERIFY2(!verdicts.isEmpty(), qPrintable(why));
        QCOMPARE(verdicts.first(), QString());
    }

    void replaceInValuesAndText()
    {
        const QString a = write(QStringLiteral("a.md"),
                                "---\ntitle: Learn Go fast\ntags: [go, goal]\n---\nGo is go.\n");
        ChangePlan p = plan(SiteChange::replace(QStringLiteral("tags"), false, QStringLiteral("go"),
                                                QStringLiteral("golang"), {true, true, false}));
        QCOMPARE(p.files.size(), 1);
        QVERIFY(SiteChangeJournal::apply(p));
        QCOMPARE(testutil::readAll(a), QByteArray("---\ntitle: Learn Go fast\ntags: [golang, "
                                                  "goal]\n---\nGo is go.\n"));
        // In the body, with a group reference; the front matter stays byte for byte.
        p = plan(SiteChange::replace({}, true, QStringLiteral("(G|g)o\\b"),
                                     QStringLiteral("\\1olang"), {true, false, true}));
        QCOMPARE(p.files.size(), 1);
        QCOMPARE(p.files[0].edits, 2);
        QVERIFY(SiteChangeJournal::apply(p));
        QCOMPARE(testutil::readAll(a), QByteArray("---\ntitle: Learn Go fast\ntags: [golang, "
                                                  "goal]\n---\nGolang is golang.\n"));
        QVERIFY(!planSiteChange({m_dir}, SiteChange::replace({}, true, QStringLiteral("("),
                                                             QString(), {true, false, true})));
    }

    void replaceInQuickTakesAnswer()
    {
        const QString seed = testutil::seedPath();
        if (seed.isEmpty())
            QSKIP("no seed article in FRONTIS_SHARED_DIR");
        const QByteArray before = testutil::readAll(seed);
        const QString path = write(QStringLiteral("seed.md"), before);
        const ChangePlan p =
            plan(SiteChange::replace({}, true, QStringLiteral("deep learning"),
                                     QStringLiteral("DEEP LEARNING"), {false, false, false}));
        QCOMPARE(p.files.size(), 1);
        QVERIFY(p.files[0].edits > 0);
        // Only the answer's lines change; the title, which says it too, is another field.
        for (const QString& l : changedLines(p.files[0].diff))
            QVERIFY2(l.startsWith(QLatin1String("-    ")) || l.startsWith(QLatin1String("+    ")),
                     qPrintable(l));
        QVERIFY(SiteChangeJournal::apply(p));
        Result<Document> doc = Document::load(path);
        QVERIFY(doc);
        QVERIFY(doc->find({QStringLiteral("answer")})->text.contains(QLatin1String("DEEP")));
    }

    void problemsWriteNothing_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("unparsable") << QStringLiteral("unparsable");
        QTest::newRow("read-only") << QStringLiteral("read-only");
        QTest::newRow("changed since planned") << QStringLiteral("changed");
    }

    void problemsWriteNothing()
    {
        QFETCH(QString, kind);
        for (int i = 0; i < 5; ++i)
            write(QStringLiteral("a%1.md").arg(i), "---\ncategory: news\n---\n");
        const QString bad = write(QStringLiteral("b.md"), kind == QLatin1String("unparsable")
                                                              ? "---\ncategory: [news\n---\n"
                                                              : "---\ncategory: news\n---\n");
        if (kind == QLatin1String("read-only"))
            QFile::setPermissions(bad, QFile::ReadOwner);
        const auto before = snapshot(m_dir);
        ChangePlan p = plan(SiteChange::rename(QStringLiteral("category"), QStringLiteral("news"),
                                               QStringLiteral("updates")));
        if (kind == QLatin1String("changed")) {
            QVERIFY(p.canApply());
            testutil::writeAll(bad, "---\ncategory: news # edited elsewhere\n---\n");
            Result<AppliedChange> r = SiteChangeJournal::apply(p);
            QVERIFY(!r);
            QVERIFY2(r.error().message.startsWith(bad), qPrintable(r.error().message));
            auto expected = before;
            expected[bad].bytes = testutil::readAll(bad);
            for (auto it = expected.cbegin(); it != expected.cend(); ++it)
                QCOMPARE(testutil::readAll(it.key()), it->bytes);
            return;
        }
        QVERIFY(!p.canApply());
        QCOMPARE(p.problems.size(), 1);
        QCOMPARE(p.problems[0].path, bad);
        // A change of many files has no Save As: the advice is to make it writable or leave it
        // out.
        const QString message = p.problems[0].error.message;
        QVERIFY2(!message.contains(QLatin1String("Save As")), qPrintable(message));
        if (kind == QLatin1String("read-only"))
            QVERIFY2(message.contains(QLatin1String("leave it out of the change")),
                     qPrintable(message));
        QVERIFY(!SiteChangeJournal::apply(p));
        const auto after = snapshot(m_dir);
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            QCOMPARE(after[it.key()].bytes, it->bytes);
            QCOMPARE(after[it.key()].modified, it->modified);
        }
    }

    void undoPutsBackAndRefusesAfterEdits()
    {
        const QByteArray a = "---\ncategory: news\n---\n";
        const QString pa = write(QStringLiteral("a.md"), a);
        const QString pb = write(QStringLiteral("b.md"), a);
        Result<AppliedChange> applied = SiteChangeJournal::apply(plan(SiteChange::rename(
            QStringLiteral("category"), QStringLiteral("news"), QStringLiteral("updates"))));
        QVERIFY(applied);
        QList<AppliedChange> history = SiteChangeJournal::history(m_dir);
        QCOMPARE(history.size(), 1);
        QCOMPARE(history[0].id, applied->id);
        QVERIFY(!history[0].isUndo());
        QVERIFY(SiteChangeJournal::undo(history[0]));
        QCOMPARE(testutil::readAll(pa), a);
        QCOMPARE(testutil::readAll(pb), a);
        // Undone: gone from the history; the undo itself can be undone (a redo).
        history = SiteChangeJournal::history(m_dir);
        QCOMPARE(history.size(), 1);
        QVERIFY(history[0].isUndo());
        QCOMPARE(history[0].undoOf, applied->id);
        QVERIFY(SiteChangeJournal::undo(history[0]));
        QCOMPARE(testutil::readAll(pa), QByteArray("---\ncategory: updates\n---\n"));
        testutil::writeAll(pb, "---\ncategory: mine\n---\n");
        history = SiteChangeJournal::history(m_dir);
        Result<ChangePlan> refused = SiteChangeJournal::planUndo(history[0]);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.startsWith(pb));
    }

    // A change interrupted after its commit point is finished; before it, dropped.
    void recoverFinishesOrDrops()
    {
        const QByteArray old = "---\ncategory: news\n---\n";
        QStringList paths;
        for (int i = 0; i < 4; ++i)
            paths << write(QStringLiteral("a%1.md").arg(i), old);
        Result<AppliedChange> applied = SiteChangeJournal::apply(plan(SiteChange::rename(
            QStringLiteral("category"), QStringLiteral("news"), QStringLiteral("updates"))));
        QVERIFY(applied);
        // As if killed after writing two files: the state is gone, two files are old.
        const QString entry = applied->journalDir + QLatin1Char('/') + applied->id;
        QVERIFY(QFile::remove(entry + QStringLiteral("/state")));
        testutil::writeAll(paths[0], old);
        testutil::writeAll(paths[3], old);
        SiteRecovery r = SiteChangeJournal::recover(m_dir + QStringLiteral("/"));
        QCOMPARE(r.finished.size(), 1);
        QVERIFY(r.problems.isEmpty());
        for (const QString& p : paths)
            QCOMPARE(testutil::readAll(p), QByteArray("---\ncategory: updates\n---\n"));
        QVERIFY(SiteChangeJournal::recover(m_dir).isEmpty()); // once only

        // Killed before the manifest: nothing was written, the entry goes.
        QDir().mkpath(applied->journalDir + QStringLiteral("/20990101-000000-000-x"));
        r = SiteChangeJournal::recover(paths[0]);
        QCOMPARE(r.rolledBack.size(), 1);
        QVERIFY(!QFileInfo::exists(applied->journalDir + QStringLiteral("/20990101-000000-000-x")));
    }

    void journalGoesToTheContentFolder()
    {
        write(QStringLiteral(".frontis/schemas/x.yml"), "fields: []\n");
        const QString a = write(QStringLiteral("deep/er/a.md"), "---\nk: v\n---\n");
        QCOMPARE(SiteChangeJournal::folderFor({a}), m_dir + QStringLiteral("/.frontis/changes"));
        // Without a .frontis folder above, beside the articles, making no .frontis folder.
        QDir(m_dir + QStringLiteral("/.frontis")).removeRecursively();
        QCOMPARE(SiteChangeJournal::folderFor({a, m_dir + QStringLiteral("/deep/b.md")}),
                 m_dir + QStringLiteral("/deep/.frontis-changes"));
    }

    // The benchmark's kind of folder (QuickTakes, folded values): an entry of the keywords tags
    // field (separator ",") renamed in every article that has it, nothing else changed.
    void generatedFolderTagsRename()
    {
        const testing::GeneratedFolder g = testing::generateFolder(m_dir, 200, 7);
        const auto before = snapshot(m_dir);
        Result<ChangePlan> p = planSiteChange(
            {m_dir}, SiteChange::rename(QStringLiteral("seo.page_keywords"),
                                        QStringLiteral("guide"), QStringLiteral("how-to guide")));
        QVERIFY(p);
        QVERIFY(p->canApply());
        QCOMPARE(p->examined, g.articles);
        QVERIFY(p->files.size() > 100);
        QVERIFY(SiteChangeJournal::apply(p.value()));
        const auto after = snapshot(m_dir);
        QJsonArray items;
        QStringList changed;
        for (const FileChange& f : p->files) {
            changed << f.path;
            Result<Document> old = Document::fromBytes(f.before);
            QVERIFY(old);
            QStringList entries =
                old->find({QStringLiteral("seo"), QStringLiteral("page_keywords")})
                    ->text.split(QStringLiteral(", "));
            entries.replaceInStrings(QRegularExpression(QStringLiteral("^guide$")),
                                     QStringLiteral("how-to guide"));
            items.append(checkItem(f.before, after[f.path].bytes,
                                   {QStringLiteral("seo"), QStringLiteral("page_keywords")},
                                   entries.join(QStringLiteral(", "))));
        }
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            if (!changed.contains(it.key())) {
                QCOMPARE(after[it.key()].bytes, it->bytes);
                QCOMPARE(after[it.key()].modified, it->modified);
            }
        }
        QString why;
        const QStringList verdicts = secondReader(items, &why);
        QVERIFY2(!verdicts.isEmpty(), qPrintable(why));
        for (const QString& v : verdicts)
            QCOMPARE(v, QString());
    }

    // On copies of the real sites: the most used value of a key renamed everywhere, then a key set
    // and unset where it is, change exactly the articles that had it, each only in that value.
    void corpusRenameSetUnset()
    {
        const QString real = testutil::sharedDir() + QStringLiteral("/corpus/real");
        if (!QFileInfo(real).isDir())
            QSKIP("no corpus in FRONTIS_SHARED_DIR");
        QJsonArray items;
        int sites = 0;
        for (const QString& site : QDir(real).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            const QString copy = m_dir + QLatin1Char('/') + site;
            QDir().mkpath(copy);
            QHash<QString, QHash<QString, int>> counts; // top-level key -> scalar value -> files
            for (const QString& f : QDir(real + QLatin1Char('/') + site)
                                        .entryList({QStringLiteral("*.md")}, QDir::Files)) {
                QVERIFY(
                    testutil::copyWritable(real + QLatin1Char('/') + site + QLatin1Char('/') + f,
                                           copy + QLatin1Char('/') + f));
                Result<Document> d = Document::load(copy + QLatin1Char('/') + f);
                if (!d)
                    continue;
                for (const FmEntry& e : d->frontMatter().root().entries) {
                    if (e.value.isScalar() && e.value.editable &&
                        !e.value.text.contains(QLatin1Char('\n')))
                        ++counts[e.key][e.value.text];
                }
            }
            QString key;
            QString value;
            int best = 1;
            for (auto k = counts.cbegin(); k != counts.cend(); ++k) {
                for (auto v = k->cbegin(); v != k->cend(); ++v) {
                    if (v.value() > best && !k.key().startsWith(QLatin1Char('_'))) {
                        best = v.value();
                        key = k.key();
                        value = v.key();
                    }
                }
            }
            if (key.isEmpty())
                continue;
            ++sites;
            const auto before = snapshot(copy);
            const SiteChange change =
                SiteChange::rename(key, value, value + QStringLiteral(" (renamed)"));
            Result<ChangePlan> p = planSiteChange({copy}, change);
            QVERIFY(p);
            for (const PlanProblem& problem : p->problems)
                qWarning("%s", qPrintable(problem.format()));
            QVERIFY2(p->canApply(), qPrintable(site));
            QCOMPARE(p->files.size(), best);
            QVERIFY(SiteChangeJournal::apply(p.value()));
            const auto after = snapshot(copy);
            QStringList changed;
            for (const FileChange& f : p->files) {
                changed << f.path;
                // The diff holds only the value's lines: without them, both versions are equal.
                QCOMPARE(withoutEntry(after[f.path].bytes, key), withoutEntry(f.before, key));
                items.append(checkItem(f.before, after[f.path].bytes, {key},
                                       value + QStringLiteral(" (renamed)")));
            }
            for (auto it = before.cbegin(); it != before.cend(); ++it) {
                if (!changed.contains(it.key())) {
                    QCOMPARE(after[it.key()].bytes, it->bytes);
                    QCOMPARE(after[it.key()].modified, it->modified);
                }
            }

            // A new key set where the renamed value is, then removed again: the same articles,
            // each only in that key's lines.
            const QString flag = QStringLiteral("frontis_checked");
            const QList<WhereClause> where{{key, value + QStringLiteral(" (renamed)")}};
            for (const bool set : {true, false}) {
                Result<ChangePlan> q =
                    planSiteChange({copy}, set ? SiteChange::set(flag, QStringLiteral("yes"), where)
                                               : SiteChange::unset(flag, where));
                QVERIFY(q);
                QVERIFY2(q->canApply(), qPrintable(site));
                QCOMPARE(q->files.size(), best);
                const auto was = snapshot(copy);
                QVERIFY(SiteChangeJournal::apply(q.value()));
                const auto now = snapshot(copy);
                for (qsizetype i = 0; i < q->files.size(); ++i) {
                    const FileChange& f = q->files.at(i);
                    QCOMPARE(f.path, p->files.at(i).path);
                    QCOMPARE(withoutEntry(now[f.path].bytes, flag), withoutEntry(f.before, flag));
                    items.append(checkItem(f.before, now[f.path].bytes, {flag},
                                           QStringLiteral("yes"), !set));
                }
                for (auto it = was.cbegin(); it != was.cend(); ++it) {
                    if (!changed.contains(it.key()))
                        QCOMPARE(now[it.key()].modified, it->modified);
                }
            }
            // After both, every changed article is as the rename left it.
            for (const QString& c : changed)
                QCOMPARE(testutil::readAll(c), after[c].bytes);
        }
        QVERIFY(sites > 0);
        QString why;
        const QStringList verdicts = secondReader(items, &why);
        QVERIFY2(!verdicts.isEmpty(), qPrintable(why));
        for (const QString& v : verdicts)
            QCOMPARE(v, QString());
    }
};

QTEST_GUILESS_MAIN(TestSiteChange)
#include "tst_sitechange.moc"
