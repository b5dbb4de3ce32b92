#pragma once

#include "diagnostic.h"
#include "validator.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace frontis {

class SchemaLibrary;

// What a content folder's index keeps of one article: where it is and which version of the file
// it describes, the values a list of articles shows and searches, and the article's diagnostics.
// Small enough to hold for tens of thousands of articles; the Document itself is not kept.
struct ArticleSummary
{
    QString path;         // absolute
    qint64 size = -1;     // the file's size and modification time when it was read: the index
    qint64 modified = -1; // reads a file again only when one of them changed (ms since the epoch)
    quint64 inode = 0;    // where the system has them: a file replaced by a rename (a save) gets
                          // a new one, even when size and time (coarse, a few ms) are the same
    bool parsed = false;  // false: the file could not be read or its front matter does not parse

    QString schema; // the `_schema` value as written
    QString title;  // title, else article_title, else question, else the file's base name
    QString subject;
    QString date;
    QString id;
    QString score;
    QString url;
    QString fileName; // the `file_name` value
    QString question;
    QString keywords; // seo.page_keywords, else keywords, else tags (a list joined with ", ")

    QList<Diagnostic> diagnostics;     // the article's own findings, sorted by position
    QList<Validator::KeyValue> unique; // its values of the schema's unique keys
    QList<Diagnostic> crossFile; // values it shares with other articles (computed by the index)

    int errors = 0; // over diagnostics and crossFile (recount() after changing either)
    int warnings = 0;
    int infos = 0;

    // Both lists, sorted by position.
    QList<Diagnostic> allDiagnostics() const;
    void recount();

    // Reads an article's text: its values and its diagnostics against the schema `library`
    // picks. Never fails: a file that does not parse gives a summary with the parse error.
    static ArticleSummary fromBytes(const QString& path, const QByteArray& bytes,
                                    SchemaLibrary& library);
    // Reads the file at `path` (an unreadable file gives an "io" error).
    static ArticleSummary read(const QString& path, SchemaLibrary& library);
};

} // namespace frontis
