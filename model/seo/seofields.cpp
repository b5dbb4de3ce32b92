#include "model/seo/seofields.h"

#include "model/schema/schema.h"
#include "model/seo/keywordcheck.h"
#include "model/text/answercodec.h"
#include "model/yaml/frontmatter.h"

#include <initializer_list>

namespace frontis {

namespace {

// The first of `keys` that the front matter holds, with its key; null when none is there.
const FmNode* firstOf(const FrontMatter& fm, std::initializer_list<const char*> keys,
                      QString* found = nullptr)
{
    for (const char* key : keys) {
        const QString k = QLatin1String(key);
        if (const FmNode* n = fm.find(fm.resolve(k)); n && !n->isNull()) {
            if (found)
                *found = k;
            return n;
        }
    }
    return nullptr;
}

QString scalarOf(const FrontMatter& fm, std::initializer_list<const char*> keys)
{
    const FmNode* n = firstOf(fm, keys);
    return n && n->isScalar() ? n->text : QString();
}

} // namespace

SeoFields SeoFields::fromFrontMatter(const FrontMatter& fm, const Schema* schema,
                                     const QString& answerKey)
{
    SeoFields s;
    s.title = scalarOf(fm, {"seo.title", "title"});
    s.description = scalarOf(fm, {"seo.page_description", "description"});
    s.url = scalarOf(fm, {"url", "permalink"});
    s.question = scalarOf(fm, {"question", "title"});
    if (schema)
        s.baseUrl = schema->baseUrl();

    const QString answer = answerKey.isEmpty() ? QStringLiteral("answer") : answerKey;
    if (const FmNode* n = fm.find(fm.resolve(answer)); n && n->isScalar()) {
        const SchemaField* f = schema ? schema->field(answer) : nullptr;
        // Without a schema, the QuickTakes storage is assumed, as the preview does.
        const bool escaped = !f || f->encoding == QLatin1String("escaped-newlines");
        s.text = escaped ? decodeAnswer(n->text) : n->text;
    }

    QString key;
    if (const FmNode* n = firstOf(fm, {"seo.page_keywords", "keywords"}, &key)) {
        if (n->isSequence()) {
            for (const FmNode& item : n->items) {
                const QString k = item.text.simplified();
                if (item.isScalar() && !k.isEmpty())
                    s.keywords << k;
            }
        } else if (n->isScalar()) {
            const SchemaField* f = schema ? schema->field(key) : nullptr;
            s.keywords = KeywordCheck::split(n->text, f ? f->separator : QString());
        }
    }
    return s;
}

} // namespace frontis
