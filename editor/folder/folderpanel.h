#pragma once

#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;
class QTreeView;
class QVBoxLayout;

namespace frontis {

class ArticleFilterModel;
class ArticleListModel;

// The list of a content folder's articles: a filter box that searches as you type, a filter by
// the list's choice column (QuickTakes' subject, a site's categories or tags), "errors" and
// "warnings" toggles, and the sortable table. Enter or a double click opens an article
// (articleActivated); Up and Down in the filter box move through the list and Enter there opens the
// selected (or first) article, so an article is a few keystrokes away. Several articles can be
// selected (Shift and Ctrl clicks, Ctrl+A) for the window's Change Field.
class FolderPanel : public QWidget
{
    Q_OBJECT

public:
    // `articles` is shared with other panels; the filter and the sort order are this panel's own.
    explicit FolderPanel(ArticleListModel* articles, QWidget* parent = nullptr);

    // Brings the choice filter in line with the list's filter column and its values (keeps the
    // value chosen while it still exists); hidden when the list has no such column.
    void updateChoices();
    // A bar shown above the filter box (the app's offers); the panel takes it over.
    void setBanner(QWidget* banner);
    // Selects the article at `path` (the one the window shows) without opening it; a selection
    // of several articles that holds it is kept.
    void showCurrent(const QString& path);
    // The selected articles (Shift and Ctrl clicks, Ctrl+A), in the list's order.
    QStringList selectedPaths() const;
    // Selects the shown articles among `paths`; returns how many that is.
    int selectPaths(const QStringList& paths);

    QLineEdit* filterEdit() const { return m_filter; }
    QComboBox* choiceBox() const { return m_choice; }
    QToolButton* errorsButton() const { return m_errors; }
    QToolButton* warningsButton() const { return m_warnings; }
    QTreeView* view() const { return m_view; }
    ArticleFilterModel* filterModel() const { return m_proxy; }
    QLabel* countLabel() const { return m_count; }

Q_SIGNALS:
    void articleActivated(const QString& path);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void activateRow(int proxyRow);
    void moveSelection(int delta);
    void updateCount();
    void sizeColumns();

    ArticleListModel* m_articles;
    ArticleFilterModel* m_proxy = nullptr;
    QLineEdit* m_filter = nullptr;
    QComboBox* m_choice = nullptr;
    QToolButton* m_errors = nullptr;
    QToolButton* m_warnings = nullptr;
    QTreeView* m_view = nullptr;
    QLabel* m_count = nullptr;
    QVBoxLayout* m_layout = nullptr;
};

} // namespace frontis
