#pragma once

#include <QStringList>

namespace frontis {

// A path to a value in the front matter: one segment per mapping key; a sequence item is
// addressed by its decimal index. Kept as segments because real keys contain dots ("ms.date").
using KeyPath = QStringList;

// "seo.title", "tags.0" (for display and messages).
inline QString joinKeyPath(const KeyPath& path)
{
    return path.join(QLatin1Char('.'));
}

} // namespace frontis
