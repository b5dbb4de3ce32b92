// `frontis validate`, run as the real executable on articles and folders made from the seed.
#include "../model/testutil.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

class TestValidateCommand : public QObject
{
    Q_OBJECT

private:
    QByteArray m_seed;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QTemporaryDir> m_cache; // XDG_CACHE_HOME: the user's cache is never touched

    struct Run
    {
        int code = -1;
        QString out;
        QString err;
        QStringList lines() const { return out.split(QLatin1Char('\n'), Qt::SkipEmptyParts); }
    };

    // Runs in the test's folder, so that paths come out relative.
    Run validate(const QStringList& args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_cache->path());
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(m_dir->path());
        p.start(QStringLiteral(FRONTIS_EXECUTABLE), QStringList{QStringLiteral("validate")} + args);
        p.waitForFinished(30000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    QString path(const QString& relative) const { return m_dir->filePath(relative); }

    void write(const QString& relative, const QByteArray& bytes)
    {
        const QString p = path(relative);
        QVERIFY(QDir().mkpath(QFileInfo(p).absolutePath()));
        QVERIFY(testutil::writeAll(p, bytes));
    }

    static QByteArray replaced(QByteArray bytes, const QByteArray& from, const QByteArray& to)
    {
        const qsizetype at = bytes.indexOf(from);
        if (at < 0)
            qFatal("not in the seed: %s", from.constData());
        return bytes.replace(at, from.size(), to);
    }

    static QString seedWarning(const QString& file)
    {
        return file +
               QStringLiteral(":13:21: warning: 'seo.page_description' is 261 characters long; "
                              "the limit is 160 [max-length]");
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString seed = testutil::seedPath();
        if (seed.isEmpty())
            QSKIP("../shared/seed is absent (set FRONTIS_SHARED_DIR)");
        m_seed = testutil::readAll(seed);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_cache = std::make_unique<QTemporaryDir>();
        QVERIFY(m_cache->isValid());
    }

    void seed()
    {
        write(QStringLiteral("article.md"), m_seed);
        const Run r = validate({QStringLiteral("article.md")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, seedWarning(QStringLiteral("article.md")) +
                            QStringLiteral("\n1 file checked: 0 errors, 1 warning, 0 info\n"));
        QCOMPARE(r.err, QString());
    }

    // A body site's Markdown problems are reported at the line and column of the file; a file
    // without front matter is an article, not an error.
    void bodyMarkdownAtFilePosition()
    {
        write(QStringLiteral("post.md"), "---\r\ntitle: Post\r\n---\r\n\r\nSee [the docs]().\r\n");
        write(QStringLiteral("plain.md"), "# Plain\n\nNo front matter.\n");
        const Run r = validate({QStringLiteral("post.md"), QStringLiteral("plain.md")});
        QCOMPARE(r.code, 0);
        QCOMPARE(
            r.lines(),
            QStringList({QStringLiteral("post.md:5:5: warning: the body, Markdown line 2: Link "
                                        "has no destination [markdown-empty-link]"),
                         QStringLiteral("2 files checked: 0 errors, 1 warning, 0 info")}));
    }

    void seedInPlace()
    {
        const Run r = validate({testutil::seedPath()});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.lines(),
                 QStringList({seedWarning(testutil::seedPath()),
                              QStringLiteral("1 file checked: 0 errors, 1 warning, 0 info")}));
    }

    // Both files are reported, each naming the other, as the window's article list does.
    void duplicateIdNamesBothFiles()
    {
        write(QStringLiteral("a.md"), m_seed);
        // Another article (its own question, file name and URL) that reuses the id.
        QByteArray other = m_seed;
        other.replace("influenced deep learning?", "changed deep learning?");
        other.replace("influenced-deep-learning", "changed-deep-learning");
        write(QStringLiteral("sub/b.md"), other);
        const QStringList expected = {
            QStringLiteral("a.md:3:5: error: 'id' is '51098' here and in 'sub/b.md' (line 3); "
                           "it must be unique [duplicate-id]"),
            seedWarning(QStringLiteral("a.md")),
            QStringLiteral("sub/b.md:3:5: error: 'id' is '51098' here and in 'a.md' (line 3); "
                           "it must be unique [duplicate-id]"),
            seedWarning(QStringLiteral("sub/b.md")),
            QStringLiteral("2 files checked: 2 errors, 2 warnings, 0 info")};
        const Run r = validate({QStringLiteral(".")});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.lines(), expected);
        // From the cache, and with the files named one by one, the same.
        QCOMPARE(validate({QStringLiteral(".")}).lines(), expected);
        QCOMPARE(validate({QStringLiteral("sub/b.md"), QStringLiteral("a.md")}).lines(), expected);
        // Through a folder and a file: still both, and each file once.
        QCOMPARE(
            validate({QStringLiteral("sub"), QStringLiteral("a.md"), QStringLiteral("sub/b.md")})
                .lines(),
            expected);
    }

