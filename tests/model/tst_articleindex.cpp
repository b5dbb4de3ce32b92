#include "generatefolder.h"
#include "model/folder/articleindex.h"
#include "model/schema/schemalibrary.h"
#include "testutil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace frontis;
using frontis::testing::GeneratedFolder;
using frontis::testing::generateFolder;

// The index of a content folder: summaries and problem counts against what the generator
// planted, reuse of a saved index, the checks across files, cancelling, and what it skips.
class TestArticleIndex : public QObject
{
    Q_OBJECT

private:
    static QStringList rules(const ArticleSummary& s)
    {
        QStringList out;
        for (const Diagnostic& d : s.allDiagnostics())
            out << d.rule + QLatin1Char(':') + d.key;
        return out;
    }

    static QByteArray article(int id, const QString& question,
                              const QString& subject = QStringLiteral("Biology"))
    {
        const QString s = slug(question);
        return QStringLiteral(
                   "---\n_schema: default\nid: %1\ntitle: %2\nsubject: %3\nquestion: %2\n"
                   "file_name: %4.md\nurl: /learn/%5/questions/%4\n---\n\n&nbsp;")
            .arg(id)
            .arg(question, subject, s, slug(subject))
            .toUtf8();
    }

    // Rewrites a file with new bytes and a given modification time.
    static void rewrite(const QString& path, const QByteArray& bytes, const QDateTime& time)
    {
        QVERIFY(testutil::writeAll(path, bytes));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(time, QFileDevice::FileModificationTime));
    }

