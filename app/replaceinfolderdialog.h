#pragma once

#include "model/site/sitechange.h"

#include <QDialog>

#include <atomic>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace frontis {

// Edit > Replace in Folder (Ctrl+Shift+H): a term found as the find bar finds it (case, whole
// words, regular expression with `\1` groups) in the article text or in one field's values of
// every article of the open folder. The articles that match, with their number of matches and
// the change to each, are listed as you type (planned in the background by the site-change
// engine, a newer search replacing an older one); Replace All hands the plan on for review.
class ReplaceInFolderDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ReplaceInFolderDialog(QWidget* parent = nullptr);
    ~ReplaceInFolderDialog() override;

    QLineEdit* findEdit() const { return m_find; }
    QLineEdit* replaceEdit() const { return m_replace; }
    QComboBox* whereBox() const { return m_where; }
    QCheckBox* caseBox() const { return m_case; }
    QCheckBox* wordsBox() const { return m_words; }
    QCheckBox* regexBox() const { return m_regex; }
    QListWidget* matchList() const { return m_matches; }
    QLabel* summaryLabel() const { return m_summary; }
    QPushButton* replaceAllButton() const { return m_replaceAll; }
    // Whether a search is running or waiting for typing to pause.
    bool isSearching() const;
    // The change the fields describe.
    SiteChange change() const;

Q_SIGNALS:
    // Replace All: the plan of the change shown, for review and applying.
    void replaceAll(const ChangePlan& plan);
    // A search finished and the list shows its result.
    void searched();

private:
    void schedule();
    void search();
    void showPlan(const Result<ChangePlan>& plan);
    void showDiff(int row);

    QLineEdit* m_find = nullptr;
    QLineEdit* m_replace = nullptr;
    QComboBox* m_where = nullptr;
    QCheckBox* m_case = nullptr;
    QCheckBox* m_words = nullptr;
    QCheckBox* m_regex = nullptr;
    QListWidget* m_matches = nullptr;
    QPlainTextEdit* m_diff = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_replaceAll = nullptr;
    QTimer* m_timer = nullptr;
    std::optional<ChangePlan> m_plan;
    int m_generation = 0; // of the search whose result is awaited
    bool m_running = false;
    std::shared_ptr<std::atomic<bool>> m_cancel; // of the search running
};

} // namespace frontis
