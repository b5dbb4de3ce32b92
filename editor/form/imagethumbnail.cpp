#include "editor/form/imagethumbnail.h"

#include <QPixmap>

namespace frontis {

namespace {

constexpr int Size = 48;

} // namespace

ImageThumbnail::ImageThumbnail(QWidget* parent) : QLabel(parent)
{
    setFixedSize(Size, Size);
    setAlignment(Qt::AlignCenter);
    setFrameShape(QFrame::StyledPanel);
    m_value = QStringLiteral("\x01"); // no value shown yet
    showValue(QString());
}

void ImageThumbnail::setResolver(std::function<QString(const QString&)> resolver)
{
    m_resolve = std::move(resolver);
    const QString value = m_value;
    m_value = QStringLiteral("\x01"); // shown again
    showValue(value);
}

void ImageThumbnail::showValue(const QString& value)
{
    const QString trimmed = value.trimmed();
    if (trimmed == m_value)
        return; // typing in the field: the same file is not read again
    m_value = trimmed;
    m_file = m_resolve && !trimmed.isEmpty() ? m_resolve(trimmed) : QString();
    QPixmap pixmap;
    if (!m_file.isEmpty() && !pixmap.load(m_file))
        m_file.clear();
    if (pixmap.isNull()) {
        setPixmap(QPixmap());
        // Nothing to show: a mark, and the tooltip says why.
        setText(trimmed.isEmpty() ? QString() : QStringLiteral("?"));
        setToolTip(trimmed.isEmpty() ? tr("No image")
                                     : tr("No image file found for '%1'").arg(trimmed));
    } else {
        setText(QString());
        setPixmap(
            pixmap.scaled(size() - QSize(4, 4), Qt::KeepAspectRatio, Qt::SmoothTransformation));
        setToolTip(m_file);
    }
    setAccessibleName(toolTip());
}

} // namespace frontis
