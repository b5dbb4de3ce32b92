// Issue 18, parts 5 and 6: list items appended, removed, moved and duplicated, keys removed, each
// changing only the lines of the item. Hand-written cases in tests/data/structuraledit (NAME.md,
// and NAME.LABEL.md the expected result of one edit; FRONTIS_REGENERATE=1 rewrites the expected
// files after an intended change, to be reviewed with git diff), each also run on a CRLF and a
// BOM copy; then every list of the real corpus, read back with yaml-cpp and with PyYAML.
#include "model/yaml/document.h"
#include "testutil.h"
#include "yaml11reader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace frontis;

namespace {

QString dataDir()
{
    return QStringLiteral(FRONTIS_SOURCE_DIR "/tests/data/structuraledit/");
}

// Runs one edit named on a test row: add, addmap, unset, up, down, dup.
Status apply(Document& doc, const QString& op, const KeyPath& key, const QString& value)
{
    if (op == QLatin1String("add") || op == QLatin1String("addmap")) {
        const Result<ListItem> item = ListItem::fromText(value);
        if (!item)
            return item.error();
        return doc.appendItem(key, item.value());
    }
    if (op == QLatin1String("unset"))
        return doc.remove(key);
    if (op == QLatin1String("up"))
        return doc.moveItem(key, -1);
    if (op == QLatin1String("down"))
        return doc.moveItem(key, 1);
    if (op == QLatin1String("dup"))
        return doc.duplicateItem(key);
    if (op == QLatin1String("set"))
        return doc.setString(key, value);
    return Error{QStringLiteral("unknown operation")};
}

KeyPath keyOf(const Document& doc, const QString& dotted)
{
    return doc.frontMatter().resolve(dotted);
}

// The PyYAML reading of a whole front matter, as JSON (dates as strings).
QList<QJsonValue> readTreesWithYaml11(const QList<QByteArray>& texts, QString* why)
{
    QList<std::pair<QByteArray, KeyPath>> queries;
    for (const QByteArray& t : texts)
        queries.append({t, KeyPath()});
    const QList<testutil::Yaml11Value> got = testutil::readWithYaml11(queries, why);
    QList<QJsonValue> out;
    for (const testutil::Yaml11Value& v : got) {
        if (!v.error.isEmpty()) {
            *why = v.error;
            return {};
        }
        out << QJsonDocument::fromJson(v.value.toUtf8()).object();
    }
    return out;
}

// The value at `path` inside a JSON tree.
QJsonValue jsonAt(const QJsonValue& root, const KeyPath& path)
{
    QJsonValue v = root;
    for (const QString& s : path)
        v = v.isArray() ? v.toArray().at(s.toInt()) : v.toObject().value(s);
    return v;
}

// `root` with the value at `path` replaced by `value`.
QJsonValue jsonWith(const QJsonValue& root, const KeyPath& path, const QJsonValue& value)
{
    if (path.isEmpty())
        return value;
    const KeyPath rest = path.mid(1);
    if (root.isArray()) {
        QJsonArray a = root.toArray();
        a[path.first().toInt()] = jsonWith(a.at(path.first().toInt()), rest, value);
        return a;
    }
    QJsonObject o = root.toObject();
    o[path.first()] = jsonWith(o.value(path.first()), rest, value);
    return o;
}

QJsonValue jsonWithout(const QJsonValue& root, const KeyPath& path)
{
    const KeyPath parent = path.first(path.size() - 1);
    QJsonValue p = jsonAt(root, parent);
    if (p.isArray()) {
        QJsonArray a = p.toArray();
        a.removeAt(path.last().toInt());
        p = a;
    } else {
        QJsonObject o = p.toObject();
        o.remove(path.last());
        p = o.isEmpty() && !parent.isEmpty() ? QJsonValue() : QJsonValue(o);
    }
    return jsonWith(root, parent, p);
}

// Every list of a tree: (path, the list).
void listsOf(const FmNode& node, KeyPath& here, QList<std::pair<KeyPath, const FmNode*>>& out)
{
    if (node.isSequence())
        out.append({here, &node});
    for (const FmEntry& e : node.entries) {
        here << e.key;
        listsOf(e.value, here, out);
        here.removeLast();
    }
    for (size_t i = 0; i < node.items.size(); ++i) {
        here << QString::number(i);
        listsOf(node.items[i], here, out);
        here.removeLast();
    }
}

bool allEditable(const FmNode& n)
{
    if (!n.editable || n.isNull())
        return false;
    for (const FmNode& i : n.items)
        if (!allEditable(i))
            return false;
    for (const FmEntry& e : n.entries)
        if (!allEditable(e.value))
            return false;
    return true;
}

int lineOf(const Document& doc, qsizetype offset)
{
    return doc.file().position(offset).line - 1;
}

} // namespace

