#include "editor/form/wheelguard.h"

#include <QEvent>
#include <QWidget>

namespace frontis {

namespace {

WheelGuard* instance()
{
    static thread_local WheelGuard guard;
    return &guard;
}

} // namespace

void WheelGuard::protect(QWidget* widget)
{
    widget->setFocusPolicy(Qt::StrongFocus);
    widget->installEventFilter(instance());
}

bool WheelGuard::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::Wheel)
        return false;
    auto* widget = qobject_cast<QWidget*>(watched);
    if (!widget || widget->hasFocus())
        return false;
    // Ignored and filtered: QApplication hands an ignored wheel event to the parents, up to the
    // scroll area around the form.
    event->ignore();
    return true;
}

} // namespace frontis
