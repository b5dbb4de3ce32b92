#include "model/text/siteimages.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>

namespace frontis {

namespace {

// Files that mark a folder as a site's root, where Jekyll serves "/images/a.png" from.
bool isSiteRoot(const QDir& dir)
{
    for (const char* marker : {"_config.yml", "_config.toml", "hugo.toml", "hugo.yaml",
                               "config.toml", "astro.config.mjs", "eleventy.config.js",
                               ".eleventy.js", "package.json", ".frontis", ".git"}) {
        if (QFileInfo::exists(dir.filePath(QString::fromLatin1(marker))))
            return true;
    }
    return false;
}

QString existingFile(const QString& path)
{
    const QFileInfo info(path);
    return info.isFile() ? info.absoluteFilePath() : QString();
}

// The folders a site-rooted path is served from, nearest first, with the site's root last.
QStringList servedFolders(const QString& articleFolder)
{
    QStringList out;
    QDir dir(QFileInfo(articleFolder).absoluteFilePath());
    for (int depth = 0; depth < 16; ++depth) {
        for (const char* folder : {"static", "public", "assets"}) {
            const QFileInfo info(dir.filePath(QString::fromLatin1(folder)));
            if (info.isDir())
                out << info.absoluteFilePath();
        }
        if (isSiteRoot(dir)) {
            out << dir.absolutePath();
            break;
        }
        if (!dir.cdUp())
            break;
    }
    return out;
}

bool isInside(const QString& file, const QString& folder)
{
    return file.startsWith(folder + u'/');
}

} // namespace

QString imageFolderFor(const QString& articlePath)
{
    const QFileInfo article(articlePath);
    const QString folder = article.absolutePath();
    if (article.fileName() == QLatin1String("index.md") ||
        article.fileName() == QLatin1String("_index.md"))
        return folder;
    for (const QString& served : servedFolders(folder)) {
        if (served.endsWith(QLatin1String("/static")) ||
            served.endsWith(QLatin1String("/public")) ||
            served.endsWith(QLatin1String("/assets"))) {
            const QFileInfo images(served + QLatin1String("/images"));
            return images.isDir() ? images.absoluteFilePath() : served;
        }
    }
    return folder;
}

namespace {

// The folders a site-rooted path written now starts in, nearest first. A Jekyll site (its
// _config.yml) serves its root folder as it is, so `/assets/a.png` names assets/a.png there:
// only the root counts. Elsewhere static/, public/ and assets/ (Hugo, Astro, Eleventy) come
// before the site's root.
QStringList rootsForWriting(const QString& articleFolder)
{
    const QStringList served = servedFolders(articleFolder);
    if (!served.isEmpty() && QFileInfo::exists(served.last() + QLatin1String("/_config.yml")))
        return {served.last()};
    return served;
}

bool isNoPath(const QString& v)
{
    return v.isEmpty() || v.contains(QLatin1String("://")) || v.startsWith(QLatin1String("//")) ||
           v.startsWith(QLatin1String("data:")) || v.contains(u'*') || v.contains(u'{');
}

// The folder `value` starts in, given the file it names: the file's path minus the value's.
QString startFolder(const QString& file, const QString& value)
{
    const QString tail = u'/' + QDir::cleanPath(value.startsWith(u'/') ? value.mid(1) : value);
    return file.endsWith(tail) ? file.chopped(tail.size()) : QString();
}

} // namespace

QString imageFileOf(const QString& articleFolder, const QString& value)
{
    const QString found = localImagePath(articleFolder, value);
    if (!found.isEmpty() || value.isEmpty() || value.startsWith(u'/') || isNoPath(value))
        return found;
    return localImagePath(articleFolder, u'/' + value);
}

ImagePathStyle imagePathStyleOf(const QList<ImageExample>& examples)
{
    using Kind = ImagePathStyle::Kind;
    QHash<int, int> kinds;
    QHash<int, QHash<QString, int>> folders; // kind -> start folder -> count
    for (const ImageExample& e : examples) {
        const QString v = e.value.trimmed();
        if (isNoPath(v))
            continue;
        Kind kind = Kind::PageRelative;
        QString folder;
        if (v.startsWith(u'/')) {
            kind = Kind::SiteRooted;
            folder = startFolder(localImagePath(e.articleFolder, v), v);
        } else if (e.articleFolder.isEmpty() || !localImagePath(e.articleFolder, v).isEmpty()) {
            kind = Kind::PageRelative;
        } else if (const QString f = localImagePath(e.articleFolder, u'/' + v); !f.isEmpty()) {
            kind = Kind::SiteRelative;
            folder = startFolder(f, v);
        }
        ++kinds[int(kind)];
        if (!folder.isEmpty())
            ++folders[int(kind)][folder];
    }
    ImagePathStyle style;
    int most = 0;
    for (const Kind k : {Kind::PageRelative, Kind::SiteRooted, Kind::SiteRelative}) {
        if (kinds.value(int(k)) > most) {
            most = kinds.value(int(k));
            style.kind = k;
        }
    }
    most = 0;
    const QHash<QString, int> counted = folders.value(int(style.kind));
    for (auto it = counted.cbegin(); it != counted.cend(); ++it) {
        if (it.value() > most || (it.value() == most && it.key() < style.servedFolder)) {
            most = it.value();
            style.servedFolder = it.key();
        }
    }
    return style;
}

QString imagePathValue(const QString& articleFolder, const QString& file,
                       const ImagePathStyle& style)
{
    using Kind = ImagePathStyle::Kind;
    const QString absolute = QFileInfo(file).absoluteFilePath();
    const QString folder =
        articleFolder.isEmpty() ? QString() : QFileInfo(articleFolder).absoluteFilePath();
    const auto fromRoot = [&](const QString& root, Kind kind) {
        const QString rel = QDir(root).relativeFilePath(absolute);
        return kind == Kind::SiteRelative ? rel : u'/' + rel;
    };
    if (style.kind != Kind::PageRelative && !style.servedFolder.isEmpty() &&
        isInside(absolute, QFileInfo(style.servedFolder).absoluteFilePath()))
        return fromRoot(QFileInfo(style.servedFolder).absoluteFilePath(), style.kind);
    // A page bundle's own image is served beside the page: its bare name, whatever the site
    // writes for images elsewhere (a site-rooted `/content/...` path names nothing Hugo serves).
    if (!folder.isEmpty() && isInside(absolute, folder))
        return QDir(folder).relativeFilePath(absolute);
    QString root;
    for (const QString& served : rootsForWriting(folder)) {
        if (isInside(absolute, served)) {
            root = served;
            break;
        }
    }
    if (!root.isEmpty())
        return fromRoot(root,
                        style.kind == Kind::SiteRelative ? Kind::SiteRelative : Kind::SiteRooted);
    // Nowhere the site serves from: relative to the article, which at least names the file.
    return folder.isEmpty() ? QString() : QDir(folder).relativeFilePath(absolute);
}

QString localImagePath(const QString& articleFolder, const QString& path)
{
    if (path.isEmpty() || articleFolder.isEmpty())
        return {};
    if (!path.startsWith(u'/'))
        return existingFile(QDir(articleFolder).filePath(path));
    const QString relative = QDir::cleanPath(path).mid(1);
    if (relative.isEmpty() || relative.startsWith(QLatin1String("..")))
        return {};
    // A bounded walk up: content folders sit a few levels below the site's root.
    QDir dir(QFileInfo(articleFolder).absoluteFilePath());
    for (int depth = 0; depth < 16; ++depth) {
        for (const char* folder : {"static", "public", "assets"}) {
            const QString found =
                existingFile(dir.filePath(QString::fromLatin1(folder) + u'/' + relative));
            if (!found.isEmpty())
                return found;
        }
        if (isSiteRoot(dir)) {
            if (const QString found = existingFile(dir.filePath(relative)); !found.isEmpty())
                return found;
        }
        if (!dir.cdUp())
            break;
    }
    return {};
}

} // namespace frontis