class TestStructuralEdit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handWritten_data();
    void handWritten();
    void refused_data();
    void refused();
    void addThenUnsetRestoresTheFile();
    void moveUpThenDownRestoresTheFile();
    void corpusListsAddAndUnset();
};

void TestStructuralEdit::handWritten_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("op");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    auto row = [](const char* name, const char* label, const char* op, const char* key,
                  const char* value = "") {
        QTest::addRow("%s %s", name, label)
            << QString::fromLatin1(name) << QString::fromLatin1(label) << QString::fromLatin1(op)
            << QString::fromLatin1(key) << QString::fromUtf8(value);
    };
    row("block-indented", "add", "add", "tags", "git");
    row("block-indented", "add-needs-quotes", "add", "tags", "key: value");
    row("block-indented", "unset-first", "unset", "tags.0");
    row("block-indented", "unset-commented", "unset", "tags.1");
    row("block-indented", "unset-last", "unset", "tags.2");
    row("block-indented", "unset-list", "unset", "tags");
    row("block-indented", "up", "up", "tags.1");
    row("block-indented", "down", "down", "tags.1");
    row("block-indented", "dup", "dup", "tags.2");
    row("block-indentless", "add", "add", "tags", "git");
    row("block-indentless", "unset", "unset", "tags.1");
    row("block-indentless", "down", "down", "tags.0");
    row("flow", "add", "add", "tags", "git");
    row("flow", "add-comma", "add", "tags", "a, b");
    row("flow", "add-multiline", "add", "keywords", "three");
    row("flow", "unset-first", "unset", "tags.0");
    row("flow", "unset-middle", "unset", "tags.1");
    row("flow", "unset-last", "unset", "keywords.1");
    row("flow", "up", "up", "tags.2");
    row("flow", "dup", "dup", "tags.1");
    row("empty", "add", "add", "tags", "first");
    row("empty", "add-to-null", "add", "aliases", "/old");
    row("absent-block", "add", "add", "tags", "new");
    row("absent-block", "add-nested", "add", "menu.main.tags", "new");
    row("absent-block", "add-map", "addmap", "authors", "{name: Ada, url: /ada}");
    row("absent-block", "unset-only-item", "unset", "categories.0");
    row("absent-block", "set-nested-key", "set", "menu.main.name", "Intro");
    row("absent-indentless", "add", "add", "tags", "new");
    row("absent-flow", "add", "add", "tags", "new");
    row("objects-block", "add", "addmap", "authors", "{url: /ada, name: Ada}");
    row("objects-block", "add-new-key", "addmap", "authors", "{name: Ada, email: a@b.c}");
    row("objects-block", "unset-first", "unset", "authors.0");
    row("objects-block", "unset-commented", "unset", "authors.1");
    row("objects-block", "unset-first-key", "unset", "authors.0.name");
    row("objects-block", "unset-inner-key", "unset", "authors.1.url");
    row("objects-block", "up", "up", "authors.1");
    row("objects-block", "dup", "dup", "authors.0");
    row("objects-flow", "add", "addmap", "authors", "{name: Ada, url: /ada}");
    row("objects-flow", "add-flow-list", "addmap", "links", "{name: Blog, url: /blog}");
    row("objects-flow", "unset", "unset", "links.0");
    row("objects-flow", "unset-key", "unset", "links.1.url");
    row("objects-flow", "down", "down", "links.0");
    row("objects-flow", "dup", "dup", "authors.1");
    row("nested", "set-key", "set", "menu.main.weight", "20");
    row("nested", "set-key-deep-indent", "set", "seo.canonical", "https://example.com/");
    row("nested", "unset-commented-key", "unset", "seo.description");
    row("nested", "add-number", "add", "numbers", "4");
    row("nested", "add-word-to-numbers", "add", "numbers", "four");
}

