#include "editor/seo/seopanel.h"

#include "editor/seo/keywordtable.h"
#include "editor/seo/searchpreview.h"
#include "editor/text/palettemode.h"
#include "model/seo/keywordcheck.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QVBoxLayout>

namespace frontis {

namespace {

QLabel* heading(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

} // namespace

SeoPanel::SeoPanel(QWidget* parent) : QScrollArea(parent)
{
    setObjectName(QStringLiteral("seoPanel"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);

    layout->addWidget(heading(tr("Search result"), content));
    m_preview = new SearchPreview(content);
    layout->addWidget(m_preview);

    auto* form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    m_baseUrl = new QLineEdit(content);
    m_baseUrl->setObjectName(QStringLiteral("seoBaseUrl"));
    m_baseUrl->setClearButtonEnabled(true);
    m_baseUrl->setAccessibleName(tr("Site base URL"));
    m_baseUrl->setToolTip(tr("The address the site's pages are published under, shown before the "
                             "article's URL. Kept in the settings; when empty, the schema's "
                             "site base URL is used."));
    m_baseUrl->setText(QSettings().value(settingsKey()).toString());
    auto* baseLabel = new QLabel(tr("Base URL:"), content);
    baseLabel->setBuddy(m_baseUrl);
    form->addRow(baseLabel, m_baseUrl);
    layout->addLayout(form);

    layout->addSpacing(6);
    layout->addWidget(heading(tr("Keywords"), content));
    m_summary = new QLabel(content);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_table = new KeywordTable(content);
    layout->addWidget(m_table);
    auto* legend = new QLabel(
        tr("A keyword counts where it appears as a whole phrase, in any case: \u201ccache\u201d "
           "is not found in \u201ccached\u201d or \u201ccaches\u201d."),
        content);
    legend->setWordWrap(true);
    m_legend = legend;
    layout->addWidget(legend);
    layout->addStretch(1);
    setWidget(content);

    m_timer.setSingleShot(true);
    m_timer.setObjectName(QStringLiteral("SEO panel update"));
    m_timer.setInterval(UpdateDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &SeoPanel::refresh);
    connect(m_baseUrl, &QLineEdit::textEdited, this, &SeoPanel::baseUrlEdited);
    connect(m_baseUrl, &QLineEdit::textChanged, this, [this](const QString& text) {
        // The clear button does not count as an edit.
        if (text.isEmpty() && !QSettings().value(settingsKey()).toString().isEmpty())
            baseUrlEdited(text);
    });
    followPalette();
    showFields();
}

void SeoPanel::setSource(Source source)
{
    m_source = std::move(source);
    sourceChanged();
}

void SeoPanel::sourceChanged()
{
    m_stale = true;
    // Not restarted by each change: while the writer types, the panel still updates every
    // UpdateDelayMs rather than only when typing stops.
    if (isVisible() && !m_timer.isActive())
        m_timer.start();
}

void SeoPanel::changeEvent(QEvent* event)
{
    QScrollArea::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        followPalette();
}

void SeoPanel::followPalette()
{
    QPalette pal = m_legend->palette();
    pal.setColor(QPalette::WindowText, secondaryTextColor(palette()));
    m_legend->setPalette(pal);
}

void SeoPanel::showEvent(QShowEvent* event)
{
    QScrollArea::showEvent(event);
    // Another window may have changed the setting meanwhile.
    const QString stored = QSettings().value(settingsKey()).toString();
    if (m_baseUrl->text() != stored && !m_baseUrl->hasFocus())
        m_baseUrl->setText(stored);
    if (m_stale)
        refresh();
}

void SeoPanel::refresh()
{
    m_timer.stop();
    m_stale = false;
    m_fields = m_source ? m_source() : SeoFields();
    showFields();
}

QString SeoPanel::baseUrl() const
{
    const QString own = m_baseUrl->text().trimmed();
    return own.isEmpty() ? m_fields.baseUrl.trimmed() : own;
}

void SeoPanel::baseUrlEdited(const QString& text)
{
    QSettings settings;
    if (text.trimmed().isEmpty())
        settings.remove(settingsKey());
    else
        settings.setValue(settingsKey(), text.trimmed());
    showFields();
}

void SeoPanel::showFields()
{
    m_baseUrl->setPlaceholderText(m_fields.baseUrl.isEmpty()
                                      ? tr("none: e.g. https://example.org")
                                      : tr("from the schema: %1").arg(m_fields.baseUrl));
    m_preview->setResult(m_fields.title, m_fields.description, baseUrl(), m_fields.url);

    const QStringList places{tr("Title"), tr("Description"), tr("Question"), tr("Text")};
    const QList<KeywordCheck::Finding> findings =
        KeywordCheck::check(m_fields.keywords, {m_fields.title, m_fields.description,
                                                m_fields.question, m_fields.text});
    m_table->setFindings(findings, places);
    m_table->setVisible(!findings.isEmpty());

    if (findings.isEmpty()) {
        m_summary->setText(tr("The article has no SEO keywords."));
        return;
    }
    QList<int> counts(places.size(), 0);
    int repeats = 0;
    for (const KeywordCheck::Finding& f : findings) {
        for (qsizetype i = 0; i < counts.size() && i < f.found.size(); ++i)
            counts[i] += f.found.at(i) ? 1 : 0;
        if (f.repeat != KeywordCheck::Repeat::None)
            ++repeats;
    }
    QStringList parts;
    for (qsizetype i = 0; i < places.size(); ++i)
        parts << tr("%1 in the %2").arg(counts.at(i)).arg(places.at(i).toLower());
    QString text =
        findings.size() == 1
            ? tr("Of 1 keyword: %1.").arg(parts.join(QStringLiteral(", ")))
            : tr("Of %1 keywords: %2.").arg(findings.size()).arg(parts.join(QStringLiteral(", ")));
    if (repeats == 1)
        text += QLatin1Char(' ') + tr("1 repeats another keyword (marked \u26a0).");
    else if (repeats > 1)
        text += QLatin1Char(' ') + tr("%1 repeat other keywords (marked \u26a0).").arg(repeats);
    m_summary->setText(text);
}

} // namespace frontis
