#include "recentfiles.h"

#include <QFileInfo>
#include <QSettings>

namespace frontis::recentfiles {

namespace {

const QString RecentKey = QStringLiteral("files/recent");
const QString SessionKey = QStringLiteral("files/session");

QString normalized(const QString& path)
{
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? info.absoluteFilePath() : canonical;
}

} // namespace

QStringList recent()
{
    return QSettings().value(RecentKey).toStringList();
}

void add(const QString& path)
{
    QStringList list = recent();
    const QString p = normalized(path);
    list.removeAll(p);
    list.prepend(p);
    while (list.size() > MaxRecent)
        list.removeLast();
    QSettings().setValue(RecentKey, list);
}

void remove(const QString& path)
{
    QStringList list = recent();
    list.removeAll(normalized(path));
    QSettings().setValue(RecentKey, list);
}

void clear()
{
    QSettings().remove(RecentKey);
}

QStringList session()
{
    return QSettings().value(SessionKey).toStringList();
}

void setSession(const QStringList& paths)
{
    QStringList list;
    for (const QString& p : paths)
        list << normalized(p);
    QSettings().setValue(SessionKey, list);
}

} // namespace frontis::recentfiles
