#include "model/folder/articleindex.h"

#include "model/folder/articlefinder.h"
#include "model/folder/duplicatecheck.h"
#include "model/folder/referencecheck.h"
#include "model/schema/schemalibrary.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSet>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>
#include <QtEndian>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <type_traits>

#if defined(Q_OS_LINUX)
#include <sys/stat.h>
#endif

namespace frontis {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ArticleIndex", text);
}

// Files per batch: small enough that progress moves and a cancel is seen within a few ms.
constexpr qsizetype BatchSize = 128;

// What the walk found of one article file.
struct Found
{
    QString path;
    qint64 size = 0;
    qint64 modified = 0;
    quint64 inode = 0;
    qint64 statusChanged = -1;
};

// The folder walk. Besides what ArticleFinder skips, it notes the `.frontis/schemas` folders on
// the way (they decide how articles validate) and every folder it entered (to watch them).
class Walker
{
public:
    QList<Found> files;
    QStringList folders;
    QStringList schemaFolders;
    QList<ArticleIndex::Problem> problems;

    void walk(const QString& path)
    {
        const QFileInfo info(path);
        const QString canonical = info.canonicalFilePath();
        if (canonical.isEmpty() || m_seenFolders.contains(canonical))
            return; // gone, or a symbolic link back into a folder already searched
        m_seenFolders.insert(canonical);
        m_realFolders << canonical;
        folders << path;
        if (!info.isReadable() || !info.isExecutable()) {
            problems << ArticleIndex::Problem{path, tr("cannot read the folder")};
            return;
        }
        // The iterator reads the folder without asking about each entry; only articles and
        // entries of unknown type are looked at more closely.
        QDirIterator it(path,
                        QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
        QStringList subfolders;
        while (it.hasNext()) {
            it.next();
            const QFileInfo e = it.fileInfo();
            const QString name = e.fileName();
            if (name == QLatin1String(".frontis")) {
                if (QFileInfo(e.filePath() + QStringLiteral("/schemas")).isDir())
                    schemaFolders << e.filePath() + QStringLiteral("/schemas");
                continue;
            }
            if (name.startsWith(QLatin1Char('.')))
                continue;
            if (name.endsWith(QLatin1String(".md"), Qt::CaseInsensitive)) {
                Found f{e.filePath(), 0, 0, 0, -1};
                bool link = false;
                if (stamp(&f, &link)) {
                    if (link) {
                        m_links << f; // kept unless the file it leads to is listed as itself
                    } else {
                        files << f;
                        m_realFolderOf << qsizetype(m_realFolders.size());
                    }
                    continue;
                }
                // Not a regular file: a FIFO (never opened: reading one would wait), a broken
                // or looping link, or a folder named like an article (searched as a folder).
                if (!e.isDir()) {
                    problems << ArticleIndex::Problem{f.path, ArticleFinder::notAFile(e)};
                    continue;
                }
            }
            if (e.isDir() && !ArticleFinder::isSkippedFolder(name))
                subfolders << e.filePath();
        }
        subfolders.sort();
        for (const QString& sub : std::as_const(subfolders))
            walk(sub);
    }

    void addLinks()
    {
        if (m_links.isEmpty())
            return;
        // The real path of every file listed (made only when there are links to compare).
        QSet<QString> seenFiles;
        seenFiles.reserve(files.size());
        for (qsizetype i = 0; i < files.size(); ++i) {
            const QString& folder = m_realFolders.at(m_realFolderOf.at(i) - 1);
            seenFiles.insert(folder + QLatin1Char('/') + QFileInfo(files.at(i).path).fileName());
        }
        for (const Found& f : std::as_const(m_links)) {
            const QString target = QFileInfo(f.path).canonicalFilePath();
            if (target.isEmpty() || seenFiles.contains(target))
                continue;
            seenFiles.insert(target);
            files << f;
        }
    }

    // Size and modification time of a regular file (following a symbolic link). Asked of the
    // system directly where it can be: QFileInfo's local-time QDateTime costs more than the
    // rest of a re-open together.
    static bool stamp(Found* f, bool* link)
    {
#if defined(Q_OS_LINUX)
        const QByteArray native = QFile::encodeName(f->path);
        struct stat st;
        if (::lstat(native.constData(), &st) != 0)
            return false;
        *link = S_ISLNK(st.st_mode);
        if (*link && ::stat(native.constData(), &st) != 0)
            return false;
        if (!S_ISREG(st.st_mode))
            return false;
        f->size = st.st_size;
        f->modified = qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
        f->inode = quint64(st.st_ino);
        f->statusChanged = qint64(st.st_ctim.tv_sec) * 1000 + st.st_ctim.tv_nsec / 1000000;
        return true;
#else
        const QFileInfo info(f->path);
        if (!info.isFile())
            return false;
        *link = info.isSymLink();
        f->size = info.size();
        f->modified = info.lastModified().toMSecsSinceEpoch();
        f->statusChanged = info.metadataChangeTime().toMSecsSinceEpoch();
        return true;
#endif
    }

private:
    QSet<QString> m_seenFolders;
    QStringList m_realFolders;       // canonical paths of the folders entered, in order
    QList<qsizetype> m_realFolderOf; // per file in `files`: its folder's m_realFolders size
    QList<Found> m_links;
};

// The schema files that can apply below `root`: those of the configuration folder at or above it
// first, then those of the folders the walk found, each folder's in name order. The index's
// identity and the reference keys read the same list.
QFileInfoList schemaFilesOf(const QString& root, QStringList schemaFolders)
{
    const QString above = SchemaLibrary::configFolder(root);
    if (!above.isEmpty())
        schemaFolders.prepend(above + QStringLiteral("/schemas"));
    QFileInfoList files;
    for (const QString& folder : std::as_const(schemaFolders))
        files << QDir(folder).entryInfoList({QStringLiteral("*.yml")}, QDir::Files, QDir::Name);
    return files;
}

// What the summaries depend on besides the articles: Frontis itself, the language of the
// messages, the built-in schemas, the folder's own schema files (names and bytes: few and small)
// and a schema that replaces them all.
QByteArray identityOf(const QString& root, QStringList schemaFolders, const QByteArray& override)
{
    QCryptographicHash h(QCryptographicHash::Sha1);
    h.addData(QByteArrayLiteral(FRONTIS_VERSION "\n"));
    h.addData(QLocale().name().toUtf8() + '\n');
    static const QByteArray builtIns = [] {
        QByteArray all;
        const QDir dir(QStringLiteral(":/schemas"));
        for (const QString& name : dir.entryList(QDir::Files, QDir::Name)) {
            QFile f(dir.filePath(name));
            if (f.open(QIODevice::ReadOnly))
                all += name.toUtf8() + '\n' + f.readAll();
        }
        return QCryptographicHash::hash(all, QCryptographicHash::Sha1);
    }();
    h.addData(builtIns);
    h.addData(QByteArrayLiteral("override ") + override.toHex() + '\n');
    if (!override.isEmpty())
        return h.result(); // the folder's own schemas are not used
    for (const QFileInfo& f : schemaFilesOf(root, schemaFolders)) {
        QFile file(f.absoluteFilePath());
        const QByteArray bytes = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        h.addData(QStringLiteral("%1 %2\n").arg(f.absoluteFilePath()).arg(bytes.size()).toUtf8());
        h.addData(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1));
    }
    return h.result();
}

