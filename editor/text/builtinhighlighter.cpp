#include "editor/text/builtinhighlighter.h"

#include <QList>
#include <QTextDocument>

namespace frontis {

namespace {

QColor mix(const QColor& a, const QColor& b, qreal amountOfB)
{
    const qreal k = 1.0 - amountOfB;
    return QColor::fromRgbF(float(a.redF() * k + b.redF() * amountOfB),
                            float(a.greenF() * k + b.greenF() * amountOfB),
                            float(a.blueF() * k + b.blueF() * amountOfB));
}

QRegularExpression re(const char* pattern)
{
    return QRegularExpression(QString::fromLatin1(pattern),
                              QRegularExpression::UseUnicodePropertiesOption);
}

} // namespace

BuiltinHighlighter::BuiltinHighlighter(QObject* parent)
    : QSyntaxHighlighter(parent),
      // Fences may be indented (inside list items), which CommonMark allows only up to the
      // item's content indent: close enough for colouring.
      m_fenceRe(re(R"(^\s*(`{3,}|~{3,})(.*)$)")),
      m_atxHeadingRe(re(R"(^ {0,3}(#{1,6})(?=[ \t]|$))")), m_setextRe(re(R"(^ {0,3}=+[ \t]*$)")),
      m_listMarkerRe(re(R"(^[ \t]*([-*+]|\d{1,9}[.)])(?=[ \t]|$))")),
      m_quoteMarkerRe(re(R"(^ {0,3}>)")),
      m_thematicBreakRe(re(R"(^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$)")),
      m_linkRe(re(R"((!?\[)([^\]]*)(\]\()([^)\s]*)((?:\s+"[^"]*")?\)))")),
      m_referenceRe(re(R"(^ {0,3}(\[[^\]]+\]:)[ \t]*(\S+).*$)")),
      m_autolinkRe(re(R"(<[A-Za-z][A-Za-z0-9.+-]{1,31}:[^<>\s]*>|\bhttps?://[^\s<>()]+)")),
      m_strongRe(re(R"((\*\*)(?=\S)(.+?)(?<=\S)\*\*|(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w))")),
      m_emphasisRe(re(
          R"((?<![*\\])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?!\*)|(?<![\w_\\])_(?=[^\s_])(.+?)(?<=[^\s_\\])_(?![\w_]))"))
{
    buildFormats(QPalette());
}

void BuiltinHighlighter::setPalette(const QPalette& palette)
{
    const QList<QColor> key = {palette.color(QPalette::Text), palette.color(QPalette::Base),
                               palette.color(QPalette::Link)};
    if (key == m_paletteKey)
        return; // palette events come in pairs: no second rehighlight for the same colours
    m_paletteKey = key;
    buildFormats(palette);
    if (document())
        rehighlight();
}

void BuiltinHighlighter::buildFormats(const QPalette& palette)
{
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    const bool dark = text.lightness() > base.lightness();
    // Neutral colours are blends of the palette's own; the few accents have a light and a dark
    // variant chosen for contrast against typical bases.
    m_heading = QTextCharFormat();
    m_heading.setFontWeight(QFont::Bold);
    m_heading.setForeground(dark ? QColor(0x7c, 0xb0, 0xf5) : QColor(0x1a, 0x55, 0xa8));
    m_marker = QTextCharFormat();
    m_marker.setForeground(mix(text, base, 0.45));
    m_strong = QTextCharFormat();
    m_strong.setFontWeight(QFont::Bold);
    m_emphasis = QTextCharFormat();
    m_emphasis.setFontItalic(true);
    m_code = QTextCharFormat();
    m_code.setForeground(dark ? QColor(0xe8, 0xa8, 0x70) : QColor(0x9a, 0x40, 0x0c));
    m_code.setBackground(mix(base, text, 0.07));
    m_link = QTextCharFormat();
    m_link.setForeground(palette.color(QPalette::Link));
    m_url = QTextCharFormat();
    m_url.setForeground(mix(text, base, 0.4));
    m_url.setFontUnderline(true);
    m_quote = QTextCharFormat();
    m_quote.setFontItalic(true);
    m_quote.setForeground(mix(text, base, 0.3));
}

int BuiltinHighlighter::fenceState(QChar fenceChar, int length)
{
    return (length << 1) | (fenceChar == u'~' ? 1 : 0);
}

void BuiltinHighlighter::mergeFormat(int start, int length, const QTextCharFormat& format)
{
    int run = start;
    const int end = start + length;
    while (run < end) {
        QTextCharFormat current = this->format(run);
        int next = run + 1;
        while (next < end && this->format(next) == current)
            ++next;
        current.merge(format);
        setFormat(run, next - run, current);
        run = next;
    }
}

