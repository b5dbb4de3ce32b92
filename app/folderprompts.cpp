#include "folderprompts.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QLabel>
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
    return p;
}

} // namespace frontis
