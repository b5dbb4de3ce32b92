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

    QLineEdit* lineEdit() const { return m_edit; }
    QListWidget* chips() const { return m_chips; }

Q_SIGNALS:
    // The writer changed the tags (typed, or removed a chip); `text` is the new string.
    void textEdited(const QString& text);

private:
    void updateChips();

    QString m_separator = QStringLiteral(",");
    QLineEdit* m_edit = nullptr;
    QListWidget* m_chips = nullptr;
};

} // namespace frontis
