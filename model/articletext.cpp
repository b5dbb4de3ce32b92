#include "articletext.h"

#include "answercodec.h"

namespace frontis {

ArticleText ArticleText::of(const Schema& schema)
{
    const SchemaField* markdown = nullptr;
    for (const SchemaField& f : schema.fields()) {
        if (f.type != FieldType::Markdown)
            continue;
        if (markdown)
            return body(); // several: none of them is the article
        markdown = &f;
    }
    if (!markdown)
        return body();
    return field(markdown->key, markdown->encoding == QLatin1String("escaped-newlines"));
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
        return QString::fromUtf8(doc.bytes().mid(doc.file().bodyBegin()));
    const FmNode* node = doc.find(doc.frontMatter().resolve(m_key));
    return node && node->isScalar() ? node->text : QString();
}

QString ArticleText::decode(const QString& stored) const
{
    if (m_escapedNewlines)
        return decodeAnswer(stored);
    QString text = stored;
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    return text;
}

QString ArticleText::encode(const QString& markdown, const Document& doc) const
{
    if (m_escapedNewlines)
        return encodeAnswer(markdown);
    if (!isBody())
        return markdown;
    // The body's own line breaks where it has any, else the fence's.
    const QByteArray& bytes = doc.bytes();
    const qsizetype firstBreak = bytes.indexOf('\n', doc.file().bodyBegin());
    const bool crlf = firstBreak > doc.file().bodyBegin()
                          ? bytes[firstBreak - 1] == '\r'
                          : doc.file().newline() == QByteArrayLiteral("\r\n");
    if (!crlf)
        return markdown;
    QString text = markdown;
    text.replace(QLatin1String("\n"), QLatin1String("\r\n"));
    return text;
}

int ArticleText::firstFileLine(const Document& doc) const
{
    return isBody() ? doc.file().position(doc.file().bodyBegin()).line : 0;
}

} // namespace frontis
