#include "editor/text/linespellcheck.h"

#include "editor/text/spelling.h"
#include "editor/text/textspellcheck.h"

#include <QContextMenuEvent>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QPointer>
#include <QStyle>

#include <memory>

namespace frontis {

LineSpellCheck::LineSpellCheck(QLineEdit* edit) : QWidget(edit), m_edit(edit)
{
    setObjectName(QStringLiteral("spellingOverlay"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setFocusPolicy(Qt::NoFocus);
    setGeometry(edit->rect());

    m_timer.setSingleShot(true);
    m_timer.setObjectName(QStringLiteral("line spell check"));
    m_timer.setInterval(TextSpellCheck::DelayMs);
    connect(&m_timer, &QTimer::timeout, this, &LineSpellCheck::recheck);
    // A line is short and verdicts are cached: it is checked at once, so that marks never sit
    // under the wrong letters.
    connect(edit, &QLineEdit::textChanged, this, &LineSpellCheck::recheck);
    connect(edit, &QLineEdit::cursorPositionChanged, this, [this] {
        update(); // the text may have scrolled
        recheck();
    });
    connect(&Spelling::instance(), &Spelling::changed, this, &LineSpellCheck::schedule);
    edit->installEventFilter(this);
    raise();
    show();
    schedule();
}

void LineSpellCheck::schedule()
{
    if (!m_timer.isActive())
        m_timer.start();
}

void LineSpellCheck::recheckNow()
{
    m_timer.stop();
    recheck();
}

void LineSpellCheck::recheck()
{
    QList<SpellToken> misspelt;
    SpellChecker* checker = Spelling::instance().checker();
    if (checker && !m_edit->isReadOnly() && m_edit->echoMode() == QLineEdit::Normal) {
        const QString text = m_edit->text();
        const int cursor = m_edit->cursorPosition();
        for (const SpellToken& w : plainTextWords(text)) {
            // The word being typed is left alone until the writer moves on.
            if (m_edit->hasFocus() && !m_edit->hasSelectedText() && w.start < cursor &&
                cursor <= w.end())
                continue;
            if (!checker->isCorrect(text.mid(w.start, w.length)))
                misspelt << w;
        }
    }
    if (misspelt != m_misspelt) {
        m_misspelt = misspelt;
        update();
    }
}

qreal LineSpellCheck::xOf(int position) const
{
    // The cursor rectangle is centred on the cursor (Qt pads it equally on both sides); the
    // distance from the cursor is the advance of the text between.
    const QRectF cursorRect = m_edit->inputMethodQuery(Qt::ImCursorRectangle).toRectF();
    const QString text = m_edit->text();
    const int cursor = m_edit->cursorPosition();
    const QFontMetricsF metrics(m_edit->font());
    return cursorRect.center().x() + metrics.horizontalAdvance(text.left(position)) -
           metrics.horizontalAdvance(text.left(cursor));
}

void LineSpellCheck::paintEvent(QPaintEvent*)
{
    if (m_misspelt.isEmpty())
        return;
    const QRectF cursorRect = m_edit->inputMethodQuery(Qt::ImCursorRectangle).toRectF();
    const QFontMetricsF metrics(m_edit->font());
    const qreal baseline = cursorRect.top() + metrics.ascent();
    const qreal y = baseline + qMax<qreal>(1.5, metrics.descent() / 2);
    const qreal amplitude = qMax<qreal>(1.0, metrics.height() / 12);
    const bool dark = m_edit->palette().color(QPalette::Base).lightness() < 128;
    const int frame = style()->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, m_edit);

    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setClipRect(rect().adjusted(frame + 1, 0, -frame - 1, 0));
    painter.setPen(QPen(dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xd0, 0x10, 0x10), 1));
    for (const SpellToken& w : std::as_const(m_misspelt)) {
        const qreal from = xOf(int(w.start));
        const qreal to = xOf(int(w.end()));
        QPainterPath wave(QPointF(from, y));
        bool up = true;
        for (qreal x = from; x < to; x += 2 * amplitude) {
            wave.lineTo(qMin(x + 2 * amplitude, to), up ? y - amplitude : y + amplitude);
            up = !up;
        }
        painter.drawPath(wave);
    }
}

QMenu* LineSpellCheck::createContextMenu(int position)
{
    if (m_edit->isReadOnly() || !Spelling::instance().checker())
        return nullptr;
    const QString text = m_edit->text();
    for (const SpellToken& w : plainTextWords(text)) {
        if (w.start > position || position > w.end())
            continue;
        const QString word = text.mid(w.start, w.length);
        if (Spelling::instance().checker()->isCorrect(word))
            return nullptr;
        QMenu* menu = m_edit->createStandardContextMenu();
        const QPointer<QLineEdit> edit(m_edit);
        Spelling::instance().addWordActions(
            menu, menu->actions().value(0), word, [edit, w, word](const QString& replacement) {
                if (!edit || edit->text().mid(w.start, w.length) != word)
                    return;
                // Typed in, as the writer would: the line edit reports textEdited().
                edit->setSelection(int(w.start), int(w.length));
                edit->insert(replacement);
            });
        return menu;
    }
    return nullptr;
}

bool LineSpellCheck::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::ContextMenu: {
        auto* e = static_cast<QContextMenuEvent*>(event);
        const int position = e->reason() == QContextMenuEvent::Mouse
                                 ? m_edit->cursorPositionAt(e->pos())
                                 : m_edit->cursorPosition();
        const std::unique_ptr<QMenu> menu(createContextMenu(position));
        if (!menu)
            break; // the line edit's own menu
        menu->exec(e->globalPos());
        return true;
    }
    case QEvent::Resize:
        setGeometry(m_edit->rect());
        break;
    case QEvent::FocusIn:
    case QEvent::FocusOut:
    case QEvent::Show:
        schedule();
        break;
    case QEvent::PaletteChange:
    case QEvent::FontChange:
        update();
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace frontis
