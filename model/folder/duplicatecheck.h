#pragma once

#include "model/file/diagnostic.h"
#include "model/schema/validator.h"

#include <QList>
#include <QString>

namespace frontis {

// The check across articles: values of a schema's unique keys (id, url, file_name...) that more
// than one article holds. Every article involved gets an error that names the others (the first
// few, then how many more), so that the folder's list and `frontis validate` agree.
class DuplicateCheck
{
public:
    // One article: how messages name it, and its unique values (kept by pointer: they must
    // outlive findings()).
    void add(const QString& name, const QList<Validator::KeyValue>* values);

    // For each article in the order added, the errors of the values it shares (usually none).
    QList<QList<Diagnostic>> findings() const;

    // "duplicate-id", "duplicate-file-name".
    static QString rule(QString key);

private:
    QStringList m_names;
    QList<const QList<Validator::KeyValue>*> m_values;
};

} // namespace frontis
