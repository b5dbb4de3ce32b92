// The site-wide commands of the real `frontis` executable: rename, set and unset over folders,
// replace; --dry-run; all or nothing; the one-file `set` and `unset` unchanged.
#include "../model/testutil.h"

#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run frontis(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(FRONTIS_EXECUTABLE), args);
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QHash<QString, QByteArray> contents(const QString& folder)
{
    QHash<QString, QByteArray> s;
    QDirIterator it(folder, {QStringLiteral("*.md")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString p = it.next();
        s.insert(p, testutil::readAll(p));
    }
    return s;
}

} // namespace

class TestSiteCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_dir;

    QString write(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_dir + QLatin1Char('/') + name;
        QDir().mkpath(QFileInfo(path).absolutePath());
        testutil::writeAll(path, bytes);
        return path;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = m_tmp.path() + QLatin1Char('/') + QString::fromLatin1(QTest::currentTestFunction());
        QDir(m_dir).removeRecursively();
        QDir().mkpath(m_dir);
    }

    void dryRunPrintsDiffsAndWritesNothing()
    {
        const QString a = write(QStringLiteral("a.md"), "---\ntags: [go, c]\n---\n");
        write(QStringLiteral("b.md"), "---\ntags: [c]\n---\n");
        const auto before = contents(m_dir);
        const Run r =
            frontis({QStringLiteral("rename"), m_dir, QStringLiteral("tags"), QStringLiteral("go"),
                     QStringLiteral("golang"), QStringLiteral("--dry-run")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("-tags: [go, c]\n+tags: [golang, c]\n")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("1 of 2 articles would change")), qPrintable(r.out));
        QCOMPARE(contents(m_dir), before);
        QVERIFY(!QFileInfo::exists(m_dir + QStringLiteral("/.frontis")));
        QVERIFY(!QFileInfo::exists(m_dir + QStringLiteral("/.frontis-changes"))); // no journal

        const Run real = frontis({QStringLiteral("rename"), m_dir, QStringLiteral("tags"),
                                  QStringLiteral("go"), QStringLiteral("golang")});
        QCOMPARE(real.code, 0);
        QCOMPARE(testutil::readAll(a), QByteArray("---\ntags: [golang, c]\n---\n"));
        QVERIFY2(real.out.contains(QLatin1String("1 of 2 articles changed")), qPrintable(real.out));
        // The change is kept for undo beside the articles (there is no .frontis folder here).
        QVERIFY(QFileInfo(m_dir + QStringLiteral("/.frontis-changes")).isDir());
    }

    void setAndUnsetOverFolders()
    {
        const QString a = write(QStringLiteral("a.md"), "---\ndraft: true\nn: 1\n---\n");
        const QString b = write(QStringLiteral("x/b.md"), "---\ndraft: false\nn: 2\n---\n");
        Run r = frontis({QStringLiteral("set"), m_dir, QStringLiteral("n"), QStringLiteral("5"),
                         QStringLiteral("--where"), QStringLiteral("draft=true")});
        QCOMPARE(r.code, 0);
        QCOMPARE(testutil::readAll(a), QByteArray("---\ndraft: true\nn: 5\n---\n"));
        QCOMPARE(testutil::readAll(b), QByteArray("---\ndraft: false\nn: 2\n---\n"));
        r = frontis({QStringLiteral("unset"), a, b, QStringLiteral("draft")});
        QCOMPARE(r.code, 0);
        QCOMPARE(testutil::readAll(a), QByteArray("---\nn: 5\n---\n"));
        QCOMPARE(testutil::readAll(b), QByteArray("---\nn: 2\n---\n"));
        // The one-file forms are as they were: a missing key is exit status 1.
        r = frontis({QStringLiteral("unset"), a, QStringLiteral("draft")});
        QCOMPARE(r.code, 1);
        r = frontis({QStringLiteral("set"), a, QStringLiteral("n"), QStringLiteral("6")});
        QCOMPARE(r.code, 0);
        QCOMPARE(testutil::readAll(a), QByteArray("---\nn: 6\n---\n"));
    }

    void replaceNeedsKeyOrBody()
    {
        const QString a = write(QStringLiteral("a.md"), "---\ntitle: Hello\n---\nHello there\n");
        Run r = frontis(
            {QStringLiteral("replace"), m_dir, QStringLiteral("Hello"), QStringLiteral("Hi")});
        QCOMPARE(r.code, 2);
        r = frontis({QStringLiteral("replace"), m_dir, QStringLiteral("hello"),
                     QStringLiteral("Hi"), QStringLiteral("--body"),
                     QStringLiteral("--ignore-case")});
        QCOMPARE(r.code, 0);
        QCOMPARE(testutil::readAll(a), QByteArray("---\ntitle: Hello\n---\nHi there\n"));
        r = frontis({QStringLiteral("replace"), m_dir, QStringLiteral("(H)ello"),
                     QStringLiteral("\\1i!"), QStringLiteral("--key"), QStringLiteral("title"),
                     QStringLiteral("--regex")});
        QCOMPARE(r.code, 0);
        QCOMPARE(testutil::readAll(a), QByteArray("---\ntitle: Hi!\n---\nHi there\n"));
        r = frontis({QStringLiteral("replace"), m_dir, QStringLiteral("("), QStringLiteral("x"),
                     QStringLiteral("--body"), QStringLiteral("--regex")});
        QCOMPARE(r.code, 2);
    }

    void aBadFileWritesNothing()
    {
        for (int i = 0; i < 3; ++i)
            write(QStringLiteral("a%1.md").arg(i), "---\ncategory: news\n---\n");
        const QString bad = write(QStringLiteral("z.md"), "---\ncategory: [news\n---\n");
        const auto before = contents(m_dir);
        const Run r = frontis({QStringLiteral("rename"), m_dir, QStringLiteral("category"),
                               QStringLiteral("news"), QStringLiteral("updates")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(bad + QLatin1Char(':')), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("nothing was written")), qPrintable(r.err));
        QCOMPARE(contents(m_dir), before);
    }
};

QTEST_GUILESS_MAIN(TestSiteCommand)
#include "tst_sitecommand.moc"
