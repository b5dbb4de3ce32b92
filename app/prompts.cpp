#include "prompts.h"

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
    return p;
}

} // namespace frontis
