#pragma once

#include "model/file/error.h"
#include "model/file/regularfile.h"

#include <QByteArray>

#include <vector>

namespace frontis {

// How a file's front matter is written, told by its first line: "---" YAML, "+++" TOML,
// "---json" or a first line that opens a JSON object with '{' (Hugo's form) JSON.
enum class FrontMatterSyntax { Yaml, Toml, Json };

// An article's raw bytes split into BOM, opening fence, front matter, closing fence and body.
// Nothing is normalised: offsets index bytes() and the body is never looked into. A file whose
// first line opens no front matter (see FrontMatterSyntax) has no front matter: it is all body,
// after an empty front matter (every offset then at the body's start, after a BOM).
class ArticleFile
{
public:
    // Front matter larger than this is refused (a guard against runaway input).
    static constexpr qsizetype MaxFrontMatterBytes = 16 * 1024 * 1024;
    // A larger file is refused before it is read whole.
    static constexpr qint64 MaxFileBytes = 64 * 1024 * 1024;

    static Result<ArticleFile> fromBytes(QByteArray bytes);
    // Reads an article's bytes from disk (readRegularFile: folders, FIFOs and devices are refused
    // without blocking). A file over MaxFileBytes is refused after reading only enough of it to
    // tell whether its front matter alone is over MaxFrontMatterBytes, which is then the error,
    // with its position.
    static Result<FileContents> read(const QString& path);

    const QByteArray& bytes() const { return m_bytes; }
    bool hasBom() const { return m_bom; }
    // False when the file has no fences: its first line is not '---'.
    bool hasFrontMatter() const { return m_frontMatter; }
    // Yaml for a file without front matter (a first field added brings '---' fences).
    FrontMatterSyntax syntax() const { return m_syntax; }
    // The file's line break: "\r\n" when its opening fence ends so (without front matter: its
    // first line), else "\n".
    QByteArray newline() const
    {
        return m_crlf ? QByteArrayLiteral("\r\n") : QByteArrayLiteral("\n");
    }
    // [frontMatterBegin, frontMatterEnd): the bytes between the fence lines (ends with a line break
    // unless empty). Hugo's JSON form has no fence lines: the range is the object, from its '{'
    // line through the line of its matching '}' (with that line's break).
    qsizetype frontMatterBegin() const { return m_fmBegin; }
    qsizetype frontMatterEnd() const { return m_fmEnd; }
    QByteArray frontMatterText() const { return m_bytes.mid(m_fmBegin, m_fmEnd - m_fmBegin); }
    // Everything after the closing fence's line break.
    qsizetype bodyBegin() const { return m_bodyBegin; }
    QByteArray bodyBytes() const { return m_bytes.mid(m_bodyBegin); }

    // Replaces [begin, end), which lies within one line of the front matter, by `text`, which
    // holds no line break: the edit of a value that stays on its line, without splitting the
    // file again (offsets after it move). False, and nothing changed, when [begin, end) or `text`
    // holds a line break, `text` is not valid UTF-8 or the front matter would grow too large.
    bool replaceWithinLine(qsizetype begin, qsizetype end, const QByteArray& text);

    // 1-based line and column (in bytes, BOM not counted) of a byte offset in bytes().
    struct Position
    {
        int line = 1;
        int column = 1;
    };
    Position position(qsizetype offset) const;
    // Offset of the first byte of the line holding `offset`.
    qsizetype lineStart(qsizetype offset) const;

private:
    // fromBytes(); `tooLarge` is set when the error is that the front matter is over the limit.
    static Result<ArticleFile> split(QByteArray bytes, bool* tooLarge);

    QByteArray m_bytes;
    bool m_bom = false;
    bool m_crlf = false;
    bool m_frontMatter = true;
    FrontMatterSyntax m_syntax = FrontMatterSyntax::Yaml;
    qsizetype m_fmBegin = 0;
    qsizetype m_fmEnd = 0;
    qsizetype m_bodyBegin = 0;
    std::vector<qsizetype> m_lineStarts;
};

} // namespace frontis
