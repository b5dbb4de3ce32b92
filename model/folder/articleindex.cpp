#include "model/folder/articleindex.h"

#include "model/folder/articlefinder.h"
#include "model/folder/duplicatecheck.h"
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

constexpr quint32 CacheMagic = 0x46524958; // "FRIX"
// 2: content hashes, change times, broken schemas, and a checksum over the whole file.
// 3: untitled articles named by their first heading; the typing rules of issue 16 in findings.
// 5: image fields whose file is missing are findings (image-file).
// 6: the values of every key the Values view lists (ArticleSummary::values).
constexpr quint32 CacheFormat = 6;
constexpr qsizetype ChecksumSize = 20; // BLAKE2b-160
constexpr quint32 MaxCachedArticles = 10'000'000;
constexpr quint32 MaxCachedItems = 100'000; // diagnostics or unique values of one article
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
    const QString above = SchemaLibrary::configFolder(root);
    if (!above.isEmpty())
        schemaFolders.prepend(above + QStringLiteral("/schemas"));
    for (const QString& folder : std::as_const(schemaFolders)) {
        const QFileInfoList files =
            QDir(folder).entryInfoList({QStringLiteral("*.yml")}, QDir::Files, QDir::Name);
        for (const QFileInfo& f : files) {
            QFile file(f.absoluteFilePath());
            const QByteArray bytes = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
            h.addData(
                QStringLiteral("%1 %2\n").arg(f.absoluteFilePath()).arg(bytes.size()).toUtf8());
            h.addData(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1));
        }
    }
    return h.result();
}

// The saved index's encoding: little-endian integers, strings as a length and their UTF-8 bytes
// (half the size of QDataStream's UTF-16 for the mostly ASCII text of articles). Written by hand
// rather than with QDataStream: reading the strings of 10,000 articles is most of what
// `frontis validate` does on an unchanged folder, and this reads each with one allocation.
class Out
{
public:
    explicit Out(QByteArray* bytes) : m_b(bytes) {}
    template <typename T>
    requires std::is_integral_v<T> Out& operator<<(T v)
    {
        const T le = qToLittleEndian(v);
        m_b->append(reinterpret_cast<const char*>(&le), sizeof le);
        return *this;
    }
    Out& operator<<(bool v)
    {
        m_b->append(v ? '\1' : '\0');
        return *this;
    }
    Out& operator<<(QByteArrayView v)
    {
        *this << quint32(v.size());
        m_b->append(v);
        return *this;
    }
    Out& operator<<(const QByteArray& v) { return *this << QByteArrayView(v); }
    Out& operator<<(const QString& v) { return *this << QByteArrayView(v.toUtf8()); }

private:
    QByteArray* m_b;
};

class In
{
public:
    explicit In(QByteArrayView bytes) : m_p(bytes.data()), m_end(bytes.data() + bytes.size()) {}
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_p == m_end; }
    template <typename T>
    requires std::is_integral_v<T> In& operator>>(T& v)
    {
        v = 0;
        if (need(sizeof v)) {
            std::memcpy(&v, m_p, sizeof v);
            v = qFromLittleEndian(v);
            m_p += sizeof v;
        }
        return *this;
    }
    In& operator>>(bool& v)
    {
        quint8 c = 0;
        *this >> c;
        m_ok = m_ok && c <= 1;
        v = c == 1;
        return *this;
    }
    In& operator>>(QByteArray& v)
    {
        quint32 n = 0;
        *this >> n;
        v = need(n) ? QByteArray(m_p, qsizetype(n)) : QByteArray();
        m_p += m_ok ? n : 0;
        return *this;
    }
    In& operator>>(QString& v)
    {
        quint32 n = 0;
        *this >> n;
        v = need(n) ? QString::fromUtf8(m_p, qsizetype(n)) : QString();
        m_p += m_ok ? n : 0;
        return *this;
    }
    // A string that many articles share (a schema name, a subject, a key): read once, then the
    // same QString for every article, which saves memory in the window and time on every load.
    struct Shared
    {
        QString& s;
    };
    In& operator>>(Shared v)
    {
        quint32 n = 0;
        *this >> n;
        if (!need(n)) {
            v.s.clear();
            return *this;
        }
        const QByteArrayView bytes(m_p, qsizetype(n));
        auto it = m_shared.constFind(bytes);
        if (it == m_shared.cend())
            it = m_shared.insert(bytes, QString::fromUtf8(bytes));
        v.s = *it;
        m_p += n;
        return *this;
    }

private:
    const char* m_p;
    const char* m_end;
    bool m_ok = true;
    QHash<QByteArrayView, QString> m_shared; // views into the bytes being read

    bool need(std::size_t n)
    {
        m_ok = m_ok && std::size_t(m_end - m_p) >= n;
        return m_ok;
    }
};

void writeDiagnostic(Out& out, const Diagnostic& d)
{
    out << quint8(d.severity) << d.rule << d.key << qint32(d.line) << qint32(d.column) << d.message;
}

