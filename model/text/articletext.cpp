#include "model/text/articletext.h"

#include "model/text/answercodec.h"

namespace frontis {

ArticleText ArticleText::of(const Schema& schema)
{
    const TextLocation where = schema.textLocation();
    if (where.body)
        return body();
    const SchemaField* f = schema.field(where.key);
    return field(where.key, f && f->encoding == QLatin1String("escaped-newlines"));
}

ArticleText ArticleText::body()
{
    return {};
}

ArticleText ArticleText::field(const QString& key, bool escapedNewlines)
{
    ArticleText t;
    t.m_key = key;
    t.m_escapedNewlines = escapedNewlines;
    return t;
}

QString ArticleText::stored(const Document& doc) const
{
    if (isBody())
        return doc.body();
    const FmNode* node = doc.find(doc.frontMatter().resolve(m_key));
    return node && node->isScalar() ? node->text : QString();
}

QString ArticleText::decode(const QString& stored) const
{
    return m_escapedNewlines ? decodeAnswer(stored) : stored;
}

QString ArticleText::encode(const QString& markdown) const
{
    return m_escapedNewlines ? encodeAnswer(markdown) : markdown;
}

int ArticleText::firstFileLine(const Document& doc) const
{
    return isBody() ? doc.file().position(doc.file().bodyBegin()).line : 0;
}

QString articleText(const Document& doc, const Schema& schema)
{
    const ArticleText text = ArticleText::of(schema);
    return text.decode(text.stored(doc));
}

} // namespace frontis
