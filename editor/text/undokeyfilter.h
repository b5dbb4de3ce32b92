#pragma once

#include <QObject>

namespace frontis {

// Keeps text widgets from running their own undo on Ctrl+Z / Ctrl+Shift+Z: every change lives in
// the document's history, so the window's Undo and Redo actions must receive those keys. Install
// with QObject::installEventFilter on each text input (or its container).
class UndoKeyFilter : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // One filter per thread is enough for any number of widgets.
    static UndoKeyFilter* instance();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
};

} // namespace frontis
