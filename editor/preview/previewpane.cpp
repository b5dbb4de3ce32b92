#include "editor/preview/previewpane.h"

#include "editor/preview/previewrenderer.h"
#include "editor/text/palettemode.h"
#include "model/text/siteimages.h"

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

    m_frameTimer.setSingleShot(true);
    m_frameTimer.setObjectName(QStringLiteral("preview frame"));
    connect(&m_frameTimer, &QTimer::timeout, this, [this] { startRender(false); });
    connect(&m_watcher, &QFutureWatcher<previewrenderer::Page>::finished, this,
            &PreviewPane::renderFinished);
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
    // An answer source marked out of date may hold something else than m_pending: then this
    // article is news even when it equals m_pending.
    const bool stale = m_textStale;
    m_textStale = false;
    if (!stale && article == m_pending && m_hasShown)
        return;
    m_pending = article;
    scheduleRender();
}

void PreviewPane::setFrontMatter(const FrontMatter& fm)
{
    ArticleContent content = ArticleContent::fromFrontMatter(fm);
    content.siteMarkdown = m_siteMarkdown;
    // The text comes from its source (the editor), wherever the article keeps it.
    if (m_textSource)
        content.text = m_textSource();
    setArticle(content);
}

void PreviewPane::setSiteMarkdown(bool site)
{
    if (site == m_siteMarkdown)
        return;
    m_siteMarkdown = site;
    m_pending.siteMarkdown = site;
    scheduleRender();
}

void PreviewPane::setTextMarkdown(const QString& markdown)
{
    const bool stale = m_textStale;
    m_textStale = false;
    if (!stale && markdown == m_pending.text && m_hasShown)
        return;
    m_pending.text = markdown;
    scheduleRender();
}

void PreviewPane::setTextSource(std::function<QString()> source)
{
    m_textSource = std::move(source);
}

void PreviewPane::textEdited()
{
    if (!m_textSource)
        return;
    m_textStale = true;
    scheduleRender();
}

void PreviewPane::pullAnswer() const
{
    if (!m_textStale)
        return;
    m_textStale = false;
    m_pending.text = m_textSource();
}

const ArticleContent& PreviewPane::article() const
{
    pullAnswer();
    return m_pending;
}

void PreviewPane::flush()
{
    startRender(true);
}

void PreviewPane::scheduleRender()
{
    if (m_watcher.isRunning()) {
        m_renderAgain = true; // once the running render lands
        return;
    }
    if (m_frameTimer.isActive())
        return;
    // The first change after a pause is shown on the event loop's next pass (which also takes
    // in everything else that arrived in this one); then at most one update per frame.
    const qint64 since = m_sinceUpdate.isValid() ? m_sinceUpdate.elapsed() : FrameMs;
    m_frameTimer.start(int(qBound<qint64>(0, qint64(FrameMs) - since, qint64(FrameMs))));
}

void PreviewPane::startRender(bool synchronous)
{
    m_frameTimer.stop();
    pullAnswer();
    if (!synchronous && m_watcher.isRunning()) {
        // One follow-up render picks up everything that came meanwhile (also a return to what
        // is shown now: the running render will replace that).
        m_renderAgain = true;
        return;
    }
    if (m_hasShown && m_pending == m_shown && m_dark == m_shownDark)
        return;
    m_sinceUpdate.start();
    const quint64 generation = ++m_generation;
    // Only the blocks around the change go through cmark again (previewrenderer.h).
    const previewrenderer::Page previous = m_hasShown ? m_page : previewrenderer::Page();
    if (synchronous || m_pending.text.size() < m_asyncThreshold) {
        present(previewrenderer::renderPage(m_pending, m_dark, previous), m_pending, m_dark,
                generation);
        return;
    }
    m_inFlight = m_pending;
    m_inFlightDark = m_dark;
    m_inFlightGeneration = generation;
    const ArticleContent content = m_pending;
    const bool dark = m_dark;
    m_watcher.setFuture(QtConcurrent::run([content, dark, previous] {
        return previewrenderer::renderPage(content, dark, previous);
    }));
}

