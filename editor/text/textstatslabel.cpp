#include "editor/text/textstatslabel.h"

#include "editor/text/markdowneditor.h"

#include <QLocale>
#include <QStringList>
#include <QtConcurrent>

namespace frontis {

namespace {

QString number(int n)
{
    return QLocale().toString(n);
}

QString fleschBand(double score)
{
    if (score >= 90)
        return TextStatsLabel::tr("very easy");
    if (score >= 80)
        return TextStatsLabel::tr("easy");
    if (score >= 70)
        return TextStatsLabel::tr("fairly easy");
    if (score >= 60)
        return TextStatsLabel::tr("plain English");
    if (score >= 50)
        return TextStatsLabel::tr("fairly difficult");
    if (score >= 30)
        return TextStatsLabel::tr("difficult");
    return TextStatsLabel::tr("very difficult");
}

} // namespace

TextStatsLabel::TextStatsLabel(MarkdownEditor* editor, QWidget* parent)
    : QLabel(parent), m_editor(editor)
{
    setObjectName(QStringLiteral("textStats"));
    setAccessibleName(tr("Text statistics"));
    setTextFormat(Qt::PlainText);
    setContentsMargins(4, 0, 12, 0); // apart from the schema's name beside it
    m_pool.setMaxThreadCount(1);
    m_idle.setSingleShot(true);
    m_idle.setObjectName(QStringLiteral("statistics (idle)"));
    m_idle.setInterval(IdleMs);
    m_maxWait.setSingleShot(true);
    m_maxWait.setObjectName(QStringLiteral("statistics (longest wait)"));
    m_maxWait.setInterval(MaxWaitMs);
    connect(&m_idle, &QTimer::timeout, this, &TextStatsLabel::measure);
    connect(&m_maxWait, &QTimer::timeout, this, &TextStatsLabel::measure);
    connect(&m_watcher, &QFutureWatcher<TextStats>::finished, this, [this] {
        m_measuring = false;
        display(m_watcher.result());
        if (m_again) {
            m_again = false;
            measure();
        }
    });
    connect(m_editor, &QPlainTextEdit::textChanged, this, &TextStatsLabel::changed);
    display(TextStats());
    changed();
}

TextStatsLabel::~TextStatsLabel()
{
    // A measurement still running works on its own copy of the text; its result is dropped
    // (and m_pool waits for it, at most a few tens of milliseconds).
    m_watcher.disconnect(this);
}

bool TextStatsLabel::isPending() const
{
    return m_idle.isActive() || m_maxWait.isActive() || m_measuring || m_again;
}

void TextStatsLabel::changed()
{
    m_idle.start();
    if (!m_maxWait.isActive())
        m_maxWait.start();
}

void TextStatsLabel::measure()
{
    m_idle.stop();
    m_maxWait.stop();
    if (m_measuring) {
        m_again = true; // one more run when this one ends, however many changes came
        return;
    }
    m_measuring = true;
    m_watcher.setFuture(
        QtConcurrent::run(&m_pool, [text = m_editor->markdown()] { return measureText(text); }));
}

void TextStatsLabel::display(const TextStats& stats)
{
    m_stats = stats;
    setText(summary(stats));
    setToolTip(explanation(stats));
    Q_EMIT updated();
}

QString TextStatsLabel::summary(const TextStats& stats)
{
    QStringList parts;
    parts << (stats.words == 1 ? tr("1 word") : tr("%1 words").arg(number(stats.words)));
    parts << (stats.characters == 1 ? tr("1 character")
                                    : tr("%1 characters").arg(number(stats.characters)));
    if (stats.words > 0)
        parts << tr("%1 min read").arg(number(stats.readingMinutes()));
    if (const std::optional<double> flesch = stats.fleschReadingEase())
        parts << tr("Flesch %1").arg(number(qRound(*flesch)));
    return parts.join(QStringLiteral(" \u00b7 "));
}

QString TextStatsLabel::explanation(const TextStats& stats)
{
    const auto row = [](const QString& name, const QString& value, const QString& note) {
        return QStringLiteral("<tr><td><b>%1</b></td><td align=\"right\">%2</td><td>%3</td></tr>")
            .arg(name.toHtmlEscaped(), value.toHtmlEscaped(), note.toHtmlEscaped());
    };
    QString html = QStringLiteral("<p><b>%1</b></p><table cellspacing=\"4\">")
                       .arg(tr("The text as a reader sees it").toHtmlEscaped());
    html += row(tr("Words"), number(stats.words),
                tr("code included; not Markdown markers, link addresses or image descriptions"));
    html += row(tr("Characters"), number(stats.characters),
                tr("with spaces; %1 without, line breaks not counted")
                    .arg(number(stats.charactersWithoutSpaces)));
    html += row(tr("Reading time"), tr("%1 min").arg(number(stats.readingMinutes())),
                tr("at %1 words per minute").arg(TextStats::WordsPerMinute));
    const std::optional<double> flesch = stats.fleschReadingEase();
    html += row(tr("Flesch reading ease"),
                flesch ? QLocale().toString(*flesch, 'f', 1) : QStringLiteral("\u2013"),
                flesch ? fleschBand(*flesch) : tr("no prose to measure"));
    html += QStringLiteral("</table>");
    html += QStringLiteral("<p>%1</p>")
                .arg(tr("Flesch reading ease = 206.835 \u2212 1.015 \u00d7 words per sentence "
                        "\u2212 84.6 \u00d7 syllables per word, on the prose (code blocks left "
                        "out): here %1 words, %2 sentences, %3 syllables. Higher is easier: 60 "
                        "to 70 is plain English, below 30 reads like an academic paper. "
                        "Syllables are estimated from vowel groups, for English.")
                         .arg(number(stats.proseWords), number(stats.sentences),
                              number(stats.syllables))
                         .toHtmlEscaped());
    return html;
}

} // namespace frontis