    void jsonMatchesText()
    {
        write(QStringLiteral("a.md"), m_seed);
        write(QStringLiteral("b.md"), replaced(m_seed, "id: 51098", "id: [51098"));
        write(QStringLiteral("c.md"), replaced(m_seed, "score: -1.0", "extra: 1\nscore: -1.0"));
        write(QStringLiteral("d.md"), replaced(m_seed, "_schema: default", "_schema: \"nosuch\""));
        const Run text = validate({QStringLiteral("."), QStringLiteral("missing.md")});
        const Run json = validate({QStringLiteral("--format"), QStringLiteral("json"),
                                   QStringLiteral("."), QStringLiteral("missing.md")});
        QCOMPARE(text.code, 2); // missing.md is an I/O problem
        QCOMPARE(json.code, 2);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(json.out.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(doc.isArray());
        QStringList fromJson;
        QStringList rules;
        for (const QJsonValue& v : doc.array()) {
            const QJsonObject o = v.toObject();
            QCOMPARE(o.keys(), QStringList({QStringLiteral("column"), QStringLiteral("file"),
                                            QStringLiteral("key"), QStringLiteral("line"),
                                            QStringLiteral("message"), QStringLiteral("rule"),
                                            QStringLiteral("severity")}));
            QString where = o.value(QStringLiteral("file")).toString();
            if (!o.value(QStringLiteral("line")).isNull())
                where += QStringLiteral(":%1:%2")
                             .arg(o.value(QStringLiteral("line")).toInt())
                             .arg(o.value(QStringLiteral("column")).toInt());
            fromJson << QStringLiteral("%1: %2: %3 [%4]")
                            .arg(where, o.value(QStringLiteral("severity")).toString(),
                                 o.value(QStringLiteral("message")).toString(),
                                 o.value(QStringLiteral("rule")).toString());
            rules << o.value(QStringLiteral("rule")).toString();
        }
        QStringList textLines = text.lines();
        QCOMPARE(textLines.takeLast(),
                 QStringLiteral("4 files checked: 8 errors, 3 warnings, 1 info"));
        QCOMPARE(fromJson, textLines);
        // c.md repeats a.md's unique values (both are told); d.md falls back to the generic
        // schema, which has none.
        const QStringList duplicated = {
            QStringLiteral("duplicate-id"), QStringLiteral("max-length"),
            QStringLiteral("duplicate-file-name"), QStringLiteral("duplicate-url")};
        QCOMPARE(rules, duplicated + QStringList{QStringLiteral("parse")} + duplicated +
                            QStringList({QStringLiteral("unknown-key"), QStringLiteral("schema"),
                                         QStringLiteral("io")}));
        QVERIFY(textLines.last().startsWith(QLatin1String("missing.md: error: ")));
    }

    void customSchemaChangesResult()
    {
        write(QStringLiteral("content/article.md"), m_seed);
        QCOMPARE(validate({QStringLiteral("content")}).code, 0);
        // The content folder's own "default" schema replaces the built-in QuickTakes one.
        write(QStringLiteral(".frontis/schemas/default.yml"), "name: strict\n"
                                                              "unknown_keys: ignore\n"
                                                              "fields:\n"
                                                              "  - key: score\n"
                                                              "    type: number\n"
                                                              "    min: 0\n");
        const Run r = validate({QStringLiteral("content")});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.lines(),
                 QStringList({QStringLiteral(
                                  "content/article.md:25:8: error: 'score' is -1.0; the smallest "
                                  "allowed value is 0 [min]"),
                              QStringLiteral("1 file checked: 1 error, 0 warnings, 0 info")}));
    }

