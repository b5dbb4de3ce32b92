#include "editor/seo/keywordtable.h"

#include "editor/problems/severityicons.h"
#include "editor/text/palettemode.h"

#include <QEvent>
#include <QHeaderView>

#include <algorithm>

namespace frontis {

namespace {

// Cell tints that keep the ✓ and ✗ readable on light and dark bases.
QColor tint(bool found, const QPalette& palette)
{
    if (isDarkPalette(palette))
        return found ? QColor(0x1e, 0x4d, 0x2b) : QColor(0x5c, 0x21, 0x21);
    return found ? QColor(0xd8, 0xf0, 0xdc) : QColor(0xfb, 0xdc, 0xdc);
}

QColor ink(bool found, const QPalette& palette)
{
    if (isDarkPalette(palette))
        return found ? QColor(0xa5, 0xe0, 0xb0) : QColor(0xff, 0xb0, 0xb0);
    return found ? QColor(0x1b, 0x5e, 0x20) : QColor(0xb7, 0x1c, 0x1c);
}

} // namespace

KeywordTable::KeywordTable(QWidget* parent) : QTableWidget(parent)
{
    setObjectName(QStringLiteral("keywordTable"));
    setAccessibleName(tr("Keywords and where they appear"));
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setTabKeyNavigation(false); // Tab leaves the table; arrows move inside it
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    // Every row shows (the panel around the table scrolls); the keyword column elides.
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    verticalHeader()->setVisible(false);
    verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setHighlightSections(false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void KeywordTable::setFindings(const QList<KeywordCheck::Finding>& findings,
                               const QStringList& places)
{
    const auto same = [](const KeywordCheck::Finding& a, const KeywordCheck::Finding& b) {
        return a.keyword == b.keyword && a.found == b.found && a.repeat == b.repeat &&
               a.repeats == b.repeats;
    };
    if (places == m_places && findings.size() == m_findings.size() &&
        std::equal(findings.begin(), findings.end(), m_findings.begin(), same))
        return;
    m_findings = findings;
    m_places = places;
    fill();
}

void KeywordTable::fill()
{
    const QPalette pal = palette();
    clear();
    setColumnCount(int(m_places.size()) + 1);
    setRowCount(int(m_findings.size()));
    QStringList headers{tr("Keyword")};
    headers += m_places;
    setHorizontalHeaderLabels(headers);
    horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < columnCount(); ++c)
        horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);

    for (int r = 0; r < rowCount(); ++r) {
        const KeywordCheck::Finding& f = m_findings.at(r);
        auto* key = new QTableWidgetItem(f.keyword);
        QString tip = f.keyword;
        if (f.repeat != KeywordCheck::Repeat::None && f.repeats >= 0 &&
            f.repeats < m_findings.size()) {
            const QString other = m_findings.at(f.repeats).keyword;
            tip = f.repeat == KeywordCheck::Repeat::Duplicate
                      ? tr("\u201c%1\u201d repeats \u201c%2\u201d").arg(f.keyword, other)
                      : tr("\u201c%1\u201d is \u201c%2\u201d in the singular or plural")
                            .arg(f.keyword, other);
            key->setIcon(severityIcon(Diagnostic::Severity::Warning));
            key->setForeground(ink(false, pal));
        }
        key->setToolTip(tip);
        setItem(r, 0, key);
        for (int c = 0; c < int(m_places.size()); ++c) {
            const bool found = c < f.found.size() && f.found.at(c);
            auto* cell =
                new QTableWidgetItem(found ? QStringLiteral("\u2713") : QStringLiteral("\u2717"));
            cell->setTextAlignment(Qt::AlignCenter);
            cell->setBackground(tint(found, pal));
            cell->setForeground(ink(found, pal));
            const QString where = m_places.at(c).toLower();
            const QString says =
                found ? tr("\u201c%1\u201d appears in the %2").arg(f.keyword, where)
                      : tr("\u201c%1\u201d does not appear in the %2").arg(f.keyword, where);
            cell->setToolTip(says);
            cell->setData(Qt::AccessibleTextRole, says);
            setItem(r, c + 1, cell);
        }
    }
    setFixedHeight(fittingHeight());
    updateGeometry();
}

int KeywordTable::fittingHeight() const
{
    int h = horizontalHeader()->sizeHint().height() + 2 * frameWidth();
    for (int r = 0; r < rowCount(); ++r)
        h += qMax(rowHeight(r), verticalHeader()->sectionSizeHint(r));
    return h;
}

QSize KeywordTable::sizeHint() const
{
    return {QTableWidget::sizeHint().width(), fittingHeight()};
}

QSize KeywordTable::minimumSizeHint() const
{
    return {QTableWidget::minimumSizeHint().width(), fittingHeight()};
}

void KeywordTable::changeEvent(QEvent* event)
{
    QTableWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        fill();
}

} // namespace frontis
