#include "editor/folder/folderpanel.h"

#include "editor/folder/articlefiltermodel.h"
#include "editor/folder/articlelistmodel.h"
#include "editor/problems/severityicons.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QStyle>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace frontis {

namespace {

constexpr int PageStep = 10;

QToolButton* toggle(const QString& text, const QString& tip, Diagnostic::Severity severity,
                    QWidget* parent)
{
    auto* b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    b->setIcon(severityIcon(severity));
    b->setCheckable(true);
    b->setAutoRaise(true);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return b;
}

} // namespace

FolderPanel::FolderPanel(ArticleListModel* articles, QWidget* parent)
    : QWidget(parent), m_articles(articles)
{
    m_proxy = new ArticleFilterModel(this);
    m_proxy->setArticles(articles);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("articleFilter"));
    m_filter->setPlaceholderText(tr("Find by title, keywords or ID"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Find articles"));
    m_filter->installEventFilter(this);

    m_choice = new QComboBox(this);
    m_choice->setObjectName(QStringLiteral("choiceFilter"));
    m_choice->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_choice->setMinimumContentsLength(12);
    m_choice->addItem(QString(), QString());
    m_choice->hide(); // until the list has a column to choose from

    m_errors =
        toggle(tr("Errors"), tr("Only articles with errors (with Warnings also on: with either)"),
               Diagnostic::Severity::Error, this);
    m_warnings =
        toggle(tr("Warnings"), tr("Only articles with warnings (with Errors also on: with either)"),
               Diagnostic::Severity::Warning, this);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("articleList"));
    m_view->setAccessibleName(tr("Articles"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true); // the view then never measures 10,000 rows
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAllColumnsShowFocus(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ArticleListModel::Title, Qt::AscendingOrder);
    QHeaderView* header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ArticleListModel::Title, QHeaderView::Stretch);
    header->setMinimumSectionSize(fontMetrics().horizontalAdvance(QStringLiteral("999")));
    sizeColumns();
    connect(articles, &ArticleListModel::columnsChanged, this, [this] {
        sizeColumns();
        updateChoices();
    });

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("articleCount"));

    auto* filters = new QHBoxLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    filters->addWidget(m_choice, 1);
    filters->addStretch(0);
    filters->addWidget(m_errors);
    filters->addWidget(m_warnings);
    auto* layout = new QVBoxLayout(this);
    m_layout = layout;
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_filter);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_count);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setText(text);
        // The best match is a keystroke away: Enter opens the first article shown.
        if (!text.trimmed().isEmpty() && m_proxy->rowCount() > 0)
            moveSelection(-m_proxy->rowCount());
    });
    connect(m_choice, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setChoice(m_choice->currentData().toString()); });
    const auto problems = [this] {
        m_proxy->setProblems(m_errors->isChecked(), m_warnings->isChecked());
    };
    connect(m_errors, &QToolButton::toggled, this, problems);
    connect(m_warnings, &QToolButton::toggled, this, problems);
    connect(m_view, &QTreeView::activated, this,
            [this](const QModelIndex& index) { activateRow(index.row()); });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &FolderPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &FolderPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &FolderPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &FolderPanel::updateCount);
    // The proxy drops rows before the articles' model has, so that one is counted after it.
    connect(articles, &QAbstractItemModel::rowsRemoved, this, &FolderPanel::updateCount);
    updateCount();
}

void FolderPanel::setBanner(QWidget* banner)
{
    banner->setParent(this);
    m_layout->insertWidget(0, banner);
}

void FolderPanel::sizeColumns()
{
    // Room for what the columns usually hold; the title takes what is left.
    QHeaderView* header = m_view->header();
    const QFontMetrics fm = fontMetrics();
    const int pad = fm.horizontalAdvance(QLatin1Char('0')) * 2;
    const QStringList keys = m_articles->columnKeys();
    for (int i = 0; i < keys.size(); ++i) {
        const int column = i + 1;
        const bool numeric = m_articles->isNumeric(column);
        const QString& key = keys.at(i);
        const QString typical = numeric ? QStringLiteral("51098")
                                : key.contains(QLatin1String("date"))
                                    ? QStringLiteral("2024-11-26 11:10")
                                    : QStringLiteral("Mathematics");
        const QString label =
            m_articles->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        header->resizeSection(
            column, std::max(fm.horizontalAdvance(typical), fm.horizontalAdvance(label)) + pad);
    }
    const int count = style()->pixelMetric(QStyle::PM_SmallIconSize) +
                      fm.horizontalAdvance(QStringLiteral("99")) + pad / 2;
    header->resizeSection(m_articles->errorsColumn(), count);
    header->resizeSection(m_articles->warningsColumn(), count);
}

