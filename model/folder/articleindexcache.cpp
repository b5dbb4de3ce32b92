#include "model/folder/articleindex.h"

// The saved index: ArticleIndex::save() and load(), and the file's encoding.

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QStandardPaths>
#include <QtEndian>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <type_traits>

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
// 6: each article's reference values, values of the keys references point to, image paths.
// 7: the values of every key the Values view lists (ArticleSummary::values).
constexpr quint32 CacheFormat = 7;
constexpr qsizetype ChecksumSize = 20; // BLAKE2b-160
constexpr quint32 MaxCachedArticles = 10'000'000;
constexpr quint32 MaxCachedItems = 100'000; // diagnostics or unique values of one article

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

void writeValues(Out& out, const QList<FieldValue>& values)
{
    out << quint32(values.size());
    for (const FieldValue& v : values)
        out << v.key << v.value << v.to << qint32(v.line) << qint32(v.column) << quint8(v.severity);
}

bool readValues(In& in, QList<FieldValue>* values)
{
    quint32 count = 0;
    in >> count;
    if (!in.ok() || count > MaxCachedItems)
        return false;
    values->reserve(count);
    for (quint32 k = 0; k < count; ++k) {
        FieldValue v;
        qint32 line = 0;
        qint32 column = 0;
        quint8 severity = 0;
        in >> In::Shared{v.key} >> v.value >> In::Shared{v.to} >> line >> column >> severity;
        if (!in.ok() || severity > quint8(Diagnostic::Severity::Info))
            return false;
        v.line = line;
        v.column = column;
        v.severity = Diagnostic::Severity(severity);
        *values << v;
    }
    return true;
}

} // namespace

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
            writeValues(out, s.targets);
            writeValues(out, s.references);
            writeValues(out, s.images);
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
        if (!readValues(in, &s.targets) || !readValues(in, &s.references) ||
            !readValues(in, &s.images))
            return fail();
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

} // namespace frontis
