#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace frontis {

class ArticleListModel;

// Filters and sorts an ArticleListModel: by words (every word must occur in the title, question,
// keywords or id, ignoring case), by a choice of the list's filter column (a subject, a
// category, a tag; ArticleListModel::filterColumn), and by problems (articles with errors, with
// warnings, or, with both asked for, with either). Sorting compares the rows' precomputed values
// directly, which keeps a keystroke in the filter fast on tens of thousands of articles.
class ArticleFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ArticleFilterModel(QObject* parent = nullptr);

    void setArticles(ArticleListModel* model);
    ArticleListModel* articles() const { return m_articles; }

    void setText(const QString& text);
    QString text() const { return m_text; }
    // Empty: every article.
    void setChoice(const QString& choice);
    QString choice() const { return m_choice; }
    void setProblems(bool errors, bool warnings);
    bool withErrors() const { return m_errors; }
    bool withWarnings() const { return m_warnings; }

    // The source row of a proxy row.
    int sourceRow(int row) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    ArticleListModel* m_articles = nullptr;
    QString m_text;
    QStringList m_words; // case-folded
    QString m_choice;
    QString m_foldedChoice;
    bool m_errors = false;
    bool m_warnings = false;
};

} // namespace frontis