// The keys that the reference fields of any schema of the folder point to. Every article keeps
// its values of them, so that a reference in one article is checked against the articles of
// every schema (authors on a schema of their own). The identity covers the same schema files:
// saved summaries always hold the keys of the schemas of today.
QStringList referenceKeysOf(const QString& root, QStringList schemaFolders,
                            const std::shared_ptr<const Schema>& override)
{
    QStringList keys;
    const auto addFrom = [&keys](const Schema& schema) {
        for (const QString& k : referenceKeys(schema)) {
            if (!keys.contains(k))
                keys << k;
        }
    };
    if (override) {
        addFrom(*override);
        return keys;
    }
    static const QStringList builtIns = [] {
        QStringList out;
        for (const QString& name : Schema::builtInNames()) {
            if (const std::optional<Schema> s = Schema::builtIn(name))
                out << referenceKeys(*s);
        }
        return out;
    }();
    for (const QString& k : builtIns) {
        if (!keys.contains(k))
            keys << k;
    }
    for (const QFileInfo& f : schemaFilesOf(root, schemaFolders)) {
        if (const Result<Schema> schema = Schema::load(f.absoluteFilePath()))
            addFrom(schema.value()); // a broken file is reported where an article uses it
    }
    return keys;
}

} // namespace

ArticleIndex::ArticleIndex(const QString& root)
    : m_root(QDir::cleanPath(QFileInfo(root).absoluteFilePath()))
{}

const ArticleSummary* ArticleIndex::article(const QString& path) const
{
    const auto it = m_byPath.constFind(QDir::cleanPath(QFileInfo(path).absoluteFilePath()));
    return it == m_byPath.cend() ? nullptr : &m_articles.at(*it);
}

void ArticleIndex::reindex()
{
    m_byPath.clear();
    m_byPath.reserve(m_articles.size());
    for (qsizetype i = 0; i < m_articles.size(); ++i)
        m_byPath.insert(m_articles.at(i).path, i);
}

// What a search of the folder found (the Walker, under a name the header can declare).
struct ArticleIndex::Walk
{
    Walker walker;
};

