// Saving under faults: whatever goes wrong, the file on disk stays exactly as it was, the
// document keeps its edits and stays modified, and the message says what happened.
#include "model/yaml/document.h"
#include "testutil.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cstring>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace frontis;

namespace {

const QByteArray Article = "---\ntitle: Old title\nauthor: A\n---\n\n&nbsp;";
const KeyPath Title{QStringLiteral("title")};

struct stat statOf(const QString& path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        st.st_ino = 0;
    return st;
}

// Files in a folder besides the expected ones: a failed save must leave no temporary copy.
QStringList strays(const QString& dir, const QStringList& expected)
{
    QStringList names = QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System);
    for (const QString& e : expected)
        names.removeAll(e);
    return names;
}

// A small tmpfs mounted for one test and unmounted when it ends, even when it fails.
class SmallDisk
{
public:
    explicit SmallDisk(const QString& dir) : m_dir(QFile::encodeName(dir))
    {
        if (::mount("tmpfs", m_dir.constData(), "tmpfs", MS_NOSUID | MS_NODEV,
                    "size=64k,mode=0755") == 0)
            m_mounted = true;
        else
            m_error = QString::fromLocal8Bit(std::strerror(errno));
    }
    ~SmallDisk()
    {
        if (m_mounted)
            ::umount2(m_dir.constData(), MNT_DETACH);
    }
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;
    bool mounted() const { return m_mounted; }
    const QString& error() const { return m_error; }

private:
    QByteArray m_dir;
    bool m_mounted = false;
    QString m_error;
};

} // namespace

