#include "foldersession.h"

#include "editor/folder/articlelistmodel.h"
#include "editor/problems/problemsmodel.h"
#include "model/schema/schemalibrary.h"
#include "model/site/sitechangejournal.h"
#include "model/yaml/document.h"

#include <QApplication>
#include <QFileInfo>
#include <QSettings>

#include <utility>

namespace frontis {

namespace {

const QString LastFolderKey = QStringLiteral("folder/last");

} // namespace

namespace {

FolderSession* s_session = nullptr;

} // namespace

FolderSession& FolderSession::instance()
{
    if (!s_session) {
        s_session = new FolderSession;
        // Gone while the event loop's machinery still works: the views showing its models
        // tidy up when the models go, which needs timers.
        connect(qApp, &QCoreApplication::aboutToQuit, qApp, [] {
            delete s_session;
            s_session = nullptr;
        });
    }
    return *s_session;
}

FolderSession::FolderSession()
    : QObject(qApp), m_articles(new ArticleListModel(this)), m_problems(new ProblemsModel(this))
{
    connect(&m_indexer, &FolderIndexer::indexChanged, this, &FolderSession::takeIndex);
    // Files changed in place (some editors write that way) are not seen by the folder watch;
    // coming back to Frontis is a good moment to look again.
    connect(qApp, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState s) {
        if (s == Qt::ApplicationActive && isOpen())
            m_indexer.refresh();
    });
}

bool FolderSession::open(const QString& folder)
{
    const QFileInfo info(folder);
    if (!info.isDir() || !info.isReadable())
        return false;
    const QString root = info.absoluteFilePath();
    if (isOpen() &&
        QFileInfo(root).canonicalFilePath() == QFileInfo(this->root()).canonicalFilePath())
        return true;
    // A site-wide change a crash or a kill interrupted is finished (or dropped) before anything
    // reads the articles (docs/sitechanges.md); a window tells the writer what was done.
    m_recovery = SiteChangeJournal::recover(root);
    m_indexer.open(root);
    QSettings().setValue(LastFolderKey, m_indexer.root());
    takeIndex();
    Q_EMIT folderChanged();
    return true;
}

void FolderSession::close()
{
    m_recovery = SiteRecovery(); // it was about the folder being closed
    if (!isOpen())
        return;
    m_indexer.close();
    QSettings().remove(LastFolderKey);
    takeIndex();
    Q_EMIT folderChanged();
}

void FolderSession::takeIndex()
{
    const ArticleIndex& index = m_indexer.index();
    m_articles->setArticles(index.articles(), index.root());
    m_problems->setArticles(index.articles(), index.root());
    m_subjects = index.subjects();
    Q_EMIT indexChanged();
}

SiteRecovery FolderSession::takeRecovery()
{
    return std::exchange(m_recovery, SiteRecovery());
}

QString FolderSession::lastFolder()
{
    const QString last = QSettings().value(LastFolderKey).toString();
    return !last.isEmpty() && QFileInfo(last).isDir() ? last : QString();
}

bool FolderSession::startUp(const QString& folder)
{
    const QString wanted = folder.isEmpty() ? lastFolder() : folder;
    return !wanted.isEmpty() && open(wanted);
}

std::shared_ptr<const Schema> FolderSession::schemaFor(const QString& root, const QString& written)
{
    static SchemaLibrary library;
    // A probe article: the library chooses by the `_schema` value and the folder's own schemas.
    const QByteArray probe = written.isEmpty() ? QByteArray("---\ntitle: probe\n---\n")
                                               : "---\n_schema: " + written.toUtf8() + "\n---\n";
    const Result<Document> doc = Document::fromBytes(probe);
    if (!doc)
        return nullptr;
    return library.schemaFor(root + QStringLiteral("/probe.md"), doc->frontMatter()).schema;
}

} // namespace frontis
