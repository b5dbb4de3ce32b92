#include "answercodec.h"

namespace frontis {

QString decodeAnswer(const QString& stored)
{
    QString out = stored;
    // Left to right and non-overlapping: in backslash, backslash, 'n' the second backslash pairs
    // with the 'n', which is what encoding a backslash before a line break produces.
    out.replace(QStringLiteral("\\n"), QStringLiteral("\n"));
    return out;
}

QString encodeAnswer(const QString& markdown)
{
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
