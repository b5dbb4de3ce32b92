#pragma once

// Makes one synthetic QuickTakes article whose answer is realistic Markdown of a chosen size, for
// benchmarks and tests of long answers: sections with headings, paragraphs with emphasis, links
// and inline code, ordered and bullet lists, fenced code and quotes, in the mix of a long
// technical answer. Given a size and a seed the Markdown is the same every time. The article is
// in the seed's exact format: the answer stored on one folded line with backslash-n escapes.

#include "model/text/answercodec.h"

#include <QRandomGenerator>
#include <QString>
#include <QStringList>

namespace frontis::testing {

namespace articlegen {

inline const QStringList& words()
{
    static const QStringList list = {
        QStringLiteral("model"),       QStringLiteral("training"),    QStringLiteral("data"),
        QStringLiteral("hardware"),    QStringLiteral("memory"),      QStringLiteral("network"),
        QStringLiteral("gradient"),    QStringLiteral("layer"),       QStringLiteral("accuracy"),
        QStringLiteral("research"),    QStringLiteral("efficient"),   QStringLiteral("parallel"),
        QStringLiteral("processing"),  QStringLiteral("performance"), QStringLiteral("compute"),
        QStringLiteral("significant"), QStringLiteral("results"),     QStringLiteral("approach"),
        QStringLiteral("the"),         QStringLiteral("of"),          QStringLiteral("and"),
        QStringLiteral("in"),          QStringLiteral("to"),          QStringLiteral("a"),
        QStringLiteral("with"),        QStringLiteral("for"),         QStringLiteral("that"),
        QStringLiteral("has"),         QStringLiteral("been"),        QStringLiteral("more"),
        QStringLiteral("large"),       QStringLiteral("faster"),      QStringLiteral("energy"),
        QStringLiteral("chips"),       QStringLiteral("clusters"),    QStringLiteral("benchmark")};
    return list;
}

inline QString word(QRandomGenerator& rng)
{
    return words().at(int(rng.bounded(quint32(words().size()))));
}

// A sentence of 8 to 22 words; some words emphasised, linked or set as code.
inline QString sentence(QRandomGenerator& rng)
{
    const int n = 8 + int(rng.bounded(15));
    QStringList out;
    for (int i = 0; i < n; ++i) {
        QString w = word(rng);
        switch (rng.bounded(40)) {
        case 0:
            w = QStringLiteral("**") + w + QStringLiteral("**");
            break;
        case 1:
            w = QLatin1Char('*') + w + QLatin1Char('*');
            break;
        case 2:
            w = QLatin1Char('`') + w + QStringLiteral("()`");
            break;
        case 3:
            w = QStringLiteral("[%1](https://example.org/%1/%2)").arg(w).arg(rng.bounded(1000));
            break;
        default:
            break;
        }
        out << w;
    }
    QString s = out.join(QLatin1Char(' '));
    s[0] = s[0].toUpper();
    return s + (rng.bounded(6) == 0 ? QStringLiteral("?") : QStringLiteral("."));
}

inline QString paragraph(QRandomGenerator& rng)
{
    QStringList s;
    for (int i = 0, n = 2 + int(rng.bounded(5)); i < n; ++i)
        s << sentence(rng);
    return s.join(QLatin1Char(' '));
}

inline QString list(QRandomGenerator& rng)
{
    const bool ordered = rng.bounded(2) == 0;
    QStringList items;
    for (int i = 1, n = 3 + int(rng.bounded(4)); i <= n; ++i) {
        const QString marker =
            ordered ? QString::number(i) + QLatin1Char('.') : QStringLiteral("-");
        items << QStringLiteral("%1 **%2**: %3").arg(marker, word(rng), sentence(rng));
    }
    return items.join(QLatin1Char('\n'));
}

// Code without backslashes: a backslash-n in the Markdown would not survive the storage encoding.
inline QString code(QRandomGenerator& rng)
{
    QStringList lines = {QStringLiteral("```python")};
    lines << QStringLiteral("def %1_%2(batch, steps=%3):")
                 .arg(word(rng), word(rng))
                 .arg(rng.bounded(100));
    for (int i = 0, n = 2 + int(rng.bounded(5)); i < n; ++i)
        lines << QStringLiteral("    %1 = %2(batch[%3]) * %4")
                     .arg(word(rng), word(rng))
                     .arg(i)
                     .arg(rng.bounded(10));
    lines << QStringLiteral("    return batch") << QStringLiteral("```");
    return lines.join(QLatin1Char('\n'));
}

inline QString quote(QRandomGenerator& rng)
{
    return QStringLiteral("> ") + sentence(rng) + QLatin1Char(' ') + sentence(rng);
}

} // namespace articlegen

// About `bytes` bytes of UTF-8 Markdown (never less; at most one block more), with '\n' breaks.
inline QString generateAnswerMarkdown(qsizetype bytes, quint32 seed = 1)
{
    using namespace articlegen;
    QRandomGenerator rng(seed);
    QStringList blocks;
    qsizetype size = 0;
    int section = 0;
    while (size < bytes) {
        QString block;
        const quint32 kind = rng.bounded(12);
        if (blocks.isEmpty() || kind == 0)
            block = paragraph(rng);
        else if (kind == 1)
            block = QStringLiteral("## %1. %2").arg(++section).arg(sentence(rng).chopped(1));
        else if (kind == 2)
            block = QStringLiteral("### ") + sentence(rng).chopped(1);
        else if (kind <= 4)
            block = list(rng);
        else if (kind == 5)
            block = code(rng);
        else if (kind == 6)
            block = quote(rng);
        else
            block = paragraph(rng);
        size += block.toUtf8().size() + 2;
        blocks << block;
    }
    return blocks.join(QStringLiteral("\n\n"));
}

// A whole article in the seed's format whose answer is generateAnswerMarkdown(bytes, seed).
inline QByteArray generateArticle(qsizetype answerBytes, quint32 seed = 1)
{
    const QString answer = encodeAnswer(generateAnswerMarkdown(answerBytes, seed));
    QString text = QStringLiteral(
        "---\n_schema: default\nid: 51098\ndate: 2024-11-26\n"
        "title: >-\n    How have advancements in computing power influenced deep learning?\n"
        "article_title: >-\n    How have advancements in computing power influenced deep "
        "learning?\n"
        "date_format: MMM DD, YYYY\npost_on_text: Posted on\nseo:\n"
        "  title: QuickTakes | Computer Science\n"
        "  page_description: >-\n    This content discusses how advancements in computing power "
        "have influenced the success and evolution of deep learning and AI research.\n"
        "  page_keywords: >-\n    computing power, deep learning, hardware, GPUs, TPUs\n"
        "author: QuickTakes\n"
        "question: >-\n    How have advancements in computing power influenced deep learning?\n");
    text += QStringLiteral("answer: >-\n    ") + answer + QLatin1Char('\n');
    text += QStringLiteral(
        "subject: Computer Science\n"
        "file_name: how-have-advancements-in-computing-power-influenced-deep-learning.md\n"
        "url: /learn/computer-science/questions/"
        "how-have-advancements-in-computing-power-influenced-deep-learning\n"
        "score: -1.0\n\n---\n\n&nbsp;");
    return text.toUtf8();
}

// A body article as Hugo and Jekyll sites write it: a short front matter, then the Markdown of
// generateAnswerMarkdown(bytes, seed) as the body, with real line breaks.
inline QByteArray generateBodyArticle(qsizetype bodyBytes, quint32 seed = 1)
{
    return "---\ntitle: How have advancements in computing power influenced deep learning?\n"
           "date: 2024-11-26T10:00:00Z\ntags: [deep learning, hardware]\ndraft: false\n---\n" +
           generateAnswerMarkdown(bodyBytes, seed).toUtf8() + '\n';
}

} // namespace frontis::testing
