#include "editor/form/tageditor.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

#include <functional>

namespace frontis {

namespace {

constexpr int ChipPadding = 8; // left of the text
constexpr int CloseWidth = 16; // the "×" area at the right end of a chip
constexpr int ChipMargin = 1;  // around a chip inside its item rectangle

// Paints a tag as a rounded chip with a remove mark at its right end.
class ChipDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static QRect closeRect(const QRect& item)
    {
        return QRect(item.right() - CloseWidth - ChipMargin, item.top(), CloseWidth, item.height());
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        const QFontMetrics fm(option.font);
        const int w = fm.horizontalAdvance(index.data().toString()) + ChipPadding + CloseWidth +
                      2 * ChipMargin;
        return {w, fm.height() + 4 + 2 * ChipMargin};
    }

    void paint(QPainter* p, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override
    {
        const QPalette& pal = option.palette;
        const bool selected = option.state & QStyle::State_Selected;
        const bool focused = option.state & QStyle::State_HasFocus;
        const QRectF chip =
            QRectF(option.rect)
                .adjusted(ChipMargin + 0.5, ChipMargin + 0.5, -ChipMargin - 0.5, -ChipMargin - 0.5);
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        QPainterPath path;
        path.addRoundedRect(chip, chip.height() / 2, chip.height() / 2);
        p->fillPath(path, selected ? pal.highlight() : pal.button());
        p->setPen(QPen(focused ? pal.highlight().color() : pal.mid().color(), 1));
        p->drawPath(path);
        p->setPen(selected ? pal.highlightedText().color() : pal.buttonText().color());
        const QRect text = option.rect.adjusted(ChipPadding, 0, -CloseWidth - ChipMargin, 0);
        p->drawText(text, Qt::AlignVCenter | Qt::AlignLeft, index.data().toString());
        p->drawText(closeRect(option.rect), Qt::AlignCenter, QStringLiteral("\u00d7"));
        p->restore();
    }
};

// A wrapping row of chips whose height follows its content, so that the form grows instead of
// showing a scroll bar.
class ChipList : public QListWidget
{
public:
    explicit ChipList(QWidget* parent) : QListWidget(parent)
    {
        setFlow(QListView::LeftToRight);
        setWrapping(true);
        setResizeMode(QListView::Adjust);
        setSelectionMode(QAbstractItemView::SingleSelection);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setFrameShape(QFrame::NoFrame);
        setItemDelegate(new ChipDelegate(this));
        viewport()->setAutoFillBackground(false);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        setMouseTracking(true);
    }

    std::function<void(int)> onRemove;

protected:
    void updateGeometries() override
    {
        QListWidget::updateGeometries();
        const int h = count() == 0 ? 0 : contentsSize().height() + 2 * frameWidth();
        if (h != height() || h != minimumHeight())
            setFixedHeight(h);
    }

    void mouseReleaseEvent(QMouseEvent* event) override
    {
        const QModelIndex index = indexAt(event->position().toPoint());
        if (index.isValid() && event->button() == Qt::LeftButton &&
            ChipDelegate::closeRect(visualRect(index)).contains(event->position().toPoint())) {
            if (onRemove)
                onRemove(index.row());
            return;
        }
        QListWidget::mouseReleaseEvent(event);
    }

    void keyPressEvent(QKeyEvent* event) override
    {
        if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) &&
            currentRow() >= 0) {
            if (onRemove)
                onRemove(currentRow());
            return;
        }
        QListWidget::keyPressEvent(event);
    }
};

} // namespace

TagEditor::TagEditor(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_edit = new QLineEdit(this);
    auto* chips = new ChipList(this);
    m_chips = chips;
    m_chips->setAccessibleName(tr("Tags"));
    m_chips->setToolTip(tr("Click \u00d7 or press Delete to remove a tag"));
    layout->addWidget(m_edit);
    layout->addWidget(m_chips);

    chips->onRemove = [this](int row) { removeTag(row); };
    connect(m_edit, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (m_listMode)
            return; // what is typed becomes an item on Enter
        updateChips();
        Q_EMIT textEdited(text);
    });
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        if (m_listMode)
            addItem(m_edit->text());
    });
    connect(m_chips, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        if (!m_listMode || m_updating)
            return;
        const int row = m_chips->row(item);
        if (row < 0 || row >= m_list.size() || m_list[row] == item->text())
            return;
        m_list[row] = item->text();
        Q_EMIT itemChanged(row, item->text());
    });
}

