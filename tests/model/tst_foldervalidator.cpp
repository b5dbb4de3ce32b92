#include "generatefolder.h"
#include "model/folder/articleindex.h"
#include "model/folder/foldervalidator.h"
#include "testutil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace frontis;
using frontis::testing::GeneratedFolder;
using frontis::testing::generateFolder;

// The validator behind `frontis validate`: its use of the folders' saved indexes (what is read
// from the cache, what is checked again, what is written), and its agreement with the folder's
// index on every finding, duplicates included.
class TestFolderValidator : public QObject
{
    Q_OBJECT

private:
    // "severity rule key line:column" of each finding, per file.
    static QHash<QString, QStringList> findings(const FolderValidator::Report& report)
    {
        QHash<QString, QStringList> out;
        for (const FolderValidator::FileReport& f : report.files) {
            for (const Diagnostic& d : f.diagnostics)
                out[f.path] << QStringLiteral("%1 %2 %3 %4:%5")
                                   .arg(Diagnostic::severityName(d.severity), d.rule, d.key)
                                   .arg(d.line)
                                   .arg(d.column);
        }
        return out;
    }

private Q_SLOTS:
    void secondRunReadsFromCache()
    {
        QTemporaryDir tmp;
        const GeneratedFolder g = generateFolder(tmp.path() + QStringLiteral("/site"), 200, 11);
        const QString cache = tmp.path() + QStringLiteral("/cache");
        SchemaLibrary library;
        FolderValidator validator(library);
        validator.useCache(cache);

        const FolderValidator::Report first = validator.run({g.root});
        QCOMPARE(first.articles, 200);
        QCOMPARE(first.validated, 200);
        QCOMPARE(first.fromCache, 0);
        QCOMPARE(first.errors, g.expectedErrors());
        QCOMPARE(first.warnings, g.expectedWarnings());
        QVERIFY(QFileInfo::exists(ArticleIndex::cacheFile(g.root, cache)));

        const FolderValidator::Report second = validator.run({g.root});
        QCOMPARE(second.validated, 0);
        QCOMPARE(second.fromCache, 200);
        QCOMPARE(findings(second), findings(first));

        // One file changed: that one is checked again, the rest comes from the cache.
        QByteArray bytes = testutil::readAll(g.missingAuthor.first());
        bytes.replace("subject:", "author: QuickTakes\nsubject:");
        QVERIFY(testutil::writeAll(g.missingAuthor.first(), bytes));
        const FolderValidator::Report third = validator.run({g.root});
        QCOMPARE(third.validated, 1);
        QCOMPARE(third.fromCache, 199);
        QCOMPARE(third.errors, first.errors - 1);

        // The index the window keeps is the same file: it opens with nothing to read.
        ArticleIndex index(g.root);
        QVERIFY(index.load(ArticleIndex::cacheFile(g.root, cache)));
        QCOMPARE(index.update().read, 0);
    }

