#include "folderchangefixture.h"

using namespace frontis;
using namespace frontis::testing;

// The window's changes across a folder (issue 19), on copies of corpus sites: the Articles list
// selecting many, Rename and Merge Into, Change Field, Replace in Folder, Cancel and Undo Folder
// Change, each reviewed and applied; the exact bytes of the files that change are checked, and
// the others keep their bytes and modification times. The Values view's own tests are in
// tst_valuesview.
class TestSiteChanges : public QObject, public FolderChangeFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { setUpFixture("tst_sitechanges"); }
    void init() { resetAnswers(); }
    void cleanup() { tearDownWindows(); }

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
    void renameValueThenUndo()
    {
        const QString root = copySite("11ty__11ty-website");
        if (root.isEmpty())
            QSKIP("the corpus is not here");
        const QHash<QString, Snapshot> before = snapshot(root);
        MainWindow* w = openFolder(root);
        QVERIFY(w);
        ValuesView* values = w->folderDocks()->valuesView();
        QVERIFY(values->showKey(QStringLiteral("tags")));
        const QString from = QStringLiteral("related-shortcodes");
        const QStringList having = values->pathsOf(from);
        QVERIFY(having.size() >= 3);
        // An open window of one of them, without edits of its own, reloads.
        auto* open = new MainWindow;
        open->show();
        QVERIFY(open->openFile(having.first()));

        QSignalSpy done(w->folderChanges(), &FolderChanges::done);
        m_newValue = QStringLiteral("shortcodes");
        values->selectValues({from});
        values->renameButton()->click();
        // Worked out in the background, with its progress and Cancel in the status bar.
        QVERIFY(w->folderChanges()->isBusy());
        QVERIFY(w->folderChanges()->progressBar()->isVisibleTo(w));
        QVERIFY(w->folderChanges()->cancelButton()->isVisibleTo(w));
        QVERIFY(!w->folderChanges()->undoAction()->isEnabled());
        QVERIFY(waitChange(done));
        QVERIFY(!w->folderChanges()->progressBar()->isVisibleTo(w));
        QVERIFY(m_reviewedWhat.contains(from));
        QStringList reviewed;
        for (const FolderChangeDialog::File& f : m_reviewed) {
            reviewed << f.path;
            QVERIFY2(f.diff.contains(QStringLiteral("+  - shortcodes")) ||
                         f.diff.contains(QStringLiteral("shortcodes")),
                     qPrintable(f.diff));
        }
        reviewed.sort();
        QCOMPARE(reviewed, having);

        // Exactly the item's text changed, in each file's own style; nothing else anywhere.
        const QHash<QString, Snapshot> after = snapshot(root);
        QCOMPARE(changedBetween(before, after), having);
        for (const QString& path : having) {
            QByteArray expected = before.value(path).bytes;
            const qsizetype at = expected.indexOf(from.toUtf8());
            QVERIFY(at > 0 && at < frontMatterEnd(expected));
            QVERIFY(expected.indexOf(from.toUtf8(), at + 1) < 0 ||
                    expected.indexOf(from.toUtf8(), at + 1) > frontMatterEnd(expected));
            expected.replace(at, from.size(), "shortcodes");
            QCOMPARE(after.value(path).bytes, expected);
        }
        QVERIFY(othersUntouched(before, after, having));
        QTRY_COMPARE(values->pathsOf(QStringLiteral("shortcodes")), having);
        QVERIFY(values->pathsOf(from).isEmpty());
        QTRY_VERIFY(open->editor()->document().bytes().contains("- shortcodes"));
        QVERIFY(!open->isModified());

        // Undo Folder Change puts every file back as it was, as one step.
        QAction* undo = w->folderChanges()->undoAction();
        QVERIFY(undo->isEnabled());
        const Outcome undone = runChange(
            w, root, before, [undo] { undo->trigger(); }, having);
        QVERIFY(undone.wrote);
        QVERIFY(undone.changed.isEmpty());
        QVERIFY(undone.othersKept);
        QTRY_COMPARE(values->pathsOf(from), having);
    }

    void mergeValueIntoAnother()
    {
        const QString root = copySite("11ty__11ty-website");
        if (root.isEmpty())
            QSKIP("the corpus is not here");
        const QHash<QString, Snapshot> before = snapshot(root);
        MainWindow* w = openFolder(root);
        QVERIFY(w);
        ValuesView* values = w->folderDocks()->valuesView();
        QVERIFY(values->showKey(QStringLiteral("tags")));
        const QByteArray from = "related-filters";
        const QByteArray into = "related-shortcodes";
        const QStringList having = values->pathsOf(QString::fromUtf8(from));
        QVERIFY(having.size() >= 2);
        m_newValue = QString::fromUtf8(into);
        values->selectValues({QString::fromUtf8(from)});
        const Outcome merged =
            runChange(w, root, before, [values] { values->mergeButton()->click(); });
        QVERIFY(merged.wrote);

        // An article with both keeps one (the line of the one that goes is removed); the others
        // get the new value in place, in their own style (block or flow list).
        const QHash<QString, Snapshot>& after = merged.files;
        QCOMPARE(merged.changed, having);
        int both = 0;
        for (const QString& path : having) {
            const QByteArray old = before.value(path).bytes;
            const qsizetype fm = frontMatterEnd(old);
            QByteArray expected = old;
            const qsizetype at = old.indexOf(from);
            QVERIFY(at > 0 && at < fm);
            if (old.left(fm).contains("  - " + into + "\n")) {
                ++both;
                QVERIFY(old.mid(at - 4, 4) == "  - ");
                expected.remove(at - 4, 4 + from.size() + 1);
            } else {
                expected.replace(at, from.size(), into);
            }
            QCOMPARE(after.value(path).bytes, expected);
        }
        QVERIFY(both >= 1);
        QVERIFY(merged.othersKept);
        QTRY_VERIFY(values->pathsOf(QString::fromUtf8(from)).isEmpty());
    }

    // Merge Into with several values selected ("related-custom-tags", "related-javascript",
    // "related-nunjucks" into a new "related-templates") is one change: one review of every
    // file, one journal entry, one step to undo. Each file's diff has only those items' lines,
    // an article that had several keeps one where the first was, and every other value stays.
    void mergeSeveralValuesIsOneStep()
    {
        const QString root = copySite("11ty__11ty-website");
        if (root.isEmpty())
            QSKIP("the corpus is not here");
        const QHash<QString, Snapshot> before = snapshot(root);
        QString why;
        const QHash<QString, int> countsBefore = yamlCounts(root, QStringLiteral("tags"), &why);
        QVERIFY2(!countsBefore.isEmpty(), qPrintable(why));
        MainWindow* w = openFolder(root);
        QVERIFY(w);
        ValuesView* values = w->folderDocks()->valuesView();
        QVERIFY(values->showKey(QStringLiteral("tags")));
        const QStringList olds{QStringLiteral("related-custom-tags"),
                               QStringLiteral("related-javascript"),
                               QStringLiteral("related-nunjucks")};
        const QString into = QStringLiteral("related-templates");
        QStringList having;
        for (const QString& v : olds) {
            QVERIFY2(!values->pathsOf(v).isEmpty(), qPrintable(v));
            having += values->pathsOf(v);
        }
        having.removeDuplicates();
        having.sort();
        QVERIFY(having.size() > values->pathsOf(olds.first()).size()); // a real union
        values->selectValues(olds);
        QCOMPARE(values->selectedValues(), olds);
        m_newValue = into;
        const Outcome merged =
            runChange(w, root, before, [values] { values->mergeButton()->click(); });
        QVERIFY(merged.wrote);
        QVERIFY2(m_reviewedWhat.contains(into), qPrintable(m_reviewedWhat));
        QCOMPARE(m_reviewed.size(), having.size()); // one review of every file
        QCOMPARE(merged.changed, having);
        QVERIFY(merged.othersKept);
        for (const FolderChangeDialog::File& f : m_reviewed) {
            int added = 0;
            for (const QString& line : f.diff.split(QLatin1Char('\n'))) {
                if (line.startsWith(QLatin1String("---")) || line.startsWith(QLatin1String("+++")))
                    continue;
                if (line.startsWith(QLatin1Char('+'))) {
                    ++added;
                    QVERIFY2(line.contains(into), qPrintable(f.diff));
                } else if (line.startsWith(QLatin1Char('-'))) {
                    QVERIFY2(std::any_of(olds.begin(), olds.end(),
                                         [&line](const QString& v) { return line.contains(v); }),
                             qPrintable(f.diff));
                }
            }
            QVERIFY2(added <= 1, qPrintable(f.diff));
        }
        // PyYAML: the new value is in every article that had one of the old ones, they are gone,
        // and every other value is where it was.
        QHash<QString, int> expected = countsBefore;
        for (const QString& v : olds)
            expected.remove(v);
        expected.insert(into, int(having.size()));
        QCOMPARE(yamlCounts(root, QStringLiteral("tags"), &why), expected);
        QTRY_COMPARE(values->pathsOf(into), having);

        // One step to undo, and nothing before it.
        QAction* undo = w->folderChanges()->undoAction();
        QVERIFY(undo->text().contains(QLatin1String("merge tags")));
        const Outcome undone = runChange(
            w, root, before, [undo] { undo->trigger(); }, having);
        QVERIFY(undone.wrote);
        QVERIFY(undone.changed.isEmpty());
        QVERIFY(undone.othersKept);
        QVERIFY(!undo->isEnabled());
    }

    // Cancel while the articles are being written: the change is held after its first batch of
    // files (a real mix on disk), Cancel is pressed, and afterwards every file is as it was,
    // the journal keeps nothing to undo, and the window is ready for the next change.
    void cancelWhileWritingPutsEveryFileBack()
    {
        const QString root = m_tmp.path() + QStringLiteral("/many") + QString::number(++m_copies);
        QVERIFY(QDir().mkpath(root));
        constexpr int Files = 200; // the journal writes 64 between progress reports
        for (int i = 0; i < Files; ++i) {
            const QByteArray bytes = QStringLiteral("---\ntitle: Post %1\ntags: [misc, news]\n---\n"
                                                    "Body %1\n")
                                         .arg(i)
                                         .toUtf8();
            QVERIFY(testutil::writeAll(
                root + QStringLiteral("/post%1.md").arg(i, 3, 10, QLatin1Char('0')), bytes));
        }
        const QHash<QString, Snapshot> before = snapshot(root);
        MainWindow* w = openFolder(root);
        QVERIFY(w);
        ValuesView* values = w->folderDocks()->valuesView();
        QVERIFY(values->showKey(QStringLiteral("tags")));
        QCOMPARE(values->pathsOf(QStringLiteral("news")).size(), Files);

        // Held on the worker once some files are written, until the test has pressed Cancel.
        QSemaphore reached;
        QSemaphore go;
        std::atomic<bool> held = false;
        FolderChanges* changes = w->folderChanges();
        m_onReview = [&] {
            changes->setProgressHook([&](int done, int total) {
                if (done > 0 && done < total && !held.exchange(true)) {
                    reached.release();
                    go.acquire();
                }
            });
        };
        QSignalSpy done(changes, &FolderChanges::done);
        m_newValue = QStringLiteral("updates");
        values->selectValues({QStringLiteral("news")});
        values->renameButton()->click();
        QVERIFY(QTest::qWaitFor([&] { return reached.tryAcquire(); }, 60000));
        changes->setProgressHook({});
        QCOMPARE(m_reviewed.size(), Files);
        const QStringList mixed = changedBetween(before, snapshot(root));
        QVERIFY2(!mixed.isEmpty() && mixed.size() < Files,
                 qPrintable(QString::number(mixed.size())));
        QVERIFY(changes->isBusy());
        QVERIFY(changes->cancelButton()->isVisibleTo(w));
        changes->cancelButton()->click();
        go.release();
        QVERIFY(done.wait(60000));
        QCOMPARE(done.takeFirst().at(0).toBool(), false);
        waitIndexed();

        // All old again, byte for byte; the files never written kept their times too.
        const QHash<QString, Snapshot> after = snapshot(root);
        QVERIFY(changedBetween(before, after).isEmpty());
        QVERIFY(othersUntouched(before, after, mixed));
        QVERIFY(SiteChangeJournal::history(root).isEmpty());
        // The window: idle, nothing to undo, told in the status bar (no warning), the values
        // as before, and a new change works.
        QVERIFY(!changes->isBusy());
        QVERIFY(!changes->progressBar()->isVisibleTo(w));
        QVERIFY(!changes->cancelButton()->isVisibleTo(w));
        QVERIFY(!changes->undoAction()->isEnabled());
        QVERIFY2(w->statusBar()->currentMessage().startsWith(QLatin1String("Cancelled")),
                 qPrintable(w->statusBar()->currentMessage()));
        QTRY_COMPARE(values->pathsOf(QStringLiteral("news")).size(), Files);
        QVERIFY(values->pathsOf(QStringLiteral("updates")).isEmpty());
        const Outcome again =
            runChange(w, root, before, [values] { values->renameButton()->click(); });
        QVERIFY(again.wrote);
        QCOMPARE(again.changed.size(), Files);
        QVERIFY(again.files.value(root + QStringLiteral("/post007.md"))
                    .bytes.contains("tags: [misc, updates]"));
    }

    void renameAsksAboutUnsavedEdits()
    {
        const QString root = copySite("11ty__11ty-website");
        if (root.isEmpty())
            QSKIP("the corpus is not here");
        const QHash<QString, Snapshot> before = snapshot(root);
        MainWindow* w = openFolder(root);
        QVERIFY(w);
        ValuesView* values = w->folderDocks()->valuesView();
        QVERIFY(values->showKey(QStringLiteral("tags")));
        const QString from = QStringLiteral("related-filters");
        const QStringList having = values->pathsOf(from);
        QVERIFY(!having.isEmpty());
        auto* editing = new MainWindow;
        editing->show();
        QVERIFY(editing->openFile(having.first()));
        QVERIFY(!editing->editor()->form()->apply(FieldEdit{QStringLiteral("title"),
                                                            {QStringLiteral("title")},
                                                            QStringLiteral("Mine"),
                                                            false,
                                                            {}}));
        QVERIFY(editing->isModified());

        // Cancelled: nothing written, the window keeps its edits.
        QSignalSpy done(w->folderChanges(), &FolderChanges::done);
        m_newValue = QStringLiteral("filters");
        values->selectValues({from});
        values->renameButton()->click();
        QTRY_VERIFY(!m_unsavedNames.isEmpty());
        QTRY_VERIFY(!w->folderChanges()->isBusy());
        QVERIFY(m_unsavedNames.first().contains(QFileInfo(having.first()).fileName()));
        QVERIFY(m_reviewed.isEmpty());
        QVERIFY(changedBetween(before, snapshot(root)).isEmpty());
        QVERIFY(editing->isModified());

        // Saved first: the change starts from the saved article and keeps its edit.
        m_unsavedNames.clear();
        m_saveFirst = true;
        values->renameButton()->click();
        QVERIFY(waitChange(done));
        QVERIFY(!m_unsavedNames.isEmpty());
        const QByteArray saved = testutil::readAll(having.first());
        QVERIFY(saved.contains("title: Mine"));
        QVERIFY(saved.contains("- filters"));
        QVERIFY(!saved.contains("related-filters"));
        QTRY_VERIFY(editing->editor()->document().bytes() == saved);
        QVERIFY(!editing->isModified());

        // Undo over new unsaved edits: asked first; when confirmed the files go back and the
        // window, asked as for any change on disk, keeps its edits.
        QVERIFY(!editing->editor()->form()->apply(FieldEdit{QStringLiteral("title"),
                                                            {QStringLiteral("title")},
                                                            QStringLiteral("Mine 2"),
                                                            false,
                                                            {}}));
        QAction* undo = w->folderChanges()->undoAction();
        undo->trigger();
        QVERIFY(!m_undoOverEdits.isEmpty());
        QVERIFY(!w->folderChanges()->isBusy());
        QCOMPARE(testutil::readAll(having.first()), saved);
        m_undoAnyway = true;
        undo->trigger();
        QVERIFY(waitChange(done));
        const QByteArray back = testutil::readAll(having.first());
        QVERIFY(back.contains("related-filters"));
        QVERIFY(back.contains("title: Mine\n")); // the save before the change stays
        QTRY_VERIFY(!m_diskAsked.isEmpty());
        QVERIFY(editing->isModified());
        QVERIFY(editing->editor()->document().bytes().contains("Mine 2"));
    }

    void changeFieldOnSelectedArticles()
    {
        const QString root = copySite("jekyll__jekyll");
        if (root.isEmpty())
            QSKIP("the corpus is not here");
        const QStringList chosen{root + QStringLiteral("/docs___docs__community__community.md"),
                                 root + QStringLiteral("/docs___docs__configuration__markdown.md"),
                                 root + QStringLiteral("/docs___docs__configuration__sass.md")};
        const QHash<QString, Snapshot> before = snapshot(root);
        MainWindow* w = openFolder(root);
        QVERIFY(w);
        FolderPanel* panel = w->folderDocks()->panel();
        QCOMPARE(panel->selectPaths(chosen), 3);
        QAction* change = w->folderChanges()->changeFieldAction();
        QVERIFY(change->isEnabled());
        m_fieldAnswer = FolderPrompts::ChangeFieldAnswer{QStringLiteral("permalink"),
                                                         QStringLiteral("/moved/"), false};
        const Outcome set = runChange(w, root, before, [change] { change->trigger(); });
        QVERIFY(set.wrote);
        QCOMPARE(m_reviewed.size(), 3);

        // Each keeps its style: the plain value stays plain, the quoted ones quoted.
        const QHash<QString, Snapshot>& after = set.files;
        QStringList sorted = chosen;
        sorted.sort();
        QCOMPARE(set.changed, sorted);
        const QByteArray community = before.value(chosen.at(0)).bytes;
        QByteArray expected = community;
        expected.replace("permalink: /docs/community/", "permalink: /moved/");
        QVERIFY(expected != community);
        QCOMPARE(after.value(chosen.at(0)).bytes, expected);
        for (int i = 1; i < 3; ++i) {
            const QByteArray old = before.value(chosen.at(i)).bytes;
            const qsizetype at = old.indexOf("permalink: \"");
            QVERIFY(at > 0);
            const qsizetype end = old.indexOf('"', at + 12);
            expected = old;
            expected.replace(at, end + 1 - at, "permalink: \"/moved/\"");
            QCOMPARE(after.value(chosen.at(i)).bytes, expected);
        }
        QVERIFY(set.othersKept);

        // Removing a field removes its lines only.
        QCOMPARE(panel->selectPaths({chosen.at(0)}), 1);
        m_fieldAnswer = FolderPrompts::ChangeFieldAnswer{QStringLiteral("redirect_from"), {}, true};
        const Outcome unset = runChange(w, root, after, [change] { change->trigger(); });
        QVERIFY(unset.wrote);
        expected = after.value(chosen.at(0)).bytes;
        expected.replace("redirect_from: \"/help/index.html\"\n", "");
        QCOMPARE(unset.changed, QStringList{chosen.at(0)});
        QCOMPARE(unset.files.value(chosen.at(0)).bytes, expected);
        QVERIFY(unset.othersKept);
    }

    void replaceInFolderListsMatchesAsYouType()
    {
        const QString root = copySite("jekyll__jekyll");
        if (root.isEmpty())
            QSKIP("the corpus is not here");
        const QHash<QString, Snapshot> before = snapshot(root);
        MainWindow* w = openFolder(root);
        QVERIFY(w);
        QAction* action = w->folderChanges()->replaceAction();
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
        action->trigger();
        ReplaceInFolderDialog* dialog = w->findChild<ReplaceInFolderDialog*>();
        QVERIFY(dialog);
        QSignalSpy searched(dialog, &ReplaceInFolderDialog::searched);
        const QByteArray term = "GitHub Pages";
        dialog->caseBox()->setChecked(true);
        QTest::keyClicks(dialog->findEdit(), QStringLiteral("GitHub Pag"));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isSearching(), 30000);
        dialog->replaceEdit()->setText(QStringLiteral("GitHub Pages (GHP)"));
        QTest::keyClicks(dialog->findEdit(), QStringLiteral("es"));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isSearching(), 30000);

        // The article text only (bodies here), matched case-sensitively as the find bar does.
        QHash<QString, QByteArray> expected;
        int matches = 0;
        for (auto it = before.begin(); it != before.end(); ++it) {
            const qsizetype body = it->bytes.indexOf('\n', frontMatterEnd(it->bytes)) + 1;
            QByteArray text = it->bytes.mid(body);
            const int n = int(text.count(term));
            if (n == 0)
                continue;
            matches += n;
            text.replace(term, "GitHub Pages (GHP)");
            expected.insert(it.key(), it->bytes.left(body) + text);
        }
        QVERIFY(expected.size() >= 3);
        QCOMPARE(dialog->matchList()->count(), expected.size());
        QVERIFY2(dialog->summaryLabel()->text().startsWith(QString::number(matches)),
                 qPrintable(dialog->summaryLabel()->text()));

        QVERIFY(dialog->replaceAllButton()->isEnabled());
        const Outcome replaced =
            runChange(w, root, before, [dialog] { dialog->replaceAllButton()->click(); });
        QVERIFY(replaced.wrote);
        QCOMPARE(m_reviewed.size(), expected.size());
        QStringList changed = expected.keys();
        changed.sort();
        QCOMPARE(replaced.changed, changed);
        for (const QString& path : changed)
            QCOMPARE(replaced.files.value(path).bytes, expected.value(path));
        QVERIFY(replaced.othersKept);

        // Undone as one step, while the files hold what it wrote.
        QAction* undo = w->folderChanges()->undoAction();
        const Outcome undone = runChange(
            w, root, before, [undo] { undo->trigger(); }, replaced.changed);
        QVERIFY(undone.wrote);
        QVERIFY(undone.changed.isEmpty());
        QVERIFY(undone.othersKept);
        QVERIFY(!undo->isEnabled());
    }

    void undoRefusedOnceAFileChanged()
    {
        const QString root = copySite("jekyll__jekyll");
        if (root.isEmpty())
            QSKIP("the corpus is not here");
        const QString path = root + QStringLiteral("/docs___docs__deployment.md");
        MainWindow* w = openFolder(root);
        QVERIFY(w);
        QCOMPARE(w->folderDocks()->panel()->selectPaths({path}), 1);
        m_fieldAnswer = FolderPrompts::ChangeFieldAnswer{QStringLiteral("title"),
                                                         QStringLiteral("Shipping"), false};
        QAction* change = w->folderChanges()->changeFieldAction();
        const Outcome set = runChange(w, root, snapshot(root), [change] { change->trigger(); });
        QVERIFY(set.wrote);
        QCOMPARE(set.changed, QStringList{path});
        QVERIFY(set.files.value(path).bytes.contains("title: Shipping"));
        // Edited since by someone else: the undo would lose that, and is refused.
        QByteArray edited = testutil::readAll(path) + "\nMore.\n";
        QVERIFY(testutil::writeAll(path, edited));
        w->folderChanges()->undoAction()->trigger();
        QTRY_VERIFY(!m_warnings.isEmpty());
        QVERIFY2(m_warnings.first().contains(QFileInfo(path).fileName()),
                 qPrintable(m_warnings.first()));
        m_warnings.clear();
        QCOMPARE(testutil::readAll(path), edited);
    }
};

QTEST_MAIN(TestSiteChanges)
#include "tst_sitechanges.moc"
