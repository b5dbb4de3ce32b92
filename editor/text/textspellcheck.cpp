#include "editor/text/textspellcheck.h"

#include "editor/text/spelling.h"

#include <QContextMenuEvent>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPointer>
#include <QScrollBar>
#include <QTextBlock>

#include <algorithm>
#include <memory>

namespace frontis {

namespace {

// Marks the extra selections that are spelling underlines.
constexpr int SpellingProperty = QTextFormat::UserProperty + 0x5350;

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

} // namespace

TextSpellCheck::TextSpellCheck(QPlainTextEdit* editor, Syntax syntax)
    : QObject(editor), m_editor(editor), m_syntax(syntax)
{
    m_timer.setSingleShot(true);
    m_timer.setObjectName(QStringLiteral("text spell check"));
    m_timer.setInterval(DelayMs);
    connect(&m_timer, &QTimer::timeout, this, &TextSpellCheck::recheck);

    connect(editor->document(), &QTextDocument::contentsChange, this,
            [this](int position, int, int) {
                const int block = m_editor->document()->findBlock(position).blockNumber();
                if (m_states.size() > block + 1)
                    m_states.resize(qMax(block + 1, 1));
                schedule();
            });
    connect(editor, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        if (m_editor->hasFocus())
            schedule(); // the word being typed may be finished now
    });
    connect(editor->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &TextSpellCheck::schedule);
    // Following the cursor scrolls with the scroll bar's signals blocked.
    connect(editor, &QPlainTextEdit::updateRequest, this, [this](const QRect&, int dy) {
        if (dy != 0)
            schedule();
    });
    connect(&Spelling::instance(), &Spelling::changed, this, &TextSpellCheck::schedule);
    editor->installEventFilter(this);
    editor->viewport()->installEventFilter(this);
    schedule();
}

bool TextSpellCheck::isSpellingSelection(const QTextEdit::ExtraSelection& selection)
{
    return selection.format.boolProperty(SpellingProperty);
}

void TextSpellCheck::schedule()
{
    // Not restarted while pending: steady typing or scrolling still gets checked regularly.
    if (!m_timer.isActive())
        m_timer.start();
}

void TextSpellCheck::recheckNow()
{
    m_timer.stop();
    recheck();
}

MarkdownLineState TextSpellCheck::stateAt(const QTextBlock& block)
{
    if (m_syntax != Syntax::Markdown)
        return {};
    if (m_states.isEmpty())
        m_states.append(MarkdownLineState{});
    const int wanted = block.blockNumber();
    if (m_states.size() <= wanted) {
        QTextBlock b = m_editor->document()->findBlockByNumber(int(m_states.size()) - 1);
        while (m_states.size() <= wanted && b.isValid()) {
            MarkdownLineState state = m_states.last();
            // Only the state matters here; blocks are split at Shift+Enter's line separators.
            const QString text = b.text();
            for (const QStringView line : QStringView(text).tokenize(QChar(QChar::LineSeparator)))
                advanceMarkdownState(line, state);
            m_states.append(state);
            b = b.next();
        }
    }
    return m_states.value(wanted);
}

QList<SpellToken> TextSpellCheck::wordsOf(const QString& text, MarkdownLineState& state) const
{
    if (m_syntax == Syntax::Plain)
        return plainTextWords(text);
    QList<SpellToken> words;
    qsizetype start = 0;
    for (const QStringView line : QStringView(text).tokenize(QChar(QChar::LineSeparator))) {
        for (SpellToken t : markdownLineWords(line, state)) {
            t.start += start;
            words.append(t);
        }
        start += line.size() + 1;
    }
    return words;
}

bool TextSpellCheck::isBeingTyped(const QTextBlock& block, const SpellToken& word) const
{
    if (!m_editor->hasFocus())
        return false;
    const QTextCursor cursor = m_editor->textCursor();
    if (cursor.hasSelection() || cursor.block() != block)
        return false;
    const int at = cursor.positionInBlock();
    return word.start < at && at <= word.end();
}

void TextSpellCheck::setShowFunction(ShowFunction show)
{
    m_show = std::move(show);
}

void TextSpellCheck::show(const QList<QTextEdit::ExtraSelection>& selections)
{
    m_shown = selections;
    if (m_show) {
        m_show(selections);
        return;
    }
    QList<QTextEdit::ExtraSelection> all = m_editor->extraSelections();
    all.removeIf(&TextSpellCheck::isSpellingSelection);
    m_editor->setExtraSelections(all + selections);
}

