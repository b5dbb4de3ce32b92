// libFuzzer target: parse, edit one value, and check the result independently of the Document's
// own check. An accepted edit must re-read with the intended value at its path and every other
// value as it was (the body, BOM and line breaks untouched); a refused edit must leave the bytes
// as they were.
//
// The edit is taken from the article's body, which the model never reads: body byte 0 picks the
// operation, byte 1 the key (and the style of a new key), and up to 300 bytes after them are the
// value. So the real articles of ../shared/corpus/real are useful seeds as they are.
#include "fuzzcheck.h"
#include "model/yaml/document.h"
#include "model/yaml/yamltypes.h"

#include <QHash>
#include <QSet>

#include <cstddef>
#include <cstdint>

using namespace frontis;

namespace {

struct Leaf
{
    FmNode::Kind kind;
    QString text;
    bool plain;
};

QHash<QString, Leaf> leavesOf(const FrontMatter& fm)
{
    QHash<QString, Leaf> out;
    for (const KeyPath& path : fm.leafPaths()) {
        const FmNode* n = fm.find(path);
        FUZZ_CHECK(n != nullptr);
        // A NUL separates segments: keys may contain dots.
        out.insert(path.join(QChar(0)), Leaf{n->kind, n->text, n->isPlain()});
    }
    return out;
}

bool isPrefix(const KeyPath& prefix, const KeyPath& path)
{
    return prefix.size() < path.size() && path.first(prefix.size()) == prefix;
}

// The key that a leaf's `key` of the document before `removed` was removed has after it: the
// later items of the list an item was removed from move up one index; other leaves stay.
QString keyAfterRemoval(const QString& key, const KeyPath& removed, bool listItem)
{
    KeyPath k = key.split(QChar(0));
    const qsizetype n = removed.size();
    if (!listItem || k.size() < n || k.first(n - 1) != removed.first(n - 1))
        return key;
    const int index = k[n - 1].toInt();
    if (index > removed.last().toInt())
        k[n - 1] = QString::number(index - 1);
    return k.join(QChar(0));
}

enum class Op { Set, SetLiteral, Remove, Add, SetTwice };

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    Result<Document> parsed = Document::fromBytes(input);
    if (!parsed)
        return 0;
    Document& doc = parsed.value();
    const bool bom = doc.file().hasBom();
    const QByteArray newline = doc.file().newline();
    const QByteArray body = input.mid(doc.file().bodyBegin());
    const auto op = Op(body.isEmpty() ? 0 : uchar(body[0]) % 5);
    const int sel = body.size() > 1 ? uchar(body[1]) : 0;
    const QString text = QString::fromUtf8(body.mid(2, 300));

    const QList<KeyPath> leafList = doc.frontMatter().leafPaths();
    QByteArray baseBytes = input;
    QHash<QString, Leaf> before = leavesOf(doc.frontMatter());
    KeyPath path;
    QString value = text;
    Status status;
    size_t itemsBefore = 0; // a removed list item's list: how many items it had
    bool listItem = false;
    switch (op) {
    case Op::Set:
    case Op::SetLiteral:
    case Op::Remove:
    case Op::SetTwice:
        if (leafList.isEmpty())
            return 0;
        path = leafList[sel % leafList.size()];
        if (op == Op::SetTwice) {
            // First another value; the second edit is then checked against the first's result.
            const KeyPath first = leafList[(sel / 7) % leafList.size()];
            if (!doc.setString(first, value.left(value.size() / 2))) {
                baseBytes = doc.bytes();
                before = leavesOf(doc.frontMatter());
                if (!doc.find(path))
                    return 0;
            }
        }
        if (op == Op::SetLiteral)
            status = doc.setLiteral(path, value);
        else if (op == Op::Remove) {
            const FmNode* list = doc.find(path.first(path.size() - 1));
            listItem = list && list->isSequence();
            itemsBefore = listItem ? list->items.size() : 0;
            status = doc.remove(path);
        } else
            status = doc.setString(path, value);
        break;
    case Op::Add: {
        // "a.b=value": a key that may not exist yet, with missing maps along it.
        const qsizetype eq = text.indexOf(u'=');
        if (eq <= 0)
            return 0;
        path = text.left(eq).split(u'.');
        if (path.size() > 4)
            return 0;
        value = text.mid(eq + 1);
        InsertHint hint;
        static const std::optional<ScalarStyle> styles[] = {std::nullopt,
                                                            ScalarStyle::Plain,
                                                            ScalarStyle::SingleQuoted,
                                                            ScalarStyle::DoubleQuoted,
                                                            ScalarStyle::Folded,
                                                            ScalarStyle::Literal};
        hint.style = styles[sel % 6];
        hint.blockIndent = 1 + (sel / 6) % 6;
        if (!leafList.isEmpty() && sel % 3 == 0)
            hint.precedingKeys << leafList[(sel / 3) % leafList.size()].constFirst();
        status = doc.setString(path, value, hint);
        break;
    }
    }

