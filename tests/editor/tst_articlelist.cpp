#include "../model/generatefolder.h"
#include "editor/folder/articlefiltermodel.h"
#include "editor/folder/articlelistmodel.h"
#include "editor/folder/folderpanel.h"
#include "editor/problems/problemsmodel.h"
#include "editor/problems/problemsview.h"
#include "model/folder/folderindexer.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSaveFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace frontis;
using namespace Qt::StringLiterals;

// The article list of a content folder: filtering, sorting, keyboard, the list following the
// disk, and the folder's Problems view.
class TestArticleList : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

    static ArticleSummary article(const QString& path, const QString& title, const QString& subject,
                                  const QString& id, int errors = 0, int warnings = 0)
    {
        ArticleSummary s;
        s.path = path;
        s.title = title;
        s.question = title;
        s.subject = subject;
        s.id = id;
        s.score = QStringLiteral("-1.0");
        s.keywords = subject.toLower() + QStringLiteral(", guide");
        s.date = QStringLiteral("2024-01-0") + id.right(1);
        // As the QuickTakes schema lists them (`columns: [subject, date, id, score]`).
        s.shown = {{u"subject"_s, u"Subject"_s, s.subject, true, false},
                   {u"date"_s, u"Date"_s, s.date, false, false},
                   {u"id"_s, u"ID"_s, s.id, false, false},
                   {u"score"_s, u"Score"_s, s.score, false, false}};
        for (int i = 0; i < errors; ++i)
            s.diagnostics << Diagnostic{Diagnostic::Severity::Error,
                                        QStringLiteral("required"),
                                        QStringLiteral("author"),
                                        3,
                                        1,
                                        QStringLiteral("missing")};
        for (int i = 0; i < warnings; ++i)
            s.diagnostics << Diagnostic{Diagnostic::Severity::Warning,
                                        QStringLiteral("max-length"),
                                        QStringLiteral("seo.page_description"),
                                        5,
                                        3,
                                        QStringLiteral("too long")};
        s.recount();
        return s;
    }

    static QList<ArticleSummary> sample()
    {
        return {article(QStringLiteral("/s/a.md"), QStringLiteral("Why is the sky blue?"),
                        QStringLiteral("Physics"), QStringLiteral("12")),
                article(QStringLiteral("/s/b.md"), QStringLiteral("How do cells divide?"),
                        QStringLiteral("Biology"), QStringLiteral("3"), 2, 0),
                article(QStringLiteral("/s/c.md"), QStringLiteral("What is inflation?"),
                        QStringLiteral("Economics"), QStringLiteral("101"), 0, 1),
                article(QStringLiteral("/s/d.md"), QStringLiteral("Why do stars shine?"),
                        QStringLiteral("physics"), QStringLiteral("7"), 1, 1)};
    }

    static QStringList titles(const QAbstractItemModel& m)
    {
        QStringList out;
        for (int r = 0; r < m.rowCount(); ++r)
            out << m.index(r, ArticleListModel::Title).data().toString();
        return out;
    }

    static QByteArray file(int id, const QString& question)
    {
        return QStringLiteral(
                   "---\n_schema: default\nid: %1\ntitle: %2\nquestion: %2\n---\n\n&nbsp;")
            .arg(id)
            .arg(question)
            .toUtf8();
    }

