#pragma once

// What document.cpp and structuraledit.cpp, the two halves of Document, share.
#include "model/file/articlefile.h"
#include "model/yaml/keypath.h"
#include "model/yaml/yamlformat.h"

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
