#include "model/text/spelltokens.h"

#include <QString>

#include <algorithm>
#include <array>
#include <iterator>

namespace frontis {

namespace {

// Letters, digits and combining marks make words. Surrogates do not: emoji would otherwise
// reach the dictionary, and letters beyond the BMP are rare in prose.
bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark();
}

// Characters that join word characters into one run: don't, well-known, e.g, snake_case.
bool isJoiner(QChar c)
{
    return c == u'\'' || c == u'\u2019' || c == u'.' || c == u'-' || c == u'_';
}

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isAsciiPunctuation(QChar c)
{
    return c.unicode() < 128 && (c.isPunct() || c.isSymbol());
}

// One part of a hyphenated run: a word to check unless it is not one for a dictionary.
void addPart(QStringView text, qsizetype from, qsizetype to, QList<SpellToken>& out)
{
    int letters = 0;
    for (qsizetype k = from; k < to; ++k) {
        const QChar c = text[k];
        if (c.isNumber())
            return; // mp3, 3D, x86
        if (c.isLetter()) {
            if (k > from && c.isUpper())
                return; // GPU, GPUs, iPhone, JavaScript
            ++letters;
        }
    }
    if (letters >= 2)
        out.append(SpellToken{from, to - from});
}

// The words of [from, to), a piece of text between spaces that is not a URL or path.
void runWords(QStringView text, qsizetype from, qsizetype to, QList<SpellToken>& out)
{
    qsizetype i = from;
    while (i < to) {
        if (!isWordChar(text[i])) {
            ++i;
            continue;
        }
        qsizetype j = i + 1;
        bool dotted = false;
        bool underscored = false;
        while (j < to) {
            const QChar c = text[j];
            if (isWordChar(c)) {
                ++j;
            } else if (isJoiner(c) && j + 1 < to && isWordChar(text[j + 1])) {
                dotted = dotted || c == u'.';
                underscored = underscored || c == u'_';
                ++j;
            } else {
                break;
            }
        }
        // Dotted runs are abbreviations, host and file names (e.g, example.com, main.cpp);
        // inner underscores make identifiers.
        if (!dotted && !underscored) {
            qsizetype part = i;
            for (qsizetype k = i; k <= j; ++k) {
                if (k == j || text[k] == u'-') {
                    addPart(text, part, k, out);
                    part = k + 1;
                }
            }
        }
        i = j;
    }
}

// True for a piece of text between spaces that is an address rather than words.
bool isAddress(QStringView piece)
{
    if (piece.contains(u"://"))
        return true;
    qsizetype lead = 0;
    while (lead < piece.size() && QStringView(u"([{\"'*_<\u201c\u2018").contains(piece[lead]))
        ++lead;
    const QStringView rest = piece.sliced(lead);
    if (rest.startsWith(u"www.", Qt::CaseInsensitive) ||
        rest.startsWith(u"mailto:", Qt::CaseInsensitive))
        return true;
    // Paths: /usr/share, ~/notes, ./run, C:\Users, docs/guide.md.
    if (rest.startsWith(u'/') || rest.startsWith(u"~/") || rest.startsWith(u"./") ||
        rest.startsWith(u"../") || piece.contains(u'\\'))
        return true;
    if (piece.contains(u'/')) {
        for (qsizetype k = 0; k + 1 < piece.size(); ++k) {
            if (piece[k] == u'.' && isWordChar(piece[k + 1]))
                return true;
        }
    }
    // E-mail addresses (and handles): an '@' inside a word.
    for (qsizetype k = 1; k + 1 < piece.size(); ++k) {
        if (piece[k] == u'@' && isWordChar(piece[k - 1]) && isWordChar(piece[k + 1]))
            return true;
    }
    return false;
}

// The words of `text` from `from` on; what is not prose has been blanked out with spaces.
void proseWords(QStringView text, qsizetype from, QList<SpellToken>& out)
{
    const qsizetype n = text.size();
    qsizetype i = from;
    while (i < n) {
        if (text[i].isSpace()) {
            ++i;
            continue;
        }
        qsizetype end = i + 1;
        while (end < n && !text[end].isSpace())
            ++end;
        if (!isAddress(text.sliced(i, end - i)))
            runWords(text, i, end, out);
        i = end;
    }
}

struct Range
{
    qsizetype start;
    qsizetype length;
    char16_t fill = u' '; // what the range is blanked out with
};

constexpr std::array<QStringView, 4> RawHtmlTags = {u"pre", u"script", u"style", u"textarea"};

// The raw-text HTML element opened at `at` (1 + its index), or 0.
quint8 rawHtmlTagAt(QStringView line, qsizetype at)
{
    if (at >= line.size() || line[at] != u'<')
        return 0;
    for (std::size_t t = 0; t < RawHtmlTags.size(); ++t) {
        const QStringView tag = RawHtmlTags[t];
        if (line.sliced(at + 1).startsWith(tag, Qt::CaseInsensitive)) {
            const qsizetype after = at + 1 + tag.size();
            if (after == line.size() || line[after] == u'>' || line[after].isSpace())
                return quint8(t + 1);
        }
    }
    return 0;
}

bool closesRawHtml(QStringView line, quint8 tag)
{
    const QStringView name = RawHtmlTags[std::size_t(tag - 1)];
    for (qsizetype at = line.indexOf(u"</"); at >= 0; at = line.indexOf(u"</", at + 2)) {
        if (line.sliced(at + 2).startsWith(name, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// The length of an HTML entity at `at` (&nbsp; &#160; &#xA0;), or 0.
qsizetype entityLength(QStringView line, qsizetype at)
{
    qsizetype k = at + 1;
    const qsizetype n = line.size();
    if (k < n && line[k] == u'#') {
        ++k;
        const bool hex = k < n && (line[k] == u'x' || line[k] == u'X');
        if (hex)
            ++k;
        const qsizetype digits = k;
        while (k < n && k - digits < 7 &&
               (line[k].isDigit() || (hex && ((line[k] >= u'a' && line[k] <= u'f') ||
                                              (line[k] >= u'A' && line[k] <= u'F')))))
            ++k;
        if (k == digits)
            return 0;
    } else {
        const qsizetype name = k;
        while (k < n && k - name < 32 && (isAsciiLetter(line[k]) || line[k].isDigit()))
            ++k;
        if (k == name || !isAsciiLetter(line[name]))
            return 0;
    }
    return k < n && line[k] == u';' ? k + 1 - at : 0;
}

// Whether an entity stands for a letter or digit (&eacute; &#233;), which makes it part of a
// word, rather than for a space or punctuation (&nbsp; &mdash; &#8217;), which separates words.
bool isLetterEntity(QStringView entity)
{
    const QStringView body = entity.sliced(1, entity.size() - 2);
    if (body.startsWith(u'#')) {
        bool ok = false;
        const bool hex = body.size() > 1 && (body[1] == u'x' || body[1] == u'X');
        const uint code = body.sliced(hex ? 2 : 1).toUInt(&ok, hex ? 16 : 10);
        return ok && code <= 0x10ffff && QChar::isLetterOrNumber(char32_t(code));
    }
    static constexpr QStringView separators[] = {
        u"nbsp",   u"ensp",  u"emsp",  u"thinsp", u"mdash",  u"ndash", u"amp",
        u"lt",     u"gt",    u"quot",  u"apos",   u"hellip", u"copy",  u"reg",
        u"trade",  u"laquo", u"raquo", u"lsquo",  u"rsquo",  u"ldquo", u"rdquo",
        u"middot", u"bull",  u"deg",   u"times",  u"divide", u"rarr",  u"larr",
        u"harr",   u"para",  u"sect",  u"dagger", u"Dagger", u"iexcl", u"iquest",
        u"cent",   u"pound", u"euro",  u"yen",    u"plusmn", u"minus"};
    return std::find(std::begin(separators), std::end(separators), body) == std::end(separators);
}

// Marks what is not prose in [from, end of line): code spans, HTML, entities, link
// destinations, reference labels, escapes. An HTML comment left open sets state.htmlComment.
void inlineSkips(QStringView line, qsizetype from, MarkdownLineState& state, QList<Range>& skips)
{
    const qsizetype n = line.size();
    qsizetype i = from;
    while (i < n) {
        const QChar c = line[i];
        const QChar next = i + 1 < n ? line[i + 1] : QChar();
        if (c == u'\\' && i + 1 < n && isAsciiPunctuation(next)) {
            skips.append({i, 2});
            i += 2;
        } else if (c == u'`') {
            qsizetype run = 1;
            while (i + run < n && line[i + run] == u'`')
                ++run;
            qsizetype end = -1;
            for (qsizetype k = line.indexOf(u'`', i + run); k >= 0;) {
                qsizetype r = 1;
                while (k + r < n && line[k + r] == u'`')
                    ++r;
                if (r == run) {
                    end = k + r;
                    break;
                }
                k = line.indexOf(u'`', k + r);
            }
            const qsizetype to = end < 0 ? i + run : end;
            skips.append({i, to - i});
            i = to;
        } else if (c == u'<') {
            if (line.sliced(i).startsWith(u"<!--")) {
                const qsizetype close = line.indexOf(u"-->", i + 4);
                if (close < 0) {
                    skips.append({i, n - i});
                    state.htmlComment = true;
                    return;
                }
                skips.append({i, close + 3 - i});
                i = close + 3;
                continue;
            }
            // Tags (<span class="x">, </div>), autolinks (<https://...>, <a@b.org>) and
            // declarations (<!DOCTYPE ...>, <?php ...?>). "a < b" is none of them.
            qsizetype k = i + 1;
            if (k < n && (line[k] == u'/' || line[k] == u'!' || line[k] == u'?'))
                ++k;
            if (k < n && isAsciiLetter(line[k])) {
                const qsizetype close = line.indexOf(u'>', k);
                const qsizetype to = close < 0 ? n : close + 1;
                skips.append({i, to - i});
                i = to;
            } else {
                ++i;
            }
        } else if (c == u'&') {
            // A letter entity joins its word, and a digit in its place keeps that word unchecked
            // ("c&oacute;digo" is neither "c" nor "digo").
            const qsizetype length = entityLength(line, i);
            if (length > 0)
                skips.append({i, length, isLetterEntity(line.sliced(i, length)) ? u'0' : u' '});
            i += qMax<qsizetype>(length, 1);
        } else if (c == u'{' && (next == u'#' || next == u'.' || next == u':')) {
            // Attribute lists of kramdown, Pandoc and Hugo: ## Title {#anchor .class}.
            const qsizetype close = line.indexOf(u'}', i);
            const qsizetype to = close < 0 ? i + 1 : close + 1;
            if (close >= 0)
                skips.append({i, to - i});
            i = to;
        } else if (c == u'{' && (next == u'{' || next == u'%')) {
            // Template tags of static site generators: {{ site.url }}, {% raw %}, {{< ref >}}.
            const qsizetype close = line.indexOf(next == u'{' ? u"}}" : u"%}", i + 2);
            if (close >= 0) {
                skips.append({i, close + 2 - i});
                i = close + 2;
            } else {
                ++i;
            }
        } else if (c == u'[' && next == u'^') {
            const qsizetype close = line.indexOf(u']', i);
            const qsizetype to = close < 0 ? i + 2 : close + 1;
            skips.append({i, to - i});
            i = to;
        } else if (c == u']' && next == u'(') {
            // The destination and title of [text](url "title"): parentheses may nest.
            qsizetype k = i + 2;
            int depth = 1;
            while (k < n) {
                if (line[k] == u'\\') {
                    k += 2;
                    continue;
                }
                if (line[k] == u'(')
                    ++depth;
                else if (line[k] == u')' && --depth == 0)
                    break;
                ++k;
            }
            const qsizetype to = qMin(k + 1, n);
            skips.append({i + 1, to - i - 1});
            i = to;
        } else if (c == u']' && next == u'[') {
            const qsizetype close = line.indexOf(u']', i + 2);
            const qsizetype to = close < 0 ? i + 2 : close + 1;
            skips.append({i + 1, to - i - 1});
            i = to;
        } else {
            ++i;
        }
    }
}

// Does the line close the fenced code block `state` is in?
bool closesFence(QStringView line, const MarkdownLineState& state)
{
    const QStringView t = line.trimmed();
    qsizetype run = 0;
    while (run < t.size() && t[run] == QChar(state.fence))
        ++run;
    return run >= state.fenceLength && run == t.size();
}

// Scans one line. Words go to `out` when it is not null.
void scanLine(QStringView line, MarkdownLineState& state, QList<SpellToken>* out)
{
    const qsizetype n = line.size();
    if (state.fence) {
        if (closesFence(line, state)) {
            state.fence = 0;
            state.fenceLength = 0;
        }
        state.paragraph = false;
        return;
    }
    if (state.rawHtml) {
        if (closesRawHtml(line, state.rawHtml))
            state.rawHtml = 0;
        state.paragraph = false;
        return;
    }

    QList<Range> skips;
    qsizetype from = 0;
    if (state.htmlComment) {
        const qsizetype close = line.indexOf(u"-->");
        if (close < 0)
            return;
        state.htmlComment = false;
        from = close + 3;
    } else {
        if (line.trimmed().isEmpty()) {
            state.paragraph = false; // a blank line keeps indented code going
            return;
        }
        // Block quote markers, then the indentation of what they quote (tabs to multiples of 4).
        qsizetype p = 0;
        for (;;) {
            qsizetype q = p;
            while (q < n && q - p < 4 && line[q] == u' ')
                ++q;
            if (q < n && q - p < 4 && line[q] == u'>') {
                p = q + 1;
                if (p < n && line[p] == u' ')
                    ++p;
            } else {
                break;
            }
        }
        int column = 0;
        qsizetype start = p;
        while (start < n && (line[start] == u' ' || line[start] == u'\t')) {
            column = line[start] == u'\t' ? (column / 4 + 1) * 4 : column + 1;
            ++start;
        }
        const int base = qMax<int>(state.listIndent, 0);
        if (column >= base + 4 && !state.paragraph) {
            state.indentedCode = true;
            return;
        }
        state.indentedCode = false;
        const QStringView rest = line.sliced(start);
        if (rest.isEmpty()) {
            state.paragraph = false; // an empty quote line
            return;
        }
        const QChar first = rest.front();

        // Fenced code: ``` or ~~~, at least three; a backtick fence's info has no backticks.
        if (first == u'`' || first == u'~') {
            qsizetype run = 0;
            while (run < rest.size() && rest[run] == first)
                ++run;
            if (run >= 3 && !(first == u'`' && rest.sliced(run).contains(u'`'))) {
                state.fence = first.unicode();
                state.fenceLength = quint16(qMin<qsizetype>(run, 0xffff));
                state.paragraph = false;
                return;
            }
        }
        if (const quint8 tag = rawHtmlTagAt(line, start)) {
            if (!closesRawHtml(line.sliced(start), tag))
                state.rawHtml = tag;
            state.paragraph = false;
            return;
        }
        // Thematic breaks and setext underlines hold no words and end a paragraph.
        if (rest.trimmed().size() >= 2 && [&rest] {
                for (const QChar c : rest) {
                    if (!c.isSpace() && c != u'-' && c != u'=' && c != u'*' && c != u'_')
                        return false;
                }
                return true;
            }()) {
            state.paragraph = false;
            return;
        }

        from = start;
        bool paragraph = true;
        // [label]: destination "title" (a footnote's [^label]: text is prose after the label).
        if (first == u'[' && rest.size() > 2 && rest[1] != u'^') {
            const qsizetype close = rest.indexOf(u']');
            if (close > 1 && close + 1 < rest.size() && rest[close + 1] == u':' &&
                !rest.sliced(1, close - 1).contains(u'[')) {
                qsizetype k = close + 2;
                while (k < rest.size() && rest[k].isSpace())
                    ++k;
                while (k < rest.size() && !rest[k].isSpace())
                    ++k;
                from = start + k;
                paragraph = false;
            }
        }
        // ATX headings: the text after the #s.
        if (first == u'#') {
            qsizetype run = 0;
            while (run < rest.size() && rest[run] == u'#')
                ++run;
            if (run <= 6 && (run == rest.size() || rest[run].isSpace())) {
                from = start + run;
                paragraph = false;
            }
        }
        // List items: -, *, + or 1. / 1) and a space; their content column opens the list.
        qsizetype marker = 0;
        if ((first == u'-' || first == u'*' || first == u'+') &&
            (rest.size() == 1 || rest[1].isSpace())) {
            marker = 1;
        } else if (first.isDigit()) {
            qsizetype d = 0;
            while (d < rest.size() && d < 9 && rest[d].isDigit())
                ++d;
            if (d < rest.size() && (rest[d] == u'.' || rest[d] == u')') &&
                (d + 1 == rest.size() || rest[d + 1].isSpace()))
                marker = d + 1;
        }
        if (marker > 0) {
            qsizetype spaces = 0;
            while (marker + spaces < rest.size() && rest[marker + spaces] == u' ')
                ++spaces;
            if (spaces == 0 || spaces > 4 || marker + spaces == rest.size())
                spaces = 1;
            state.listIndent = qint16(qMin(column + marker + spaces, qsizetype(0x7fff)));
            from = start + marker;
        } else if (state.listIndent >= 0 && column < state.listIndent && !state.paragraph) {
            state.listIndent = -1; // not indented under the item after a blank line: list over
        }
        state.paragraph = paragraph;
    }

    if (!out) {
        // Only an HTML comment left open matters to the next line.
        if (line.sliced(from).contains(u"<!--"))
            inlineSkips(line, from, state, skips);
        return;
    }
    inlineSkips(line, from, state, skips);
    QString masked = line.toString();
    for (qsizetype k = 0; k < from; ++k)
        masked[k] = u' ';
    for (const Range& r : std::as_const(skips)) {
        for (qsizetype k = r.start; k < r.start + r.length && k < n; ++k)
            masked[k] = r.fill;
    }
    proseWords(masked, from, *out);
}

} // namespace

QList<SpellToken> plainTextWords(QStringView text)
{
    QList<SpellToken> out;
    proseWords(text, 0, out);
    return out;
}

QList<SpellToken> markdownLineWords(QStringView line, MarkdownLineState& state)
{
    QList<SpellToken> out;
    scanLine(line, state, &out);
    return out;
}

void advanceMarkdownState(QStringView line, MarkdownLineState& state)
{
    scanLine(line, state, nullptr);
}

QList<SpellToken> markdownWords(QStringView text)
{
    QList<SpellToken> out;
    MarkdownLineState state;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf(u'\n', start);
        if (end < 0)
            end = text.size();
        QStringView line = text.sliced(start, end - start);
        if (line.endsWith(u'\r'))
            line.chop(1);
        for (SpellToken t : markdownLineWords(line, state)) {
            t.start += start;
            out.append(t);
        }
        start = end + 1;
    }
    return out;
}

} // namespace frontis