private Q_SLOTS:
    // A site's article without a title: its first heading, else a name from its file.
    void untitledArticlesAreNamedSensibly_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("title");
        QTest::newRow("heading") << "/site/content/a.md"
                                 << QByteArray("---\nweight: 1\n---\nIntro\n\n## Getting started\n")
                                 << "Getting started";
        QTest::newRow("heading in code is code")
            << "/site/content/b.md" << QByteArray("---\nweight: 1\n---\n```\n# not this\n```\n")
            << "b";
        QTest::newRow("page bundle") << "/site/content/trip/index.md"
                                     << QByteArray("---\nweight: 1\n---\nNo heading.\n") << "trip";
        QTest::newRow("section") << "/site/content/docs/_index.md"
                                 << QByteArray("---\ndraft: false\n---\n") << "docs";
        QTest::newRow("title wins")
            << "/site/content/c.md" << QByteArray("---\ntitle: Real\n---\n# Heading\n") << "Real";
    }

    void untitledArticlesAreNamedSensibly()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, title);
        SchemaLibrary library;
        QCOMPARE(ArticleSummary::fromBytes(path, bytes, library).title, title);
    }

    void indexesGeneratedFolder_data()
    {
        QTest::addColumn<int>("articles");
        QTest::addColumn<quint32>("seed");
        QTest::newRow("300, seed 1") << 300 << 1u;
        QTest::newRow("450, seed 42") << 450 << 42u;
    }

    void indexesGeneratedFolder()
    {
        QFETCH(int, articles);
        QFETCH(quint32, seed);
        QTemporaryDir tmp;
        const GeneratedFolder g =
            generateFolder(tmp.path() + QStringLiteral("/site"), articles, seed);
        QCOMPARE(g.articles, articles);
        QVERIFY(!g.duplicateIds.isEmpty());
        QVERIFY(!g.longDescriptions.isEmpty());
        QVERIFY(!g.missingAuthor.isEmpty());
        QVERIFY(!g.missingScore.isEmpty());

        ArticleIndex index(g.root);
        const ArticleIndex::Stats stats = index.update();
        QCOMPARE(stats.files, articles);
        QCOMPARE(stats.read, articles);
        QCOMPARE(index.articles().size(), articles);
        const ArticleIndex::Totals t = index.totals();
        QCOMPARE(t.errors, g.expectedErrors());
        QCOMPARE(t.warnings, g.expectedWarnings());
        QCOMPARE(t.infos, 0);
        QCOMPARE(t.withErrors + t.withWarnings, g.problemArticles());

        QHash<QString, QStringList> expected; // path -> "rule:key" of each planted problem
        for (const auto& [first, second] : g.duplicateIds) {
            expected[first] << QStringLiteral("duplicate-id:id");
            expected[second] << QStringLiteral("duplicate-id:id");
        }
        for (const QString& p : g.longDescriptions)
            expected[p] << QStringLiteral("max-length:seo.page_description");
        for (const QString& p : g.missingAuthor)
            expected[p] << QStringLiteral("required:author");
        for (const QString& p : g.missingScore)
            expected[p] << QStringLiteral("required:score");
        for (const QString& path : g.files) {
            const ArticleSummary* s = index.article(path);
            QVERIFY2(s, qPrintable(path));
            QVERIFY(s->parsed);
            QCOMPARE(rules(*s), expected.value(path));
        }

        // The values the list shows come from the file.
        const ArticleSummary* s = index.article(g.files.first());
        QVERIFY(!s->title.isEmpty());
        QCOMPARE(s->title, s->question);
        QCOMPARE(s->score, QStringLiteral("-1.0"));
        QVERIFY(s->keywords.contains(s->subject.toLower()));
        QCOMPARE(s->fileName, QFileInfo(g.files.first()).fileName());

        QStringList subjects = g.subjectCounts.keys();
        std::sort(subjects.begin(), subjects.end(), [](const QString& a, const QString& b) {
            return a.compare(b, Qt::CaseInsensitive) < 0;
        });
        QCOMPARE(index.subjects(), subjects);
        QCOMPARE(index.highestId(), g.highestId);
        for (auto it = g.subjectFolders.cbegin(); it != g.subjectFolders.cend(); ++it)
            QCOMPARE(index.folderFor(it.key()), it.value());
        QCOMPARE(index.folderFor(QStringLiteral("computer science")),
                 g.subjectFolders.value(QStringLiteral("Computer Science")));
        QCOMPARE(index.folderFor(QStringLiteral("Astronomy")), index.root());
        QCOMPARE(index.commonSchema(), QStringLiteral("default"));
    }

    void duplicatesNameEveryFile()
    {
        QTemporaryDir tmp;
        const QString root = tmp.path();
        QVERIFY(QDir(root).mkpath(QStringLiteral("sub")));
        const QString a = root + QStringLiteral("/a.md");
        const QString b = root + QStringLiteral("/sub/b.md");
        const QString c = root + QStringLiteral("/c.md");
        const QString q = QStringLiteral("Why is the sky blue?");
        QVERIFY(testutil::writeAll(a, article(7, q)));
        QVERIFY(testutil::writeAll(b, article(7, q))); // same id, url and file_name
        QVERIFY(testutil::writeAll(c, article(8, QStringLiteral("Why is grass green?"))));
        ArticleIndex index(root);
        index.update();

        auto duplicates = [&](const QString& path) {
            QStringList out;
            for (const Diagnostic& d : index.article(path)->crossFile)
                out << d.rule + QLatin1Char(' ') + d.message;
            return out;
        };
        const QStringList fromA = duplicates(a);
        const QStringList fromB = duplicates(b);
        QCOMPARE(fromA.size(), 3); // id, url, file_name
        QCOMPARE(fromB.size(), 3);
        for (const QString& rule : {QStringLiteral("duplicate-id"), QStringLiteral("duplicate-url"),
                                    QStringLiteral("duplicate-file-name")}) {
            QVERIFY2(fromA.filter(rule + QLatin1Char(' '))
                         .value(0)
                         .contains(QStringLiteral("'sub/b.md'")),
                     qPrintable(fromA.join(QLatin1Char('\n'))));
            QVERIFY2(
                fromB.filter(rule + QLatin1Char(' ')).value(0).contains(QStringLiteral("'a.md'")),
                qPrintable(fromB.join(QLatin1Char('\n'))));
        }
        const Diagnostic& d = index.article(a)->crossFile.first();
        QCOMPARE(d.severity, Diagnostic::Severity::Error);
        QVERIFY(d.line > 1);
        QVERIFY(index.article(c)->crossFile.isEmpty());
        const ArticleSummary* sa = index.article(a);
        QCOMPARE(sa->errors, int(std::count_if(sa->diagnostics.cbegin(), sa->diagnostics.cend(),
                                               [](const Diagnostic& x) { return x.isError(); })) +
                                 3);

        // A third article with the id: each names the other two; fixing one frees the others.
        const QString d3 = root + QStringLiteral("/d.md");
        QVERIFY(testutil::writeAll(d3, article(7, QStringLiteral("Why do cats purr?"))));
        index.update();
        const QString idOfD = duplicates(d3).filter(QStringLiteral("duplicate-id")).value(0);
        QVERIFY(idOfD.contains(QStringLiteral("'a.md'")));
        QVERIFY(idOfD.contains(QStringLiteral("'sub/b.md'")));
        QVERIFY(testutil::writeAll(d3, article(19, QStringLiteral("Why do cats purr?"))));
        QVERIFY(testutil::writeAll(b, article(10, QStringLiteral("Why is the sea blue?"))));
        index.update();
        QVERIFY(index.article(a)->crossFile.isEmpty());
        QVERIFY(index.article(b)->crossFile.isEmpty());
    }

    void savedIndexIsReused()
    {
        QTemporaryDir tmp;
        const GeneratedFolder g = generateFolder(tmp.path() + QStringLiteral("/site"), 150, 3);
        const QString cache =
            ArticleIndex::cacheFile(g.root, tmp.path() + QStringLiteral("/cache"));
        ArticleIndex first(g.root);
        const ArticleIndex::Stats made = first.update();
        QCOMPARE(made.read, 150);
        QCOMPARE(made.validated, 150);
        QVERIFY(made.changed);
        QVERIFY(!first.save(cache));

        ArticleIndex again(g.root);
        QVERIFY(again.load(cache));
        QCOMPARE(again.articles().size(), 150);
        QCOMPARE(again.totals().errors, first.totals().errors); // duplicates found from the cache
        QCOMPARE(again.totals().warnings, first.totals().warnings);
        QCOMPARE(again.folders(), first.folders());
        int withValues = 0;
        for (qsizetype i = 0; i < first.articles().size(); ++i) {
            const ArticleSummary& x = first.articles().at(i);
            const ArticleSummary& y = again.articles().at(i);
            QCOMPARE(y.path, x.path);
            QCOMPARE(y.title, x.title);
            QCOMPARE(y.keywords, x.keywords);
            QCOMPARE(y.values, x.values); // what the Values view lists
            withValues += x.values.isEmpty() ? 0 : 1;
            QCOMPARE(y.allDiagnostics().size(), x.allDiagnostics().size());
        }
        QVERIFY(withValues > 0);
        ArticleIndex::Stats s = again.update();
        QCOMPARE(s.read, 0);
        QCOMPARE(s.validated, 0);
        QCOMPARE(s.files, 150);
        QVERIFY(!s.changed); // nothing to save

        // Three changed (one with the same size, only its time moved), one removed, one added.
        const QDateTime later = QDateTime::currentDateTime().addSecs(60);
        const QByteArray same = testutil::readAll(g.files.at(0));
        rewrite(g.files.at(0), same, later);
        rewrite(g.files.at(1), testutil::readAll(g.files.at(1)) + " ", later);
        rewrite(g.files.at(2), article(1, QStringLiteral("Is this new?")), later);
        QVERIFY(QFile::remove(g.files.at(3)));
        QVERIFY(testutil::writeAll(g.root + QStringLiteral("/added.md"),
                                   article(2, QStringLiteral("Was this added?"))));
        s = again.update();
        QCOMPARE(s.read, 4);
        QCOMPARE(s.validated, 3); // the first one's bytes hash as before
        QCOMPARE(s.removed, 1);
        QCOMPARE(s.files, 150);
        QCOMPARE(again.article(g.files.at(2))->title, QStringLiteral("Is this new?"));
        QVERIFY(!again.article(g.files.at(3)));
        QVERIFY(again.article(g.root + QStringLiteral("/added.md")));
        QCOMPARE(again.update().read, 0);

        // The same in one step, the folder searched while the saved index is read.
        QVERIFY(!again.save(cache));
        ArticleIndex third(g.root);
        bool loaded = false;
        const ArticleIndex::Stats fromSaved = third.updateFromSaved(cache, &loaded);
        QVERIFY(loaded);
        QCOMPARE(fromSaved.read, 0);
        QCOMPARE(fromSaved.files, 150);
        QVERIFY(!fromSaved.changed);
        QCOMPARE(third.totals().errors, again.totals().errors);
        ArticleIndex fourth(g.root);
        QCOMPARE(fourth.updateFromSaved(tmp.path() + QStringLiteral("/missing.index"), &loaded)
                     .validated,
                 150);
        QVERIFY(!loaded);
    }

    void badSavedIndexIsIgnored_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("otherFolder");
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("garbage") << QByteArray(4096, '\x7f') << false;
        QTest::newRow("truncated") << QByteArray("truncate") << false;
        QTest::newRow("flipped bytes") << QByteArray("flip") << false;
        QTest::newRow("another folder's") << QByteArray() << true;
    }

    void badSavedIndexIsIgnored()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, otherFolder);
        QTemporaryDir tmp;
        const GeneratedFolder g = generateFolder(tmp.path() + QStringLiteral("/site"), 40, 5);
        const QString cache = tmp.path() + QStringLiteral("/site.index");
        ArticleIndex good(g.root);
        good.update();
        QVERIFY(!good.save(cache));
        const QByteArray saved = testutil::readAll(cache);
        if (otherFolder) {
            QVERIFY(QDir(tmp.path()).mkdir(QStringLiteral("other")));
            ArticleIndex other(tmp.path() + QStringLiteral("/other"));
            QVERIFY(!other.load(cache));
            QVERIFY(other.articles().isEmpty());
            QCOMPARE(other.root(), tmp.path() + QStringLiteral("/other"));
            return;
        }
        QByteArray bad = bytes;
        if (bytes == "truncate")
            bad = saved.left(saved.size() * 2 / 3);
        else if (bytes == "flip") {
            bad = saved;
            for (qsizetype i = 64; i < bad.size(); i += 97)
                bad[i] = char(~bad[i]);
        }
        QVERIFY(testutil::writeAll(cache, bad));
        ArticleIndex index(g.root);
        // Flipped bytes inside strings would still read as an index: the checksum refuses them.
        QVERIFY(!index.load(cache));
        QVERIFY(index.articles().isEmpty());
        QCOMPARE(index.update().validated, 40);
        QCOMPARE(index.articles().size(), 40);
        QCOMPARE(index.totals().errors, good.totals().errors);
        QCOMPARE(index.totals().warnings, good.totals().warnings);
    }

    // What is read again and what is checked again: a file touched (same bytes) is read and
    // hashed but not checked; a file edited with its size kept and its time set back is seen by
    // its change time and checked. A saved index names the override it was made with.
    void contentDecidesWhatIsCheckedAgain()
    {
        QTemporaryDir tmp;
        const GeneratedFolder g = generateFolder(tmp.path() + QStringLiteral("/site"), 20, 4);
        ArticleIndex index(g.root);
        QCOMPARE(index.update().validated, 20);

        const QString touched = g.files.at(0);
        rewrite(touched, testutil::readAll(touched), QDateTime::currentDateTime().addSecs(30));
        ArticleIndex::Stats s = index.update();
        QCOMPARE(s.read, 1);
        QCOMPARE(s.validated, 0);
        QVERIFY(s.changed); // the new stamp is worth saving
        QCOMPARE(index.update().read, 0);

        const QString edited = g.files.at(1);
        const QDateTime before = QFileInfo(edited).lastModified();
        QByteArray bytes = testutil::readAll(edited);
        const qsizetype at = bytes.indexOf("score: -1.0");
        QVERIFY(at > 0);
        bytes.replace(at, 11, "score: abcd"); // same size: not a number any more
        rewrite(edited, bytes, before);
        QCOMPARE(QFileInfo(edited).lastModified(), before);
        s = index.update();
        QCOMPARE(s.read, 1);
        QCOMPARE(s.validated, 1);
        QVERIFY(
            rules(*index.article(edited)).join(QLatin1Char(' ')).contains(QLatin1String(":score")));

        QVERIFY(ArticleIndex::cacheFile(g.root, tmp.path()) !=
                ArticleIndex::cacheFile(g.root, tmp.path(), "schema"));
        QCOMPARE(ArticleIndex::cacheFile(g.root, tmp.path(), "schema"),
                 ArticleIndex::cacheFile(g.root + QStringLiteral("/"), tmp.path(), "schema"));
    }

    void cancelLeavesIndexAsItWas()
    {
        QTemporaryDir tmp;
        const GeneratedFolder g = generateFolder(tmp.path() + QStringLiteral("/site"), 400, 9);
        ArticleIndex index(g.root);
        std::atomic<bool> cancel{false};
        QList<int> seen;
        const ArticleIndex::Stats s = index.update(
            [&](int done, int total) {
                seen << done;
                QCOMPARE(total, 400);
                if (done > 0)
                    cancel = true;
            },
            &cancel);
        QVERIFY(s.cancelled);
        QVERIFY(s.read > 0 && s.read < 400);
        QVERIFY(index.articles().isEmpty());

        seen.clear();
        cancel = false;
        const ArticleIndex::Stats full =
            index.update([&](int done, int) { seen << done; }, &cancel);
        QVERIFY(!full.cancelled);
        QCOMPARE(index.articles().size(), 400);
        QCOMPARE(seen.first(), 0);
        QCOMPARE(seen.last(), 400);
        QVERIFY(std::is_sorted(seen.cbegin(), seen.cend()));
    }

    void skipsWhatIsNotContent()
    {
        QTemporaryDir tmp;
        const QString root = tmp.path();
        for (const char* dir : {"a", ".git", "node_modules/pkg", "b"})
            QVERIFY(QDir(root).mkpath(QString::fromLatin1(dir)));
        QVERIFY(testutil::writeAll(root + QStringLiteral("/a/one.md"),
                                   article(1, QStringLiteral("One?"))));
        QVERIFY(testutil::writeAll(root + QStringLiteral("/.git/two.md"),
                                   article(2, QStringLiteral("Two?"))));
        QVERIFY(testutil::writeAll(root + QStringLiteral("/node_modules/pkg/three.md"),
                                   article(3, QStringLiteral("Three?"))));
        QVERIFY(testutil::writeAll(root + QStringLiteral("/.hidden.md"),
                                   article(4, QStringLiteral("Four?"))));
        QVERIFY(testutil::writeAll(root + QStringLiteral("/a/notes.txt"), "not an article"));
        // A link back up (a loop) and a link to an article already listed.
        QVERIFY(QFile::link(root, root + QStringLiteral("/b/loop")));
        QVERIFY(
            QFile::link(root + QStringLiteral("/a/one.md"), root + QStringLiteral("/b/same.md")));
        QVERIFY(testutil::writeAll(root + QStringLiteral("/b/broken.md"),
                                   "---\nkey: [unclosed\n---\n"));

        ArticleIndex index(root);
        index.update();
        QStringList names;
        for (const ArticleSummary& s : index.articles())
            names << QDir(root).relativeFilePath(s.path);
        QCOMPARE(names, (QStringList{QStringLiteral("a/one.md"), QStringLiteral("b/broken.md")}));
        const ArticleSummary* broken = index.article(root + QStringLiteral("/b/broken.md"));
        QVERIFY(!broken->parsed);
        QCOMPARE(broken->errors, 1);
        QCOMPARE(broken->diagnostics.first().rule, QStringLiteral("parse"));
        QCOMPARE(broken->title, QStringLiteral("broken"));
        QVERIFY(index.folders().contains(root + QStringLiteral("/b")));
        QVERIFY(!index.folders().contains(root + QStringLiteral("/node_modules")));
    }

    void schemaChangeReadsEverythingAgain()
    {
        QTemporaryDir tmp;
        const GeneratedFolder g = generateFolder(tmp.path() + QStringLiteral("/site"), 30, 2);
        ArticleIndex index(g.root);
        index.update();
        QCOMPARE(index.totals().infos, 0);
        // The folder's own `default` schema: every key not named in it is reported as info.
        QVERIFY(QDir(g.root).mkpath(QStringLiteral(".frontis/schemas")));
        QVERIFY(testutil::writeAll(
            g.root + QStringLiteral("/.frontis/schemas/default.yml"),
            "name: tiny\nunknown_keys: info\nfields:\n  - key: id\n    type: integer\n"));
        const ArticleIndex::Stats s = index.update();
        QVERIFY(s.schemasChanged);
        QCOMPARE(s.read, 30);
        QVERIFY(index.totals().infos > 30);
        QCOMPARE(index.update().read, 0);
    }
};

QTEST_GUILESS_MAIN(TestArticleIndex)
#include "tst_articleindex.moc"
