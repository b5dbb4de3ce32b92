#pragma once

#include "model/file/diagnostic.h"

#include <QSet>
#include <QWidget>

class QLabel;
class QToolButton;
class QTreeView;

namespace frontis {

class ProblemsModel;

// The Problems view of a content folder: every diagnostic of every article, grouped by file,
// with toggles for errors, warnings and infos (each showing its count). A click on a problem
// asks to open the article at it; Enter or a double click on a file asks to open the file.
// Which files are expanded survives the model being refilled.
class ProblemsView : public QWidget
{
    Q_OBJECT

public:
    // `model` may be shared with other views; the toggles set what it shows.
    explicit ProblemsView(ProblemsModel* model, QWidget* parent = nullptr);

    QTreeView* view() const { return m_view; }
    QToolButton* errorsButton() const { return m_errors; }
    QToolButton* warningsButton() const { return m_warnings; }
    QToolButton* infosButton() const { return m_infos; }

Q_SIGNALS:
    void problemActivated(const QString& path, const frontis::Diagnostic& diagnostic);
    void fileActivated(const QString& path);

private:
    void remember();
    void restore();
    void updateCounts();
    void activate(const QModelIndex& index, bool fromClick);

    ProblemsModel* m_model;
    QTreeView* m_view = nullptr;
    QToolButton* m_errors = nullptr;
    QToolButton* m_warnings = nullptr;
    QToolButton* m_infos = nullptr;
    QLabel* m_empty = nullptr;
    QSet<QString> m_collapsed; // files the writer collapsed (all start expanded)
};

} // namespace frontis
