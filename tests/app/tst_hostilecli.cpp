// Hostile input through the real `frontis` executable: every command ends (a watchdog catches a
// hang), says what is wrong as "path:line:column: error: ..." where there is a position, and
// writes nothing. Times are printed (qInfo) for the record, never asserted.
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
};

// Runs `frontis ARGS` in `dir`; a run that outlasts the generous watchdog is killed and reported.
Run frontis(const QStringList& args, const QString& dir)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    env.remove(u"QT_QPA_PLATFORM"_s);
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(dir);
    p.setStandardInputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    p.start(QStringLiteral(FRONTIS_EXECUTABLE), args);
    Run r;
    r.finished = p.waitForFinished(20000);
    if (!r.finished) {
        p.kill();
        p.waitForFinished();
    }
    qInfo("frontis %s: %lld ms", qPrintable(args.join(u' ')),
          static_cast<long long>(timer.elapsed()));
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

class TestHostileCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Articles that cannot be read: validate, get and set each name the place and write nothing.
    void refusedArticles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("mentions");
        QTest::addColumn<int>("line");
        QTest::newRow("conflict") << hostile::conflictMarkers() << u"merge conflict"_s << 3;
        QTest::newRow("nesting") << hostile::deepBlockNesting(1000) << u"deep"_s << -1;
        QTest::newRow("aliasbomb") << hostile::aliasBomb(9, 9) << u"alias"_s << -1;
        QTest::newRow("tabs") << hostile::tabIndented() << u"tab"_s << 4;
        QTest::newRow("utf16") << hostile::utf16(true, true) << u"UTF-16"_s << 1;
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
        QVERIFY(validate.finished);
        QCOMPARE(validate.code, 1);
        QVERIFY2(positioned.match(validate.out).hasMatch(), qPrintable(validate.out));

        const Run get = frontis({u"get"_s, u"article.md"_s, u"title"_s}, dir);
        QVERIFY(get.finished);
        QCOMPARE(get.code, 2);
        QVERIFY2(positioned.match(get.err).hasMatch(), qPrintable(get.err));

        const Run set = frontis({u"set"_s, u"article.md"_s, u"title"_s, u"New"_s}, dir);
        QVERIFY(set.finished);
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
        QVERIFY(validate.finished);
        QVERIFY2(validate.code == 0 || validate.code == 1, qPrintable(validate.err));
        QVERIFY(validate.out.contains(u"1 file checked"_s));
        const Run get = frontis({u"get"_s, u"article.md"_s, key}, dir);
        QCOMPARE(get.code, 0);
        QCOMPARE(get.out, value + u'\n');
        const Run set = frontis({u"set"_s, u"article.md"_s, key, u"edited"_s}, dir);
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
        QVERIFY(validate.finished);
        QCOMPARE(validate.code, 1);
        QVERIFY2(
            validate.out.contains(u"huge.md:2:1: error: the front matter is larger than 16 MiB"_s),
            qPrintable(validate.out));
        const Run set = frontis({u"set"_s, u"huge.md"_s, u"title"_s, u"Small"_s}, dir);
        QVERIFY(set.finished);
        QCOMPARE(set.code, 2);
        QVERIFY2(set.err.contains(u"huge.md:2:1: error:"_s), qPrintable(set.err));
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
        QVERIFY(fifo.finished);
        QCOMPARE(fifo.code, 2);
        QVERIFY2(fifo.out.contains(u"pipe.md: error: not a regular file or folder"_s),
                 qPrintable(fifo.out));
        for (const QString& command : {u"get"_s, u"set"_s}) {
            QStringList args{command, u"pipe.md"_s, u"title"_s};
            if (command == u"set"_s)
                args << u"x"_s;
            const Run r = frontis(args, dir);
            QVERIFY(r.finished);
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.contains(u"pipe.md: error: 'pipe.md' is not a regular file"_s),
                     qPrintable(r.err));
        }
        const Run folder = frontis({u"get"_s, u"folder.md"_s, u"title"_s}, dir);
        QCOMPARE(folder.code, 2);
        QVERIFY2(folder.err.contains(u"is a folder"_s), qPrintable(folder.err));
        // In a folder given to validate, the FIFO is reported and the folder searched (it is
        // empty).
        const Run all = frontis({u"validate"_s, u"."_s}, dir);
        QVERIFY(all.finished);
        QCOMPARE(all.code, 2);
        QVERIFY2(all.out.contains(u"pipe.md: error: not a regular file or folder"_s),
                 qPrintable(all.out));
        QVERIFY2(all.out.contains(u"0 files checked"_s), qPrintable(all.out));
        QCOMPARE(snapshot(dir), before);
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
        QVERIFY(r.finished);
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
