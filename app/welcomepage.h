#pragma once

#include <QWidget>

class QListWidget;

namespace frontis {

// What a window shows before a file is opened: a short note, an Open button and the recent
// files.
class WelcomePage : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget* parent = nullptr);

    // Lists the recent files again (recentfiles::recent()).
    void refresh();
    QListWidget* recentList() const { return m_recent; }

Q_SIGNALS:
    void openRequested();
    void fileActivated(const QString& path);

private:
    QListWidget* m_recent = nullptr;
};

} // namespace frontis
