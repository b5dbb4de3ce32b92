#pragma once

#include <QObject>

class QWidget;

namespace frontis {

// Keeps the mouse wheel from changing values the writer did not choose to change: a date, number
// or choice box ignores the wheel unless it has the keyboard focus, so that scrolling a form over
// it scrolls the form instead (Qt's spin and combo boxes otherwise step their value as the
// pointer passes over them, and a save would write that).
class WheelGuard : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Guards `widget` (a QAbstractSpinBox or QComboBox): it takes the focus by click and Tab, no
    // longer by wheel, and passes wheel events on to its parents until it has the focus.
    static void protect(QWidget* widget);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
};

} // namespace frontis
