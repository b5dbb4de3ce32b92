#pragma once

#include <QWidget>

class QHBoxLayout;
class QToolButton;
class QVBoxLayout;

namespace frontis {

// A titled, collapsible group of the form's rows: a nested map (`menu: {main: {weight: 10}}`)
// or one item of a list of objects. The title is a button with a disclosure arrow; a click,
// Space or Enter on it folds the group, Left and Right fold and unfold it. The content is
// indented, so that groups inside groups show how the file nests them.
class FieldGroup : public QWidget
{
    Q_OBJECT

public:
    explicit FieldGroup(const QString& title, QWidget* parent = nullptr);

    QToolButton* titleButton() const { return m_title; }
    QWidget* content() const { return m_content; }
    QVBoxLayout* contentLayout() const { return m_layout; }
    // A widget at the title line's right end (a list item's buttons).
    void addHeaderWidget(QWidget* widget);

    bool isExpanded() const { return m_expanded; }
    void setExpanded(bool expanded);

Q_SIGNALS:
    void expandedChanged(bool expanded);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QToolButton* m_title = nullptr;
    QWidget* m_content = nullptr;
    QVBoxLayout* m_layout = nullptr;
    QHBoxLayout* m_header = nullptr;
    bool m_expanded = true;
};

} // namespace frontis