ArticleIndex::Stats ArticleIndex::update(const Progress& progress, const std::atomic<bool>* cancel)
{
    Walk walk;
    walk.walker.walk(m_root);
    walk.walker.addLinks();
    return apply(walk, progress, cancel);
}

ArticleIndex::Stats ArticleIndex::updateFromSaved(const QString& file, bool* loaded)
{
    // On an unchanged folder, reading the saved index and searching the folder are the whole
    // work and take about as long each: they are done side by side.
    const QString root = m_root;
    QFuture<std::shared_ptr<Walk>> searched = QtConcurrent::run([root] {
        auto walk = std::make_shared<Walk>();
        walk->walker.walk(root);
        walk->walker.addLinks();
        return walk;
    });
    const bool ok = load(file);
    if (loaded)
        *loaded = ok;
    const std::shared_ptr<Walk> walk = searched.result();
    return apply(*walk, {}, nullptr);
}

ArticleIndex::Stats ArticleIndex::apply(Walk& walk, const Progress& progress,
                                        const std::atomic<bool>* cancel)
{
    Stats stats;
    Walker& walker = walk.walker;
    const QByteArray identity = identityOf(m_root, walker.schemaFolders, m_overrideIdentity);
    const bool stale = identity != m_identity;
    stats.schemasChanged = stale && !m_articles.isEmpty();
    stats.files = int(walker.files.size());
    // In path order from the start: the summaries are kept so, and sorting these is cheaper.
    std::sort(walker.files.begin(), walker.files.end(),
              [](const Found& a, const Found& b) { return a.path < b.path; });

    QList<ArticleSummary> next;
    next.reserve(walker.files.size());
    QList<qsizetype> toRead;            // indexes into `walker.files` and `next`
    QList<const ArticleSummary*> known; // what the index had for each of them, or null
    int kept = 0;
    for (const Found& f : std::as_const(walker.files)) {
        const auto it = m_byPath.constFind(f.path);
        const ArticleSummary* old = it != m_byPath.cend() ? &m_articles.at(*it) : nullptr;
        if (old)
            ++kept;
        // Unchanged by every measure the system keeps: trusted without reading. A summary
        // without a hash (the file could not be read) is never trusted.
        if (!stale && old && !old->hash.isEmpty() && old->size == f.size &&
            old->modified == f.modified && old->inode == f.inode &&
            old->statusChanged == f.statusChanged) {
            next << *old;
            continue;
        }
        toRead << next.size();
        known << (stale ? nullptr : old);
        next << ArticleSummary();
    }
    stats.removed = int(m_articles.size()) - kept;

    // A library per update, so that schema files edited since the last one are read again.
    SchemaLibrary library;
    if (m_override)
        library.setOverride(m_override);
    const QStringList targetKeys = referenceKeysOf(m_root, walker.schemaFolders, m_override);
    const int total = int(toRead.size());
    if (progress)
        progress(0, total);
    // Without progress to report or a cancel to watch, one batch keeps every core busy to the end.
    const qsizetype batch = progress || cancel ? BatchSize : std::max<qsizetype>(total, 1);
    std::atomic<int> reused{0};
    ArticleSummary* out = next.data(); // not shared: the threads write their own elements
    for (qsizetype start = 0; start < total; start += batch) {
        if (cancel && cancel->load()) {
            stats.cancelled = true;
            return stats;
        }
        const qsizetype end = std::min<qsizetype>(start + batch, total);
        QList<qsizetype> slots;
        slots.reserve(end - start);
        for (qsizetype i = start; i < end; ++i)
            slots << i;
        QtConcurrent::blockingMap(slots, [&](qsizetype i) {
            const Found& f = walker.files.at(toRead.at(i));
            bool same = false;
            ArticleSummary& s = out[toRead.at(i)];
            s = ArticleSummary::read(f.path, library, known.at(i), &same, targetKeys);
            if (same)
                ++reused;
            // The stamp from before the read: a change during the read is seen next time.
            s.size = f.size;
            s.modified = f.modified;
            s.inode = f.inode;
            s.statusChanged = f.statusChanged;
        });
        stats.read += int(end - start);
        if (progress)
            progress(stats.read, total);
    }
    stats.validated = stats.read - reused.load();

    const auto byPath = [](const ArticleSummary& a, const ArticleSummary& b) {
        return a.path < b.path;
    };
    if (!std::is_sorted(next.cbegin(), next.cend(), byPath))
        std::sort(next.begin(), next.end(), byPath);
    stats.changed = stale || stats.read > 0 || stats.removed > 0 || walker.folders != m_folders;
    m_articles = std::move(next);
    m_folders = walker.folders;
    m_problems = walker.problems;
    m_identity = identity;
    reindex();
    if (m_checkAcross)
        checkAcrossFiles();
    return stats;
}

