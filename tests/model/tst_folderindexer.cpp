#include "generatefolder.h"
#include "model/folder/folderindexer.h"
#include "testutil.h"

#include <QSaveFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace frontis;
using frontis::testing::GeneratedFolder;
using frontis::testing::generateFolder;

// The background indexer: the saved index shown at once, the folder followed on disk, cancel.
class TestFolderIndexer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

    QString cacheFolder() const { return m_tmp.path() + QStringLiteral("/cache"); }

    static QByteArray article(int id, const QString& question)
    {
        return QStringLiteral(
                   "---\n_schema: default\nid: %1\ntitle: %2\nquestion: %2\n---\n\n&nbsp;")
            .arg(id)
            .arg(question)
            .toUtf8();
    }

    // The way editors (and Frontis) save: a new file renamed over the old one.
    static bool replaceFile(const QString& path, const QByteArray& bytes)
    {
        QSaveFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size() && f.commit();
    }

    static QStringList titles(const FolderIndexer& indexer)
    {
        QStringList out;
        for (const ArticleSummary& s : indexer.index().articles())
            out << s.title;
        return out;
    }

private Q_SLOTS:
    void opensInTheBackgroundAndReusesTheSavedIndex()
    {
        const GeneratedFolder g = generateFolder(m_tmp.path() + QStringLiteral("/site"), 300, 4);
        {
            FolderIndexer indexer;
            indexer.setCacheFolder(cacheFolder());
            QSignalSpy finished(&indexer, &FolderIndexer::finished);
            QSignalSpy busy(&indexer, &FolderIndexer::busyChanged);
            indexer.open(g.root);
            QVERIFY(indexer.isBusy());
            QVERIFY(indexer.index().articles().isEmpty()); // nothing read yet: the call returned
            QVERIFY(finished.wait(30000));
            QVERIFY(!indexer.isBusy());
            QCOMPARE(busy.size(), 2);
            QVERIFY(!indexer.loadedFromCache());
            QCOMPARE(indexer.lastStats().read, 300);
            QCOMPARE(indexer.index().articles().size(), 300);
            QCOMPARE(indexer.index().totals().errors, g.expectedErrors());
        }
        // The index is saved on the indexer's thread; the indexer waits for it before it goes.
        QVERIFY(QFile::exists(ArticleIndex::cacheFile(g.root, cacheFolder())));

        FolderIndexer again;
        again.setCacheFolder(cacheFolder());
        QSignalSpy changed(&again, &FolderIndexer::indexChanged);
        QSignalSpy finished(&again, &FolderIndexer::finished);
        again.open(g.root);
        QVERIFY(finished.wait(30000));
        QVERIFY(again.loadedFromCache());
        QCOMPARE(changed.size(), 1); // the saved index, shown before the (empty) update ended
        QCOMPARE(again.lastStats().read, 0);
        QCOMPARE(again.index().articles().size(), 300);
    }

    void followsTheDisk()
    {
        QTemporaryDir tmp;
        const QString root = tmp.path();
        QVERIFY(QDir(root).mkdir(QStringLiteral("sub")));
        QVERIFY(testutil::writeAll(root + QStringLiteral("/a.md"),
                                   article(1, QStringLiteral("Alpha?"))));
        FolderIndexer indexer;
        indexer.setCacheFolder(cacheFolder());
        indexer.setDelay(50);
        QSignalSpy finished(&indexer, &FolderIndexer::finished);
        indexer.open(root);
        QVERIFY(finished.wait(10000));
        QCOMPARE(titles(indexer), QStringList{QStringLiteral("Alpha?")});

        // Added, in a subfolder.
        QVERIFY(testutil::writeAll(root + QStringLiteral("/sub/b.md"),
                                   article(2, QStringLiteral("Beta?"))));
        QTRY_COMPARE_WITH_TIMEOUT(titles(indexer),
                                  (QStringList{QStringLiteral("Alpha?"), QStringLiteral("Beta?")}),
                                  10000);
        // Changed.
        QVERIFY(replaceFile(root + QStringLiteral("/a.md"),
                            article(1, QStringLiteral("Alpha, again?"))));
        QTRY_COMPARE_WITH_TIMEOUT(
            titles(indexer),
            (QStringList{QStringLiteral("Alpha, again?"), QStringLiteral("Beta?")}), 10000);
        // Written in place, as some editors save: seen on the file itself.
        QVERIFY(testutil::writeAll(root + QStringLiteral("/sub/b.md"),
                                   article(2, QStringLiteral("Beta, in place?"))));
        QTRY_COMPARE_WITH_TIMEOUT(
            titles(indexer),
            (QStringList{QStringLiteral("Alpha, again?"), QStringLiteral("Beta, in place?")}),
            10000);
        // A new folder with an article in it.
        QVERIFY(QDir(root).mkpath(QStringLiteral("new/deeper")));
        QVERIFY(testutil::writeAll(root + QStringLiteral("/new/deeper/c.md"),
                                   article(3, QStringLiteral("Gamma?"))));
        QTRY_COMPARE_WITH_TIMEOUT(titles(indexer).size(), 3, 10000);
        // Removed.
        QVERIFY(QFile::remove(root + QStringLiteral("/sub/b.md")));
        QTRY_COMPARE_WITH_TIMEOUT(
            titles(indexer),
            (QStringList{QStringLiteral("Alpha, again?"), QStringLiteral("Gamma?")}), 10000);
        QCOMPARE(indexer.index().articles().size(), 2);
        // Only what changed was read each time.
        QCOMPARE(indexer.lastStats().read, 0);
        QCOMPARE(indexer.lastStats().removed, 1);
    }

    void cancelStopsAndKeepsTheIndex()
    {
        const GeneratedFolder g = generateFolder(m_tmp.path() + QStringLiteral("/big"), 1500, 8);
        FolderIndexer indexer;
        indexer.setCacheFolder(cacheFolder());
        QSignalSpy finished(&indexer, &FolderIndexer::finished);
        QSignalSpy changed(&indexer, &FolderIndexer::indexChanged);
        indexer.open(g.root);
        indexer.cancel();
        QVERIFY(finished.wait(30000));
        const ArticleIndex::Stats stats = indexer.lastStats();
        QVERIFY(stats.cancelled);
        QVERIFY(stats.read < 1500);
        QCOMPARE(changed.size(), 0);
        QVERIFY(indexer.index().articles().isEmpty());
        QVERIFY(indexer.isOpen());

        indexer.refresh();
        QVERIFY(finished.wait(60000));
        QCOMPARE(indexer.index().articles().size(), 1500);
        indexer.close();
        QVERIFY(!indexer.isOpen());
        QVERIFY(indexer.index().articles().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFolderIndexer)
#include "tst_folderindexer.moc"
