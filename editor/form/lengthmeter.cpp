#include "editor/form/lengthmeter.h"

#include "editor/text/palettemode.h"

#include <QPainter>

namespace frontis {

LengthMeter::LengthMeter(const SchemaField& field, QWidget* parent)
    : QWidget(parent), m_field(field)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setCount(0);
}

void LengthMeter::setCount(qsizetype characters)
{
    m_count = characters;
    m_level = levelFor(m_field, characters);
    const QString text = describe(m_field, characters);
    setToolTip(text);
    setAccessibleName(text);
    update();
}

LengthMeter::Level LengthMeter::levelFor(const SchemaField& field, qsizetype characters)
{
    if (field.maxLength && characters > *field.maxLength)
        return Level::Red;
    if (field.minLength && characters < *field.minLength)
        return field.severityOf(QStringLiteral("min-length")) == Diagnostic::Severity::Error
                   ? Level::Red
                   : Level::Amber;
    // The last tenth below the maximum: one more phrase and it is over.
    if (field.maxLength && characters * 10 >= *field.maxLength * 9)
        return Level::Amber;
    return Level::Green;
}

QString LengthMeter::describe(const SchemaField& field, qsizetype characters)
{
    const qsizetype n = characters;
    QString text;
    if (field.minLength && field.maxLength)
        text = tr("%1 of %2 to %3 characters").arg(n).arg(*field.minLength).arg(*field.maxLength);
    else if (field.maxLength)
        text = tr("%1 of at most %2 characters").arg(n).arg(*field.maxLength);
    else if (field.minLength)
        text = tr("%1 of at least %2 characters").arg(n).arg(*field.minLength);
    else
        return tr("%1 characters").arg(n);

    QString rule;
    if (field.maxLength && n > *field.maxLength) {
        text += QLatin1Char('\n') + tr("%n too many", nullptr, int(n - *field.maxLength));
        rule = QStringLiteral("max-length");
    } else if (field.minLength && n < *field.minLength) {
        text += QLatin1Char('\n') + tr("%n too few", nullptr, int(*field.minLength - n));
        rule = QStringLiteral("min-length");
    } else if (levelFor(field, n) == Level::Amber) {
        text += QLatin1Char('\n') + tr("close to the limit");
    }
    if (!rule.isEmpty())
        text += QLatin1String(" (") + Diagnostic::severityName(field.severityOf(rule)) +
                QLatin1Char(')');
    return text;
}

QColor LengthMeter::colorFor(Level level, const QPalette& palette)
{
    // Dark enough to read as text on a light window, light enough on a dark one.
    const bool dark = isDarkPalette(palette);
    switch (level) {
    case Level::Green:
        return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32);
    case Level::Amber:
        return dark ? QColor(0xff, 0xc1, 0x4d) : QColor(0xb2, 0x6a, 0x00);
    case Level::Red:
        break;
    }
    return dark ? QColor(0xff, 0x80, 0x80) : QColor(0xc6, 0x28, 0x28);
}

QSize LengthMeter::sizeHint() const
{
    return {48, fontMetrics().height()};
}

void LengthMeter::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal h = 6;
    const QRectF track(0.5, (height() - h) / 2, width() - 1.0, h);
    p.setPen(Qt::NoPen);
    p.setBrush(palette().color(QPalette::Mid));
    p.drawRoundedRect(track, h / 2, h / 2);
    // Filled towards the maximum (or the minimum when there is none); full when over it.
    const qsizetype scale = m_field.maxLength ? *m_field.maxLength : m_field.minLength.value_or(1);
    const qreal fraction = scale > 0 ? qBound(0.0, qreal(m_count) / qreal(scale), 1.0) : 1.0;
    if (fraction > 0) {
        QRectF fill = track;
        fill.setWidth(qMax(h, track.width() * fraction));
        p.setBrush(color());
        p.drawRoundedRect(fill, h / 2, h / 2);
    }
}

} // namespace frontis
