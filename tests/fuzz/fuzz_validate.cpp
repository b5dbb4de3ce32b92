// libFuzzer target: validation. The input is validated as an article against the built-in
// QuickTakes schema and the generic one; when it is not an article it is read as a schema (a
// content folder brings its own) and, if that works, a fixed article is validated against it.
#include "fuzzcheck.h"
#include "model/schema/schema.h"
#include "model/schema/validator.h"
#include "model/yaml/document.h"

#include <cstddef>
#include <cstdint>

using namespace frontis;

namespace {

void check(const Schema& schema, const Document& doc)
{
    const Validator validator(schema);
    const QList<Diagnostic> found = validator.validate(doc);
    for (qsizetype i = 0; i < found.size(); ++i) {
        const Diagnostic& d = found[i];
        FUZZ_CHECK(d.line >= 0 && d.column >= 0);
        FUZZ_CHECK(!d.message.isEmpty() && !d.rule.isEmpty());
        if (i > 0) // sorted by position
            FUZZ_CHECK(found[i - 1].line < d.line ||
                       (found[i - 1].line == d.line && found[i - 1].column <= d.column));
    }
    for (const Validator::KeyValue& kv : validator.uniqueValues(doc))
        FUZZ_CHECK(!kv.key.isEmpty());
    (void)schema.fieldsFor(doc.frontMatter());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const Schema quicktakes = *Schema::builtIn(QStringLiteral("quicktakes"));
    static const Schema generic = Schema::generic();
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    const Result<Document> doc = Document::fromBytes(input);
    if (doc) {
        check(quicktakes, doc.value());
        check(generic, doc.value());
        return 0;
    }
    FUZZ_CHECK(Validator::parseFailure(doc.error()).isError());

    const Result<Schema> schema = Schema::fromYaml(input, QStringLiteral("fuzz"));
    if (!schema) {
        FUZZ_CHECK(schema.error().line >= 0);
        return 0;
    }
    static const Document article =
        Document::fromBytes(
            "---\n_schema: fuzz\nid: 7\ndate: 2024-11-26\ntitle: >-\n    A question?\nquestion: A "
            "question?\n"
            "subject: Computer Science\nseo:\n  title: QuickTakes | Computer Science\n"
            "answer: >-\n    An **answer**\\n\\n1. one\\n2. two\nscore: -1.0\ntags: [a, "
            "b]\n\n---\n&nbsp;")
            .value();
    check(schema.value(), article);
    return 0;
}
