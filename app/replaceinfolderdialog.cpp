#include "replaceinfolderdialog.h"

#include "editor/diffdialog.h"
#include "editor/folder/articlelistmodel.h"
#include "foldersession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace frontis {

namespace {

constexpr int TypingPauseMs = 200;

} // namespace

ReplaceInFolderDialog::ReplaceInFolderDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Replace in Folder"));
    m_find = new QLineEdit(this);
    m_find->setObjectName(QStringLiteral("folderFind"));
    m_find->setPlaceholderText(tr("Find"));
    m_replace = new QLineEdit(this);
    m_replace->setObjectName(QStringLiteral("folderReplace"));
    m_replace->setPlaceholderText(tr("Replace with"));
    m_where = new QComboBox(this);
    m_where->setObjectName(QStringLiteral("folderWhere"));
    m_where->addItem(tr("Article text"), QString());
    for (const QString& key : FolderSession::instance().articles()->columnKeys())
        m_where->addItem(tr("Field \u201c%1\u201d").arg(key), key);
    m_case = new QCheckBox(tr("Match &case"), this);
    m_words = new QCheckBox(tr("&Whole words"), this);
    m_regex = new QCheckBox(tr("Regular e&xpression"), this);
    m_regex->setToolTip(tr("\\1 to \\99 in the replacement stand for the expression's groups"));

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("folderMatches"));
    m_summary->setWordWrap(true);
    m_matches = new QListWidget(this);
    m_matches->setObjectName(QStringLiteral("folderMatchList"));
    m_matches->setAccessibleName(tr("Articles that match"));
    m_diff = new QPlainTextEdit(this);
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_diff->setAccessibleName(tr("Changes of the selected article"));
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_matches);
    split->addWidget(m_diff);
    split->setStretchFactor(1, 2);

    auto* form = new QFormLayout;
    form->addRow(tr("&Find:"), m_find);
    form->addRow(tr("Re&place:"), m_replace);
    form->addRow(tr("&In:"), m_where);
    auto* options = new QHBoxLayout;
    options->addWidget(m_case);
    options->addWidget(m_words);
    options->addWidget(m_regex);
    options->addStretch(1);
    form->addRow(options);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_replaceAll = buttons->addButton(tr("Replace &All\u2026"), QDialogButtonBox::ActionRole);
    m_replaceAll->setObjectName(QStringLiteral("folderReplaceAll"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_replaceAll, &QPushButton::clicked, this, [this] {
        if (m_plan && !isSearching() && !m_plan->files.isEmpty())
            Q_EMIT replaceAll(*m_plan);
    });
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(820, 620);

    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(TypingPauseMs);
    connect(m_timer, &QTimer::timeout, this, &ReplaceInFolderDialog::search);
    connect(m_find, &QLineEdit::textChanged, this, &ReplaceInFolderDialog::schedule);
    connect(m_replace, &QLineEdit::textChanged, this, &ReplaceInFolderDialog::schedule);
    connect(m_where, &QComboBox::currentIndexChanged, this, &ReplaceInFolderDialog::schedule);
    for (QCheckBox* box : {m_case, m_words, m_regex})
        connect(box, &QCheckBox::toggled, this, &ReplaceInFolderDialog::schedule);
    connect(m_matches, &QListWidget::currentRowChanged, this, &ReplaceInFolderDialog::showDiff);
    showPlan(Result<ChangePlan>(ChangePlan{}));
}

ReplaceInFolderDialog::~ReplaceInFolderDialog()
{
    if (m_cancel)
        *m_cancel = true;
}

bool ReplaceInFolderDialog::isSearching() const
{
    return m_running || m_timer->isActive();
}

SiteChange ReplaceInFolderDialog::change() const
{
    FindOptions options;
    options.caseSensitive = m_case->isChecked();
    options.wholeWords = m_words->isChecked();
    options.regularExpression = m_regex->isChecked();
    const QString key = m_where->currentData().toString();
    return SiteChange::replace(key, key.isEmpty(), m_find->text(), m_replace->text(), options);
}

void ReplaceInFolderDialog::schedule()
{
    m_replaceAll->setEnabled(false);
    m_timer->start();
}

void ReplaceInFolderDialog::search()
{
    if (m_cancel)
        *m_cancel = true; // the older search's result is not wanted any more
    const int generation = ++m_generation;
    if (m_find->text().isEmpty()) {
        m_running = false;
        showPlan(Result<ChangePlan>(ChangePlan{}));
        return;
    }
    m_running = true;
    m_summary->setText(tr("Searching\u2026"));
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancel;
    const QString root = FolderSession::instance().root();
    const SiteChange change = this->change();
    auto result = std::make_shared<std::optional<Result<ChangePlan>>>();
    auto* watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher, result, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer search is on its way
        m_running = false;
        showPlan(**result);
    });
    watcher->setFuture(QtConcurrent::run([root, change, cancel, result] {
        *result = planSiteChange({root}, change, nullptr, [cancel](int, int) { return !*cancel; });
    }));
}

void ReplaceInFolderDialog::showPlan(const Result<ChangePlan>& plan)
{
    m_matches->clear();
    m_diff->clear();
    m_plan.reset();
    m_replaceAll->setEnabled(false);
    if (!plan) {
        const Error& e = plan.error();
        m_summary->setText(e.column > 0 ? tr("Column %1: %2").arg(e.column).arg(e.message)
                                        : e.message);
        Q_EMIT searched();
        return;
    }
    m_plan = plan.value();
    const QLocale locale;
    const QString root = FolderSession::instance().root();
    for (const FileChange& f : m_plan->files) {
        const QString name = QDir::toNativeSeparators(QDir(root).relativeFilePath(f.path));
        auto* item = new QListWidgetItem(
            (f.edits == 1 ? tr("%1 \u2014 1 match").arg(name)
                          : tr("%1 \u2014 %2 matches").arg(name, locale.toString(f.edits))),
            m_matches);
        item->setToolTip(QDir::toNativeSeparators(f.path));
    }
    for (const PlanProblem& p : m_plan->problems)
        new QListWidgetItem(p.format(), m_matches);
    if (m_find->text().isEmpty())
        m_summary->setText(tr("Type what to find."));
    else if (m_plan->files.isEmpty())
        m_summary->setText(tr("No matches in %1 articles.").arg(locale.toString(m_plan->examined)));
    else
        m_summary->setText(tr("%1 matches in %2 of %3 articles")
                               .arg(locale.toString(m_plan->edits()),
                                    locale.toString(m_plan->files.size()),
                                    locale.toString(m_plan->examined)));
    if (!m_plan->files.isEmpty())
        m_matches->setCurrentRow(0);
    m_replaceAll->setEnabled(!m_plan->files.isEmpty() && m_plan->problems.isEmpty());
    Q_EMIT searched();
}

void ReplaceInFolderDialog::showDiff(int row)
{
    if (m_plan && row >= 0 && row < m_plan->files.size())
        DiffDialog::showDiff(m_diff, m_plan->files.at(row).diff);
}

} // namespace frontis
