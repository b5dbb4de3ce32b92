#pragma once

#include "model/folder/articlesummary.h"

#include <QAbstractItemModel>
#include <QList>
#include <QString>

namespace frontis {

// Every diagnostic of every article of a folder, grouped by file: the top level lists the
// articles that have any (with their counts), each with its diagnostics below it in file order.
// Severities can be left out (setShown).
class ProblemsModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role {
        PathRole = Qt::UserRole + 1, // the article's absolute path (files and diagnostics)
        SeverityRole,                // diagnostics: the Diagnostic::Severity as an int
    };

    explicit ProblemsModel(QObject* parent = nullptr);

    void setArticles(const QList<ArticleSummary>& articles, const QString& root = {});
    void setShown(bool errors, bool warnings, bool infos);
    bool showsErrors() const { return m_errors; }
    bool showsWarnings() const { return m_warnings; }
    bool showsInfos() const { return m_infos; }

    // Over all articles, whatever is shown.
    int errorCount() const { return m_totalErrors; }
    int warningCount() const { return m_totalWarnings; }
    int infoCount() const { return m_totalInfos; }

    // For a diagnostic's index: the diagnostic; nullptr for a file's index.
    const Diagnostic* diagnostic(const QModelIndex& index) const;
    QString path(const QModelIndex& index) const;
    // The top-level index of the file at `path` (invalid when it has nothing shown).
    QModelIndex fileIndex(const QString& path) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    struct File
    {
        QString path;
        QString shown;                 // relative to the root
        QList<Diagnostic> diagnostics; // the shown severities only
        int errors = 0;
        int warnings = 0;
        int infos = 0;
    };
    void rebuild();

    QList<ArticleSummary> m_articles;
    QString m_root;
    QList<File> m_files;
    bool m_errors = true;
    bool m_warnings = true;
    bool m_infos = true;
    int m_totalErrors = 0;
    int m_totalWarnings = 0;
    int m_totalInfos = 0;
};

} // namespace frontis
