#include "editor/text/findbar.h"

#include "editor/text/markdowneditor.h"

#include <QAction>
#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QStyle>
#include <QTextBlock>
#include <QTextCursor>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace frontis {

namespace {

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

// A selection longer than this, or over several lines, is not taken as the term.
constexpr int MaxTermFromSelection = 200;

} // namespace

FindBar::FindBar(MarkdownEditor* editor, QWidget* parent) : QWidget(parent), m_editor(editor)
{
    setObjectName(QStringLiteral("findBar"));
    setAccessibleName(tr("Find and replace in the article text"));

    m_find = new QLineEdit(this);
    m_find->setObjectName(QStringLiteral("findField"));
    m_find->setPlaceholderText(tr("Find in text"));
    m_find->setAccessibleName(tr("Find"));
    m_find->setClearButtonEnabled(true);
    m_find->installEventFilter(this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("findStatus"));
    // Wide enough for what it usually says, so that the field does not jump while typing.
    int statusWidth = 0;
    for (const QString& sample : {tr("9999 of 9999"), tr("Invalid pattern"), tr("No matches")})
        statusWidth = qMax(statusWidth, fontMetrics().horizontalAdvance(sample));
    m_status->setMinimumWidth(statusWidth + 4);
    m_status->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_previous = new QToolButton(this);
    m_previous->setObjectName(QStringLiteral("findPrevious"));
    m_previous->setArrowType(Qt::UpArrow);
    m_previous->setAutoRaise(true);
    m_previous->setToolTip(tr("Previous match (Shift+Enter, Shift+F3)"));
    m_previous->setAccessibleName(tr("Previous match"));
    m_next = new QToolButton(this);
    m_next->setObjectName(QStringLiteral("findNext"));
    m_next->setArrowType(Qt::DownArrow);
    m_next->setAutoRaise(true);
    m_next->setToolTip(tr("Next match (Enter, F3)"));
    m_next->setAccessibleName(tr("Next match"));
    m_close = new QToolButton(this);
    m_close->setObjectName(QStringLiteral("findClose"));
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Close (Escape)"));
    m_close->setAccessibleName(tr("Close the find bar"));

    m_replace = new QLineEdit(this);
    m_replace->setObjectName(QStringLiteral("replaceField"));
    m_replace->setPlaceholderText(tr("Replace with"));
    m_replace->setAccessibleName(tr("Replace with"));
    m_replace->setToolTip(tr("Replacement text; with a regular expression, \\1 to \\99 insert "
                             "what the groups in parentheses matched"));
    m_replace->installEventFilter(this);
    // No mnemonics in the bar: the form gives its fields the free letters, and a letter used
    // twice in a window does nothing. The fields have keys of their own (eventFilter()).
    m_replaceOne = new QPushButton(tr("Replace"), this);
    m_replaceOne->setObjectName(QStringLiteral("replaceOne"));
    m_replaceOne->setToolTip(tr("Replace the selected match and go to the next (Enter in the "
                                "replacement field)"));
    m_replaceAll = new QPushButton(tr("Replace All"), this);
    m_replaceAll->setObjectName(QStringLiteral("replaceAll"));
    m_replaceAll->setToolTip(tr("Replace every match; one Undo takes them all back (Ctrl+Enter "
                                "in the replacement field)"));

    m_caseSensitive = new QCheckBox(tr("Case sensitive"), this);
    m_caseSensitive->setObjectName(QStringLiteral("findCaseSensitive"));
    m_caseSensitive->setToolTip(tr("Upper and lower case must match (Alt+C in the fields)"));
    m_wholeWords = new QCheckBox(tr("Whole words"), this);
    m_wholeWords->setObjectName(QStringLiteral("findWholeWords"));
    m_wholeWords->setToolTip(tr("Only matches with no letter, digit or underscore right before "
                                "or after them (Alt+W in the fields)"));
    m_regex = new QCheckBox(tr("Regular expression"), this);
    m_regex->setObjectName(QStringLiteral("findRegularExpression"));
    m_regex->setToolTip(tr("Perl-compatible regular expression: ^ and $ match at line starts "
                           "and ends; in the replacement, \\1 to \\99 insert groups (Alt+R in "
                           "the fields)"));
    for (QWidget* w : std::initializer_list<QWidget*>{m_previous, m_next, m_close, m_caseSensitive,
                                                      m_wholeWords, m_regex})
        w->setFocusPolicy(Qt::TabFocus); // clicking them leaves the focus in the field

    auto* findRow = new QHBoxLayout;
    findRow->setSpacing(2);
    findRow->addWidget(m_find, 1);
    findRow->addWidget(m_status);
    findRow->addSpacing(4);
    findRow->addWidget(m_previous);
    findRow->addWidget(m_next);
    findRow->addWidget(m_close);

    m_replaceRow = new QWidget(this);
    auto* replaceRow = new QHBoxLayout(m_replaceRow);
    replaceRow->setContentsMargins(0, 0, 0, 0);
    replaceRow->setSpacing(4);
    replaceRow->addWidget(m_replace, 1);
    replaceRow->addWidget(m_replaceOne);
    replaceRow->addWidget(m_replaceAll);

    auto* optionsRow = new QHBoxLayout;
    optionsRow->setSpacing(12);
    optionsRow->addWidget(m_caseSensitive);
    optionsRow->addWidget(m_wholeWords);
    optionsRow->addWidget(m_regex);
    optionsRow->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(findRow);
    layout->addWidget(m_replaceRow);
    layout->addLayout(optionsRow);
    setTabOrder(m_find, m_replace);

    // textChanged, not textEdited: the clear button and a term taken from the selection count.
    connect(m_find, &QLineEdit::textChanged, this, &FindBar::termEdited);
    for (QCheckBox* box : {m_caseSensitive, m_wholeWords, m_regex})
        connect(box, &QCheckBox::toggled, this, &FindBar::optionsChanged);
    connect(m_previous, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(m_next, &QToolButton::clicked, this, &FindBar::findNext);
    connect(m_close, &QToolButton::clicked, this, &FindBar::closeBar);
    connect(m_replaceOne, &QPushButton::clicked, this, [this] { replaceCurrent(); });
    connect(m_replaceAll, &QPushButton::clicked, this, [this] { replaceAll(); });
    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, &FindBar::closeBar);

    // The text changes while the bar is open (typing, undo): matches follow after a short pause,
    // so that typing in a long answer never waits for a search.
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(150);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        ensureFresh();
        updateHighlights();
        updateStatus();
    });
    m_highlightTimer.setSingleShot(true);
    m_highlightTimer.setInterval(0);
    connect(&m_highlightTimer, &QTimer::timeout, this, &FindBar::updateHighlights);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        m_dirty = true;
        if (isVisible())
            m_refreshTimer.start();
    });
    connect(m_editor, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        if (isVisible() && !m_dirty) {
            updateHighlights(); // the current match is marked apart
            updateStatus();
        }
    });
    connect(m_editor->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        if (isVisible())
            m_highlightTimer.start();
    });
    connect(m_editor, &QPlainTextEdit::updateRequest, this, [this](const QRect&, int dy) {
        if (dy != 0 && isVisible())
            m_highlightTimer.start();
    });
    m_editor->installEventFilter(this);

    m_runner = [](const QString&, const std::function<void()>& edit) { edit(); };
    m_replaceRow->hide();
    hide();
}

