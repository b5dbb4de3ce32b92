#include "editor/form/objectlisteditor.h"

#include "editor/form/fieldgroup.h"

#include <QPushButton>
#include <QShortcut>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace frontis {

namespace {

// The item buttons in their order in the title line, with the keys that do the same.
struct ItemAction
{
    ObjectListEditor::Action action;
    QStyle::StandardPixmap icon;
    const char* text;    // shown where the style has no icon
    const char* tip;     // what it does, for the tooltip and the accessible name
    QKeyCombination key; // inside the item
};

const ItemAction ItemActions[] = {
    {ObjectListEditor::Action::MoveUp, QStyle::SP_ArrowUp, QT_TR_NOOP("Up"),
     QT_TR_NOOP("Move item %1 of %2 up"), Qt::ALT | Qt::Key_Up},
    {ObjectListEditor::Action::MoveDown, QStyle::SP_ArrowDown, QT_TR_NOOP("Down"),
     QT_TR_NOOP("Move item %1 of %2 down"), Qt::ALT | Qt::Key_Down},
    {ObjectListEditor::Action::Duplicate, QStyle::SP_FileDialogNewFolder, QT_TR_NOOP("Copy"),
     QT_TR_NOOP("Duplicate item %1 of %2"), Qt::ALT | Qt::Key_Insert},
    {ObjectListEditor::Action::Remove, QStyle::SP_DialogDiscardButton, QT_TR_NOOP("Remove"),
     QT_TR_NOOP("Remove item %1 of %2"), Qt::ALT | Qt::Key_Delete},
};

} // namespace

ObjectListEditor::ObjectListEditor(const QString& name, QWidget* parent)
    : QWidget(parent), m_name(name)
{
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(6);
    m_add = new QPushButton(tr("Add item"), this);
    m_add->setAccessibleName(tr("Add an item to %1").arg(name));
    m_add->setToolTip(m_add->accessibleName());
    auto* addRow = new QHBoxLayout;
    addRow->setContentsMargins(0, 0, 0, 0);
    addRow->addWidget(m_add);
    addRow->addStretch(1);
    m_layout->addLayout(addRow);
    connect(m_add, &QPushButton::clicked, this,
            [this] { Q_EMIT actionRequested(Action::Add, count()); });
}

FieldGroup* ObjectListEditor::addItem(const QString& title)
{
    const int index = count();
    auto* group = new FieldGroup(title, this);
    QList<QToolButton*> buttons;
    for (const ItemAction& a : ItemActions) {
        auto* b = new QToolButton(group);
        const QIcon icon = style()->standardIcon(a.icon, nullptr, b);
        if (icon.isNull())
            b->setText(tr(a.text));
        else
            b->setIcon(icon);
        b->setAutoRaise(true);
        b->setFocusPolicy(Qt::StrongFocus);
        group->addHeaderWidget(b);
        connect(b, &QToolButton::clicked, this,
                [this, index, action = a.action] { Q_EMIT actionRequested(action, index); });
        auto* key = new QShortcut(QKeySequence(a.key), group);
        key->setContext(Qt::WidgetWithChildrenShortcut);
        connect(key, &QShortcut::activated, this, [this, index, action = a.action] {
            if (QToolButton* target = button(index, action); target && target->isEnabled())
                Q_EMIT actionRequested(action, index);
        });
        buttons << b;
    }
    // Items go above the Add button.
    m_layout->insertWidget(index, group);
    m_items << group;
    m_buttons << buttons;
    updateButtons();
    return group;
}

void ObjectListEditor::updateButtons()
{
    const int n = count();
    for (int i = 0; i < n; ++i) {
        for (int k = 0; k < int(std::size(ItemActions)); ++k) {
            QToolButton* b = m_buttons[i][k];
            const QString what = tr(ItemActions[k].tip).arg(i + 1).arg(n);
            const QString keys =
                QKeySequence(ItemActions[k].key).toString(QKeySequence::NativeText);
            b->setAccessibleName(what);
            b->setToolTip(QStringLiteral("%1 (%2)").arg(what, keys));
        }
        m_buttons[i][0]->setEnabled(i > 0);
        m_buttons[i][1]->setEnabled(i + 1 < n);
    }
}

QToolButton* ObjectListEditor::button(int index, Action action) const
{
    if (index < 0 || index >= count())
        return nullptr;
    for (int k = 0; k < int(std::size(ItemActions)); ++k) {
        if (ItemActions[k].action == action)
            return m_buttons[index][k];
    }
    return nullptr;
}

void ObjectListEditor::focusButton(int index, Action action)
{
    QToolButton* b = button(index, action);
    if (b && b->isEnabled())
        b->setFocus(Qt::OtherFocusReason);
    else if (FieldGroup* g = item(index))
        g->titleButton()->setFocus(Qt::OtherFocusReason);
    else
        m_add->setFocus(Qt::OtherFocusReason);
}

} // namespace frontis
