// Hostile input through the real `frontis` executable: every command ends within the CPU budget
// of one file (cpubudget.h; a watchdog catches a hang), says what is wrong as
// "path:line:column: error: ..." where there is a position, and writes nothing. Wall times are
// printed (qInfo) for the record.
#include "../model/cpubudget.h"
#include "../model/hostilecases.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <sys/types.h>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Run
{
    bool finished = false;
    int code = -1;
    QString out;
    QString err;
    qint64 cpuMs = 0; // user and system time of the process
};

// Where `frontis validate` keeps its cache and settings during these tests: not the user's.
QString g_home;

// Runs `frontis ARGS` in `dir`; a run that outlasts the generous watchdog is killed and reported.
Run frontis(const QStringList& args, const QString& dir)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    env.remove(u"QT_QPA_PLATFORM"_s);
    if (!g_home.isEmpty()) {
        env.insert(u"HOME"_s, g_home);
        env.insert(u"XDG_CACHE_HOME"_s, g_home + u"/.cache"_s);
        env.insert(u"XDG_CONFIG_HOME"_s, g_home + u"/.config"_s);
    }
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(dir);
    p.setStandardInputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    const qint64 cpu = cpubudget::childrenMs();
    p.start(QStringLiteral(FRONTIS_EXECUTABLE), args);
    Run r;
    r.finished = p.waitForFinished(20000);
    if (!r.finished) {
        p.kill();
        p.waitForFinished();
    }
    r.cpuMs = cpubudget::childrenMs() - cpu;
    qInfo("frontis %s: %lld ms, %lld ms of CPU", qPrintable(args.join(u' ')),
          static_cast<long long>(timer.elapsed()), static_cast<long long>(r.cpuMs));
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// What a folder holds: names, sizes and content hashes of regular files, and the kind of others.
QStringList snapshot(const QString& dir)
{
    QStringList out;
    const QFileInfoList entries = QDir(dir).entryInfoList(
        QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name);
    for (const QFileInfo& e : entries) {
        QString line = e.fileName();
        if (e.isSymLink()) {
            line += u" -> "_s + e.symLinkTarget();
        } else if (e.isFile()) {
            QFile f(e.filePath());
            QCryptographicHash hash(QCryptographicHash::Sha1);
            if (f.open(QIODevice::ReadOnly))
                hash.addData(&f);
            line += u' ' + QString::number(e.size()) + u' ' +
                    QString::fromLatin1(hash.result().toHex());
        } else if (e.isDir()) {
            line += u"/"_s;
        } else {
            line += u" (special)"_s;
        }
        out << line;
    }
    return out;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

// The run ended by itself, within the CPU budget of `files` hostile files.
#define CHECK_RUN(run, files)                                                                      \
    do {                                                                                           \
        QVERIFY2((run).finished, "killed by the watchdog");                                        \
        QVERIFY2((run).cpuMs <= cpubudget::budgetMs() * (files),                                   \
                 qPrintable(QStringLiteral("%1 ms of CPU, budget %2 ms")                           \
                                .arg((run).cpuMs)                                                  \
                                .arg(cpubudget::budgetMs() * (files))));                           \
    } while (false)

class TestHostileCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_home.isValid());
        g_home = m_home.path();
    }

    // Articles that cannot be read: validate, get and set each name the place and write nothing.
    void refusedArticles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("mentions");
        QTest::addColumn<int>("line");
        QTest::newRow("conflict") << hostile::conflictMarkers() << u"merge conflict"_s << 3;
        QTest::newRow("nesting") << hostile::deepBlockNesting(1000) << u"deep"_s << -1;
        QTest::newRow("flownesting") << hostile::deepFlowNesting(1000) << u"deep"_s << 2;
        QTest::newRow("aliasbomb") << hostile::aliasBomb(9, 9) << u"alias"_s << -1;
        QTest::newRow("aliasbombblock") << hostile::aliasBombBlock(12, 6) << u"alias"_s << -1;
        QTest::newRow("tabs") << hostile::tabIndented() << u"tab"_s << 4;
        QTest::newRow("utf16") << hostile::utf16(true, true) << u"UTF-16"_s << 1;
        QTest::newRow("utf16be") << hostile::utf16(false, false) << u"UTF-16"_s << 1;
    }

    void refusedArticles()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, mentions);
        QFETCH(int, line);
        const QString dir = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(writeFile(dir + u"/article.md"_s, bytes));
        const QStringList before = snapshot(dir);
        const QString lineRe = line > 0 ? QString::number(line) : u"\\d+"_s;
        const QRegularExpression positioned(u"^article\\.md:"_s + lineRe + u":\\d+: error: .*"_s +
                                                QRegularExpression::escape(mentions),
                                            QRegularExpression::MultilineOption |
                                                QRegularExpression::CaseInsensitiveOption);

        const Run validate = frontis({u"validate"_s, u"article.md"_s}, dir);
        CHECK_RUN(validate, 1);
        QCOMPARE(validate.code, 1);
        QVERIFY2(positioned.match(validate.out).hasMatch(), qPrintable(validate.out));

        const Run get = frontis({u"get"_s, u"article.md"_s, u"title"_s}, dir);
        CHECK_RUN(get, 1);
        QCOMPARE(get.code, 2);
        QVERIFY2(positioned.match(get.err).hasMatch(), qPrintable(get.err));

        const Run set = frontis({u"set"_s, u"article.md"_s, u"title"_s, u"New"_s}, dir);
        CHECK_RUN(set, 1);
        QCOMPARE(set.code, 2);
        QVERIFY2(positioned.match(set.err).hasMatch(), qPrintable(set.err));
        QCOMPARE(snapshot(dir), before);
    }

    // Strange but readable: 10,000 keys and mixed line breaks are read and edited in place.
    void readableArticles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("keys") << hostile::manyKeys(10000) << u"key_9999"_s << u"value 9999"_s;
        QTest::newRow("mixed") << hostile::mixedLineBreaks() << u"seo.title"_s
                               << u"QuickTakes | Mixed"_s;
    }

    void readableArticles()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, key);
        QFETCH(QString, value);
        const QString dir = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()));
        QVERIFY(QDir().mkpath(dir));
        const QString path = dir + u"/article.md"_s;
        QVERIFY(writeFile(path, bytes));

        const Run validate = frontis({u"validate"_s, u"article.md"_s}, dir);
        CHECK_RUN(validate, 1);
        QVERIFY2(validate.code == 0 || validate.code == 1, qPrintable(validate.err));
        QVERIFY(validate.out.contains(u"1 file checked"_s));
        const Run get = frontis({u"get"_s, u"article.md"_s, key}, dir);
        CHECK_RUN(get, 1);
        QCOMPARE(get.code, 0);
        QCOMPARE(get.out, value + u'\n');
        const Run set = frontis({u"set"_s, u"article.md"_s, key, u"edited"_s}, dir);
        CHECK_RUN(set, 1);
        QCOMPARE(set.code, 0);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray after = f.readAll();
        QCOMPARE(after.size(), bytes.size() - value.toUtf8().size() + 6);
        QVERIFY(after.contains(key.section(u'.', -1).toUtf8() + ": edited"));
    }

    // 100 MB in one answer: over the 16 MiB front-matter limit, refused without reading it as YAML.
    void hugeAnswer()
    {
        const QString dir = m_dir.filePath(u"huge"_s);
        QVERIFY(QDir().mkpath(dir));
        {
            QFile f(dir + u"/huge.md"_s);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(hostile::writeHugeAnswer(f, 100 * 1000 * 1000));
        }
        const QStringList before = snapshot(dir);
        const Run validate = frontis({u"validate"_s, u"huge.md"_s}, dir);
        CHECK_RUN(validate, 1);
        QCOMPARE(validate.code, 1);
        QVERIFY2(
            validate.out.contains(u"huge.md:2:1: error: the front matter is larger than 16 MiB"_s),
            qPrintable(validate.out));
        const Run get = frontis({u"get"_s, u"huge.md"_s, u"title"_s}, dir);
        CHECK_RUN(get, 1);
        QCOMPARE(get.code, 2);
        QVERIFY2(get.err.contains(u"huge.md:2:1: error:"_s), qPrintable(get.err));
        const Run set = frontis({u"set"_s, u"huge.md"_s, u"title"_s, u"Small"_s}, dir);
        CHECK_RUN(set, 1);
        QCOMPARE(set.code, 2);
        QVERIFY2(set.err.contains(u"huge.md:2:1: error:"_s), qPrintable(set.err));
        QCOMPARE(snapshot(dir), before);
    }

    // A file over the 64 MiB file limit with a small front matter: refused by its size (the
    // message says both), never read whole, never written.
    void oversizedFile()
    {
        const QString dir = m_dir.filePath(u"oversized"_s);
        QVERIFY(QDir().mkpath(dir));
        {
            QFile f(dir + u"/big.md"_s);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.write("---\ntitle: Big body\n---\n") > 0);
            QVERIFY(f.resize(200 * 1024 * 1024)); // a hole: no disk space, nothing to write
        }
        const QStringList before = snapshot(dir);
        const QString message = u"big.md: error: 'big.md' is 200 MiB, larger than the 64 MiB"_s;
        const Run validate = frontis({u"validate"_s, u"big.md"_s}, dir);
        CHECK_RUN(validate, 1);
        QCOMPARE(validate.code, 2); // not read: an I/O problem, like an unreadable file
        QVERIFY2(validate.out.contains(message), qPrintable(validate.out));
        const Run get = frontis({u"get"_s, u"big.md"_s, u"title"_s}, dir);
        CHECK_RUN(get, 1);
        QCOMPARE(get.code, 2);
        QVERIFY2(get.err.contains(message), qPrintable(get.err));
        const Run set = frontis({u"set"_s, u"big.md"_s, u"title"_s, u"Small"_s}, dir);
        CHECK_RUN(set, 1);
        QCOMPARE(set.code, 2);
        QVERIFY2(set.err.contains(message), qPrintable(set.err));
        QCOMPARE(snapshot(dir), before);
    }

    // A FIFO is never opened (that would wait for a writer) and a folder is not an article.
    void notRegularFiles()
    {
        const QString dir = m_dir.filePath(u"special"_s);
        QVERIFY(QDir().mkpath(dir + u"/folder.md"_s));
        QCOMPARE(::mkfifo(QFile::encodeName(dir + u"/pipe.md"_s).constData(), 0600), 0);
        const QStringList before = snapshot(dir);

        const Run fifo = frontis({u"validate"_s, u"pipe.md"_s}, dir);
        CHECK_RUN(fifo, 1);
        QCOMPARE(fifo.code, 2);
        QVERIFY2(fifo.out.contains(u"pipe.md: error: not a regular file or folder"_s),
                 qPrintable(fifo.out));
        for (const QString& command : {u"get"_s, u"set"_s}) {
            QStringList args{command, u"pipe.md"_s, u"title"_s};
            if (command == u"set"_s)
                args << u"x"_s;
            const Run r = frontis(args, dir);
            CHECK_RUN(r, 1);
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.contains(u"pipe.md: error: 'pipe.md' is not a regular file"_s),
                     qPrintable(r.err));
        }
        const Run folder = frontis({u"get"_s, u"folder.md"_s, u"title"_s}, dir);
        CHECK_RUN(folder, 1);
        QCOMPARE(folder.code, 2);
        QVERIFY2(folder.err.contains(u"is a folder"_s), qPrintable(folder.err));
        // In a folder given to validate, the FIFO is reported and the folder searched (it is
        // empty).
        // A FIFO where a schema is expected is not opened either.
        const Run schema = frontis({u"validate"_s, u"--schema"_s, u"pipe.md"_s, u"."_s}, dir);
        CHECK_RUN(schema, 1);
        QCOMPARE(schema.code, 2);
        QVERIFY2(schema.err.contains(u"named pipe"_s), qPrintable(schema.err));
        const Run all = frontis({u"validate"_s, u"."_s}, dir);
        CHECK_RUN(all, 1);
        QCOMPARE(all.code, 2);
        QVERIFY2(all.out.contains(u"pipe.md: error: not a regular file or folder"_s),
                 qPrintable(all.out));
        QVERIFY2(all.out.contains(u"0 files checked"_s), qPrintable(all.out));
        QCOMPARE(snapshot(dir), before);
    }

    // A content folder holding every hostile file at once: `validate` names each with its
    // position where it has one, stays within the budget per file and writes nothing there; run
    // again (now from its cache), it says the same.
    void hostileFolder()
    {
        const QString dir = m_dir.filePath(u"folder"_s);
        const QString content = dir + u"/content"_s;
        QVERIFY(QDir().mkpath(content + u"/sub"_s));
        QVERIFY(writeFile(content + u"/conflict.md"_s, hostile::conflictMarkers()));
        QVERIFY(writeFile(content + u"/keys.md"_s, hostile::manyKeys(10000)));
        QVERIFY(writeFile(content + u"/nesting.md"_s, hostile::deepBlockNesting(1000)));
        QVERIFY(writeFile(content + u"/bomb.md"_s, hostile::aliasBomb(9, 9)));
        QVERIFY(writeFile(content + u"/tabs.md"_s, hostile::tabIndented()));
        QVERIFY(writeFile(content + u"/utf16.md"_s, hostile::utf16(true, true)));
        QVERIFY(writeFile(content + u"/mixed.md"_s, hostile::mixedLineBreaks()));
        {
            QFile f(content + u"/huge.md"_s);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(hostile::writeHugeAnswer(f, 100 * 1000 * 1000));
        }
        QCOMPARE(::mkfifo(QFile::encodeName(content + u"/pipe.md"_s).constData(), 0600), 0);
        QVERIFY(QDir().mkdir(content + u"/folder.md"_s));
        QVERIFY(QFile::link(u".."_s, content + u"/sub/up"_s));
        QVERIFY(QFile::link(u"loop.md"_s, content + u"/loop.md"_s));
        const QStringList before = snapshot(content);

        QString first;
        for (int pass = 0; pass < 2; ++pass) {
            const Run r = frontis({u"validate"_s, u"content"_s}, dir);
            CHECK_RUN(r, 12);
            QCOMPARE(r.code, 2); // the FIFO and the loop are I/O problems
            QVERIFY2(r.out.contains(u"8 files checked"_s), qPrintable(r.out));
            const QStringList expected = {
                u"content/conflict.md:3:1: error: an unresolved merge conflict marker"_s,
                u"content/huge.md:2:1: error: the front matter is larger than 16 MiB"_s,
                u"content/tabs.md:4:"_s,
                u"content/utf16.md:1:1: error: the file is UTF-16"_s,
                u"content/pipe.md: error: not a regular file or folder"_s,
                u"content/loop.md: error: a symbolic link that leads nowhere"_s,
            };
            for (const QString& line : expected)
                QVERIFY2(r.out.contains(line), qPrintable(line + u"\n\n"_s + r.out));
            for (const QString& name : {u"nesting"_s, u"bomb"_s}) {
                const QRegularExpression positioned(u"^content/"_s + name +
                                                        u"\\.md:\\d+:\\d+: error: "_s,
                                                    QRegularExpression::MultilineOption);
                QVERIFY2(positioned.match(r.out).hasMatch(), qPrintable(r.out));
            }
            // Readable ones get no parse error.
            QVERIFY2(!QRegularExpression(u"^content/(keys|mixed)\\.md:\\d+:\\d+: error: .*(YAML|"
                                         u"front matter)"_s,
                                         QRegularExpression::MultilineOption)
                          .match(r.out)
                          .hasMatch(),
                     qPrintable(r.out));
            if (pass == 0)
                first = r.out;
            else
                QCOMPARE(r.out, first);
        }
        QCOMPARE(snapshot(content), before);
    }

    // Links that loop, around a real article: the search ends and checks the article once.
    void symlinkLoops()
    {
        const QString dir = m_dir.filePath(u"loops"_s);
        QVERIFY(QDir().mkpath(dir + u"/content/sub"_s));
        QVERIFY(QFile::link(u".."_s, dir + u"/content/sub/up"_s));
        QVERIFY(QFile::link(u"../.."_s, dir + u"/content/sub/top"_s));
        QVERIFY(QFile::link(u"loop.md"_s, dir + u"/content/loop.md"_s));
        QVERIFY(QFile::link(u"b.md"_s, dir + u"/content/a.md"_s));
        QVERIFY(QFile::link(u"a.md"_s, dir + u"/content/b.md"_s));
        QVERIFY(writeFile(dir + u"/content/sub/article.md"_s, "---\ntitle: Real\n---\n&nbsp;"));
        const QStringList before = snapshot(dir + u"/content"_s);

        const Run r = frontis({u"validate"_s, u"content"_s}, dir);
        CHECK_RUN(r, 1);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.out.contains(u"1 file checked"_s), qPrintable(r.out));
        for (const QString& name : {u"content/loop.md"_s, u"content/a.md"_s, u"content/b.md"_s}) {
            QVERIFY2(r.out.contains(name + u": error: a symbolic link that leads nowhere"_s),
                     qPrintable(r.out));
        }
        QCOMPARE(snapshot(dir + u"/content"_s), before);
    }
};

QTEST_GUILESS_MAIN(TestHostileCli)
#include "tst_hostilecli.moc"
