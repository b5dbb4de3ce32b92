#pragma once

#include <QDate>
#include <QString>
#include <QTime>

namespace frontis {

// Formats a date with a moment.js format string, as the site does with `date_format`
// ("MMM DD, YYYY" gives "Nov 26, 2024"). Month and weekday names are English whatever the
// system locale, because that is what the site prints.
//
// Tokens: YYYY YY Y, Q, MMMM MMM MM M Mo, DDDD DDD DD D Do, dddd ddd dd d, HH H hh h mm m ss s
// A a; text in [brackets] is copied without the brackets. Anything else is copied as is, like
// moment does. Time tokens use `time` (midnight by default: article dates carry no time).
QString formatMomentDate(QDate date, const QString& format, QTime time = QTime(0, 0));

// Reads the date an article's `date` field holds: "2024-11-26", optionally followed by a time
// ("2024-11-26T10:00:00Z", "2024-11-26 10:00:00 +0000"); only the date part is used. An invalid
// QDate when the text does not start with a valid YYYY-MM-DD.
QDate parseArticleDate(const QString& text);

} // namespace frontis
