// The recovery journal: unsaved bytes kept byte-exact outside the article, and nothing that is
// damaged or not Frontis's own ever offered back.
#include "model/file/journal.h"
#include "testutil.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace frontis;

class TestJournal : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_articles;
    QString m_article;
    const QByteArray m_onDisk = "---\ntitle: Old\n---\n\n&nbsp;";
    const QByteArray m_unsaved = "---\ntitle: New words, not saved yet\n---\n\n&nbsp;";

    static RecoveryJournal journal() { return RecoveryJournal(); }

    static QString messages(const QList<Error>& errors)
    {
        QStringList m;
        for (const Error& e : errors)
            m << e.message;
        return m.join(QLatin1Char('\n'));
    }

    static mode_t modeOf(const QString& path)
    {
        struct stat st = {};
        return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 07777)
                                                                     : mode_t(-1);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Never the user's own journal: Qt's test mode moves AppDataLocation under ~/.qttest.
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_articles.isValid());
        m_article = QDir(m_articles.path()).canonicalPath() + QStringLiteral("/article.md");
    }

    void init()
    {
        QDir(RecoveryJournal::defaultDirectory()).removeRecursively();
        QVERIFY(testutil::writeAll(m_article, m_onDisk));
    }

    void cleanupTestCase() { QDir(RecoveryJournal::defaultDirectory()).removeRecursively(); }

    void defaultLocationFollowsStandardPaths()
    {
        const QString dir = RecoveryJournal::defaultDirectory();
        QVERIFY2(dir.contains(QLatin1String("/.qttest/")), qPrintable(dir));
        QVERIFY(dir.endsWith(QLatin1String("/journal")));
        QCOMPARE(journal().directory(), dir);

        // Outside test mode the journal lives in the user's data directory (XDG_DATA_HOME).
        QTemporaryDir xdg;
        const QByteArray saved = qgetenv("XDG_DATA_HOME");
        qputenv("XDG_DATA_HOME", QFile::encodeName(xdg.path()));
        QStandardPaths::setTestModeEnabled(false);
        const QString real = RecoveryJournal::defaultDirectory();
        QStandardPaths::setTestModeEnabled(true);
        if (saved.isNull())
            qunsetenv("XDG_DATA_HOME");
        else
            qputenv("XDG_DATA_HOME", saved);
        QVERIFY2(real.startsWith(xdg.path() + QLatin1Char('/')), qPrintable(real));
        QVERIFY(real.endsWith(QLatin1String("/journal")));
    }

    void writeFindDiscard()
    {
        RecoveryJournal j = journal();
        QVERIFY(!j.find(m_article));
        const FileStamp basedOn = FileStamp::read(m_article).value();
        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        QVERIFY(!j.write(m_article, basedOn, m_unsaved));
        const QDateTime after = QDateTime::currentDateTimeUtc().addMSecs(1);

        QList<Error> problems;
        const std::optional<RecoveryJournal::Entry> e = j.find(m_article, &problems);
        QVERIFY2(e, qPrintable(messages(problems)));
        QVERIFY(problems.isEmpty());
        QCOMPARE(e->bytes, m_unsaved);
        QCOMPARE(e->articlePath, m_article);
        QCOMPARE(e->basedOn.sha256, basedOn.sha256);
        QCOMPARE(e->basedOn.size, qint64(m_onDisk.size()));
        QCOMPARE(e->basedOn.modified, basedOn.modified);
        QCOMPARE(e->frontisVersion, QStringLiteral(FRONTIS_VERSION));
        QVERIFY(e->written >= before && e->written <= after);
        QCOMPARE(e->file, j.fileFor(m_article));
        // A relative or roundabout spelling of the same article finds the same entry.
        const QString roundabout = m_articles.path() + QStringLiteral("/./sub/../article.md");
        QVERIFY(QDir().mkpath(m_articles.filePath(QStringLiteral("sub"))));
        QCOMPARE(j.fileFor(roundabout), j.fileFor(m_article));

        QVERIFY(!j.discard(m_article));
        QVERIFY(!j.find(m_article));
        QVERIFY(!QFileInfo::exists(e->file));
        QVERIFY(!j.discard(m_article)); // nothing to discard is fine
    }

    void neverTouchesTheArticle()
    {
        const QDateTime mtime = QFileInfo(m_article).lastModified();
        RecoveryJournal j = journal();
        QVERIFY(!j.write(m_article, FileStamp::of(m_onDisk), m_unsaved));
        QCOMPARE(testutil::readAll(m_article), m_onDisk);
        QCOMPARE(QFileInfo(m_article).lastModified(), mtime);
        QCOMPARE(QDir(m_articles.path()).entryList(QDir::Files),
                 QStringList{QStringLiteral("article.md")});
        // Unpublished writing: only its owner may read the journal.
        QCOMPARE(modeOf(j.directory()), mode_t(0700));
        QCOMPARE(modeOf(j.fileFor(m_article)), mode_t(0600));
    }

    void keepsBytesExactly_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("crlf and bom")
            << QByteArray("\xEF\xBB\xBF---\r\ntitle: x\r\n---\r\n\r\n&nbsp;");
        QTest::newRow("nul and invalid utf-8") << QByteArray("a\0b\xff\xfe\n", 7);
        QTest::newRow("looks like a header")
            << QByteArray("FRONTIS-JOURNAL 1\n{\"article\":\"/x\"}\nbody\n");
        QTest::newRow("large") << QByteArray(3 * 1024 * 1024, 'w');
    }

    void keepsBytesExactly()
    {
        QFETCH(QByteArray, bytes);
        RecoveryJournal j = journal();
        QVERIFY(!j.write(m_article, {}, bytes));
        const std::optional<RecoveryJournal::Entry> e = j.find(m_article);
        QVERIFY(e);
        QCOMPARE(e->bytes.size(), bytes.size());
        QVERIFY(e->bytes == bytes);
        QVERIFY(e->basedOn.isNull()); // a document that was never saved
    }

    void laterWriteReplacesEarlier()
    {
        RecoveryJournal j = journal();
        QVERIFY(!j.write(m_article, {}, "first"));
        QVERIFY(!j.write(m_article, {}, "second"));
        const QList<RecoveryJournal::Entry> all = j.all();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().bytes, QByteArray("second"));
    }

    void allListsNewestFirst()
    {
        RecoveryJournal j = journal();
        const QString other = m_articles.filePath(QStringLiteral("other.md"));
        QVERIFY(testutil::writeAll(other, m_onDisk));
        QVERIFY(!j.write(other, {}, "older"));
        QTest::qWait(20); // distinct timestamps
        QVERIFY(!j.write(m_article, {}, "newer"));
        QList<Error> problems;
        const QList<RecoveryJournal::Entry> all = j.all(&problems);
        QVERIFY(problems.isEmpty());
        QCOMPARE(all.size(), 2);
        QCOMPARE(all[0].bytes, QByteArray("newer"));
        QCOMPARE(all[0].articlePath, m_article);
        QCOMPARE(all[1].bytes, QByteArray("older"));
    }

    void survivesTheArticleBeingDeleted()
    {
        RecoveryJournal j = journal();
        QVERIFY(!j.write(m_article, FileStamp::of(m_onDisk), m_unsaved));
        QVERIFY(QFile::remove(m_article));
        const std::optional<RecoveryJournal::Entry> e = j.find(m_article);
        QVERIFY(e);
        QCOMPARE(e->bytes, m_unsaved);
    }

    // Every way a journal file can be damaged; none may be offered back as the writer's work.
    void damagedFileIsIgnoredAndReported_data()
    {
        QTest::addColumn<int>("cut");          // bytes cut off the end (-1: none)
        QTest::addColumn<int>("flip");         // offset from the end of a byte to change (-1: none)
        QTest::addColumn<QByteArray>("whole"); // replaces the whole file when not null
        QTest::addColumn<QString>("why");
        QTest::newRow("cut short")
            << 1 << -1 << QByteArray() << QStringLiteral("incomplete or altered");
        QTest::newRow("half gone")
            << 30 << -1 << QByteArray() << QStringLiteral("incomplete or altered");
        QTest::newRow("byte changed")
            << -1 << 3 << QByteArray() << QStringLiteral("incomplete or altered");
        QTest::newRow("empty") << -1 << -1 << QByteArray("")
                               << QStringLiteral("not a Frontis journal");
        QTest::newRow("other program's file") << -1 << -1 << QByteArray("{\"bytes\": \"x\"}\n")
                                              << QStringLiteral("not a Frontis journal");
        QTest::newRow("newer frontis") << -1 << -1 << QByteArray("FRONTIS-JOURNAL 2\n{}\nx")
                                       << QStringLiteral("newer version");
        QTest::newRow("header cut") << -1 << -1 << QByteArray("FRONTIS-JOURNAL 1\n{\"article\":")
                                    << QStringLiteral("no complete header");
        QTest::newRow("header not json") << -1 << -1 << QByteArray("FRONTIS-JOURNAL 1\n{nope}\nx")
                                         << QStringLiteral("unreadable header");
        QTest::newRow("header lacks fields")
            << -1 << -1 << QByteArray("FRONTIS-JOURNAL 1\n{\"article\":\"/a.md\",\"size\":1}\nx")
            << QStringLiteral("incomplete header");
    }

    void damagedFileIsIgnoredAndReported()
    {
        QFETCH(int, cut);
        QFETCH(int, flip);
        QFETCH(QByteArray, whole);
        QFETCH(QString, why);
        RecoveryJournal j = journal();
        const QString other = m_articles.filePath(QStringLiteral("other.md"));
        QVERIFY(!j.write(other, {}, "intact"));
        QVERIFY(!j.write(m_article, {}, m_unsaved));
        const QString file = j.fileFor(m_article);
        QByteArray data = testutil::readAll(file);
        if (!whole.isNull())
            data = whole;
        if (cut > 0)
            data.chop(cut);
        if (flip > 0)
            data[data.size() - flip] = char(data[data.size() - flip] ^ 0x20);
        QVERIFY(testutil::writeAll(file, data));

        QList<Error> problems;
        QVERIFY(!j.find(m_article, &problems));
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().message.contains(why), qPrintable(problems.first().message));
        QVERIFY(problems.first().message.contains(QFileInfo(file).fileName()));
        QVERIFY(!RecoveryJournal::readFile(file).ok());

        problems.clear();
        const QList<RecoveryJournal::Entry> all = j.all(&problems);
        QCOMPARE(all.size(), 1); // the intact entry of the other article is still offered
        QCOMPARE(all.first().bytes, QByteArray("intact"));
        QCOMPARE(problems.size(), 1);
        QVERIFY(QFileInfo::exists(file)); // reported, not deleted: a person may still want it
    }

    void foreignFileIsIgnored()
    {
        // An intact entry under another article's name (copied, planted): not offered for either.
        RecoveryJournal j = journal();
        const QString other = m_articles.filePath(QStringLiteral("other.md"));
        QVERIFY(!j.write(other, {}, "someone else's text"));
        QVERIFY(QFile::copy(j.fileFor(other), j.fileFor(m_article)));
        QVERIFY(QFile::remove(j.fileFor(other)));
        QVERIFY(RecoveryJournal::readFile(j.fileFor(m_article)).ok()); // intact as a file...
        QList<Error> problems;
        QVERIFY(!j.find(m_article, &problems)); // ...but not this article's
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().message.contains(QLatin1String("does not belong")),
                 qPrintable(problems.first().message));
        QVERIFY(!j.find(other));
        problems.clear();
        QVERIFY(j.all(&problems).isEmpty());
        QCOMPARE(problems.size(), 1);
    }

    void interruptedWriteKeepsThePreviousEntry()
    {
        // A write killed midway leaves at most a temporary file beside the entry, which is never
        // read; the previous entry stays whole.
        RecoveryJournal j = journal();
        QVERIFY(!j.write(m_article, {}, "complete"));
        const QString file = j.fileFor(m_article);
        QVERIFY(
            testutil::writeAll(file + QStringLiteral(".Ab12Cd"), "FRONTIS-JOURNAL 1\n{\"artic"));
        QList<Error> problems;
        const QList<RecoveryJournal::Entry> all = j.all(&problems);
        QVERIFY(problems.isEmpty());
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().bytes, QByteArray("complete"));
        QCOMPARE(j.find(m_article)->bytes, QByteArray("complete"));
    }

    void unwritableJournalIsReported()
    {
        // The journal folder's place is taken by a file: the write fails and says so.
        QTemporaryDir dir;
        const QString blocker = dir.filePath(QStringLiteral("data"));
        QVERIFY(testutil::writeAll(blocker, "not a folder"));
        RecoveryJournal j(blocker + QStringLiteral("/journal"));
        const Status s = j.write(m_article, {}, m_unsaved);
        QVERIFY(s);
        QVERIFY2(s->message.contains(QLatin1String("recovery journal")), qPrintable(s->message));
        QCOMPARE(testutil::readAll(blocker), QByteArray("not a folder"));
        QVERIFY(j.all().isEmpty());
        QVERIFY(!j.find(m_article));
    }
};

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
