#pragma once

#include "model/text/spelltokens.h"

#include <QList>
#include <QObject>
#include <QTextEdit>
#include <QTimer>

#include <functional>
#include <optional>

class QMenu;
class QPlainTextEdit;
class QTextBlock;

namespace frontis {

// Spelling as you type in a QPlainTextEdit: misspelt words get a red wavy underline and a right
// click on one offers replacements, Add to Dictionary and Ignore above the editor's own menu.
// The underlines are extra selections, so the syntax highlighter's formats stay untouched and
// other extra selections of the editor (set before or after) are kept. Only the blocks on
// screen and a margin around them are checked, a moment after typing or scrolling stops; the
// word the cursor is at the end of is left alone while the writer is typing it.
//
// The object is a child of the editor.
class TextSpellCheck : public QObject
{
    Q_OBJECT

public:
    enum class Syntax { Plain, Markdown };

    TextSpellCheck(QPlainTextEdit* editor, Syntax syntax);

    using ShowFunction = std::function<void(const QList<QTextEdit::ExtraSelection>&)>;
    // How the underlines reach the editor. By default they replace the editor's spelling extra
    // selections and keep the others; an editor that combines several sources of extra
    // selections (MarkdownEditor::setSelectionGroup) passes its own.
    void setShowFunction(ShowFunction show);

    // Checks the words on screen now rather than after the pause (tests).
    void recheckNow();
    // The misspelt words underlined now, as document positions.
    QList<SpellToken> underlined() const;
    // The misspelt word at document position `position` (a cursor position inside or at either
    // end of it), or nullopt.
    std::optional<SpellToken> misspeltAt(int position);
    // The editor's context menu with the spelling entries for the word at `position` on top;
    // nullptr when no misspelt word is there. The caller owns the menu.
    QMenu* createContextMenu(int position);
    // Replaces `length` characters at `start` with `text` as one edit of the editor, which
    // reports it as any edit (textChanged(), the window's history).
    void replace(int start, int length, const QString& text);

    // Whether an extra selection is one of these underlines.
    static bool isSpellingSelection(const QTextEdit::ExtraSelection& selection);
    // Blocks checked above and below the view, so that scrolling a little shows no gap.
    static constexpr int MarginBlocks = 30;
    // The pause after typing or scrolling before words are checked.
    static constexpr int DelayMs = 120;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void schedule();
    void recheck();
    void show(const QList<QTextEdit::ExtraSelection>& selections);
    // The words of a block's text (positions in the block); `state` moves past the block.
    QList<SpellToken> wordsOf(const QString& text, MarkdownLineState& state) const;
    MarkdownLineState stateAt(const QTextBlock& block);
    bool isBeingTyped(const QTextBlock& block, const SpellToken& word) const;

    QPlainTextEdit* m_editor;
    Syntax m_syntax;
    QTimer m_timer;
    ShowFunction m_show;
    QList<QTextEdit::ExtraSelection> m_shown; // their cursors follow the edits
    // The Markdown state at the start of each of the first blocks; edits drop the states from
    // the edited block on.
    QList<MarkdownLineState> m_states;
};

} // namespace frontis