QList<QAction*> FindBar::addMenuActions(QMenu* menu)
{
    QAction* find = menu->addAction(tr("&Find\u2026"), this, &FindBar::openFind);
    find->setObjectName(QStringLiteral("find"));
    find->setShortcuts(QKeySequence::Find);
    find->setStatusTip(tr("Find text in the article"));
    QAction* replace = menu->addAction(tr("R&eplace\u2026"), this, &FindBar::openReplace);
    replace->setObjectName(QStringLiteral("replace"));
    // Ctrl+H everywhere, plus the platform's own binding where it differs (Ctrl+R on KDE).
    QList<QKeySequence> replaceKeys{QKeySequence(Qt::CTRL | Qt::Key_H)};
    for (const QKeySequence& key : QKeySequence::keyBindings(QKeySequence::Replace)) {
        if (!replaceKeys.contains(key))
            replaceKeys << key;
    }
    replace->setShortcuts(replaceKeys);
    replace->setStatusTip(tr("Find and replace text in the article"));
    QAction* next = menu->addAction(tr("Find &Next"), this, &FindBar::findNext);
    next->setObjectName(QStringLiteral("findNext"));
    next->setShortcuts(QKeySequence::FindNext);
    QAction* previous = menu->addAction(tr("Find Pre&vious"), this, &FindBar::findPrevious);
    previous->setObjectName(QStringLiteral("findPrevious"));
    previous->setShortcuts(QKeySequence::FindPrevious);
    return {find, replace, next, previous};
}

