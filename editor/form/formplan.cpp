#include "editor/form/formplan.h"

#include "model/schema/schema.h"

#include <algorithm>

namespace frontis {

namespace {

QString labelOf(const QString& key)
{
    QString label = key;
    label.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!label.isEmpty())
        label[0] = label[0].toUpper();
    return label;
}

QString titleOf(const SchemaField& f, const KeyPath& path)
{
    return !f.label.isEmpty() ? f.label : labelOf(path.isEmpty() ? f.key : path.last());
}

// What a list item is called in its heading: its number, and its first short value so that
// items can be told apart while collapsed or reordered.
QString itemTitle(int index, const FmNode& item)
{
    QString title = QString::number(index + 1);
    for (const FmEntry& e : item.entries) {
        if (e.value.isScalar() && !e.value.text.isEmpty() &&
            !e.value.text.contains(QLatin1Char('\n'))) {
            QString text = e.value.text;
            if (text.size() > 48)
                text = text.left(47) + QChar(0x2026);
            return title + QStringLiteral(". ") + text;
        }
    }
    return title + QLatin1Char('.');
}

bool isEmptyValue(const FmNode* node)
{
    return !node || node->isNull();
}

FormNode makeNode(const FrontMatter& fm, const SchemaField& field, const KeyPath& path,
                  const QStringList& siblings);

// The pieces of one mapping: the declared fields in their order, then the map's other keys.
QList<FormNode> mapNodes(const FrontMatter& fm, const std::vector<SchemaField>& declared,
                         const FmNode* map, const KeyPath& base, const QString& baseKey,
                         const QString& group)
{
    QList<FormNode> out;
    QStringList named;
    QStringList before;
    for (const SchemaField& d : declared) {
        SchemaField f = d;
        f.key = baseKey + QLatin1Char('.') + d.key;
        f.group = group;
        const KeyPath path = base + d.key.split(QLatin1Char('.'));
        named << d.key.section(QLatin1Char('.'), 0, 0);
        out << makeNode(fm, f, path, before);
        out.last().nested = true;
        before << d.key;
    }
    if (map && map->isMap()) {
        for (const FmEntry& e : map->entries) {
            if (named.contains(e.key))
                continue;
            SchemaField f = Schema::inferField(baseKey + QLatin1Char('.') + e.key, e.value);
            f.label = labelOf(e.key);
            f.group = group;
            out << makeNode(fm, f, base + KeyPath{e.key}, {});
            out.last().nested = true;
        }
    }
    return out;
}

FormNode makeNode(const FrontMatter& fm, const SchemaField& field, const KeyPath& path,
                  const QStringList& siblings)
{
    FormNode n;
    n.field = field;
    n.path = path;
    n.title = titleOf(field, path);
    n.siblings = siblings;
    const FmNode* node = fm.find(path);
    if (node && !node->editable)
        return n; // a row, read-only
    const bool objectField =
        field.type == FieldType::Object && (isEmptyValue(node) || node->isMap());
    const bool inferredMap = field.inferred && node && node->isMap() && !node->entries.empty();
    if (objectField || inferredMap) {
        n.kind = FormNode::Kind::Group;
        n.nodes = mapNodes(fm, field.fields, node, path, field.key, field.group);
        return n;
    }
    const bool listField = field.type == FieldType::List && !field.fields.empty() &&
                           (isEmptyValue(node) || (node->isSequence() && node->items.empty()));
    if (listField || (node && isObjectList(*node))) {
        n.kind = FormNode::Kind::List;
        if (node && node->isSequence()) {
            for (int i = 0; i < int(node->items.size()); ++i) {
                const FmNode& item = node->items[std::size_t(i)];
                FormNode it;
                it.kind = FormNode::Kind::Item;
                it.field = field;
                it.path = path + KeyPath{QString::number(i)};
                it.title = itemTitle(i, item);
                it.nodes = mapNodes(fm, field.fields, &item, it.path,
                                    field.key + QLatin1Char('.') + QString::number(i), field.group);
                n.nodes << it;
            }
        }
    }
    return n;
}

// The group for `prefix` among `nodes` (made where missing): the home of an unnamed key below
// a map that fieldsFor() gave with its whole dotted path.
QList<FormNode>& groupFor(const FrontMatter& fm, QList<FormNode>& nodes, const KeyPath& prefix,
                          qsizetype depth, const QString& group)
{
    if (depth >= prefix.size())
        return nodes;
    const KeyPath path = prefix.mid(0, depth + 1);
    auto it = std::find_if(nodes.begin(), nodes.end(), [&path](const FormNode& n) {
        return n.kind == FormNode::Kind::Group && n.path == path;
    });
    if (it == nodes.end()) {
        FormNode g;
        g.kind = FormNode::Kind::Group;
        g.path = path;
        g.title = labelOf(path.last());
        g.field.key = joinKeyPath(path);
        g.field.label = g.title;
        g.field.group = group;
        g.field.inferred = true;
        g.field.type = FieldType::Object;
        nodes << g;
        it = nodes.end() - 1;
    }
    return groupFor(fm, it->nodes, prefix, depth + 1, group);
}

QString shapeOf(const FmNode* node)
{
    if (!node || node->isNull())
        return QStringLiteral("v");
    if (!node->editable)
        return QStringLiteral("x");
    if (node->isMap())
        return QStringLiteral("m");
    if (node->isSequence()) {
        if (isValueList(*node))
            return QStringLiteral("l");
        return isObjectList(*node) ? QStringLiteral("o") : QStringLiteral("s");
    }
    return QStringLiteral("v");
}

void sign(const QList<FormNode>& nodes, const FrontMatter& fm, QStringList& out)
{
    for (const FormNode& n : nodes) {
        out << QString::number(int(n.kind)) + QLatin1Char('\x1f') + n.path.join(QChar(0x1e)) +
                   QLatin1Char('\x1f') + shapeOf(fm.find(n.path));
        sign(n.nodes, fm, out);
    }
}

} // namespace

