#include "model/schema/fieldvalues.h"

namespace frontis {

namespace {

class Collector
{
public:
    Collector(const FrontMatter& fm, FieldType type) : m_fm(fm), m_type(type) {}
    QList<FieldValue> out;

    // Follows the field the way the validator does: `key` is the whole path of the value.
    void walk(const SchemaField& f, const QString& key)
    {
        const FmNode* node = m_fm.find(m_fm.resolve(key));
        if (!node)
            return;
        if (f.type == m_type && node->isScalar()) {
            add(f, key, *node);
        } else if (f.type == FieldType::Object && node->isMap()) {
            for (const SchemaField& child : f.fields)
                walk(child, key + QLatin1Char('.') + child.key);
        } else if (f.type == FieldType::List && node->isSequence()) {
            for (size_t i = 0; i < node->items.size(); ++i) {
                const QString at = key + QLatin1Char('.') + QString::number(i);
                const FmNode& item = node->items[i];
                if (!f.fields.empty() && item.isMap()) {
                    for (const SchemaField& child : f.fields)
                        walk(child, at + QLatin1Char('.') + child.key);
                } else if (f.itemType == m_type && item.isScalar()) {
                    SchemaField itemField = f;
                    itemField.type = m_type;
                    add(itemField, at, item);
                }
            }
        }
    }

private:
    const FrontMatter& m_fm;
    FieldType m_type;

    void add(const SchemaField& f, const QString& key, const FmNode& node)
    {
        const QString value = node.text.trimmed();
        if (value.isEmpty())
            return;
        out << FieldValue{key,       value,       f.referenceTo,
                          node.line, node.column, f.severityOf(QStringLiteral("reference"))};
    }
};

void collectKeys(const std::vector<SchemaField>& fields, QStringList& out)
{
    for (const SchemaField& f : fields) {
        if (f.type == FieldType::Reference && !f.referenceTo.isEmpty() &&
            !out.contains(f.referenceTo))
            out << f.referenceTo;
        collectKeys(f.fields, out);
    }
}

} // namespace

QList<FieldValue> fieldValuesOfType(const Schema& schema, const FrontMatter& fm, FieldType type)
{
    Collector c(fm, type);
    for (const SchemaField& f : schema.fields())
        c.walk(f, f.key);
    return c.out;
}

QStringList referenceKeys(const Schema& schema)
{
    QStringList out;
    for (const SchemaField& f : schema.fields()) {
        if (f.type == FieldType::Reference && !f.referenceTo.isEmpty() &&
            !out.contains(f.referenceTo))
            out << f.referenceTo;
        collectKeys(f.fields, out);
    }
    return out;
}

QList<FieldValue> valuesAt(const FrontMatter& fm, const QStringList& keys)
{
    QList<FieldValue> out;
    for (const QString& key : keys) {
        const FmNode* n = fm.find(fm.resolve(key));
        if (!n || !n->isScalar() || n->text.trimmed().isEmpty())
            continue;
        out << FieldValue{key, n->text.trimmed(), QString(), n->line, n->column};
    }
    return out;
}

} // namespace frontis
