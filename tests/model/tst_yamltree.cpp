// YamlTree, the front matter's nodes taken from yaml-cpp's parser events, against YAML::Load on
// the same text: the same kinds, positions, tags, values and shape (aliases shared, duplicate
// keys kept) on hand-made cases and on every real front matter of ../shared, and the same
// errors where yaml-cpp refuses the text.
#include "model/file/articlefile.h"
#include "model/yaml/yamlcpp.h"
#include "model/yaml/yamltree.h"
#include "testutil.h"

#include <QDirIterator>
#include <QTest>

#include <set>
#include <vector>

using namespace frontis;

namespace {

// A description of a YAML::Node and all below it: one line per node.
void describe(const YAML::Node& n, std::string& out, std::vector<YAML::Node>& open, int depth)
{
    out += std::string(size_t(depth), ' ');
    out += std::to_string(n.Mark().pos) + ' ';
    switch (n.Type()) {
    case YAML::NodeType::Null:
        out += "null\n";
        return;
    case YAML::NodeType::Scalar:
        out += (n.Tag() == "?"   ? "plain "
                : n.Tag() == "!" ? "quoted "
                                 : "tagged ") +
               n.Scalar() + '\n';
        return;
    case YAML::NodeType::Undefined:
        out += "undefined\n";
        return;
    case YAML::NodeType::Sequence:
    case YAML::NodeType::Map:
        break;
    }
    // An alias is the anchored node itself: met again inside itself, it is a cycle.
    for (const YAML::Node& o : open) {
        if (o.is(n)) {
            out += "cycle\n";
            return;
        }
    }
    out += n.IsMap() ? "map\n" : "seq\n";
    open.push_back(n);
    if (n.IsMap()) {
        for (auto it = n.begin(); it != n.end(); ++it) {
            const YAML::Node k = it->first;
            const YAML::Node v = it->second;
            describe(k, out, open, depth + 1);
            describe(v, out, open, depth + 1);
        }
    } else {
        for (const YAML::Node& item : n)
            describe(item, out, open, depth + 1);
    }
    open.pop_back();
}

void describe(const YamlTree& t, const YamlTree::Node& n, std::string& out,
              std::set<const void*>& open, int depth)
{
    out += std::string(size_t(depth), ' ');
    out += std::to_string(n.pos) + ' ';
    switch (n.kind) {
    case YamlTree::Kind::Null:
        out += "null\n";
        return;
    case YamlTree::Kind::Scalar:
        out += (n.plain ? "plain " : n.tagged ? "tagged " : "quoted ") + n.scalar + '\n';
        return;
    case YamlTree::Kind::Sequence:
    case YamlTree::Kind::Map:
        break;
    }
    if (open.count(&n)) {
        out += "cycle\n";
        return;
    }
    out += n.kind == YamlTree::Kind::Map ? "map\n" : "seq\n";
    open.insert(&n);
    for (const int child : n.children)
        describe(t, t.at(child), out, open, depth + 1);
    open.erase(&n);
}

// Both readings of `text`, or the error each gave.
std::pair<std::string, std::string> both(const std::string& text)
{
    std::string viaLoad;
    std::string viaTree;
    try {
        const YAML::Node root = YAML::Load(text);
        std::vector<YAML::Node> open;
        if (root.IsNull())
            viaLoad = "empty\n";
        else
            describe(root, viaLoad, open, 0);
    } catch (const YAML::Exception& e) {
        viaLoad = "error " + e.msg + " at " + std::to_string(e.mark.pos);
    }
    try {
        YamlTree tree;
        const bool found = tree.parse(text);
        std::set<const void*> open;
        if (!found || tree.root().kind == YamlTree::Kind::Null)
            viaTree = "empty\n";
        else
            describe(tree, tree.root(), viaTree, open, 0);
    } catch (const YAML::Exception& e) {
        viaTree = "error " + e.msg + " at " + std::to_string(e.mark.pos);
    }
    return {viaLoad, viaTree};
}

} // namespace

