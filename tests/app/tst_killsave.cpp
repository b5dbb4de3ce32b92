// Kills `frontis set` (SIGKILL) again and again while it saves, and checks after every kill that
// the article is whole: it parses and is byte for byte either the old or the new version.
#include "../model/testutil.h"
#include "model/yaml/document.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <random>
#include <spawn.h>
#include <sys/inotify.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

using namespace frontis;

namespace {

constexpr int WantedKills = 200;
constexpr int MaxRuns = 1000; // kills that come too late do not count; this bounds the test anyway

// The headless command line, started directly so that the kill lands when we choose.
class Child
{
public:
    explicit Child(const QStringList& args)
    {
        QList<QByteArray> argv8{QByteArrayLiteral(FRONTIS_EXECUTABLE)};
        for (const QString& a : args)
            argv8 << a.toLocal8Bit();
        std::vector<char*> argv;
        for (QByteArray& a : argv8)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        std::vector<char*> env; // no display: the command line must not need one
        for (char** e = environ; *e; ++e) {
            const QByteArray var(*e);
            if (var.startsWith("ASAN_OPTIONS=")) {
                // Under AddressSanitizer: a kill that lands during the leak check at exit makes
                // LeakSanitizer's helper report that it lost the thread it was stopping. The
                // leak check of these commands belongs to the tests that let them finish.
                m_asanOptions = var + ":detect_leaks=0";
                env.push_back(m_asanOptions.data());
            } else if (!var.startsWith("DISPLAY=") && !var.startsWith("WAYLAND_DISPLAY=") &&
                       !var.startsWith("QT_QPA_PLATFORM=")) {
                env.push_back(*e);
            }
        }
        env.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
        if (posix_spawn(&m_pid, argv.front(), &actions, nullptr, argv.data(), env.data()) != 0)
            m_pid = -1;
        posix_spawn_file_actions_destroy(&actions);
    }
    ~Child()
    {
        if (m_pid > 0 && !m_reaped) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    bool started() const { return m_pid > 0; }
    bool exited()
    {
        if (!m_reaped && ::waitpid(m_pid, &m_status, WNOHANG) == m_pid)
            m_reaped = true;
        return m_reaped;
    }
    // Kills it now (if it still runs) and reaps it; true when the kill is what ended it.
    bool killNow()
    {
        if (!exited()) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, &m_status, 0);
            m_reaped = true;
        }
        return WIFSIGNALED(m_status) && WTERMSIG(m_status) == SIGKILL;
    }
    int exitCode()
    {
        while (!exited())
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return WIFEXITED(m_status) ? WEXITSTATUS(m_status) : -1;
    }

private:
    pid_t m_pid = -1;
    int m_status = 0;
    bool m_reaped = false;
    QByteArray m_asanOptions;
};

} // namespace

class TestKillSave : public QObject
{
    Q_OBJECT

private:
    // In the build tree, on a real disk: /tmp may be a tmpfs, where flushing to disk costs nothing
    // and saves are too short to be hit often.
    QTemporaryDir m_dir{QStringLiteral(FRONTIS_BINARY_DIR "/tst_killsave-XXXXXX")};
    QString m_path;
    QByteArray m_old; // the two versions the file may be in
    QByteArray m_new;
    QString m_oldValue;
    QString m_newValue;
    const QString m_key = QStringLiteral("author");

