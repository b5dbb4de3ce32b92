#pragma once

#include "model/file/articlefile.h"
#include "model/file/error.h"
#include "model/schema/schema.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

namespace frontis {

class ArticleIndex;

// The text of a new article, made from a question and a subject the way the site's articles are
// written (the layout of the QuickTakes sample): the schema's fields in schema order, each value
// from the schema's default, its derive template, the fields it must agree with (title and
// article_title repeat the question), today's date, or the folder's next id; required fields
// nothing can fill get a "TODO" placeholder that the validator reports no error for. Folded
// values are `>-` blocks indented 4 spaces (nested keys 2 spaces, their blocks at 4), a blank
// line comes before the closing fence, and the body is a blank line and `&nbsp;` with no final
// line break. For a schema whose text is the body (Hugo, Jekyll and the like) the writer gives the
// title instead of a question, the body is empty or the schema's `body_template`, and a schema
// without a title field (the generic one) writes `title` and today's `date` first. The result
// is parsed back and every value checked before it is returned.
class NewArticle
{
public:
    struct Input
    {
        QString question; // the question, or the title where the schema has no question field
        QString subject;
        qint64 id = 0; // the value of an integer unique key (the folder's highest + 1)
        QDate date;    // today, for required dates
        QString
            schemaName; // written as `_schema` when the schema has that field; empty: its default
    };
    struct Value
    {
        QString key; // dotted, as the schema writes it
        QString text;
        bool placeholder = false; // a "TODO" the writer should replace
    };

    // What the writer types: `question` where the schema has that field, else `title`.
    static QString headlineKey(const Schema& schema);
    // The values build() writes, in schema order.
    static QList<Value> values(const Schema& schema, const Input& input);
    // The article's bytes. Fails when the question (title) is empty or a value cannot be written
    // so that it reads back unchanged.
    // `syntax`: the front matter's format, the one most of the folder's articles use (TOML
    // between '+++' fences, nested keys under [table] headers); JSON is written as YAML for now.
    static Result<QByteArray> build(const Schema& schema, const Input& input,
                                    FrontMatterSyntax syntax = FrontMatterSyntax::Yaml);

    // The format most of the folder's articles use, from the first line of each (up to 500 of
    // them); YAML where there are none or as many of another.
    static FrontMatterSyntax folderSyntax(const ArticleIndex& index);
    // The file name to save as: the `file_name` value, else the question as a slug plus ".md".
    static QString fileName(const Schema& schema, const Input& input);
    // Where to save it in a folder: beside the folder's other articles of that subject (the
    // folder holding most of them), else the folder itself.
    static QString proposedPath(const ArticleIndex& index, const Schema& schema,
                                const Input& input);
    // The text a body-less new article ends with, after the closing fence.
    static QByteArray body() { return QByteArrayLiteral("\n&nbsp;"); }
};

} // namespace frontis