bool isObjectList(const FmNode& node)
{
    return node.isSequence() && node.editable && !node.items.empty() &&
           std::all_of(node.items.begin(), node.items.end(),
                       [](const FmNode& n) { return n.isMap() && n.editable; });
}

bool isValueList(const FmNode& node)
{
    return node.isSequence() && node.editable &&
           std::all_of(node.items.begin(), node.items.end(),
                       [](const FmNode& n) { return (n.isScalar() || n.isNull()) && n.editable; });
}

ListItem newListItem(const SchemaField& list, const FmNode* node)
{
    QList<std::pair<QString, QString>> fields;
    for (const SchemaField& f : list.fields) {
        if (f.type != FieldType::Object && f.type != FieldType::List && !f.key.contains(u'.'))
            fields.append({f.key, f.defaultValue.value_or(QString())});
    }
    if (fields.isEmpty() && node && node->isSequence() && !node->items.empty()) {
        const FmNode& last = node->items.back();
        for (const FmEntry& e : last.entries) {
            if (e.value.isScalar() || e.value.isNull())
                fields.append({e.key, QString()});
        }
        if (fields.isEmpty() && !last.entries.empty())
            fields.append({last.entries.front().key, QString()});
    }
    return ListItem::map(fields);
}

QList<FormNode> planForm(const FrontMatter& fm, const QList<SchemaField>& fields)
{
    QList<FormNode> out;
    for (const SchemaField& f : fields) {
        const KeyPath path = fm.resolve(f.key);
        if (f.inferred && path.size() > 1) {
            // An unnamed key below a map: shown in the map's group, nested as the file nests it.
            QList<FormNode>& home = groupFor(fm, out, path.mid(0, path.size() - 1), 0, f.group);
            SchemaField leaf = f;
            leaf.label = labelOf(path.last());
            home << makeNode(fm, leaf, path, {});
        } else {
            out << makeNode(fm, f, path, {});
        }
    }
    return out;
}

QStringList planSignature(const QList<FormNode>& plan, const FrontMatter& fm)
{
    QStringList out;
    sign(plan, fm, out);
    return out;
}

} // namespace frontis