void PreviewPane::renderFinished()
{
    // A synchronous flush() may have shown something newer in the meantime.
    if (m_inFlightGeneration > m_shownGeneration)
        present(m_watcher.result(), m_inFlight, m_inFlightDark, m_inFlightGeneration);
    if (m_renderAgain) {
        m_renderAgain = false;
        scheduleRender();
    }
}

void PreviewPane::present(const previewrenderer::Page& page, const ArticleContent& content,
                          bool dark, quint64 generation)
{
    // Another scheme means another stylesheet, which only a whole new document takes in.
    if (!m_hasShown || dark != m_shownDark || !patch(page))
        rebuild(page);
    m_lastUpdate.blocksRendered = page.renderedBlocks;
    m_shown = content;
    m_shownLines = int(content.text.count(QLatin1Char('\n'))) + 1;
    m_shownDark = dark;
    m_shownGeneration = generation;
    m_hasShown = true;
    m_sourceBlocksStale = true;
    if (m_syncPending && m_pending == m_shown) {
        m_syncPending = false;
        applySourceLine(m_syncLine, m_syncProgress);
    }
    Q_EMIT rendered();
}

namespace {

QString bodyHtml(const QString& content)
{
    // An explicit body: Qt applies the stylesheet's body colours (and fonts) only then.
    return QLatin1String("<html><body>") + content + QLatin1String("</body></html>");
}

} // namespace

void PreviewPane::rebuild(const previewrenderer::Page& page)
{
    // Where the view is, or is about to be once the layout reaches it.
    const int scroll = m_pendingScroll >= 0 ? m_pendingScroll : verticalScrollBar()->value();
    QTextDocument* doc = document();
    m_blockStarts.clear();
    // The blocks go in one at a time, as later updates insert them, so that a document patched
    // many times is the same as one built afresh (Qt's HTML import of a whole page differs in
    // corner cases, such as an empty last list item).
    if (page.header.isEmpty() && !page.blocks.isEmpty()) {
        doc->setHtml(bodyHtml(previewrenderer::blockHtml(page.blocks.first())));
        m_blockStarts << -1; // nothing before it to insert after: changed, it means a rebuild
    } else {
        doc->setHtml(bodyHtml(page.header));
    }
    QTextCursor batch(doc);
    batch.beginEditBlock();
    int at = doc->characterCount() - 1;
    for (qsizetype i = m_blockStarts.size(); i < page.blocks.size(); ++i) {
        m_blockStarts << at;
        at = insertBlockHtml(at, previewrenderer::blockHtml(page.blocks[i]));
    }
    batch.endEditBlock();
    m_page = page;
    m_lastUpdate = {0, true, 0, int(page.blocks.size())};

    updateTextMargins();
    // The stylesheet's body background lands on the root frame; the viewport around and below
    // the text gets the same colour.
    const QBrush background = doc->rootFrame()->frameFormat().background();
    QPalette viewportPalette = viewport()->palette();
    if (background.style() != Qt::NoBrush) {
        viewportPalette.setColor(QPalette::Base, background.color());
        viewport()->setPalette(viewportPalette);
    }
    scrollTo(scroll);
}

bool PreviewPane::patch(const previewrenderer::Page& page)
{
    const previewrenderer::Change change = previewrenderer::compare(m_page, page);
    m_lastUpdate = {};
    if (change.isEmpty()) {
        m_page = page;
        return true;
    }
    // Without a header there is nothing before the first block to insert after.
    if ((m_page.header.isEmpty() || page.header.isEmpty()) &&
        (change.header || (change.first == 0 && change.blocksChanged())))
        return false;
    QTextCursor batch(document());
    batch.beginEditBlock(); // one relayout for the whole change
    if (change.header)
        replaceHeader(page.header);
    replaceBlocks(page, change);
    batch.endEditBlock();
    m_page = page;
    m_lastUpdate.blocksReplaced = change.oldEnd - change.first;
    m_lastUpdate.blocksInserted = change.newEnd - change.first;
    return true;
}

