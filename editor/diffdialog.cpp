#include "diffdialog.h"

#include "editor/text/palettemode.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTextCursor>
#include <QVBoxLayout>

namespace frontis {

DiffDialog::DiffDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Review Changes"));
    auto* layout = new QVBoxLayout(this);
    m_view = new QPlainTextEdit(this);
    m_view->setReadOnly(true);
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setAccessibleName(tr("Changes"));
    m_view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(900, 560);
}

void DiffDialog::setDiff(const QString& diff)
{
    m_diff = diff;
    fill();
}

void DiffDialog::fill()
{
    if (m_diff.isEmpty()) {
        m_view->setPlainText(tr("No changes: saving would write the file as it is."));
        return;
    }
    showDiff(m_view, m_diff);
}

void DiffDialog::showDiff(QPlainTextEdit* view, const QString& diff)
{
    view->setPlainText(diff);
    const bool dark = isDarkPalette(view->palette());
    // Line backgrounds in the usual diff colours, toned for the palette so text stays readable.
    const QColor added = dark ? QColor(0x1f, 0x4d, 0x2b) : QColor(0xdc, 0xf5, 0xe0);
    const QColor removed = dark ? QColor(0x5c, 0x22, 0x22) : QColor(0xfb, 0xe0, 0xe0);
    const QColor hunk = dark ? QColor(0x23, 0x3a, 0x5c) : QColor(0xe3, 0xec, 0xfa);
    QList<QTextEdit::ExtraSelection> selections;
    for (QTextBlock b = view->document()->firstBlock(); b.isValid(); b = b.next()) {
        const QString t = b.text();
        QColor color;
        if (t.startsWith(QLatin1String("+++")) || t.startsWith(QLatin1String("---")))
            continue;
        if (t.startsWith(QLatin1Char('+')))
            color = added;
        else if (t.startsWith(QLatin1Char('-')))
            color = removed;
        else if (t.startsWith(QLatin1String("@@")))
            color = hunk;
        else
            continue;
        QTextEdit::ExtraSelection s;
        s.cursor = QTextCursor(b);
        s.format.setBackground(color);
        s.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections << s;
    }
    view->setExtraSelections(selections);
}

void DiffDialog::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        fill();
}

} // namespace frontis