    if (status) {
        FUZZ_CHECK(doc.bytes() == baseBytes); // refused: nothing changed
        return 0;
    }

    // Accepted: read the result again from scratch.
    const Result<Document> again = Document::fromBytes(doc.bytes());
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(again->bytes().mid(again->file().bodyBegin()) == body);
    FUZZ_CHECK(again->file().hasBom() == bom);
    FUZZ_CHECK(again->file().newline() == newline);
    FUZZ_CHECK(doc.isModified() == (doc.bytes() != input));
    const QHash<QString, Leaf> after = leavesOf(again->frontMatter());
    const QString key = path.join(QChar(0));

    if (op == Op::Remove) {
        const KeyPath parent = path.first(path.size() - 1);
        if (listItem) {
            const FmNode* list = again->find(parent);
            FUZZ_CHECK(list && list->isSequence() && list->items.size() == itemsBefore - 1);
        } else {
            FUZZ_CHECK(!after.contains(key) && again->find(path) == nullptr);
        }
        QSet<QString> kept; // the leaves before, by their keys after
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            if (it.key() == key)
                continue;
            const QString now = keyAfterRemoval(it.key(), path, listItem);
            kept.insert(now);
            FUZZ_CHECK(after.contains(now));
            const Leaf& l = after[now];
            FUZZ_CHECK(l.kind == it->kind && l.text == it->text && l.plain == it->plain);
        }
        for (auto it = after.cbegin(); it != after.cend(); ++it) {
            // The only new leaf: the parent mapping or list, left empty, now a leaf itself.
            if (!kept.contains(it.key()))
                FUZZ_CHECK(it.key() == parent.join(QChar(0)) &&
                           (it->kind == FmNode::Kind::Null || it->kind == FmNode::Kind::Sequence ||
                            it->kind == FmNode::Kind::Map));
        }
        return 0;
    }

    const FmNode* node = again->find(path);
    FUZZ_CHECK(node != nullptr && node->isScalar());
    if (op == Op::SetLiteral) {
        const QString t = value.trimmed();
        FUZZ_CHECK(node->text == value || node->text == t ||
                   node->text == t + QStringLiteral(".0"));
        // A typed literal is written only where a typed value was.
        if (node->isPlain() && !yaml::readsAsString(node->text)) {
            const Leaf old = before.value(key);
            FUZZ_CHECK(old.plain && old.kind == FmNode::Kind::Scalar &&
                       !yaml::readsAsString(old.text));
        }
    } else {
        FUZZ_CHECK(node->text == value);
        FUZZ_CHECK(!node->isPlain() || yaml::readsAsString(node->text));
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (it.key() == key)
            continue;
        // A null that the new key went into is a mapping now.
        if (it->kind == FmNode::Kind::Null && isPrefix(it.key().split(QChar(0)), path))
            continue;
        FUZZ_CHECK(after.contains(it.key()));
        const Leaf& l = after[it.key()];
        FUZZ_CHECK(l.kind == it->kind && l.text == it->text && l.plain == it->plain);
    }
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        FUZZ_CHECK(before.contains(it.key()) || it.key() == key);
    return 0;
}
