// What the window tests of folder changes share (issue 19): copies of corpus sites, the prompts
// answered from members, the folder's bytes and times before and after, PyYAML's reading of
// a key's values, and running one change from its button to its end.
#pragma once

#include "../model/testutil.h"
#include "app/folderchanges.h"
#include "app/folderdocks.h"
#include "app/folderprompts.h"
#include "app/foldersession.h"
#include "app/mainwindow.h"
#include "app/prompts.h"
#include "app/replaceinfolderdialog.h"
#include "editor/articleeditor.h"
#include "editor/folder/articlefiltermodel.h"
#include "editor/folder/articlelistmodel.h"
#include "editor/folder/folderpanel.h"
#include "editor/folder/valuesview.h"
#include "editor/form/fieldform.h"
#include "model/site/sitechangejournal.h"
#include "model/yaml/document.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

#include <algorithm>
#include <atomic>
#include <functional>

namespace frontis::testing {

// A base of the test classes (beside QObject): every member is the tests' to use.
struct FolderChangeFixture
{
    QTemporaryDir m_tmp;
    QStringList m_warnings;
    // What the prompts were asked and answer.
    QString m_newValue;
    std::optional<FolderPrompts::ChangeFieldAnswer> m_fieldAnswer;
    QList<FolderChangeDialog::File> m_reviewed;
    QString m_reviewedWhat;
    bool m_apply = true;
    QStringList m_unsavedNames;
    bool m_saveFirst = false;
    QStringList m_undoOverEdits;
    bool m_undoAnyway = false;
    QStringList m_diskAsked;          // windows asked about a change on disk under their edits
    std::function<void()> m_onReview; // runs when a change is shown for review

    static QString corpusSite(const char* name)
    {
        return testutil::sharedDir() + QStringLiteral("/corpus/real/") + QLatin1String(name);
    }

    // A fresh copy of a corpus site below the temporary folder; empty (and the test skipped by
    // the caller) where the corpus is absent.
    QString copySite(const char* name)
    {
        const QString from = corpusSite(name);
        if (!QFileInfo(from).isDir())
            return {};
        const QString to =
            m_tmp.path() + QLatin1Char('/') + QLatin1String(name) + QString::number(++m_copies);
        QDir().mkpath(to);
        QDirIterator it(from, {QStringLiteral("*.md")}, QDir::Files);
        while (it.hasNext()) {
            it.next();
            if (!testutil::copyWritable(it.filePath(), to + QLatin1Char('/') + it.fileName()))
                return {};
        }
        return to;
    }
    int m_copies = 0;

    struct Snapshot
    {
        QByteArray bytes;
        QDateTime modified;
    };
    static QHash<QString, Snapshot> snapshot(const QString& root)
    {
        QHash<QString, Snapshot> out;
        QDirIterator it(root, {QStringLiteral("*.md")}, QDir::Files);
        while (it.hasNext()) {
            it.next();
            out.insert(it.filePath(), {testutil::readAll(it.filePath()),
                                       it.fileInfo().fileTime(QFileDevice::FileModificationTime)});
        }
        return out;
    }

    static void waitIndexed()
    {
        FolderIndexer& indexer = FolderSession::instance().indexer();
        QTRY_VERIFY_WITH_TIMEOUT(!indexer.isBusy(), 30000);
    }

    // A window on the folder at `root`, indexed.
    static MainWindow* openFolder(const QString& root)
    {
        if (!FolderSession::instance().open(root))
            return nullptr;
        waitIndexed();
        auto* w = new MainWindow;
        w->show();
        return w;
    }

