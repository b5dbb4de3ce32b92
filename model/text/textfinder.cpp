#include "model/text/textfinder.h"

#include <QCoreApplication>

namespace frontis {

Result<TextFinder> TextFinder::compile(const QString& term, FindOptions options)
{
    TextFinder finder;
    finder.m_options = options;
    finder.m_empty = term.isEmpty();
    if (finder.m_empty)
        return finder;

    QRegularExpression::PatternOptions flags = QRegularExpression::UseUnicodePropertiesOption;
    if (!options.caseSensitive)
        flags |= QRegularExpression::CaseInsensitiveOption;
    QString pattern = options.regularExpression ? term : QRegularExpression::escape(term);
    if (options.regularExpression) {
        flags |= QRegularExpression::MultilineOption;
        // Checked alone first: wrapped for whole words, an unbalanced ")" could turn valid and
        // the error position would point into text the writer never typed.
        const QRegularExpression alone(pattern, flags);
        if (!alone.isValid()) {
            return Error{QCoreApplication::translate("TextFinder", "%1 (at character %2)")
                             .arg(alone.errorString())
                             .arg(alone.patternErrorOffset() + 1),
                         0, int(alone.patternErrorOffset()) + 1};
        }
    }
    if (options.wholeWords)
        pattern = QStringLiteral("(?<!\\w)(?:%1)(?!\\w)").arg(pattern);
    finder.m_expression = QRegularExpression(pattern, flags);
    if (!finder.m_expression.isValid()) // cannot happen for an escaped term; be safe anyway
        return Error{finder.m_expression.errorString()};
    finder.m_expression.optimize();
    return finder;
}

QList<TextFinder::Match> TextFinder::findAll(const QString& text) const
{
    QList<Match> out;
    if (m_empty)
        return out;
    QRegularExpressionMatchIterator it = m_expression.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out.append(Match{m.capturedStart(), m.capturedLength()});
    }
    return out;
}

QString TextFinder::replacementFor(const QString& text, Match match,
                                   const QString& replacement) const
{
    if (!m_options.regularExpression || m_empty)
        return replacement;
    // Matched again where findAll() found it, with the whole text around for look-arounds.
    const QRegularExpressionMatch m =
        m_expression.match(text, match.start, QRegularExpression::NormalMatch,
                           QRegularExpression::AnchorAtOffsetMatchOption);
    if (!m.hasMatch() || m.capturedLength() != match.length)
        return replacement;
    return expandReplacement(m, replacement);
}

QList<TextFinder::Replacement> TextFinder::replacements(const QString& text,
                                                        const QString& replacement) const
{
    QList<Replacement> out;
    if (m_empty)
        return out;
    QRegularExpressionMatchIterator it = m_expression.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out.append(Replacement{Match{m.capturedStart(), m.capturedLength()},
                               m_options.regularExpression ? expandReplacement(m, replacement)
                                                           : replacement});
    }
    return out;
}

QString TextFinder::expandReplacement(const QRegularExpressionMatch& match,
                                      const QString& replacement)
{
    const int groups = match.regularExpression().captureCount();
    if (groups <= 0 || !replacement.contains(QLatin1Char('\\')))
        return replacement;
    QString out;
    out.reserve(replacement.size());
    const qsizetype n = replacement.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = replacement.at(i);
        if (c == QLatin1Char('\\') && i + 1 < n) {
            int number = replacement.at(i + 1).digitValue();
            if (number > 0 && number <= groups) {
                qsizetype used = 2;
                if (i + 2 < n) {
                    const int second = replacement.at(i + 2).digitValue();
                    if (second >= 0 && number * 10 + second <= groups) {
                        number = number * 10 + second;
                        used = 3;
                    }
                }
                out += match.captured(number);
                i += used - 1;
                continue;
            }
        }
        out += c;
    }
    return out;
}

} // namespace frontis
