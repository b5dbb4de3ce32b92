#include "model/seo/keywordcheck.h"

#include <QRegularExpression>

#include <optional>

namespace frontis {

namespace {

const QRegularExpression Whitespace(QStringLiteral("\\s+"),
                                    QRegularExpression::UseUnicodePropertiesOption);

QStringList words(const QString& keyword)
{
    return keyword.toCaseFolded().split(Whitespace, Qt::SkipEmptyParts);
}

bool isVowel(QChar c)
{
    return QStringLiteral("aeiou").contains(c);
}

// `plural` is an English plural of `singular` by the regular rules: +s, +es, y -> ies.
bool isPluralOf(const QString& plural, const QString& singular)
{
    if (singular.isEmpty() || plural.size() <= singular.size())
        return false;
    if (plural == singular + QLatin1Char('s') || plural == singular + QLatin1String("es"))
        return true;
    // "category" -> "categories" but not "day" -> "daies".
    return singular.size() > 1 && singular.endsWith(QLatin1Char('y')) &&
           !isVowel(singular.at(singular.size() - 2)) &&
           plural == singular.chopped(1) + QLatin1String("ies");
}

// The expression that finds `keyword` as a phrase; none for an empty keyword.
std::optional<QRegularExpression> phrase(const QString& keyword)
{
    const QStringList parts = keyword.split(Whitespace, Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return std::nullopt;
    QStringList escaped;
    for (const QString& p : parts)
        escaped << QRegularExpression::escape(p);
    // Lookarounds rather than \b: a keyword that starts or ends with punctuation ("C++", ".NET")
    // has no word boundary there.
    QRegularExpression re(QStringLiteral("(?<![\\w])") + escaped.join(QStringLiteral("\\s+")) +
                              QStringLiteral("(?![\\w])"),
                          QRegularExpression::CaseInsensitiveOption |
                              QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

} // namespace

bool KeywordCheck::occursIn(const QString& keyword, const QString& text)
{
    const std::optional<QRegularExpression> re = phrase(keyword);
    return re && re->match(text).hasMatch();
}

bool KeywordCheck::isDuplicate(const QString& a, const QString& b)
{
    const QStringList wa = words(a);
    return !wa.isEmpty() && wa == words(b);
}

bool KeywordCheck::isNearDuplicate(const QString& a, const QString& b)
{
    const QStringList wa = words(a);
    const QStringList wb = words(b);
    if (wa.isEmpty() || wa.size() != wb.size() || wa == wb)
        return false;
    for (qsizetype i = 0; i < wa.size(); ++i) {
        if (wa[i] != wb[i] && !isPluralOf(wa[i], wb[i]) && !isPluralOf(wb[i], wa[i]))
            return false;
    }
    return true;
}

QList<KeywordCheck::Finding> KeywordCheck::check(const QStringList& keywords,
                                                 const QStringList& texts)
{
    QList<Finding> out;
    out.reserve(keywords.size());
    for (qsizetype i = 0; i < keywords.size(); ++i) {
        Finding f;
        f.keyword = keywords[i];
        const std::optional<QRegularExpression> re = phrase(f.keyword);
        for (const QString& text : texts)
            f.found << (re && re->match(text).hasMatch());
        // The first earlier keyword it repeats: a duplicate wins over a near-duplicate.
        for (qsizetype j = 0; j < i && f.repeat != Repeat::Duplicate; ++j) {
            if (isDuplicate(keywords[j], f.keyword)) {
                f.repeat = Repeat::Duplicate;
                f.repeats = int(j);
            } else if (f.repeat == Repeat::None && isNearDuplicate(keywords[j], f.keyword)) {
                f.repeat = Repeat::NearDuplicate;
                f.repeats = int(j);
            }
        }
        out << f;
    }
    return out;
}

QStringList KeywordCheck::split(const QString& text, const QString& separator)
{
    QStringList out;
    const QString sep = separator.isEmpty() ? QStringLiteral(",") : separator;
    for (const QString& part : text.split(sep)) {
        const QString k = part.simplified();
        if (!k.isEmpty())
            out << k;
    }
    return out;
}

} // namespace frontis
