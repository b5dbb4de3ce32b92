// Opening a folder in the window finishes a site-wide change that a crash or a kill interrupted
// there, before the folder's articles are read (FolderSession::open).
#include "../model/testutil.h"
#include "app/foldersession.h"
#include "model/site/sitechange.h"
#include "model/site/sitechangejournal.h"

#include <QApplication>
#include <QTemporaryDir>
#include <QTest>

using namespace frontis;

class TestSiteRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void openingAFolderFinishesAnInterruptedChange()
    {
        QTemporaryDir tmp;
        const QString site = tmp.path() + QStringLiteral("/site");
        QVERIFY(QDir().mkpath(site + QStringLiteral("/posts")));
        const QByteArray old = "---\ncategory: news\n---\n";
        const QString a = site + QStringLiteral("/posts/a.md");
        const QString b = site + QStringLiteral("/b.md");
        QVERIFY(testutil::writeAll(a, old));
        QVERIFY(testutil::writeAll(b, old));
        Result<ChangePlan> plan = planSiteChange(
            {site}, SiteChange::rename(QStringLiteral("category"), QStringLiteral("news"),
                                       QStringLiteral("updates")));
        QVERIFY(plan && plan->files.size() == 2);
        Result<AppliedChange> applied = SiteChangeJournal::apply(plan.value());
        QVERIFY(applied);
        // As a kill after the journal was complete and one article written leaves it.
        QVERIFY(QFile::remove(applied->journalDir + QLatin1Char('/') + applied->id +
                              QStringLiteral("/state")));
        QVERIFY(testutil::writeAll(b, old));

        QVERIFY(FolderSession::instance().open(site));
        QCOMPARE(testutil::readAll(a), QByteArray("---\ncategory: updates\n---\n"));
        QCOMPARE(testutil::readAll(b), QByteArray("---\ncategory: updates\n---\n"));
        FolderSession::instance().close();
    }
};

QTEST_MAIN(TestSiteRecovery)
#include "tst_siterecovery.moc"
