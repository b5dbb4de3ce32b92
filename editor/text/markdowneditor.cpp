#include "editor/text/markdowneditor.h"

#include "editor/text/markdownhighlighter.h"
#include "editor/text/textspellcheck.h"
#include "model/text/answercodec.h"

#include <QApplication>
#include <QEvent>
#include <QFontDatabase>
#include <QScrollBar>
#include <QTextBlock>

#include <algorithm>

namespace frontis {

MarkdownEditor::MarkdownEditor(QWidget* parent) : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("textEditor"));
    setAccessibleName(tr("Article text (Markdown)"));
    setPlaceholderText(tr("Write the article in Markdown"));
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    setTabChangesFocus(true);

    // Markdown's structure is in its punctuation and indentation, which a fixed-width font
    // keeps legible; a slightly larger size makes long prose paragraphs easier to read.
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSizeF(qMax(font.pointSizeF(), QApplication::font().pointSizeF()) + 1);
    setFont(font);
    setTabStopDistance(QFontMetricsF(font).horizontalAdvance(u' ') * 4);
    document()->setDocumentMargin(8);

    m_highlighting = MarkdownHighlighter::attach(document(), palette());
    followPalette();

    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading)
            Q_EMIT textEdited();
    });
    // QPlainTextEdit moves its scroll bar with signals blocked when it follows the cursor, so
    // scrolling is seen through the viewport updates it requests.
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect&, int dy) {
        if (dy != 0)
            emitVisibleLine();
    });
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this] { emitVisibleLine(); });

    // Misspelt words: underlined through a selection group of their own (Edit > Spelling).
    auto* spelling = new TextSpellCheck(this, TextSpellCheck::Syntax::Markdown);
    spelling->setShowFunction([this](const QList<QTextEdit::ExtraSelection>& selections) {
        setSelectionGroup(QStringLiteral("spelling"), selections);
    });
    setSelectionGroup(QStringLiteral("spelling"), {}); // first: find highlights paint over it
}

void MarkdownEditor::setCodec(Codec decode, Codec encode)
{
    m_decode = std::move(decode);
    m_encode = std::move(encode);
    m_storedRevision = -1;
}

void MarkdownEditor::setStoredText(const QString& stored)
{
    m_stored = stored;
    m_storedRevision = -1;
    const QString markdownText = m_decode ? m_decode(stored) : decodeAnswer(stored);
    if (markdownText == markdown()) {
        m_shownOriginal = markdownText;
        return;
    }
    const QTextCursor before = textCursor();
    const int anchor = before.anchor();
    const int position = before.position();
    const int scroll = verticalScrollBar()->value();

    m_loading = true;
    setPlainText(markdownText);
    m_loading = false;
    m_shownOriginal = markdown();

    QTextCursor cursor(document());
    const int end = qMax(0, document()->characterCount() - 1);
    cursor.setPosition(qMin(anchor, end));
    cursor.setPosition(qMin(position, end), QTextCursor::KeepAnchor);
    setTextCursor(cursor);
    verticalScrollBar()->setValue(scroll);
}

QString MarkdownEditor::storedText() const
{
    // Every edit raises the revision (with the editor's own undo off too).
    if (m_storedRevision == document()->revision())
        return m_storedText;
    const QString text = markdown();
    m_storedText =
        text == m_shownOriginal ? m_stored : (m_encode ? m_encode(text) : encodeAnswer(text));
    m_storedRevision = document()->revision();
    return m_storedText;
}

QString MarkdownEditor::markdown() const
{
    if (m_markdownRevision == document()->revision())
        return m_markdown;
    QString text = document()->toRawText();
    // Block breaks are U+2029 in the raw text, and Shift+Enter inserts U+2028 within a block:
    // both are line breaks in Markdown.
    text.replace(QChar(QChar::ParagraphSeparator), QLatin1Char('\n'));
    text.replace(QChar(QChar::LineSeparator), QLatin1Char('\n'));
    m_markdown = text;
    m_markdownRevision = document()->revision();
    return text;
}

void MarkdownEditor::setSelectionGroup(const QString& name,
                                       const QList<QTextEdit::ExtraSelection>& selections)
{
    auto it = std::find_if(m_selectionGroups.begin(), m_selectionGroups.end(),
                           [&name](const auto& group) { return group.first == name; });
    if (it == m_selectionGroups.end())
        m_selectionGroups.append({name, selections});
    else
        it->second = selections;
    QList<QTextEdit::ExtraSelection> all;
    for (const auto& group : std::as_const(m_selectionGroups))
        all += group.second;
    setExtraSelections(all);
}

QList<QTextEdit::ExtraSelection> MarkdownEditor::selectionGroup(const QString& name) const
{
    for (const auto& group : m_selectionGroups) {
        if (group.first == name)
            return group.second;
    }
    return {};
}

void MarkdownEditor::goToLine(int line, int column)
{
    QTextBlock block = document()->findBlockByNumber(qMax(line, 1) - 1);
    if (!block.isValid())
        block = document()->lastBlock();
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + qBound(0, column - 1, block.length() - 1));
    setTextCursor(cursor);
    centerCursor();
}

int MarkdownEditor::firstVisibleMarkdownLine() const
{
    const QTextBlock block = firstVisibleBlock();
    return block.isValid() ? block.blockNumber() + 1 : 1;
}

qreal MarkdownEditor::firstVisibleLineProgress() const
{
    const QTextBlock block = firstVisibleBlock();
    if (!block.isValid())
        return 0;
    const QRectF rect = blockBoundingGeometry(block).translated(contentOffset());
    if (rect.height() <= 0 || rect.top() >= 0)
        return 0;
    return qBound(0.0, -rect.top() / rect.height(), 0.999);
}

void MarkdownEditor::changeEvent(QEvent* event)
{
    QPlainTextEdit::changeEvent(event);
    if ((event->type() == QEvent::PaletteChange ||
         event->type() == QEvent::ApplicationPaletteChange) &&
        !m_applyingPalette)
        followPalette();
}

void MarkdownEditor::resizeEvent(QResizeEvent* event)
{
    QPlainTextEdit::resizeEvent(event);
    emitVisibleLine();
}

void MarkdownEditor::followPalette()
{
    // The palette this widget would have without our overrides: its parent's (or the
    // application's), which is where light/dark switches arrive from.
    const QPalette inherited =
        parentWidget() ? parentWidget()->palette() : QApplication::palette(this);
    m_highlighting->setPalette(inherited);
    const QPalette themed = m_highlighting->editorPalette(inherited);

    // Only the roles the theme changes are set on the widget, so the rest keeps following
    // the parent.
    QPalette overrides;
    for (const QPalette::ColorRole role :
         {QPalette::Base, QPalette::Text, QPalette::Highlight, QPalette::HighlightedText}) {
        for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
            if (themed.color(group, role) != inherited.color(group, role))
                overrides.setColor(group, role, themed.color(group, role));
        }
    }
    m_applyingPalette = true;
    setPalette(overrides);
    m_applyingPalette = false;
}

void MarkdownEditor::emitVisibleLine()
{
    const int line = firstVisibleMarkdownLine();
    const qreal progress = firstVisibleLineProgress();
    if (line == m_lastVisibleLine && qFuzzyCompare(1 + progress, 1 + m_lastVisibleProgress))
        return; // both signals can report the same scroll
    m_lastVisibleLine = line;
    m_lastVisibleProgress = progress;
    Q_EMIT visibleLineChanged(line, progress);
}

} // namespace frontis
