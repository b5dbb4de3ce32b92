// libFuzzer target: the TOML and JSON readers and their splices. Byte 0 picks the format's fences
// (so that the fuzzer need not find them first), byte 1 the edit, byte 2 the key and the value;
// the rest is the front matter. Bad input must come back as an error with a position; an accepted
// edit must re-read, independently of the Document's own check, with the value at its path (or
// the key gone) and the body untouched; a refused edit must leave the bytes as they were.
#include "fuzzcheck.h"
#include "model/yaml/document.h"

#include <cstddef>
#include <cstdint>

using namespace frontis;

namespace {

QByteArray article(uchar format, const QByteArray& text)
{
    switch (format % 3) {
    case 0:
        return "+++\n" + text + "\n+++\nbody\n";
    case 1:
        return "---json\n" + text + "\n---\nbody\n";
    default:
        return "{" + text + "\n}\nbody\n"; // Hugo's form
    }
}

const char* const values[] = {
    "plain", "it's",   "\"quoted\"", "back\\slash # hash",       "two\nlines",
    "'''",   "\"\"\"", "\t\x01\x7f", "\xC3\xA9\xF0\x9F\x98\x80", ""};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 3)
        return 0;
    const QByteArray input(reinterpret_cast<const char*>(data) + 3, qsizetype(size - 3));
    const QByteArray bytes = article(data[0], input);
    Result<Document> parsed = Document::fromBytes(bytes);
    if (!parsed) {
        FUZZ_CHECK(parsed.error().line >= 1 && parsed.error().column >= 1);
        return 0;
    }
    Document& doc = parsed.value();
    FUZZ_CHECK(doc.bytes() == bytes);
    // The body as read: "body\n" after front matter, the whole text where no fence was found
    // (an edit that adds a key then brings the fences, and the text stays the body).
    const QString body = doc.body();
    const QList<KeyPath> leaves = doc.frontMatter().leafPaths();
    const int sel = data[2];
    const QString value = QString::fromUtf8(values[sel % std::size(values)]);
    KeyPath path =
        leaves.isEmpty() ? KeyPath{QStringLiteral("k")} : leaves[(sel / 16) % leaves.size()];
    const int op = data[1] % 4;
    if (op == 2)
        path << QStringLiteral("new"); // a key under a leaf: refused, or the leaf was a table
    if (op == 3)
        path = {QStringLiteral("added")};
    // The items of the list `path` is an item of, before the edit (0: not a list item).
    size_t itemsBefore = 0;
    if (const FmNode* up = doc.find(path.first(path.size() - 1)); up && up->isSequence())
        itemsBefore = up->items.size();
    Status s;
    if (op == 1 && !leaves.isEmpty())
        s = doc.remove(path);
    else
        s = doc.setString(path, value);
    if (s) {
        FUZZ_CHECK(doc.bytes() == bytes);
        return 0;
    }
    const Result<Document> again = Document::fromBytes(doc.bytes());
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(again->file().syntax() == doc.file().syntax());
    FUZZ_CHECK(again->body() == body);
    const FmNode* node = again->find(path);
    if (op == 1 && !leaves.isEmpty()) {
        // A removed list item leaves one item fewer (the next one takes its index); a removed
        // key is gone.
        if (itemsBefore > 0) {
            const FmNode* list = again->find(path.first(path.size() - 1));
            FUZZ_CHECK(list && list->isSequence() && list->items.size() == itemsBefore - 1);
        } else {
            FUZZ_CHECK(node == nullptr);
        }
    } else {
        FUZZ_CHECK(node != nullptr && node->isString() && node->text == value);
    }
    return 0;
}