    // A reference that no article of the folder holds under its `to` key is a warning at the
    // value; targets count whatever schema their article has (authors have their own here).
    void unknownReferenceIsAWarning()
    {
        write(QStringLiteral("site/.frontis/schemas/default.yml"), "name: post\n"
                                                                   "unknown_keys: ignore\n"
                                                                   "fields:\n"
                                                                   "  - key: author\n"
                                                                   "    type: reference\n"
                                                                   "    to: slug\n");
        write(QStringLiteral("site/.frontis/schemas/author.yml"), "name: author\n"
                                                                  "unknown_keys: ignore\n"
                                                                  "fields:\n"
                                                                  "  - key: slug\n");
        write(QStringLiteral("site/authors/ada.md"),
              "---\n_schema: author\nslug: ada\ntitle: Ada Lovelace\n---\n");
        write(QStringLiteral("site/posts/a.md"), "---\ntitle: A\nauthor: ada\n---\nText\n");
        write(QStringLiteral("site/posts/b.md"), "---\ntitle: B\nauthor:   alan\n---\nText\n");
        const QStringList expected = {
            QStringLiteral("site/posts/b.md:3:11: warning: 'author' names no article: no article "
                           "of the folder has 'slug: alan' [reference]"),
            QStringLiteral("3 files checked: 0 errors, 1 warning, 0 info")};
        Run r = validate({QStringLiteral("site")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.lines(), expected);
        // The same from the saved index.
        QCOMPARE(validate({QStringLiteral("site")}).lines(), expected);
        // The article it names appears: the warning goes, though b.md did not change.
        write(QStringLiteral("site/authors/alan.md"),
              "---\n_schema: author\nslug: alan\ntitle: Alan Turing\n---\n");
        QCOMPARE(validate({QStringLiteral("site")}).lines(),
                 QStringList({QStringLiteral("4 files checked: 0 errors, 0 warnings, 0 info")}));
    }

    void brokenLocalSchemaNamesItsPosition()
    {
        write(QStringLiteral("article.md"), m_seed);
        write(QStringLiteral(".frontis/schemas/default.yml"),
              "name: broken\nfields:\n  - key: a\n    type: txt\n");
        const Run r = validate({QStringLiteral("article.md")});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.lines().size(), 2);
        QVERIFY2(r.lines()[0].startsWith(
                     QLatin1String(".frontis/schemas/default.yml:4:11: error: broken schema: "
                                   "unknown type 'txt'")),
                 qPrintable(r.out));
        QVERIFY(r.lines()[0].endsWith(QLatin1String("[schema]")));
    }

