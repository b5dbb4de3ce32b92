#pragma once

#include <QList>
#include <QWidget>

class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace frontis {

class FieldGroup;

// A list of objects in the form (Hugo `resources`, Astro `authors`, CloudCannon
// `content_blocks`): one collapsible group per item, which the form fills with the item's
// rows, each with Move up, Move down, Duplicate and Remove buttons in its title line, and an
// Add button below the items. It only asks: the form makes the edit in the document (one step
// of the history each) and builds the list again. Inside an item Alt+Up and Alt+Down move it,
// Alt+Insert duplicates and Alt+Delete removes it.
class ObjectListEditor : public QWidget
{
    Q_OBJECT

public:
    enum class Action { Add, Remove, MoveUp, MoveDown, Duplicate };

    // `name` is the list's label, for the buttons' accessible names.
    explicit ObjectListEditor(const QString& name, QWidget* parent = nullptr);

    // Adds the next item's group (titled `title`); the form puts the item's rows in it.
    FieldGroup* addItem(const QString& title);
    int count() const { return int(m_items.size()); }
    FieldGroup* item(int index) const { return m_items.value(index); }
    QPushButton* addButton() const { return m_add; }
    // The button for `action` on item `index` (nullptr for Add or a bad index).
    QToolButton* button(int index, Action action) const;
    // Gives the keyboard focus to the button for `action` on item `index`, or to the Add button.
    void focusButton(int index, Action action);

Q_SIGNALS:
    // The writer asked for `action` on item `index` (Add: index is count()).
    void actionRequested(ObjectListEditor::Action action, int index);

private:
    void updateButtons();

    QString m_name;
    QVBoxLayout* m_layout = nullptr;
    QPushButton* m_add = nullptr;
    QList<FieldGroup*> m_items;
    QList<QList<QToolButton*>> m_buttons; // per item: MoveUp, MoveDown, Duplicate, Remove
};

} // namespace frontis
