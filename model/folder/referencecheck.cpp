#include "model/folder/referencecheck.h"

#include <QCoreApplication>

namespace frontis {

void ReferenceCheck::addTargets(const QList<FieldValue>& held)
{
    for (const FieldValue& v : held)
        m_values[v.key].insert(v.value);
}

bool ReferenceCheck::holds(const QString& to, const QString& value) const
{
    const auto it = m_values.constFind(to);
    return it != m_values.cend() && it->contains(value);
}

QList<Diagnostic> ReferenceCheck::findings(const QList<FieldValue>& references) const
{
    QList<Diagnostic> out;
    for (const FieldValue& r : references) {
        if (r.to.isEmpty() || holds(r.to, r.value))
            continue;
        out << Diagnostic{r.severity,
                          QStringLiteral("reference"),
                          r.key,
                          r.line,
                          r.column,
                          QCoreApplication::translate("ReferenceCheck",
                                                      "'%1' names no article: no article of the "
                                                      "folder has '%2: %3'")
                              .arg(r.key, r.to, r.value)};
    }
    return out;
}

} // namespace frontis