    QByteArray withValue(const QByteArray& base, const QString& value)
    {
        Result<Document> d = Document::fromBytes(base);
        if (!d || d->setLiteral(d->frontMatter().resolve(m_key), value))
            qFatal("cannot prepare the test article");
        return d->bytes();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("article.md"));
        QByteArray base = testutil::readAll(testutil::seedPath());
        if (base.isEmpty())
            base = "---\ntitle: A question\nauthor: Someone\nscore: -1.0\n---\n\n&nbsp;";
        // A longer body makes the save a larger part of the process's short life, so that more
        // kills land inside it; the body is never parsed, only carried.
        for (int i = 0; i < 4000; ++i)
            base += "\nA line of the article body, carried through every save unchanged.";
        // Versions of different lengths: a mix of the two would show.
        m_oldValue = QStringLiteral("Old author");
        m_newValue = QStringLiteral("New author ").repeated(300).trimmed();
        m_old = withValue(base, m_oldValue);
        m_new = withValue(base, m_newValue);
        QVERIFY(m_old != m_new);
        QVERIFY(testutil::writeAll(m_path, m_old));
    }

    void uninterruptedSetWritesTheNewVersion()
    {
        Child c({QStringLiteral("set"), m_path, m_key, m_newValue});
        QVERIFY(c.started());
        QCOMPARE(c.exitCode(), 0);
        QCOMPARE(testutil::readAll(m_path), m_new);
        Child back({QStringLiteral("set"), m_path, m_key, m_oldValue});
        QCOMPARE(back.exitCode(), 0);
        QCOMPARE(testutil::readAll(m_path), m_old);
    }

    void refusalsExitWith2AndWriteNothing()
    {
        // A read-only article: `set` refuses like the window does, and says why.
        QVERIFY(testutil::writeAll(m_path, m_old));
        QVERIFY(QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::ReadGroup));
        QProcess p;
        p.start(QStringLiteral(FRONTIS_EXECUTABLE),
                {QStringLiteral("set"), m_path, m_key, m_newValue});
        QVERIFY(p.waitForFinished(30000));
        QVERIFY(QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                  QFileDevice::ReadGroup));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 2);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(QLatin1String("read-only")), qPrintable(err));
        QVERIFY(err.startsWith(m_path + QLatin1String(": error: ")));
        QCOMPARE(testutil::readAll(m_path), m_old);
    }

    void killsDuringSavesNeverBreakTheFile()
    {
        // How long a whole run takes here, to spread "anywhere" kills over its life.
        QElapsedTimer clock;
        std::vector<qint64> runs;
        for (int i = 0; i < 3; ++i) {
            clock.start();
            Child c({QStringLiteral("set"), m_path, m_key, i % 2 ? m_oldValue : m_newValue});
            QCOMPARE(c.exitCode(), 0);
            runs.push_back(clock.nsecsElapsed() / 1000);
        }
        std::sort(runs.begin(), runs.end());
        const qint64 lifeUs = std::max<qint64>(runs[1], 15000);
        QVERIFY(testutil::writeAll(m_path, m_old));

        // Half the kills come 0-15 ms after the process opens the article (reading, editing and
        // writing the new copy follow within milliseconds), half at any moment of its run. The
        // folder's events tell how far each killed run had got.
        const int watch = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        QVERIFY(watch >= 0);
        QVERIFY(inotify_add_watch(watch, QFile::encodeName(m_dir.path()).constData(),
                                  IN_OPEN | IN_MOVED_TO) >= 0);
        alignas(inotify_event) char events[64 * 1024];
        // Which of the article's events are queued: bit 1 opened, bit 2 replaced by a rename.
        auto progress = [&] {
            int seen = 0;
            for (ssize_t n; (n = ::read(watch, events, sizeof events)) > 0;) {
                for (ssize_t at = 0; at < n;) {
                    const auto* e = reinterpret_cast<const inotify_event*>(events + at);
                    if (e->len > 0 && qstrcmp(e->name, "article.md") == 0)
                        seen |= (e->mask & IN_MOVED_TO) ? 2 : 1;
                    at += ssize_t(sizeof(inotify_event)) + e->len;
                }
            }
            return seen;
        };
        std::mt19937 rng(20241126);
        std::uniform_int_distribution<int> saveDelayUs(0, 15000);
        std::uniform_int_distribution<qint64> anyDelayUs(0, lifeUs);

        int kills = 0, runsDone = 0, keptOld = 0, gotNew = 0, leftovers = 0, finished = 0;
        int killedBeforeReading = 0, killedMidSave = 0, killedAfterRename = 0;
        QByteArray current = m_old;
        clock.start();
        while (kills < WantedKills && runsDone < MaxRuns) {
            ++runsDone;
            const bool toNew = current == m_old;
            const bool inSave = runsDone % 2 == 0;
            progress(); // forget our own reads
            Child c({QStringLiteral("set"), m_path, m_key, toNew ? m_newValue : m_oldValue});
            QVERIFY(c.started());
            if (inSave) {
                pollfd p{watch, POLLIN, 0};
                for (int waited = 0; waited < 10000 && !c.exited() && ::poll(&p, 1, 1) == 0;
                     ++waited) {
                }
                std::this_thread::sleep_for(std::chrono::microseconds(saveDelayUs(rng)));
            } else {
                std::this_thread::sleep_for(std::chrono::microseconds(anyDelayUs(rng)));
            }
            if (c.killNow()) {
                ++kills;
                const int seen = progress();
                if (seen & 2)
                    ++killedAfterRename;
                else if (seen & 1)
                    ++killedMidSave;
                else
                    ++killedBeforeReading;
            } else {
                ++finished;
            }

            // Whatever moment the kill hit: the old version or the new one, whole.
            const QByteArray now = testutil::readAll(m_path);
            QVERIFY2(now == m_old || now == m_new,
                     qPrintable(QStringLiteral("run %1: the article is neither version (%2 bytes)")
                                    .arg(runsDone)
                                    .arg(now.size())));
            const Result<Document> parsed = Document::load(m_path);
            if (!parsed)
                QFAIL(qPrintable(
                    QStringLiteral("run %1: %2").arg(runsDone).arg(parsed.error().message)));
            QCOMPARE(parsed->find({m_key})->text, now == m_new ? m_newValue : m_oldValue);
            if (now == current)
                ++keptOld;
            else
                ++gotNew;
            current = now;

            // Where the new copy is a named file (no O_TMPFILE), a kill before the rename leaves it
            // behind: named after the article but never ending in .md, so no one takes it for one.
            const QStringList left = QDir(m_dir.path()).entryList(QDir::Files);
            for (const QString& name : left) {
                if (name == QLatin1String("article.md"))
                    continue;
                QVERIFY2(name.startsWith(QLatin1String("article.md.")) &&
                             !name.endsWith(QLatin1String(".md")),
                         qPrintable(name));
                ++leftovers;
                QVERIFY(QFile::remove(m_dir.filePath(name)));
            }
        }
        ::close(watch);
        qInfo("%d runs in %lld ms, %d finished before their kill; of %d kills, %d came before the "
              "article was read, %d while it was read, edited and written, %d after the rename; "
              "%d temporary copies left; the article kept its old version %d times and took the "
              "new one %d times",
              runsDone, clock.elapsed(), finished, kills, killedBeforeReading, killedMidSave,
              killedAfterRename, leftovers, keptOld, gotNew);
        QVERIFY2(
            kills >= WantedKills,
            qPrintable(QStringLiteral("only %1 kills landed in %2 runs").arg(kills).arg(runsDone)));
        if (killedMidSave == 0)
            qWarning("no kill landed in the middle of a save on this machine; only the edges were "
                     "covered");
    }
};

QTEST_GUILESS_MAIN(TestKillSave)
#include "tst_killsave.moc"
