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

} // namespace

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