bool readDiagnostic(In& in, Diagnostic* d)
{
    quint8 severity = 0;
    qint32 line = 0;
    qint32 column = 0;
    in >> severity >> In::Shared{d->rule} >> In::Shared{d->key} >> line >> column >> d->message;
    if (severity > quint8(Diagnostic::Severity::Info))
        return false;
    d->severity = Diagnostic::Severity(severity);
    d->line = line;
    d->column = column;
    return in.ok();
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
            s = ArticleSummary::read(f.path, library, known.at(i), &same);
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
    const QList<QList<Diagnostic>> found = check.findings();
    for (qsizetype i = 0; i < m_articles.size(); ++i) {
        const ArticleSummary& s = std::as_const(m_articles).at(i);
        if (s.crossFile.isEmpty() && found.at(i).isEmpty())
            continue; // untouched: copies of the index keep sharing this summary
        ArticleSummary& changed = m_articles[i];
        changed.crossFile = found.at(i);
        changed.recount();
    }
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

QString ArticleIndex::cacheFile(const QString& root, const QString& cacheFolder,
                                const QByteArray& variant)
{
    const QString folder = cacheFolder.isEmpty()
                               ? QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
                                     QStringLiteral("/folders")
                               : cacheFolder;
    const QString clean = QDir::cleanPath(QFileInfo(root).absoluteFilePath());
    QByteArray key = clean.toUtf8();
    if (!variant.isEmpty())
        key += '\n' + variant.toHex();
    const QByteArray hash =
        QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(20);
    return folder + QLatin1Char('/') + QString::fromLatin1(hash) + QStringLiteral(".index");
}

namespace {

QByteArray checksum(QByteArrayView bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Blake2b_160);
}

} // namespace

Status ArticleIndex::save(const QString& file) const
{
    QByteArray bytes;
    {
        Out out(&bytes);
        out << CacheMagic << CacheFormat << QStringLiteral(FRONTIS_VERSION) << m_root << m_identity
            << quint32(m_folders.size());
        const QDir root(m_root);
        for (const QString& f : m_folders)
            out << root.relativeFilePath(f);
        out << quint32(m_articles.size());
        const qsizetype prefix =
            m_root.endsWith(QLatin1Char('/')) ? m_root.size() : m_root.size() + 1;
        for (const ArticleSummary& s : m_articles) {
            // The question is most often the title again: written once.
            const bool questionIsTitle = s.question == s.title;
            out << s.path.mid(prefix) << s.size << s.modified << s.inode << s.statusChanged
                << s.hash << s.parsed << s.schema << s.title << s.subject << s.date << s.id
                << s.score << s.url << s.fileName << questionIsTitle
                << (questionIsTitle ? QString() : s.question) << s.keywords
                << quint32(s.diagnostics.size());
            for (const Diagnostic& d : s.diagnostics)
                writeDiagnostic(out, d);
            out << quint32(s.unique.size());
            for (const Validator::KeyValue& kv : s.unique)
                out << kv.key << kv.value << qint32(kv.line) << qint32(kv.column);
            out << quint32(s.shown.size());
            for (const ArticleSummary::Shown& v : s.shown)
                out << v.key << v.label << v.value << v.choice << v.list;
            out << quint32(s.values.size());
            for (const ArticleSummary::Values& v : s.values) {
                out << v.key << v.label << v.choice << quint32(v.items.size());
                for (const QString& item : v.items)
                    out << item;
            }
            out << s.brokenSchema;
            if (!s.brokenSchema.isEmpty())
                out << s.schemaError.message << qint32(s.schemaError.line)
                    << qint32(s.schemaError.column);
        }
    }
    // A file cut short, or changed by anything but this code, fails the checksum and is ignored.
    bytes += checksum(bytes);
    if (!QDir().mkpath(QFileInfo(file).absolutePath()))
        return Error{tr("cannot make the folder '%1'").arg(QFileInfo(file).absolutePath())};
    // Written beside and renamed over the old one, so that a reader sees one whole file or the
    // other; not synced to disk as articles are: a file a crash cut short fails its checksum and
    // is made again, and the sync would cost more than the rest of a run over an unchanged folder.
    const QString temp = file + QStringLiteral(".%1.tmp").arg(QCoreApplication::applicationPid());
    QFile out(temp);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(bytes) != bytes.size() ||
        !out.flush()) {
        const QString why = out.errorString();
        out.remove();
        return Error{tr("cannot write '%1': %2").arg(temp, why)};
    }
    out.close();
    if (std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(file).constData()) !=
        0) {
        QFile::remove(temp);
        return Error{tr("cannot replace '%1'").arg(file)};
    }
    return {};
}

