#include "editor/problems/diagnosticspanel.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace frontis {

namespace {

QIcon iconFor(const QWidget* widget, Diagnostic::Severity severity)
{
    QStyle::StandardPixmap pixmap = QStyle::SP_MessageBoxInformation;
    if (severity == Diagnostic::Severity::Error)
        pixmap = QStyle::SP_MessageBoxCritical;
    else if (severity == Diagnostic::Severity::Warning)
        pixmap = QStyle::SP_MessageBoxWarning;
    return widget->style()->standardIcon(pixmap, nullptr, widget);
}

} // namespace

DiagnosticsPanel::DiagnosticsPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 0);
    layout->setSpacing(2);
    m_summary = new QLabel(this);
    m_summary->setContentsMargins(4, 0, 4, 0);
    m_list = new QTreeWidget(this);
    m_list->setColumnCount(3);
    m_list->setHeaderLabels({tr("Line"), tr("Field"), tr("Problem")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setAccessibleName(tr("Problems"));
    m_list->header()->setStretchLastSection(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_summary->setBuddy(m_list);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);

    auto activate = [this](QTreeWidgetItem* item) {
        const int index = item ? item->data(0, Qt::UserRole).toInt() : -1;
        if (index >= 0 && index < m_diagnostics.size())
            Q_EMIT diagnosticActivated(m_diagnostics.at(index));
    };
    connect(m_list, &QTreeWidget::itemClicked, this, activate);
    connect(m_list, &QTreeWidget::itemActivated, this, activate);
    fill();
}

void DiagnosticsPanel::setDiagnostics(const QList<Diagnostic>& diagnostics)
{
    if (diagnostics.size() == m_diagnostics.size()) {
        bool same = true;
        for (qsizetype i = 0; same && i < diagnostics.size(); ++i) {
            const Diagnostic& a = diagnostics.at(i);
            const Diagnostic& b = m_diagnostics.at(i);
            same = a.severity == b.severity && a.rule == b.rule && a.key == b.key &&
                   a.line == b.line && a.column == b.column && a.message == b.message;
        }
        if (same && m_list->topLevelItemCount() == diagnostics.size())
            return; // keeps the selection and scroll position while the writer types
    }
    m_diagnostics = diagnostics;
    fill();
}

QString DiagnosticsPanel::summary() const
{
    int errors = 0;
    int warnings = 0;
    int infos = 0;
    for (const Diagnostic& d : m_diagnostics) {
        switch (d.severity) {
        case Diagnostic::Severity::Error:
            ++errors;
            break;
        case Diagnostic::Severity::Warning:
            ++warnings;
            break;
        case Diagnostic::Severity::Info:
            ++infos;
            break;
        }
    }
    if (errors + warnings + infos == 0)
        return tr("&Problems: none");
    QStringList parts;
    if (errors)
        parts << (errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors));
    if (warnings)
        parts << (warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings));
    if (infos)
        parts << (infos == 1 ? tr("1 note") : tr("%1 notes").arg(infos));
    return tr("&Problems: %1").arg(parts.join(QLatin1String(", ")));
}

void DiagnosticsPanel::fill()
{
    m_summary->setText(summary());
    m_list->clear();
    QList<QTreeWidgetItem*> items;
    for (int i = 0; i < m_diagnostics.size(); ++i) {
        const Diagnostic& d = m_diagnostics.at(i);
        auto* item = new QTreeWidgetItem;
        item->setIcon(0, iconFor(this, d.severity));
        item->setText(0, d.line > 0 ? QString::number(d.line) : QString());
        item->setText(1, d.key);
        item->setText(2, d.message);
        const QString tip = QStringLiteral("%1: %2 [%3]")
                                .arg(Diagnostic::severityName(d.severity), d.message, d.rule);
        for (int c = 0; c < 3; ++c)
            item->setToolTip(c, tip);
        item->setData(0, Qt::UserRole, i);
        item->setData(
            0, Qt::AccessibleTextRole,
            QStringLiteral("%1, line %2").arg(Diagnostic::severityName(d.severity)).arg(d.line));
        items << item;
    }
    m_list->addTopLevelItems(items);
}

void DiagnosticsPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::StyleChange)
        fill();
}

} // namespace frontis