void FolderPanel::updateChoices()
{
    const QString label = m_articles->filterLabel();
    const QStringList choices = m_articles->choices();
    m_choice->setVisible(!label.isEmpty());
    m_choice->setAccessibleName(label);
    m_choice->setToolTip(tr("Show only the articles with this %1").arg(label.toLower()));
    const QString current = m_choice->currentData().toString();
    QStringList now;
    for (int i = 1; i < m_choice->count(); ++i)
        now << m_choice->itemData(i).toString();
    const QString all = tr("%1: all").arg(label);
    if (now == choices && m_choice->itemText(0) == all)
        return;
    const QSignalBlocker block(m_choice);
    m_choice->setItemText(0, all);
    while (m_choice->count() > 1)
        m_choice->removeItem(1);
    for (const QString& c : choices)
        m_choice->addItem(c, c);
    const int index = current.isEmpty() ? 0 : m_choice->findData(current);
    m_choice->setCurrentIndex(std::max(index, 0));
    m_proxy->setChoice(m_choice->currentData().toString());
}

void FolderPanel::showCurrent(const QString& path)
{
    const int row = m_articles->rowOf(path);
    const QModelIndex index =
        row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_articles->index(row, 0));
    if (!index.isValid()) {
        if (m_view->selectionModel()->selectedRows().size() <= 1)
            m_view->selectionModel()->clearSelection();
        return;
    }
    if (m_view->selectionModel()->selectedRows().size() > 1 &&
        m_view->selectionModel()->isRowSelected(index.row(), {}))
        return; // a selection being made for Change Field stays
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

QStringList FolderPanel::selectedPaths() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QStringList out;
    for (const QModelIndex& i : rows)
        out << i.data(ArticleListModel::PathRole).toString();
    return out;
}

int FolderPanel::selectPaths(const QStringList& paths)
{
    QItemSelection selection;
    QModelIndex first;
    for (const QString& path : paths) {
        const int row = m_articles->rowOf(path);
        const QModelIndex index =
            row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_articles->index(row, 0));
        if (!index.isValid())
            continue;
        selection.select(index, index);
        if (!first.isValid() || index.row() < first.row())
            first = index;
    }
    QItemSelectionModel* model = m_view->selectionModel();
    model->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (first.isValid()) {
        model->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        m_view->scrollTo(first);
    }
    return int(model->selectedRows().size());
}

void FolderPanel::activateRow(int proxyRow)
{
    const QModelIndex index = m_proxy->index(proxyRow, 0);
    if (index.isValid())
        Q_EMIT articleActivated(index.data(ArticleListModel::PathRole).toString());
}

void FolderPanel::moveSelection(int delta)
{
    const int rows = m_proxy->rowCount();
    if (rows == 0)
        return;
    const QModelIndex current = m_view->currentIndex();
    int row = current.isValid() ? current.row() + delta : (delta > 0 ? 0 : rows - 1);
    row = std::clamp(row, 0, rows - 1);
    const QModelIndex index = m_proxy->index(row, 0);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

bool FolderPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        switch (key->key()) {
        case Qt::Key_Down:
            moveSelection(1);
            return true;
        case Qt::Key_Up:
            moveSelection(-1);
            return true;
        case Qt::Key_PageDown:
            moveSelection(PageStep);
            return true;
        case Qt::Key_PageUp:
            moveSelection(-PageStep);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter: {
            const QModelIndex current = m_view->currentIndex();
            activateRow(current.isValid() ? current.row() : 0);
            return true;
        }
        case Qt::Key_Escape:
            if (!m_filter->text().isEmpty()) {
                m_filter->clear();
                return true;
            }
            break;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FolderPanel::updateCount()
{
    const QLocale locale;
    const int shown = m_proxy->rowCount();
    const int all = m_articles->rowCount();
    if (shown == all)
        m_count->setText(all == 1 ? tr("1 article") : tr("%1 articles").arg(locale.toString(all)));
    else
        m_count->setText(tr("%1 of %2 articles").arg(locale.toString(shown), locale.toString(all)));
}

} // namespace frontis
