#include "model/file/articlefile.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstring>

namespace frontis {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ArticleFile", text);
}

// End of the line that starts at `from`: the offset of its '\n' (or of the string's end).
qsizetype lineEnd(const QByteArray& b, qsizetype from)
{
    const qsizetype nl = b.indexOf('\n', from);
    return nl < 0 ? b.size() : nl;
}

// A fence line is exactly `marker` ("---", "+++", "---json"), optionally followed by spaces or
// tabs and a line break.
bool isFenceLine(const QByteArray& b, qsizetype from, qsizetype end, QByteArrayView marker)
{
    if (end > from && b[end - 1] == '\r')
        --end;
    if (end - from < marker.size() || QByteArrayView(b.constData() + from, marker.size()) != marker)
        return false;
    for (qsizetype i = from + marker.size(); i < end; ++i) {
        if (b[i] != ' ' && b[i] != '\t')
            return false;
    }
    return true;
}

bool isFence(const QByteArray& b, qsizetype from, qsizetype end)
{
    return isFenceLine(b, from, end, "---");
}

// Hugo's JSON front matter: a first line that opens an object, "{" alone or followed by its
// first key ('"'); "{{<" (a shortcode) and other text are body.
bool opensJsonObject(const QByteArray& b, qsizetype from, qsizetype end)
{
    if (from >= end || b[from] != '{')
        return false;
    qsizetype i = from + 1;
    while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r'))
        ++i;
    return i == end || b[i] == '"' || b[i] == '}';
}

// The offset just past the '}' that closes the object opened at `open`, or -1: strings (with
// their escapes) are skipped, so braces inside them do not count.
qsizetype matchingBrace(const QByteArray& b, qsizetype open)
{
    int depth = 0;
    for (qsizetype i = open; i < b.size(); ++i) {
        const char c = b[i];
        if (c == '"') {
            for (++i; i < b.size() && b[i] != '"'; ++i) {
                if (b[i] == '\\')
                    ++i;
                else if (b[i] == '\n')
                    return -1; // JSON strings hold no line break: the object is broken
            }
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth == 0)
                return c == '}' ? i + 1 : -1;
        }
    }
    return -1;
}

// Offset of the first byte that is not valid UTF-8 in [from, end), or -1.
qsizetype invalidUtf8At(const QByteArray& b, qsizetype from, qsizetype end)
{
    const auto* p = reinterpret_cast<const unsigned char*>(b.constData());
    qsizetype i = from;
    while (i < end) {
        // ASCII eight bytes at a time (most of a front matter, and all of most answers).
        quint64 word = 0;
        while (i + 8 <= end && (std::memcpy(&word, p + i, 8), (word & 0x8080808080808080ULL) == 0))
            i += 8;
        if (i >= end)
            break;
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        unsigned int cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + extra >= end)
            return i;
        for (int k = 1; k <= extra; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF.
        if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += extra + 1;
    }
    return -1;
}

// UTF-16 without a byte order mark: the first line "---" then reads "-\0-\0" or "\0-\0-".
bool looksLikeUtf16(const QByteArray& b)
{
    return b.size() >= 4 && ((b[0] != '\0' && b[1] == '\0' && b[2] != '\0' && b[3] == '\0') ||
                             (b[0] == '\0' && b[1] != '\0' && b[2] == '\0' && b[3] != '\0'));
}

// A line left by an unresolved merge: "<<<<<<< ", "||||||| ", "=======" or ">>>>>>> " at its start.
// YAML would report it as some unrelated syntax error, or read it into a value.
bool isConflictMarker(const QByteArray& b, qsizetype from, qsizetype end)
{
    if (end > from && b[end - 1] == '\r')
        --end;
    const QByteArrayView line(b.constData() + from, end - from);
    if (line == "=======")
        return true;
    for (const char c : {'<', '|', '>'}) {
        if (line.size() >= 7 && line.first(7) == QByteArray(7, c) &&
            (line.size() == 7 || line[7] == ' '))
            return true;
    }
    return false;
}

} // namespace

