#include "changefielddialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace frontis {

ChangeFieldDialog::ChangeFieldDialog(const QStringList& keys, int count, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Change Field"));
    auto* what = new QLabel(count == 1 ? tr("Changes the selected article.")
                                       : tr("Changes the %1 selected articles; each keeps its own "
                                            "format.")
                                             .arg(QLocale().toString(count)),
                            this);
    what->setWordWrap(true);
    m_key = new QComboBox(this);
    m_key->setEditable(true);
    m_key->addItems(keys);
    m_key->setObjectName(QStringLiteral("changeKey"));
    m_set = new QRadioButton(tr("&Set to"), this);
    m_set->setChecked(true);
    m_value = new QLineEdit(this);
    m_value->setObjectName(QStringLiteral("changeValue"));
    m_remove = new QRadioButton(tr("&Remove the field"), this);
    connect(m_remove, &QRadioButton::toggled, m_value, &QLineEdit::setDisabled);

    auto* form = new QFormLayout;
    form->addRow(tr("&Field:"), m_key);
    form->addRow(m_set, m_value);
    form->addRow(m_remove);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* review = buttons->addButton(tr("Re&view\u2026"), QDialogButtonBox::AcceptRole);
    review->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const auto check = [this, review] { review->setEnabled(!key().isEmpty()); };
    connect(m_key, &QComboBox::currentTextChanged, this, check);
    check();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

QString ChangeFieldDialog::key() const
{
    return m_key->currentText().trimmed();
}

QString ChangeFieldDialog::value() const
{
    return m_value->text();
}

bool ChangeFieldDialog::remove() const
{
    return m_remove->isChecked();
}

} // namespace frontis
