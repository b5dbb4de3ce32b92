#include "model/text/answercodec.h"

namespace frontis {

QString decodeAnswer(const QString& stored)
{
    // Left to right and non-overlapping: in backslash, backslash, 'n' the second backslash pairs
    // with the 'n', which is what encoding a backslash before a line break produces. The text
    // between the pairs is copied in runs (a 1 MB answer is decoded at every commit of typing).
    static constexpr QStringView pair = u"\\n";
    qsizetype at = stored.indexOf(pair);
    if (at < 0)
        return stored;
    QString out;
    out.reserve(stored.size());
    qsizetype done = 0;
    for (; at >= 0; at = stored.indexOf(pair, done)) {
        out.append(QStringView(stored).mid(done, at - done));
        out.append(u'\n');
        done = at + 2;
    }
    out.append(QStringView(stored).mid(done));
    return out;
}

QString encodeAnswer(const QString& markdown)
{
    if (!markdown.contains(u'\r')) { // the usual case, copied in runs between the breaks
        qsizetype at = markdown.indexOf(u'\n');
        if (at < 0)
            return markdown;
        QString out;
        out.reserve(markdown.size() + markdown.count(u'\n'));
        qsizetype done = 0;
        for (; at >= 0; at = markdown.indexOf(u'\n', done)) {
            out.append(QStringView(markdown).mid(done, at - done));
            out.append(u"\\n");
            done = at + 1;
        }
        out.append(QStringView(markdown).mid(done));
        return out;
    }
    QString out;
    out.reserve(markdown.size() + markdown.size() / 16);
    for (qsizetype i = 0; i < markdown.size(); ++i) {
        const QChar c = markdown[i];
        if (c == u'\r') {
            if (i + 1 < markdown.size() && markdown[i + 1] == u'\n')
                ++i;
            out += QStringLiteral("\\n");
        } else if (c == u'\n') {
            out += QStringLiteral("\\n");
        } else {
            out += c;
        }
    }
    return out;
}

bool encodesLosslessly(const QString& markdown)
{
    return !markdown.contains(QStringLiteral("\\n"));
}

} // namespace frontis