class TestYamlTree : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameAsLoad_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("comment only") << QByteArray("# nothing\n");
        QTest::newRow("null document") << QByteArray("~\n");
        QTest::newRow("scalars") << QByteArray("a: 1\nb: 'two'\nc: \"th\\u0072ee\"\nd: -1.0\n");
        QTest::newRow("empty values") << QByteArray("a:\nb: ~\nc: null\nd:\n  - \n  -\n");
        QTest::newRow("block scalars")
            << QByteArray("a: >-\n    one\n    two\n\n    three\nb: |\n  x\n   y\nc: |+\n  k\n\n");
        QTest::newRow("nested") << QByteArray(
            "seo:\n  title: T\n  tags: [a, b, {c: d}]\nlist:\n- x\n- y: z\n  w: v\n");
        QTest::newRow("anchors and aliases")
            << QByteArray("base: &b {x: 1, y: [2, 3]}\ncopy: *b\nname: &n plain\nagain: *n\n");
        QTest::newRow("tags") << QByteArray("a: !!str 1\nb: !custom x\nc: !!map {k: v}\n");
        QTest::newRow("duplicate keys kept") << QByteArray("a: 1\nb: 2\na: 3\n");
        QTest::newRow("complex key") << QByteArray("? [a, b]\n: value\n? x\n");
        QTest::newRow("multi-line plain") << QByteArray("a: one\n  two\n  three\nb: c\n");
        QTest::newRow("self alias") << QByteArray("a: &a [1, *a]\n");
        QTest::newRow("syntax error") << QByteArray("a: [unclosed\nb: 2\n");
        QTest::newRow("bad indentation") << QByteArray("a:\n  b: 1\n c: 2\n");
        QTest::newRow("unknown alias") << QByteArray("a: *nowhere\n");
        QTest::newRow("tab") << QByteArray("a:\n\tb: 1\n");
        QTest::newRow("unicode") << QByteArray("title: Grüße — ünïcödé ✓\nq: '日本語'\n");
        QTest::newRow("deep") << QByteArray(600, '[') + QByteArray(600, ']');
    }

    void sameAsLoad()
    {
        QFETCH(QByteArray, text);
        const auto [viaLoad, viaTree] = both(text.toStdString());
        QCOMPARE(QString::fromStdString(viaTree), QString::fromStdString(viaLoad));
    }

    // Front-matter shapes: block scalars, quoting, nulls, nesting, comments, line breaks.
    void frontMatterShapes_data()
    {
        sameAsLoad_data();
        QTest::newRow("front matter")
            << QByteArray("_schema: default\nid: 51098\ndate: 2024-11-26\ntitle: >-\n    How?\n"
                          "seo:\n  title: QuickTakes | CS\n  page_keywords: >-\n    a, b\n"
                          "score: -1.0\n\n");
        QTest::newRow("folded, blank lines")
            << QByteArray("a: >-\n  one\n  two\n\n  three\n\n\n  four\nb: x\n");
        QTest::newRow("folded, clipped") << QByteArray("a: >\n  one\n  two\n\n\nb: x\n");
        QTest::newRow("folded at the end") << QByteArray("a: >\n  one\n");
        QTest::newRow("literal") << QByteArray("a: |\n  one\n    more\n\n  two\nb: |-\n  x\n");
        QTest::newRow("folded, more indented") << QByteArray("a: >\n  one\n    more\n  two\n");
        QTest::newRow("quoted") << QByteArray("a: 'it''s'\nb: \"plain \"\nc: ''\nd: \"\"\n");
        QTest::newRow("quoted with escape") << QByteArray("a: \"x\\ty\"\n");
        QTest::newRow("sequences")
            << QByteArray("tags:\n- a\n- 'b'\n- c d\nmore:\n  - x\n  - y\nend: 1\n");
        QTest::newRow("nulls") << QByteArray("a:\nb: ~\nc: null\nd: NULL\ne: Null\nf: nul\n");
        QTest::newRow("nested maps") << QByteArray("a:\n  b:\n    c: 1\n  d: 2\ne: 3\n");
        QTest::newRow("odd plain") << QByteArray("a: -1\nb: C#\nc: a:b\nd: 50%\ne: x-y.z\nf: ?x\n");
        QTest::newRow("trailing spaces") << QByteArray("a: value   \nb: 'q'  \n");
        QTest::newRow("comment") << QByteArray("a: 1 # note\n# line\nb: 2\n");
        QTest::newRow("continued plain") << QByteArray("a: one\n  two\n");
        QTest::newRow("bad nesting") << QByteArray("a: 1\n  b: 2\n");
        QTest::newRow("document marker") << QByteArray("a: 1\n---\nb: 2\n");
        QTest::newRow("tab") << QByteArray("a:\tb\n");
        QTest::newRow("crlf") << QByteArray("a: 1\r\nb: 2\r\n");
        QTest::newRow("empty value last") << QByteArray("a: 1\nb:\n");
        QTest::newRow("sequence of maps") << QByteArray("a:\n- b: 1\n  c: 2\n");
    }

    void frontMatterShapes() { sameAsLoad(); }

    // Every front matter of the seed and the corpus of real files reads alike both ways.
    void realFrontMatter()
    {
        QStringList files;
        if (const QString seed = testutil::seedPath(); !seed.isEmpty())
            files << seed;
        QDirIterator it(testutil::sharedDir() + QStringLiteral("/corpus/real"),
                        {QStringLiteral("*.md")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        if (files.size() < 2)
            QSKIP("../shared/corpus is absent (set FRONTIS_SHARED_DIR)");
        int compared = 0;
        for (const QString& path : std::as_const(files)) {
            const Result<ArticleFile> file = ArticleFile::fromBytes(testutil::readAll(path));
            if (!file)
                continue;
            const auto [viaLoad, viaTree] = both(file->frontMatterText().toStdString());
            QVERIFY2(viaTree == viaLoad, qPrintable(path));
            ++compared;
        }
        QVERIFY(compared > 300);
    }
};

QTEST_GUILESS_MAIN(TestYamlTree)
#include "tst_yamltree.moc"
