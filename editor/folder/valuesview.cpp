#include "editor/folder/valuesview.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace frontis {

namespace {

constexpr int ValueRole = Qt::UserRole + 1;

} // namespace

ValuesView::ValuesView(QWidget* parent) : QWidget(parent)
{
    m_key = new QComboBox(this);
    m_key->setObjectName(QStringLiteral("valuesKey"));
    m_key->setAccessibleName(tr("Field"));
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("valuesFilter"));
    m_filter->setPlaceholderText(tr("Find a value"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Find values"));

    m_model = new QStandardItemModel(0, 2, this);
    m_model->setHorizontalHeaderLabels({tr("Value"), tr("Articles")});
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(ValueColumn);
    m_proxy->setSortRole(Qt::UserRole + 2);
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("valuesList"));
    m_view->setAccessibleName(tr("Values"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ValueColumn, Qt::AscendingOrder);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(CountColumn, QHeaderView::ResizeToContents);

    m_rename = new QPushButton(tr("&Rename\u2026"), this);
    m_rename->setObjectName(QStringLiteral("renameValue"));
    m_rename->setToolTip(tr("Give the selected value a new spelling in every article that has it"));
    m_merge = new QPushButton(tr("&Merge Into\u2026"), this);
    m_merge->setObjectName(QStringLiteral("mergeValues"));
    m_merge->setToolTip(tr("Replace the selected values with one value in every article"));

    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_rename);
    buttons->addWidget(m_merge);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_key);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_key, &QComboBox::currentIndexChanged, this, [this] { fill(); });
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterFixedString(text);
        updateButtons();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ValuesView::updateButtons);
    connect(m_rename, &QPushButton::clicked, this, [this] {
        const QStringList values = selectedValues();
        if (values.size() == 1)
            Q_EMIT renameRequested(key(), values.first());
    });
    connect(m_merge, &QPushButton::clicked, this, [this] {
        const QStringList values = selectedValues();
        if (!values.isEmpty())
            Q_EMIT mergeRequested(key(), values);
    });
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex& index) {
        Q_EMIT articlesRequested(
            pathsOf(index.siblingAtColumn(ValueColumn).data(ValueRole).toString()));
    });
    updateButtons();
}

void ValuesView::setArticles(const QList<ArticleSummary>& articles)
{
    m_articles = articles;
    const QString current = key();
    const QStringList keys = ValueCounts::keys(articles);
    QStringList now;
    for (int i = 0; i < m_key->count(); ++i)
        now << m_key->itemData(i).toString();
    if (now != keys) {
        const QSignalBlocker block(m_key);
        m_key->clear();
        for (const QString& k : keys)
            m_key->addItem(ValueCounts::label(articles, k), k);
        const int at = m_key->findData(current);
        m_key->setCurrentIndex(at >= 0 ? at : (keys.isEmpty() ? -1 : 0));
    }
    fill();
}

bool ValuesView::showKey(const QString& key)
{
    const int at = m_key->findData(key);
    if (at < 0)
        return false;
    m_key->setCurrentIndex(at);
    return true;
}

QString ValuesView::key() const
{
    return m_key->currentData().toString();
}

void ValuesView::fill()
{
    const QStringList selected = selectedValues();
    m_counts = key().isEmpty() ? QList<ValueCount>() : ValueCounts::of(m_articles, key());
    const QLocale locale;
    m_model->setRowCount(0);
    m_model->setRowCount(int(m_counts.size()));
    for (int row = 0; row < m_counts.size(); ++row) {
        const ValueCount& c = m_counts.at(row);
        auto* value = new QStandardItem(c.value);
        value->setData(c.value, ValueRole);
        value->setData(c.value.toCaseFolded() + QChar(0) + c.value, Qt::UserRole + 2);
        auto* count = new QStandardItem(locale.toString(c.articles()));
        count->setData(c.articles(), Qt::UserRole + 2);
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_model->setItem(row, ValueColumn, value);
        m_model->setItem(row, CountColumn, count);
    }
    selectValues(selected);
    updateButtons();
}

int ValuesView::rowCount() const
{
    return m_proxy->rowCount();
}

QStringList ValuesView::selectedValues() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows(ValueColumn);
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QStringList out;
    for (const QModelIndex& i : rows)
        out << i.data(ValueRole).toString();
    return out;
}

void ValuesView::selectValues(const QStringList& values)
{
    QItemSelection selection;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, ValueColumn);
        if (values.contains(index.data(ValueRole).toString()))
            selection.select(index, index.siblingAtColumn(CountColumn));
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect |
                                                    QItemSelectionModel::Rows);
}

QStringList ValuesView::pathsOf(const QString& value) const
{
    for (const ValueCount& c : m_counts) {
        if (c.value == value)
            return c.paths;
    }
    return {};
}

void ValuesView::updateButtons()
{
    const qsizetype n = selectedValues().size();
    m_rename->setEnabled(n == 1);
    m_merge->setEnabled(n >= 1);
}

} // namespace frontis