    // Each value of `key` in the front matter of the `.md` files below `root` and how many
    // files have it, as PyYAML reads them (a second reader, not ours). `listsOnly`: only the
    // files that write it as a list count.
    static QHash<QString, int> yamlCounts(const QString& root, const QString& key, QString* why,
                                          bool listsOnly = false)
    {
        const char* script = R"(
import json, os, sys, yaml
root, key, lists_only = sys.argv[1], sys.argv[2], sys.argv[3] == '1'
counts = {}
for name in sorted(os.listdir(root)):
    if not name.endswith('.md'):
        continue
    text = open(os.path.join(root, name), encoding='utf-8-sig').read().replace('\r\n', '\n')
    if not text.startswith('---\n'):
        continue
    end = text.find('\n---', 4)
    try:
        data = yaml.safe_load(text[4:end]) or {}
    except yaml.YAMLError:
        continue
    value = data.get(key) if isinstance(data, dict) else None
    scalar = [] if lists_only or value in (None, '') else [value]
    items = value if isinstance(value, list) else scalar
    for v in set(str(i) for i in items if i not in (None, '')):
        counts[v] = counts.get(v, 0) + 1
print(json.dumps(counts))
)";
        QProcess p;
        p.start(QStringLiteral("/usr/bin/python3"),
                {QStringLiteral("-c"), QString::fromUtf8(script), root, key,
                 listsOnly ? QStringLiteral("1") : QStringLiteral("0")});
        if (!p.waitForFinished(60000) || p.exitCode() != 0) {
            *why = QString::fromUtf8(p.readAllStandardError());
            return {};
        }
        QHash<QString, int> out;
        const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(it.key(), it.value().toInt());
        return out;
    }

