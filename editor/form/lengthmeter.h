#pragma once

#include "model/schema/schemafield.h"

#include <QColor>
#include <QWidget>

namespace frontis {

// A small bar beside a field's character counter that fills towards the schema's maximum and is
// green, amber or red: green inside the limits, amber within 10% of the maximum or below a
// minimum whose rule is a warning (or info), red over the maximum or below a minimum whose rule
// is an error. Its tooltip says the count against the limits ("48 of at most 60 characters").
class LengthMeter : public QWidget
{
    Q_OBJECT

public:
    enum class Level { Green, Amber, Red };

    // `field` must have a min_length or a max_length.
    explicit LengthMeter(const SchemaField& field, QWidget* parent = nullptr);

    void setCount(qsizetype characters);
    qsizetype count() const { return m_count; }
    Level level() const { return m_level; }
    // The colour the bar is drawn in, for the palette it is shown with.
    QColor color() const { return colorFor(m_level, palette()); }

    static Level levelFor(const SchemaField& field, qsizetype characters);
    // "48 of at most 60 characters", "130 of 120 to 160 characters", "90 of at least 120
    // characters", then what is wrong, if anything, on a second line.
    static QString describe(const SchemaField& field, qsizetype characters);
    static QColor colorFor(Level level, const QPalette& palette);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    SchemaField m_field;
    qsizetype m_count = 0;
    Level m_level = Level::Green;
};

} // namespace frontis
