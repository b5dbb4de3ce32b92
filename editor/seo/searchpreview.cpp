#include "editor/seo/searchpreview.h"

#include "editor/text/palettemode.h"

#include <QEvent>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QFrame>
#include <QLabel>
#include <QVBoxLayout>

namespace frontis {

namespace {

struct Colors
{
    QColor title;
    QColor text;
    QColor crumb;
    QColor lost;
    QColor cut;
};

// Close to a results page's own colours, for light and dark palettes.
Colors colorsFor(const QPalette& palette)
{
    if (isDarkPalette(palette))
        return {QColor(0x8a, 0xb4, 0xf8), QColor(0xbd, 0xc1, 0xc6), QColor(0xda, 0xdc, 0xe0),
                QColor(0x80, 0x86, 0x8b), QColor(0xff, 0x80, 0x80)};
    return {QColor(0x1a, 0x0d, 0xab), QColor(0x4d, 0x51, 0x56), QColor(0x20, 0x21, 0x24),
            QColor(0x9a, 0xa0, 0xa6), QColor(0xc6, 0x28, 0x28)};
}

// The kept part, the engine's " …" and, struck through and greyed, what it drops.
QString cutHtml(const SearchSnippet::Cut& cut, const Colors& colors)
{
    QString html = cut.kept.toHtmlEscaped();
    if (!cut.isCut())
        return html;
    // A no-break space keeps the ellipsis on the line of the word it follows.
    html +=
        SearchSnippet::marker().toHtmlEscaped().replace(QLatin1Char(' '), QLatin1String("&nbsp;"));
    html += QStringLiteral("<span style=\"color:%1; font-weight:bold\">&nbsp;\u2702&nbsp;</span>")
                .arg(colors.cut.name());
    html += QStringLiteral("<span style=\"color:%1; text-decoration:line-through\">%2</span>")
                .arg(colors.lost.name(), cut.lost.toHtmlEscaped());
    return html;
}

QLabel* richLabel(const QFont& font, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setFont(font);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

SearchPreview::SearchPreview(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    // The result sits on the page's own background, at the width results pages give it.
    m_card = new QFrame(this);
    m_card->setObjectName(QStringLiteral("searchResult"));
    m_card->setFrameShape(QFrame::StyledPanel);
    m_card->setBackgroundRole(QPalette::Base);
    m_card->setAutoFillBackground(true);
    m_card->setMaximumWidth(int(SearchSnippet::TitleWidth) + 26);
    auto* card = new QVBoxLayout(m_card);
    card->setContentsMargins(12, 10, 12, 12);
    card->setSpacing(3);
    m_breadcrumb = richLabel(textFont(), m_card);
    m_title = richLabel(titleFont(), m_card);
    m_description = richLabel(textFont(), m_card);
    card->addWidget(m_breadcrumb);
    card->addWidget(m_title);
    card->addWidget(m_description);
    layout->addWidget(m_card);

    m_measure = new QLabel(this);
    m_measure->setTextFormat(Qt::RichText);
    m_measure->setWordWrap(true);
    layout->addWidget(m_measure);
    m_fontNote = new QLabel(this);
    m_fontNote->setWordWrap(true);
    m_fontNote->setVisible(!hasArialMetrics());
    m_fontNote->setText(
        tr("Titles are measured in %1, whose widths differ from Arial's: the cut is an "
           "estimate. Installing Liberation Sans (Debian: fonts-liberation) makes it exact.")
            .arg(QFontInfo(titleFont()).family()));
    layout->addWidget(m_fontNote);
    render();
}

QFont SearchPreview::titleFont()
{
    QFont font;
    font.setFamilies({QStringLiteral("Arial"), QStringLiteral("Liberation Sans"),
                      QStringLiteral("Arimo"), QStringLiteral("Helvetica")});
    font.setStyleHint(QFont::SansSerif);
    font.setPixelSize(20);
    return font;
}

QFont SearchPreview::textFont()
{
    QFont font = titleFont();
    font.setPixelSize(14);
    return font;
}

bool SearchPreview::hasArialMetrics()
{
    static const QStringList metricCompatible = {
        QStringLiteral("Arial"), QStringLiteral("Liberation Sans"), QStringLiteral("Arimo")};
    return metricCompatible.contains(QFontInfo(titleFont()).family(), Qt::CaseInsensitive);
}

void SearchPreview::setResult(const QString& title, const QString& description,
                              const QString& baseUrl, const QString& url)
{
    const QString crumb = SearchSnippet::breadcrumb(baseUrl, url);
    if (title == m_titleText && description == m_descriptionText && crumb == m_breadcrumbText)
        return;
    m_titleText = title;
    m_descriptionText = description;
    m_breadcrumbText = crumb;
    const QFontMetricsF metrics(titleFont());
    m_titleWidth = metrics.horizontalAdvance(title.simplified());
    m_titleCut =
        SearchSnippet::cutToWidth(title, SearchSnippet::TitleWidth, [&metrics](const QString& s) {
            return metrics.horizontalAdvance(s);
        });
    m_descriptionCut = SearchSnippet::cutToLength(description);
    render();
}

void SearchPreview::render()
{
    const Colors colors = colorsFor(palette());
    QPalette notePalette = m_fontNote->palette();
    notePalette.setColor(QPalette::WindowText, secondaryTextColor(palette()));
    m_fontNote->setPalette(notePalette);
    const QString none =
        QStringLiteral("<span style=\"color:%1\">%2</span>").arg(colors.lost.name());

    m_breadcrumb->setText(m_breadcrumbText.isEmpty()
                              ? none.arg(tr("(no url)"))
                              : QStringLiteral("<span style=\"color:%1\">%2</span>")
                                    .arg(colors.crumb.name(), m_breadcrumbText.toHtmlEscaped()));
    m_title->setText(m_titleCut.kept.isEmpty()
                         ? none.arg(tr("(no SEO title)"))
                         : QStringLiteral("<span style=\"color:%1\">%2</span>")
                               .arg(colors.title.name(), cutHtml(m_titleCut, colors)));
    m_description->setText(m_descriptionCut.kept.isEmpty()
                               ? none.arg(tr("(no page description)"))
                               : QStringLiteral("<span style=\"color:%1\">%2</span>")
                                     .arg(colors.text.name(), cutHtml(m_descriptionCut, colors)));

    const int width = qRound(m_titleWidth);
    const qsizetype length = m_descriptionText.simplified().size();
    const QString titleLine =
        m_titleCut.isCut()
            ? tr("Title: %1 px, about %2 px shown: cut after \u201c%3\u201d.")
                  .arg(width)
                  .arg(SearchSnippet::TitleWidth)
                  .arg(m_titleCut.kept.section(QLatin1Char(' '), -1).toHtmlEscaped())
            : tr("Title: %1 of about %2 px.").arg(width).arg(SearchSnippet::TitleWidth);
    const QString descriptionLine =
        m_descriptionCut.isCut() ? tr("Description: %1 characters, about %2 shown: %n cut off.",
                                      nullptr, int(m_descriptionCut.lost.size()))
                                       .arg(length)
                                       .arg(SearchSnippet::DescriptionLength)
                                 : tr("Description: %1 of about %2 characters.")
                                       .arg(length)
                                       .arg(SearchSnippet::DescriptionLength);
    auto line = [&colors](const QString& text, bool cut) {
        return cut ? QStringLiteral("<span style=\"color:%1\">%2</span>")
                         .arg(colors.cut.name(), text)
                   : text;
    };
    m_measure->setText(line(titleLine, m_titleCut.isCut()) + QStringLiteral("<br>") +
                       line(descriptionLine, m_descriptionCut.isCut()));

    m_title->setToolTip(
        tr("Results pages show about %1 px of a title in 20 px Arial; what does not fit is "
           "struck through after the cut (\u2702).")
            .arg(SearchSnippet::TitleWidth));
    m_description->setToolTip(
        tr("Results pages show about %1 characters of a description, cut before a word; what "
           "does not fit is struck through after the cut (\u2702).")
            .arg(SearchSnippet::DescriptionLength));
    m_title->setAccessibleName(tr("Result title: %1").arg(m_titleCut.kept));
    m_description->setAccessibleName(tr("Result snippet: %1").arg(m_descriptionCut.kept));
    m_breadcrumb->setAccessibleName(tr("Result address: %1").arg(m_breadcrumbText));
}

void SearchPreview::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        render();
    QWidget::changeEvent(event);
}

} // namespace frontis
