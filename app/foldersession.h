#pragma once

#include "model/folder/folderindexer.h"
#include "model/site/sitechangejournal.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace frontis {

class ArticleListModel;
class ProblemsModel;
class Schema;

// The content folder open in Frontis: one for the application, shared by every window. It owns
// the background indexer and the models the windows' article lists and Problems views show, and
// remembers the folder for the next start (QSettings "folder/last").
class FolderSession : public QObject
{
    Q_OBJECT

public:
    static FolderSession& instance();

    // Opens `folder` (closing the one open); false when it is not a readable folder.
    bool open(const QString& folder);
    void close();
    bool isOpen() const { return m_indexer.isOpen(); }
    QString root() const { return m_indexer.root(); }

    FolderIndexer& indexer() { return m_indexer; }
    const ArticleIndex& index() const { return m_indexer.index(); }
    ArticleListModel* articles() const { return m_articles; }
    ProblemsModel* problems() const { return m_problems; }

    // What opening the folder did with site-wide changes a crash or a kill had interrupted there
    // (finished, or dropped), and returns it once: the first window to take it tells the writer.
    // Empty when there was none.
    SiteRecovery takeRecovery();

    // The subjects used across the folder.
    const QStringList& subjects() const { return m_subjects; }

    // The folder open when Frontis last quit (empty when none, or when it is gone).
    static QString lastFolder();
    // The schema an article of the folder at `root` gets when it writes `_schema: written`
    // (empty: names none), as the folder's index checks it.
    static std::shared_ptr<const Schema> schemaFor(const QString& root, const QString& written);
    // At start: opens `folder` when given, else the last folder. Returns whether one is open.
    bool startUp(const QString& folder = {});

Q_SIGNALS:
    // A folder was opened or closed.
    void folderChanged();
    // The index changed: new articles, new values or new problems.
    void indexChanged();

private:
    FolderSession();
    void takeIndex();

    FolderIndexer m_indexer;
    ArticleListModel* m_articles = nullptr;
    ProblemsModel* m_problems = nullptr;
    QStringList m_subjects;
    SiteRecovery m_recovery; // of the folder opened last, until a window takes it
};

} // namespace frontis