// Each edit gives the expected file, on LF, CRLF and BOM copies alike, and reads back.
void TestStructuralEdit::handWritten()
{
    QFETCH(QString, name);
    QFETCH(QString, label);
    QFETCH(QString, op);
    QFETCH(QString, key);
    QFETCH(QString, value);
    const QByteArray input = testutil::readAll(dataDir() + name + QStringLiteral(".md"));
    QVERIFY2(!input.isEmpty(), qPrintable(dataDir() + name));
    const QString expectedPath = dataDir() + name + u'.' + label + QStringLiteral(".md");
    QByteArray expected = testutil::readAll(expectedPath);
    for (const QByteArray& bytes : {input, testutil::toCrlf(input), testutil::withBom(input)}) {
        Result<Document> doc = Document::fromBytes(bytes);
        QVERIFY(doc);
        const Status s = apply(doc.value(), op, keyOf(doc.value(), key), value);
        QVERIFY2(!s, s ? qPrintable(s->message) : "");
        if (bytes == input && qEnvironmentVariableIsSet("FRONTIS_REGENERATE")) {
            QVERIFY(testutil::writeAll(expectedPath, doc->bytes()));
            expected = doc->bytes();
        }
        QByteArray want = expected;
        if (bytes.contains("\r\n"))
            want = testutil::toCrlf(want);
        if (bytes.startsWith("\xEF\xBB\xBF"))
            want = testutil::withBom(want);
        QCOMPARE(doc->bytes(), want);
        QVERIFY(Document::fromBytes(doc->bytes()));
    }
}

void TestStructuralEdit::refused_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("op");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("add to a string") << QByteArray("title: T\n") << "add"
                                     << "title"
                                     << "x";
    QTest::newRow("add to a map") << QByteArray("seo:\n  a: 1\n") << "add"
                                  << "seo"
                                  << "x";
    QTest::newRow("add a broken map") << QByteArray("t: []\n") << "add"
                                      << "t"
                                      << "{a: [1}";
    QTest::newRow("add a nested map") << QByteArray("t: []\n") << "add"
                                      << "t"
                                      << "{a: {b: 1}}";
    QTest::newRow("unset absent") << QByteArray("t: [a]\n") << "unset"
                                  << "t.3"
                                  << "";
    QTest::newRow("up the first") << QByteArray("t: [a, b]\n") << "up"
                                  << "t.0"
                                  << "";
    QTest::newRow("down the last") << QByteArray("t: [a, b]\n") << "down"
                                   << "t.1"
                                   << "";
    QTest::newRow("move no item") << QByteArray("t: x\n") << "up"
                                  << "t.1"
                                  << "";
    QTest::newRow("dup an alias") << QByteArray("a: &x v\nt:\n  - *x\n") << "dup"
                                  << "t.0"
                                  << "";
    QTest::newRow("dup an anchor") << QByteArray("t:\n  - &x v\nb: *x\n") << "dup"
                                   << "t.0"
                                   << "";
}

// What cannot be done is refused with a message, and the document stays as it was.
void TestStructuralEdit::refused()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, op);
    QFETCH(QString, key);
    QFETCH(QString, value);
    Result<Document> doc = Document::fromBytes("---\n" + source + "---\n");
    QVERIFY(doc);
    const Status s = apply(doc.value(), op, keyOf(doc.value(), key), value);
    QVERIFY(s);
    QVERIFY(!s->message.isEmpty());
    QVERIFY(!doc->isModified());
}

