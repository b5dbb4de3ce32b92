#pragma once

#include "model/file/journal.h"
#include "model/yaml/document.h"

#include <QMainWindow>
#include <QPointer>
#include <QStringList>

class QAction;
class QLabel;
class QMenu;
class QMimeData;
class QStackedWidget;

namespace frontis {

class ArticleEditor;
class DiffDialog;
class FolderChanges;
class FolderDocks;
class FileWatch;
class JournalKeeper;
class RawView;
class SchemaLibrary;
class TextStatsLabel;
class WelcomePage;

// One window per article: the form, the answer's Markdown and the preview (ArticleEditor), or
// the raw text of a file that does not parse (RawView), or, before a file is opened, a page that
// offers to open one. Menus: File (Open, Open Recent, Save, Save As, Revert, Review Changes,
// Close, Quit), Edit (Undo, Redo, Find, Replace, Spelling), Help (About). Window geometry,
// splitter sizes, recent files and the files open at quit are remembered. Unsaved changes are
// kept in the recovery journal and offered back after a crash, and the file is watched for
// changes on disk (mainwindowsafety.cpp).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class Mode { Empty, Form, Raw };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Reads `path` into this window: the form when it parses, else the raw view. False (and the
    // writer told why) when the file cannot be read at all.
    bool openFile(const QString& path);

    // Shows `path`: raises the window that has it open, else uses `from` if it is empty, else
    // opens a new window. Returns the window, or nullptr when the file cannot be read.
    static MainWindow* open(const QString& path, MainWindow* from = nullptr);
    // `frontis FILE...`: one window per file; without files, the files open at the last quit,
    // else an empty window.
    static void openStartupWindows(const QStringList& files);
    // Offers back the unsaved changes a crash or a kill left (each kept article opens and asks).
    // openStartupWindows() does this too; this is for other ways of starting.
    static void openKeptWork();
    static QList<MainWindow*> windows();
    static MainWindow* windowFor(const QString& path);
    // Closes every window (each asks about unsaved changes); false when one was kept open.
    static bool quit();

    Mode mode() const { return m_mode; }
    QString filePath() const;
    bool isModified() const;
    ArticleEditor* editor() const { return m_editor; }
    RawView* rawView() const { return m_raw; }
    // The open content folder's article list and problems (folderdocks.h).
    FolderDocks* folderDocks() const { return m_folder; }
    // Changes across the open folder: Change Field, Replace in Folder, Undo Folder Change.
    FolderChanges* folderChanges() const { return m_changes; }

    // File menu actions; each returns whether it went through.
    bool save();
    bool saveAs();
    bool revert();
    // Shows the diff between the file and what saving would write (non-modal).
    DiffDialog* reviewChanges();
    // Asks Save / Discard / Cancel when there are unsaved changes; true to go on.
    bool maybeSave();

    // No lost work (mainwindowsafety.cpp): the file was deleted or renamed on disk; the window
    // keeps its text, counts as modified, and Save writes the file back.
    bool isMissingOnDisk() const { return m_missing; }
    FileWatch* fileWatch() const { return m_watch; }
    JournalKeeper* journalKeeper() const { return m_keeper; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createActions();
    void setMode(Mode mode);
    void updateTitle();
    void updateActions();
    void fillRecentMenu();
    void openDialog();
    void applyRawText(const QByteArray& bytes);
    bool saveTo(const QString& path);
    void saveSettings() const;
    void restoreSettings();
    void showAbout();
    static QStringList droppedFiles(const QMimeData* mime);

    static SchemaLibrary& library();

    // No lost work (mainwindowsafety.cpp): recovery journal, changes on disk, guarded saving.
    void setUpSafety();
    FileStamp diskStamp() const;
    QByteArray currentBytes() const;
    void followFile(const QString& path);
    void offerRecovery();
    bool restoreKept(const RecoveryJournal::Entry& entry);
    bool openKept(const RecoveryJournal::Entry& entry);
    static MainWindow* offerKeptWork(QStringList& paths);
    void diskChanged();
    void askingAboutDisk(bool asking);
    void reloadFromDisk(const QByteArray& bytes);
    void keepMine(const QByteArray& bytes);
    void setMissing(bool missing);
    bool commitSave(const QString& path);
    Status writeCurrent(const QString& path, Document::IfChangedOnDisk ifChanged);
    void savedTo(const QString& path);
    bool changedOnDiskSinceRead(const QString& path) const;
    static Result<Document> stampedDocument(const QByteArray& bytes, const QString& path);

    Mode m_mode = Mode::Empty;
    QString m_rawPath; // the file shown in the raw view
    QStackedWidget* m_stack = nullptr;
    WelcomePage* m_welcome = nullptr;
    ArticleEditor* m_editor = nullptr;
    RawView* m_raw = nullptr;
    QLabel* m_schemaLabel = nullptr;
    TextStatsLabel* m_stats = nullptr; // the answer's words, reading time, readability
    FolderDocks* m_folder = nullptr;
    FolderChanges* m_changes = nullptr;
    QPointer<DiffDialog> m_diff;

    FileWatch* m_watch = nullptr;
    JournalKeeper* m_keeper = nullptr;
    FileStamp m_rawStamp;      // the file the raw view's text was read from
    QByteArray m_seenDiskHash; // a version on disk the writer was already asked about
    bool m_missing = false;
    bool m_inDiskPrompt = false;
    bool m_diskAgain = false;

    QMenu* m_recentMenu = nullptr;
    QAction* m_save = nullptr;
    QAction* m_saveAs = nullptr;
    QAction* m_revert = nullptr;
    QAction* m_review = nullptr;
    QAction* m_close = nullptr;
    QAction* m_undo = nullptr;
    QAction* m_redo = nullptr;
    QList<QAction*> m_findActions; // Find..., Replace..., Find Next, Find Previous
};

} // namespace frontis
