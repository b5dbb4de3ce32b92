#pragma once

#include "model/file/diagnostic.h"
#include "model/schema/fieldvalues.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace frontis {

// The check across articles of `type: reference` fields: a value that no article of the folder
// holds under the field's `to` key is a warning (rule "reference") at the value. Fed with what
// every article holds under the keys references point to, then asked about each article's
// references. A cheap value to copy into the window's editors (the sets are shared).
class ReferenceCheck
{
public:
    // Values an article holds under `to` keys (FieldValue::key is the `to` key).
    void addTargets(const QList<FieldValue>& held);
    bool holds(const QString& to, const QString& value) const;
    // The warnings for the references (FieldValue::to set) that no article holds.
    QList<Diagnostic> findings(const QList<FieldValue>& references) const;

private:
    QHash<QString, QSet<QString>> m_values; // `to` key -> the values articles hold there
};

} // namespace frontis
