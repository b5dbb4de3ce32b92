#pragma once

#include <QString>
#include <QStringList>

namespace frontis {

// The files remembered between runs (QSettings): the recently opened ones for File > Open
// Recent, and the ones open when Frontis last quit, which `frontis` without arguments reopens.
namespace recentfiles {

constexpr int MaxRecent = 10;

QStringList recent();
// Moves `path` to the front of the recent files.
void add(const QString& path);
void remove(const QString& path);
void clear();

QStringList session();
void setSession(const QStringList& paths);

} // namespace recentfiles
} // namespace frontis