Result<ArticleFile> ArticleFile::fromBytes(QByteArray bytes)
{
    bool tooLarge = false;
    return split(std::move(bytes), &tooLarge);
}

Result<FileContents> ArticleFile::read(const QString& path)
{
    // The opening fence and a BOM fit in the slack; a front matter over the limit then shows
    // in the head as a line that ends past it.
    Result<FileContents> c = readRegularFile(path, MaxFileBytes, MaxFrontMatterBytes + 64 * 1024);
    if (!c || c->complete())
        return c;
    bool tooLarge = false;
    const Result<ArticleFile> head = split(c->bytes, &tooLarge);
    if (!head && tooLarge)
        return head.error();
    return Error{QCoreApplication::translate("ArticleFile",
                                             "'%1' is %2 MiB, larger than the %3 MiB Frontis reads "
                                             "as an article; it was not read")
                     .arg(path, QString::number(c->size / (1024 * 1024)),
                          QString::number(MaxFileBytes / (1024 * 1024)))};
}

Result<ArticleFile> ArticleFile::split(QByteArray bytes, bool* tooLarge)
{
    *tooLarge = false;
    ArticleFile f;
    f.m_bytes = std::move(bytes);
    const QByteArray& b = f.m_bytes;

    // Line starts first, so that every error below can say where it is.
    f.m_lineStarts.push_back(0);
    for (qsizetype i = b.indexOf('\n'); i >= 0; i = b.indexOf('\n', i + 1))
        f.m_lineStarts.push_back(i + 1);
    auto errorAt = [&f](qsizetype offset, QString message) {
        const Position p = f.position(offset);
        return Error{std::move(message), p.line, p.column};
    };

    if (b.isEmpty())
        return Error{tr("the file is empty; an article starts with a '---' line"), 1, 1};
    qsizetype start = 0;
    if (b.startsWith("\xEF\xBB\xBF")) {
        f.m_bom = true;
        start = 3;
    }
    if (b.startsWith("\xFF\xFE") || b.startsWith("\xFE\xFF") || looksLikeUtf16(b))
        return Error{tr("the file is UTF-16; Frontis reads UTF-8 articles"), 1, 1};
    if (const qsizetype nul = b.indexOf('\0'); nul >= 0)
        return errorAt(nul, tr("the file contains a NUL byte; it is not a text article"));

    const qsizetype firstEnd = lineEnd(b, start);
    if (isConflictMarker(b, start, firstEnd))
        return errorAt(start,
                       tr("an unresolved merge conflict marker; resolve the conflict first"));
    QByteArrayView closing = "---";
    if (isFence(b, start, firstEnd)) {
        f.m_syntax = FrontMatterSyntax::Yaml;
    } else if (isFenceLine(b, start, firstEnd, "+++")) {
        f.m_syntax = FrontMatterSyntax::Toml;
        closing = "+++";
    } else if (isFenceLine(b, start, firstEnd, "---json")) {
        f.m_syntax = FrontMatterSyntax::Json;
    } else if (opensJsonObject(b, start, firstEnd)) {
        f.m_syntax = FrontMatterSyntax::Json;
        closing = {};
    } else {
        if (b.indexOf('\r', start) >= 0 && b.indexOf('\n', start) < 0)
            return Error{tr("the file uses CR-only line endings, which are not supported"), 1, 1};
        // No front matter: the whole file is the body, under an empty front matter.
        f.m_crlf = firstEnd > start && firstEnd < b.size() && b[firstEnd - 1] == '\r';
        f.m_frontMatter = false;
        f.m_fmBegin = f.m_fmEnd = f.m_bodyBegin = start;
        return f;
    }
    const QString noClosing = closing.isEmpty()
                                  ? tr("no closing '}' for the JSON front matter opened here")
                                  : tr("no closing '%1' fence for the front matter opened here")
                                        .arg(QString::fromLatin1(closing.toByteArray()));
    f.m_crlf = firstEnd > start && firstEnd < b.size() && b[firstEnd - 1] == '\r';
    if (closing.isEmpty()) {
        // Hugo's JSON: the object is the front matter; the line of its closing '}' ends it.
        const qsizetype close = matchingBrace(b, start);
        if (close < 0)
            return errorAt(start, noClosing);
        if (close - start > MaxFrontMatterBytes) {
            *tooLarge = true;
            return errorAt(start, tr("the front matter is larger than %1 MiB; Frontis refuses it")
                                      .arg(MaxFrontMatterBytes / (1024 * 1024)));
        }
        const qsizetype end = lineEnd(b, close);
        for (qsizetype i = close; i < end; ++i) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r')
                return errorAt(i, tr("text after the '}' that closes the JSON front matter; "
                                     "the body starts on the next line"));
        }
        f.m_fmBegin = start;
        f.m_fmEnd = f.m_bodyBegin = end < b.size() ? end + 1 : end;
    } else {
        if (firstEnd >= b.size())
            return errorAt(start, noClosing);
        f.m_fmBegin = firstEnd + 1;
        qsizetype line = f.m_fmBegin;
        while (true) {
            if (line >= b.size())
                return errorAt(start, noClosing);
            const qsizetype end = lineEnd(b, line);
            if (isConflictMarker(b, line, end))
                return errorAt(
                    line, tr("an unresolved merge conflict marker; resolve the conflict first"));
            if (isFenceLine(b, line, end, closing)) {
                f.m_fmEnd = line;
                f.m_bodyBegin = end < b.size() ? end + 1 : end;
                break;
            }
            // This line and its line break belong to the front matter: past the limit, the rest
            // (possibly not even read, see read()) is not looked at.
            if (end + 1 - f.m_fmBegin > MaxFrontMatterBytes) {
                *tooLarge = true;
                return errorAt(f.m_fmBegin,
                               tr("the front matter is larger than %1 MiB; Frontis refuses it")
                                   .arg(MaxFrontMatterBytes / (1024 * 1024)));
            }
            line = end + 1;
        }
    }

    if (const qsizetype bad = invalidUtf8At(b, f.m_fmBegin, f.m_fmEnd); bad >= 0)
        return errorAt(bad, tr("the front matter is not valid UTF-8"));
    // A lone CR inside the front matter: yaml-cpp would take it as a line break we cannot map.
    for (qsizetype i = b.indexOf('\r', f.m_fmBegin); i >= 0 && i < f.m_fmEnd;
         i = b.indexOf('\r', i + 1)) {
        if (i + 1 >= b.size() || b[i + 1] != '\n')
            return errorAt(i, tr("a carriage return without a line feed (CR-only line ending)"));
    }
    return f;
}