private Q_SLOTS:
    void filters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<bool>("errors");
        QTest::addColumn<bool>("warnings");
        QTest::addColumn<QStringList>("expected"); // sorted by title
        const QString sky = QStringLiteral("Why is the sky blue?");
        const QString cells = QStringLiteral("How do cells divide?");
        const QString inflation = QStringLiteral("What is inflation?");
        const QString stars = QStringLiteral("Why do stars shine?");
        QTest::newRow("everything") << QString() << QString() << false << false
                                    << QStringList{cells, inflation, stars, sky};
        QTest::newRow("one word, any case")
            << QStringLiteral("WHY") << QString() << false << false << QStringList{stars, sky};
        QTest::newRow("every word must occur")
            << QStringLiteral("why  blue") << QString() << false << false << QStringList{sky};
        QTest::newRow("keywords") << QStringLiteral("econom") << QString() << false << false
                                  << QStringList{inflation};
        QTest::newRow("id") << QStringLiteral("101") << QString() << false << false
                            << QStringList{inflation};
        QTest::newRow("subject, ignoring case")
            << QString() << QStringLiteral("Physics") << false << false << QStringList{stars, sky};
        QTest::newRow("with errors")
            << QString() << QString() << true << false << QStringList{cells, stars};
        QTest::newRow("with warnings")
            << QString() << QString() << false << true << QStringList{inflation, stars};
        QTest::newRow("with either")
            << QString() << QString() << true << true << QStringList{cells, inflation, stars};
        QTest::newRow("all filters at once") << QStringLiteral("shine") << QStringLiteral("physics")
                                             << true << false << QStringList{stars};
        QTest::newRow("nothing matches")
            << QStringLiteral("zebra") << QString() << false << false << QStringList{};
    }

    void filters()
    {
        QFETCH(QString, text);
        QFETCH(QString, subject);
        QFETCH(bool, errors);
        QFETCH(bool, warnings);
        QFETCH(QStringList, expected);
        ArticleListModel model;
        model.setArticles(sample());
        ArticleFilterModel filter;
        filter.setArticles(&model);
        filter.sort(ArticleListModel::Title);
        filter.setText(text);
        filter.setChoice(subject);
        filter.setProblems(errors, warnings);
        QCOMPARE(titles(filter), expected);
    }

    void sorts_data()
    {
        QTest::addColumn<QString>("column"); // a key, or the counts' "errors" and "warnings"
        QTest::addColumn<int>("order");
        QTest::addColumn<QStringList>("expected"); // ids, top to bottom
        QTest::newRow("id is a number")
            << u"id"_s << int(Qt::AscendingOrder) << QStringList{u"3"_s, u"7"_s, u"12"_s, u"101"_s};
        QTest::newRow("id, descending") << u"id"_s << int(Qt::DescendingOrder)
                                        << QStringList{u"101"_s, u"12"_s, u"7"_s, u"3"_s};
        QTest::newRow("title") << u"title"_s << int(Qt::AscendingOrder)
                               << QStringList{u"3"_s, u"101"_s, u"7"_s, u"12"_s};
        QTest::newRow("subject ignores case, then title")
            << u"subject"_s << int(Qt::AscendingOrder)
            << QStringList{u"3"_s, u"101"_s, u"7"_s, u"12"_s};
        QTest::newRow("errors first") << u"errors"_s << int(Qt::DescendingOrder)
                                      << QStringList{u"3"_s, u"7"_s, u"101"_s, u"12"_s};
        QTest::newRow("warnings first, errors break ties")
            << u"warnings"_s << int(Qt::DescendingOrder)
            << QStringList{u"7"_s, u"101"_s, u"3"_s, u"12"_s};
        QTest::newRow("date") << u"date"_s << int(Qt::AscendingOrder)
                              << QStringList{u"101"_s, u"12"_s, u"3"_s, u"7"_s};
    }

    void sorts()
    {
        QFETCH(QString, column);
        QFETCH(int, order);
        QFETCH(QStringList, expected);
        ArticleListModel model;
        model.setArticles(sample());
        ArticleFilterModel filter;
        filter.setArticles(&model);
        const int c = column == u"errors"_s     ? model.errorsColumn()
                      : column == u"warnings"_s ? model.warningsColumn()
                      : column == u"title"_s    ? int(ArticleListModel::Title)
                                                : model.columnOf(column);
        QVERIFY(c >= 0);
        filter.sort(c, Qt::SortOrder(order));
        QStringList ids;
        for (int r = 0; r < filter.rowCount(); ++r)
            ids << filter.index(r, model.columnOf(u"id"_s)).data().toString();
        QCOMPARE(ids, expected);
    }

    void updatesKeepRowsAndSelection()
    {
        ArticleListModel model;
        model.setArticles(sample());
        ArticleFilterModel filter;
        filter.setArticles(&model);
        filter.sort(ArticleListModel::Title);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const QPersistentModelIndex sky = model.index(model.rowOf(QStringLiteral("/s/a.md")), 0);

        QList<ArticleSummary> next = sample();
        next.removeAt(1); // b.md gone
        next[1] = article(QStringLiteral("/s/c.md"), QStringLiteral("What is deflation?"),
                          QStringLiteral("Economics"), QStringLiteral("101"), 3, 0); // changed
        next[1].size = 99;
        next << article(QStringLiteral("/s/e.md"), QStringLiteral("Are whales fish?"),
                        QStringLiteral("Biology"), QStringLiteral("55")); // added
        model.setArticles(next);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(changed.size(), 1);
        QVERIFY(sky.isValid());
        QCOMPARE(sky.data().toString(), QStringLiteral("Why is the sky blue?"));
        QCOMPARE(model.rowOf(QStringLiteral("/s/b.md")), -1);
        QCOMPARE(model.article(model.rowOf(QStringLiteral("/s/c.md"))).errors, 3);
        QCOMPARE(titles(filter),
                 (QStringList{u"Are whales fish?"_s, u"What is deflation?"_s,
                              u"Why do stars shine?"_s, u"Why is the sky blue?"_s}));
        // The errors column shows the count; no count, no text.
        const int c = model.rowOf(QStringLiteral("/s/c.md"));
        QCOMPARE(model.index(c, model.errorsColumn()).data().toString(), QStringLiteral("3"));
        QCOMPARE(model.index(c, model.warningsColumn()).data().toString(), QString());
        QVERIFY(!model.index(c, model.errorsColumn()).data(Qt::DecorationRole).isNull());
    }

    void panelFindsAndOpensWithTheKeyboard()
    {
        ArticleListModel model;
        model.setArticles(sample());
        FolderPanel panel(&model);
        panel.resize(600, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy opened(&panel, &FolderPanel::articleActivated);
        panel.updateChoices();
        // One spelling per subject whatever the case ("physics" and "Physics").
        QCOMPARE(panel.choiceBox()->count(), 4);
        QCOMPARE(panel.choiceBox()->itemText(0), QStringLiteral("Subject: all"));
        QVERIFY(!panel.choiceBox()->isHidden());
        QCOMPARE(panel.countLabel()->text(), QStringLiteral("4 articles"));

        // Type, Enter: the first match opens.
        panel.filterEdit()->setFocus();
        QTest::keyClicks(panel.filterEdit(), QStringLiteral("why"));
        QCOMPARE(panel.filterModel()->rowCount(), 2);
        QCOMPARE(panel.countLabel()->text(), QStringLiteral("2 of 4 articles"));
        QTest::keyClick(panel.filterEdit(), Qt::Key_Return);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.takeFirst().first().toString(), QStringLiteral("/s/d.md")); // "do" < "is"
        // Down moves through the list without leaving the filter box; Enter opens that one.
        QTest::keyClick(panel.filterEdit(), Qt::Key_Down);
        QTest::keyClick(panel.filterEdit(), Qt::Key_Enter);
        QCOMPARE(opened.takeFirst().first().toString(), QStringLiteral("/s/a.md"));
        QVERIFY(panel.filterEdit()->hasFocus());
        // Escape clears the filter.
        QTest::keyClick(panel.filterEdit(), Qt::Key_Escape);
        QCOMPARE(panel.filterModel()->rowCount(), 4);

        // Enter and a double click in the list open too.
        panel.view()->setFocus();
        panel.showCurrent(QStringLiteral("/s/c.md"));
        QCOMPARE(panel.view()->currentIndex().data().toString(),
                 QStringLiteral("What is inflation?"));
        QTest::keyClick(panel.view(), Qt::Key_Return);
        QCOMPARE(opened.takeFirst().first().toString(), QStringLiteral("/s/c.md"));
        const QRect row = panel.view()->visualRect(panel.view()->currentIndex());
        // A double click as the system delivers it: press and release, then the double click.
        QTest::mouseClick(panel.view()->viewport(), Qt::LeftButton, {}, row.center());
        QCOMPARE(opened.size(), 0); // a single click only selects
        QTest::mouseDClick(panel.view()->viewport(), Qt::LeftButton, {}, row.center());
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.takeFirst().first().toString(), QStringLiteral("/s/c.md"));

        // Subject and problem filters from their widgets.
        panel.choiceBox()->setCurrentIndex(
            panel.choiceBox()->findText(QStringLiteral("Physics"), Qt::MatchFixedString));
        QCOMPARE(panel.filterModel()->rowCount(), 2);
        panel.errorsButton()->click();
        QCOMPARE(panel.filterModel()->rowCount(), 1);
        panel.errorsButton()->click();
        // Subjects refreshed: the chosen one stays while it exists, else the filter is lifted.
        QList<ArticleSummary> fewer = sample();
        fewer.removeAt(2); // Economics gone
        model.setArticles(fewer);
        panel.updateChoices();
        QCOMPARE(panel.choiceBox()->count(), 3);
        QCOMPARE(panel.choiceBox()->currentText(), QStringLiteral("Physics"));
        fewer.removeAt(2);
        fewer.removeAt(0); // no physics left
        model.setArticles(fewer);
        panel.updateChoices();
        QCOMPARE(panel.choiceBox()->currentIndex(), 0);
        QCOMPARE(panel.filterModel()->rowCount(), 1);
    }

    // A site on the generic schema (Docsy, read in place): the list shows its dates and tags, not
    // QuickTakes' subject, ID and score, and the choice box filters by one tag.
    void columnsAndFilterFitTheSite()
    {
        const QString site = QStringLiteral(FRONTIS_SHARED_DIR) + u"/corpus/real/google__docsy"_s;
        if (!QFileInfo::exists(site))
            QSKIP("../shared/corpus/real is not there");
        FolderIndexer indexer;
        indexer.setCacheFolder(m_tmp.path() + QStringLiteral("/docsy-cache"));
        ArticleListModel model;
        connect(&indexer, &FolderIndexer::indexChanged, &model,
                [&] { model.setArticles(indexer.index().articles(), indexer.root()); });
        FolderPanel panel(&model);
        indexer.open(site);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 45, 10000);
        QCOMPARE(model.columnKeys(),
                 (QStringList{u"date"_s, u"categories"_s, u"tags"_s, u"draft"_s}));
        QCOMPARE(model.headerData(model.columnOf(u"tags"_s), Qt::Horizontal).toString(), u"Tags"_s);
        QCOMPARE(model.filterColumn(), model.columnOf(u"categories"_s));
        // Every row has a title: its own, its first heading, or its file's name; never a path.
        for (int r = 0; r < model.rowCount(); ++r) {
            const QString title = model.index(r, ArticleListModel::Title).data().toString();
            QVERIFY2(!title.isEmpty() && !title.contains(u'/'), qPrintable(title));
        }
        panel.updateChoices();
        QVERIFY(!panel.choiceBox()->isHidden());
        QCOMPARE(panel.choiceBox()->itemText(0), u"Categories: all"_s);
        QVERIFY(panel.choiceBox()->count() >= 2);
        const QString choice = panel.choiceBox()->itemText(1);
        panel.choiceBox()->setCurrentIndex(1);
        const int shown = panel.filterModel()->rowCount();
        QVERIFY(shown >= 1 && shown < model.rowCount());
        for (int r = 0; r < shown; ++r) {
            const QString value =
                panel.filterModel()->index(r, model.filterColumn()).data().toString();
            QVERIFY2(value.split(u", "_s).contains(choice), qPrintable(value));
        }
    }

    // The QuickTakes schema's `columns:` give the sample folder's list its columns.
    void quickTakesColumns()
    {
        const QString root = m_tmp.path() + QStringLiteral("/qt");
        QVERIFY(QDir().mkpath(root));
        QSaveFile f(root + QStringLiteral("/a.md"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("---\n_schema: default\nid: 7\ndate: 2024-01-05\nsubject: Physics\nscore: 2.5\n"
                "title: Why?\nquestion: Why?\n---\n\n&nbsp;");
        QVERIFY(f.commit());
        FolderIndexer indexer;
        indexer.setCacheFolder(m_tmp.path() + QStringLiteral("/qt-cache"));
        ArticleListModel model;
        connect(&indexer, &FolderIndexer::indexChanged, &model,
                [&] { model.setArticles(indexer.index().articles(), indexer.root()); });
        indexer.open(root);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 10000);
        QCOMPARE(model.columnKeys(), (QStringList{u"subject"_s, u"date"_s, u"id"_s, u"score"_s}));
        QCOMPARE(model.headerData(model.columnOf(u"id"_s), Qt::Horizontal).toString(), u"ID"_s);
        QVERIFY(model.isNumeric(model.columnOf(u"score"_s)));
        QCOMPARE(model.index(0, model.columnOf(u"subject"_s)).data().toString(), u"Physics"_s);
        QCOMPARE(model.filterColumn(), model.columnOf(u"subject"_s));
    }

    // A file added, changed and removed on disk shows up in the list.
    void listFollowsTheDisk()
    {
        const QString root = m_tmp.path() + QStringLiteral("/follow");
        QVERIFY(QDir().mkpath(root + QStringLiteral("/sub")));
        auto write = [](const QString& path, const QByteArray& bytes) {
            QSaveFile f(path);
            return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size() && f.commit();
        };
        QVERIFY(write(root + QStringLiteral("/a.md"), file(1, QStringLiteral("Alpha?"))));
        FolderIndexer indexer;
        indexer.setCacheFolder(m_tmp.path() + QStringLiteral("/cache"));
        indexer.setDelay(50);
        ArticleListModel model;
        connect(&indexer, &FolderIndexer::indexChanged, &model,
                [&] { model.setArticles(indexer.index().articles(), indexer.root()); });
        FolderPanel panel(&model);
        indexer.open(root);
        QTRY_COMPARE_WITH_TIMEOUT(titles(*panel.filterModel()), QStringList{u"Alpha?"_s}, 10000);
        panel.showCurrent(root + QStringLiteral("/a.md"));

        QVERIFY(write(root + QStringLiteral("/sub/b.md"), file(2, QStringLiteral("Beta?"))));
        QTRY_COMPARE_WITH_TIMEOUT(titles(*panel.filterModel()),
                                  (QStringList{u"Alpha?"_s, u"Beta?"_s}), 10000);
        QVERIFY(write(root + QStringLiteral("/a.md"), file(1, QStringLiteral("Aleph?"))));
        QTRY_COMPARE_WITH_TIMEOUT(titles(*panel.filterModel()),
                                  (QStringList{u"Aleph?"_s, u"Beta?"_s}), 10000);
        // The selection stayed on the changed article's row.
        QCOMPARE(panel.view()->currentIndex().data().toString(), QStringLiteral("Aleph?"));
        QVERIFY(QFile::remove(root + QStringLiteral("/sub/b.md")));
        QTRY_COMPARE_WITH_TIMEOUT(titles(*panel.filterModel()), QStringList{u"Aleph?"_s}, 10000);
        QCOMPARE(panel.countLabel()->text(), QStringLiteral("1 article"));
    }

    void problemsAreGroupedByFile()
    {
        ProblemsModel model;
        QList<ArticleSummary> list = sample();
        list[0].crossFile << Diagnostic{Diagnostic::Severity::Error,
                                        QStringLiteral("duplicate-id"),
                                        QStringLiteral("id"),
                                        2,
                                        5,
                                        QStringLiteral("'id' is '12' here and in 'x.md'")};
        list[0].diagnostics << Diagnostic{Diagnostic::Severity::Info,
                                          QStringLiteral("unknown-key"),
                                          QStringLiteral("extra"),
                                          9,
                                          1,
                                          QStringLiteral("unknown")};
        list[0].recount();
        model.setArticles(list, QStringLiteral("/s"));
        // a (1 error + 1 info), b (2 errors), c (1 warning), d (1 error, 1 warning).
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.errorCount(), 4);
        QCOMPARE(model.warningCount(), 2);
        QCOMPARE(model.infoCount(), 1);
        const QModelIndex a = model.fileIndex(QStringLiteral("/s/a.md"));
        QCOMPARE(a.data().toString(), QStringLiteral("a.md (1 error, 1 info)"));
        QCOMPARE(model.rowCount(a), 2);
        const QModelIndex dup = model.index(0, 0, a); // line 2 before line 9
        QCOMPARE(model.diagnostic(dup)->rule, QStringLiteral("duplicate-id"));
        QCOMPARE(model.path(dup), QStringLiteral("/s/a.md"));
        QCOMPARE(model.parent(dup), a);
        QVERIFY(dup.data().toString().contains(QStringLiteral("line 2")));

        model.setShown(true, false, false);
        QCOMPARE(model.rowCount(), 3); // c has only a warning
        QCOMPARE(model.rowCount(model.fileIndex(QStringLiteral("/s/a.md"))), 1);
        QVERIFY(!model.fileIndex(QStringLiteral("/s/c.md")).isValid());
        QCOMPARE(model.errorCount(), 4); // the counts are of everything

        ProblemsView view(&model);
        QCOMPARE(view.warningsButton()->isChecked(), false);
        view.warningsButton()->click();
        QCOMPARE(model.rowCount(), 4);
        QVERIFY(view.errorsButton()->text().contains(QStringLiteral("4")));
        QSignalSpy problem(&view, &ProblemsView::problemActivated);
        QSignalSpy fileOpened(&view, &ProblemsView::fileActivated);
        view.resize(500, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QModelIndex first = model.index(0, 0, model.fileIndex(QStringLiteral("/s/a.md")));
        QVERIFY(view.view()->isExpanded(model.fileIndex(QStringLiteral("/s/a.md"))));
        QTest::mouseClick(view.view()->viewport(), Qt::LeftButton, {},
                          view.view()->visualRect(first).center());
        QCOMPARE(problem.size(), 1);
        QCOMPARE(problem.first().at(0).toString(), QStringLiteral("/s/a.md"));
        QCOMPARE(problem.first().at(1).value<Diagnostic>().rule, QStringLiteral("duplicate-id"));
        // A file row: a click only folds it (kept across refills); Enter opens the file.
        const QModelIndex b = model.fileIndex(QStringLiteral("/s/b.md"));
        view.view()->collapse(b);
        model.setArticles(list, QStringLiteral("/s"));
        QVERIFY(!view.view()->isExpanded(model.fileIndex(QStringLiteral("/s/b.md"))));
        QVERIFY(view.view()->isExpanded(model.fileIndex(QStringLiteral("/s/a.md"))));
        view.view()->setCurrentIndex(model.fileIndex(QStringLiteral("/s/b.md")));
        QTest::keyClick(view.view(), Qt::Key_Return);
        QCOMPARE(fileOpened.size(), 1);
        QCOMPARE(fileOpened.first().first().toString(), QStringLiteral("/s/b.md"));
        QCOMPARE(problem.size(), 1);
    }

    void largeFolderFiltersQuickly()
    {
        // Not a timing assertion (the benchmark measures that): the filter must visit each row
        // once per keystroke, whatever the folder's size, and leave exactly the matches.
        const frontis::testing::GeneratedFolder g =
            frontis::testing::generateFolder(m_tmp.path() + QStringLiteral("/large"), 600, 3);
        ArticleIndex index(g.root);
        index.update();
        ArticleListModel model;
        model.setArticles(index.articles(), index.root());
        ArticleFilterModel filter;
        filter.setArticles(&model);
        filter.setText(QStringLiteral("neural"));
        int expected = 0;
        for (const ArticleSummary& s : index.articles())
            expected +=
                (s.title + s.keywords).contains(QStringLiteral("neural"), Qt::CaseInsensitive);
        QVERIFY(expected > 0);
        QCOMPARE(filter.rowCount(), expected);
        filter.setProblems(true, false);
        QCOMPARE(filter.rowCount() <= expected, true);
        filter.setText(QString());
        QCOMPARE(filter.rowCount(), index.totals().withErrors);
    }
};

QTEST_MAIN(TestArticleList)
#include "tst_articlelist.moc"
