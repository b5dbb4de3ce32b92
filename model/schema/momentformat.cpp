#include "model/schema/momentformat.h"

#include <QDateTime>
#include <QStringView>
#include <QTimeZone>

#include <array>

namespace frontis {

namespace {

// English on purpose: QLocale would follow the system, the site does not.
constexpr std::array<const char*, 12> MonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<const char*, 7> DayNames = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                 "Thursday", "Friday", "Saturday"};

QString ordinal(int n)
{
    // 11th, 12th and 13th are the exceptions to the last digit's suffix.
    const int lastTwo = n % 100;
    const char* suffix = "th";
    if (lastTwo < 11 || lastTwo > 13) {
        switch (n % 10) {
        case 1:
            suffix = "st";
            break;
        case 2:
            suffix = "nd";
            break;
        case 3:
            suffix = "rd";
            break;
        default:
            break;
        }
    }
    return QString::number(n) + QLatin1String(suffix);
}

QString padded(int n, int width)
{
    return QStringLiteral("%1").arg(n, width, 10, QLatin1Char('0'));
}

// Tried in this order at each position, longest first within a letter ("MMMM" is not "MM" twice).
// Like moment, "Do" is the day's ordinal while "DDo" reads as "DD" and a literal "o".
constexpr std::array<const char*, 32> Tokens = {
    "YYYY", "YY",  "Y",  "Qo", "Q",    "MMMM", "MMM", "Mo", "MM", "M",  "Do",
    "DDDD", "DDD", "DD", "D",  "dddd", "ddd",  "dd",  "do", "d",  "HH", "H",
    "hh",   "h",   "mm", "m",  "ss",   "s",    "A",   "a",  "X",  "x"};

QString expand(QStringView token, QDate date, QTime time)
{
    const int month = date.month();
    const int day = date.day();
    const int weekday = date.dayOfWeek() % 7; // moment: Sunday is 0
    const QString monthName = QLatin1String(MonthNames[size_t(month - 1)]);
    const QString dayName = QLatin1String(DayNames[size_t(weekday)]);
    const int hour12 = time.hour() % 12 == 0 ? 12 : time.hour() % 12;
    if (token == u"YYYY")
        return date.year() >= 0 && date.year() <= 9999 ? padded(date.year(), 4)
                                                       : QString::number(date.year());
    if (token == u"YY")
        return padded(date.year() % 100, 2);
    if (token == u"Y")
        return QString::number(date.year());
    if (token == u"Q")
        return QString::number((month - 1) / 3 + 1);
    if (token == u"Qo")
        return ordinal((month - 1) / 3 + 1);
    if (token == u"MMMM")
        return monthName;
    if (token == u"MMM")
        return monthName.left(3);
    if (token == u"MM")
        return padded(month, 2);
    if (token == u"M")
        return QString::number(month);
    if (token == u"Mo")
        return ordinal(month);
    if (token == u"DDDD")
        return padded(date.dayOfYear(), 3);
    if (token == u"DDD")
        return QString::number(date.dayOfYear());
    if (token == u"DD")
        return padded(day, 2);
    if (token == u"D")
        return QString::number(day);
    if (token == u"Do")
        return ordinal(day);
    if (token == u"dddd")
        return dayName;
    if (token == u"ddd")
        return dayName.left(3);
    if (token == u"dd")
        return dayName.left(2);
    if (token == u"d")
        return QString::number(weekday);
    if (token == u"do")
        return ordinal(weekday);
    if (token == u"HH")
        return padded(time.hour(), 2);
    if (token == u"H")
        return QString::number(time.hour());
    if (token == u"hh")
        return padded(hour12, 2);
    if (token == u"h")
        return QString::number(hour12);
    if (token == u"mm")
        return padded(time.minute(), 2);
    if (token == u"m")
        return QString::number(time.minute());
    if (token == u"ss")
        return padded(time.second(), 2);
    if (token == u"s")
        return QString::number(time.second());
    if (token == u"A")
        return time.hour() < 12 ? QStringLiteral("AM") : QStringLiteral("PM");
    if (token == u"a")
        return time.hour() < 12 ? QStringLiteral("am") : QStringLiteral("pm");
    const qint64 seconds = QDateTime(date, time, QTimeZone::utc()).toSecsSinceEpoch();
    if (token == u"X")
        return QString::number(seconds);
    return QString::number(seconds * 1000); // "x"
}

} // namespace

QString formatMomentDate(QDate date, const QString& format, QTime time)
{
    if (!date.isValid())
        return {};
    QString out;
    const QStringView f(format);
    qsizetype i = 0;
    while (i < f.size()) {
        if (f[i] == u'[') {
            // moment copies an unclosed '[' literally; a closed one hides the brackets.
            const qsizetype close = f.indexOf(u']', i + 1);
            if (close >= 0) {
                out += f.mid(i + 1, close - i - 1);
                i = close + 1;
                continue;
            }
        }
        bool matched = false;
        for (const char* token : Tokens) {
            const QLatin1String t(token);
            if (f.mid(i).startsWith(t)) {
                out += expand(QStringView(f.mid(i, t.size())), date, time);
                i += t.size();
                matched = true;
                break;
            }
        }
        if (!matched)
            out += f[i++];
    }
    return out;
}

QDate parseArticleDate(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.size() < 10)
        return {};
    if (trimmed.size() > 10 && trimmed[10] != u'T' && trimmed[10] != u't' && trimmed[10] != u' ')
        return {};
    return QDate::fromString(trimmed.left(10), Qt::ISODate);
}

} // namespace frontis