    void withoutCacheNothingIsKept()
    {
        QTemporaryDir tmp;
        const GeneratedFolder g = generateFolder(tmp.path() + QStringLiteral("/site"), 30, 12);
        SchemaLibrary library;
        FolderValidator validator(library);
        QCOMPARE(validator.run({g.root}).validated, 30);
        QCOMPARE(validator.run({g.root}).validated, 30);
        QCOMPARE(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("site")});
    }

    // An override schema's results are kept apart from the folder's own.
    void overrideIsCachedApart()
    {
        QTemporaryDir tmp;
        const GeneratedFolder g = generateFolder(tmp.path() + QStringLiteral("/site"), 100, 13);
        const QString cache = tmp.path() + QStringLiteral("/cache");
        SchemaLibrary own;
        FolderValidator ownValidator(own);
        ownValidator.useCache(cache);
        const FolderValidator::Report withOwn = ownValidator.run({g.root});
        QVERIFY(withOwn.errors > 0);

        SchemaLibrary generic;
        generic.setOverride(Schema::generic());
        FolderValidator genericValidator(generic);
        genericValidator.useCache(cache, "generic");
        const FolderValidator::Report withGeneric = genericValidator.run({g.root});
        QCOMPARE(withGeneric.validated, 100);
        QCOMPARE(withGeneric.errors, 0);
        QCOMPARE(withGeneric.warnings, 0);
        QCOMPARE(genericValidator.run({g.root}).fromCache, 100);
        const FolderValidator::Report again = ownValidator.run({g.root});
        QCOMPARE(again.fromCache, 100);
        QCOMPARE(findings(again), findings(withOwn));
    }

    // `frontis validate DIR` and the folder's index report the same findings on the same files,
    // duplicates on every file involved.
    void agreesWithTheIndex()
    {
        QTemporaryDir tmp;
        const GeneratedFolder g = generateFolder(tmp.path() + QStringLiteral("/site"), 300, 14);
        QVERIFY(!g.duplicateIds.isEmpty());
        SchemaLibrary library;
        const FolderValidator::Report report = FolderValidator(library).run({g.root});
        ArticleIndex index(g.root);
        index.update();
        QHash<QString, QStringList> fromIndex;
        for (const ArticleSummary& s : index.articles()) {
            for (const Diagnostic& d : s.allDiagnostics())
                fromIndex[s.path] << QStringLiteral("%1 %2 %3 %4:%5")
                                         .arg(Diagnostic::severityName(d.severity), d.rule, d.key)
                                         .arg(d.line)
                                         .arg(d.column);
        }
        QCOMPARE(findings(report), fromIndex);
        QCOMPARE(report.errors, index.totals().errors);
        QCOMPARE(report.warnings, index.totals().warnings);

        // Each file of a duplicate pair names the other, in both.
        for (const auto& [first, second] : g.duplicateIds) {
            for (const FolderValidator::FileReport& f : report.files) {
                if (f.path != first && f.path != second)
                    continue;
                const QString other = f.path == first ? second : first;
                bool named = false;
                for (const Diagnostic& d : f.diagnostics)
                    named = named ||
                            (d.rule == QLatin1String("duplicate-id") &&
                             d.message.contains(QLatin1Char('\'') + other + QLatin1Char('\'')));
                QVERIFY2(named, qPrintable(f.path));
            }
            const QString otherInIndex = QDir(g.root).relativeFilePath(second);
            bool named = false;
            for (const Diagnostic& d : index.article(first)->crossFile)
                named = named ||
                        d.message.contains(QLatin1Char('\'') + otherInIndex + QLatin1Char('\''));
            QVERIFY(named);
        }
    }

    // Walk problems are reported as before: a FIFO and a broken link named like articles, a
    // missing path; the real articles are still checked.
    void problemsAreReported()
    {
        QTemporaryDir tmp;
        const QString root = tmp.path() + QStringLiteral("/content");
        QVERIFY(QDir().mkpath(root));
        QVERIFY(testutil::writeAll(root + QStringLiteral("/real.md"), "---\ntitle: Real\n---\n"));
        QVERIFY(
            QFile::link(root + QStringLiteral("/nowhere"), root + QStringLiteral("/broken.md")));
        SchemaLibrary library;
        FolderValidator validator(library);
        validator.useCache(tmp.path() + QStringLiteral("/cache"));
        for (int run = 0; run < 2; ++run) { // the second from the cache: problems all the same
            const FolderValidator::Report report =
                validator.run({root, tmp.path() + QStringLiteral("/missing")});
            QCOMPARE(report.articles, 1);
            QVERIFY(report.ioProblems);
            QStringList paths;
            for (const FolderValidator::FileReport& f : report.files)
                paths << f.path;
            QCOMPARE(paths, QStringList({root + QStringLiteral("/broken.md"),
                                         root + QStringLiteral("/real.md"),
                                         tmp.path() + QStringLiteral("/missing")}));
        }
    }
};

QTEST_GUILESS_MAIN(TestFolderValidator)
#include "tst_foldervalidator.moc"
