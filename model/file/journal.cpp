#include "model/file/journal.h"

#include "model/file/atomicwrite.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <algorithm>

namespace frontis {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("RecoveryJournal", text);
}

// First line of every journal file; the number changes when the layout does.
const QByteArray Magic = QByteArrayLiteral("FRONTIS-JOURNAL 1\n");
const QByteArray MagicPrefix = QByteArrayLiteral("FRONTIS-JOURNAL ");
const QString Suffix = QStringLiteral(".journal");
constexpr qint64 MaxHeader = 64 * 1024;
constexpr qint64 MaxFile = 512LL * 1024 * 1024; // far beyond any article; bounds a foreign file

QJsonValue stampToJson(const FileStamp& s)
{
    if (s.isNull())
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("size"), double(s.size)},
                       {QStringLiteral("modified"),
                        s.modified.isValid() ? QJsonValue(s.modified.toString(Qt::ISODateWithMs))
                                             : QJsonValue::Null},
                       {QStringLiteral("sha256"), QString::fromLatin1(s.sha256)}};
}

bool isSha256Hex(const QString& s)
{
    return s.size() == 64 && std::all_of(s.begin(), s.end(), [](QChar c) {
               return (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                      (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
           });
}

std::optional<FileStamp> stampFromJson(const QJsonValue& v)
{
    if (v.isNull())
        return FileStamp{};
    const QJsonObject o = v.toObject();
    const QString hash = o.value(QStringLiteral("sha256")).toString();
    if (!v.isObject() || !o.value(QStringLiteral("size")).isDouble() || !isSha256Hex(hash))
        return std::nullopt;
    FileStamp s;
    s.size = qint64(o.value(QStringLiteral("size")).toDouble());
    s.modified =
        QDateTime::fromString(o.value(QStringLiteral("modified")).toString(), Qt::ISODateWithMs);
    s.sha256 = hash.toLatin1();
    return s;
}

} // namespace

RecoveryJournal::RecoveryJournal() : RecoveryJournal(defaultDirectory())
{}

RecoveryJournal::RecoveryJournal(const QString& directory) : m_dir(QDir::cleanPath(directory))
{}

QString RecoveryJournal::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/journal");
}

QString RecoveryJournal::key(const QString& articlePath)
{
    const QFileInfo info(articlePath);
    const QString canonical = info.canonicalFilePath(); // empty when the article is gone
    return canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
}

QString RecoveryJournal::fileForKey(const QString& key) const
{
    const QByteArray hash =
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex();
    return m_dir + QLatin1Char('/') + QString::fromLatin1(hash.left(32)) + Suffix;
}

QString RecoveryJournal::fileFor(const QString& articlePath) const
{
    return fileForKey(key(articlePath));
}

