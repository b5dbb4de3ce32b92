#include "model/file/diagnostic.h"

#include <algorithm>

namespace frontis {

QString Diagnostic::format(const QString& path) const
{
    const QString where =
        line > 0 ? QStringLiteral("%1:%2:%3").arg(path).arg(line).arg(qMax(column, 1)) : path;
    return QStringLiteral("%1: %2: %3 [%4]").arg(where, severityName(severity), message, rule);
}

QString Diagnostic::severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        return QStringLiteral("info");
    }
    return QString();
}

std::optional<Diagnostic::Severity> Diagnostic::severityFromName(QStringView name)
{
    for (Severity s : {Severity::Error, Severity::Warning, Severity::Info}) {
        if (name.compare(severityName(s), Qt::CaseInsensitive) == 0)
            return s;
    }
    return std::nullopt;
}

void sortByPosition(QList<Diagnostic>& diagnostics)
{
    // Findings without a position (line 0) concern the whole file: they come first.
    std::stable_sort(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         return a.line != b.line ? a.line < b.line : a.column < b.column;
                     });
}

} // namespace frontis
