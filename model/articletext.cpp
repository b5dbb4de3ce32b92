#include "articletext.h"

#include "answercodec.h"
#include "document.h"
#include "schema.h"

namespace frontis {

QString articleText(const Document& doc, const Schema& schema)
{
    const TextLocation where = schema.textLocation();
    if (where.body)
        return doc.body();
    const FmNode* node = doc.find(doc.frontMatter().resolve(where.key));
    if (!node || !node->isScalar())
        return {};
    const SchemaField* field = schema.field(where.key);
    const bool escaped = field && field->encoding == QLatin1String("escaped-newlines");
    return escaped ? decodeAnswer(node->text) : node->text;
}

} // namespace frontis
