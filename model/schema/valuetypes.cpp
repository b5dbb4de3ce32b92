#include "model/schema/valuetypes.h"

#include <QDate>
#include <QRegularExpression>
#include <QTime>
#include <QUrl>

#include <algorithm>

namespace frontis::valuetypes {

bool isUrl(const QString& text)
{
    if (text.isEmpty() ||
        std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isSpace(); }))
        return false;
    if (text.startsWith(QLatin1Char('/')))
        return !text.startsWith(QLatin1String("//")) || QUrl(text, QUrl::StrictMode).isValid();
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && !url.scheme().isEmpty() &&
           (!url.host().isEmpty() || url.scheme() == QLatin1String("mailto"));
}

bool looksLikeIsoDate(QStringView text)
{
    if (text.size() != 10 || text[4] != QLatin1Char('-') || text[7] != QLatin1Char('-'))
        return false;
    for (qsizetype i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (text[i] < QLatin1Char('0') || text[i] > QLatin1Char('9'))
            return false;
    }
    return true;
}

bool isIsoDate(QStringView text)
{
    return looksLikeIsoDate(text) && QDate::fromString(text.toString(), Qt::ISODate).isValid();
}

bool isDatetime(QStringView text)
{
    static const QRegularExpression re(
        QStringLiteral("^([0-9]{4})-([0-9]{2})-([0-9]{2})"
                       "(?:(?:[Tt]|[ \\t]+)([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\\.[0-9]+)?)?"
                       "(?:[ \\t]*(?:[Zz]|[-+]([0-9]{2})(?::?([0-9]{2}))?))?)?$"));
    if (text.size() < 10 || !text[0].isDigit())
        return false; // the common case, without a regular expression
    // (A QString: Qt 6.8 deprecates match() of a view, Qt 6.4 has no matchView().)
    const QRegularExpressionMatch m = re.match(text.toString());
    if (!m.hasMatch())
        return false;
    if (!QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()).isValid())
        return false;
    if (m.capturedLength(4) > 0 &&
        !QTime(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt()).isValid())
        return false;
    return m.captured(7).toInt() <= 23 && m.captured(8).toInt() <= 59;
}

bool isImagePath(QStringView text)
{
    static const char* const extensions[] = {".png",  ".jpg",  ".jpeg", ".gif", ".svg",
                                             ".webp", ".avif", ".bmp",  ".ico"};
    if (text.isEmpty() || text.contains(QLatin1Char('\n')))
        return false;
    // A query or fragment after the file name does not change what the file is.
    QStringView path = text;
    if (const qsizetype q = path.indexOf(QLatin1Char('?')); q >= 0)
        path = path.left(q);
    if (const qsizetype h = path.indexOf(QLatin1Char('#')); h >= 0)
        path = path.left(h);
    return std::any_of(std::begin(extensions), std::end(extensions), [&](const char* e) {
        return path.endsWith(QLatin1String(e), Qt::CaseInsensitive);
    });
}

} // namespace frontis::valuetypes
