#include "model/folder/articlefinder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSet>

namespace frontis {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ArticleFinder", text);
}

class Walker
{
public:
    ArticleFinder::Result result;

    void addFile(const QFileInfo& info, const QString& shown)
    {
        const QString canonical = info.canonicalFilePath();
        const auto it = m_files.constFind(canonical);
        if (it == m_files.cend()) {
            m_files.insert(canonical, FileEntry{result.files.size(), info.isSymLink()});
            result.files << shown;
        } else if (it->viaLink && !info.isSymLink()) {
            // The same file reached through a link and as itself: name it as itself.
            result.files[it->index] = shown;
            m_files[canonical].viaLink = false;
        }
    }

    void walk(const QFileInfo& folder, const QString& shown)
    {
        const QString canonical = folder.canonicalFilePath();
        if (m_folders.contains(canonical))
            return; // a symbolic link back into a folder already searched
        m_folders.insert(canonical);
        if (!folder.isReadable() || !folder.isExecutable()) {
            result.problems << ArticleFinder::Problem{shown, tr("cannot read the folder")};
            return;
        }
        const QDir dir(folder.absoluteFilePath());
        const QFileInfoList entries = dir.entryInfoList(
            QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name);
        for (const QFileInfo& e : entries) {
            const QString name = e.fileName();
            if (name.startsWith(QLatin1Char('.')))
                continue;
            const QString below = QDir::cleanPath(shown + QLatin1Char('/') + name);
            if (e.isDir()) {
                if (!ArticleFinder::isSkippedFolder(name))
                    walk(e, below);
            } else if (name.endsWith(QLatin1String(".md"), Qt::CaseInsensitive)) {
                if (e.isFile())
                    addFile(e, below);
                else // a FIFO (never opened: reading it would wait), a broken or looping link
                    result.problems << ArticleFinder::Problem{below, ArticleFinder::notAFile(e)};
            }
        }
    }

private:
    QSet<QString> m_folders;
    struct FileEntry
    {
        qsizetype index = 0;
        bool viaLink = false;
    };
    QHash<QString, FileEntry> m_files; // canonical path -> where it is in result.files
};

} // namespace

QString ArticleFinder::notAFile(const QFileInfo& info)
{
    if (info.isSymLink() && !info.exists())
        return tr("a symbolic link that leads nowhere (or around in a loop)");
    return tr("not a regular file or folder");
}

bool ArticleFinder::isSkippedFolder(const QString& name)
{
    static const QStringList skipped = {QStringLiteral("node_modules"),
                                        QStringLiteral("bower_components"),
                                        QStringLiteral("__pycache__"), QStringLiteral("vendor")};
    return name.startsWith(QLatin1Char('.')) || skipped.contains(name);
}

ArticleFinder::Result ArticleFinder::find(const QStringList& paths)
{
    Walker w;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (info.isDir())
            w.walk(info, QDir::cleanPath(path));
        else if (info.isFile())
            w.addFile(info, path);
        else if (info.exists() || info.isSymLink())
            w.result.problems << Problem{path, notAFile(info)};
        else
            w.result.problems << Problem{path, tr("no such file or folder")};
    }
    return w.result;
}

} // namespace frontis
