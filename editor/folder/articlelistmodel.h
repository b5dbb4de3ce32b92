#pragma once

#include "model/folder/articlesummary.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QString>

namespace frontis {

// The articles of a content folder as a table: the title, the columns the articles' schemas list
// (Schema::listColumns: QuickTakes' subject, date, id and score; a Hugo or Jekyll site's date,
// categories, tags...), a column only when some article has a value for it, and the counts of
// errors and warnings (narrow columns headed by the severity's icon). A column whose values are
// all numbers sorts and aligns as numbers. The first select, tags or list column is the one the
// panel's filter picks from (filterColumn, choices).
// setArticles() brings the rows in line with a new index without a reset when it can (rows of
// articles that stay keep their place), so that views keep their selection and scroll position
// while the folder changes on disk; a change of the columns resets it (columnsChanged). Each row
// keeps what filtering and sorting need precomputed.
class ArticleListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int Title = 0;
    enum Role {
        PathRole = Qt::UserRole + 1, // the article's absolute path
        SortRole,                    // what a column sorts by (numbers for numeric columns)
    };

    explicit ArticleListModel(QObject* parent = nullptr);

    // `articles` as ArticleIndex keeps them; `root` names files relative to it in tool tips.
    void setArticles(const QList<ArticleSummary>& articles, const QString& root = {});
    const QString& root() const { return m_root; }

    const ArticleSummary& article(int row) const { return m_rows.at(row).summary; }
    // Title, question, keywords and id, case-folded: what the filter searches.
    const QString& searchText(int row) const { return m_rows.at(row).search; }
    // -1 when no article has that path.
    int rowOf(const QString& path) const { return m_rowOf.value(path, -1); }
    // Whether row `a` sorts before row `b` by `column` (ties broken by title, then path).
    bool lessThan(int a, int b, int column) const;

    // The value columns, after the title: their keys, in order.
    QStringList columnKeys() const;
    // The column of a key; -1 when it is not shown.
    int columnOf(const QString& key) const;
    // Whether a value column sorts and aligns as numbers.
    bool isNumeric(int column) const
    {
        return column >= 1 && column <= m_columns.size() && m_columns.at(column - 1).numeric;
    }
    int errorsColumn() const { return int(m_columns.size()) + 1; }
    int warningsColumn() const { return int(m_columns.size()) + 2; }
    // The column the filter picks from, -1 when there is none; its label, and the values its
    // articles have (a list's items one by one), one spelling per value whatever the case,
    // sorted.
    int filterColumn() const { return m_filterColumn; }
    QString filterLabel() const;
    QStringList choices() const;
    // Whether the row's filter column holds `folded` (a case-folded choice).
    bool hasChoice(int row, const QString& folded) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "2 errors, 1 warning"; empty when there is neither.
    static QString problemText(const ArticleSummary& s);

Q_SIGNALS:
    // The value columns changed (a new folder, or the first article with a new key).
    void columnsChanged();

private:
    struct Column
    {
        QString key;
        QString label;
        bool choice = false;
        bool numeric = false;
    };
    struct Cell
    {
        QString folded; // case-folded, for sorting and the filter
        double number = 0;
        bool hasNumber = false;
        QStringList items; // the filter column's choices, case-folded
    };
    struct Row
    {
        ArticleSummary summary;
        QString search;
        QString title;     // case-folded, for sorting
        QList<Cell> cells; // one per column
    };
    static QList<Column> columnsOf(const QList<ArticleSummary>& articles);
    Row makeRow(const ArticleSummary& s) const;
    const ArticleSummary::Shown* shownAt(const ArticleSummary& s, int column) const;
    void rebuildRowIndex();
    QString toolTip(const ArticleSummary& s) const;

    QList<Column> m_columns;
    int m_filterColumn = -1;
    QList<Row> m_rows;
    QHash<QString, int> m_rowOf;
    QString m_root;
};

} // namespace frontis
