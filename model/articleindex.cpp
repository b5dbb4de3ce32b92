#include "articleindex.h"

#include "articlefinder.h"
#include "atomicwrite.h"
#include "schemalibrary.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDataStream>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSet>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>

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
constexpr quint32 CacheFormat = 1;
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
};

// The folder walk. Besides what ArticleFinder skips, it notes the `.frontis/schemas` folders on
// the way (they decide how articles validate) and every folder it entered (to watch them).
class Walker
{
public:
    QList<Found> files;
    QStringList folders;
    QStringList schemaFolders;

    void walk(const QString& path)
    {
        const QFileInfo info(path);
        const QString canonical = info.canonicalFilePath();
        if (canonical.isEmpty() || m_seenFolders.contains(canonical))
            return; // gone, or a symbolic link back into a folder already searched
        m_seenFolders.insert(canonical);
        folders << path;
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
                Found f{e.filePath(), 0, 0, 0};
                bool link = false;
                if (!stamp(&f, &link))
                    continue; // not a regular file: FIFOs (reading one would wait), broken links
                if (link)
                    m_links << f; // kept unless the file it leads to is listed as itself
                else
                    files << f;
                if (!link)
                    m_seenFiles.insert(canonical + QLatin1Char('/') + name);
                continue;
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
        for (const Found& f : std::as_const(m_links)) {
            const QString target = QFileInfo(f.path).canonicalFilePath();
            if (target.isEmpty() || m_seenFiles.contains(target))
                continue;
            m_seenFiles.insert(target);
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
        return true;
#else
        const QFileInfo info(f->path);
        if (!info.isFile())
            return false;
        *link = info.isSymLink();
        f->size = info.size();
        f->modified = info.lastModified().toMSecsSinceEpoch();
        return true;
#endif
    }

private:
    QSet<QString> m_seenFolders;
    QSet<QString> m_seenFiles;
    QList<Found> m_links;
};

// What the summaries depend on besides the articles: Frontis itself, the language of the
// messages, the built-in schemas and the folder's own schema files.
QByteArray identityOf(const QString& root, QStringList schemaFolders)
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
    const QString above = SchemaLibrary::configFolder(root);
    if (!above.isEmpty())
        schemaFolders.prepend(above + QStringLiteral("/schemas"));
    for (const QString& folder : std::as_const(schemaFolders)) {
        const QFileInfoList files =
            QDir(folder).entryInfoList({QStringLiteral("*.yml")}, QDir::Files, QDir::Name);
        for (const QFileInfo& f : files) {
            h.addData(QStringLiteral("%1 %2 %3\n")
                          .arg(f.absoluteFilePath())
                          .arg(f.size())
                          .arg(f.lastModified().toMSecsSinceEpoch())
                          .toUtf8());
        }
    }
    return h.result();
}

QString duplicateRule(QString key)
{
    key.replace(QLatin1Char('_'), QLatin1Char('-')).replace(QLatin1Char('.'), QLatin1Char('-'));
    return QStringLiteral("duplicate-") + key;
}

void writeDiagnostic(QDataStream& out, const Diagnostic& d)
{
    out << quint8(d.severity) << d.rule << d.key << qint32(d.line) << qint32(d.column) << d.message;
}

