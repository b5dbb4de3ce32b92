#pragma once

#include <QByteArray>
#include <QString>

namespace frontis {

// A unified diff (three lines of context) between two versions of a file, for Review Changes and
// `frontis set --dry-run`. Empty when the two are equal.
QString unifiedDiff(const QByteArray& before, const QByteArray& after, const QString& beforeName,
                    const QString& afterName);

} // namespace frontis
