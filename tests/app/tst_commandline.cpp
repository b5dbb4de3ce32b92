// The headless command line, run as the real `frontis` executable on real files.
#include "../model/testutil.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCommandLine : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QByteArray m_seed;
    QString m_file;

    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };

    Run frontis(const QStringList& args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY")); // headless: no display may be needed
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(FRONTIS_EXECUTABLE), args);
        p.waitForFinished(30000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
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
        m_file = m_dir.filePath(QStringLiteral("article.md"));
        QVERIFY(testutil::writeAll(m_file, m_seed));
    }

    void helpAndVersion()
    {
        const Run help = frontis({QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains(QLatin1String("frontis get FILE KEY")));
        QVERIFY(help.out.contains(QLatin1String("frontis set FILE KEY VALUE [--dry-run]")));
        const Run version = frontis({QStringLiteral("--version")});
        QCOMPARE(version.code, 0);
        QVERIFY(version.out.startsWith(QLatin1String("frontis ")));
    }

    void getPrintsValues()
    {
        Run r = frontis({QStringLiteral("get"), m_file, QStringLiteral("seo.title")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QStringLiteral("QuickTakes | Computer Science\n"));
        r = frontis({QStringLiteral("get"), m_file, QStringLiteral("score")});
        QCOMPARE(r.out, QStringLiteral("-1.0\n"));
        r = frontis({QStringLiteral("get"), m_file, QStringLiteral("seo.nothing")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("no key 'seo.nothing'")));
    }

    void setChangesOnlyThatLine()
    {
        const Run r = frontis({QStringLiteral("set"), m_file, QStringLiteral("seo.title"),
                               QStringLiteral("QuickTakes | AI")});
        QCOMPARE(r.code, 0);
        QByteArray expected = m_seed;
        expected.replace("  title: QuickTakes | Computer Science\n", "  title: QuickTakes | AI\n");
        QCOMPARE(testutil::readAll(m_file), expected);
    }

    void setKeepsTypesAndQuotesStrings_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("float stays float") << "score"
                                           << "0.5" << QByteArray("\nscore: 0.5\n");
        QTest::newRow("int in float field") << "score"
                                            << "3" << QByteArray("\nscore: 3.0\n");
        QTest::newRow("negative value is not an option") << "score"
                                                         << "-2.5" << QByteArray("\nscore: -2.5\n");
        QTest::newRow("date stays date") << "date"
                                         << "2025-03-01" << QByteArray("\ndate: 2025-03-01\n");
        QTest::newRow("bool-like string") << "author"
                                          << "yes" << QByteArray("\nauthor: 'yes'\n");
        QTest::newRow("new key") << "draft"
                                 << "true" << QByteArray("\nscore: -1.0\ndraft: 'true'\n\n---");
        QTest::newRow("hash") << "author"
                              << "A # B" << QByteArray("\nauthor: 'A # B'\n");
    }

    void setKeepsTypesAndQuotesStrings()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QByteArray, line);
        const Run r = frontis({QStringLiteral("set"), m_file, key, value});
        QCOMPARE(r.code, 0);
        const QByteArray now = testutil::readAll(m_file);
        QVERIFY2(now.contains(line), now.constData());
        // A whole number set on a float field reads back in the field's float form.
        const QString readBack = value == QLatin1String("3") ? QStringLiteral("3.0") : value;
        QCOMPARE(frontis({QStringLiteral("get"), m_file, key}).out, readBack + QLatin1Char('\n'));
    }

    void dryRunPrintsDiffAndWritesNothing()
    {
        const Run r = frontis({QStringLiteral("set"), m_file, QStringLiteral("author"),
                               QStringLiteral("Ada"), QStringLiteral("--dry-run")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("--- %1\n+++ %1\n@@ ").arg(m_file)));
        QVERIFY(r.out.contains(QLatin1String("\n-author: QuickTakes\n+author: Ada\n")));
        QCOMPARE(testutil::readAll(m_file), m_seed);
    }

    void errorsNameThePlaceAndWriteNothing_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("yaml syntax") << QByteArray("---\na: 1\nb: [1, 2\n---\n")
                                     << "article.md:4:1: error: YAML syntax error";
        QTest::newRow("duplicate")
            << QByteArray("---\na: 1\na: 2\n---\n") << "article.md:3:1: error: duplicate key 'a'";
        QTest::newRow("no closing fence")
            << QByteArray("---\na: 1\n") << "article.md:1:1: error: no closing '---' fence";
        QTest::newRow("empty") << QByteArray() << "article.md:1:1: error: the file is empty";
    }

    void errorsNameThePlaceAndWriteNothing()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        QVERIFY(testutil::writeAll(m_file, bytes));
        const Run r =
            frontis({QStringLiteral("set"), m_file, QStringLiteral("a"), QStringLiteral("x")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(testutil::readAll(m_file), bytes);
        QCOMPARE(frontis({QStringLiteral("get"), m_file, QStringLiteral("a")}).code, 2);
    }

    void refusedEditExitsTwo()
    {
        QVERIFY(testutil::writeAll(m_file, "---\nbase: &b x\nref: *b\n---\n"));
        const Run r =
            frontis({QStringLiteral("set"), m_file, QStringLiteral("ref"), QStringLiteral("y")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("article.md:3:6: error: 'ref' cannot be edited")),
                 qPrintable(r.err));
        QCOMPARE(testutil::readAll(m_file), QByteArray("---\nbase: &b x\nref: *b\n---\n"));
    }

    void usageErrors()
    {
        QCOMPARE(frontis({QStringLiteral("get"), m_file}).code, 2);
        QCOMPARE(frontis({QStringLiteral("set"), m_file, QStringLiteral("a"), QStringLiteral("b"),
                          QStringLiteral("--bogus")})
                     .code,
                 2);
        const Run r = frontis({QStringLiteral("frobnicate")});
        QVERIFY(r.code != 0);
        QCOMPARE(frontis({QStringLiteral("get"), m_dir.filePath(QStringLiteral("missing.md")),
                          QStringLiteral("a")})
                     .code,
                 2);
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
