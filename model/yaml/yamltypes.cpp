#include "model/yaml/yamltypes.h"

#include <QDate>
#include <QLocale>
#include <QRegularExpression>
#include <QString>
#include <QTime>

namespace frontis::yaml {

namespace {

// Whole-string match. The text is copied into a QString because the QStringView overload of
// QRegularExpression::match() is deprecated in later Qt versions.
bool matches(const QRegularExpression& re, QStringView text)
{
    return re.match(text.toString()).hasMatch();
}

QRegularExpression anchored(const char* pattern)
{
    return QRegularExpression(QRegularExpression::anchoredPattern(QLatin1String(pattern)));
}

// YAML 1.2.2 §10.3.2 (core schema).
const QRegularExpression& null12()
{
    static const QRegularExpression re = anchored("~|null|Null|NULL");
    return re;
}
const QRegularExpression& bool12()
{
    static const QRegularExpression re = anchored("true|True|TRUE|false|False|FALSE");
    return re;
}
const QRegularExpression& int12()
{
    static const QRegularExpression re = anchored("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
    return re;
}
const QRegularExpression& float12()
{
    static const QRegularExpression re =
        anchored("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?"
                 "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    return re;
}

// YAML 1.1 type repository (yaml.org/type). The float pattern is wider than the published one
// (unsigned exponents, "1e5" without a dot): some 1.1 readers accept those, and quoting too
// often is harmless.
const QRegularExpression& bool11()
{
    static const QRegularExpression re =
        anchored("y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE"
                 "|on|On|ON|off|Off|OFF");
    return re;
}
const QRegularExpression& int11()
{
    static const QRegularExpression re =
        anchored("[-+]?0b[01_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
                 "|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+");
    return re;
}
const QRegularExpression& float11()
{
    static const QRegularExpression re =
        anchored("[-+]?(\\.[0-9_]+|[0-9][0-9_]*\\.[0-9._]*)([eE][-+]?[0-9]+)?"
                 "|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+"
                 "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*"
                 "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    return re;
}
const QRegularExpression& timestamp11()
{
    // Captures: 1 year, 2 month, 3 day, 4 hour, 5 minute, 6 second, 7 zone hours, 8 zone minutes.
    static const QRegularExpression re =
        anchored("([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
                 "(?:(?:[Tt]|[ \\t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\\.[0-9]*)?"
                 "(?:[ \\t]*(?:Z|[-+]([0-9]{1,2})(?::([0-9]{2}))?))?)?");
    return re;
}
const QRegularExpression& date11()
{
    static const QRegularExpression re = anchored("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    return re;
}

bool isTimestamp11(QStringView text)
{
    // The date-only form needs two-digit month and day; the full form allows one digit.
    const QRegularExpressionMatch m = timestamp11().match(text.toString());
    if (!m.hasMatch())
        return false;
    return m.capturedLength(4) > 0 || matches(date11(), text);
}

} // namespace

PlainType resolve12(QStringView plain)
{
    if (plain.isEmpty() || matches(null12(), plain))
        return PlainType::Null;
    if (matches(bool12(), plain))
        return PlainType::Bool;
    if (matches(int12(), plain))
        return PlainType::Int;
    if (matches(float12(), plain))
        return PlainType::Float;
    return PlainType::String;
}

PlainType resolve11(QStringView plain)
{
    if (plain.isEmpty() || matches(null12(), plain))
        return PlainType::Null;
    if (matches(bool11(), plain))
        return PlainType::Bool;
    if (matches(int11(), plain))
        return PlainType::Int;
    if (matches(float11(), plain))
        return PlainType::Float;
    if (isTimestamp11(plain))
        return PlainType::Timestamp;
    if (plain == u"<<" || plain == u"=")
        return PlainType::Other;
    return PlainType::String;
}

bool readsAsString(QStringView plain)
{
    return resolve12(plain) == PlainType::String && resolve11(plain) == PlainType::String;
}

namespace {

// Printable in YAML 1.2 (§5.1) and not a line break in YAML 1.1 (NEL, LS, PS), minus the BOM
// and tab. Surrogates are checked by the caller, in pairs.
bool isPlainSafeChar(char16_t c)
{
    if (c < 0x20 || c == 0x7F)
        return false;
    if (c >= 0x80 && c <= 0x9F)
        return false;
    if (c == 0x2028 || c == 0x2029 || c == 0xFEFF || c == 0xFFFE || c == 0xFFFF)
        return false;
    return true;
}

bool hasOnlySafeChars(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate()) {
            if (i + 1 >= text.size() || !text[i + 1].isLowSurrogate())
                return false;
            ++i;
            continue;
        }
        if (c.isLowSurrogate() || !isPlainSafeChar(c.unicode()))
            return false;
    }
    return true;
}

} // namespace

bool canBePlain(QStringView text, bool flowContext)
{
    if (text.isEmpty() || !hasOnlySafeChars(text))
        return false;
    // Refusing `-?:` at the start even where a safe character follows keeps "-1", "- a",
    // "?x" and "::" out of plain style altogether.
    static constexpr QStringView indicators = u"-?:,[]{}#&*!|>'\"%@`";
    if (indicators.contains(text.front()))
        return false;
    if (text.front() == u' ' || text.back() == u' ')
        return false;
    if (text.startsWith(u"...")) // a document end marker at column 0 in some reader's eyes
        return false;
    if (text.contains(u": ") || text.contains(u" #") || text.back() == u':')
        return false;
    // Inside flow collections old readers end a plain scalar at any ':' too.
    if (flowContext) {
        for (const QChar c : text) {
            if (QStringView(u",[]{}:").contains(c))
                return false;
        }
    }
    return readsAsString(text);
}

namespace {

bool isValidTimestamp(QStringView text)
{
    if (!isTimestamp11(text))
        return false;
    const QRegularExpressionMatch m = timestamp11().match(text.toString());
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if (!date.isValid())
        return false;
    if (m.capturedLength(4) > 0) {
        if (!QTime(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt()).isValid())
            return false;
        if (m.capturedLength(7) > 0 && m.captured(7).toInt() > 23)
            return false;
        if (m.capturedLength(8) > 0 && m.captured(8).toInt() > 59)
            return false;
    }
    return true;
}

} // namespace

bool isValidLiteral(PlainType type, QStringView text)
{
    // The agreed forms: what both the 1.1 and the 1.2 patterns accept with the same meaning.
    static const QRegularExpression agreedNull = anchored("~|null|Null|NULL");
    static const QRegularExpression agreedInt = anchored("[-+]?(0|[1-9][0-9]*)|0x[0-9a-fA-F]+");
    static const QRegularExpression agreedFloat =
        anchored("[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][-+][0-9]+)?"
                 "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    switch (type) {
    case PlainType::String:
        return true;
    case PlainType::Null:
        return matches(agreedNull, text);
    case PlainType::Bool:
        return matches(bool12(), text);
    case PlainType::Int:
        return matches(agreedInt, text);
    case PlainType::Float:
        return matches(agreedFloat, text);
    case PlainType::Timestamp:
        return isValidTimestamp(text);
    case PlainType::Other:
        return false;
    }
    return false;
}

PlainType agreedType(QStringView plain)
{
    for (const PlainType t : {PlainType::Null, PlainType::Bool, PlainType::Int, PlainType::Float}) {
        if (isValidLiteral(t, plain))
            return t;
    }
    if (isValidTimestamp(plain))
        return PlainType::Timestamp;
    return readsAsString(plain) ? PlainType::String : PlainType::Other;
}

namespace {

// An integer written in one of the YAML 1.2 core forms, or nullopt.
std::optional<qint64> int12Value(const QString& text)
{
    if (!matches(int12(), text))
        return std::nullopt;
    bool ok = false;
    qint64 v = 0;
    if (text.startsWith(QLatin1String("0o")))
        v = text.mid(2).toLongLong(&ok, 8);
    else if (text.startsWith(QLatin1String("0x")))
        v = text.mid(2).toLongLong(&ok, 16);
    else
        v = text.toLongLong(&ok, 10);
    return ok ? std::optional<qint64>(v) : std::nullopt;
}

// An integer written in one of the YAML 1.1 forms (underscores, 0b, 0 octal, sexagesimal).
std::optional<qint64> int11Value(const QString& text)
{
    if (!matches(int11(), text))
        return std::nullopt;
    QString t = text;
    t.remove(u'_');
    bool negative = false;
    if (t.startsWith(u'-') || t.startsWith(u'+')) {
        negative = t.startsWith(u'-');
        t.remove(0, 1);
    }
    bool ok = false;
    qint64 v = 0;
    if (t.contains(u':')) {
        ok = true;
        for (const QString& part : t.split(u':')) {
            bool partOk = false;
            v = v * 60 + part.toLongLong(&partOk, 10);
            ok = ok && partOk;
        }
    } else if (t.startsWith(QLatin1String("0b"))) {
        v = t.mid(2).toLongLong(&ok, 2);
    } else if (t.startsWith(QLatin1String("0x"))) {
        v = t.mid(2).toLongLong(&ok, 16);
    } else if (t.size() > 1 && t.startsWith(u'0')) {
        v = t.mid(1).toLongLong(&ok, 8);
    } else {
        v = t.toLongLong(&ok, 10);
    }
    if (!ok)
        return std::nullopt;
    return negative ? -v : v;
}

// The integer both readers would mean by `text`: where only one of them reads an integer, its
// value; where both do, their common value; nullopt where they read different numbers.
std::optional<qint64> intValue(const QString& text)
{
    const std::optional<qint64> v12 = int12Value(text);
    const std::optional<qint64> v11 = int11Value(text);
    if (v12 && v11 && *v12 != *v11)
        return std::nullopt;
    return v12 ? v12 : v11;
}

// A float literal both readers agree on for `d`: "1000.0", "6.02e+23", "1.0e-07".
QString agreedFloatText(double d)
{
    if (d == double(qint64(d)) && qAbs(d) < 1e15)
        return QString::number(qint64(d)) + QStringLiteral(".0");
    QString text = QString::number(d, 'g', QLocale::FloatingPointShortest);
    const qsizetype e = text.indexOf(u'e');
    const QStringView mantissa = e < 0 ? QStringView(text) : QStringView(text).left(e);
    if (!mantissa.contains(u'.'))
        text.insert(e < 0 ? text.size() : e, QStringLiteral(".0"));
    return text;
}

} // namespace

std::optional<QString> typedLiteral(PlainType type, QStringView value, bool floatForm)
{
    const QString text = value.trimmed().toString();
    switch (type) {
    case PlainType::Bool: {
        if (matches(bool12(), text))
            return text;
        static const QRegularExpression yes = anchored("(?i)(yes|on)");
        static const QRegularExpression no = anchored("(?i)(no|off)");
        if (matches(yes, text))
            return QStringLiteral("true");
        if (matches(no, text))
            return QStringLiteral("false");
        return std::nullopt;
    }
    case PlainType::Int: {
        if (isValidLiteral(PlainType::Int, text))
            return text;
        const std::optional<qint64> v = intValue(text);
        return v ? std::optional<QString>(QString::number(*v)) : std::nullopt;
    }
    case PlainType::Float: {
        if (isValidLiteral(PlainType::Float, text))
            return text;
        if (const std::optional<qint64> v = intValue(text)) {
            if (floatForm)
                return agreedFloatText(double(*v));
            return isValidLiteral(PlainType::Int, text) ? text : QString::number(*v);
        }
        if (!matches(float12(), text) && !matches(float11(), text))
            return std::nullopt;
        QString digits = text;
        digits.remove(u'_');
        if (digits.contains(u':'))
            return std::nullopt; // sexagesimal floats: too rare to guess at
        bool ok = false;
        const double d = digits.toDouble(&ok);
        if (!ok)
            return std::nullopt;
        const QString out = agreedFloatText(d);
        return isValidLiteral(PlainType::Float, out) ? std::optional<QString>(out) : std::nullopt;
    }
    case PlainType::Timestamp:
        return isValidTimestamp(text) ? std::optional<QString>(text) : std::nullopt;
    case PlainType::String:
    case PlainType::Null:
    case PlainType::Other:
        break;
    }
    return std::nullopt;
}

} // namespace frontis::yaml
