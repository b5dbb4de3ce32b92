#pragma once

#include "model/schema/schemafield.h"
#include "model/yaml/frontmatter.h"
#include "model/yaml/keypath.h"
#include "model/yaml/listitem.h"

#include <QList>
#include <QStringList>

namespace frontis {

class Schema;

// One piece of the front-matter form, before any widget exists: a row for one value, a group
// for a nested map (its pieces inside), or a list of objects (one Item per list item, each
// holding that item's pieces). The form compares plans to learn when its widgets no longer fit
// the document (a key or an item came or went) and builds its widgets from one.
struct FormNode
{
    enum class Kind { Row, Group, List, Item };

    Kind kind = Kind::Row;
    // The field the piece shows; for nested pieces its key is the whole dotted path
    // ("resources.0.src"), as diagnostics name it.
    SchemaField field;
    KeyPath path;          // where the value is (or goes)
    QString title;         // groups, lists and items: what the heading says
    QStringList siblings;  // rows: the keys before this one in its map, in schema order
    bool nested = false;   // a field of an object or list item (siblings says where it goes)
    QList<FormNode> nodes; // groups, lists and items: what they hold
};

// Works out the form's pieces for the document `fm` with the fields `fields` (schema order,
// the article's other keys after them), all of one form section.
QList<FormNode> planForm(const FrontMatter& fm, const QList<SchemaField>& fields);

// One line per piece (kind, path and the shape of the value): equal lines, same widgets.
QStringList planSignature(const QList<FormNode>& plan, const FrontMatter& fm);

// A list whose items are all mappings the form can edit (the list of objects editor), or a
// list of single values (the tag editor); anything else is shown read-only.
bool isObjectList(const FmNode& node);
bool isValueList(const FmNode& node);

// What a new item of the list of objects `list` (now `node`) holds: the schema's item fields
// (their defaults, else empty), else the single-value keys of the list's last item, empty, for
// the writer to fill in.
ListItem newListItem(const SchemaField& list, const FmNode* node);

} // namespace frontis
