#include "../model/testutil.h"
#include "app/folderdocks.h"
#include "app/folderprompts.h"
#include "app/foldersession.h"
#include "app/mainwindow.h"
#include "app/prompts.h"
#include "editor/folder/articlefiltermodel.h"
#include "editor/folder/articlelistmodel.h"
#include "editor/folder/folderpanel.h"
#include "editor/folder/valuesview.h"

#include <QApplication>
#include <QComboBox>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace frontis;

// The window's changes across a folder (issue 19), on copies of corpus sites: the Articles list
// selecting many, the Values view's counts, Rename and Merge Into, Change Field, Replace in
// Folder and Undo Folder Change, each reviewed and applied; the exact bytes of the files that
// change are checked, and the others keep their bytes and modification times.
class TestSiteChanges : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QStringList m_warnings;

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
            if (!QFile::copy(it.filePath(), to + QLatin1Char('/') + it.fileName()))
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
    // files have it, as PyYAML reads them (a second reader, not ours).
    static QHash<QString, int> yamlCounts(const QString& root, const QString& key, QString* why)
    {
        const char* script = R"(
import json, os, sys, yaml
root, key = sys.argv[1], sys.argv[2]
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
    items = value if isinstance(value, list) else ([] if value in (None, '') else [value])
    for v in set(str(i) for i in items if i not in (None, '')):
        counts[v] = counts.get(v, 0) + 1
print(json.dumps(counts))
)";
        QProcess p;
        p.start(QStringLiteral("/usr/bin/python3"),
                {QStringLiteral("-c"), QString::fromUtf8(script), root, key});
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

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("FrontisTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_sitechanges"));
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
    }

    void cleanup()
    {
        for (MainWindow* w : MainWindow::windows())
            w->close();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QVERIFY(MainWindow::windows().isEmpty());
        FolderSession::instance().close();
        QVERIFY2(m_warnings.isEmpty(), qPrintable(m_warnings.join(QLatin1Char('\n'))));
        m_warnings.clear();
    }

    void valuesViewCountsEachValue()
    {
        const QString root = copySite("11ty__11ty-website");
        if (root.isEmpty())
            QSKIP("the corpus is not here");
        MainWindow* w = openFolder(root);
        QVERIFY(w);
        ValuesView* values = w->folderDocks()->valuesView();
        QVERIFY(values->showKey(QStringLiteral("tags")));
        QString why;
        const QHash<QString, int> expected = yamlCounts(root, QStringLiteral("tags"), &why);
        QVERIFY2(!expected.isEmpty(), qPrintable(why));
        QHash<QString, int> shown;
        QTreeView* view = values->view();
        for (int row = 0; row < values->rowCount(); ++row) {
            const QModelIndex value = view->model()->index(row, ValuesView::ValueColumn);
            shown.insert(value.data().toString(),
                         value.siblingAtColumn(ValuesView::CountColumn).data().toInt());
        }
        QCOMPARE(shown, expected);
        QVERIFY(expected.value(QStringLiteral("related-shortcodes")) >= 3);

        // The filter narrows the list as you type; Rename wants one value, Merge Into any.
        QTest::keyClicks(values->filterEdit(), QStringLiteral("related-sh"));
        QCOMPARE(values->rowCount(), 1);
        QVERIFY(!values->renameButton()->isEnabled());
        view->selectAll();
        QCOMPARE(values->selectedValues(), QStringList{QStringLiteral("related-shortcodes")});
        QVERIFY(values->renameButton()->isEnabled());
        QVERIFY(values->mergeButton()->isEnabled());
        values->filterEdit()->clear();

        // A double click on a value selects its articles in the list.
        values->selectValues({QStringLiteral("related-shortcodes")});
        const QModelIndex index = view->selectionModel()->selectedRows().first();
        Q_EMIT view->activated(index);
        const QStringList selected = w->folderDocks()->panel()->selectedPaths();
        QCOMPARE(selected.size(), expected.value(QStringLiteral("related-shortcodes")));
        for (const QString& path : selected)
            QVERIFY(testutil::readAll(path).contains("related-shortcodes"));
    }

    void articlesListSelectsMany()
    {
        const QString root = copySite("jekyll__jekyll");
        if (root.isEmpty())
            QSKIP("the corpus is not here");
        MainWindow* w = openFolder(root);
        QVERIFY(w);
        FolderPanel* panel = w->folderDocks()->panel();
        QTreeView* view = panel->view();
        QCOMPARE(view->selectionMode(), QAbstractItemView::ExtendedSelection);
        const int rows = panel->filterModel()->rowCount();
        QVERIFY(rows >= 20);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(panel->selectedPaths().size(), rows);
        // A click picks one, Ctrl+click adds one, Shift+click a range.
        const auto click = [view](int row, Qt::KeyboardModifiers modifiers) {
            const QRect r = view->visualRect(view->model()->index(row, 0));
            QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers, r.center());
        };
        click(1, {});
        QCOMPARE(panel->selectedPaths().size(), 1);
        click(3, Qt::ControlModifier);
        QCOMPARE(panel->selectedPaths().size(), 2);
        click(6, Qt::ShiftModifier);
        QCOMPARE(panel->selectedPaths().size(), 5); // row 1, and rows 3 (the anchor) to 6
        // The index changing (a new article) keeps the selection being made.
        QVERIFY(testutil::writeAll(root + QStringLiteral("/zz-new.md"), "---\ntitle: New\n---\n"));
        FolderSession::instance().indexer().refresh();
        waitIndexed();
        QTRY_COMPARE(panel->filterModel()->rowCount(), rows + 1);
        QCOMPARE(panel->selectedPaths().size(), 5);
    }
};

QTEST_MAIN(TestSiteChanges)
#include "tst_sitechanges.moc"
