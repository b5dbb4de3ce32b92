#include "newarticledialog.h"

#include "editor/form/wheelguard.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace frontis {

NewArticleDialog::NewArticleDialog(const Ask& ask, Proposal proposal, FileName fileName,
                                   QWidget* parent)
    : QDialog(parent), m_proposal(std::move(proposal)), m_fileName(std::move(fileName)),
      m_asksQuestion(ask.question)
{
    setWindowTitle(tr("New Article"));
    m_question = new QLineEdit(this);
    m_question->setObjectName(QStringLiteral("question"));
    m_question->setPlaceholderText(ask.question ? tr("The question the article answers")
                                                : tr("The article's title"));
    m_question->setMinimumWidth(fontMetrics().averageCharWidth() * 72);
    m_subject = new QComboBox(this);
    WheelGuard::protect(m_subject); // scrolling over the dialog changes no choice
    m_subject->setObjectName(QStringLiteral("subject"));
    m_subject->setEditable(true);
    m_subject->setInsertPolicy(QComboBox::NoInsert);
    m_subject->addItems(ask.subjects);
    m_subject->setCurrentIndex(-1);
    m_subject->lineEdit()->setPlaceholderText(tr("Pick one or type a new one"));
    // A read-only line: a long path scrolls rather than wrapping out of the dialog.
    m_where = new QLineEdit(this);
    m_where->setObjectName(QStringLiteral("where"));
    m_where->setReadOnly(true);
    m_where->setFrame(false);
    m_where->setAccessibleName(tr("Saved as"));
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("whereProblem"));
    m_problem->setWordWrap(true);
    auto* change = new QPushButton(tr("Change &Folder\u2026"), this);
    change->setAutoDefault(false);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Create"));

    auto* form = new QFormLayout;
    form->addRow(ask.question ? tr("&Question:") : tr("&Title:"), m_question);
    if (ask.subject)
        form->addRow(tr("&Subject:"), m_subject);
    else
        m_subject->hide();
    auto* whereRow = new QHBoxLayout;
    whereRow->addWidget(m_where, 1);
    whereRow->addWidget(change);
    form->addRow(tr("Saved as:"), whereRow);
    form->addRow(QString(), m_problem);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    auto* hint = new QLabel(ask.question ? tr("The other fields are filled in from the schema: "
                                              "title, URL, file name, SEO title, today's date "
                                              "and the next free ID.")
                                         : tr("The other fields are filled in from the schema "
                                              "and today's date; the text starts empty or from "
                                              "the schema's template."),
                            this);
    hint->setWordWrap(true);
    hint->setEnabled(false);
    layout->addWidget(hint);
    layout->addWidget(m_buttons);

    connect(m_question, &QLineEdit::textChanged, this, &NewArticleDialog::update);
    connect(m_subject, &QComboBox::currentTextChanged, this, &NewArticleDialog::update);
    connect(change, &QPushButton::clicked, this, [this] {
        const QString start = QFileInfo(m_path).absolutePath();
        const QString folder =
            QFileDialog::getExistingDirectory(this, tr("Save the Article In"), start);
        if (!folder.isEmpty())
            setFolder(folder);
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    update();
}

QString NewArticleDialog::question() const
{
    return m_question->text().simplified();
}

QString NewArticleDialog::subject() const
{
    return m_subject->currentText().simplified();
}

void NewArticleDialog::setFolder(const QString& folder)
{
    m_folder = folder;
    update();
}

void NewArticleDialog::update()
{
    const QString q = question();
    const QString s = subject();
    m_path = m_folder.isEmpty() ? m_proposal(q, s) : QDir(m_folder).filePath(m_fileName(q, s));
    const bool exists = !q.isEmpty() && QFileInfo::exists(m_path);
    m_where->setText(q.isEmpty() ? QString() : QDir::toNativeSeparators(m_path));
    m_where->setPlaceholderText(m_asksQuestion ? tr("(type the question first)")
                                               : tr("(type the title first)"));
    m_where->setCursorPosition(0);
    m_where->setToolTip(m_where->text());
    m_problem->setText(!exists          ? QString()
                       : m_asksQuestion ? tr("A file of that name exists there; change the "
                                             "question or the folder.")
                                        : tr("A file of that name exists there; change the title "
                                             "or the folder."));
    m_problem->setVisible(exists);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!q.isEmpty() && !exists);
}

} // namespace frontis
