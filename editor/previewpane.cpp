#include "previewpane.h"

#include "palettemode.h"
#include "previewrenderer.h"

#include <QAbstractTextDocumentLayout>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace frontis {

namespace {

// Typing pauses shorter than this are one change; continuous typing still shows an update at
// least every MaxDelayMs.
constexpr int TypingDelayMs = 60;
constexpr int MaxDelayMs = 400;
// A bigger "image" is not read: the preview is no place for it and it could be /dev/zero.
constexpr qint64 MaxLocalResourceBytes = 32 * 1024 * 1024;

// The payload of a data: URL (RFC 2397), which Qt's rich text does not decode by itself.
QVariant decodeDataUrl(const QUrl& url)
{
    const QString text = url.toString(QUrl::FullyEncoded);
    const qsizetype comma = text.indexOf(QLatin1Char(','));
    if (comma < 0)
        return {};
    const QString header = text.mid(5, comma - 5); // after "data:"
    const QByteArray payload = QByteArray::fromPercentEncoding(text.mid(comma + 1).toLatin1());
    if (header.endsWith(QLatin1String(";base64"), Qt::CaseInsensitive))
        return QByteArray::fromBase64(payload);
    return payload;
}

} // namespace

PreviewPane::PreviewPane(QWidget* parent) : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("preview"));
    setAccessibleName(tr("Preview"));
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setUndoRedoEnabled(false);

    // Qt sizes headings relative to the document's default font whatever the stylesheet says,
    // so that font gets the stylesheet's body size (11pt).
    QFont base = document()->defaultFont();
    base.setPointSizeF(11);
    document()->setDefaultFont(base);

    m_typingTimer.setSingleShot(true);
    m_typingTimer.setInterval(TypingDelayMs);
    m_maxDelayTimer.setSingleShot(true);
    m_maxDelayTimer.setInterval(MaxDelayMs);
    connect(&m_typingTimer, &QTimer::timeout, this, [this] { startRender(false); });
    connect(&m_maxDelayTimer, &QTimer::timeout, this, [this] { startRender(false); });
    connect(&m_watcher, &QFutureWatcher<QString>::finished, this, &PreviewPane::renderFinished);
    connect(this, &QTextBrowser::anchorClicked, this, &PreviewPane::openLink);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, [this] {
        if (m_pendingScroll >= 0)
            scrollTo(m_pendingScroll);
    });
    // The writer scrolled (wheel, keys, dragging): a position still waiting is forgotten.
    connect(verticalScrollBar(), &QScrollBar::actionTriggered, this,
            [this] { m_pendingScroll = -1; });

    followPalette();
}

void PreviewPane::setArticle(const ArticleContent& article)
{
    if (article == m_pending && m_hasShown)
        return;
    m_pending = article;
    scheduleRender();
}

void PreviewPane::setFrontMatter(const FrontMatter& fm)
{
    setArticle(ArticleContent::fromFrontMatter(fm));
}

void PreviewPane::setAnswerMarkdown(const QString& markdown)
{
    if (markdown == m_pending.answer && m_hasShown)
        return;
    m_pending.answer = markdown;
    scheduleRender();
}

void PreviewPane::flush()
{
    startRender(true);
}

void PreviewPane::scheduleRender()
{
    m_typingTimer.start();
    if (!m_maxDelayTimer.isActive())
        m_maxDelayTimer.start();
}

void PreviewPane::startRender(bool synchronous)
{
    m_typingTimer.stop();
    m_maxDelayTimer.stop();
    if (!synchronous && m_watcher.isRunning()) {
        // One follow-up render picks up everything that came meanwhile (also a return to what
        // is shown now: the running render will replace that).
        m_renderAgain = true;
        return;
    }
    if (m_hasShown && m_pending == m_shown && m_dark == m_shownDark)
        return;
    const quint64 generation = ++m_generation;
    if (synchronous || m_pending.answer.size() < m_asyncThreshold) {
        showRendered(previewrenderer::render(m_pending, m_dark), generation, m_pending, m_dark);
        return;
    }
    m_inFlight = m_pending;
    m_inFlightDark = m_dark;
    m_inFlightGeneration = generation;
    const ArticleContent content = m_pending;
    const bool dark = m_dark;
    m_watcher.setFuture(
        QtConcurrent::run([content, dark] { return previewrenderer::render(content, dark); }));
}

