#include "folderprompts.h"

#include "changefielddialog.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace frontis {

FolderPrompts& FolderPrompts::instance()
{
    static FolderPrompts prompts = defaults();
    return prompts;
}

FolderPrompts FolderPrompts::defaults()
{
    FolderPrompts p;
    p.chooseFolder = [](QWidget* parent, const QString& start) {
        return QFileDialog::getExistingDirectory(
            parent, QCoreApplication::translate("FolderPrompts", "Open Folder"), start);
    };
    p.askNewArticle =
        [](QWidget* parent, const NewArticleDialog::Ask& ask,
           const NewArticleDialog::Proposal& proposal,
           const NewArticleDialog::FileName& fileName) -> std::optional<NewArticleAnswer> {
        NewArticleDialog dialog(ask, proposal, fileName, parent);
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        return NewArticleAnswer{dialog.question(), dialog.subject(), dialog.path()};
    };
    p.confirmSchema = [](QWidget* parent, const QString& path, const QByteArray& yaml) {
        const auto tr = [](const char* text) {
            return QCoreApplication::translate("FolderPrompts", text);
        };
        QDialog dialog(parent);
        dialog.setWindowTitle(tr("Create Schema"));
        auto* what = new QLabel(
            tr("Written from the folder's articles; every one of them passes it. Saved as "
               "<b>%1</b>, it applies to the articles that name no schema. You can edit it "
               "later in any text editor.")
                .arg(QDir::toNativeSeparators(path).toHtmlEscaped()),
            &dialog);
        what->setWordWrap(true);
        auto* text = new QPlainTextEdit(QString::fromUtf8(yaml), &dialog);
        text->setReadOnly(true);
        text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        text->setLineWrapMode(QPlainTextEdit::NoWrap);
        auto* buttons =
            new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
        QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        auto* layout = new QVBoxLayout(&dialog);
        layout->addWidget(what);
        layout->addWidget(text, 1);
        layout->addWidget(buttons);
        dialog.resize(720, 560);
        return dialog.exec() == QDialog::Accepted;
    };
    p.askValue = [](QWidget* parent, const QString& title, const QString& label,
                    const QString& suggestion, const QStringList& choices) {
        if (choices.isEmpty())
            return QInputDialog::getText(parent, title, label, QLineEdit::Normal, suggestion);
        QStringList items = choices;
        items.removeAll(suggestion);
        items.prepend(suggestion);
        bool ok = false;
        const QString value = QInputDialog::getItem(parent, title, label, items, 0, true, &ok);
        return ok ? value : QString();
    };
    p.askChangeField = [](QWidget* parent, const QStringList& keys,
                          int count) -> std::optional<ChangeFieldAnswer> {
        ChangeFieldDialog dialog(keys, count, parent);
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        return ChangeFieldAnswer{dialog.key(), dialog.value(), dialog.remove()};
    };
    p.reviewChange = [](QWidget* parent, const QString& title, const QString& what,
                        const QString& root, const QList<FolderChangeDialog::File>& files) {
        FolderChangeDialog dialog(title, what, root, files, parent);
        return dialog.exec() == QDialog::Accepted;
    };
    p.saveBeforeChange = [](QWidget* parent, const QStringList& names) {
        const auto tr = [](const char* text) {
            return QCoreApplication::translate("FolderPrompts", text);
        };
        QMessageBox box(QMessageBox::Question, tr("Unsaved Changes"),
                        tr("These articles have unsaved changes in Frontis:\n\n%1\n\nSave them "
                           "first, then change the folder?")
                            .arg(names.join(QLatin1Char('\n'))),
                        QMessageBox::Save | QMessageBox::Cancel, parent);
        box.setDefaultButton(QMessageBox::Save);
        return box.exec() == QMessageBox::Save;
    };
    p.undoOverEdits = [](QWidget* parent, const QStringList& names) {
        const auto tr = [](const char* text) {
            return QCoreApplication::translate("FolderPrompts", text);
        };
        QMessageBox box(QMessageBox::Question, tr("Unsaved Changes"),
                        tr("These articles have unsaved changes in Frontis:\n\n%1\n\nUndo the "
                           "folder change anyway? Each of them then asks whether to keep your "
                           "changes or reload the article.")
                            .arg(names.join(QLatin1Char('\n'))),
                        QMessageBox::Yes | QMessageBox::Cancel, parent);
        box.setDefaultButton(QMessageBox::Cancel);
        return box.exec() == QMessageBox::Yes;
    };
    return p;
}

} // namespace frontis
