#pragma once

// What the tests of the TOML and JSON front-matter formats share: building key paths, loading a
// case, the no-op save over every value, and a parse error's place and words.
#include "model/yaml/document.h"
#include "testutil.h"

#include <QTest>

namespace formattests {

inline frontis::KeyPath k(std::initializer_list<const char*> keys)
{
    frontis::KeyPath out;
    for (const char* key : keys)
        out << QString::fromUtf8(key);
    return out;
}

// A case file of tests/data/FORMAT/.
inline QByteArray data(const char* format, const char* name)
{
    return testutil::readAll(QStringLiteral(FRONTIS_SOURCE_DIR "/tests/data/") +
                             QLatin1String(format) + QLatin1Char('/') + QLatin1String(name));
}

inline frontis::Document load(const QByteArray& bytes)
{
    frontis::Result<frontis::Document> d = frontis::Document::fromBytes(bytes);
    if (!d)
        qFatal("does not parse: %s", qPrintable(d.error().message));
    return std::move(d.value());
}

// Sets every non-null value to the text it holds; the caller compares the bytes with the file's.
// False (with a failure recorded) when an edit is refused.
inline bool setEveryValueToItself(frontis::Document& doc)
{
    using namespace frontis;
    for (const KeyPath& p : doc.frontMatter().leafPaths()) {
        const FmNode* n = doc.find(p);
        if (n->isNull())
            continue;
        const Status s =
            n->isString() ? doc.setString(p, n->text) : doc.setLiteral(p, QString(n->text));
        if (s) {
            QTest::qFail(qPrintable(joinKeyPath(p) + QLatin1String(": ") + s->message), __FILE__,
                         __LINE__);
            return false;
        }
    }
    return true;
}

// `bytes` is refused with an error at line:column whose message contains `message`.
inline void expectParseError(const QByteArray& bytes, int line, int column, const QString& message)
{
    const frontis::Result<frontis::Document> doc = frontis::Document::fromBytes(bytes);
    QVERIFY(!doc);
    QVERIFY2(doc.error().message.contains(message), qPrintable(doc.error().message));
    QCOMPARE(doc.error().line, line);
    QCOMPARE(doc.error().column, column);
}

} // namespace formattests
