// libFuzzer target: ArticleFile and FrontMatter on arbitrary bytes. Besides crashes, checks the
// source map's invariants and that an untouched document is its input byte for byte.
#include "fuzzcheck.h"
#include "model/file/articlefile.h"
#include "model/yaml/document.h"
#include "model/yaml/frontmatter.h"

#include <cstddef>
#include <cstdint>

using namespace frontis;

namespace {

void checkNode(const ArticleFile& file, const FmNode& node, bool root = false)
{
    if (node.span.isValid()) {
        FUZZ_CHECK(node.span.begin >= file.frontMatterBegin());
        FUZZ_CHECK(node.span.end <= file.frontMatterEnd());
    }
    FUZZ_CHECK(root || (node.line >= 1 && node.column >= 1)); // an empty root has no position
    if (node.isScalar() && node.editable)
        (void)FrontMatter::spanReadsBack(file, node);
    for (const FmEntry& e : node.entries) {
        FUZZ_CHECK(e.line >= 1 && e.column >= 1);
        if (e.lines.isValid())
            FUZZ_CHECK(e.lines.end <= file.frontMatterEnd());
        checkNode(file, e.value);
    }
    for (const FmNode& item : node.items)
        checkNode(file, item);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const Result<ArticleFile> file = ArticleFile::fromBytes(bytes);
    if (!file) {
        FUZZ_CHECK(file.error().line >= 1 && file.error().column >= 1);
        return 0;
    }
    FUZZ_CHECK(file->frontMatterBegin() <= file->frontMatterEnd());
    FUZZ_CHECK(file->frontMatterEnd() <= file->bodyBegin() && file->bodyBegin() <= bytes.size());
    const Result<FrontMatter> fm = FrontMatter::parse(file.value());
    if (!fm) {
        FUZZ_CHECK(fm.error().line >= 1 && fm.error().column >= 1);
        return 0;
    }
    checkNode(file.value(), fm->root(), true);
    for (const KeyPath& path : fm->leafPaths()) {
        const FmNode* node = fm->find(path);
        FUZZ_CHECK(node != nullptr);
        FUZZ_CHECK(node->isScalar() || node->isNull());
        (void)fm->resolve(joinKeyPath(path));
    }
    const Result<Document> doc = Document::fromBytes(bytes);
    FUZZ_CHECK(doc.ok());
    FUZZ_CHECK(doc->bytes() == bytes && !doc->isModified());
    return 0;
}
