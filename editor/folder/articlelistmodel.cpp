#include "editor/folder/articlelistmodel.h"

#include "editor/problems/severityicons.h"

#include <QDir>
#include <QSet>

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

ArticleListModel::Row ArticleListModel::makeRow(const ArticleSummary& s)
{
    Row r;
    r.summary = s;
    const QString question = s.question == s.title ? QString() : s.question;
    r.search = (s.title + QLatin1Char('\n') + question + QLatin1Char('\n') + s.keywords +
                QLatin1Char('\n') + s.id)
                   .toCaseFolded();
    r.subject = s.subject.toCaseFolded();
    r.title = s.title.toCaseFolded();
    r.id = s.id.toDouble(&r.hasId);
    r.score = s.score.toDouble(&r.hasScore);
    return r;
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
    // A new folder (or most of one changed): one reset is cheaper than thousands of moves.
    if (m_rows.isEmpty() || staying < m_rows.size() / 2) {
        beginResetModel();
        m_rows.clear();
        m_rows.reserve(articles.size());
        for (const ArticleSummary& s : articles)
            m_rows << makeRow(s);
        rebuildRowIndex();
        endResetModel();
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
        Q_EMIT dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
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
    switch (column) {
    case Subject:
        return strings(x.subject, y.subject);
    case Date:
        return strings(x.summary.date, y.summary.date);
    case Id:
        return numbers(x.hasId, x.id, y.hasId, y.id);
    case Score:
        return numbers(x.hasScore, x.score, y.hasScore, y.score);
    case Errors:
    case Warnings: {
        // The other count breaks ties: among articles with 2 errors, those with warnings too.
        const auto weight = [column](const ArticleSummary& s) {
            return column == Errors ? std::make_tuple(s.errors, s.warnings, s.infos)
                                    : std::make_tuple(s.warnings, s.errors, s.infos);
        };
        if (weight(x.summary) != weight(y.summary))
            return weight(x.summary) < weight(y.summary);
        return byTitle();
    }
    default:
        return byTitle();
    }
}

int ArticleListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ArticleListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
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
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Title:
            return s.title;
        case Subject:
            return s.subject;
        case Date:
            return s.date;
        case Id:
            return s.id;
        case Score:
            return s.score;
        case Errors:
            return s.errors > 0 ? QString::number(s.errors) : QString();
        case Warnings:
            return s.warnings > 0 ? QString::number(s.warnings) : QString();
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == Errors && s.errors > 0)
            return severityIcon(Diagnostic::Severity::Error);
        if (index.column() == Warnings && s.warnings > 0)
            return severityIcon(Diagnostic::Severity::Warning);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Id || index.column() == Score)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        return toolTip(s);
    case PathRole:
        return s.path;
    case SortRole:
        switch (index.column()) {
        case Id:
            return r.hasId ? QVariant(r.id) : QVariant();
        case Score:
            return r.hasScore ? QVariant(r.score) : QVariant();
        case Errors:
            return s.errors;
        case Warnings:
            return s.warnings;
        case Subject:
            return r.subject;
        case Date:
            return s.date;
        default:
            return r.title;
        }
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
    if (section == Errors || section == Warnings) {
        const bool errors = section == Errors;
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
    switch (section) {
    case Title:
        return tr("Title");
    case Subject:
        return tr("Subject");
    case Date:
        return tr("Date");
    case Id:
        return tr("ID");
    case Score:
        return tr("Score");
    }
    return {};
}

} // namespace frontis