    // The keys (dotted, nested maps walked) that some `.md` file below `root` writes as a list
    // of values, as PyYAML reads them.
    static QStringList yamlListKeys(const QString& root, QString* why)
    {
        const char* script = R"(
import json, os, sys, yaml
root = sys.argv[1]
keys = set()
def walk(node, at, depth):
    if not isinstance(node, dict) or depth > 8:
        return
    for k, v in node.items():
        key = at + [str(k)]
        if isinstance(v, list) and v and all(not isinstance(i, (dict, list)) for i in v):
            if any(i is not None and str(i).strip() for i in v):
                keys.add('.'.join(key))
        else:
            walk(v, key, depth + 1)
for name in sorted(os.listdir(root)):
    if not name.endswith('.md'):
        continue
    text = open(os.path.join(root, name), encoding='utf-8-sig').read().replace('\r\n', '\n')
    if not text.startswith('---\n'):
        continue
    end = text.find('\n---', 4)
    try:
        walk(yaml.safe_load(text[4:end]), [], 0)
    except yaml.YAMLError:
        continue
print(json.dumps(sorted(keys)))
)";
        QProcess p;
        p.start(QStringLiteral("/usr/bin/python3"),
                {QStringLiteral("-c"), QString::fromUtf8(script), root});
        if (!p.waitForFinished(60000) || p.exitCode() != 0) {
            *why = QString::fromUtf8(p.readAllStandardError());
            return {};
        }
        QStringList out;
        for (const QJsonValue& v : QJsonDocument::fromJson(p.readAllStandardOutput()).array())
            out << v.toString();
        return out;
    }

    // Waits for the window's folder change to end; returns whether it wrote files.
    static bool waitChange(QSignalSpy& done)
    {
        if (done.isEmpty() && !done.wait(60000))
            return false;
        const bool applied = done.takeFirst().at(0).toBool();
        waitIndexed();
        return applied;
    }

    // What a folder change did, seen from the disk.
    struct Outcome
    {
        bool wrote = false;             // the change ended with files written
        QHash<QString, Snapshot> files; // the folder afterwards
        QStringList changed;            // the files whose bytes differ from before, sorted
        bool othersKept = false;        // every file but those and `written` kept its bytes
                                        // and time
    };

    // Starts a folder change of `w` with `start` (a click or an action), lets the prompts above
    // answer its review, waits until it ends and the index has taken it in, and compares the
    // folder below `root` with `before`. `written`: files the change may rewrite with the bytes
    // they had in `before` (an undo).
    static Outcome runChange(MainWindow* w, const QString& root,
                             const QHash<QString, Snapshot>& before,
                             const std::function<void()>& start, const QStringList& written = {})
    {
        QSignalSpy done(w->folderChanges(), &FolderChanges::done);
        start();
        Outcome out;
        out.wrote = waitChange(done);
        out.files = snapshot(root);
        out.changed = changedBetween(before, out.files);
        out.othersKept = othersUntouched(before, out.files, out.changed + written);
        return out;
    }

    // The paths whose bytes differ between two snapshots.
    static QStringList changedBetween(const QHash<QString, Snapshot>& a,
                                      const QHash<QString, Snapshot>& b)
    {
        QStringList out;
        for (auto it = a.begin(); it != a.end(); ++it) {
            if (b.value(it.key()).bytes != it->bytes)
                out << it.key();
        }
        out.sort();
        return out;
    }

    // Every file of `before` not in `changed` kept its bytes and its modification time.
    static bool othersUntouched(const QHash<QString, Snapshot>& before,
                                const QHash<QString, Snapshot>& now, const QStringList& changed)
    {
        for (auto it = before.begin(); it != before.end(); ++it) {
            if (changed.contains(it.key()))
                continue;
            const Snapshot s = now.value(it.key());
            if (s.bytes != it->bytes || s.modified != it->modified) {
                qWarning("%s was touched", qPrintable(it.key()));
                return false;
            }
        }
        return true;
    }

    // Where the front matter ends in `bytes`: the offset of the closing fence's line.
    static qsizetype frontMatterEnd(const QByteArray& bytes)
    {
        const qsizetype lf = bytes.indexOf("\n---", 3);
        return lf < 0 ? 0 : lf + 1;
    }

    // initTestCase: settings and cache in test places, every prompt answered from the members.
    void setUpFixture(const char* appName)
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("FrontisTests"));
        QCoreApplication::setApplicationName(QString::fromLatin1(appName));
        QSettings().clear();
        FolderSession::instance().indexer().setCacheFolder(m_tmp.path() + QStringLiteral("/cache"));
        FolderSession::instance().indexer().setDelay(50);
        Prompts& p = Prompts::instance();
        p.askUnsaved = [](QWidget*, const QString&) { return Prompts::Choice::Discard; };
        p.warn = [this](QWidget*, const QString& title, const QString& text) {
            m_warnings << title + QLatin1Char('|') + text;
        };
        p.askRecover = [](QWidget*, const QString&, const QString&) {
            return Prompts::RecoveryChoice::Discard;
        };
        FolderPrompts& f = FolderPrompts::instance();
        f.askValue = [this](QWidget*, const QString&, const QString&, const QString&,
                            const QStringList&) { return m_newValue; };
        f.askChangeField = [this](QWidget*, const QStringList&, int) { return m_fieldAnswer; };
        f.reviewChange = [this](QWidget*, const QString&, const QString& what, const QString&,
                                const QList<FolderChangeDialog::File>& files) {
            m_reviewedWhat = what;
            m_reviewed = files;
            if (m_onReview)
                m_onReview();
            return m_apply;
        };
        f.saveBeforeChange = [this](QWidget*, const QStringList& names) {
            m_unsavedNames = names;
            return m_saveFirst;
        };
        f.undoOverEdits = [this](QWidget*, const QStringList& names) {
            m_undoOverEdits = names;
            return m_undoAnyway;
        };
        p.askDiskChanged = [this](QWidget*, const QString& name) {
            m_diskAsked << name;
            return Prompts::DiskChoice::KeepMine;
        };
    }

    // init: the answers back to their defaults.
    void resetAnswers()
    {
        m_reviewed.clear();
        m_reviewedWhat.clear();
        m_apply = true;
        m_unsavedNames.clear();
        m_saveFirst = false;
        m_undoOverEdits.clear();
        m_undoAnyway = false;
        m_diskAsked.clear();
        m_onReview = {};
    }

    // cleanup: every window closed, the folder closed, no warning left unread.
    void tearDownWindows()
    {
        for (MainWindow* w : MainWindow::windows())
            w->close();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QVERIFY(MainWindow::windows().isEmpty());
        FolderSession::instance().close();
        QVERIFY2(m_warnings.isEmpty(), qPrintable(m_warnings.join(QLatin1Char('\n'))));
        m_warnings.clear();
    }
};

} // namespace frontis::testing