void BuiltinHighlighter::highlightBlock(const QString& text)
{
    const int previous = previousBlockState();
    setCurrentBlockState(0);

    if (inFence(previous)) {
        const QRegularExpressionMatch m = m_fenceRe.match(text);
        const QString fence = m.hasMatch() ? m.captured(1) : QString();
        const bool closes = !fence.isEmpty() && m.captured(2).trimmed().isEmpty() &&
                            (fence[0] == u'~') == isTildeFence(previous) &&
                            fence.size() >= fenceLength(previous);
        if (closes) {
            setFormat(0, int(text.size()), m_marker);
        } else {
            setFormat(0, int(text.size()), m_code);
            setCurrentBlockState(previous);
        }
        return;
    }

    if (const QRegularExpressionMatch m = m_fenceRe.match(text); m.hasMatch()) {
        const QString fence = m.captured(1);
        // A backtick fence's info string cannot hold a backtick (that is a code span).
        if (fence[0] == u'~' || !m.captured(2).contains(u'`')) {
            setFormat(0, int(text.size()), m_marker);
            setCurrentBlockState(fenceState(fence[0], int(fence.size())));
            return;
        }
    }

    if (m_thematicBreakRe.match(text).hasMatch() || m_setextRe.match(text).hasMatch()) {
        setFormat(0, int(text.size()), m_marker);
        return;
    }

    if (const QRegularExpressionMatch m = m_atxHeadingRe.match(text); m.hasMatch()) {
        setFormat(0, int(text.size()), m_heading);
        mergeFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), m_marker);
        return;
    }

    if (const QRegularExpressionMatch m = m_referenceRe.match(text); m.hasMatch()) {
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), m_link);
        setFormat(int(m.capturedStart(2)), int(m.capturedLength(2)), m_url);
        return;
    }

    // Block prefixes: any number of '>' then an optional list marker.
    int offset = 0;
    QTextCharFormat base;
    while (true) {
        const QRegularExpressionMatch m =
            m_quoteMarkerRe.match(text, offset, QRegularExpression::NormalMatch,
                                  QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch())
            break;
        if (offset == 0) {
            base = m_quote;
            setFormat(0, int(text.size()), m_quote);
        }
        setFormat(int(m.capturedEnd()) - 1, 1, m_marker);
        offset = int(m.capturedEnd());
        if (offset < text.size() && text[offset] == u' ')
            ++offset;
    }
    if (const QRegularExpressionMatch m =
            m_listMarkerRe.match(text, offset, QRegularExpression::NormalMatch,
                                 QRegularExpression::AnchorAtOffsetMatchOption);
        m.hasMatch()) {
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), m_marker);
        offset = int(m.capturedEnd());
    }
    highlightInline(text, offset, base);
}

void BuiltinHighlighter::highlightInline(const QString& text, int from, const QTextCharFormat& base)
{
    // Code spans first: a run of n backticks up to the next run of exactly n. What they hold is
    // literal, so the other rules look at a copy where code is blanked out.
    QString masked = text;
    QList<std::pair<int, int>> codeSpans;
    for (int i = from; i < text.size();) {
        if (text[i] != u'`' || (i > 0 && text[i - 1] == u'\\')) {
            ++i;
            continue;
        }
        int n = 0;
        while (i + n < text.size() && text[i + n] == u'`')
            ++n;
        int close = -1;
        for (int j = i + n; j < text.size();) {
            if (text[j] != u'`') {
                ++j;
                continue;
            }
            int m = 0;
            while (j + m < text.size() && text[j + m] == u'`')
                ++m;
            if (m == n) {
                close = j;
                break;
            }
            j += m;
        }
        if (close < 0) {
            i += n; // no closing run: the backticks are literal
            continue;
        }
        codeSpans.append({i, close + n - i});
        for (int k = i; k < close + n; ++k)
            masked[k] = u'x'; // a word character: keeps emphasis flanking as it was
        i = close + n;
    }

    const auto apply = [&](int start, int length, const QTextCharFormat& format) {
        QTextCharFormat f = base;
        f.merge(format);
        mergeFormat(start, length, f);
    };

    for (auto it = m_linkRe.globalMatch(masked, from); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        apply(int(m.capturedStart(1)), int(m.capturedLength(1)), m_marker);
        apply(int(m.capturedStart(2)), int(m.capturedLength(2)), m_link);
        apply(int(m.capturedStart(3)), int(m.capturedLength(3)), m_marker);
        apply(int(m.capturedStart(4)), int(m.capturedLength(4)), m_url);
        apply(int(m.capturedStart(5)), int(m.capturedLength(5)), m_marker);
    }
    for (auto it = m_autolinkRe.globalMatch(masked, from); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        apply(int(m.capturedStart()), int(m.capturedLength()), m_url);
    }
    for (auto it = m_strongRe.globalMatch(masked, from); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        apply(int(m.capturedStart()), int(m.capturedLength()), m_strong);
    }
    for (auto it = m_emphasisRe.globalMatch(masked, from); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        apply(int(m.capturedStart()), int(m.capturedLength()), m_emphasis);
    }
    for (const auto& [start, length] : std::as_const(codeSpans)) {
        QTextCharFormat f = base;
        f.merge(m_code);
        setFormat(start, length, f);
    }
}

} // namespace frontis
