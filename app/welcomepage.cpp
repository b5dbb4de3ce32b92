#include "welcomepage.h"

#include "recentfiles.h"

#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace frontis {

WelcomePage::WelcomePage(QWidget* parent) : QWidget(parent)
{
    auto* outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto* box = new QWidget(this);
    box->setMaximumWidth(520);
    auto* layout = new QVBoxLayout(box);
    auto* title = new QLabel(tr("Open an article to start"), box);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    auto* text = new QLabel(
        tr("Frontis edits Markdown articles with YAML, TOML or JSON front matter and saves "
           "them back exactly as they were written, apart from what you "
           "change. You can also drop a .md file on this window."),
        box);
    text->setWordWrap(true);
    auto* openButton = new QPushButton(tr("&Open\u2026"), box);
    openButton->setDefault(true);
    connect(openButton, &QPushButton::clicked, this, &WelcomePage::openRequested);
    auto* recentLabel = new QLabel(tr("&Recent files"), box);
    m_recent = new QListWidget(box);
    m_recent->setAccessibleName(tr("Recent files"));
    recentLabel->setBuddy(m_recent);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        Q_EMIT fileActivated(item->data(Qt::UserRole).toString());
    });
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addWidget(openButton, 0, Qt::AlignLeft);
    layout->addSpacing(12);
    layout->addWidget(recentLabel);
    layout->addWidget(m_recent);
    outer->addWidget(box, 0, Qt::AlignHCenter);
    outer->addStretch(2);
}

void WelcomePage::refresh()
{
    m_recent->clear();
    for (const QString& p : recentfiles::recent()) {
        auto* item = new QListWidgetItem(QFileInfo(p).fileName(), m_recent);
        item->setToolTip(p);
        item->setData(Qt::UserRole, p);
    }
}

} // namespace frontis