Status RecoveryJournal::write(const QString& articlePath, const FileStamp& basedOn,
                              const QByteArray& bytes)
{
    // The journal holds unpublished writing: only the user may read it.
    if (!QDir().mkpath(m_dir))
        return Error{tr("cannot create the recovery journal folder '%1'")
                         .arg(QDir::toNativeSeparators(m_dir))};
    QFile::setPermissions(m_dir,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString k = key(articlePath);
    const QJsonObject header{
        {QStringLiteral("article"), k},
        {QStringLiteral("basedOn"), stampToJson(basedOn)},
        {QStringLiteral("written"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("frontis"), QStringLiteral(FRONTIS_VERSION)},
        {QStringLiteral("size"), double(bytes.size())},
        {QStringLiteral("sha256"), QString::fromLatin1(FileStamp::hash(bytes))},
    };
    // Header on one line, then the article as it is: readable by hand in an emergency.
    QByteArray data = Magic + QJsonDocument(header).toJson(QJsonDocument::Compact) + '\n';
    data += bytes;
    AtomicWriteOptions options;
    options.newFileMode = 0600;
    if (Status s = writeAtomically(fileForKey(k), data, options)) {
        return Error{tr("the unsaved changes to '%1' could not be kept in the recovery journal: %2")
                         .arg(articlePath, s->message)};
    }
    return {};
}

Result<RecoveryJournal::Entry> RecoveryJournal::readFile(const QString& file)
{
    auto bad = [&](const QString& why) {
        return Error{tr("ignored the recovery journal file '%1': %2")
                         .arg(QDir::toNativeSeparators(file), why)};
    };
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return bad(f.errorString());
    if (f.size() > MaxFile)
        return bad(tr("it is too large to be a journal"));
    const QByteArray data = f.readAll();
    if (f.error() != QFileDevice::NoError)
        return bad(f.errorString());
    if (!data.startsWith(Magic)) {
        return bad(data.startsWith(MagicPrefix) ? tr("it was written by a newer version of Frontis")
                                                : tr("it is not a Frontis journal"));
    }
    const qsizetype headerEnd = data.indexOf('\n', Magic.size());
    if (headerEnd < 0 || headerEnd - Magic.size() > MaxHeader)
        return bad(tr("it is damaged (no complete header)"));
    QJsonParseError jsonError;
    const QJsonDocument json =
        QJsonDocument::fromJson(data.mid(Magic.size(), headerEnd - Magic.size()), &jsonError);
    if (jsonError.error != QJsonParseError::NoError || !json.isObject())
        return bad(tr("it is damaged (unreadable header)"));
    const QJsonObject h = json.object();
    Entry e;
    e.file = file;
    e.articlePath = h.value(QStringLiteral("article")).toString();
    e.written =
        QDateTime::fromString(h.value(QStringLiteral("written")).toString(), Qt::ISODateWithMs);
    e.frontisVersion = h.value(QStringLiteral("frontis")).toString();
    const std::optional<FileStamp> basedOn = stampFromJson(h.value(QStringLiteral("basedOn")));
    const QString hash = h.value(QStringLiteral("sha256")).toString();
    if (e.articlePath.isEmpty() || !QFileInfo(e.articlePath).isAbsolute() || !e.written.isValid() ||
        !basedOn || !h.value(QStringLiteral("size")).isDouble() || !isSha256Hex(hash)) {
        return bad(tr("it is damaged (incomplete header)"));
    }
    e.basedOn = *basedOn;
    e.bytes = data.mid(headerEnd + 1);
    // Size and hash: a cut-off or altered file is never offered as the writer's work.
    if (e.bytes.size() != qint64(h.value(QStringLiteral("size")).toDouble()) ||
        FileStamp::hash(e.bytes) != hash.toLatin1())
        return bad(tr("it is damaged (the saved text is incomplete or altered)"));
    return e;
}

std::optional<RecoveryJournal::Entry> RecoveryJournal::trusted(const QString& file,
                                                               QList<Error>* problems) const
{
    Result<Entry> e = readFile(file);
    if (e && fileForKey(e->articlePath) != file) {
        // Intact, but not where Frontis would have put it: copied or planted, not ours.
        e = Error{tr("ignored the recovery journal file '%1': it does not belong to the article it "
                     "names ('%2')")
                      .arg(QDir::toNativeSeparators(file), e->articlePath)};
    }
    if (!e) {
        if (problems)
            problems->append(e.error());
        return std::nullopt;
    }
    return std::move(e.value());
}

std::optional<RecoveryJournal::Entry> RecoveryJournal::find(const QString& articlePath,
                                                            QList<Error>* problems) const
{
    const QString file = fileFor(articlePath);
    if (!QFileInfo::exists(file))
        return std::nullopt;
    return trusted(file, problems);
}

QList<RecoveryJournal::Entry> RecoveryJournal::all(QList<Error>* problems) const
{
    QList<Entry> entries;
    const QDir dir(m_dir);
    const QStringList files =
        dir.entryList({QLatin1Char('*') + Suffix}, QDir::Files | QDir::Hidden, QDir::Name);
    for (const QString& name : files) {
        if (std::optional<Entry> e = trusted(dir.filePath(name), problems))
            entries.append(std::move(*e));
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry& a, const Entry& b) { return a.written > b.written; });
    return entries;
}

Status RecoveryJournal::discard(const QString& articlePath)
{
    QFile f(fileFor(articlePath));
    if (!f.exists() || f.remove())
        return {};
    return Error{tr("cannot remove the recovery journal file '%1': %2")
                     .arg(QDir::toNativeSeparators(f.fileName()), f.errorString())};
}

} // namespace frontis
