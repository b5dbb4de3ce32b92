#include "rawview.h"

#include "editor/text/palettemode.h"
#include "model/yaml/document.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStringDecoder>
#include <QTextBlock>
#include <QVBoxLayout>

namespace frontis {

namespace {

constexpr int ParseDelayMs = 300;

} // namespace

RawView::RawView(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_apply = new QPushButton(tr("&Apply and Continue"), this);
    m_apply->setToolTip(tr("Open the fixed text in the form"));
    bar->addWidget(m_message, 1);
    bar->addWidget(m_apply, 0, Qt::AlignTop);
    m_edit = new QPlainTextEdit(this);
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_edit->setAccessibleName(tr("File text"));
    m_message->setBuddy(m_edit);
    layout->addLayout(bar);
    layout->addWidget(m_edit, 1);

    m_parseTimer.setSingleShot(true);
    m_parseTimer.setInterval(ParseDelayMs);
    connect(&m_parseTimer, &QTimer::timeout, this, &RawView::checkNow);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        if (m_loading)
            return;
        m_parseTimer.start();
        Q_EMIT changed();
    });
    connect(m_apply, &QPushButton::clicked, this, [this] {
        checkNow();
        if (!m_error)
            Q_EMIT applyRequested(bytes());
    });
}

void RawView::setContent(const QByteArray& bytes, const Error& error)
{
    m_original = bytes;
    m_bom = bytes.startsWith("\xef\xbb\xbf");
    QByteArray body = m_bom ? bytes.mid(3) : bytes;
    m_crlf = body.contains("\r\n");
    QStringDecoder decoder(QStringDecoder::Utf8);
    m_originalText = decoder(body);
    // A file that is not UTF-8 cannot go through a text editor without loss: it is shown, and
    // saving writes the original bytes until the writer changes the text.
    m_decodable = !decoder.hasError();
    m_loading = true;
    m_edit->setPlainText(m_originalText);
    m_loading = false;
    m_originalText = m_edit->toPlainText();
    m_error = error;
    showError();
    if (error.line > 0)
        goTo(error.line, error.column);
}

void RawView::goTo(int line, int column)
{
    const QTextBlock block = m_edit->document()->findBlockByNumber(line - 1);
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + qBound(0, column - 1, block.length() - 1));
    m_edit->setTextCursor(cursor);
    m_edit->centerCursor();
}

QByteArray RawView::bytes() const
{
    if (!isModified())
        return m_original;
    QString text = m_edit->toPlainText();
    if (m_crlf)
        text.replace(QLatin1Char('\n'), QLatin1String("\r\n"));
    QByteArray out = text.toUtf8();
    if (m_bom)
        out.prepend("\xef\xbb\xbf");
    return out;
}

bool RawView::isModified() const
{
    return m_edit->toPlainText() != m_originalText;
}

void RawView::checkNow()
{
    m_parseTimer.stop();
    const Result<Document> doc = Document::fromBytes(bytes());
    if (doc)
        m_error.reset();
    else
        m_error = doc.error();
    showError();
}

void RawView::showError()
{
    const bool dark = isDarkPalette(palette());
    QList<QTextEdit::ExtraSelection> marks;
    if (m_error) {
        QString text = tr("This file cannot be read as front matter: %1").arg(m_error->message);
        if (m_error->line > 0)
            text = tr("Line %1, column %2: %3")
                       .arg(m_error->line)
                       .arg(qMax(1, m_error->column))
                       .arg(text);
        if (!m_decodable)
            text +=
                QLatin1Char(' ') +
                tr("(The file is not valid UTF-8; characters that are not are shown replaced.)");
        m_message->setText(text + QLatin1Char('\n') +
                           tr("Fix the text below; the form opens once it can be read."));
        const QTextBlock block = m_edit->document()->findBlockByNumber(m_error->line - 1);
        if (m_error->line > 0 && block.isValid()) {
            QTextEdit::ExtraSelection s;
            s.cursor = QTextCursor(block);
            s.format.setBackground(dark ? QColor(0x6b, 0x22, 0x22) : QColor(0xff, 0xd6, 0xd6));
            s.format.setProperty(QTextFormat::FullWidthSelection, true);
            marks << s;
        }
    } else {
        m_message->setText(
            tr("The text can be read now. Choose Apply and Continue to edit it in the form."));
    }
    m_edit->setExtraSelections(marks);
    m_apply->setEnabled(!m_error);
}

void RawView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        showError();
}

} // namespace frontis
