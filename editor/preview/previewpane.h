#pragma once

#include "editor/preview/previewrenderer.h"
#include "model/text/articlehtml.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QList>
#include <QTextBrowser>
#include <QTimer>

#include <functional>

namespace frontis {

class FrontMatter;

// The live preview of an article as the site shows it (model/text/articlehtml.h), styled with the
// light or dark stylesheet to match the palette.
//
// Updates follow typing at most once per frame: the first change after a quiet moment is shown
// on the next pass of the event loop, and changes that arrive while an update is due or being
// rendered are merged into one. Long answers render off the GUI thread (cmark and the HTML of
// each block); the GUI thread then replaces only the top-level blocks that changed, so an
// update costs about the same for a 1 MB answer as for a short one (a whole setHtml() takes
// ~0.6 s at 1 MB). The scroll position survives updates. Nothing is fetched from the network,
// raw HTML is never shown (cmark's safe mode) and clicked web links open in the system browser,
// never inside the pane.
class PreviewPane : public QTextBrowser
{
    Q_OBJECT

public:
    explicit PreviewPane(QWidget* parent = nullptr);

    // Shows `article` with the next update.
    void setArticle(const ArticleContent& article);
    void setFrontMatter(const FrontMatter& fm);
    // The text is a site's body: rendered with GitHub Flavored Markdown and template tags shown
    // as placeholders (ArticleContent::siteMarkdown), for every article shown from now on.
    void setSiteMarkdown(bool site);
    // Replaces only the answer (Markdown with real line breaks, as MarkdownEditor::markdown()).
    void setTextMarkdown(const QString& markdown);
    // Where the answer comes from while the writer types (MarkdownEditor::markdown()):
    // textEdited() only marks it out of date, and it is read once when the next update is
    // due, so a keystroke costs nothing here however long the answer is.
    void setTextSource(std::function<QString()> source);
    void textEdited();
    // The article most recently asked for (possibly not rendered yet).
    const ArticleContent& article() const;
    // Renders what is pending now, on this thread (before printing or grabbing the pane).
    void flush();

    // Follows the editor: scrolls so that 1-based Markdown `line` of the answer, `progress`
    // (0 to <1) of the way through it, is at the top. Before the first line of the answer this
    // is the top of the page, so the title shows while the editor is at its start. While an
    // update is pending, this happens when it is shown.
    void scrollToSourceLine(int line, qreal progress = 0);

    // Where relative image paths are looked up (the article's folder). Only regular local files
    // are read; without a base directory, only absolute paths.
    void setBaseDirectory(const QString& directory) { m_baseDirectory = directory; }
    // Answers at least this long (in characters) render on a worker thread.
    void setAsyncThreshold(qsizetype characters) { m_asyncThreshold = characters; }
    // Text wider than this (in pixels) is centred with margins, like the site's column.
    void setMaximumTextWidth(int pixels);
    bool isDark() const { return m_dark; }
    // A render is running on a worker thread.
    bool isRendering() const { return m_watcher.isRunning(); }

    // How the last update went: how many Markdown blocks went through cmark, and whether every
    // block was inserted into the document afresh or only the changed ones were replaced
    // (`blocksReplaced` removed, `blocksInserted` put in their place; none when only the lines
    // moved).
    struct UpdateStats
    {
        int blocksRendered = 0;
        bool rebuilt = false;
        int blocksReplaced = 0;
        int blocksInserted = 0;
    };
    const UpdateStats& lastUpdate() const { return m_lastUpdate; }

    // Local files, qrc: and data: resources only. Anything with a network scheme (http, https,
    // ftp, ...) gets an empty value: the preview never goes online.
    QVariant loadResource(int type, const QUrl& name) override;

    // Updates are at most this often while typing.
    static constexpr int FrameMs = 16;

Q_SIGNALS:
    // The shown document was brought up to date (after each merged update).
    void rendered();
    // A web or mail link was clicked and handed to the system (QDesktopServices::openUrl).
    void externalLinkOpened(const QUrl& url);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    // A block of the shown document that starts a Markdown block of the answer.
    struct SourceBlock
    {
        int line = 0;     // 1-based Markdown line where it starts
        int position = 0; // document position of the QTextBlock
    };
    void pullAnswer() const;
    void scheduleRender();
    void startRender(bool synchronous);
    void present(const previewrenderer::Page& page, const ArticleContent& content, bool dark,
                 quint64 generation);
    void rebuild(const previewrenderer::Page& page);
    bool patch(const previewrenderer::Page& page);
    void replaceHeader(const QString& header);
    void replaceBlocks(const previewrenderer::Page& page, const previewrenderer::Change& change);
    int insertBlockHtml(int position, const QString& html);
    void shiftLines(int fromPosition, int lines);
    void renderFinished();
    void collectSourceBlocks();
    void applySourceLine(int line, qreal progress);
    void scrollTo(int y);
    qreal blockTop(int position) const;
    void updateTextMargins();
    void followPalette();
    void openLink(const QUrl& url);

    mutable ArticleContent m_pending;
    mutable bool m_textStale = false;
    std::function<QString()> m_textSource;
    bool m_siteMarkdown = false;
    ArticleContent m_shown;
    int m_shownLines = 1;         // Markdown lines of m_shown's answer
    previewrenderer::Page m_page; // what the document shows
    // Where each of m_page's blocks starts: the position of the block separator before its first
    // QTextBlock (the end of the previous block's text); -1 for a first block at the very start.
    QList<int> m_blockStarts;
    bool m_shownDark = false;
    bool m_hasShown = false;
    bool m_dark = false;
    UpdateStats m_lastUpdate;

    QTimer m_frameTimer;         // the next update, at most one per FrameMs
    QElapsedTimer m_sinceUpdate; // since the last update started
    QFutureWatcher<previewrenderer::Page> m_watcher;
    ArticleContent m_inFlight;
    bool m_inFlightDark = false;
    quint64 m_inFlightGeneration = 0;
    quint64 m_generation = 0;
    quint64 m_shownGeneration = 0;
    bool m_renderAgain = false;

    QList<SourceBlock> m_sourceBlocks; // in document order, which is source order
    bool m_sourceBlocksStale = true;
    // A scrollToSourceLine() that waits for the pending render.
    int m_syncLine = 1;
    qreal m_syncProgress = 0;
    bool m_syncPending = false;
    int m_pendingScroll = -1; // a scroll position waiting for the layout to reach it
    QString m_baseDirectory;
    qsizetype m_asyncThreshold = 16 * 1024;
    int m_maxTextWidth = 760;
};

} // namespace frontis
