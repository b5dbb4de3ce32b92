#pragma once

#include <QColor>
#include <QList>
#include <QPalette>
#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace frontis {

// A small Markdown highlighter for builds without KSyntaxHighlighting: ATX headings, setext
// underlines, emphasis and strong emphasis, code spans, fenced code blocks (across lines),
// links, images and autolinks, list markers, blockquotes and thematic breaks. Colours come
// from the palette, so it reads in light and dark schemes. MarkdownHighlighter picks it.
class BuiltinHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit BuiltinHighlighter(QObject* parent = nullptr);

    // Derives the formats from `palette` and rehighlights the document, if any.
    void setPalette(const QPalette& palette);

protected:
    void highlightBlock(const QString& text) override;

private:
    // A fence as a block state: its character and length, so that only a matching fence
    // (same character, at least as long) closes it. -1 (no state) and 0 are "not in code".
    static int fenceState(QChar fenceChar, int length);
    static bool isTildeFence(int state) { return state & 1; }
    static int fenceLength(int state) { return state >> 1; }
    static bool inFence(int state) { return state > 1; }

    void highlightInline(const QString& text, int from, const QTextCharFormat& base);
    // Applies `format` on top of what is already set there (emphasis inside strong, code in a
    // quote), run by run.
    void mergeFormat(int start, int length, const QTextCharFormat& format);
    void buildFormats(const QPalette& palette);

    QList<QColor> m_paletteKey; // the colours the formats were built from
    QTextCharFormat m_heading;
    QTextCharFormat m_marker; // #, >, list bullets, fences, link punctuation
    QTextCharFormat m_strong;
    QTextCharFormat m_emphasis;
    QTextCharFormat m_code;
    QTextCharFormat m_link; // link text
    QTextCharFormat m_url;  // link destination
    QTextCharFormat m_quote;
    QRegularExpression m_fenceRe;
    QRegularExpression m_atxHeadingRe;
    QRegularExpression m_setextRe;
    QRegularExpression m_listMarkerRe;
    QRegularExpression m_quoteMarkerRe;
    QRegularExpression m_thematicBreakRe;
    QRegularExpression m_linkRe;
    QRegularExpression m_referenceRe;
    QRegularExpression m_autolinkRe;
    QRegularExpression m_strongRe;
    QRegularExpression m_emphasisRe;
};

} // namespace frontis
