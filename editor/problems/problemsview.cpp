#include "editor/problems/problemsview.h"

#include "editor/problems/problemsmodel.h"
#include "editor/problems/severityicons.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace frontis {

namespace {

// Past this many files, a refill starts collapsed: expanding thousands of rows costs seconds.
constexpr int MaxExpandedFiles = 300;

QToolButton* toggle(Diagnostic::Severity severity, QWidget* parent)
{
    auto* b = new QToolButton(parent);
    b->setIcon(severityIcon(severity));
    b->setCheckable(true);
    b->setChecked(true);
    b->setAutoRaise(true);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return b;
}

} // namespace

ProblemsView::ProblemsView(ProblemsModel* model, QWidget* parent) : QWidget(parent), m_model(model)
{
    m_errors = toggle(Diagnostic::Severity::Error, this);
    m_warnings = toggle(Diagnostic::Severity::Warning, this);
    m_infos = toggle(Diagnostic::Severity::Info, this);
    m_errors->setChecked(model->showsErrors());
    m_warnings->setChecked(model->showsWarnings());
    m_infos->setChecked(model->showsInfos());

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("folderProblems"));
    m_view->setAccessibleName(tr("Problems in the folder"));
    m_view->setModel(model);
    m_view->setHeaderHidden(true);
    m_view->setUniformRowHeights(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTextElideMode(Qt::ElideRight); // the full text is in each row's tool tip
    m_empty = new QLabel(tr("No problems"), this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);

    auto* toggles = new QHBoxLayout;
    toggles->setContentsMargins(0, 0, 0, 0);
    toggles->addWidget(m_errors);
    toggles->addWidget(m_warnings);
    toggles->addWidget(m_infos);
    toggles->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(toggles);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_empty, 1);

    const auto shown = [this] {
        m_model->setShown(m_errors->isChecked(), m_warnings->isChecked(), m_infos->isChecked());
    };
    connect(m_errors, &QToolButton::toggled, this, shown);
    connect(m_warnings, &QToolButton::toggled, this, shown);
    connect(m_infos, &QToolButton::toggled, this, shown);
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, &ProblemsView::remember);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        restore();
        updateCounts();
    });
    connect(m_view, &QTreeView::clicked, this,
            [this](const QModelIndex& index) { activate(index, true); });
    connect(m_view, &QTreeView::activated, this,
            [this](const QModelIndex& index) { activate(index, false); });
    restore();
    updateCounts();
}

void ProblemsView::activate(const QModelIndex& index, bool fromClick)
{
    if (const Diagnostic* d = m_model->diagnostic(index)) {
        Q_EMIT problemActivated(m_model->path(index), *d);
        return;
    }
    // A click on a file only opens or closes its group; Enter and a double click open it.
    if (!fromClick && index.isValid())
        Q_EMIT fileActivated(m_model->path(index));
}

void ProblemsView::remember()
{
    for (int i = 0; i < m_model->rowCount(); ++i) {
        const QModelIndex file = m_model->index(i, 0);
        const QString path = m_model->path(file);
        if (m_view->isExpanded(file))
            m_collapsed.remove(path);
        else
            m_collapsed.insert(path);
    }
}

void ProblemsView::restore()
{
    const int files = m_model->rowCount();
    if (files > MaxExpandedFiles)
        return;
    for (int i = 0; i < files; ++i) {
        const QModelIndex file = m_model->index(i, 0);
        if (!m_collapsed.contains(m_model->path(file)))
            m_view->expand(file);
    }
}

void ProblemsView::updateCounts()
{
    const QLocale locale;
    // The model may be shared with other windows' views, whose toggles change it too.
    for (const auto& [button, on] : {std::pair{m_errors, m_model->showsErrors()},
                                     std::pair{m_warnings, m_model->showsWarnings()},
                                     std::pair{m_infos, m_model->showsInfos()}}) {
        const QSignalBlocker block(button);
        button->setChecked(on);
    }
    m_errors->setText(tr("Errors: %1").arg(locale.toString(m_model->errorCount())));
    m_warnings->setText(tr("Warnings: %1").arg(locale.toString(m_model->warningCount())));
    m_infos->setText(tr("Infos: %1").arg(locale.toString(m_model->infoCount())));
    const bool none = m_model->rowCount() == 0;
    m_view->setVisible(!none);
    m_empty->setVisible(none);
}

} // namespace frontis
