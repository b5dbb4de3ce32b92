#include "editor/problems/problemsmodel.h"

#include "editor/folder/articlelistmodel.h"
#include "editor/problems/severityicons.h"

#include <QDir>
#include <QFileInfo>
#include <QFont>

namespace frontis {

ProblemsModel::ProblemsModel(QObject* parent) : QAbstractItemModel(parent)
{}

void ProblemsModel::setArticles(const QList<ArticleSummary>& articles, const QString& root)
{
    m_articles = articles;
    m_root = root;
    rebuild();
}

void ProblemsModel::setShown(bool errors, bool warnings, bool infos)
{
    if (errors == m_errors && warnings == m_warnings && infos == m_infos)
        return;
    m_errors = errors;
    m_warnings = warnings;
    m_infos = infos;
    rebuild();
}

void ProblemsModel::rebuild()
{
    beginResetModel();
    m_files.clear();
    m_totalErrors = m_totalWarnings = m_totalInfos = 0;
    const QDir root(m_root);
    for (const ArticleSummary& s : std::as_const(m_articles)) {
        m_totalErrors += s.errors;
        m_totalWarnings += s.warnings;
        m_totalInfos += s.infos;
        if (s.errors + s.warnings + s.infos == 0)
            continue;
        File f;
        for (const Diagnostic& d : s.allDiagnostics()) {
            const bool shown = (d.severity == Diagnostic::Severity::Error && m_errors) ||
                               (d.severity == Diagnostic::Severity::Warning && m_warnings) ||
                               (d.severity == Diagnostic::Severity::Info && m_infos);
            if (shown)
                f.diagnostics << d;
        }
        if (f.diagnostics.isEmpty())
            continue;
        f.path = s.path;
        f.shown =
            QDir::toNativeSeparators(m_root.isEmpty() ? s.path : root.relativeFilePath(s.path));
        f.errors = s.errors;
        f.warnings = s.warnings;
        f.infos = s.infos;
        m_files << f;
    }
    endResetModel();
}

const Diagnostic* ProblemsModel::diagnostic(const QModelIndex& index) const
{
    if (!index.isValid() || index.internalId() == 0)
        return nullptr;
    const File& f = m_files.at(int(index.internalId() - 1));
    return &f.diagnostics.at(index.row());
}

QString ProblemsModel::path(const QModelIndex& index) const
{
    if (!index.isValid())
        return {};
    const int file = index.internalId() == 0 ? index.row() : int(index.internalId() - 1);
    return m_files.at(file).path;
}

QModelIndex ProblemsModel::fileIndex(const QString& path) const
{
    for (int i = 0; i < m_files.size(); ++i) {
        if (m_files.at(i).path == path)
            return createIndex(i, 0, quintptr(0));
    }
    return {};
}

QModelIndex ProblemsModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_files.size() ? createIndex(row, 0, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0)
        return {};
    if (row >= m_files.at(parent.row()).diagnostics.size())
        return {};
    return createIndex(row, 0, quintptr(parent.row()) + 1);
}

QModelIndex ProblemsModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int ProblemsModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(m_files.size());
    if (parent.internalId() != 0)
        return 0;
    return int(m_files.at(parent.row()).diagnostics.size());
}

int ProblemsModel::columnCount(const QModelIndex&) const
{
    return 1;
}

QVariant ProblemsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    if (role == PathRole)
        return path(index);
    if (index.internalId() == 0) {
        const File& f = m_files.at(index.row());
        switch (role) {
        case Qt::DisplayRole: {
            // Name and counts first: a narrow view cuts the folder, which matters least.
            ArticleSummary counts;
            counts.errors = f.errors;
            counts.warnings = f.warnings;
            QString problems = ArticleListModel::problemText(counts);
            if (f.infos > 0) {
                const QString infos = f.infos == 1 ? tr("1 info") : tr("%1 infos").arg(f.infos);
                problems = problems.isEmpty() ? infos : problems + QStringLiteral(", ") + infos;
            }
            const QFileInfo shown(f.shown);
            const QString folder =
                shown.path() == QLatin1String(".")
                    ? QString()
                    : QStringLiteral(" \u2014 ") + QDir::toNativeSeparators(shown.path());
            return QStringLiteral("%1 (%2)%3").arg(shown.fileName(), problems, folder);
        }
        case Qt::DecorationRole:
            return severityIcon(f.errors > 0     ? Diagnostic::Severity::Error
                                : f.warnings > 0 ? Diagnostic::Severity::Warning
                                                 : Diagnostic::Severity::Info);
        case Qt::ToolTipRole:
            return QDir::toNativeSeparators(f.path);
        case Qt::FontRole: {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        default:
            return {};
        }
    }
    const Diagnostic& d = *diagnostic(index);
    switch (role) {
    case Qt::DisplayRole:
        if (d.line > 0)
            return tr("line %1: %2 [%3]").arg(d.line).arg(d.message, d.rule);
        return tr("%1 [%2]").arg(d.message, d.rule);
    case Qt::DecorationRole:
        return severityIcon(d.severity);
    case Qt::ToolTipRole:
        return d.format(path(index));
    case SeverityRole:
        return int(d.severity);
    default:
        return {};
    }
}

} // namespace frontis
