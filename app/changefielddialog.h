#pragma once

#include <QDialog>
#include <QStringList>

class QComboBox;
class QLineEdit;
class QRadioButton;

namespace frontis {

// Change Field on the articles selected in the list: a key (one the folder uses, or a new one),
// and either the value it takes in every one of them or its removal.
class ChangeFieldDialog : public QDialog
{
    Q_OBJECT

public:
    ChangeFieldDialog(const QStringList& keys, int count, QWidget* parent = nullptr);

    QString key() const;
    QString value() const;
    bool remove() const;

    QComboBox* keyBox() const { return m_key; }
    QLineEdit* valueEdit() const { return m_value; }
    QRadioButton* removeButton() const { return m_remove; }

private:
    QComboBox* m_key = nullptr;
    QLineEdit* m_value = nullptr;
    QRadioButton* m_set = nullptr;
    QRadioButton* m_remove = nullptr;
};

} // namespace frontis
