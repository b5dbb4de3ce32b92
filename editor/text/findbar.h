#pragma once

#include "model/text/textfinder.h"

#include <QList>
#include <QString>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <optional>

class QAction;
class QCheckBox;
class QKeyEvent;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QToolButton;

namespace frontis {

class MarkdownEditor;

// Find and Replace in the answer editor, as a bar below it: a find field with previous/next and a
// match count ("3 of 12"), Case sensitive / Whole words / Regular expression toggles, and a
// replace row (Replace, Replace All). Every match in view is highlighted through the editor's
// "find" selection group. Enter / Shift+Enter go to the next / previous match (Enter in the
// replacement field replaces, Ctrl+Enter replaces all), Alt+C / Alt+W / Alt+R toggle the options,
// Escape closes the bar and gives the focus back to the editor. Replacing goes through the edit
// runner, so that the owner can make each Replace or Replace All exactly one step of its history.
class FindBar : public QWidget
{
    Q_OBJECT

public:
    // Runs `edit` (which changes the editor's text once, as one edit block) as one history step
    // named `label`.
    using EditRunner = std::function<void(const QString& label, const std::function<void()>& edit)>;

    explicit FindBar(MarkdownEditor* editor, QWidget* parent = nullptr);

    // Edit menu entries: Find…, Replace…, Find Next, Find Previous, with their standard keys
    // (Ctrl+F, Ctrl+H, F3, Shift+F3). Returned so the window can enable them.
    QList<QAction*> addMenuActions(QMenu* menu);
    void setEditRunner(EditRunner runner) { m_runner = std::move(runner); }

    // Shows the bar (with or without the replace row), takes a one-line selection of the editor
    // as the term, and puts the focus in the find field.
    void openFind();
    void openReplace();
    // Hides the bar and its highlights and gives the focus back to the editor.
    void closeBar();
    // Select the next / previous match, wrapping around at the ends; the bar opens if hidden.
    void findNext();
    void findPrevious();
    // Replaces the selected match and selects the next; if no match is selected, selects the
    // next one instead (a second press replaces it). True when something was replaced.
    bool replaceCurrent();
    // Replaces every match as one history step; returns how many.
    int replaceAll();

    // For tests and the status line.
    int matchCount();
    int currentMatch(); // 0-based index of the match the editor has selected, or -1
    QList<TextFinder::Match> matches();
    bool hasPatternError() const { return m_error.has_value(); }
    bool isReplaceShown() const;
    QLineEdit* findField() const { return m_find; }
    QLineEdit* replaceField() const { return m_replace; }
    QCheckBox* caseSensitiveBox() const { return m_caseSensitive; }
    QCheckBox* wholeWordsBox() const { return m_wholeWords; }
    QCheckBox* regularExpressionBox() const { return m_regex; }
    QLabel* statusLabel() const { return m_status; }

    // The MarkdownEditor selection group the highlights go to.
    static QString selectionGroupName() { return QStringLiteral("find"); }
    // At most this many matches are highlighted at once (those in view come first).
    static constexpr int MaxHighlights = 2000;

Q_SIGNALS:
    // Something to show in the window's status bar ("Replaced 12 occurrences").
    void message(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void open(bool withReplace);
    FindOptions options() const;
    // Compiles the term and finds every match; nothing is selected.
    void refresh();
    void ensureFresh();
    void termEdited();
    void optionsChanged();
    void select(int index);
    bool readyToStep(); // opens the bar and refreshes the matches; false when there are none
    int matchesBefore(qsizetype position) const;
    int firstAtOrAfter(qsizetype position) const;
    int lastBefore(qsizetype position) const;
    void updateHighlights();
    void updateStatus();
    void showError(const std::optional<Error>& error);
    void runEdit(const QString& label, const std::function<void()>& edit);
    // The option Alt+C, Alt+W or Alt+R toggles in the fields, if `key` is one of them.
    QCheckBox* optionForKey(const QKeyEvent* key) const;

    MarkdownEditor* m_editor;
    QLineEdit* m_find = nullptr;
    QLineEdit* m_replace = nullptr;
    QWidget* m_replaceRow = nullptr;
    QToolButton* m_previous = nullptr;
    QToolButton* m_next = nullptr;
    QToolButton* m_close = nullptr;
    QPushButton* m_replaceOne = nullptr;
    QPushButton* m_replaceAll = nullptr;
    QCheckBox* m_caseSensitive = nullptr;
    QCheckBox* m_wholeWords = nullptr;
    QCheckBox* m_regex = nullptr;
    QLabel* m_status = nullptr;

    EditRunner m_runner;
    std::optional<TextFinder> m_finder;
    std::optional<Error> m_error;
    QList<TextFinder::Match> m_matches;
    QString m_notice; // shown instead of the count until the next search ("12 replaced")
    bool m_dirty = true;
    QTimer m_refreshTimer;   // follows edits of the text while the bar is open
    QTimer m_highlightTimer; // follows scrolling
};

} // namespace frontis
