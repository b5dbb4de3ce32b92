#include "editor/folder/articlelistmodel.h"

#include "editor/problems/severityicons.h"

#include <QDir>
#include <QSet>

#include <algorithm>

namespace frontis {

namespace {

// Tool tips name the first few problems; the Problems view has them all.
constexpr int MaxToolTipProblems = 6;

bool sameRow(const ArticleSummary& a, const ArticleSummary& b)
{
    if (a.size != b.size || a.modified != b.modified || a.inode != b.inode ||
        a.errors != b.errors || a.warnings != b.warnings || a.infos != b.infos ||
        a.crossFile.size() != b.crossFile.size())
        return false;
    // The same file; only the checks across files can have changed (another file named).
    for (qsizetype i = 0; i < a.crossFile.size(); ++i) {
        if (a.crossFile.at(i).message != b.crossFile.at(i).message)
            return false;
    }
    return true;
}

} // namespace

ArticleListModel::ArticleListModel(QObject* parent) : QAbstractTableModel(parent)
{}

QList<ArticleListModel::Column> ArticleListModel::columnsOf(const QList<ArticleSummary>& articles)
{
    QList<Column> columns;
    QList<bool> shown;  // some article has a value
    QList<bool> number; // every value is a number
    for (const ArticleSummary& s : articles) {
        for (const ArticleSummary::Shown& v : s.shown) {
            qsizetype i = 0;
            while (i < columns.size() && columns.at(i).key != v.key)
                ++i;
            if (i == columns.size()) {
                columns << Column{v.key, v.label};
                shown << false;
                number << true;
            }
            if (v.value.isEmpty())
                continue;
            shown[i] = true;
            columns[i].choice = columns[i].choice || v.choice;
            bool ok = false;
            (void)v.value.toDouble(&ok);
            number[i] = number[i] && ok && !v.list;
        }
    }
    QList<Column> out;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (!shown.at(i))
            continue;
        columns[i].numeric = number.at(i);
        out << columns.at(i);
    }
    return out;
}

const ArticleSummary::Shown* ArticleListModel::shownAt(const ArticleSummary& s, int column) const
{
    const QString& key = m_columns.at(column).key;
    for (const ArticleSummary::Shown& v : s.shown) {
        if (v.key == key)
            return &v;
    }
    return nullptr;
}

namespace {

// What a value offers the choice filter: a list's items one by one, else the value.
QStringList choicesOf(const ArticleSummary::Shown& v)
{
    return v.list ? v.value.split(QStringLiteral(", "), Qt::SkipEmptyParts) : QStringList{v.value};
}

} // namespace

ArticleListModel::Row ArticleListModel::makeRow(const ArticleSummary& s) const
{
    Row r;
    r.summary = s;
    const QString question = s.question == s.title ? QString() : s.question;
    r.search = (s.title + QLatin1Char('\n') + question + QLatin1Char('\n') + s.keywords +
                QLatin1Char('\n') + s.id)
                   .toCaseFolded();
    r.title = s.title.toCaseFolded();
    r.cells.reserve(m_columns.size());
    for (int c = 0; c < m_columns.size(); ++c) {
        Cell cell;
        if (const ArticleSummary::Shown* v = shownAt(s, c)) {
            cell.folded = v->value.toCaseFolded();
            if (m_columns.at(c).numeric)
                cell.number = v->value.toDouble(&cell.hasNumber);
            if (c + 1 == m_filterColumn && !v->value.isEmpty()) {
                for (const QString& choice : choicesOf(*v))
                    cell.items << choice.toCaseFolded();
            }
        }
        r.cells << cell;
    }
    return r;
}

QStringList ArticleListModel::columnKeys() const
{
    QStringList keys;
    for (const Column& c : m_columns)
        keys << c.key;
    return keys;
}

int ArticleListModel::columnOf(const QString& key) const
{
    for (int c = 0; c < m_columns.size(); ++c) {
        if (m_columns.at(c).key == key)
            return c + 1;
    }
    return -1;
}

QString ArticleListModel::filterLabel() const
{
    return m_filterColumn > 0 ? m_columns.at(m_filterColumn - 1).label : QString();
}

