#include "model/site/sitechange.h"

#include <QCoreApplication>

#include <algorithm>

namespace frontis {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("SiteChange", text);
}

} // namespace

SiteChange SiteChange::rename(const QString& key, const QString& from, const QString& to,
                              bool ignoreCase)
{
    SiteChange c;
    c.kind = Kind::Rename;
    c.key = key;
    c.oldValues = {from};
    c.to = to;
    c.ignoreCase = ignoreCase;
    return c;
}

SiteChange SiteChange::merge(const QString& key, const QStringList& from, const QString& to,
                             bool ignoreCase)
{
    SiteChange c = rename(key, QString(), to, ignoreCase);
    c.oldValues = from;
    c.oldValues.removeDuplicates();
    return c;
}

bool SiteChange::isOldValue(const QString& text) const
{
    if (text == to)
        return false;
    const Qt::CaseSensitivity cs = ignoreCase ? Qt::CaseInsensitive : Qt::CaseSensitive;
    return std::any_of(oldValues.cbegin(), oldValues.cend(),
                       [&](const QString& old) { return text.compare(old, cs) == 0; });
}

SiteChange SiteChange::set(const QString& key, const QString& value,
                           const QList<WhereClause>& where)
{
    SiteChange c;
    c.kind = Kind::Set;
    c.key = key;
    c.to = value;
    c.where = where;
    return c;
}

SiteChange SiteChange::unset(const QString& key, const QList<WhereClause>& where)
{
    SiteChange c;
    c.kind = Kind::Unset;
    c.key = key;
    c.where = where;
    return c;
}

SiteChange SiteChange::replace(const QString& key, bool inText, const QString& find,
                               const QString& replacement, FindOptions options)
{
    SiteChange c;
    c.kind = Kind::Replace;
    c.key = key;
    c.inText = inText;
    c.from = find;
    c.to = replacement;
    c.find = options;
    return c;
}

QString SiteChange::describe() const
{
    QString picked;
    for (const WhereClause& w : where)
        picked += QStringLiteral(" where %1 = '%2'").arg(w.key, w.value);
    switch (kind) {
    case Kind::Rename: {
        if (oldValues.size() == 1)
            return QStringLiteral("rename %1 '%2' -> '%3'").arg(key, oldValues.first(), to);
        QStringList quoted;
        for (const QString& v : oldValues)
            quoted << QLatin1Char('\'') + v + QLatin1Char('\'');
        return QStringLiteral("merge %1 %2 -> '%3'")
            .arg(key, quoted.join(QStringLiteral(", ")), to);
    }
    case Kind::Set:
        return QStringLiteral("set %1 = '%2'").arg(key, to) + picked;
    case Kind::Unset:
        return QStringLiteral("unset %1").arg(key) + picked;
    case Kind::Replace:
        return QStringLiteral("replace '%1' -> '%2' in %3")
            .arg(from, to, inText ? QStringLiteral("the article text") : key);
    case Kind::Undo:
        return QStringLiteral("undo %1").arg(from);
    }
    return {};
}

int ChangePlan::edits() const
{
    int n = 0;
    for (const FileChange& f : files)
        n += f.edits;
    return n;
}

QString ChangePlan::dryRunText() const
{
    QString text;
    for (const FileChange& f : files)
        text += f.diff;
    text += tr("%1 of %2 articles would change (%3 values); nothing was written.\n")
                .arg(files.size())
                .arg(examined)
                .arg(edits());
    return text;
}

} // namespace frontis
