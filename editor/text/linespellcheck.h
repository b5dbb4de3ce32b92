#pragma once

#include "model/text/spelltokens.h"

#include <QList>
#include <QTimer>
#include <QWidget>

class QLineEdit;
class QMenu;

namespace frontis {

// Spelling as you type in a QLineEdit, which has no formats of its own to carry an underline:
// a transparent widget laid over the line edit draws red wavy lines under the misspelt words,
// placed from the line edit's cursor rectangle and the text's advance (left-to-right text).
// A right click on a word offers replacements, Add to Dictionary and Ignore above the line
// edit's own menu; a replacement is typed in as the writer would (textEdited()).
//
// The object is a child of the line edit.
class LineSpellCheck : public QWidget
{
    Q_OBJECT

public:
    explicit LineSpellCheck(QLineEdit* edit);

    // Checks now rather than after the pause (tests).
    void recheckNow();
    // The misspelt words marked now (positions in the text).
    const QList<SpellToken>& underlined() const { return m_misspelt; }
    // The x coordinate of text position `position`, in the line edit's coordinates.
    qreal xOf(int position) const;
    // The line edit's context menu with the spelling entries for the word at `position` on
    // top; nullptr when no misspelt word is there. The caller owns the menu.
    QMenu* createContextMenu(int position);

protected:
    void paintEvent(QPaintEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void schedule();
    void recheck();

    QLineEdit* m_edit;
    QTimer m_timer;
    QList<SpellToken> m_misspelt;
};

} // namespace frontis