void TagEditor::setListMode(bool on)
{
    m_listMode = on;
    m_chips->setEditTriggers(on ? QAbstractItemView::DoubleClicked |
                                      QAbstractItemView::EditKeyPressed
                                : QAbstractItemView::NoEditTriggers);
    m_chips->setAccessibleName(on ? tr("Items") : tr("Tags"));
    m_chips->setToolTip(on ? tr("Click \u00d7 or press Delete to remove an item; double-click or "
                                "press F2 to edit it")
                           : tr("Click \u00d7 or press Delete to remove a tag"));
    if (on) {
        m_edit->clear();
        m_edit->setPlaceholderText(tr("Add an item and press Enter"));
    }
    updateChips();
}

void TagEditor::setItems(const QStringList& items)
{
    m_list = items;
    updateChips();
}

void TagEditor::addItem(const QString& text)
{
    const QString item = text.trimmed();
    if (item.isEmpty())
        return;
    m_edit->clear();
    Q_EMIT itemAdded(item);
}

void TagEditor::setSeparator(const QString& separator)
{
    m_separator = separator.isEmpty() ? QStringLiteral(",") : separator;
    updateChips();
}

void TagEditor::setText(const QString& text)
{
    if (m_edit->text() != text) {
        m_edit->setText(text);
        if (!m_edit->hasFocus())
            m_edit->setCursorPosition(0); // show the first tags, not the last
    }
    updateChips();
}

QString TagEditor::text() const
{
    return m_listMode ? m_list.join(QLatin1String(", ")) : m_edit->text();
}

QStringList TagEditor::tags() const
{
    return m_listMode ? m_list : split(m_edit->text(), m_separator);
}

QStringList TagEditor::split(const QString& text, const QString& separator)
{
    QStringList out;
    for (const QString& part : text.split(separator)) {
        const QString tag = part.trimmed();
        if (!tag.isEmpty())
            out << tag;
    }
    return out;
}

void TagEditor::removeTag(int index)
{
    QStringList list = tags();
    if (index < 0 || index >= list.size())
        return;
    list.removeAt(index);
    if (m_listMode) {
        m_list = list;
        updateChips();
        if (m_chips->count() > 0)
            m_chips->setCurrentRow(std::min(index, m_chips->count() - 1));
        Q_EMIT itemRemoved(index);
        return;
    }
    // Keep the writer's spacing convention: "a, b" stays comma-space, "a,b" stays tight.
    const QString text = m_edit->text();
    const bool spaced = text.contains(m_separator + QLatin1Char(' ')) || list.size() < 2;
    const QString joined = list.join(spaced ? m_separator + QLatin1Char(' ') : m_separator);
    m_edit->setText(joined);
    updateChips();
    if (m_chips->count() > 0) {
        m_chips->setCurrentRow(std::min(index, m_chips->count() - 1));
    }
    Q_EMIT textEdited(joined);
}

void TagEditor::updateChips()
{
    const QStringList list = tags();
    QStringList shown;
    for (int i = 0; i < m_chips->count(); ++i)
        shown << m_chips->item(i)->text();
    if (shown == list)
        return;
    m_updating = true;
    const int current = m_chips->currentRow();
    m_chips->clear();
    for (const QString& tag : list) {
        auto* item = new QListWidgetItem(tag, m_chips);
        item->setToolTip(tr("%1 \u2014 click \u00d7 or press Delete to remove").arg(tag));
        if (m_listMode)
            item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    if (current >= 0 && m_chips->count() > 0)
        m_chips->setCurrentRow(std::min(current, m_chips->count() - 1));
    m_updating = false;
    m_chips->setVisible(!list.isEmpty());
    m_chips->updateGeometry();
}

} // namespace frontis
