#pragma once

#include <QObject>
#include <QString>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QMenuBar;
class QProgressBar;
class QToolButton;

namespace frontis {

class FolderPanel;
class MainWindow;
class ProblemsView;
class SchemaOffer;
class ValuesView;
struct Diagnostic;

// What a window shows of the open content folder: the Articles list, the folder's Problems and
// the Values of its choice keys as docks on the left (tabbed), indexing progress with Cancel in the
// status bar, and the actions File > New Article, Open Folder, Close Folder and View > Articles,
// Problems, Refresh. An article chosen in the list opens in this window when it holds no unsaved
// changes (the list is for browsing: the article shown makes way for the next), else in a new
// window; an article already open anywhere is raised instead.
class FolderDocks : public QObject
{
    Q_OBJECT

public:
    explicit FolderDocks(MainWindow* window);

    // File menu: New Article before `before`, Open Folder and Close Folder after it.
    void addFileActions(QMenu* file, QAction* before);
    // The View menu (Articles, Problems, Refresh Folder), added to `bar`.
    void addViewMenu(QMenuBar* bar);

    // Asks for a folder and opens it; false when cancelled.
    bool openFolder();
    // Opens `path` as the list does; returns the window showing it, or nullptr.
    MainWindow* openArticle(const QString& path);
    // Opens the article at a diagnostic of the folder's Problems view.
    MainWindow* openProblem(const QString& path, const Diagnostic& diagnostic);
    // File > New Article: asks for the question and subject, writes the article where the
    // folder's articles of that subject are, and opens it. Returns its window, or nullptr.
    MainWindow* newArticle();

    FolderPanel* panel() const { return m_panel; }
    SchemaOffer* schemaOffer() const { return m_schemaOffer; }
    ProblemsView* problemsView() const { return m_problemsView; }
    ValuesView* valuesView() const { return m_valuesView; }
    QDockWidget* valuesDock() const { return m_valuesDock; }
    QDockWidget* articlesDock() const { return m_articlesDock; }
    QDockWidget* problemsDock() const { return m_problemsDock; }
    QAction* newArticleAction() const { return m_newArticle; }
    QAction* openFolderAction() const { return m_openFolder; }
    QLabel* progressLabel() const { return m_progressLabel; }
    QToolButton* cancelButton() const { return m_cancel; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void folderChanged();
    void indexChanged();
    // What the open article's form and checks take from the folder: reference targets, the
    // folder's image paths, the values references are checked against.
    void feedFolderValues();
    void busyChanged(bool busy);
    void progress(int done, int total);
    void indexed();
    void showCurrent();

    MainWindow* m_window;
    FolderPanel* m_panel = nullptr;
    SchemaOffer* m_schemaOffer = nullptr;
    ProblemsView* m_problemsView = nullptr;
    QDockWidget* m_articlesDock = nullptr;
    QDockWidget* m_problemsDock = nullptr;
    ValuesView* m_valuesView = nullptr;
    QDockWidget* m_valuesDock = nullptr;
    QAction* m_newArticle = nullptr;
    QAction* m_openFolder = nullptr;
    QAction* m_closeFolder = nullptr;
    QAction* m_refresh = nullptr;
    QLabel* m_progressLabel = nullptr;
    QProgressBar* m_progressBar = nullptr;
    QToolButton* m_cancel = nullptr;
    qint64 m_startedMs = 0;
};

} // namespace frontis
