#pragma once

#include <QDialog>
#include <QList>
#include <QString>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace frontis {

// The review before a change across the folder (Rename, Merge Into, Change Field, Replace in
// Folder): what will be done, the files that will change with their lines added and removed, a
// total, and the selected file's diff as Review Changes shows it. Apply accepts.
class FolderChangeDialog : public QDialog
{
    Q_OBJECT

public:
    struct File
    {
        QString path; // absolute
        QString diff; // unified
    };

    // `what` says the change in a sentence; paths show relative to `root`.
    FolderChangeDialog(const QString& title, const QString& what, const QString& root,
                       const QList<File>& files, QWidget* parent = nullptr);

    // Lines added and removed by a unified diff (its headers not counted).
    static std::pair<int, int> lineCounts(const QString& diff);
    // "3 files change: 5 lines added, 5 removed".
    static QString totalText(const QList<File>& files);

    QListWidget* fileList() const { return m_files; }
    QPlainTextEdit* diffView() const { return m_diff; }
    QLabel* totalLabel() const { return m_total; }
    QPushButton* applyButton() const { return m_apply; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void showFile(int row);

    QList<File> m_list;
    QListWidget* m_files = nullptr;
    QPlainTextEdit* m_diff = nullptr;
    QLabel* m_total = nullptr;
    QPushButton* m_apply = nullptr;
};

} // namespace frontis