int PreviewPane::insertBlockHtml(int position, const QString& html)
{
    // Qt merges the first block of inserted HTML into the block at the cursor, losing its
    // format; an empty paragraph first makes every real block arrive after a block separator,
    // with its own format. Inserted at the end of a block's text, the empty one adds nothing.
    QTextDocument* doc = document();
    const int before = doc->characterCount();
    QTextCursor cursor(doc);
    cursor.setPosition(position);
    cursor.insertHtml(bodyHtml(QLatin1String("<p style=\"-qt-paragraph-type:empty\"></p>") + html));
    // Measured, not read from the cursor: after an empty last block it stops short.
    return position + doc->characterCount() - before;
}

void PreviewPane::replaceHeader(const QString& header)
{
    // At the document's start Qt gives the first inserted block its own format.
    QTextDocument* doc = document();
    const int end = m_blockStarts.isEmpty() ? doc->characterCount() - 1 : m_blockStarts.first();
    const int before = doc->characterCount();
    QTextCursor cursor(doc);
    cursor.setPosition(end);
    cursor.setPosition(0, QTextCursor::KeepAnchor);
    cursor.insertHtml(bodyHtml(header));
    const int moved = doc->characterCount() - before;
    for (int& start : m_blockStarts)
        start += moved;
}

void PreviewPane::replaceBlocks(const previewrenderer::Page& page,
                                const previewrenderer::Change& change)
{
    QTextDocument* doc = document();
    const int docEnd = doc->characterCount() - 1;
    const int oldCount = int(m_page.blocks.size());
    const int from = change.first < oldCount ? m_blockStarts[change.first] : docEnd;
    const int to = change.oldEnd < oldCount ? m_blockStarts[change.oldEnd] : docEnd;
    if (to > from) {
        // Removing from the end of the previous block's text up to the separator of the first
        // block kept leaves that previous block in place, except that Qt hands it the state
        // (and in some cases the format) of the first block removed: they are put back.
        QTextBlock previous = doc->findBlock(from);
        const int state = previous.userState();
        const QTextBlockFormat format = previous.blockFormat();
        const QTextCharFormat charFormat = previous.charFormat();
        QTextCursor cursor(doc);
        cursor.setPosition(from);
        cursor.setPosition(to, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
        QTextBlock merged = doc->findBlock(from);
        merged.setUserState(state);
        if (merged.blockFormat() != format)
            QTextCursor(merged).setBlockFormat(format);
        if (merged.charFormat() != charFormat)
            QTextCursor(merged).setBlockCharFormat(charFormat);
    }
    QList<int> starts = m_blockStarts.first(change.first);
    starts.reserve(page.blocks.size());
    int at = from;
    for (int i = change.first; i < change.newEnd; ++i) {
        starts << at;
        at = insertBlockHtml(at, previewrenderer::blockHtml(page.blocks[i]));
    }
    const int moved = at - to;
    for (int i = change.oldEnd; i < oldCount; ++i)
        starts << m_blockStarts[i] + moved;
    m_blockStarts = starts;
    if (change.lineShift != 0 && change.newEnd < page.blocks.size())
        shiftLines(m_blockStarts[change.newEnd] + 1, change.lineShift);
}

void PreviewPane::shiftLines(int fromPosition, int lines)
{
    // The blocks after the change are the same text on other Markdown lines.
    for (QTextBlock block = document()->findBlock(fromPosition); block.isValid();
         block = block.next()) {
        if (block.userState() > 0)
            block.setUserState(block.userState() + lines);
    }
}

void PreviewPane::collectSourceBlocks()
{
    // previewrenderer puts each Markdown block's first line into its QTextBlock's user state.
    m_sourceBlocksStale = false;
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
    if (m_sourceBlocksStale)
        collectSourceBlocks();
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
    const int lineCount = m_shownLines;
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
    // A file: URL names its file; a path is the site's: relative to the article, or site-rooted
    // ("/images/a.png" in static/, public/ or assets/), as the site's generator finds it.
    const QString path =
        scheme.isEmpty() ? localImagePath(m_baseDirectory, name.path()) : name.toLocalFile();
    if (path.isEmpty())
        return {};
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
