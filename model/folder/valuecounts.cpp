#include "model/folder/valuecounts.h"

#include <QHash>

#include <algorithm>

namespace frontis {

namespace {

const ArticleSummary::Shown* shownFor(const ArticleSummary& a, const QString& key)
{
    for (const ArticleSummary::Shown& s : a.shown) {
        if (s.key == key)
            return &s;
    }
    return nullptr;
}

} // namespace

QStringList ValueCounts::keys(const QList<ArticleSummary>& articles)
{
    QStringList out;
    for (const ArticleSummary& a : articles) {
        for (const ArticleSummary::Shown& s : a.shown) {
            if ((s.choice || s.list) && !s.value.isEmpty() && !out.contains(s.key))
                out << s.key;
        }
    }
    return out;
}

QString ValueCounts::label(const QList<ArticleSummary>& articles, const QString& key)
{
    for (const ArticleSummary& a : articles) {
        if (const ArticleSummary::Shown* s = shownFor(a, key); s && !s->label.isEmpty())
            return s->label;
    }
    return key;
}

QStringList ValueCounts::valuesOf(const ArticleSummary& article, const QString& key)
{
    const ArticleSummary::Shown* s = shownFor(article, key);
    if (!s || s->value.isEmpty())
        return {};
    // The summary joins a list's items with ", " (an item holding ", " itself reads as two).
    QStringList items =
        s->list ? s->value.split(QStringLiteral(", "), Qt::SkipEmptyParts) : QStringList{s->value};
    items.removeDuplicates();
    return items;
}

QList<ValueCount> ValueCounts::of(const QList<ArticleSummary>& articles, const QString& key)
{
    QHash<QString, qsizetype> at;
    QList<ValueCount> out;
    for (const ArticleSummary& a : articles) {
        for (const QString& v : valuesOf(a, key)) {
            auto it = at.constFind(v);
            if (it == at.constEnd()) {
                it = at.insert(v, out.size());
                out.append(ValueCount{v, {}});
            }
            out[*it].paths << a.path;
        }
    }
    for (ValueCount& c : out)
        c.paths.sort();
    std::sort(out.begin(), out.end(), [](const ValueCount& a, const ValueCount& b) {
        const int order = a.value.compare(b.value, Qt::CaseInsensitive);
        return order != 0 ? order < 0 : a.value < b.value;
    });
    return out;
}

} // namespace frontis
