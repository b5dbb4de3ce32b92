// `frontis render`, run as the real executable.
#include "../model/testutil.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestRenderCommand : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_seed;

    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };

    static Run frontis(const QStringList& args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"DISPLAY"_s); // headless: rendering must not need a display
        env.remove(u"WAYLAND_DISPLAY"_s);
        env.remove(u"QT_QPA_PLATFORM"_s);
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
        m_seed = testutil::seedPath();
        if (m_seed.isEmpty())
            QSKIP("../shared/seed is absent (set FRONTIS_SHARED_DIR)");
    }

    void rendersTheSeed()
    {
        const Run r = frontis({u"render"_s, m_seed});
        QCOMPARE(r.code, 0);
        QVERIFY(r.err.isEmpty());
        QVERIFY(r.out.startsWith(u"<!DOCTYPE html>"_s));
        QVERIFY(r.out.contains(u"<style>"_s));
        QVERIFY(r.out.contains(u"background-color: #ffffff"_s)); // the light stylesheet
        QVERIFY(r.out.contains(
            u"<h1 class=\"title\">How have advancements in computing power influenced deep learning?</h1>"_s));
        QVERIFY(r.out.contains(u"Posted on Nov 26, 2024"_s));
        QCOMPARE(r.out.count(u"<li"_s), 5);
        QVERIFY(r.out.contains(u"\u2014from image classification"_s)); // UTF-8 on stdout
    }

    void darkAndFragment()
    {
        const Run dark = frontis({u"render"_s, u"--dark"_s, m_seed});
        QCOMPARE(dark.code, 0);
        QVERIFY(dark.out.contains(u"background-color: #161b22"_s));
        const Run fragment = frontis({u"render"_s, m_seed, u"--fragment"_s});
        QCOMPARE(fragment.code, 0);
        QVERIFY(fragment.out.startsWith(u"<div class=\"article\">"_s));
        QVERIFY(!fragment.out.contains(u"<style>"_s));
        QVERIFY(!fragment.out.contains(u"<html"_s));
    }

    void parseErrorHasPosition()
    {
        QVERIFY(m_dir.isValid());
        const QString broken = m_dir.filePath(u"broken.md"_s);
        QVERIFY(testutil::writeAll(broken, "---\ntitle: ok\nanswer: [unclosed\n---\n"));
        const Run r = frontis({u"render"_s, broken});
        QCOMPARE(r.code, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(QRegularExpression(u"^"_s + QRegularExpression::escape(broken) +
                                    u":\\d+:\\d+: error: "_s)
                     .match(r.err)
                     .hasMatch(),
                 qPrintable(r.err));
    }

    void usageErrors()
    {
        Run r = frontis({u"render"_s});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(u"render takes one FILE"_s));
        r = frontis({u"render"_s, m_seed, u"--bogus"_s});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(u"--bogus"_s));
        r = frontis({u"render"_s, m_dir.filePath(u"missing.md"_s)});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(u"missing.md"_s));
        QVERIFY(r.err.contains(u"error: "_s));
    }

    void helpMentionsRender()
    {
        const Run r = frontis({u"--help"_s});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(u"frontis render FILE"_s));
    }
};

QTEST_GUILESS_MAIN(TestRenderCommand)
#include "tst_rendercommand.moc"
