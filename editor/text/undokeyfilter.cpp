#include "editor/text/undokeyfilter.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QKeySequence>

namespace frontis {

UndoKeyFilter* UndoKeyFilter::instance()
{
    // Parented to the application so that it outlives every widget it watches.
    static UndoKeyFilter* filter = new UndoKeyFilter(QCoreApplication::instance());
    return filter;
}

bool UndoKeyFilter::eventFilter(QObject* watched, QEvent* event)
{
    const QEvent::Type type = event->type();
    if (type != QEvent::ShortcutOverride && type != QEvent::KeyPress)
        return QObject::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    if (!key->matches(QKeySequence::Undo) && !key->matches(QKeySequence::Redo))
        return QObject::eventFilter(watched, event);
    // An unaccepted ShortcutOverride lets the shortcut map trigger the window's action; a key
    // press that still arrives (no such action) is dropped rather than undoing inside the widget.
    event->ignore();
    return true;
}

} // namespace frontis