void FindBar::openFind()
{
    open(false);
}

void FindBar::openReplace()
{
    open(true);
}

void FindBar::open(bool withReplace)
{
    const QString selected = m_editor->textCursor().selectedText();
    if (!selected.isEmpty() && selected.size() <= MaxTermFromSelection &&
        !selected.contains(QChar(QChar::ParagraphSeparator)) &&
        !selected.contains(QChar(QChar::LineSeparator)) && selected != m_find->text()) {
        m_find->setText(m_regex->isChecked() ? QRegularExpression::escape(selected) : selected);
        m_notice.clear();
        m_dirty = true;
    }
    m_replaceRow->setVisible(withReplace);
    show();
    ensureFresh();
    updateHighlights();
    updateStatus();
    m_find->setFocus(Qt::ShortcutFocusReason);
    m_find->selectAll();
}

void FindBar::closeBar()
{
    m_refreshTimer.stop();
    hide();
    m_editor->setSelectionGroup(selectionGroupName(), {});
    m_editor->setFocus(Qt::OtherFocusReason);
}

bool FindBar::isReplaceShown() const
{
    return isVisible() && m_replaceRow->isVisible();
}

FindOptions FindBar::options() const
{
    FindOptions o;
    o.caseSensitive = m_caseSensitive->isChecked();
    o.wholeWords = m_wholeWords->isChecked();
    o.regularExpression = m_regex->isChecked();
    return o;
}

void FindBar::refresh()
{
    m_dirty = false;
    m_matches.clear();
    Result<TextFinder> finder = TextFinder::compile(m_find->text(), options());
    if (!finder) {
        m_finder.reset();
        showError(finder.error());
        return;
    }
    showError(std::nullopt);
    m_finder = std::move(finder.value());
    m_matches = m_finder->findAll(m_editor->markdown());
}

void FindBar::ensureFresh()
{
    if (m_dirty)
        refresh();
}

void FindBar::termEdited()
{
    // Incremental search, as in a browser: the first match from where the selection starts.
    m_notice.clear();
    refresh();
    if (!m_matches.isEmpty())
        select(firstAtOrAfter(m_editor->textCursor().selectionStart()));
    updateHighlights();
    updateStatus();
}

void FindBar::optionsChanged()
{
    termEdited();
}

int FindBar::matchCount()
{
    ensureFresh();
    return int(m_matches.size());
}

QList<TextFinder::Match> FindBar::matches()
{
    ensureFresh();
    return m_matches;
}

int FindBar::currentMatch()
{
    ensureFresh();
    const QTextCursor cursor = m_editor->textCursor();
    const TextFinder::Match selected{cursor.selectionStart(),
                                     cursor.selectionEnd() - cursor.selectionStart()};
    const auto it = std::lower_bound(
        m_matches.cbegin(), m_matches.cend(), selected.start,
        [](const TextFinder::Match& m, qsizetype start) { return m.start < start; });
    if (it != m_matches.cend() && *it == selected)
        return int(it - m_matches.cbegin());
    return -1;
}

int FindBar::matchesBefore(qsizetype position) const
{
    return int(
        std::lower_bound(m_matches.cbegin(), m_matches.cend(), position,
                         [](const TextFinder::Match& m, qsizetype p) { return m.start < p; }) -
        m_matches.cbegin());
}

int FindBar::firstAtOrAfter(qsizetype position) const
{
    const int before = matchesBefore(position);
    return before == m_matches.size() ? 0 : before; // wraps to the first
}

int FindBar::lastBefore(qsizetype position) const
{
    const int before = matchesBefore(position);
    return before == 0 ? int(m_matches.size()) - 1 : before - 1; // wraps to the last
}

bool FindBar::readyToStep()
{
    if (!isVisible() || m_find->text().isEmpty()) {
        open(isReplaceShown());
        if (m_find->text().isEmpty())
            return false;
    }
    ensureFresh();
    m_notice.clear();
    if (m_matches.isEmpty()) {
        updateStatus();
        return false;
    }
    return true;
}

void FindBar::findNext()
{
    if (!readyToStep())
        return;
    const int current = currentMatch();
    const QTextCursor cursor = m_editor->textCursor();
    select(current >= 0
               ? (current + 1) % int(m_matches.size())
               : firstAtOrAfter(cursor.hasSelection() ? cursor.selectionEnd() : cursor.position()));
}