void TestStructuralEdit::addThenUnsetRestoresTheFile()
{
    for (const QString& name : {QStringLiteral("block-indented"), QStringLiteral("flow"),
                                QStringLiteral("objects-block"), QStringLiteral("objects-flow")}) {
        const QByteArray input = testutil::readAll(dataDir() + name + QStringLiteral(".md"));
        Result<Document> doc = Document::fromBytes(input);
        QVERIFY(doc);
        const KeyPath key{name.startsWith(QLatin1String("objects")) ? QStringLiteral("authors")
                                                                    : QStringLiteral("tags")};
        const size_t n = doc->find(key)->items.size();
        QVERIFY(
            !doc->appendItem(key, ListItem::map({{QStringLiteral("name"), QStringLiteral("X")}})));
        QVERIFY(!doc->remove(key + KeyPath{QString::number(n)}));
        QCOMPARE(doc->bytes(), input);
    }
}

void TestStructuralEdit::moveUpThenDownRestoresTheFile()
{
    for (const QString& name : {QStringLiteral("block-indented"), QStringLiteral("flow"),
                                QStringLiteral("objects-block")}) {
        const QByteArray input = testutil::readAll(dataDir() + name + QStringLiteral(".md"));
        Result<Document> doc = Document::fromBytes(input);
        QVERIFY(doc);
        const KeyPath key{name.startsWith(QLatin1String("objects")) ? QStringLiteral("authors")
                                                                    : QStringLiteral("tags")};
        QVERIFY(!doc->moveItem(key + KeyPath{QStringLiteral("1")}, -1));
        QVERIFY(doc->bytes() != input);
        QVERIFY(!doc->moveItem(key + KeyPath{QStringLiteral("0")}, 1));
        QCOMPARE(doc->bytes(), input);
    }
}

