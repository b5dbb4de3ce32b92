#pragma once

#include <QDialog>
#include <QStringList>

#include <functional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace frontis {

// File > New Article: asks for the question and the subject (for a site whose schema has neither,
// the title alone), and shows where the article will be saved (beside the folder's other
// articles of that subject) with a button to pick another folder. Create is offered once there is
// a question (title) and no file of that name exists there.
class NewArticleDialog : public QDialog
{
    Q_OBJECT

public:
    // Where an article with this question and subject goes (folder and file name).
    using Proposal = std::function<QString(const QString& question, const QString& subject)>;
    // The file name alone, for a folder the writer picked.
    using FileName = std::function<QString(const QString& question, const QString& subject)>;

    // What the dialog asks for.
    struct Ask
    {
        bool question = true; // false: the title (a schema without a question field)
        bool subject = true;  // false: the schema has no subject field
        QStringList subjects; // offered in the subject box
    };

    NewArticleDialog(const Ask& ask, Proposal proposal, FileName fileName,
                     QWidget* parent = nullptr);

    // The question, or the title.
    QString question() const;
    QString subject() const;
    // The file to write.
    QString path() const { return m_path; }
    // A folder chosen with "Change Folder…" (empty: the proposed one).
    void setFolder(const QString& folder);

    QLineEdit* questionEdit() const { return m_question; }
    QComboBox* subjectBox() const { return m_subject; }
    // The file, read-only; and why it cannot be created (hidden when it can).
    QLineEdit* pathEdit() const { return m_where; }
    QLabel* pathProblem() const { return m_problem; }
    QDialogButtonBox* buttons() const { return m_buttons; }

private:
    void update();

    Proposal m_proposal;
    FileName m_fileName;
    QString m_folder; // chosen by the writer, else empty
    QString m_path;
    bool m_asksQuestion = true;
    QLineEdit* m_question = nullptr;
    QComboBox* m_subject = nullptr;
    QLineEdit* m_where = nullptr;
    QLabel* m_problem = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace frontis
