#include "prompts.h"

#include "editor/diffdialog.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>

namespace frontis {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Prompts", text);
}

QString markdownFilter()
{
    return tr("Markdown articles (*.md *.markdown);;All files (*)");
}

} // namespace

Prompts& Prompts::instance()
{
    static Prompts prompts = defaults();
    return prompts;
}

Prompts Prompts::defaults()
{
    Prompts p;
    p.askUnsaved = [](QWidget* parent, const QString& fileName) {
        QMessageBox box(QMessageBox::Warning, tr("Unsaved Changes"),
                        tr("Save the changes to \u201c%1\u201d?").arg(fileName),
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, parent);
        box.setInformativeText(tr("Your changes are lost if you don't save them."));
        box.setDefaultButton(QMessageBox::Save);
        switch (box.exec()) {
        case QMessageBox::Save:
            return Choice::Save;
        case QMessageBox::Discard:
            return Choice::Discard;
        default:
            return Choice::Cancel;
        }
    };
    p.confirmRevert = [](QWidget* parent, const QString& fileName) {
        QMessageBox box(QMessageBox::Question, tr("Revert"),
                        tr("Discard the changes to \u201c%1\u201d and go back to the saved file?")
                            .arg(fileName),
                        QMessageBox::Cancel, parent);
        QPushButton* revert = box.addButton(tr("&Revert"), QMessageBox::DestructiveRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.setInformativeText(tr("Edit > Undo brings the changes back."));
        box.exec();
        return box.clickedButton() == revert;
    };
    p.warn = [](QWidget* parent, const QString& title, const QString& text) {
        QMessageBox::warning(parent, title, text);
    };
    p.offerSaveAs = [](QWidget* parent, const QString& text) {
        QMessageBox box(QMessageBox::Critical, tr("Not Saved"), text, QMessageBox::Cancel, parent);
        QPushButton* saveAs = box.addButton(tr("Save &As\u2026"), QMessageBox::AcceptRole);
        box.setInformativeText(tr("The file was left as it was and your changes are still here."));
        box.setDefaultButton(saveAs);
        box.exec();
        return box.clickedButton() == saveAs;
    };
    p.saveFileName = [](QWidget* parent, const QString& suggestion) {
        return QFileDialog::getSaveFileName(parent, tr("Save As"), suggestion, markdownFilter());
    };
    p.openFileNames = [](QWidget* parent, const QString& folder) {
        return QFileDialog::getOpenFileNames(parent, tr("Open"), folder, markdownFilter());
    };
    p.askRecover = [](QWidget* parent, const QString& fileName, const QString& details) {
        QMessageBox box(QMessageBox::Warning, tr("Recover Unsaved Changes"),
                        tr("Frontis kept unsaved changes to \u201c%1\u201d.").arg(fileName),
                        QMessageBox::NoButton, parent);
        box.setInformativeText(details);
        QPushButton* restore = box.addButton(tr("&Restore"), QMessageBox::AcceptRole);
        QPushButton* show = box.addButton(tr("&Show Changes\u2026"), QMessageBox::ActionRole);
        QPushButton* discard = box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
        // Escape restores: the text comes back as unsaved changes, and Revert still drops them.
        box.setDefaultButton(restore);
        box.setEscapeButton(restore);
        box.exec();
        if (box.clickedButton() == show)
            return RecoveryChoice::ShowChanges;
        return box.clickedButton() == discard ? RecoveryChoice::Discard : RecoveryChoice::Restore;
    };
    p.askDiskChanged = [](QWidget* parent, const QString& fileName) {
        QMessageBox box(QMessageBox::Warning, tr("Changed on Disk"),
                        tr("\u201c%1\u201d was changed on disk by another program, and you have "
                           "unsaved changes.")
                            .arg(fileName),
                        QMessageBox::NoButton, parent);
        box.setInformativeText(tr("Reload the file from disk (Edit > Undo brings your version "
                                  "back), keep your version (saving then overwrites the other), or "
                                  "compare the two first."));
        QPushButton* reload = box.addButton(tr("&Reload"), QMessageBox::DestructiveRole);
        QPushButton* keep = box.addButton(tr("&Keep Mine"), QMessageBox::AcceptRole);
        QPushButton* compare = box.addButton(tr("&Compare\u2026"), QMessageBox::ActionRole);
        box.setDefaultButton(keep);
        box.setEscapeButton(keep);
        box.exec();
        if (box.clickedButton() == reload)
            return DiskChoice::Reload;
        return box.clickedButton() == compare ? DiskChoice::Compare : DiskChoice::KeepMine;
    };
    p.askOverwrite = [](QWidget* parent, const QString& fileName) {
        QMessageBox box(QMessageBox::Warning, tr("Changed on Disk"),
                        tr("\u201c%1\u201d was changed on disk by another program since it was "
                           "read, so it was not saved.")
                            .arg(fileName),
                        QMessageBox::Cancel, parent);
        box.setInformativeText(tr("Overwrite that change with your version, reload the file "
                                  "from disk (Edit > Undo brings your version back), or cancel and "
                                  "decide later (Save As keeps both)."));
        QPushButton* overwrite = box.addButton(tr("&Overwrite"), QMessageBox::DestructiveRole);
        QPushButton* reload = box.addButton(tr("&Reload"), QMessageBox::ActionRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() == overwrite)
            return OverwriteChoice::Overwrite;
        return box.clickedButton() == reload ? OverwriteChoice::Reload : OverwriteChoice::Cancel;
    };
    p.showDiff = [](QWidget* parent, const QString& title, const QString& diff) {
        DiffDialog dialog(parent);
        dialog.setWindowTitle(title);
        dialog.setDiff(diff);
        dialog.exec();
    };
    return p;
}

} // namespace frontis
