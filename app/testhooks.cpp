#include "testhooks.h"

#include "editor/articleeditor.h"
#include "editor/form/fieldedit.h"
#include "editor/form/fieldform.h"
#include "editor/preview/previewpane.h"
#include "mainwindow.h"
#include "prompts.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

#include <cstdio>
#include <ctime>

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

void reportStartup()
{
    const QString mode = qEnvironmentVariable("FRONTIS_TEST_STARTUP");
    if (mode.isEmpty())
        return;
    const bool quit = mode == QLatin1String("quit");
    // Runs once the event loop is up; checks again until the preview has its first content.
    auto* poll = new QTimer(qApp);
    poll->setInterval(1);
    QObject::connect(poll, &QTimer::timeout, qApp, [poll, quit] {
        for (MainWindow* w : MainWindow::windows()) {
            if (w->mode() != MainWindow::Mode::Form || !w->isVisible())
                continue;
            PreviewPane* preview = w->editor()->preview();
            if (preview->toPlainText().isEmpty() || preview->isRendering())
                return;
            poll->stop();
            poll->deleteLater();
            w->repaint(); // the whole window, children included, now
            std::printf("frontis-painted %lld %.1f\n",
                        static_cast<long long>(QDateTime::currentMSecsSinceEpoch()),
                        double(std::clock()) * 1000.0 / CLOCKS_PER_SEC);
            std::fflush(stdout);
            if (quit)
                QCoreApplication::exit(0);
            return;
        }
    });
    poll->start();
}

} // namespace frontis::testhooks