QStringList ArticleListModel::choices() const
{
    if (m_filterColumn <= 0)
        return {};
    const int c = m_filterColumn - 1;
    QHash<QString, QString> byFolded; // one spelling per value, whatever the case
    for (const Row& r : m_rows) {
        const ArticleSummary::Shown* v = shownAt(r.summary, c);
        if (!v || v->value.isEmpty())
            continue;
        const QStringList items = choicesOf(*v);
        for (const QString& item : items) {
            QString folded = item.toCaseFolded();
            if (!byFolded.contains(folded)) // the first spelling met
                byFolded.insert(folded, item);
        }
    }
    QStringList out = byFolded.values();
    std::sort(out.begin(), out.end(), [](const QString& a, const QString& b) {
        const int order = a.compare(b, Qt::CaseInsensitive);
        return order != 0 ? order < 0 : a < b;
    });
    return out;
}

bool ArticleListModel::hasChoice(int row, const QString& folded) const
{
    if (m_filterColumn <= 0)
        return false;
    return m_rows.at(row).cells.at(m_filterColumn - 1).items.contains(folded);
}

void ArticleListModel::rebuildRowIndex()
{
    m_rowOf.clear();
    m_rowOf.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        m_rowOf.insert(m_rows.at(i).summary.path, i);
}

void ArticleListModel::setArticles(const QList<ArticleSummary>& articles, const QString& root)
{
    m_root = root;
    QHash<QString, qsizetype> incoming;
    incoming.reserve(articles.size());
    for (qsizetype i = 0; i < articles.size(); ++i)
        incoming.insert(articles.at(i).path, i);

    qsizetype staying = 0;
    for (const Row& r : std::as_const(m_rows))
        staying += incoming.contains(r.summary.path) ? 1 : 0;
    const QList<Column> columns = columnsOf(articles);
    const auto same = [](const Column& a, const Column& b) {
        return a.key == b.key && a.label == b.label && a.choice == b.choice &&
               a.numeric == b.numeric;
    };
    const bool newColumns =
        !std::equal(columns.cbegin(), columns.cend(), m_columns.cbegin(), m_columns.cend(), same);
    // A new folder (or most of one changed), or other columns: one reset is cheaper than
    // thousands of moves.
    if (m_rows.isEmpty() || staying < m_rows.size() / 2 || newColumns) {
        beginResetModel();
        m_columns = columns;
        m_filterColumn = -1;
        for (int c = 0; c < m_columns.size() && m_filterColumn < 0; ++c) {
            if (m_columns.at(c).choice)
                m_filterColumn = c + 1;
        }
        m_rows.clear();
        m_rows.reserve(articles.size());
        for (const ArticleSummary& s : articles)
            m_rows << makeRow(s);
        rebuildRowIndex();
        endResetModel();
        if (newColumns)
            Q_EMIT columnsChanged();
        return;
    }

    // Rows whose article is gone, removed in runs from the end.
    for (int i = int(m_rows.size()) - 1; i >= 0;) {
        if (incoming.contains(m_rows.at(i).summary.path)) {
            --i;
            continue;
        }
        int first = i;
        while (first > 0 && !incoming.contains(m_rows.at(first - 1).summary.path))
            --first;
        beginRemoveRows({}, first, i);
        m_rows.remove(first, i - first + 1);
        endRemoveRows();
        i = first - 1;
    }
    // Rows that stay take the new summary; a change is signalled for the rows it touches.
    QSet<QString> present;
    int firstChanged = -1;
    int lastChanged = -1;
    for (int i = 0; i < m_rows.size(); ++i) {
        const ArticleSummary& now = articles.at(incoming.value(m_rows.at(i).summary.path));
        present.insert(now.path);
        if (sameRow(m_rows.at(i).summary, now))
            continue;
        m_rows[i] = makeRow(now);
        firstChanged = firstChanged < 0 ? i : firstChanged;
        lastChanged = i;
    }
    if (firstChanged >= 0)
        Q_EMIT dataChanged(index(firstChanged, 0), index(lastChanged, warningsColumn()));
    // New articles go at the end (views sort them into place).
    QList<Row> added;
    for (const ArticleSummary& s : articles) {
        if (!present.contains(s.path))
            added << makeRow(s);
    }
    if (!added.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size() - 1));
        m_rows << added;
        rebuildRowIndex();
        endInsertRows();
    } else {
        rebuildRowIndex();
    }
}