bool ArticleFile::replaceWithinLine(qsizetype begin, qsizetype end, const QByteArray& text)
{
    if (begin < m_fmBegin || end < begin || end > m_fmEnd)
        return false;
    const QByteArrayView old(m_bytes.constData() + begin, end - begin);
    if (old.contains('\n') || old.contains('\r') || text.contains('\n') || text.contains('\r'))
        return false;
    const qsizetype delta = text.size() - old.size();
    if (m_fmEnd + delta - m_fmBegin > MaxFrontMatterBytes ||
        invalidUtf8At(text, 0, text.size()) >= 0)
        return false;
    m_bytes.replace(begin, end - begin, text);
    m_fmEnd += delta;
    m_bodyBegin += delta;
    // The lines after this one start `delta` bytes later.
    for (auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), begin);
         it != m_lineStarts.end(); ++it)
        *it += delta;
    return true;
}

ArticleFile::Position ArticleFile::position(qsizetype offset) const
{
    offset = std::clamp<qsizetype>(offset, 0, m_bytes.size());
    const auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    const auto line = static_cast<int>(it - m_lineStarts.begin()); // 1-based
    qsizetype column = offset - m_lineStarts[line - 1] + 1;
    if (line == 1 && m_bom)
        column = qMax<qsizetype>(1, column - 3);
    return {line, static_cast<int>(column)};
}

qsizetype ArticleFile::lineStart(qsizetype offset) const
{
    offset = std::clamp<qsizetype>(offset, 0, m_bytes.size());
    const auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    return *(it - 1);
}

} // namespace frontis
