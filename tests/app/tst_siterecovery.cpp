// Opening a folder in the window finishes a site-wide change that a crash or a kill interrupted
// there, before the folder's articles are read (FolderSession::open), and the window tells the
// writer what was done.
#include "../model/testutil.h"
#include "app/foldersession.h"
#include "app/mainwindow.h"
#include "app/prompts.h"
#include "model/site/sitechange.h"
#include "model/site/sitechangejournal.h"

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace frontis;

class TestSiteRecovery : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QStringList m_warnings; // "title|text" of each message the window showed

    // A folder with two articles whose category a change renamed to "updates", left as `state`
    // leaves it: "" as a kill after the journal was complete and one article written ("b.md"
    // still old), "rollback" as a kill while a failed change was being put back.
    QString interrupted(const QString& name, const QString& state)
    {
        const QString site = m_tmp.path() + QLatin1Char('/') + name;
        if (!QDir().mkpath(site + QStringLiteral("/posts")))
            return {};
        const QByteArray old = "---\ncategory: news\n---\n";
        if (!testutil::writeAll(site + QStringLiteral("/posts/a.md"), old) ||
            !testutil::writeAll(site + QStringLiteral("/b.md"), old))
            return {};
        Result<ChangePlan> plan = planSiteChange(
            {site}, SiteChange::rename(QStringLiteral("category"), QStringLiteral("news"),
                                       QStringLiteral("updates")));
        if (!plan || plan->files.size() != 2)
            return {};
        Result<AppliedChange> applied = SiteChangeJournal::apply(plan.value());
        if (!applied)
            return {};
        const QString stateFile =
            applied->journalDir + QLatin1Char('/') + applied->id + QStringLiteral("/state");
        if (state.isEmpty()) {
            if (!QFile::remove(stateFile))
                return {};
        } else if (!testutil::writeAll(stateFile, state.toUtf8() + '\n')) {
            return {};
        }
        if (!testutil::writeAll(site + QStringLiteral("/b.md"), old))
            return {};
        return site;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("FrontisTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_siterecovery"));
        QSettings().clear();
        FolderSession::instance().indexer().setCacheFolder(m_tmp.path() + QStringLiteral("/cache"));
        Prompts& p = Prompts::instance();
        p.askUnsaved = [](QWidget*, const QString&) { return Prompts::Choice::Discard; };
        p.warn = [this](QWidget*, const QString& title, const QString& text) {
            m_warnings << title + QLatin1Char('|') + text;
        };
    }

    void cleanup()
    {
        for (MainWindow* w : MainWindow::windows())
            w->close();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        FolderSession::instance().close();
        m_warnings.clear();
    }

    void openingAFolderFinishesAnInterruptedChange()
    {
        const QString site = interrupted(QStringLiteral("finish"), {});
        QVERIFY(!site.isEmpty());
        QVERIFY(FolderSession::instance().open(site));
        const QByteArray now = "---\ncategory: updates\n---\n";
        QCOMPARE(testutil::readAll(site + QStringLiteral("/posts/a.md")), now);
        QCOMPARE(testutil::readAll(site + QStringLiteral("/b.md")), now);
    }

    // The window that opens the folder says what was finished, once: a second window does not.
    void theWindowSaysWhatWasFinished()
    {
        const QString site = interrupted(QStringLiteral("told"), {});
        QVERIFY(!site.isEmpty());
        auto* w = new MainWindow;
        w->show();
        QVERIFY(FolderSession::instance().open(site));
        QTRY_COMPARE(m_warnings.size(), 1);
        const QString warning = m_warnings.first();
        QVERIFY2(warning.startsWith(QLatin1String("Interrupted Folder Change|")),
                 qPrintable(warning));
        QVERIFY2(warning.contains(
                     QLatin1String("finished an interrupted change: rename category 'news' -> "
                                   "'updates'")),
                 qPrintable(warning));
        QVERIFY2(!warning.contains(QLatin1String("frontis:")), qPrintable(warning));
        QCOMPARE(testutil::readAll(site + QStringLiteral("/b.md")),
                 QByteArray("---\ncategory: updates\n---\n"));
        auto* second = new MainWindow;
        second->show();
        QTest::qWait(50);
        QCOMPARE(m_warnings.size(), 1);
        // Nothing left to recover: opening the folder again says nothing.
        FolderSession::instance().close();
        QVERIFY(FolderSession::instance().open(site));
        QTest::qWait(50);
        QCOMPARE(m_warnings.size(), 1);
    }

    // A change that was being put back is put back the rest of the way, and the window opened
    // on the folder afterwards says so.
    void theWindowSaysWhatWasRolledBack()
    {
        const QString site = interrupted(QStringLiteral("rolled"), QStringLiteral("rollback"));
        QVERIFY(!site.isEmpty());
        QVERIFY(FolderSession::instance().open(site));
        const QByteArray old = "---\ncategory: news\n---\n";
        QCOMPARE(testutil::readAll(site + QStringLiteral("/posts/a.md")), old);
        QCOMPARE(testutil::readAll(site + QStringLiteral("/b.md")), old);
        auto* w = new MainWindow;
        w->show();
        QTRY_COMPARE(m_warnings.size(), 1);
        QVERIFY2(m_warnings.first().contains(
                     QLatin1String("dropped an interrupted change (no article was left changed): "
                                   "rename category 'news' -> 'updates'")),
                 qPrintable(m_warnings.first()));
    }
};

QTEST_MAIN(TestSiteRecovery)
#include "tst_siterecovery.moc"
