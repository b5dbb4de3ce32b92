#pragma once

#include "model/file/error.h"
#include "model/folder/articlefinder.h"
#include "model/folder/articlesummary.h"
#include "model/schema/schema.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace frontis {

class ReferenceCheck;

// The articles of a content folder: a summary of every `.md` file below it (hidden folders,
// `node_modules` and the like skipped, as ArticleFinder does), with each article's diagnostics
// and the checks across articles (duplicate values of the schema's unique keys, naming every file
// involved). update() reads only files whose size, times or inode changed since the index last
// saw them, in parallel, and checks again only those whose bytes changed (a content hash);
// save() and load() keep an index between sessions, which is also what makes `frontis validate`
// of an unchanged folder fast (the window and the command line share the saved index). A value
// type: copies share their data until one changes, so a finished index can be handed between
// threads.
class ArticleIndex
{
public:
    // How an update went: files found, files read, summaries dropped with their files.
    struct Stats
    {
        int files = 0;
        int read = 0;      // files whose bytes were read (their stamp changed, or they are new)
        int validated = 0; // of those, files parsed and checked (their bytes changed)
        int removed = 0;
        bool cancelled = false;      // the index was left as it was
        bool schemasChanged = false; // every file was read again (schemas, version or language)
        bool changed = false;        // anything differs from before: worth saving
    };
    // An entry the search could not use: a folder it cannot read, a FIFO or a broken link named
    // like an article (absolute paths).
    using Problem = ArticleFinder::Problem;
    // Called on the thread that runs update(): `done` of `total` files read.
    using Progress = std::function<void(int done, int total)>;

    struct Totals
    {
        int articles = 0;
        int errors = 0;
        int warnings = 0;
        int infos = 0;
        int withErrors = 0;   // articles with at least one error
        int withWarnings = 0; // articles with at least one warning
    };

    ArticleIndex() = default;
    explicit ArticleIndex(const QString& root);

    // The folder, absolute and clean.
    const QString& root() const { return m_root; }
    // Sorted by path.
    const QList<ArticleSummary>& articles() const { return m_articles; }
    const ArticleSummary* article(const QString& path) const;
    // Every folder that was searched, the root first: what to watch for changes.
    const QStringList& folders() const { return m_folders; }
    // What the last update() could not use (not kept by save()).
    const QList<Problem>& problems() const { return m_problems; }
    Totals totals() const;

    // Brings the index in line with the disk. With `cancel` set (checked between small batches
    // of files) it stops early and leaves the index unchanged. Safe to call on a worker thread
    // for an index no other thread uses meanwhile.
    Stats update(const Progress& progress = {}, const std::atomic<bool>* cancel = nullptr);
    // load(file) and then update(), with the folder searched on another thread meanwhile.
    // `*loaded` (when given) says whether the saved index was used.
    Stats updateFromSaved(const QString& file, bool* loaded = nullptr);

    // Every article is then checked against `schema` (`frontis validate --schema`), whatever its
    // `_schema` says; `identity` (a hash of the schema file) tells saved indexes apart.
    void setSchemaOverride(std::shared_ptr<const Schema> schema, const QByteArray& identity);

    // The file under QStandardPaths::CacheLocation where the index of `root` is kept (one per
    // folder, named after a hash of its path, and of `variant`, such as a schema override's
    // identity, when given). `cacheFolder` overrides the location.
    static QString cacheFile(const QString& root, const QString& cacheFolder = {},
                             const QByteArray& variant = {});
    // Reads a saved index of this index's root. False, leaving the index empty, when the file is
    // missing, unreadable, corrupt (a checksum covers it whole), from another Frontis version or
    // of another folder.
    bool load(const QString& file);
    // Writes the index atomically (the folder is made if missing).
    Status save(const QString& file) const;

    // The subjects used across the folder, sorted case-insensitively, each once.
    QStringList subjects() const;
    // The highest integer `id` of any article, or 0.
    qint64 highestId() const;
    // Where the folder's articles of `subject` live: the folder holding most of them (ties go to
    // the one that sorts first), or the root when no article has that subject.
    QString folderFor(const QString& subject) const;
    // The `_schema` value most articles use ("" when none says), for new articles.
    QString commonSchema() const;

    // An article a reference can name: its value of the `to` key, its title and its file.
    struct Target
    {
        QString value;
        QString title;
        QString path;
    };
    // What the folder's articles hold under `to` (a key references point to), each value once
    // (with the first article holding it), sorted by value.
    QList<Target> referenceTargets(const QString& to) const;
    // The keys references point to, as the summaries hold them (sorted).
    QStringList referenceKeys() const;
    // The folder's values of those keys, to check references against.
    ReferenceCheck referenceCheck() const;

    // The cross-file checks, from the summaries' unique values and references (update() and
    // load() run them).
    void checkAcrossFiles();
    // Off: update() and load() leave the cross-file checks out (crossFile stays empty), for a
    // caller that checks the articles of several indexes together, as `frontis validate` does.
    void setChecksAcrossFiles(bool on) { m_checkAcross = on; }

private:
    QString m_root;
    QByteArray m_identity; // of the schemas, Frontis version and language the summaries came from
    QList<ArticleSummary> m_articles;
    QStringList m_folders;
    QList<Problem> m_problems;
    QHash<QString, qsizetype> m_byPath;
    std::shared_ptr<const Schema> m_override;
    QByteArray m_overrideIdentity;
    bool m_checkAcross = true;

    void reindex();
    struct Walk;
    Stats apply(Walk& walk, const Progress& progress, const std::atomic<bool>* cancel);
};

} // namespace frontis
