#pragma once

// What document.cpp and structuraledit.cpp, the two halves of Document, share.
#include "model/file/articlefile.h"
#include "model/yaml/keypath.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace frontis {

// The value an edit must produce at its path; everything else must stay as it was.
struct EditTarget
{
    KeyPath path;
    QString text;
    bool mustBeString = true; // false: a typed literal, written plain
};

// Where the lines of a new key go (Document::placeNewKey): at `at`, after `prefix`, the keys of
// path[depth..] each on its own line, the first at `indent`.
struct KeyPlace
{
    qsizetype at = 0;
    int indent = 0;
    qsizetype depth = 0;
    QByteArray prefix;       // a line break, when `at` is not at a line start
    QByteArray newline;      // the line break of the neighbouring lines
    bool parentNull = false; // the parent was `key:` with nothing: the text ends at its line end
};

namespace documentdetail {

inline QString tr(const char* text)
{
    return QCoreApplication::translate("Document", text);
}

inline QString quoted(const KeyPath& path)
{
    return QLatin1Char('\'') + joinKeyPath(path) + QLatin1Char('\'');
}

// The line break used on the line that holds `offset`.
inline QByteArray newlineAt(const QByteArray& bytes, qsizetype offset, const QByteArray& fallback)
{
    const qsizetype nl = bytes.indexOf('\n', offset);
    if (nl < 0)
        return fallback;
    return (nl > 0 && bytes[nl - 1] == '\r') ? QByteArrayLiteral("\r\n") : QByteArrayLiteral("\n");
}

} // namespace documentdetail

} // namespace frontis