bool readDiagnostic(QDataStream& in, Diagnostic* d)
{
    quint8 severity = 0;
    qint32 line = 0;
    qint32 column = 0;
    in >> severity >> d->rule >> d->key >> line >> column >> d->message;
    if (severity > quint8(Diagnostic::Severity::Info))
        return false;
    d->severity = Diagnostic::Severity(severity);
    d->line = line;
    d->column = column;
    return in.status() == QDataStream::Ok;
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

ArticleIndex::Stats ArticleIndex::update(const Progress& progress, const std::atomic<bool>* cancel)
{
    Stats stats;
    Walker walker;
    walker.walk(m_root);
    walker.addLinks();
    const QByteArray identity = identityOf(m_root, walker.schemaFolders);
    const bool stale = identity != m_identity;
    stats.schemasChanged = stale && !m_articles.isEmpty();
    stats.files = int(walker.files.size());

    QList<ArticleSummary> next;
    next.reserve(walker.files.size());
    QList<qsizetype> toRead; // indexes into `walker.files` and `next`
    int kept = 0;
    for (const Found& f : std::as_const(walker.files)) {
        const auto it = m_byPath.constFind(f.path);
        if (it != m_byPath.cend())
            ++kept;
        if (!stale && it != m_byPath.cend() && m_articles.at(*it).size == f.size &&
            m_articles.at(*it).modified == f.modified && m_articles.at(*it).inode == f.inode) {
            next << m_articles.at(*it);
            continue;
        }
        toRead << next.size();
        next << ArticleSummary();
    }
    stats.removed = int(m_articles.size()) - kept;

    // A library per update, so that schema files edited since the last one are read again.
    SchemaLibrary library;
    const int total = int(toRead.size());
    if (progress)
        progress(0, total);
    for (qsizetype start = 0; start < total; start += BatchSize) {
        if (cancel && cancel->load()) {
            stats.cancelled = true;
            return stats;
        }
        QStringList paths;
        const qsizetype end = std::min<qsizetype>(start + BatchSize, total);
        for (qsizetype i = start; i < end; ++i)
            paths << walker.files.at(toRead.at(i)).path;
        const QList<ArticleSummary> read = QtConcurrent::blockingMapped(
            paths, [&library](const QString& path) { return ArticleSummary::read(path, library); });
        for (qsizetype i = start; i < end; ++i) {
            const Found& f = walker.files.at(toRead.at(i));
            ArticleSummary& s = next[toRead.at(i)];
            s = read.at(i - start);
            // The stamp from before the read: a change during the read is seen next time.
            s.size = f.size;
            s.modified = f.modified;
            s.inode = f.inode;
        }
        stats.read += int(end - start);
        if (progress)
            progress(stats.read, total);
    }

    std::sort(next.begin(), next.end(),
              [](const ArticleSummary& a, const ArticleSummary& b) { return a.path < b.path; });
    m_articles = std::move(next);
    m_folders = walker.folders;
    m_identity = identity;
    reindex();
    checkAcrossFiles();
    return stats;
}

void ArticleIndex::checkAcrossFiles()
{
    const QChar sep(0x1f);
    QHash<QString, QList<qsizetype>> owners; // key + sep + value -> articles holding it
    for (qsizetype i = 0; i < m_articles.size(); ++i) {
        for (const Validator::KeyValue& kv : m_articles.at(i).unique) {
            QList<qsizetype>& list = owners[kv.key + sep + kv.value];
            if (list.isEmpty() || list.last() != i)
                list << i;
        }
    }
    for (ArticleSummary& s : m_articles) {
        if (!s.crossFile.isEmpty()) {
            s.crossFile.clear();
            s.recount();
        }
    }
    const QDir root(m_root);
    constexpr qsizetype MaxNamed = 3;
    for (auto it = owners.cbegin(); it != owners.cend(); ++it) {
        const QList<qsizetype>& holders = it.value();
        if (holders.size() < 2)
            continue;
        const QString key = it.key().section(sep, 0, 0);
        for (const qsizetype i : holders) {
            ArticleSummary& s = m_articles[i];
            const Validator::KeyValue* mine = nullptr;
            for (const Validator::KeyValue& kv : std::as_const(s.unique)) {
                if (kv.key == key)
                    mine = &kv;
            }
            if (!mine)
                continue;
            QStringList others;
            for (const qsizetype j : holders) {
                if (j == i)
                    continue;
                if (others.size() == MaxNamed) {
                    others << tr("%1 more").arg(holders.size() - 1 - MaxNamed);
                    break;
                }
                int line = 0;
                for (const Validator::KeyValue& kv : m_articles.at(j).unique) {
                    if (kv.key == key)
                        line = kv.line;
                }
                others << tr("'%1' (line %2)")
                              .arg(root.relativeFilePath(m_articles.at(j).path))
                              .arg(line);
            }
            s.crossFile << Diagnostic{
                Diagnostic::Severity::Error,
                duplicateRule(key),
                key,
                mine->line,
                mine->column,
                tr("'%1' is '%2' here and in %3; it must be unique")
                    .arg(key, mine->value, others.join(QStringLiteral(", ")))};
            s.recount();
        }
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

QString ArticleIndex::cacheFile(const QString& root, const QString& cacheFolder)
{
    const QString folder = cacheFolder.isEmpty()
                               ? QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
                                     QStringLiteral("/folders")
                               : cacheFolder;
    const QString clean = QDir::cleanPath(QFileInfo(root).absoluteFilePath());
    const QByteArray hash =
        QCryptographicHash::hash(clean.toUtf8(), QCryptographicHash::Sha1).toHex().left(20);
    return folder + QLatin1Char('/') + QString::fromLatin1(hash) + QStringLiteral(".index");
}

Status ArticleIndex::save(const QString& file) const
{
    QByteArray bytes;
    {
        QDataStream out(&bytes, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_4);
        out << CacheMagic << CacheFormat << QStringLiteral(FRONTIS_VERSION) << m_root << m_identity
            << quint32(m_folders.size());
        const QDir root(m_root);
        for (const QString& f : m_folders)
            out << root.relativeFilePath(f);
        out << quint32(m_articles.size());
        for (const ArticleSummary& s : m_articles) {
            out << root.relativeFilePath(s.path) << s.size << s.modified << s.inode << s.parsed
                << s.schema << s.title << s.subject << s.date << s.id << s.score << s.url
                << s.fileName << s.question << s.keywords << quint32(s.diagnostics.size());
            for (const Diagnostic& d : s.diagnostics)
                writeDiagnostic(out, d);
            out << quint32(s.unique.size());
            for (const Validator::KeyValue& kv : s.unique)
                out << kv.key << kv.value << qint32(kv.line) << qint32(kv.column);
        }
    }
    if (!QDir().mkpath(QFileInfo(file).absolutePath()))
        return Error{tr("cannot make the folder '%1'").arg(QFileInfo(file).absolutePath())};
    return writeAtomically(file, bytes);
}

bool ArticleIndex::load(const QString& file)
{
    const QString root = m_root;
    *this = ArticleIndex(root);
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray bytes = f.readAll();
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint32 format = 0;
    QString version;
    QString savedRoot;
    quint32 folders = 0;
    in >> magic >> format;
    if (in.status() != QDataStream::Ok || magic != CacheMagic || format != CacheFormat)
        return false;
    in >> version >> savedRoot >> m_identity >> folders;
    if (in.status() != QDataStream::Ok || version != QLatin1String(FRONTIS_VERSION) ||
        savedRoot != m_root || folders > MaxCachedArticles) {
        *this = ArticleIndex(root);
        return false;
    }
    const QDir dir(m_root);
    const QString prefix = m_root.endsWith(QLatin1Char('/')) ? m_root : m_root + QLatin1Char('/');
    auto fail = [this, &root] {
        *this = ArticleIndex(root);
        return false;
    };
    for (quint32 i = 0; i < folders; ++i) {
        QString rel;
        in >> rel;
        m_folders << QDir::cleanPath(dir.filePath(rel));
    }
    quint32 count = 0;
    in >> count;
    if (in.status() != QDataStream::Ok || count > MaxCachedArticles)
        return fail();
    m_articles.reserve(count);
    for (quint32 i = 0; i < count; ++i) {
        ArticleSummary s;
        QString rel;
        quint32 diagnostics = 0;
        in >> rel >> s.size >> s.modified >> s.inode >> s.parsed >> s.schema >> s.title >>
            s.subject >> s.date >> s.id >> s.score >> s.url >> s.fileName >> s.question >>
            s.keywords >> diagnostics;
        if (in.status() != QDataStream::Ok || diagnostics > MaxCachedItems || rel.isEmpty())
            return fail();
        s.path = prefix + rel; // written relative to the clean root
        if (s.question == s.title)
            s.question = s.title; // shared, as when the file was read
        for (quint32 k = 0; k < diagnostics; ++k) {
            Diagnostic d;
            if (!readDiagnostic(in, &d))
                return fail();
            s.diagnostics << d;
        }
        quint32 unique = 0;
        in >> unique;
        if (in.status() != QDataStream::Ok || unique > MaxCachedItems)
            return fail();
        for (quint32 k = 0; k < unique; ++k) {
            Validator::KeyValue kv;
            qint32 line = 0;
            qint32 column = 0;
            in >> kv.key >> kv.value >> line >> column;
            kv.line = line;
            kv.column = column;
            s.unique << kv;
        }
        if (in.status() != QDataStream::Ok)
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
