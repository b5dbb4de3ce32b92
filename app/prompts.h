#pragma once

#include <QString>
#include <QStringList>

#include <functional>

class QWidget;

namespace frontis {

// The questions a window asks the writer, as replaceable functions: the defaults show message
// boxes and file dialogs; tests put answers in so that no modal dialog blocks them.
struct Prompts
{
    enum class Choice { Save, Discard, Cancel };

    // "Save the changes to NAME?" before closing, quitting or opening over unsaved work.
    std::function<Choice(QWidget* parent, const QString& fileName)> askUnsaved;
    // "Discard the changes to NAME and go back to the saved file?"
    std::function<bool(QWidget* parent, const QString& fileName)> confirmRevert;
    // Something went wrong or cannot be done; the writer reads it and goes on.
    std::function<void(QWidget* parent, const QString& title, const QString& text)> warn;
    // Saving failed with `text`; true to pick another file (Save As).
    std::function<bool(QWidget* parent, const QString& text)> offerSaveAs;
    // The file to save to (empty: cancelled); `suggestion` is the current path.
    std::function<QString(QWidget* parent, const QString& suggestion)> saveFileName;
    // Files to open (empty: cancelled), starting in `folder`.
    std::function<QStringList(QWidget* parent, const QString& folder)> openFileNames;

    // No lost work (issue 5).
    enum class RecoveryChoice { Restore, ShowChanges, Discard };
    // Unsaved changes to NAME were kept when Frontis stopped without saving them; `details` says
    // when, and whether the article changed on disk since. Show Changes is asked again after.
    std::function<RecoveryChoice(QWidget* parent, const QString& fileName, const QString& details)>
        askRecover;
    enum class DiskChoice { Reload, KeepMine, Compare };
    // NAME changed on disk while the window holds unsaved edits. Compare is asked again after.
    std::function<DiskChoice(QWidget* parent, const QString& fileName)> askDiskChanged;
    enum class OverwriteChoice { Overwrite, Reload, Cancel };
    // Saving would overwrite a change made on disk since NAME was read.
    std::function<OverwriteChoice(QWidget* parent, const QString& fileName)> askOverwrite;
    // Shows a unified diff and returns when the writer has read it.
    std::function<void(QWidget* parent, const QString& title, const QString& diff)> showDiff;

    // The prompts every window uses.
    static Prompts& instance();
    // Message boxes and file dialogs.
    static Prompts defaults();
};

} // namespace frontis
