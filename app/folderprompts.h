#pragma once

#include "editor/folder/folderchangedialog.h"
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

    // Changes across the folder (issue 19).
    // The new value for Rename or Merge Into (empty: cancelled): `choices` are offered, the
    // editable text starts at `suggestion`.
    std::function<QString(QWidget* parent, const QString& title, const QString& label,
                          const QString& suggestion, const QStringList& choices)>
        askValue;
    struct ChangeFieldAnswer
    {
        QString key;
        QString value;
        bool remove = false; // remove the key instead of setting it
    };
    // Change Field on `count` selected articles; `keys` are offered. nullopt when cancelled.
    std::function<std::optional<ChangeFieldAnswer>(QWidget* parent, const QStringList& keys,
                                                   int count)>
        askChangeField;
    // The review of a folder change (FolderChangeDialog); true: apply it.
    std::function<bool(QWidget* parent, const QString& title, const QString& what,
                       const QString& root, const QList<FolderChangeDialog::File>& files)>
        reviewChange;
    // Windows hold unsaved edits of articles the change touches (`names`): true saves them
    // first and goes on, false cancels the change.
    std::function<bool(QWidget* parent, const QStringList& names)> saveBeforeChange;
    // Undo Folder Change would put back files that windows hold unsaved edits of (`names`):
    // true undoes it anyway (each window then asks whether to keep its edits or reload).
    std::function<bool(QWidget* parent, const QStringList& names)> undoOverEdits;

    static FolderPrompts& instance();
    static FolderPrompts defaults();
};

} // namespace frontis