void TextSpellCheck::recheck()
{
    SpellChecker* checker = Spelling::instance().checker();
    if (!checker || m_editor->isReadOnly()) {
        if (!m_shown.isEmpty())
            show({});
        return;
    }
    const QRect view = m_editor->viewport()->rect();
    QTextBlock first = m_editor->cursorForPosition(view.topLeft()).block();
    QTextBlock last = m_editor->cursorForPosition(view.bottomRight()).block();
    for (int i = 0; i < MarginBlocks && first.previous().isValid(); ++i)
        first = first.previous();
    for (int i = 0; i < MarginBlocks && last.next().isValid(); ++i)
        last = last.next();

    QTextCharFormat format;
    format.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
    format.setUnderlineColor(isDark(m_editor->palette()) ? QColor(0xff, 0x6b, 0x6b)
                                                         : QColor(0xd0, 0x10, 0x10));
    format.setProperty(SpellingProperty, true);

    QList<QTextEdit::ExtraSelection> found;
    MarkdownLineState state = stateAt(first);
    for (QTextBlock block = first; block.isValid(); block = block.next()) {
        const int number = block.blockNumber();
        const QString text = block.text();
        const QList<SpellToken> words = wordsOf(text, state);
        if (m_syntax == Syntax::Markdown && m_states.size() == number + 1)
            m_states.append(state); // the state at the next block, known for free
        for (const SpellToken& w : words) {
            if (checker->isCorrect(text.mid(w.start, w.length)) || isBeingTyped(block, w))
                continue;
            QTextEdit::ExtraSelection s;
            s.cursor = QTextCursor(block);
            s.cursor.setPosition(block.position() + int(w.start));
            s.cursor.setPosition(block.position() + int(w.end()), QTextCursor::KeepAnchor);
            s.format = format;
            found << s;
        }
        if (block == last)
            break;
    }

    // Only touch the editor (and repaint) when the underlines change; the ones it has moved
    // along with the edits.
    const auto sameRange = [](const QTextEdit::ExtraSelection& a,
                              const QTextEdit::ExtraSelection& b) {
        return a.cursor.selectionStart() == b.cursor.selectionStart() &&
               a.cursor.selectionEnd() == b.cursor.selectionEnd() &&
               a.format.underlineColor() == b.format.underlineColor();
    };
    if (!std::equal(found.cbegin(), found.cend(), m_shown.cbegin(), m_shown.cend(), sameRange))
        show(found);
}

QList<SpellToken> TextSpellCheck::underlined() const
{
    QList<SpellToken> out;
    for (const QTextEdit::ExtraSelection& s : m_shown)
        out.append(
            {s.cursor.selectionStart(), s.cursor.selectionEnd() - s.cursor.selectionStart()});
    return out;
}

std::optional<SpellToken> TextSpellCheck::misspeltAt(int position)
{
    SpellChecker* checker = Spelling::instance().checker();
    const QTextBlock block = m_editor->document()->findBlock(position);
    if (!checker || !block.isValid())
        return std::nullopt;
    MarkdownLineState state = stateAt(block);
    const int at = position - block.position();
    const QString text = block.text();
    for (const SpellToken& w : wordsOf(text, state)) {
        if (w.start <= at && at <= w.end()) {
            if (checker->isCorrect(text.mid(w.start, w.length)))
                return std::nullopt;
            return SpellToken{block.position() + w.start, w.length};
        }
    }
    return std::nullopt;
}

QMenu* TextSpellCheck::createContextMenu(int position)
{
    if (m_editor->isReadOnly())
        return nullptr;
    const std::optional<SpellToken> word = misspeltAt(position);
    if (!word)
        return nullptr;
    const QString text = m_editor->document()->toPlainText().mid(word->start, word->length);
    QMenu* menu = m_editor->createStandardContextMenu();
    const QPointer<TextSpellCheck> self(this);
    const SpellToken at = *word;
    Spelling::instance().addWordActions(
        menu, menu->actions().value(0), text, [self, at](const QString& replacement) {
            if (self)
                self->replace(int(at.start), int(at.length), replacement);
        });
    return menu;
}

void TextSpellCheck::replace(int start, int length, const QString& text)
{
    QTextCursor cursor(m_editor->document());
    cursor.setPosition(start);
    cursor.setPosition(start + length, QTextCursor::KeepAnchor);
    cursor.beginEditBlock();
    cursor.insertText(text);
    cursor.endEditBlock();
    m_editor->setTextCursor(cursor);
}

bool TextSpellCheck::eventFilter(QObject* watched, QEvent* event)
{
    // A right click reaches the viewport, the menu key the editor.
    if (event->type() == QEvent::ContextMenu) {
        auto* e = static_cast<QContextMenuEvent*>(event);
        const QPoint inViewport =
            watched == m_editor ? m_editor->viewport()->mapFrom(m_editor, e->pos()) : e->pos();
        const QTextCursor at = e->reason() == QContextMenuEvent::Mouse
                                   ? m_editor->cursorForPosition(inViewport)
                                   : m_editor->textCursor();
        const std::unique_ptr<QMenu> menu(createContextMenu(at.position()));
        if (!menu)
            return false; // the editor's own menu
        menu->exec(e->globalPos());
        return true;
    }
    switch (event->type()) {
    case QEvent::Show:
    case QEvent::Resize:
    case QEvent::FocusIn:
    case QEvent::FocusOut:
    case QEvent::PaletteChange:
        schedule();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace frontis
