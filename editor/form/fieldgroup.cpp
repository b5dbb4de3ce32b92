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
    m_title->setCheckable(true);
    m_title->setChecked(true);
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

    connect(m_title, &QToolButton::toggled, this, [this](bool on) {
        m_title->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
        m_content->setVisible(on);
        Q_EMIT expandedChanged(on);
    });
}

void FieldGroup::addHeaderWidget(QWidget* widget)
{
    m_header->addWidget(widget);
}

bool FieldGroup::isExpanded() const
{
    return m_title->isChecked();
}

void FieldGroup::setExpanded(bool expanded)
{
    m_title->setChecked(expanded);
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
