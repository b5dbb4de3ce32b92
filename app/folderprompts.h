#pragma once

#include "newarticledialog.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QWidget;

namespace frontis {

// The questions the content-folder actions ask, as replaceable functions (like Prompts): the
// defaults show dialogs; tests put answers in.
struct FolderPrompts
{
    // The folder to open (empty: cancelled), starting in `start`.
    std::function<QString(QWidget* parent, const QString& start)> chooseFolder;

    struct NewArticleAnswer
    {
        QString question;
        QString subject;
        QString path; // the file to write
    };
    // New Article's dialog; nullopt when cancelled.
    std::function<std::optional<NewArticleAnswer>(QWidget* parent, const NewArticleDialog::Ask& ask,
                                                  const NewArticleDialog::Proposal& proposal,
                                                  const NewArticleDialog::FileName& fileName)>
        askNewArticle;
    // Shows an inferred schema and where it will be saved; true: save it.
    std::function<bool(QWidget* parent, const QString& path, const QByteArray& yaml)> confirmSchema;

    static FolderPrompts& instance();
    static FolderPrompts defaults();
};

} // namespace frontis
