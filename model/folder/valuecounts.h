#pragma once

#include "model/folder/articlesummary.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace frontis {

// The values a folder's articles give a key, each with the articles that have it: what the
// window's Values view lists (a site's subjects, tags or categories) and what Rename and Merge
// Into act on. Read from the index's summaries (ArticleSummary::values), so it costs no file
// reads. Spellings are kept apart ("Go" and "go" are two values: merging them is the point), and
// a list's items (a tags string's entries) count one by one.
struct ValueCount
{
    QString value;
    QStringList paths; // the articles that have it, sorted
    int articles() const { return int(paths.size()); }
};

class ValueCounts
{
public:
    // The keys worth listing: the list columns that are a choice, every select or tags field of
    // the schemas, and every key some article writes as a list of values, in the order the
    // articles first name them.
    static QStringList keys(const QList<ArticleSummary>& articles);
    // The label the schema gives `key` (the key itself when none does).
    static QString label(const QList<ArticleSummary>& articles, const QString& key);
    // The values of `key`, sorted case-insensitively (ties: exact order), empty values left out.
    static QList<ValueCount> of(const QList<ArticleSummary>& articles, const QString& key);
    // The items an article gives `key` (a list's one by one); empty when it has none.
    static QStringList valuesOf(const ArticleSummary& article, const QString& key);
};

} // namespace frontis
