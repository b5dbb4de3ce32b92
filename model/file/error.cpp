#include "model/file/error.h"

namespace frontis {

QString Error::format(const QString& path) const
{
    if (line > 0)
        return QStringLiteral("%1:%2:%3: error: %4")
            .arg(path)
            .arg(line)
            .arg(qMax(column, 1))
            .arg(message);
    return QStringLiteral("%1: error: %2").arg(path, message);
}

} // namespace frontis