bool ArticleListModel::lessThan(int a, int b, int column) const
{
    const Row& x = m_rows.at(a);
    const Row& y = m_rows.at(b);
    auto byTitle = [&] {
        const int c = x.title.compare(y.title);
        return c != 0 ? c < 0 : x.summary.path < y.summary.path;
    };
    // Articles without the value count as smallest.
    auto numbers = [&](bool hasX, double vx, bool hasY, double vy) {
        if (hasX != hasY)
            return !hasX;
        if (hasX && vx != vy)
            return vx < vy;
        return byTitle();
    };
    auto strings = [&](const QString& sx, const QString& sy) {
        const int c = sx.compare(sy);
        return c != 0 ? c < 0 : byTitle();
    };
    if (column == errorsColumn() || column == warningsColumn()) {
        // The other count breaks ties: among articles with 2 errors, those with warnings too.
        const bool errors = column == errorsColumn();
        const auto weight = [errors](const ArticleSummary& s) {
            return errors ? std::make_tuple(s.errors, s.warnings, s.infos)
                          : std::make_tuple(s.warnings, s.errors, s.infos);
        };
        if (weight(x.summary) != weight(y.summary))
            return weight(x.summary) < weight(y.summary);
        return byTitle();
    }
    if (column < 1 || column > m_columns.size())
        return byTitle();
    const Cell& cx = x.cells.at(column - 1);
    const Cell& cy = y.cells.at(column - 1);
    if (m_columns.at(column - 1).numeric)
        return numbers(cx.hasNumber, cx.number, cy.hasNumber, cy.number);
    return strings(cx.folded, cy.folded);
}

int ArticleListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ArticleListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : warningsColumn() + 1;
}

QString ArticleListModel::problemText(const ArticleSummary& s)
{
    QStringList parts;
    if (s.errors > 0)
        parts << (s.errors == 1 ? tr("1 error") : tr("%1 errors").arg(s.errors));
    if (s.warnings > 0)
        parts << (s.warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(s.warnings));
    return parts.join(QStringLiteral(", "));
}

QString ArticleListModel::toolTip(const ArticleSummary& s) const
{
    QString text = QStringLiteral("<b>%1</b><br>%2")
                       .arg(s.title.toHtmlEscaped(),
                            QDir::toNativeSeparators(
                                m_root.isEmpty() ? s.path : QDir(m_root).relativeFilePath(s.path))
                                .toHtmlEscaped());
    const QList<Diagnostic> all = s.allDiagnostics();
    for (int i = 0; i < all.size() && i < MaxToolTipProblems; ++i) {
        const Diagnostic& d = all.at(i);
        text += QStringLiteral("<br>%1: %2")
                    .arg(Diagnostic::severityName(d.severity), d.message.toHtmlEscaped());
    }
    if (all.size() > MaxToolTipProblems)
        text +=
            QStringLiteral("<br>") + tr("\u2026 and %1 more").arg(all.size() - MaxToolTipProblems);
    return text;
}

QVariant ArticleListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& r = m_rows.at(index.row());
    const ArticleSummary& s = r.summary;
    const int column = index.column();
    const bool errors = column == errorsColumn();
    const bool warnings = column == warningsColumn();
    const bool value = column >= 1 && column <= m_columns.size();
    switch (role) {
    case Qt::DisplayRole:
        if (column == Title)
            return s.title;
        if (errors)
            return s.errors > 0 ? QString::number(s.errors) : QString();
        if (warnings)
            return s.warnings > 0 ? QString::number(s.warnings) : QString();
        if (value) {
            const ArticleSummary::Shown* v = shownAt(s, column - 1);
            return v ? v->value : QString();
        }
        break;
    case Qt::DecorationRole:
        if (errors && s.errors > 0)
            return severityIcon(Diagnostic::Severity::Error);
        if (warnings && s.warnings > 0)
            return severityIcon(Diagnostic::Severity::Warning);
        break;
    case Qt::TextAlignmentRole:
        if (value && m_columns.at(column - 1).numeric)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        return toolTip(s);
    case PathRole:
        return s.path;
    case SortRole:
        if (errors)
            return s.errors;
        if (warnings)
            return s.warnings;
        if (value) {
            const Cell& cell = r.cells.at(column - 1);
            if (m_columns.at(column - 1).numeric)
                return cell.hasNumber ? QVariant(cell.number) : QVariant();
            return cell.folded;
        }
        return r.title;
    default:
        break;
    }
    return {};
}

QVariant ArticleListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    // The counts are headed by the severity's icon alone: the columns stay narrow.
    if (section == errorsColumn() || section == warningsColumn()) {
        const bool errors = section == errorsColumn();
        switch (role) {
        case Qt::DecorationRole:
            return severityIcon(errors ? Diagnostic::Severity::Error
                                       : Diagnostic::Severity::Warning);
        case Qt::ToolTipRole:
        case Qt::AccessibleTextRole:
            return errors ? tr("Errors") : tr("Warnings");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == Title)
        return tr("Title");
    if (section >= 1 && section <= m_columns.size())
        return m_columns.at(section - 1).label;
    return {};
}

} // namespace frontis
