#pragma once

#include "model/file/error.h"

#include <QList>
#include <QRegularExpression>
#include <QString>

namespace frontis {

// How a search term is read.
struct FindOptions
{
    bool caseSensitive = false;
    // Only where no letter, digit or underscore touches the match on either side.
    bool wholeWords = false;
    // The term is a Perl-compatible regular expression (QRegularExpression): `^` and `$` match
    // at every line's start and end, `.` does not match a line break.
    bool regularExpression = false;
};

// A search term compiled for Find and Replace in a text. Matches never overlap and may be empty
// (a regular expression such as `^` inserts at every line start when replaced).
class TextFinder
{
public:
    struct Match
    {
        qsizetype start = 0;
        qsizetype length = 0;
        qsizetype end() const { return start + length; }
        bool operator==(const Match&) const = default;
    };
    // One replacement of Replace All: where, and the text that goes there.
    struct Replacement
    {
        Match match;
        QString text;
    };

    // An invalid regular expression is an Error whose `column` is the 1-based position in `term`
    // where it goes wrong. An empty term is valid and finds nothing.
    static Result<TextFinder> compile(const QString& term, FindOptions options = {});

    bool isEmpty() const { return m_empty; }
    const FindOptions& options() const { return m_options; }

    // Every match in `text`, in order.
    QList<Match> findAll(const QString& text) const;
    // What replaces `match` (one of findAll(text)): with a regular expression `replacement` may
    // refer to the match's groups (see expandReplacement()); otherwise it is taken literally.
    QString replacementFor(const QString& text, Match match, const QString& replacement) const;
    // Every match with its replacement, for Replace All.
    QList<Replacement> replacements(const QString& text, const QString& replacement) const;

    // Qt's QString::replace(QRegularExpression, after) rules: `\1` to `\99` stand for a
    // capturing group (two digits when the expression has that many groups, else one), and
    // everything else, other backslashes included, is literal. There is no `\0` or `$1`.
    static QString expandReplacement(const QRegularExpressionMatch& match,
                                     const QString& replacement);

private:
    TextFinder() = default;

    QRegularExpression m_expression;
    FindOptions m_options;
    bool m_empty = true;
};

} // namespace frontis