void FindBar::findPrevious()
{
    if (!readyToStep())
        return;
    const int current = currentMatch();
    const int count = int(m_matches.size());
    select(current >= 0 ? (current + count - 1) % count
                        : lastBefore(m_editor->textCursor().selectionStart()));
}

void FindBar::select(int index)
{
    if (index < 0 || index >= m_matches.size())
        return;
    const TextFinder::Match m = m_matches.at(index);
    QTextCursor cursor(m_editor->document());
    cursor.setPosition(int(m.start));
    cursor.setPosition(int(m.end()), QTextCursor::KeepAnchor);
    m_editor->setTextCursor(cursor);
    // Centred when it was out of view; left alone when it can already be seen.
    if (!m_editor->viewport()->rect().contains(m_editor->cursorRect(cursor)))
        m_editor->centerCursor();
    updateHighlights();
    updateStatus();
}

bool FindBar::replaceCurrent()
{
    ensureFresh();
    const int current = currentMatch();
    if (current < 0) {
        findNext();
        return false;
    }
    const TextFinder::Match m = m_matches.at(current);
    const QString text = m_finder->replacementFor(m_editor->markdown(), m, m_replace->text());
    runEdit(tr("Replace"), [this, m, &text] {
        QTextCursor cursor(m_editor->document());
        cursor.beginEditBlock();
        cursor.setPosition(int(m.start));
        cursor.setPosition(int(m.end()), QTextCursor::KeepAnchor);
        cursor.insertText(text);
        cursor.endEditBlock();
    });
    refresh();
    if (!m_matches.isEmpty()) {
        // An empty match right where the replacement ends would be found again and again.
        const qsizetype after = m.start + text.size() + (m.length == 0 ? 1 : 0);
        const auto it =
            std::lower_bound(m_matches.cbegin(), m_matches.cend(), after,
                             [](const TextFinder::Match& x, qsizetype p) { return x.start < p; });
        select(it == m_matches.cend() ? 0 : int(it - m_matches.cbegin()));
    } else {
        updateHighlights();
        updateStatus();
    }
    return true;
}

int FindBar::replaceAll()
{
    ensureFresh();
    if (!m_finder || m_finder->isEmpty())
        return 0;
    const QList<TextFinder::Replacement> all =
        m_finder->replacements(m_editor->markdown(), m_replace->text());
    if (all.isEmpty()) {
        m_notice = tr("No matches");
        updateStatus();
        return 0;
    }
    runEdit(tr("Replace All"), [this, &all] {
        // One edit block: the editor reports one change, and the history records one step.
        QTextCursor cursor(m_editor->document());
        cursor.beginEditBlock();
        for (auto it = all.crbegin(); it != all.crend(); ++it) {
            cursor.setPosition(int(it->match.start));
            cursor.setPosition(int(it->match.end()), QTextCursor::KeepAnchor);
            cursor.insertText(it->text);
        }
        cursor.endEditBlock();
    });
    const int count = int(all.size());
    refresh();
    m_notice = tr("%1 replaced").arg(count);
    updateHighlights();
    updateStatus();
    Q_EMIT message(count == 1 ? tr("Replaced 1 occurrence in the text")
                              : tr("Replaced %1 occurrences in the text").arg(count));
    return count;
}

void FindBar::runEdit(const QString& label, const std::function<void()>& edit)
{
    m_runner(label, edit);
}

