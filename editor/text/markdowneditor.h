#pragma once

#include <QPlainTextEdit>
#include <QTextEdit>

#include <functional>
#include <utility>

namespace frontis {

class MarkdownHighlighter;

// The source editor for the article's text (ArticleText: the body, or a markdown field such as
// the QuickTakes answer): Markdown with real line breaks, highlighted, stored as the codec says
// (a field's backslash-n escapes, model/text/answercodec.h; the body's own line endings).
// Tab moves the focus on, so that the form around it stays reachable by keyboard.
class MarkdownEditor : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit MarkdownEditor(QWidget* parent = nullptr);

    // How the text is stored (ArticleText::decode and ::encode): the answer's `\n` escapes by
    // default, the file's line breaks for a body. Takes effect at the next setStoredText().
    using Codec = std::function<QString(const QString&)>;
    void setCodec(Codec decode, Codec encode);

    // Shows the stored text, decoded. The cursor and scroll position stay where
    // they were as far as the new text allows; the editor's own undo history starts afresh.
    // textEdited() is not emitted for this.
    void setStoredText(const QString& stored);
    // The text in storage encoding. As long as the writer has not changed the text, this is
    // exactly what setStoredText() got, so a literal backslash-n the decoding turned into a
    // line break is written back untouched.
    QString storedText() const;
    // The Markdown as shown, with '\n' line breaks and no character replaced (unlike
    // toPlainText(), which turns non-breaking spaces into spaces).
    QString markdown() const;

    // Puts the cursor on a 1-based Markdown line and column (in UTF-16 code units, as
    // diagnostics give them) and scrolls it to the middle of the view. Out-of-range values
    // are clamped.
    void goToLine(int line, int column = 1);
    // The 1-based Markdown line at the top of the view, and how far (0 to <1) it is scrolled
    // past, for following the editor in the preview (PreviewPane::scrollToSourceLine).
    int firstVisibleMarkdownLine() const;
    qreal firstVisibleLineProgress() const;

    MarkdownHighlighter* highlighting() const { return m_highlighting; }

    // Several helpers mark text (find matches, spelling): each sets its own group of extra
    // selections by name, and the editor shows the union, in the order the groups were first
    // set (later groups paint over earlier ones). Use this instead of setExtraSelections().
    void setSelectionGroup(const QString& name, const QList<QTextEdit::ExtraSelection>& selections);
    QList<QTextEdit::ExtraSelection> selectionGroup(const QString& name) const;

Q_SIGNALS:
    // The writer changed the text (typing, paste, undo in the editor).
    void textEdited();
    // The view scrolled or was resized: the new first visible line and progress.
    void visibleLineChanged(int line, qreal progress);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    // Picks highlighting colours for the inherited palette and applies the theme's editor
    // colours on top of it.
    void followPalette();
    void emitVisibleLine();

    MarkdownHighlighter* m_highlighting = nullptr;
    QList<std::pair<QString, QList<QTextEdit::ExtraSelection>>> m_selectionGroups;
    Codec m_decode;
    Codec m_encode;
    QString m_stored;        // what setStoredText() got
    QString m_shownOriginal; // markdown() right after it
    // markdown() and storedText() as of a document revision: both are read at every preview
    // update and every commit of the typing, and take milliseconds for a long text.
    mutable QString m_markdown;
    mutable int m_markdownRevision = -1;
    mutable QString m_storedText;
    mutable int m_storedRevision = -1;
    int m_lastVisibleLine = 1;
    qreal m_lastVisibleProgress = 0;
    bool m_loading = false;
    bool m_applyingPalette = false;
};

} // namespace frontis
