#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace frontis {

// Where an article's SEO keywords occur (title, description, question, answer...) and which
// keywords repeat one another.
//
// A keyword matches as a whole phrase, case-insensitively: it must not be preceded or followed
// by a letter, digit or underscore, so "cache" is found in "the cache." but not in "cached" or
// "caches" (a writer who means the plural should list it), and whitespace inside a keyword
// matches any run of whitespace. Keywords are matched literally: "C++" or "(x)" is text, not a
// regular expression.
class KeywordCheck
{
public:
    // How a keyword repeats an earlier one.
    enum class Repeat { None, Duplicate, NearDuplicate };

    struct Finding
    {
        QString keyword;
        QList<bool> found; // one per text checked, in the order given
        Repeat repeat = Repeat::None;
        int repeats = -1; // index of the earlier keyword it repeats
    };

    // Each keyword (trimmed, empty ones skipped by the caller) checked against each text.
    static QList<Finding> check(const QStringList& keywords, const QStringList& texts);

    // True when `keyword` occurs in `text` as described above. An empty keyword never does.
    static bool occursIn(const QString& keyword, const QString& text);

    // The same keyword ignoring case and runs of whitespace.
    static bool isDuplicate(const QString& a, const QString& b);
    // The same words but for an English plural of one or more of them: "cache"/"caches",
    // "process"/"processes", "category"/"categories" (case and spacing ignored). A duplicate
    // is not a near-duplicate.
    static bool isNearDuplicate(const QString& a, const QString& b);

    // The keywords of a comma-separated (or `separator`-separated) string: trimmed, empty ones
    // dropped, order kept.
    static QStringList split(const QString& text, const QString& separator = QStringLiteral(","));
};

} // namespace frontis
