#pragma once

#include "model/file/diagnostic.h"

#include <QList>
#include <QWidget>

class QLabel;
class QTreeWidget;

namespace frontis {

// The validator's findings for the open article: a one-line summary and a list (severity,
// position, field, message). Activating an entry (click, Enter) asks the window to show the
// field or the answer line it concerns.
class DiagnosticsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DiagnosticsPanel(QWidget* parent = nullptr);

    void setDiagnostics(const QList<Diagnostic>& diagnostics);
    const QList<Diagnostic>& diagnostics() const { return m_diagnostics; }
    QString summary() const;
    QTreeWidget* list() const { return m_list; }

Q_SIGNALS:
    void diagnosticActivated(const Diagnostic& diagnostic);

protected:
    void changeEvent(QEvent* event) override;

private:
    void fill();

    QList<Diagnostic> m_diagnostics;
    QLabel* m_summary = nullptr;
    QTreeWidget* m_list = nullptr;
};

} // namespace frontis