    void schemaOption()
    {
        write(QStringLiteral("article.md"), m_seed);
        write(QStringLiteral("loose.yml"), "name: loose\nunknown_keys: ignore\nfields: []\n");
        Run r = validate({QStringLiteral("--schema"), QStringLiteral("loose.yml"),
                          QStringLiteral("article.md")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QStringLiteral("1 file checked: 0 errors, 0 warnings, 0 info\n"));

        write(QStringLiteral("bad.yml"), "name: bad\nfields:\n  - key: a\n    type: txt\n");
        r = validate({QStringLiteral("--schema=bad.yml"), QStringLiteral("article.md")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.startsWith(QLatin1String("bad.yml:4:11: error: unknown type 'txt'")),
                 qPrintable(r.err));
        QCOMPARE(r.out, QString());

        r = validate(
            {QStringLiteral("--schema"), QStringLiteral("none.yml"), QStringLiteral("article.md")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QLatin1String("none.yml")));
    }

    void parseErrorDoesNotStopTheRun()
    {
        write(QStringLiteral("a-broken.md"), "---\ntitle: [unclosed\n---\n");
        write(QStringLiteral("b-good.md"), m_seed);
        const Run r = validate({QStringLiteral("a-broken.md"), QStringLiteral("b-good.md")});
        QCOMPARE(r.code, 1);
        const QStringList lines = r.lines();
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines[0].startsWith(QLatin1String("a-broken.md:")) &&
                     lines[0].endsWith(QLatin1String("[parse]")),
                 qPrintable(lines[0]));
        QCOMPARE(lines[1], seedWarning(QStringLiteral("b-good.md")));
        QCOMPARE(lines[2], QStringLiteral("2 files checked: 1 error, 1 warning, 0 info"));
    }

    void missingPathIsReportedAndTheRunContinues()
    {
        write(QStringLiteral("article.md"), m_seed);
        const Run r = validate({QStringLiteral("nosuch"), QStringLiteral("article.md")});
        QCOMPARE(r.code, 2);
        QCOMPARE(r.lines(),
                 QStringList({seedWarning(QStringLiteral("article.md")),
                              QStringLiteral("nosuch: error: no such file or folder [io]"),
                              QStringLiteral("1 file checked: 1 error, 1 warning, 0 info")}));
    }

    void unreadableFile()
    {
        if (geteuid() == 0)
            QSKIP("running as root: permissions do not stop reading");
        write(QStringLiteral("locked.md"), m_seed);
        QVERIFY(
            QFile::setPermissions(path(QStringLiteral("locked.md")), QFileDevice::Permissions()));
        write(QStringLiteral("open.md"), replaced(m_seed, "id: 51098", "id: 51099"));
        const Run r = validate({QStringLiteral(".")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.out.contains(QLatin1String("locked.md: error: cannot read the file")));
        QVERIFY(r.out.contains(seedWarning(QStringLiteral("open.md"))));
    }

    // --- The cache: kept in $XDG_CACHE_HOME, used only while it is right ----------------------

    QString cacheFolder() const
    {
        return m_cache->path() + QStringLiteral("/Frontis/Frontis/folders");
    }
    QStringList savedIndexes() const
    {
        return QDir(cacheFolder()).entryList({QStringLiteral("*.index")}, QDir::Files);
    }

    // The first run writes the folder's index; a second with nothing changed prints the same
    // and leaves it as it was; --no-cache prints the same too.
    void cacheIsWrittenAndReused()
    {
        write(QStringLiteral("content/article.md"), m_seed);
        const Run first = validate({QStringLiteral("content")});
        QCOMPARE(first.code, 0);
        QCOMPARE(first.lines(),
                 QStringList({seedWarning(QStringLiteral("content/article.md")),
                              QStringLiteral("1 file checked: 0 errors, 1 warning, 0 info")}));
        QCOMPARE(savedIndexes().size(), 1);
        const QString index = cacheFolder() + QLatin1Char('/') + savedIndexes().first();
        const QByteArray saved = testutil::readAll(index);
        const QDateTime savedAt = QFileInfo(index).lastModified();
        QVERIFY(!saved.isEmpty());

        const Run second = validate({QStringLiteral("content")});
        QCOMPARE(second.code, first.code);
        QCOMPARE(second.out, first.out);
        QCOMPARE(testutil::readAll(index), saved);
        QCOMPARE(QFileInfo(index).lastModified(), savedAt); // nothing changed: not written again
        const Run uncached = validate({QStringLiteral("--no-cache"), QStringLiteral("content")});
        QCOMPARE(uncached.out, first.out);
    }

    // A file changed with its size kept and its modification time set back is checked again:
    // its change time moved, and its bytes hash differently.
    void changedFileIsCheckedAgain()
    {
        write(QStringLiteral("content/article.md"), m_seed);
        QCOMPARE(validate({QStringLiteral("content")}).code, 0);
        const QString file = path(QStringLiteral("content/article.md"));
        const QDateTime before = QFileInfo(file).lastModified();
        // Same length: an unknown schema name, so the generic schema with its warning.
        write(QStringLiteral("content/article.md"),
              replaced(m_seed, "_schema: default", "_schema: nosuchx"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(before, QFileDevice::FileModificationTime));
        f.close();
        QCOMPARE(QFileInfo(file).size(), qint64(m_seed.size()));
        const Run r = validate({QStringLiteral("content")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.lines(),
                 QStringList({QStringLiteral("content/article.md:2:10: warning: no schema named "
                                             "'nosuchx'; the article is checked against the "
                                             "generic schema only [schema]"),
                              QStringLiteral("1 file checked: 0 errors, 1 warning, 0 info")}));
        // A file added and one removed are seen too.
        write(QStringLiteral("content/new.md"), m_seed);
        QVERIFY(QFile::remove(file));
        QCOMPARE(validate({QStringLiteral("content")}).lines(),
                 QStringList({seedWarning(QStringLiteral("content/new.md")),
                              QStringLiteral("1 file checked: 0 errors, 1 warning, 0 info")}));
    }

    // A schema file edited (same size, time set back) changes the results of every article.
    void changedSchemaInvalidates()
    {
        write(QStringLiteral("content/article.md"), m_seed);
        const QByteArray schema = "name: strict\nunknown_keys: ignore\nfields:\n"
                                  "  - key: score\n    type: number\n    min: 0\n";
        write(QStringLiteral("content/.frontis/schemas/default.yml"), schema);
        const QString scoreError = QStringLiteral("content/article.md:25:8: error: 'score' is "
                                                  "-1.0; the smallest allowed value is 0 [min]");
        Run r = validate({QStringLiteral("content")});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.lines().first(), scoreError);

        const QString file = path(QStringLiteral("content/.frontis/schemas/default.yml"));
        const QDateTime before = QFileInfo(file).lastModified();
        QByteArray loose = schema;
        loose.replace("min: 0", "max: 0"); // -1.0 is allowed now
        write(QStringLiteral("content/.frontis/schemas/default.yml"), loose);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(before, QFileDevice::FileModificationTime));
        f.close();
        r = validate({QStringLiteral("content")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QStringLiteral("1 file checked: 0 errors, 0 warnings, 0 info\n"));
    }

    // Results against --schema FILE are kept apart from the folder's own, and follow FILE.
    void schemaOptionIsKeptApart()
    {
        write(QStringLiteral("content/article.md"), m_seed);
        write(QStringLiteral("loose.yml"), "name: loose\nunknown_keys: ignore\nfields: []\n");
        const QStringList withSchema = {QStringLiteral("--schema"), QStringLiteral("loose.yml"),
                                        QStringLiteral("content")};
        const QString clean = QStringLiteral("1 file checked: 0 errors, 0 warnings, 0 info\n");
        QCOMPARE(validate(withSchema).out, clean);
        QCOMPARE(validate({QStringLiteral("content")}).lines().first(),
                 seedWarning(QStringLiteral("content/article.md")));
        QCOMPARE(validate(withSchema).out, clean);
        QCOMPARE(savedIndexes().size(), 2);
        write(QStringLiteral("loose.yml"), "name: loose\nunknown_keys: ignore\nfields:\n"
                                           "  - key: score\n    type: number\n    min: 0\n");
        QCOMPARE(validate(withSchema).code, 1);
    }

    // A damaged or foreign cache file is never trusted: the results are those of a run without
    // a cache, and the file is written anew.
    void badCacheIsIgnored_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("empty") << QStringLiteral("empty");
        QTest::newRow("garbage") << QStringLiteral("garbage");
        QTest::newRow("truncated") << QStringLiteral("truncated");
        QTest::newRow("one byte flipped") << QStringLiteral("flipped");
        QTest::newRow("another folder's") << QStringLiteral("foreign");
    }

    void badCacheIsIgnored()
    {
        QFETCH(QString, damage);
        write(QStringLiteral("content/a.md"), m_seed);
        write(QStringLiteral("content/b.md"),
              replaced(m_seed, "score: -1.0", "extra: 1\nscore: -1.0"));
        const Run truth = validate({QStringLiteral("--no-cache"), QStringLiteral("content")});
        QCOMPARE(truth.code, 1); // b.md repeats a.md's id, url and file name
        QCOMPARE(validate({QStringLiteral("content")}).out, truth.out);
        QCOMPARE(savedIndexes().size(), 1);
        const QString index = cacheFolder() + QLatin1Char('/') + savedIndexes().first();
        const QByteArray saved = testutil::readAll(index);

        QByteArray bad;
        if (damage == QLatin1String("garbage")) {
            bad = QByteArray(8192, '\x5a');
        } else if (damage == QLatin1String("truncated")) {
            bad = saved.left(saved.size() / 2);
        } else if (damage == QLatin1String("flipped")) {
            // A digit of a cached message ("is 261 characters long"): without the checksum the
            // file would still read as an index, and print a wrong message.
            bad = saved;
            const qsizetype at = bad.indexOf("261 characters");
            QVERIFY(at > 0);
            bad[at] = '9';
        } else if (damage == QLatin1String("foreign")) {
            // A valid index, but of another folder with other findings.
            write(QStringLiteral("other/c.md"),
                  replaced(m_seed, "_schema: default", "_schema: nosuchx"));
            QCOMPARE(validate({QStringLiteral("other")}).code, 0);
            QCOMPARE(savedIndexes().size(), 2);
            for (const QString& name : savedIndexes()) {
                if (cacheFolder() + QLatin1Char('/') + name != index)
                    bad = testutil::readAll(cacheFolder() + QLatin1Char('/') + name);
            }
        }
        QVERIFY(testutil::writeAll(index, bad));
        const Run r = validate({QStringLiteral("content")});
        QCOMPARE(r.code, truth.code);
        QCOMPARE(r.out, truth.out);
        QVERIFY(testutil::readAll(index) != bad); // written anew
        QCOMPARE(validate({QStringLiteral("content")}).out, truth.out);
    }

    // --no-cache neither writes a cache nor reads one (a planted damaged file stays as it was).
    void noCacheWritesNothing()
    {
        write(QStringLiteral("content/article.md"), m_seed);
        const Run r = validate({QStringLiteral("--no-cache"), QStringLiteral("content")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.lines().first(), seedWarning(QStringLiteral("content/article.md")));
        QVERIFY(QDir(m_cache->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty());
        QCOMPARE(validate({QStringLiteral("content")}).code, 0);
        QCOMPARE(savedIndexes().size(), 1);
        const QString index = cacheFolder() + QLatin1Char('/') + savedIndexes().first();
        QVERIFY(testutil::writeAll(index, "damaged"));
        write(QStringLiteral("content/article.md"), replaced(m_seed, "id: 51098", "id: 51099"));
        QCOMPARE(validate({QStringLiteral("content"), QStringLiteral("--no-cache")}).code, 0);
        QCOMPARE(testutil::readAll(index), QByteArray("damaged"));
    }

    void usage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no path") << QStringList();
        QTest::newRow("unknown format") << QStringList(
            {QStringLiteral("--format"), QStringLiteral("xml"), QStringLiteral("a.md")});
        QTest::newRow("unknown option")
            << QStringList({QStringLiteral("--strict"), QStringLiteral("a.md")});
        QTest::newRow("option without value")
            << QStringList({QStringLiteral("a.md"), QStringLiteral("--schema")});
    }

    void usage()
    {
        QFETCH(QStringList, args);
        const Run r = validate(args);
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QLatin1String("frontis --help")));
        QCOMPARE(r.out, QString());
    }

    // Hidden folders, node_modules and links back up are not searched; paths come out sorted.
    void folderSearch()
    {
        const QByteArray unknown = "---\n_schema: nosuch\n---\n";
        write(QStringLiteral("z.md"), unknown);
        write(QStringLiteral("a/b.md"), unknown);
        write(QStringLiteral("a/notes.txt"), "not an article");
        write(QStringLiteral("a/c/d.MD"), unknown);
        write(QStringLiteral(".hidden/x.md"), "---\nbroken: [\n---\n");
        write(QStringLiteral("node_modules/pkg/readme.md"), "no front matter");
        write(QStringLiteral("a/.draft.md"), "no front matter");
        QVERIFY(QFile::link(path(QStringLiteral(".")), path(QStringLiteral("a/c/loop"))));
        QVERIFY(QFile::link(path(QStringLiteral("z.md")), path(QStringLiteral("a/z-again.md"))));
        const Run r = validate({QStringLiteral("."), QStringLiteral("z.md")});
        QCOMPARE(r.code, 0);
        const QString warning =
            QStringLiteral(":2:10: warning: no schema named 'nosuch'; the article is checked "
                           "against the generic schema only [schema]");
        QCOMPARE(
            r.lines(),
            QStringList({QStringLiteral("a/b.md") + warning, QStringLiteral("a/c/d.MD") + warning,
                         QStringLiteral("z.md") + warning,
                         QStringLiteral("3 files checked: 0 errors, 3 warnings, 0 info")}));
    }

    // Many files in parallel: all counted, the output sorted, the same on every run.
    void manyFilesStableOrder()
    {
        for (int i = 0; i < 120; ++i) {
            QByteArray bytes =
                replaced(m_seed, "id: 51098", "id: " + QByteArray::number(51100 + i));
            bytes.replace("influenced-deep-learning",
                          "influenced-deep-learning-" + QByteArray::number(i));
            // Every 40th reuses f000's id: each of the four files names the other three.
            if (i % 40 == 39)
                bytes = replaced(bytes, "id: " + QByteArray::number(51100 + i), "id: 51100");
            write(QStringLiteral("batch/f%1.md").arg(i, 3, 10, QLatin1Char('0')), bytes);
        }
        const Run first = validate({QStringLiteral("batch")});
        const Run second = validate({QStringLiteral("batch")});
        QCOMPARE(first.code, 1);
        QCOMPARE(first.out, second.out);
        QStringList lines = first.lines();
        QCOMPARE(lines.takeLast(),
                 QStringLiteral("120 files checked: 4 errors, 360 warnings, 0 info"));
        QString previous;
        for (const QString& line : std::as_const(lines)) {
            const QString file = line.section(QLatin1Char(':'), 0, 0);
            QVERIFY2(previous <= file, qPrintable(line));
            previous = file;
        }
        QVERIFY(lines.contains(
            QStringLiteral("batch/f039.md:3:5: error: 'id' is '51100' here and in "
                           "'batch/f000.md' (line 3), 'batch/f079.md' (line 3), "
                           "'batch/f119.md' (line 3); it must be unique [duplicate-id]")));
        QVERIFY(lines.contains(
            QStringLiteral("batch/f000.md:3:5: error: 'id' is '51100' here and in "
                           "'batch/f039.md' (line 3), 'batch/f079.md' (line 3), "
                           "'batch/f119.md' (line 3); it must be unique [duplicate-id]")));
    }
};

QTEST_GUILESS_MAIN(TestValidateCommand)
#include "tst_validatecommand.moc"
