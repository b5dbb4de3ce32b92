#include "folderprompts.h"

#include <QCoreApplication>
#include <QFileDialog>

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
    return p;
}

} // namespace frontis
