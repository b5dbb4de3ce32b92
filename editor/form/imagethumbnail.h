#pragma once

#include <QLabel>

#include <functional>

namespace frontis {

// The small picture beside an image field: the file the value names, scaled to fit, or a "?"
// where no file is found (the tooltip says what was looked for). The resolver turns a value
// into a file path (localImagePath from the article's folder); it never reads the network.
class ImageThumbnail : public QLabel
{
    Q_OBJECT

public:
    explicit ImageThumbnail(QWidget* parent = nullptr);

    void setResolver(std::function<QString(const QString&)> resolver);
    // Shows the file `value` names.
    void showValue(const QString& value);
    // The file shown, or empty.
    const QString& file() const { return m_file; }

private:
    std::function<QString(const QString&)> m_resolve;
    QString m_value;
    QString m_file;
};

} // namespace frontis