// For every list of every corpus file: an item appended (a string, or for a list of objects an
// object with the last item's first key) and the last item removed. Only the item's lines change,
// and yaml-cpp and PyYAML read the original tree plus or minus exactly that item.
void TestStructuralEdit::corpusListsAddAndUnset()
{
    const QStringList files = testutil::corpusFiles();
    if (files.size() < 2)
        QSKIP("../shared/corpus/real is absent (set FRONTIS_SHARED_DIR)");
    struct Case
    {
        QByteArray where;
        QByteArray before; // front matter texts
        QByteArray after;
        KeyPath list;
        bool added = false;
        QJsonValue item; // the added item
        int removed = -1;
    };
    QList<Case> cases;
    int refusedAdds = 0;
    int refusedRemoves = 0;
    for (const QString& path : files) {
        const QByteArray original = testutil::readAll(path);
        for (const QByteArray& bytes :
             {original, testutil::toCrlf(original), testutil::withBom(original)}) {
            const Result<Document> base = Document::fromBytes(bytes);
            QVERIFY2(base, qPrintable(path));
            QList<std::pair<KeyPath, const FmNode*>> lists;
            KeyPath here;
            listsOf(base->frontMatter().root(), here, lists);
            for (const auto& [key, list] : lists) {
                if (!allEditable(*list) && !list->items.empty())
                    continue; // anchors, aliases, null items: read-only, refused by design
                const QByteArray where =
                    (path + u' ' + joinKeyPath(key)).toUtf8() + (bytes.contains("\r\n") ? " crlf"
                                                                 : bytes.startsWith("\xEF") ? " bom"
                                                                                            : "");
                // Append.
                ListItem item = ListItem::scalar(QStringLiteral("frontis: added #1"));
                QJsonValue json = QStringLiteral("frontis: added #1");
                if (!list->items.empty() && list->items.back().isMap() &&
                    !list->items.back().entries.empty()) {
                    const QString k = list->items.back().entries.front().key;
                    item = ListItem::map({{k, QStringLiteral("added, 'quoted'")}});
                    json = QJsonObject{{k, QStringLiteral("added, 'quoted'")}};
                }
                {
                    Document doc = base.value();
                    const Status s = doc.appendItem(key, item);
                    if (s) {
                        ++refusedAdds;
                        qWarning("%s: add refused: %s", where.constData(), qPrintable(s->message));
                    } else {
                        const Result<Document> reread = Document::fromBytes(doc.bytes());
                        QVERIFY2(reread, where.constData());
                        const FmNode* now = reread->find(key);
                        QVERIFY2(now && now->items.size() == list->items.size() + 1,
                                 where.constData());
                        // A block list: a pure insertion, no line of the original changed; a flow
                        // list: only its own lines.
                        const testutil::ChangedLines c = testutil::changedLines(bytes, doc.bytes());
                        if (list->flow)
                            QVERIFY2(c.first >= lineOf(base.value(), list->span.begin) &&
                                         c.lastBefore <= lineOf(base.value(), list->span.end - 1),
                                     where.constData());
                        else
                            QVERIFY2(c.lastBefore == c.first - 1, where.constData());
                        cases.append({where + " add", base->file().frontMatterText(),
                                      reread->file().frontMatterText(), key, true, json, -1});
                    }
                }
                // Remove the last item.
                if (list->items.empty())
                    continue;
                const int last = int(list->items.size() - 1);
                const FmNode& victim = list->items.back();
                Document doc = base.value();
                const Status s = doc.remove(key + KeyPath{QString::number(last)});
                if (s) {
                    ++refusedRemoves;
                    qWarning("%s: unset refused: %s", where.constData(), qPrintable(s->message));
                    continue;
                }
                const Result<Document> reread = Document::fromBytes(doc.bytes());
                QVERIFY2(reread, where.constData());
                // Only the lines from the list's key (an only item leaves `key: []`) or the item's
                // comments through the item's last line changed.
                const testutil::ChangedLines c = testutil::changedLines(bytes, doc.bytes());
                int first = lineOf(base.value(), victim.span.begin);
                if (last == 0)
                    first = lineOf(base.value(), list->span.begin) - 1;
                while (first > 0 && bytes.split('\n').at(first - 1).trimmed().startsWith('#'))
                    --first;
                QVERIFY2(c.first >= first && c.lastBefore <= lineOf(base.value(), victim.span.end),
                         where.constData());
                cases.append({where + " unset",
                              base->file().frontMatterText(),
                              reread->file().frontMatterText(),
                              key,
                              false,
                              {},
                              last});
                // Line endings and the byte-order mark kept.
                QVERIFY2(doc.bytes().startsWith("\xEF\xBB\xBF") == bytes.startsWith("\xEF\xBB\xBF"),
                         where.constData());
                if (bytes.contains("\r\n"))
                    QVERIFY2(doc.bytes().count('\n') == doc.bytes().count("\r\n"),
                             where.constData());
            }
        }
    }
    QCOMPARE(refusedAdds, 0);
    QCOMPARE(refusedRemoves, 0);
    qInfo("%lld edits of corpus lists", qlonglong(cases.size()));
    QVERIFY(cases.size() > 100); // hundreds even with FRONTIS_CORPUS_STRIDE=10

    // yaml-cpp: the whole tree, through Frontis's reader, is checked by every edit itself
    // (Document::splice); here PyYAML reads every before and after.
    QList<QByteArray> texts;
    for (const Case& c : cases)
        texts << c.before << c.after;
    QString why;
    const QList<QJsonValue> trees = readTreesWithYaml11(texts, &why);
    QVERIFY2(trees.size() == texts.size(), qPrintable(why));
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const Case& c = cases[i];
        const QJsonValue& before = trees[2 * i];
        const QJsonValue& after = trees[2 * i + 1];
        QJsonValue want;
        if (c.added) {
            QJsonArray list = jsonAt(before, c.list).toArray(); // null: a new list
            list.append(c.item);
            want = jsonWith(before, c.list, list);
        } else {
            want = jsonWithout(before, c.list + KeyPath{QString::number(c.removed)});
        }
        QVERIFY2(after == want, (c.where + "\n" + QJsonDocument(after.toObject()).toJson() +
                                 "\nwanted\n" + QJsonDocument(want.toObject()).toJson())
                                    .constData());
    }
}

QTEST_GUILESS_MAIN(TestStructuralEdit)
#include "tst_structuraledit.moc"
