#include "model/seo/searchsnippet.h"

#include <QStringList>
#include <QUrl>

namespace frontis {

namespace {

// The index just past the last position in [0, end) where a word starts after a space, or -1.
qsizetype lastWordStart(const QString& text, qsizetype end)
{
    for (qsizetype i = qMin(end, text.size() - 1); i > 0; --i) {
        if (text.at(i - 1) == QLatin1Char(' ') && text.at(i) != QLatin1Char(' '))
            return i;
    }
    return -1;
}

SearchSnippet::Cut split(const QString& text, qsizetype at)
{
    return {text.left(at).trimmed(), text.mid(at).trimmed()};
}

// The path's segments (QUrl::path() has decoded them).
QStringList segments(const QString& path)
{
    QStringList out;
    for (const QString& s : path.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        out << s;
    return out;
}

} // namespace

QString SearchSnippet::marker()
{
    return QStringLiteral(" \u2026");
}

SearchSnippet::Cut SearchSnippet::cutToWidth(const QString& text, double maxWidth,
                                             const std::function<double(const QString&)>& width)
{
    const QString s = text.simplified();
    if (width(s) <= maxWidth)
        return {s, {}};
    const QString tail = marker();
    auto fits = [&](qsizetype n) { return width(s.left(n).trimmed() + tail) <= maxWidth; };
    // Whole words first: the longest run of words that fits.
    qsizetype best = -1;
    for (qsizetype at = s.indexOf(QLatin1Char(' ')); at > 0;
         at = s.indexOf(QLatin1Char(' '), at + 1)) {
        if (!fits(at))
            break;
        best = at;
    }
    if (best > 0)
        return split(s, best);
    // One word wider than the line: as many characters as fit, at least one, never half of a
    // surrogate pair.
    qsizetype n = 0;
    for (qsizetype next = 1; next <= s.size(); ++next) {
        if (next < s.size() && s.at(next).isLowSurrogate())
            continue;
        if (!fits(next))
            break;
        n = next;
    }
    if (n == 0)
        n = s.at(0).isHighSurrogate() && s.size() > 1 ? 2 : 1;
    return split(s, n);
}

SearchSnippet::Cut SearchSnippet::cutToLength(const QString& text, qsizetype maxLength)
{
    const QString s = text.simplified();
    // The UTF-16 index just past `maxLength` code points (or the end).
    qsizetype end = 0;
    for (qsizetype chars = 0; end < s.size() && chars < maxLength; ++chars)
        end += s.at(end).isHighSurrogate() && end + 1 < s.size() ? 2 : 1;
    if (end >= s.size())
        return {s, {}};
    // The cut goes before the word that does not fit whole (a space right at the limit means the
    // word before it still fits).
    if (s.at(end) == QLatin1Char(' '))
        return split(s, end);
    const qsizetype word = lastWordStart(s, end);
    return split(s, word > 0 ? word : end);
}

QString SearchSnippet::breadcrumb(const QString& baseUrl, const QString& url)
{
    const QUrl page(url.trimmed());
    const QUrl base(baseUrl.trimmed());
    QStringList parts;
    QString prefix;
    if (!page.scheme().isEmpty() && !page.host().isEmpty()) {
        prefix = page.toString(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment |
                               QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
        parts = segments(page.path());
    } else {
        if (!base.host().isEmpty()) {
            prefix = base.toString(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment |
                                   QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
            parts = segments(base.path());
        }
        parts += segments(page.path());
    }
    if (!prefix.isEmpty())
        parts.prepend(prefix);
    return parts.join(QStringLiteral(" \u203a "));
}

} // namespace frontis
