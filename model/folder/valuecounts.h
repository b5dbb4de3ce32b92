#pragma once

#include "model/folder/articlesummary.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace frontis {

// The values a folder's articles give a key, each with the articles that have it: what the
// window's Values view lists (a site's subjects, tags or categories) and what Rename and Merge
// Into act on. Read from the index's summaries (the list columns), so it costs no file reads.
// Spellings are kept apart ("Go" and "go" are two values: merging them is the point), and a
// list's items count one by one.
struct ValueCount
{
    QString value;
    QStringList paths; // the articles that have it, sorted
    int articles() const { return int(paths.size()); }
};

class ValueCounts
{
public:
    // The keys worth listing: a select or tags field, or a key some article writes as a list,
    // in the order the list columns first name them.
    static QStringList keys(const QList<ArticleSummary>& articles);
    // The label the list columns give `key` (the key itself when none does).
    static QString label(const QList<ArticleSummary>& articles, const QString& key);
    // The values of `key`, sorted case-insensitively (ties: exact order), empty values left out.
    static QList<ValueCount> of(const QList<ArticleSummary>& articles, const QString& key);
    // The items a summary shows for `key` (a list's one by one); empty when it has none.
    static QStringList valuesOf(const ArticleSummary& article, const QString& key);
};

} // namespace frontis
