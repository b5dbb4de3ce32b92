#include "model/schema/template.h"

#include <QCoreApplication>

namespace frontis {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Template", text);
}

// Letters that Unicode decomposition does not fold to ASCII but that have a common ASCII
// spelling.
QLatin1String asciiSpelling(char32_t c)
{
    switch (c) {
    case U'ß':
        return QLatin1String("ss");
    case U'æ':
        return QLatin1String("ae");
    case U'œ':
        return QLatin1String("oe");
    case U'ø':
        return QLatin1String("o");
    case U'ł':
        return QLatin1String("l");
    case U'đ':
    case U'ð':
        return QLatin1String("d");
    case U'þ':
        return QLatin1String("th");
    case U'ı':
        return QLatin1String("i");
    default:
        return QLatin1String();
    }
}

bool isAsciiAlnum(char32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

QString applyFilter(const QString& filter, const QString& value)
{
    if (filter == QLatin1String("slug"))
        return slug(value);
    if (filter == QLatin1String("lower"))
        return value.toLower();
    if (filter == QLatin1String("upper"))
        return value.toUpper();
    if (filter == QLatin1String("trim"))
        return value.trimmed();
    return value; // parse() admits known filters only
}

} // namespace

QString slug(QStringView text)
{
    const QString folded = text.toString().toLower().normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(folded.size());
    bool pendingDash = false;
    auto append = [&](QStringView piece) {
        if (pendingDash && !out.isEmpty())
            out += QLatin1Char('-');
        pendingDash = false;
        out += piece;
    };
    for (const char32_t c : folded.toUcs4()) {
        const QChar::Category cat = QChar::category(c);
        if (cat == QChar::Mark_NonSpacing || cat == QChar::Mark_SpacingCombining ||
            cat == QChar::Mark_Enclosing)
            continue; // the accents that decomposition split off: "é" -> "e" + U+0301
        if (isAsciiAlnum(c)) {
            const QChar ch{char16_t(c)};
            append(QStringView(&ch, 1));
        } else if (const QLatin1String ascii = asciiSpelling(c); ascii.size() > 0) {
            append(QString(ascii));
        } else if (c > 0x7f && QChar::isLetterOrNumber(c)) {
            append(QString::fromUcs4(&c, 1));
        } else {
            pendingDash = true;
        }
    }
    return out;
}

QStringList Template::filterNames()
{
    return {QStringLiteral("slug"), QStringLiteral("lower"), QStringLiteral("upper"),
            QStringLiteral("trim")};
}

Result<Template> Template::parse(const QString& text)
{
    Template t;
    t.m_text = text;
    QString literal;
    auto flushLiteral = [&] {
        if (!literal.isEmpty())
            t.m_parts.push_back(Part{literal, QString(), {}});
        literal.clear();
    };
    const QStringList known = filterNames();
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        const bool doubled = i + 1 < text.size() && text[i + 1] == c;
        if (c == QLatin1Char('}')) {
            if (!doubled)
                return Error{tr("a '}' without its '{' (write '}}' for a literal brace)"), 0,
                             int(i + 1)};
            literal += c;
            ++i;
            continue;
        }
        if (c != QLatin1Char('{')) {
            literal += c;
            continue;
        }
        if (doubled) {
            literal += c;
            ++i;
            continue;
        }
        const qsizetype close = text.indexOf(QLatin1Char('}'), i + 1);
        if (close < 0)
            return Error{tr("a '{' without its '}'"), 0, int(i + 1)};
        const QString inner = text.mid(i + 1, close - i - 1);
        if (inner.contains(QLatin1Char('{')))
            return Error{tr("a '{' inside a placeholder"), 0, int(i + 1)};
        QStringList pieces = inner.split(QLatin1Char('|'));
        for (QString& p : pieces)
            p = p.trimmed();
        Part part{QString(), pieces.takeFirst(), pieces};
        if (part.key.isEmpty())
            return Error{tr("a placeholder without a key"), 0, int(i + 1)};
        for (const QString& f : std::as_const(part.filters)) {
            if (!known.contains(f)) {
                return Error{
                    tr("unknown filter '%1' (known: %2)").arg(f, known.join(QLatin1String(", "))),
                    0, int(i + 1)};
            }
        }
        flushLiteral();
        t.m_parts.push_back(std::move(part));
        i = close;
    }
    flushLiteral();
    return t;
}

QStringList Template::keys() const
{
    QStringList keys;
    for (const Part& p : m_parts) {
        if (!p.key.isEmpty() && !keys.contains(p.key))
            keys << p.key;
    }
    return keys;
}

std::optional<QString> Template::expand(const Lookup& lookup) const
{
    QString out;
    for (const Part& p : m_parts) {
        if (p.key.isEmpty()) {
            out += p.literal;
            continue;
        }
        std::optional<QString> value = lookup(p.key);
        if (!value || value->trimmed().isEmpty())
            return std::nullopt;
        QString v = *value;
        for (const QString& f : p.filters)
            v = applyFilter(f, v);
        out += v;
    }
    return out;
}

} // namespace frontis
