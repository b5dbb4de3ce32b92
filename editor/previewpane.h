#pragma once

#include "model/articlehtml.h"

#include <QFutureWatcher>
#include <QList>
#include <QTextBrowser>
#include <QTimer>

namespace frontis {

class FrontMatter;

// The live preview of an article as the site shows it (model/articlehtml.h), styled with the
// light or dark stylesheet to match the palette.
//
// Updates are coalesced the way Kate's Markdown preview does it: a short timer restarted by
// every change and a longer one that is not, so the preview follows typing without a render
// per keystroke. Long answers render off the GUI thread; changes that arrive meanwhile are
// merged into one follow-up render. The scroll position survives updates. Nothing is fetched
// from the network, raw HTML is never shown (cmark's safe mode) and clicked web links open in
// the system browser, never inside the pane.
class PreviewPane : public QTextBrowser
{
    Q_OBJECT

public:
    explicit PreviewPane(QWidget* parent = nullptr);

    // Shows `article` after the coalescing delay.
    void setArticle(const ArticleContent& article);
    void setFrontMatter(const FrontMatter& fm);
    // Replaces only the answer (Markdown with real line breaks, as AnswerEditor::markdown()).
    void setAnswerMarkdown(const QString& markdown);
    // The article most recently asked for (possibly not rendered yet).
    const ArticleContent& article() const { return m_pending; }
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

    // Local files, qrc: and data: resources only. Anything with a network scheme (http, https,
    // ftp, ...) gets an empty value: the preview never goes online.
    QVariant loadResource(int type, const QUrl& name) override;

Q_SIGNALS:
    // The shown HTML was replaced (after each coalesced update).
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

    void scheduleRender();
    void startRender(bool synchronous);
    void showRendered(const QString& html, quint64 generation, const ArticleContent& content,
                      bool dark);
    void renderFinished();
    void collectSourceBlocks();
    void applySourceLine(int line, qreal progress);
    void scrollTo(int y);
    qreal blockTop(int position) const;
    void updateTextMargins();
    void followPalette();
    void openLink(const QUrl& url);

    ArticleContent m_pending;
    ArticleContent m_shown;
    bool m_shownDark = false;
    bool m_hasShown = false;
    bool m_dark = false;

    QTimer m_typingTimer;   // restarted on each change
    QTimer m_maxDelayTimer; // started by the first change, not restarted
    QFutureWatcher<QString> m_watcher;
    ArticleContent m_inFlight;
    bool m_inFlightDark = false;
    quint64 m_inFlightGeneration = 0;
    quint64 m_generation = 0;
    quint64 m_shownGeneration = 0;
    bool m_renderAgain = false;

    QList<SourceBlock> m_sourceBlocks; // in document order, which is source order
    // A scrollToSourceLine() that waits for the pending render.
    int m_syncLine = 1;
    qreal m_syncProgress = 0;
    bool m_syncPending = false;
    int m_pendingScroll = -1; // a scroll position waiting for the layout to reach it
    QString m_baseDirectory;
    qsizetype m_asyncThreshold = 64 * 1024;
    int m_maxTextWidth = 760;
};

} // namespace frontis
