#include "testhooks.h"

#include "editor/articleeditor.h"
#include "editor/fieldedit.h"
#include "editor/fieldform.h"
#include "mainwindow.h"
#include "prompts.h"

#include <QCoreApplication>
#include <QTimer>

namespace frontis::testhooks {

void installPrompts()
{
    const QString answer = qEnvironmentVariable("FRONTIS_TEST_RECOVERY");
    if (answer.isEmpty())
        return;
    const Prompts::RecoveryChoice choice = answer == QLatin1String("discard")
                                               ? Prompts::RecoveryChoice::Discard
                                               : Prompts::RecoveryChoice::Restore;
    Prompts::instance().askRecover = [choice](QWidget*, const QString&, const QString&) {
        return choice;
    };
}

void applyEdits()
{
    const QString edit = qEnvironmentVariable("FRONTIS_TEST_EDIT");
    const qsizetype eq = edit.indexOf(QLatin1Char('='));
    if (eq <= 0)
        return;
    const QString key = edit.left(eq);
    const QString value = edit.mid(eq + 1);
    // After the windows' own queued work (the offer of kept changes).
    QTimer::singleShot(0, qApp, [key, value] {
        for (MainWindow* w : MainWindow::windows()) {
            if (w->mode() != MainWindow::Mode::Form)
                continue;
            ArticleEditor* editor = w->editor();
            FieldEdit fieldEdit;
            fieldEdit.key = key;
            fieldEdit.path = editor->document().frontMatter().resolve(key);
            fieldEdit.value = value;
            if (const Status status = editor->form()->apply(fieldEdit))
                qWarning("FRONTIS_TEST_EDIT: %s", qPrintable(status->message));
        }
    });
}

} // namespace frontis::testhooks