bool ArticleIndex::load(const QString& file)
{
    const QString root = m_root;
    const std::shared_ptr<const Schema> override = m_override;
    const QByteArray overrideIdentity = m_overrideIdentity;
    const bool checkAcross = m_checkAcross;
    auto fail = [&] {
        *this = ArticleIndex(root);
        m_override = override;
        m_overrideIdentity = overrideIdentity;
        m_checkAcross = checkAcross;
        return false;
    };
    fail();
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QByteArray bytes = f.readAll();
    if (bytes.size() < ChecksumSize + 8 ||
        checksum(QByteArrayView(bytes).chopped(ChecksumSize)) != bytes.right(ChecksumSize))
        return false;
    bytes.chop(ChecksumSize);
    In in(bytes);
    quint32 magic = 0;
    quint32 format = 0;
    QString version;
    QString savedRoot;
    quint32 folders = 0;
    in >> magic >> format;
    if (!in.ok() || magic != CacheMagic || format != CacheFormat)
        return false;
    in >> version >> savedRoot >> m_identity >> folders;
    if (!in.ok() || version != QLatin1String(FRONTIS_VERSION) || savedRoot != m_root ||
        folders > MaxCachedArticles)
        return fail();
    const QDir dir(m_root);
    const QString prefix = m_root.endsWith(QLatin1Char('/')) ? m_root : m_root + QLatin1Char('/');
    for (quint32 i = 0; i < folders; ++i) {
        QString rel;
        in >> rel;
        m_folders << QDir::cleanPath(dir.filePath(rel));
    }
    quint32 count = 0;
    in >> count;
    if (!in.ok() || count > MaxCachedArticles)
        return fail();
    // Counts are checked against what the file can hold before memory is set aside for them.
    m_articles.reserve(std::min<qsizetype>(count, bytes.size() / 32));
    for (quint32 i = 0; i < count; ++i) {
        ArticleSummary s;
        QString rel;
        quint32 diagnostics = 0;
        bool questionIsTitle = false;
        in >> rel >> s.size >> s.modified >> s.inode >> s.statusChanged >> s.hash >> s.parsed >>
            In::Shared{s.schema} >> s.title >> In::Shared{s.subject} >> In::Shared{s.date} >>
            s.id >> In::Shared{s.score} >> s.url >> s.fileName >> questionIsTitle >> s.question >>
            s.keywords >> diagnostics;
        if (!in.ok() || diagnostics > MaxCachedItems || rel.isEmpty())
            return fail();
        s.path = prefix + rel; // written relative to the clean root
        if (questionIsTitle)
            s.question = s.title; // shared, as when the file was read
        for (quint32 k = 0; k < diagnostics; ++k) {
            Diagnostic d;
            if (!readDiagnostic(in, &d))
                return fail();
            s.diagnostics << d;
        }
        quint32 unique = 0;
        in >> unique;
        if (!in.ok() || unique > MaxCachedItems)
            return fail();
        for (quint32 k = 0; k < unique; ++k) {
            Validator::KeyValue kv;
            qint32 line = 0;
            qint32 column = 0;
            in >> In::Shared{kv.key} >> kv.value >> line >> column;
            kv.line = line;
            kv.column = column;
            // Most unique values are values the summary keeps too: one string for both.
            for (const QString* same : {&s.id, &s.url, &s.fileName}) {
                if (kv.value == *same)
                    kv.value = *same;
            }
            s.unique << kv;
        }
        quint32 shown = 0;
        in >> shown;
        if (!in.ok() || shown > MaxCachedItems)
            return fail();
        for (quint32 k = 0; k < shown; ++k) {
            ArticleSummary::Shown v;
            // Shared: the value is most often one the summary has read already (a date, a
            // subject) or one many articles write (a category).
            in >> In::Shared{v.key} >> In::Shared{v.label} >> In::Shared{v.value} >> v.choice >>
                v.list;
            s.shown << v;
        }
        quint32 values = 0;
        in >> values;
        if (!in.ok() || values > MaxCachedItems)
            return fail();
        for (quint32 k = 0; k < values; ++k) {
            ArticleSummary::Values v;
            quint32 items = 0;
            in >> In::Shared{v.key} >> In::Shared{v.label} >> v.choice >> items;
            if (!in.ok() || items > MaxCachedItems)
                return fail();
            for (quint32 n = 0; n < items; ++n) {
                QString item;
                // Shared: a site's tags are few and written by many articles.
                in >> In::Shared{item};
                v.items << item;
            }
            s.values << v;
        }
        in >> s.brokenSchema;
        if (!s.brokenSchema.isEmpty()) {
            qint32 line = 0;
            qint32 column = 0;
            in >> s.schemaError.message >> line >> column;
            s.schemaError.line = line;
            s.schemaError.column = column;
        }
        if (!in.ok())
            return fail();
        s.recount();
        m_articles << std::move(s);
    }
    if (!in.atEnd())
        return fail();
    // Written sorted; a file that is not is not one we wrote.
    for (qsizetype i = 1; i < m_articles.size(); ++i) {
        if (!(m_articles.at(i - 1).path < m_articles.at(i).path))
            return fail();
    }
    reindex();
    if (m_checkAcross)
        checkAcrossFiles();
    return true;
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
