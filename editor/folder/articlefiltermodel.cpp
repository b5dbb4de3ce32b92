#include "editor/folder/articlefiltermodel.h"

#include "editor/folder/articlelistmodel.h"

namespace frontis {

ArticleFilterModel::ArticleFilterModel(QObject* parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setSortRole(ArticleListModel::SortRole);
}

void ArticleFilterModel::setArticles(ArticleListModel* model)
{
    m_articles = model;
    setSourceModel(model);
}

void ArticleFilterModel::setText(const QString& text)
{
    if (text == m_text)
        return;
    const QStringList words = text.toCaseFolded().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    m_text = text;
    if (words == m_words)
        return; // only spaces changed
    m_words = words;
    invalidateRowsFilter();
}

void ArticleFilterModel::setChoice(const QString& choice)
{
    if (choice == m_choice)
        return;
    m_choice = choice;
    m_foldedChoice = choice.toCaseFolded();
    invalidateRowsFilter();
}

void ArticleFilterModel::setProblems(bool errors, bool warnings)
{
    if (errors == m_errors && warnings == m_warnings)
        return;
    m_errors = errors;
    m_warnings = warnings;
    invalidateRowsFilter();
}

int ArticleFilterModel::sourceRow(int row) const
{
    return mapToSource(index(row, 0)).row();
}

bool ArticleFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!m_articles || sourceParent.isValid())
        return false;
    if (m_errors || m_warnings) {
        const ArticleSummary& s = m_articles->article(sourceRow);
        const bool hit = (m_errors && s.errors > 0) || (m_warnings && s.warnings > 0);
        if (!hit)
            return false;
    }
    if (!m_foldedChoice.isEmpty() && !m_articles->hasChoice(sourceRow, m_foldedChoice))
        return false;
    const QString& text = m_articles->searchText(sourceRow);
    for (const QString& w : m_words) {
        if (!text.contains(w))
            return false;
    }
    return true;
}

bool ArticleFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    if (!m_articles)
        return QSortFilterProxyModel::lessThan(left, right);
    return m_articles->lessThan(left.row(), right.row(), left.column());
}

} // namespace frontis
