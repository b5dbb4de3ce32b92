#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

class QLineEdit;
class QListWidget;

namespace frontis {

// Edits a list of tags stored in one separated string ("a, b, c"): a line edit holding the
// string itself and, below it, one removable chip per tag. The string is written back only when
// the writer changes something, so an untouched value round-trips byte for byte.
// In list mode it edits a YAML list of values instead (`aliases: [/a, /b]`, `tags: []`): the
// line edit adds an item when Enter is pressed, a chip's × removes its item, and a double click
// or F2 on a chip edits it; each is reported as the one item it changes.
class TagEditor : public QWidget
{
    Q_OBJECT

public:
    explicit TagEditor(QWidget* parent = nullptr);

    void setSeparator(const QString& separator);
    QString separator() const { return m_separator; }

    // Shows `text` without emitting textEdited().
    void setText(const QString& text);
    QString text() const;
    // The tags the text holds: split at the separator, trimmed, empty ones left out.
    QStringList tags() const;
    static QStringList split(const QString& text, const QString& separator);

    // Removes the tag at `index` the way the chip's remove button does.
    void removeTag(int index);

    void setListMode(bool on);
    bool isListMode() const { return m_listMode; }
    // List mode: shows `items` without emitting anything.
    void setItems(const QStringList& items);
    // Adds `text` as the writer does by typing it and pressing Enter (list mode).
    void addItem(const QString& text);

    QLineEdit* lineEdit() const { return m_edit; }
    QListWidget* chips() const { return m_chips; }

Q_SIGNALS:
    // The writer changed the tags (typed, or removed a chip); `text` is the new string.
    void textEdited(const QString& text);
    // List mode: the writer added an item, removed item `index`, or changed its text.
    void itemAdded(const QString& text);
    void itemRemoved(int index);
    void itemChanged(int index, const QString& text);

private:
    void updateChips();

    QString m_separator = QStringLiteral(",");
    bool m_listMode = false;
    bool m_updating = false;
    QStringList m_list; // list mode: the items
    QLineEdit* m_edit = nullptr;
    QListWidget* m_chips = nullptr;
};

} // namespace frontis
