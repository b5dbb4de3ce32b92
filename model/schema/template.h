#pragma once

#include "model/file/error.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace frontis {

// A URL- and file-name-safe form of `text`: lower case, accents and ligatures folded to ASCII
// where that is reasonable ("Café" -> "cafe"), every run of other characters turned into one '-',
// no '-' at either end. Letters of other scripts are kept (lower-cased) rather than dropped, so
// that a title in Cyrillic does not slug to nothing.
QString slug(QStringView text);

// A derive template such as "/learn/{subject|slug}/questions/{question|slug}": literal text and
// {key|filter|...} placeholders, where key is a dotted key path and each filter (slug, lower,
// upper, trim) applies in turn. "{{" and "}}" stand for literal braces.
class Template
{
public:
    Template() = default;
    // Errors carry the 1-based column in the template text (line 0).
    static Result<Template> parse(const QString& text);
    static QStringList filterNames();

    const QString& text() const { return m_text; }
    bool isEmpty() const { return m_parts.empty(); }
    // The key paths the template reads, in order of first use.
    QStringList keys() const;

    // Looks up a key's text; nullopt when it is missing.
    using Lookup = std::function<std::optional<QString>(const QString& key)>;
    // The expanded text, or nullopt when a key it reads is missing or empty (nothing to compare).
    std::optional<QString> expand(const Lookup& lookup) const;

private:
    struct Part
    {
        QString literal; // for a literal part
        QString key;     // for a placeholder (non-empty)
        QStringList filters;
    };
    QString m_text;
    std::vector<Part> m_parts;
};

} // namespace frontis
