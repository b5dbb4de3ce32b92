#include "model/text/siteimages.h"

#include <QDir>
#include <QFileInfo>

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

ImagePathStyle imagePathStyleOf(const QStringList& values)
{
    int rooted = 0;
    int relative = 0;
    for (const QString& v : values) {
        if (v.isEmpty() || v.contains(QLatin1String("://")) || v.startsWith(QLatin1String("//")) ||
            v.startsWith(QLatin1String("data:")))
            continue;
        (v.startsWith(u'/') ? rooted : relative) += 1;
    }
    return rooted > relative ? ImagePathStyle::SiteRooted : ImagePathStyle::Relative;
}

QString imagePathValue(const QString& articleFolder, const QString& file, ImagePathStyle style)
{
    const QString absolute = QFileInfo(file).absoluteFilePath();
    const QString folder = QFileInfo(articleFolder).absoluteFilePath();
    auto rooted = [&]() -> QString {
        for (const QString& served : servedFolders(folder)) {
            if (isInside(absolute, served))
                return u'/' + QDir(served).relativeFilePath(absolute);
        }
        return {};
    };
    auto relative = [&]() -> QString {
        if (folder.isEmpty())
            return {};
        return QDir(folder).relativeFilePath(absolute);
    };
    if (style == ImagePathStyle::SiteRooted) {
        const QString r = rooted();
        return r.isEmpty() ? relative() : r;
    }
    // A relative path that climbs out of the article's folder breaks when the page moves;
    // a site-rooted one does not.
    const QString r = relative();
    if (!r.startsWith(QLatin1String("../")))
        return r;
    const QString root = rooted();
    return root.isEmpty() ? r : root;
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