void ArticleIndex::setSchemaOverride(std::shared_ptr<const Schema> schema,
                                     const QByteArray& identity)
{
    m_override = std::move(schema);
    m_overrideIdentity = m_override ? identity : QByteArray();
    if (m_override && m_overrideIdentity.isEmpty())
        m_overrideIdentity = QByteArrayLiteral("unnamed");
}

void ArticleIndex::checkAcrossFiles()
{
    DuplicateCheck check;
    const qsizetype prefix = m_root.endsWith(QLatin1Char('/')) ? m_root.size() : m_root.size() + 1;
    for (const ArticleSummary& s : std::as_const(m_articles))
        check.add(s.path.mid(prefix), &s.unique);
    QList<QList<Diagnostic>> found = check.findings();
    const ReferenceCheck references = referenceCheck();
    for (qsizetype i = 0; i < m_articles.size(); ++i) {
        const ArticleSummary& s = std::as_const(m_articles).at(i);
        if (!s.references.isEmpty()) {
            found[i] << references.findings(s.references);
            sortByPosition(found[i]);
        }
        if (s.crossFile.isEmpty() && found.at(i).isEmpty())
            continue; // untouched: copies of the index keep sharing this summary
        ArticleSummary& changed = m_articles[i];
        changed.crossFile = found.at(i);
        changed.recount();
    }
}

ReferenceCheck ArticleIndex::referenceCheck() const
{
    ReferenceCheck check;
    for (const ArticleSummary& s : m_articles)
        check.addTargets(s.targets);
    return check;
}

QList<ArticleIndex::Target> ArticleIndex::referenceTargets(const QString& to) const
{
    QList<Target> out;
    QSet<QString> seen;
    for (const ArticleSummary& s : m_articles) {
        for (const FieldValue& v : s.targets) {
            if (v.key == to && !seen.contains(v.value)) {
                seen.insert(v.value);
                out << Target{v.value, s.title, s.path};
            }
        }
    }
    std::sort(out.begin(), out.end(), [](const Target& a, const Target& b) {
        const int c = a.value.compare(b.value, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a.value < b.value;
    });
    return out;
}

QStringList ArticleIndex::referenceKeys() const
{
    QStringList out;
    for (const ArticleSummary& s : m_articles) {
        for (const FieldValue& v : s.targets) {
            if (!out.contains(v.key))
                out << v.key;
        }
        for (const FieldValue& v : s.references) {
            if (!out.contains(v.to))
                out << v.to;
        }
    }
    out.sort();
    return out;
}

ArticleIndex::Totals ArticleIndex::totals() const
{
    Totals t;
    t.articles = int(m_articles.size());
    for (const ArticleSummary& s : m_articles) {
        t.errors += s.errors;
        t.warnings += s.warnings;
        t.infos += s.infos;
        t.withErrors += s.errors > 0 ? 1 : 0;
        t.withWarnings += s.warnings > 0 ? 1 : 0;
    }
    return t;
}

QStringList ArticleIndex::subjects() const
{
    QHash<QString, QString> byFolded; // one spelling per subject, whatever the case
    for (const ArticleSummary& s : m_articles) {
        if (!s.subject.isEmpty())
            byFolded.insert(s.subject.toCaseFolded(), s.subject);
    }
    QStringList out = byFolded.values();
    std::sort(out.begin(), out.end(), [](const QString& a, const QString& b) {
        const int c = a.compare(b, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a < b;
    });
    return out;
}

qint64 ArticleIndex::highestId() const
{
    qint64 highest = 0;
    for (const ArticleSummary& s : m_articles) {
        bool ok = false;
        const qint64 id = s.id.toLongLong(&ok);
        if (ok)
            highest = std::max(highest, id);
    }
    return highest;
}

QString ArticleIndex::folderFor(const QString& subject) const
{
    const QString wanted = subject.trimmed().toCaseFolded();
    QHash<QString, int> counts;
    for (const ArticleSummary& s : m_articles) {
        if (!wanted.isEmpty() && s.subject.toCaseFolded() == wanted)
            ++counts[QFileInfo(s.path).absolutePath()];
    }
    QString best = m_root;
    int most = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > most || (it.value() == most && it.key() < best)) {
            best = it.key();
            most = it.value();
        }
    }
    return best;
}

QString ArticleIndex::commonSchema() const
{
    QHash<QString, int> counts;
    for (const ArticleSummary& s : m_articles) {
        if (!s.schema.isEmpty())
            ++counts[s.schema];
    }
    QString best;
    int most = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > most || (it.value() == most && it.key() < best)) {
            best = it.key();
            most = it.value();
        }
    }
    return best;
}

} // namespace frontis
