#include "model/folder/valuecounts.h"

#include <QHash>

#include <algorithm>

namespace frontis {

namespace {

const ArticleSummary::Values* valuesFor(const ArticleSummary& a, const QString& key)
{
    for (const ArticleSummary::Values& v : a.values) {
        if (v.key == key)
            return &v;
    }
    return nullptr;
}

} // namespace

QStringList ValueCounts::keys(const QList<ArticleSummary>& articles)
{
    QStringList out;
    for (const ArticleSummary& a : articles) {
        for (const ArticleSummary::Values& v : a.values) {
            if (v.choice && !out.contains(v.key))
                out << v.key;
        }
    }
    return out;
}

QString ValueCounts::label(const QList<ArticleSummary>& articles, const QString& key)
{
    for (const ArticleSummary& a : articles) {
        if (const ArticleSummary::Values* v = valuesFor(a, key); v && !v->label.isEmpty())
            return v->label;
    }
    return key;
}

QStringList ValueCounts::valuesOf(const ArticleSummary& article, const QString& key)
{
    const ArticleSummary::Values* v = valuesFor(article, key);
    return v ? v->items : QStringList();
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
