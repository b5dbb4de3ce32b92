// `frontis schema infer`, run as the real executable on a copy of a real site (CloudCannon's
// SendIt template: every article has a title, blog posts a date and time): the schema it
// writes makes `frontis validate` pass on the site and fail on planted mistakes.
#include "../model/testutil.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestSchemaCommand : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QTemporaryDir> m_cache; // XDG_CACHE_HOME: the user's cache is never touched
    QString m_site;                         // the copy of the site

    struct Run
    {
        int code = -1;
        QByteArray out;
        QString err;
    };

    Run frontis(const QStringList& args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_cache->path());
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(m_dir->path());
        p.start(QStringLiteral(FRONTIS_EXECUTABLE), args);
        p.waitForFinished(60000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                p.readAllStandardOutput(), QString::fromUtf8(p.readAllStandardError())};
    }

    QString schemaFile() const { return m_site + QStringLiteral("/.frontis/schemas/default.yml"); }

private Q_SLOTS:
    void init()
    {
        const QString source = testutil::sharedDir() +
                               QStringLiteral("/corpus/real/CloudCannon__sendit-astro-template");
        if (!QFileInfo(source).isDir())
            QSKIP("../shared/corpus/real/CloudCannon__sendit-astro-template is absent (set "
                  "FRONTIS_SHARED_DIR)");
        m_dir = std::make_unique<QTemporaryDir>();
        m_cache = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid() && m_cache->isValid());
        // A copy in a temporary folder, so that a schema can be saved beside the articles.
        m_site = m_dir->filePath(QStringLiteral("site"));
        QVERIFY(QDir().mkpath(m_site));
        for (const QString& name : QDir(source).entryList({QStringLiteral("*.md")}, QDir::Files))
            QVERIFY(
                testutil::copyWritable(QDir(source).filePath(name), QDir(m_site).filePath(name)));
    }

    // Printed, the schema is the same bytes on every run; written, it is those bytes, and the
    // site validates against it.
    void inferThenValidate()
    {
        const Run printed = frontis({QStringLiteral("schema"), QStringLiteral("infer"), m_site});
        QCOMPARE(printed.code, 0);
        QVERIFY(printed.out.startsWith("# Inferred by `frontis schema infer` from 13 articles."));
        QVERIFY(printed.out.contains("\nfields:\n"));
        QCOMPARE(frontis({QStringLiteral("schema"), QStringLiteral("infer"), m_site}).out,
                 printed.out);

        // No schema yet: the generic one, which finds no errors either; the check below is only
        // worth something if the inferred schema applies, which the planted cases show.
        const Run written = frontis({QStringLiteral("schema"), QStringLiteral("infer"), m_site,
                                     QStringLiteral("--output"), schemaFile()});
        QCOMPARE(written.code, 0);
        QCOMPARE(written.out, QByteArray());
        QCOMPARE(testutil::readAll(schemaFile()), printed.out);

        const Run checked =
            frontis({QStringLiteral("validate"), QStringLiteral("--no-cache"), m_site});
        QVERIFY2(checked.code == 0, checked.out.constData());
        QVERIFY(checked.out.contains("13 files checked: 0 errors"));

        // A planted article without the title every article has, and one whose date is not one.
        QByteArray article = testutil::readAll(
            m_site + QStringLiteral("/src__content__blog__email-delivery-tips.md"));
        QVERIFY(article.contains("\ntitle: "));
        QByteArray noTitle = article;
        noTitle.replace("\ntitle: ", "\nheading: ");
        QVERIFY(testutil::writeAll(m_site + QStringLiteral("/planted.md"), noTitle));
        Run planted = frontis({QStringLiteral("validate"), QStringLiteral("--no-cache"),
                               m_site + QStringLiteral("/planted.md")});
        QCOMPARE(planted.code, 1);
        QVERIFY2(planted.out.contains("error: 'title' is missing [required]"),
                 planted.out.constData());
    }

    void plantedDate()
    {
        QVERIFY(frontis({QStringLiteral("schema"), QStringLiteral("infer"), m_site,
                         QStringLiteral("--output=") + schemaFile()})
                    .code == 0);
        const QByteArray schema = testutil::readAll(schemaFile());
        QVERIFY2(schema.contains("  - key: date\n    type: datetime\n") ||
                     schema.contains("  - key: date\n    type: date\n"),
                 schema.constData());
        const QString post = m_site + QStringLiteral("/planted.md");
        QVERIFY(testutil::writeAll(post, "---\ntitle: Planted\ndate: next tuesday\n---\nText\n"));
        const Run planted =
            frontis({QStringLiteral("validate"), QStringLiteral("--no-cache"), post});
        QCOMPARE(planted.code, 1);
        QVERIFY2(planted.out.contains("planted.md:3:7: error: 'date' must be a date"),
                 planted.out.constData());
    }

    // An existing file is kept unless --force says otherwise.
    void outputIsNotOverwritten()
    {
        QVERIFY(QDir().mkpath(QFileInfo(schemaFile()).absolutePath()));
        QVERIFY(testutil::writeAll(schemaFile(), "name: mine\n"));
        const Run refused = frontis({QStringLiteral("schema"), QStringLiteral("infer"), m_site,
                                     QStringLiteral("--output"), schemaFile()});
        QCOMPARE(refused.code, 2);
        QVERIFY2(refused.err.contains(schemaFile() + QStringLiteral(": error: the file exists")),
                 qPrintable(refused.err));
        QCOMPARE(testutil::readAll(schemaFile()), QByteArray("name: mine\n"));

        const Run forced =
            frontis({QStringLiteral("schema"), QStringLiteral("infer"), m_site,
                     QStringLiteral("--output"), schemaFile(), QStringLiteral("--force")});
        QCOMPARE(forced.code, 0);
        QVERIFY(testutil::readAll(schemaFile()).startsWith("# Inferred by"));
    }

    void usageAndInputErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no subcommand")
            << QStringList{QStringLiteral("schema")} << "frontis: schema takes a subcommand: infer";
        QTest::newRow("unknown subcommand")
            << QStringList{QStringLiteral("schema"), QStringLiteral("guess")}
            << "frontis: schema: unknown subcommand 'guess'";
        QTest::newRow("no path") << QStringList{QStringLiteral("schema"), QStringLiteral("infer")}
                                 << "frontis: schema infer takes at least one FILE or FOLDER";
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("schema"), QStringLiteral("infer"),
                           QStringLiteral("--frobnicate"), QStringLiteral("site")}
            << "frontis: schema infer: unknown option '--frobnicate'";
        QTest::newRow("output without a value")
            << QStringList{QStringLiteral("schema"), QStringLiteral("infer"),
                           QStringLiteral("site"), QStringLiteral("--output")}
            << "frontis: schema infer: --output needs a value";
        QTest::newRow("missing folder")
            << QStringList{QStringLiteral("schema"), QStringLiteral("infer"),
                           QStringLiteral("nowhere")}
            << "nowhere: error: ";
    }

    void usageAndInputErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = frontis(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.startsWith(message), qPrintable(r.err));
        QCOMPARE(r.out, QByteArray());
    }

    // An article that does not parse is named and left out; the others still make a schema.
    void brokenArticleIsLeftOut()
    {
        QVERIFY(testutil::writeAll(m_site + QStringLiteral("/broken.md"), "---\ntitle: [x\n---\n"));
        const Run r = frontis({QStringLiteral("schema"), QStringLiteral("infer"), m_site});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QStringLiteral("broken.md:")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("(left out of the schema)")));
        QVERIFY(r.out.startsWith("# Inferred by `frontis schema infer` from 13 articles."));
    }

    void inHelp()
    {
        const Run r = frontis({QStringLiteral("--help")});
        QVERIFY(r.out.contains("frontis schema infer PATH... [--output FILE] [--force]"));
    }
};

QTEST_GUILESS_MAIN(TestSchemaCommand)
#include "tst_schemacommand.moc"
