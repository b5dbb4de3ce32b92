// The Values view (issue 19) on copies of corpus sites and the QuickTakes seed: which keys it
// lists (every select or tags field, every key written as a list), each value's count as PyYAML
// reads them, a tags string entry by entry, and Rename from it.
#include "folderchangefixture.h"

using namespace frontis;
using namespace frontis::testing;

class TestValuesView : public QObject, public FolderChangeFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { setUpFixture("tst_valuesview"); }
    void init() { resetAnswers(); }
    void cleanup() { tearDownWindows(); }

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

    // The Values view lists every key some article writes as a list of values, not only the
    // Articles list's columns.
    void valuesViewListsEveryListKey()
    {
        const QString root = copySite("jekyll__jekyll");
        if (root.isEmpty())
            QSKIP("the corpus is not here");
        QString why;
        const QStringList lists = yamlListKeys(root, &why);
        QVERIFY2(!lists.isEmpty(), qPrintable(why));
        MainWindow* w = openFolder(root);
        QVERIFY(w);
        ValuesView* values = w->folderDocks()->valuesView();
        QStringList listed;
        for (int i = 0; i < values->keyBox()->count(); ++i)
            listed << values->keyBox()->itemData(i).toString();
        const QStringList columns = FolderSession::instance().articles()->columnKeys();
        bool beyondColumns = false;
        for (const QString& key : lists) {
            QVERIFY2(listed.contains(key),
                     qPrintable(key + QStringLiteral(" not in ") + listed.join(QLatin1Char(' '))));
            beyondColumns = beyondColumns || !columns.contains(key);
        }
        QVERIFY2(beyondColumns, qPrintable(columns.join(QLatin1Char(' '))));
        // Each one counts its values as PyYAML reads them: a column's in every article, another
        // key's in the articles that write it as a list (an article's summary does not know that
        // another one makes its plain value a choice).
        for (const QString& key : lists) {
            if (key.contains(QLatin1Char('.')))
                continue; // yamlCounts reads top-level keys
            QVERIFY(values->showKey(key));
            QHash<QString, int> shown;
            for (int row = 0; row < values->rowCount(); ++row) {
                const QModelIndex value =
                    values->view()->model()->index(row, ValuesView::ValueColumn);
                shown.insert(value.data().toString(),
                             value.siblingAtColumn(ValuesView::CountColumn).data().toInt());
            }
            QCOMPARE(shown, yamlCounts(root, key, &why, !columns.contains(key)));
        }
    }

    // A tags field the schema keeps in one string and that is no list column (QuickTakes'
    // seo.page_keywords) is listed entry by entry, and renaming one changes only its characters.
    void valuesViewListsSchemaTagsFields()
    {
        const QString seed = testutil::seedPath();
        if (seed.isEmpty())
            QSKIP("no seed article in FRONTIS_SHARED_DIR");
        const QString root = m_tmp.path() + QStringLiteral("/seed") + QString::number(++m_copies);
        QVERIFY(QDir().mkpath(root));
        const QString path = root + QStringLiteral("/article.md");
        QVERIFY(testutil::copyWritable(seed, path));
        const QByteArray before = testutil::readAll(path);
        MainWindow* w = openFolder(root);
        QVERIFY(w);
        ValuesView* values = w->folderDocks()->valuesView();
        const QString key = QStringLiteral("seo.page_keywords");
        QVERIFY(!FolderSession::instance().articles()->columnKeys().contains(key));
        QVERIFY(values->showKey(key));
        QCOMPARE(values->keyBox()->currentText(), QStringLiteral("Keywords"));
        const qsizetype at = before.indexOf("page_keywords: >-\n");
        QVERIFY(at > 0);
        const qsizetype from = before.indexOf('\n', at) + 1;
        const qsizetype to = before.indexOf('\n', from);
        QStringList keywords;
        for (const QString& k :
             QString::fromUtf8(before.mid(from, to - from)).split(QLatin1Char(',')))
            keywords << k.trimmed();
        QCOMPARE(values->rowCount(), keywords.size());
        QCOMPARE(values->pathsOf(QStringLiteral("GPUs")), QStringList{path});

        m_newValue = QStringLiteral("graphics cards");
        values->selectValues({QStringLiteral("GPUs")});
        const QHash<QString, Snapshot> was = snapshot(root);
        const Outcome renamed =
            runChange(w, root, was, [values] { values->renameButton()->click(); });
        QVERIFY(renamed.wrote);
        QByteArray expected = before;
        const qsizetype gpus = expected.indexOf("GPUs", from);
        QVERIFY(gpus > 0 && gpus < to);
        expected.replace(gpus, 4, "graphics cards");
        QCOMPARE(renamed.files.value(path).bytes, expected);
        QTRY_COMPARE(values->pathsOf(QStringLiteral("graphics cards")), QStringList{path});
    }
};

QTEST_MAIN(TestValuesView)
#include "tst_valuesview.moc"
