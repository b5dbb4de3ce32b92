#pragma once

// Reads values back the way a YAML 1.1 reader does (PyYAML, through tests/tools/yaml11.py), so
// that tests can check what Frontis writes against a second, independent reader. Queries are
// batched: one Python process answers all of them.
#include "model/yaml/keypath.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

#include <utility>

namespace testutil {

struct Yaml11Value
{
    QString type; // Python's type name: "str", "int", "float", "bool", "date", ...; "" on error
    QString value;
    QString error;
};

// The Python that has PyYAML: Debian's own (scripts/install-deps installs python3-yaml), not
// one a version manager put first on PATH.
inline QString python3()
{
    if (QFile::exists(QStringLiteral("/usr/bin/python3")))
        return QStringLiteral("/usr/bin/python3");
    return QStandardPaths::findExecutable(QStringLiteral("python3"));
}

// The value at each query's path in each query's YAML text, as PyYAML's safe loader reads it.
// An empty list when the reader could not run (`why` says why).
inline QList<Yaml11Value>
readWithYaml11(const QList<std::pair<QByteArray, frontis::KeyPath>>& queries, QString* why)
{
    QJsonArray input;
    for (const auto& [text, path] : queries)
        input.append(QJsonArray{QString::fromUtf8(text), QJsonArray::fromStringList(path)});
    QProcess p;
    p.start(python3(), {QStringLiteral(FRONTIS_SOURCE_DIR "/tests/tools/yaml11.py")});
    if (!p.waitForStarted()) {
        *why = QStringLiteral("python3 did not start: ") + p.errorString();
        return {};
    }
    p.write(QJsonDocument(input).toJson(QJsonDocument::Compact));
    p.closeWriteChannel();
    p.waitForFinished(-1);
    const QByteArray out = p.readAllStandardOutput();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *why = QStringLiteral("tests/tools/yaml11.py failed (is python3-yaml installed?): ") +
               QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    const QJsonArray results = QJsonDocument::fromJson(out).array();
    QList<Yaml11Value> values;
    for (const QJsonValue& r : results) {
        const QJsonObject o = r.toObject();
        values.append({o.value(QStringLiteral("t")).toString(),
                       o.value(QStringLiteral("v")).toString(),
                       o.value(QStringLiteral("error")).toString()});
    }
    if (values.size() != queries.size()) {
        *why = QStringLiteral("tests/tools/yaml11.py answered %1 of %2 queries")
                   .arg(values.size())
                   .arg(queries.size());
        return {};
    }
    return values;
}

} // namespace testutil
