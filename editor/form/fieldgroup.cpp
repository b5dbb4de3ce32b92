#include "editor/form/fieldgroup.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QToolButton>
#include <QVBoxLayout>

namespace frontis {

namespace {

// How far a group's content sits right of its title: enough to see the nesting, little enough
// for three levels in a narrow form.
constexpr int Indent = 14;

} // namespace

FieldGroup::FieldGroup(const QString& title, QWidget* parent) : QWidget(parent)
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(2);
    m_header = new QHBoxLayout;
    m_header->setContentsMargins(0, 0, 0, 0);
    m_header->setSpacing(2);
    m_title = new QToolButton(this);
    m_title->setText(title);
    // Not checkable: a checked tool button is drawn pressed, and an unfolded group is the
    // normal state, not a pressed one. The state is m_expanded; the arrow shows it.
    m_title->setAutoRaise(true);
    m_title->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_title->setArrowType(Qt::DownArrow);
    m_title->setFocusPolicy(Qt::StrongFocus);
    m_title->setAccessibleName(title);
    m_title->setToolTip(tr("Click to fold or unfold '%1'").arg(title));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->installEventFilter(this);
    m_header->addWidget(m_title);
    m_header->addStretch(1);
    outer->addLayout(m_header);

    m_content = new QWidget(this);
    m_layout = new QVBoxLayout(m_content);
    m_layout->setContentsMargins(Indent, 0, 0, 4);
    m_layout->setSpacing(8);
    outer->addWidget(m_content);

    connect(m_title, &QToolButton::clicked, this, [this] { setExpanded(!m_expanded); });
}

void FieldGroup::addHeaderWidget(QWidget* widget)
{
    m_header->addWidget(widget);
}

void FieldGroup::setExpanded(bool expanded)
{
    if (expanded == m_expanded)
        return;
    m_expanded = expanded;
    m_title->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_content->setVisible(expanded);
    // Screen readers hear the state the arrow shows.
    m_title->setAccessibleDescription(expanded ? tr("expanded") : tr("collapsed"));
    Q_EMIT expandedChanged(expanded);
}

bool FieldGroup::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_title && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->modifiers() == Qt::NoModifier) {
            switch (key->key()) {
            case Qt::Key_Left:
                setExpanded(false);
                return true;
            case Qt::Key_Right:
                setExpanded(true);
                return true;
            case Qt::Key_Return:
            case Qt::Key_Enter:
                setExpanded(!isExpanded());
                return true;
            default:
                break;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace frontis