void FindBar::updateHighlights()
{
    if (!isVisible() || m_matches.isEmpty()) {
        if (!m_editor->selectionGroup(selectionGroupName()).isEmpty())
            m_editor->setSelectionGroup(selectionGroupName(), {});
        return;
    }
    // Only what is in view is marked (again after each scroll): tens of thousands of
    // selections would each be a cursor the document moves on every keystroke.
    const QRect view = m_editor->viewport()->rect();
    const qsizetype first = m_editor->document()
                                ->findBlock(m_editor->cursorForPosition(view.topLeft()).position())
                                .position();
    QTextCursor lastCursor = m_editor->cursorForPosition(view.bottomRight());
    lastCursor.movePosition(QTextCursor::EndOfBlock);
    const qsizetype last = lastCursor.position();

    const bool dark = isDark(m_editor->palette());
    QTextCharFormat all;
    all.setBackground(dark ? QColor(0x6b, 0x5a, 0x12) : QColor(0xff, 0xe8, 0x7a));
    QTextCharFormat current;
    current.setBackground(dark ? QColor(0xb3, 0x5f, 0x00) : QColor(0xff, 0xa5, 0x3d));
    current.setForeground(dark ? QColor(Qt::white) : QColor(Qt::black));
    const QTextCursor editorCursor = m_editor->textCursor();

    QList<QTextEdit::ExtraSelection> selections;
    auto it = std::lower_bound(m_matches.cbegin(), m_matches.cend(), first,
                               [](const TextFinder::Match& m, qsizetype p) { return m.end() < p; });
    for (; it != m_matches.cend() && it->start <= last && selections.size() < MaxHighlights; ++it) {
        if (it->length == 0)
            continue;
        QTextEdit::ExtraSelection s;
        s.cursor = QTextCursor(m_editor->document());
        s.cursor.setPosition(int(it->start));
        s.cursor.setPosition(int(it->end()), QTextCursor::KeepAnchor);
        const bool isCurrent =
            editorCursor.selectionStart() == it->start && editorCursor.selectionEnd() == it->end();
        s.format = isCurrent ? current : all;
        selections << s;
    }
    m_editor->setSelectionGroup(selectionGroupName(), selections);
}

void FindBar::updateStatus()
{
    QString text;
    if (m_error) {
        text = tr("Invalid pattern");
    } else if (!m_notice.isEmpty()) {
        text = m_notice;
    } else if (!m_find->text().isEmpty()) {
        const int count = int(m_matches.size());
        const int current = currentMatch();
        if (count == 0)
            text = tr("No matches");
        else if (current >= 0)
            text = tr("%1 of %2").arg(current + 1).arg(count);
        else
            text = count == 1 ? tr("1 match") : tr("%1 matches").arg(count);
    }
    m_status->setText(text);
    const bool canReplace = !m_error && !m_find->text().isEmpty();
    m_replaceOne->setEnabled(canReplace);
    m_replaceAll->setEnabled(canReplace);
    m_previous->setEnabled(!m_matches.isEmpty());
    m_next->setEnabled(!m_matches.isEmpty());
}

void FindBar::showError(const std::optional<Error>& error)
{
    m_error = error;
    if (!error) {
        m_find->setPalette(QPalette());
        m_find->setToolTip(tr("Text to find: Enter goes to the next match, Shift+Enter to the "
                              "previous one"));
        m_status->setPalette(QPalette());
        return;
    }
    QPalette red = palette(); // the bar's own follows light and dark; the field's is ours
    const bool dark = isDark(red);
    red.setColor(QPalette::Base, dark ? QColor(0x6b, 0x22, 0x22) : QColor(0xff, 0xd6, 0xd6));
    red.setColor(QPalette::Text, dark ? QColor(Qt::white) : QColor(0x5a, 0x00, 0x00));
    m_find->setPalette(red);
    m_find->setToolTip(tr("Invalid regular expression: %1").arg(error->message));
    QPalette statusPalette = palette();
    statusPalette.setColor(QPalette::WindowText,
                           dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
    m_status->setPalette(statusPalette);
    m_status->setToolTip(m_find->toolTip());
}

QCheckBox* FindBar::optionForKey(const QKeyEvent* key) const
{
    if (key->modifiers() != Qt::AltModifier)
        return nullptr;
    switch (key->key()) {
    case Qt::Key_C:
        return m_caseSensitive;
    case Qt::Key_W:
        return m_wholeWords;
    case Qt::Key_R:
        return m_regex;
    default:
        return nullptr;
    }
}

bool FindBar::eventFilter(QObject* watched, QEvent* event)
{
    const bool inField = watched == m_find || watched == m_replace;
    if (event->type() == QEvent::ShortcutOverride && inField &&
        optionForKey(static_cast<QKeyEvent*>(event))) {
        event->accept(); // the field's own key, before any mnemonic of the window
        return true;
    }
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    if (QCheckBox* option = inField ? optionForKey(key) : nullptr) {
        option->toggle();
        return true;
    }
    const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
    if (watched == m_find && enter) {
        if (key->modifiers() & Qt::ShiftModifier)
            findPrevious();
        else
            findNext();
        return true;
    }
    if (watched == m_replace && enter) {
        if (key->modifiers() & Qt::ControlModifier)
            replaceAll();
        else
            replaceCurrent();
        return true;
    }
    if (watched == m_editor && key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier &&
        isVisible()) {
        closeBar();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void FindBar::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_error)
        showError(m_error); // the red follows light and dark
}

} // namespace frontis