class TestSaveFaults : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_dir;
    QString m_path;

    Document editedDoc()
    {
        Result<Document> d = Document::load(m_path);
        if (!d)
            qFatal("cannot load the test article: %s", qPrintable(d.error().message));
        if (d->setString(Title, QStringLiteral("New title")))
            qFatal("the edit was refused");
        return std::move(d.value());
    }

    // The edits are still there and still unsaved.
    static bool keptEdits(const Document& d)
    {
        return d.isModified() && d.find(Title) &&
               d.find(Title)->text == QStringLiteral("New title") && d.savedBytes() == Article;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = QDir(m_tmp.path()).canonicalPath() + QStringLiteral("/") +
                QString::fromLatin1(QTest::currentTestFunction());
        QDir(m_dir).removeRecursively();
        QVERIFY(QDir().mkpath(m_dir));
        m_path = m_dir + QStringLiteral("/article.md");
        QVERIFY(testutil::writeAll(m_path, Article));
    }

    void cleanup()
    {
        QFile::setPermissions(m_dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                         QFileDevice::ExeOwner);
    }

    void readOnlyFileIsRefused()
    {
        // Even root, who could write it, refuses: nobody's write bit means "do not change".
        QVERIFY(::chmod(QFile::encodeName(m_path).constData(), 0444) == 0);
        Document d = editedDoc();
        const Status s = d.saveTo(m_path);
        QVERIFY(s);
        QVERIFY2(s->message.contains(QLatin1String("read-only")), qPrintable(s->message));
        QVERIFY(s->message.contains(QLatin1String("Save As")));
        QVERIFY(s->message.contains(m_path));
        QCOMPARE(testutil::readAll(m_path), Article);
        QCOMPARE(statOf(m_path).st_mode & 07777, mode_t(0444));
        QVERIFY(keptEdits(d));
        QCOMPARE(strays(m_dir, {QStringLiteral("article.md")}), QStringList());
        // The same edits saved elsewhere (Save As) work.
        const QString copy = m_dir + QStringLiteral("/copy.md");
        QVERIFY(!d.saveTo(copy));
        QVERIFY(!d.isModified());
        QVERIFY(testutil::readAll(copy).contains("title: New title"));
    }

    void folderWithoutWriteAccessIsRefused()
    {
        if (geteuid() == 0)
            QSKIP("running as root: folder permissions do not stop root");
        Document d = editedDoc();
        QVERIFY(::chmod(QFile::encodeName(m_dir).constData(), 0500) == 0);
        const Status s = d.saveTo(m_path);
        QVERIFY(s);
        QVERIFY2(s->message.contains(QLatin1String("does not let you create files")),
                 qPrintable(s->message));
        QVERIFY(s->message.contains(QLatin1String("Save As")));
        QCOMPARE(testutil::readAll(m_path), Article);
        QVERIFY(keptEdits(d));
    }

    void missingFolderIsRefused()
    {
        Document d = editedDoc();
        // The folder is renamed away while the article is open.
        const QString moved = m_dir + QStringLiteral("-moved");
        QVERIFY(QDir().rename(m_dir, moved));
        const Status s = d.saveTo(m_path);
        const bool recreated = QFileInfo::exists(m_dir); // a save must not invent the folder
        QVERIFY(QDir().rename(moved, m_dir));
        QVERIFY(!recreated);
        QVERIFY(s);
        QVERIFY2(s->message.contains(QLatin1String("does not exist")), qPrintable(s->message));
        QVERIFY(s->message.contains(QLatin1String("Save As")));
        QCOMPARE(testutil::readAll(m_path), Article);
        QCOMPARE(strays(m_dir, {QStringLiteral("article.md")}), QStringList());
        QVERIFY(keptEdits(d));
    }

    void notARegularFileIsRefused()
    {
        Document d = editedDoc();
        const QString fifo = m_dir + QStringLiteral("/pipe.md");
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0644) == 0);
        Status s = d.saveTo(fifo);
        QVERIFY(s);
        QVERIFY2(s->message.contains(QLatin1String("not a regular file")), qPrintable(s->message));
        QVERIFY(S_ISFIFO(statOf(fifo).st_mode)); // not replaced by a regular file
        s = d.saveTo(m_dir);
        QVERIFY(s);
        QVERIFY(s->message.contains(QLatin1String("folder")));
        QVERIFY(keptEdits(d));
    }

    void fullDiskFailsCleanly()
    {
        if (geteuid() != 0)
            QSKIP("not root: cannot mount a small tmpfs to fill (run the tests as root to cover a "
                  "full disk)");
        const QString disk = m_dir + QStringLiteral("/disk");
        QVERIFY(QDir().mkpath(disk));
        SmallDisk mount(disk);
        if (!mount.mounted())
            QSKIP(qPrintable(
                QStringLiteral("cannot mount a 64k tmpfs here (%1); full-disk case not covered")
                    .arg(mount.error())));
        const QString path = disk + QStringLiteral("/article.md");
        QVERIFY(testutil::writeAll(path, Article));
        Result<Document> d = Document::load(path);
        QVERIFY(d);
        QVERIFY(!d->setString(Title, QStringLiteral("New title")));
        // Fill every remaining block.
        const QString filler = disk + QStringLiteral("/filler");
        {
            QFile f(filler);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
            const QByteArray block(4096, 'f');
            while (f.write(block) == block.size()) {
            }
        }
        const Status s = d->saveTo(path);
        QVERIFY(s);
        QVERIFY2(s->message.contains(QLatin1String("disk is full")), qPrintable(s->message));
        QVERIFY(s->message.contains(QLatin1String("unchanged")));
        QCOMPARE(testutil::readAll(path), Article);
        QVERIFY(d->isModified());
        QCOMPARE(d->find(Title)->text, QStringLiteral("New title"));
        QCOMPARE(strays(disk, {QStringLiteral("article.md"), QStringLiteral("filler")}),
                 QStringList());
        // With space again, the same document saves.
        QVERIFY(QFile::remove(filler));
        QVERIFY(!d->saveTo(path));
        QVERIFY(!d->isModified());
        QCOMPARE(testutil::readAll(path), d->bytes());
    }

    void keepsModeOwnerAndGroup_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("0600") << 0600;
        QTest::newRow("0640") << 0640;
        QTest::newRow("0664") << 0664;
        QTest::newRow("0604") << 0604;
        QTest::newRow("0755") << 0755;
    }

    void keepsModeOwnerAndGroup()
    {
        QFETCH(int, mode);
        // A foreign owner needs root to set up (and to keep); otherwise only the mode is at stake.
        const bool root = geteuid() == 0;
        const uid_t owner = root ? 65534 : geteuid(); // nobody
        const gid_t group = root ? 65534 : getegid(); // nogroup
        QVERIFY(::chown(QFile::encodeName(m_path).constData(), owner, group) == 0);
        QVERIFY(::chmod(QFile::encodeName(m_path).constData(), mode_t(mode)) == 0);
        const ino_t before = statOf(m_path).st_ino;
        Document d = editedDoc();
        QVERIFY(!d.saveTo(m_path));
        const struct stat after = statOf(m_path);
        QVERIFY(after.st_ino != before); // really a new file, renamed into place
        QCOMPARE(after.st_mode & 07777, mode_t(mode));
        QCOMPARE(after.st_uid, owner);
        QCOMPARE(after.st_gid, group);
        QCOMPARE(testutil::readAll(m_path), d.bytes());
    }

    void symbolicLinkIsKept()
    {
        const QString link = m_dir + QStringLiteral("/link.md");
        QVERIFY(QFile::link(QStringLiteral("article.md"), link));
        Result<Document> d = Document::load(link);
        QVERIFY(!d->setString(Title, QStringLiteral("Through the link")));
        QVERIFY(!d->saveTo(link));
        QVERIFY(QFileInfo(link).isSymLink());
        QVERIFY(testutil::readAll(m_path).contains("Through the link"));
    }

    void newFileIsCreated()
    {
        Document d = editedDoc();
        const QString fresh = m_dir + QStringLiteral("/fresh.md");
        QVERIFY(!d.saveTo(fresh));
        QCOMPARE(testutil::readAll(fresh), d.bytes());
        QVERIFY(!d.changedOnDisk(fresh));
    }

    void changedOnDiskFollowsOtherWriters()
    {
        Document d = editedDoc();
        QVERIFY(!d.changedOnDisk(m_path));
        QCOMPARE(d.diskStamp().sha256, FileStamp::of(Article).sha256);
        QCOMPARE(d.diskStamp().size, qint64(Article.size()));
        QVERIFY(d.diskStamp().modified.isValid());

        // Touched without a change of content: not a change.
        QVERIFY(testutil::writeAll(m_path, Article));
        QVERIFY(!d.changedOnDisk(m_path));

        const QByteArray theirs = "---\ntitle: Theirs\nauthor: A\n---\n\n&nbsp;";
        QVERIFY(testutil::writeAll(m_path, theirs));
        QVERIFY(d.changedOnDisk(m_path));
        QVERIFY(d.isModified());

        // "Keep mine": the edits stay, and the new disk version is what they are now based on.
        QVERIFY(!d.acceptDiskVersion(m_path));
        QVERIFY(!d.changedOnDisk(m_path));
        QVERIFY(d.isModified());
        QCOMPARE(d.find(Title)->text, QStringLiteral("New title"));

        // Our own save is not a change on disk; someone else's after it is.
        QVERIFY(!d.saveTo(m_path));
        QVERIFY(!d.changedOnDisk(m_path));
        QCOMPARE(d.diskStamp().sha256, FileStamp::of(d.bytes()).sha256);
        QVERIFY(testutil::writeAll(m_path, theirs));
        QVERIFY(d.changedOnDisk(m_path));

        // Gone is changed too.
        QVERIFY(QFile::remove(m_path));
        QVERIFY(d.changedOnDisk(m_path));
        QVERIFY(d.acceptDiskVersion(m_path)); // nothing to accept
    }

    void changedOnDiskForUnreadPaths()
    {
        Result<Document> d = Document::fromBytes(Article);
        QVERIFY(d->diskStamp().isNull());
        QVERIFY(!d->changedOnDisk(m_dir + QStringLiteral("/none.md")));
        QVERIFY(d->changedOnDisk(m_path)); // a file it never read would be overwritten
        // A loaded document: another spelling of its own path is the same file...
        const Document loaded = editedDoc();
        QVERIFY(!loaded.changedOnDisk(m_dir + QStringLiteral("/../") + QFileInfo(m_dir).fileName() +
                                      QStringLiteral("/./article.md")));
        // ...and another existing file is one it never read.
        const QString other = m_dir + QStringLiteral("/other.md");
        QVERIFY(testutil::writeAll(other, Article));
        QVERIFY(loaded.changedOnDisk(other));
    }

    void refusesToOverwriteAChangeOnDisk()
    {
        Document d = editedDoc();
        const QByteArray theirs = "---\ntitle: Theirs\nauthor: B\n---\n\n&nbsp;";
        QVERIFY(testutil::writeAll(m_path, theirs));
        const Status s = d.saveTo(m_path, Document::IfChangedOnDisk::Refuse);
        QVERIFY(s);
        QVERIFY2(s->message.contains(QLatin1String("changed on disk")), qPrintable(s->message));
        QCOMPARE(testutil::readAll(m_path), theirs);
        QVERIFY(keptEdits(d));
        QCOMPARE(strays(m_dir, {QStringLiteral("article.md")}), QStringList());
        // Unchanged on disk: Refuse saves normally. Overwrite replaces theirs when asked to.
        QVERIFY(!d.saveTo(m_path));
        QVERIFY(testutil::readAll(m_path).contains("title: New title"));
        QVERIFY(!d.setString(Title, QStringLiteral("Third")));
        QVERIFY(!d.saveTo(m_path, Document::IfChangedOnDisk::Refuse));
    }
};

QTEST_GUILESS_MAIN(TestSaveFaults)
#include "tst_savefaults.moc"
