#pragma once

#include <QByteArray>
#include <QIODevice>

// Generators for hostile articles, shared by tests/model/tst_hostile.cpp,
// tests/app/tst_hostilecli.cpp and the fuzzers' seed writer (tests/fuzz/fuzz_seeds.cpp), which uses
// them at small sizes.
namespace hostile {

// A merge left unresolved inside the front matter.
inline QByteArray conflictMarkers()
{
    return QByteArrayLiteral("---\n"
                             "_schema: default\n"
                             "<<<<<<< HEAD\n"
                             "title: Ours\n"
                             "=======\n"
                             "title: Theirs\n"
                             ">>>>>>> feature/retitle\n"
                             "score: -1.0\n"
                             "---\n"
                             "&nbsp;");
}

// `count` distinct keys at the top level.
inline QByteArray manyKeys(int count)
{
    QByteArray b = "---\n";
    b.reserve(count * 20);
    for (int i = 0; i < count; ++i)
        b += "key_" + QByteArray::number(i) + ": value " + QByteArray::number(i) + '\n';
    return b + "---\n&nbsp;";
}

// Block mappings nested `depth` deep, each level indented by one more space.
inline QByteArray deepBlockNesting(int depth)
{
    QByteArray b = "---\n";
    for (int i = 0; i < depth; ++i)
        b += QByteArray(i, ' ') + "k:\n";
    return b + QByteArray(depth, ' ') + "leaf: x\n---\n";
}

// Flow sequences nested `depth` deep on one line: `k: [[[...]]]`.
inline QByteArray deepFlowNesting(int depth)
{
    return "---\nk: " + QByteArray(depth, '[') + "x" + QByteArray(depth, ']') + "\n---\n";
}

// "Billion laughs": `levels` lists, each holding `width` aliases of the one before. Expanded, the
// last list would hold width^levels strings.
inline QByteArray aliasBomb(int levels, int width)
{
    QByteArray b = "---\nl0: &l0 [lol";
    for (int i = 1; i < width; ++i)
        b += ", lol";
    b += "]\n";
    for (int level = 1; level < levels; ++level) {
        const QByteArray name = 'l' + QByteArray::number(level);
        const QByteArray prev = "*l" + QByteArray::number(level - 1);
        b += name + ": &" + name + " [" + prev;
        for (int i = 1; i < width; ++i)
            b += ", " + prev;
        b += "]\n";
    }
    return b + "---\n";
}

// The same, with block mappings of aliases (the layout a generator would write).
inline QByteArray aliasBombBlock(int levels, int width)
{
    QByteArray b = "---\nl0: &l0\n  s: lol\n";
    for (int level = 1; level < levels; ++level) {
        b += 'l' + QByteArray::number(level) + ": &l" + QByteArray::number(level) + '\n';
        for (int i = 0; i < width; ++i)
            b += "  k" + QByteArray::number(i) + ": *l" + QByteArray::number(level - 1) + '\n';
    }
    return b + "---\n";
}

// A nested mapping indented with tabs, which YAML forbids.
inline QByteArray tabIndented()
{
    return QByteArrayLiteral("---\ntitle: Tabs\nseo:\n\ttitle: QuickTakes | Tabs\n---\n&nbsp;");
}

// An article saved as UTF-16: little endian with a byte order mark, or big endian without one.
inline QByteArray utf16(bool littleEndian, bool bom)
{
    const QByteArray utf8 = QByteArrayLiteral("---\ntitle: Wide\n---\n&nbsp;");
    QByteArray b;
    if (bom)
        b = littleEndian ? QByteArray("\xFF\xFE", 2) : QByteArray("\xFE\xFF", 2);
    for (const char c : utf8) {
        b += littleEndian ? c : '\0';
        b += littleEndian ? '\0' : c;
    }
    return b;
}

// Line breaks that change from CRLF to LF and back from line to line.
inline QByteArray mixedLineBreaks()
{
    return QByteArrayLiteral("---\r\n"
                             "title: Mixed\r\n"
                             "date: 2024-11-26\n"
                             "seo:\r\n"
                             "  title: QuickTakes | Mixed\n"
                             "  page_description: >-\r\n"
                             "    First line\r\n"
                             "    second line\n"
                             "answer: >-\n"
                             "    One\\n\\nTwo\r\n"
                             "score: -1.0\n"
                             "\r\n"
                             "---\r\n"
                             "&nbsp;");
}

// Writes an article whose one-line answer is `answerBytes` long to `out` in 1 MiB pieces, so that
// a test of a 100 MB file does not hold it in memory. False when a write fails.
inline bool writeHugeAnswer(QIODevice& out, qint64 answerBytes)
{
    if (out.write("---\ntitle: Huge\nanswer: >-\n    ") < 0)
        return false;
    const QByteArray chunk(1024 * 1024, 'a');
    for (qint64 left = answerBytes; left > 0; left -= chunk.size()) {
        const qint64 n = qMin<qint64>(left, chunk.size());
        if (out.write(chunk.constData(), n) != n)
            return false;
    }
    return out.write("\n---\n&nbsp;") > 0;
}

} // namespace hostile