void PreviewPane::renderFinished()
{
    // A synchronous flush() may have shown something newer in the meantime.
    if (m_inFlightGeneration > m_shownGeneration)
        showRendered(m_watcher.result(), m_inFlightGeneration, m_inFlight, m_inFlightDark);
    if (m_renderAgain) {
        m_renderAgain = false;
        startRender(false);
    }
}

void PreviewPane::showRendered(const QString& html, quint64 generation,
                               const ArticleContent& content, bool dark)
{
    // Where the view is, or is about to be once the layout reaches it.
    const int scroll = m_pendingScroll >= 0 ? m_pendingScroll : verticalScrollBar()->value();
    setHtml(html);
    updateTextMargins();
    // The stylesheet's body background lands on the root frame; the viewport around and below
    // the text gets the same colour.
    const QBrush background = document()->rootFrame()->frameFormat().background();
    QPalette viewportPalette = viewport()->palette();
    if (background.style() != Qt::NoBrush) {
        viewportPalette.setColor(QPalette::Base, background.color());
        viewport()->setPalette(viewportPalette);
    }
    collectSourceBlocks();

    m_shown = content;
    m_shownDark = dark;
    m_shownGeneration = generation;
    m_hasShown = true;
    if (m_syncPending && m_pending == m_shown) {
        m_syncPending = false;
        applySourceLine(m_syncLine, m_syncProgress);
    } else {
        scrollTo(scroll);
    }
    Q_EMIT rendered();
}

void PreviewPane::collectSourceBlocks()
{
    // previewrenderer puts each Markdown block's first line into its QTextBlock's user state.
    m_sourceBlocks.clear();
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        const int line = block.userState();
        if (line > 0 && (m_sourceBlocks.isEmpty() || line > m_sourceBlocks.last().line))
            m_sourceBlocks.append({line, block.position()});
    }
}

qreal PreviewPane::blockTop(int position) const
{
    const QTextBlock block = document()->findBlock(position);
    return document()->documentLayout()->blockBoundingRect(block).top();
}

void PreviewPane::scrollToSourceLine(int line, qreal progress)
{
    if (!m_hasShown || m_pending != m_shown || m_watcher.isRunning()) {
        // The lines refer to text not rendered yet: scroll once it is, rather than render now
        // (the editor scrolls while the writer types).
        m_syncLine = line;
        m_syncProgress = progress;
        m_syncPending = true;
        return;
    }
    applySourceLine(line, progress);
}

void PreviewPane::applySourceLine(int line, qreal progress)
{
    if (m_sourceBlocks.isEmpty())
        return;
    // The Markdown block the line belongs to (blank lines count with the block before them),
    // and how far into it the line is; from that, the same fraction of its height in the
    // preview. Before the first block's end, the region starts at the top, above the title.
    const auto next = std::upper_bound(m_sourceBlocks.cbegin(), m_sourceBlocks.cend(), line,
                                       [](int l, const SourceBlock& b) { return l < b.line; });
    if (next == m_sourceBlocks.cbegin()) {
        scrollTo(0);
        return;
    }
    const SourceBlock& block = *(next - 1);
    const int lineCount = int(m_shown.answer.count(QLatin1Char('\n'))) + 1;
    const int endLine =
        next != m_sourceBlocks.cend() ? next->line : qMax(lineCount + 1, block.line + 1);
    const qreal top = next - 1 == m_sourceBlocks.cbegin() ? 0.0 : blockTop(block.position);
    const qreal bottom = next != m_sourceBlocks.cend()
                             ? blockTop(next->position)
                             : document()->documentLayout()->documentSize().height();
    const qreal fraction =
        (line - block.line + qBound(0.0, progress, 1.0)) / (endLine - block.line);
    scrollTo(qRound(top + qBound(0.0, fraction, 1.0) * qMax(0.0, bottom - top)));
}

