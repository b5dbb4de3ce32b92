#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace frontis {

// One finding of the validator: how bad, which rule, which key, where, and what.
struct Diagnostic
{
    enum class Severity { Error, Warning, Info };

    Severity severity = Severity::Error;
    QString rule;    // stable id such as "required", "max-length", "derived", "parse"
    QString key;     // dotted key path ("seo.title"); empty for whole-file findings
    int line = 0;    // 1-based file position of the value; 0 when the finding has no position
    int column = 0;  // 1-based column in bytes; 0 when unknown
    QString message; // one sentence, without the position or the rule id

    // "path:line:column: severity: message [rule]" (the position is left out when unknown).
    QString format(const QString& path) const;

    // "error", "warning", "info".
    static QString severityName(Severity severity);
    static std::optional<Severity> severityFromName(QStringView name);

    bool isError() const { return severity == Severity::Error; }
};

// Sorts by position (line, then column), keeping the order of findings at the same place.
void sortByPosition(QList<Diagnostic>& diagnostics);

} // namespace frontis
