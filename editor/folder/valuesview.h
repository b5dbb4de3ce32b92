#pragma once

#include "model/folder/valuecounts.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QStandardItemModel;
class QSortFilterProxyModel;
class QTreeView;

namespace frontis {

// The Values view: for a key the folder's articles use as a choice (subject, tags, categories,
// keywords: a select or tags field, or a list), each value with the number of articles that
// have it, filtered as you type. Rename acts on one value, Merge Into on several (the window
// asks for the new value and shows the change for review); a double click asks for the value's
// articles to be selected in the Articles list.
class ValuesView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int ValueColumn = 0;
    static constexpr int CountColumn = 1;

    explicit ValuesView(QWidget* parent = nullptr);

    // The folder's articles (the index's summaries); keeps the key and the selection shown
    // while they still exist.
    void setArticles(const QList<ArticleSummary>& articles);
    // Shows `key`'s values; false when the folder has no such key.
    bool showKey(const QString& key);

    QString key() const;
    // The values selected, in the list's order.
    QStringList selectedValues() const;
    // Selects exactly these values (those that exist).
    void selectValues(const QStringList& values);
    // The articles that have `value` of the key shown.
    QStringList pathsOf(const QString& value) const;

    QComboBox* keyBox() const { return m_key; }
    QLineEdit* filterEdit() const { return m_filter; }
    QTreeView* view() const { return m_view; }
    QPushButton* renameButton() const { return m_rename; }
    QPushButton* mergeButton() const { return m_merge; }
    // The rows shown (after the filter): for tests and the accessibility tree.
    int rowCount() const;

Q_SIGNALS:
    void renameRequested(const QString& key, const QString& value);
    void mergeRequested(const QString& key, const QStringList& values);
    void articlesRequested(const QStringList& paths);

private:
    void fill();
    void updateButtons();

    QList<ArticleSummary> m_articles;
    QList<ValueCount> m_counts;
    QComboBox* m_key = nullptr;
    QLineEdit* m_filter = nullptr;
    QTreeView* m_view = nullptr;
    QStandardItemModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QPushButton* m_rename = nullptr;
    QPushButton* m_merge = nullptr;
};

} // namespace frontis
