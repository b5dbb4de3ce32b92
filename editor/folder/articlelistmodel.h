#pragma once

#include "model/folder/articlesummary.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QString>

namespace frontis {

// The articles of a content folder as a table: title, subject, date, id, score, and the counts
// of errors and warnings (narrow columns headed by the severity's icon).
// setArticles() brings the rows in line with a new index without a reset when it can (rows of
// articles that stay keep their place), so that views keep their selection and scroll position
// while the folder changes on disk. Each row keeps what filtering and sorting need precomputed.
class ArticleListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Title, Subject, Date, Id, Score, Errors, Warnings, ColumnCount };
    enum Role {
        PathRole = Qt::UserRole + 1, // the article's absolute path
        SortRole,                    // what a column sorts by (numbers for id, score, counts)
    };

    explicit ArticleListModel(QObject* parent = nullptr);

    // `articles` as ArticleIndex keeps them; `root` names files relative to it in tool tips.
    void setArticles(const QList<ArticleSummary>& articles, const QString& root = {});
    const QString& root() const { return m_root; }

    const ArticleSummary& article(int row) const { return m_rows.at(row).summary; }
    // Title, question, keywords and id, case-folded: what the filter searches.
    const QString& searchText(int row) const { return m_rows.at(row).search; }
    // The subject case-folded (the subject filter ignores case).
    const QString& foldedSubject(int row) const { return m_rows.at(row).subject; }
    // -1 when no article has that path.
    int rowOf(const QString& path) const { return m_rowOf.value(path, -1); }
    // Whether row `a` sorts before row `b` by `column` (ties broken by title, then path).
    bool lessThan(int a, int b, int column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "2 errors, 1 warning"; empty when there is neither.
    static QString problemText(const ArticleSummary& s);

private:
    struct Row
    {
        ArticleSummary summary;
        QString search;
        QString subject;
        QString title; // case-folded, for sorting
        double id = 0;
        double score = 0;
        bool hasId = false;
        bool hasScore = false;
    };
    static Row makeRow(const ArticleSummary& s);
    void rebuildRowIndex();
    QString toolTip(const ArticleSummary& s) const;

    QList<Row> m_rows;
    QHash<QString, int> m_rowOf;
    QString m_root;
};

} // namespace frontis
