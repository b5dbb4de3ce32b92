#include "editor/folder/folderchangedialog.h"

#include "editor/diffdialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFontDatabase>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace frontis {

FolderChangeDialog::FolderChangeDialog(const QString& title, const QString& what,
                                       const QString& root, const QList<File>& files,
                                       QWidget* parent)
    : QDialog(parent), m_list(files)
{
    setWindowTitle(title);
    auto* whatLabel = new QLabel(what, this);
    whatLabel->setWordWrap(true);
    whatLabel->setTextFormat(Qt::PlainText);
    m_total = new QLabel(totalText(files), this);
    m_total->setObjectName(QStringLiteral("changeTotal"));

    m_files = new QListWidget(this);
    m_files->setObjectName(QStringLiteral("changedFiles"));
    m_files->setAccessibleName(tr("Files that change"));
    const QDir dir(root);
    const QLocale locale;
    for (const File& f : files) {
        const auto [added, removed] = lineCounts(f.diff);
        const QString name =
            QDir::toNativeSeparators(root.isEmpty() ? f.path : dir.relativeFilePath(f.path));
        auto* item = new QListWidgetItem(
            tr("%1  (+%2 \u2212%3)").arg(name, locale.toString(added), locale.toString(removed)),
            m_files);
        item->setToolTip(QDir::toNativeSeparators(f.path));
    }
    m_diff = new QPlainTextEdit(this);
    m_diff->setObjectName(QStringLiteral("changeDiff"));
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_diff->setAccessibleName(tr("Changes of the selected file"));

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_files);
    split->addWidget(m_diff);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_apply = buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    m_apply->setObjectName(QStringLiteral("applyChange"));
    m_apply->setEnabled(!files.isEmpty());
    m_apply->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(whatLabel);
    layout->addWidget(m_total);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(900, 640);

    connect(m_files, &QListWidget::currentRowChanged, this, &FolderChangeDialog::showFile);
    if (!files.isEmpty())
        m_files->setCurrentRow(0);
    else
        m_diff->setPlainText(tr("No article changes."));
}

std::pair<int, int> FolderChangeDialog::lineCounts(const QString& diff)
{
    int added = 0;
    int removed = 0;
    for (const QStringView line : QStringView(diff).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("+++")) || line.startsWith(QLatin1String("---")))
            continue;
        if (line.startsWith(QLatin1Char('+')))
            ++added;
        else if (line.startsWith(QLatin1Char('-')))
            ++removed;
    }
    return {added, removed};
}

QString FolderChangeDialog::totalText(const QList<File>& files)
{
    int added = 0;
    int removed = 0;
    for (const File& f : files) {
        const auto [a, r] = lineCounts(f.diff);
        added += a;
        removed += r;
    }
    const QLocale locale;
    const QString changed = files.size() == 1
                                ? tr("1 file changes")
                                : tr("%1 files change").arg(locale.toString(files.size()));
    return tr("%1: %2 lines added, %3 removed")
        .arg(changed, locale.toString(added), locale.toString(removed));
}

void FolderChangeDialog::showFile(int row)
{
    if (row >= 0 && row < m_list.size())
        DiffDialog::showDiff(m_diff, m_list.at(row).diff);
}

void FolderChangeDialog::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        showFile(m_files->currentRow());
}

} // namespace frontis
