#pragma once

#include "model/file/diagnostic.h"
#include "model/file/error.h"
#include "model/schema/fieldvalues.h"
#include "model/schema/validator.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

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
    qint64 statusChanged = -1; // the inode's change time (ms): any write or touch moves it, and
                               // unlike the modification time no program can set it back
    QByteArray hash; // of the bytes (contentHash); empty when the file could not be read. A file
                     // whose stamp moved but whose bytes hash the same is not checked again
    bool parsed = false; // false: the file could not be read or its front matter does not parse

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

    // The values of its schema's list columns (Schema::listColumns), as the Articles panel shows
    // them; a list's items are joined with ", ".
    struct Shown
    {
        QString key;
        QString label;
        QString value;
        bool choice = false; // a select or tags field, or a list: the panel can filter by it
        bool list = false;   // the value is a list's items joined with ", "
        friend bool operator==(const Shown&, const Shown&) = default;
    };
    QList<Shown> shown;

    // The values of every key the Values view lists (issue 19): the list columns, the schema's
    // select and tags fields, then every other key the article writes as a
    // list of values (nested maps walked, dotted keys), each with its items one by one (a tags
    // string split at the schema's separator, a list item for item; empty ones left out).
    struct Values
    {
        QString key; // dotted, as FrontMatter::resolve and SiteChange take it
        QString label;
        QStringList items;
        // A choice here: a select or tags field, or a list. False for a list column's plain
        // value, kept because another article may make the key a choice (it counts there too).
        bool choice = true;
        friend bool operator==(const Values&, const Values&) = default;
    };
    QList<Values> values;

    QList<Diagnostic> diagnostics;     // the article's own findings, sorted by position
    QList<Validator::KeyValue> unique; // its values of the schema's unique keys
    // What checks and choices across the folder need: the values it holds under the keys that
    // references point to (key: the `to` key), its own reference values, and its image paths
    // (how the site writes them, for the form's image chooser).
    QList<FieldValue> targets;
    QList<FieldValue> references;
    QList<FieldValue> images;
    // Values it shares with other articles, references no article holds (computed by the index).
    QList<Diagnostic> crossFile;
    // A broken schema file the article's `_schema` led to (it was checked against the generic
    // schema; `diagnostics` holds a "schema" error saying so), and the error in that file.
    QString brokenSchema;
    Error schemaError;

    int errors = 0; // over diagnostics and crossFile (recount() after changing either)
    int warnings = 0;
    int infos = 0;

    // Both lists, sorted by position.
    QList<Diagnostic> allDiagnostics() const;
    void recount();

    // Reads an article's text: its values and its diagnostics against the schema `library`
    // picks. Never fails: a file that does not parse gives a summary with the parse error.
    // `targetKeys`: the keys whose values references across the folder may name (besides those
    // of the article's own schema).
    static ArticleSummary fromBytes(const QString& path, const QByteArray& bytes,
                                    SchemaLibrary& library, const QStringList& targetKeys = {});
    // Reads the file at `path` (an unreadable file gives an "io" error).
    static ArticleSummary read(const QString& path, SchemaLibrary& library,
                               const QStringList& targetKeys = {});
    // Reads the file at `path`; when its bytes hash to `known->hash`, returns `*known` with the
    // new size instead of checking them again (`*reused` says which).
    static ArticleSummary read(const QString& path, SchemaLibrary& library,
                               const ArticleSummary* known, bool* reused,
                               const QStringList& targetKeys = {});

    // The hash that identifies an article's bytes in saved indexes.
    static QByteArray contentHash(const QByteArray& bytes);
};

} // namespace frontis