void PreviewPane::scrollTo(int y)
{
    // Qt lays long documents out in steps after setHtml() and widens the scroll range as it
    // goes: a position beyond the current range is reached when the range allows it.
    QScrollBar* bar = verticalScrollBar();
    bar->setValue(y);
    m_pendingScroll = bar->value() == y ? -1 : y;
}

void PreviewPane::setMaximumTextWidth(int pixels)
{
    m_maxTextWidth = pixels;
    updateTextMargins();
}

void PreviewPane::updateTextMargins()
{
    // Qt's rich text has no max-width: side margins on the root frame keep lines readable.
    const qreal side = qMax(16.0, (viewport()->width() - m_maxTextWidth) / 2.0);
    QTextFrame* root = document()->rootFrame();
    QTextFrameFormat format = root->frameFormat();
    if (qFuzzyCompare(format.leftMargin(), side) && qFuzzyCompare(format.rightMargin(), side) &&
        qFuzzyCompare(format.topMargin(), 16.0))
        return;
    format.setLeftMargin(side);
    format.setRightMargin(side);
    format.setTopMargin(16);
    format.setBottomMargin(24);
    root->setFrameFormat(format);
}

QVariant PreviewPane::loadResource(int type, const QUrl& name)
{
    const QString scheme = name.scheme().toLower();
    if (scheme == QLatin1String("data"))
        return decodeDataUrl(name);
    if (scheme == QLatin1String("qrc"))
        return QTextBrowser::loadResource(type, name);
    if ((!scheme.isEmpty() && scheme != QLatin1String("file")) || !name.host().isEmpty())
        return {}; // http, https, ftp, //host/... and file://host/...: never fetched
    QString path = scheme.isEmpty() ? name.path() : name.toLocalFile();
    if (path.isEmpty())
        return {};
    if (QFileInfo(path).isRelative()) {
        if (m_baseDirectory.isEmpty())
            return {};
        path = QDir(m_baseDirectory).filePath(path);
    }
    const QFileInfo info(path);
    if (!info.isFile() || info.size() > MaxLocalResourceBytes)
        return {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void PreviewPane::openLink(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https") ||
        scheme == QLatin1String("mailto")) {
        QDesktopServices::openUrl(url);
        Q_EMIT externalLinkOpened(url);
        return;
    }
    // "#section" within the article; everything else (site-relative paths) has nowhere to go.
    if (scheme.isEmpty() && url.path().isEmpty() && url.hasFragment())
        scrollToAnchor(url.fragment());
}

void PreviewPane::changeEvent(QEvent* event)
{
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        followPalette();
}

void PreviewPane::resizeEvent(QResizeEvent* event)
{
    QTextBrowser::resizeEvent(event);
    updateTextMargins();
}

void PreviewPane::followPalette()
{
    const bool dark = isDarkPalette(palette());
    if (dark == m_dark && !document()->defaultStyleSheet().isEmpty())
        return;
    m_dark = dark;
    // The body's margins and padding centre the column in browsers; here updateTextMargins()
    // does that, and Qt would apply them to the body's content but not to rules.
    document()->setDefaultStyleSheet(
        articleStylesheet(dark ? ArticleTheme::Dark : ArticleTheme::Light) +
        QLatin1String("\nbody { margin: 0px; padding: 0px; }\n"));
    if (m_hasShown)
        flush(); // a scheme switch shows at once, not after the typing delay
}

} // namespace frontis
