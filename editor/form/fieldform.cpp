#include "editor/form/fieldform.h"

#include "editor/form/fieldgroup.h"
#include "editor/form/fieldrow.h"
#include "editor/form/formplan.h"
#include "editor/form/objectlisteditor.h"
#include "editor/form/tageditor.h"
#include "model/text/siteimages.h"

#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QToolButton>
#include <QVBoxLayout>

namespace frontis {

namespace {

// The groups the form knows, in the order it shows them; other group names follow, then Other.
const QStringList KnownGroups = {QStringLiteral("Article"), QStringLiteral("SEO"),
                                 QStringLiteral("Publishing")};

// Letters taken elsewhere in the window: the menus (File, Edit, View, Help), the problems list
// and the answer editor's caption.
const QString MenuLetters = QStringLiteral("fevhpw");

} // namespace

FieldForm::FieldForm(QWidget* parent) : QScrollArea(parent)
{
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setAccessibleName(tr("Front matter"));
}

FieldForm::~FieldForm()
{
    // Rows report focus leaving them while they are destroyed; let them find no document
    // rather than a half-destroyed form.
    m_doc = nullptr;
    m_rows.clear();
    delete takeWidget();
}

void FieldForm::setDocument(Document* doc, std::shared_ptr<const Schema> schema,
                            const QStringList& skip)
{
    m_doc = doc;
    m_original.reset();
    if (doc)
        m_original = *doc;
    m_schema = schema ? std::move(schema) : std::make_shared<const Schema>(Schema::generic());
    m_skip = skip;
    rebuild();
}

QList<std::pair<QString, QList<FormNode>>> FieldForm::plan() const
{
    QList<std::pair<QString, QList<FormNode>>> out;
    if (!m_doc)
        return out;
    const FrontMatter& fm = m_doc->frontMatter();
    QList<SchemaField> fields;
    for (const SchemaField& f : m_schema->fieldsFor(fm)) {
        if (!m_skip.contains(f.key))
            fields << f;
    }
    QStringList groups = KnownGroups;
    for (const SchemaField& f : std::as_const(fields)) {
        const QString g = f.group.isEmpty() ? SchemaField::defaultGroup() : f.group;
        if (!groups.contains(g) && g != SchemaField::defaultGroup())
            groups << g;
    }
    groups << SchemaField::defaultGroup();
    for (const QString& group : std::as_const(groups)) {
        QList<SchemaField> mine;
        for (const SchemaField& f : std::as_const(fields)) {
            if ((f.group.isEmpty() ? SchemaField::defaultGroup() : f.group) == group)
                mine << f;
        }
        if (!mine.isEmpty())
            out.append({group, planForm(fm, mine)});
    }
    return out;
}

QStringList FieldForm::signature() const
{
    QStringList out;
    if (!m_doc)
        return out;
    for (const auto& [group, nodes] : plan()) {
        out << QLatin1Char('#') + group;
        out << planSignature(nodes, m_doc->frontMatter());
    }
    return out;
}

void FieldForm::rebuild()
{
    QString focusKey;
    for (FieldRow* r : std::as_const(m_rows)) {
        if (r->hasFocusInside())
            focusKey = r->field().key;
    }
    const int scroll = verticalScrollBar()->value();

    m_rows.clear();
    m_places.clear();
    m_groups.clear();
    m_lists.clear();
    m_signature = signature();
    if (QWidget* old = takeWidget())
        old->deleteLater();
    m_content = new QWidget;
    auto* layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(6, 6, 6, 6);
    if (!m_doc) {
        setWidget(m_content);
        return;
    }

    for (const auto& [group, nodes] : plan()) {
        auto* box = new QGroupBox(group, m_content);
        auto* rows = new QVBoxLayout(box);
        rows->setSpacing(8);
        layout->addWidget(box);
        addNodes(nodes, box, rows);
    }
    layout->addStretch(1);
    assignMnemonics();
    setWidget(m_content);
    refresh();
    setDiagnostics(m_diagnostics);
    verticalScrollBar()->setValue(scroll);
    if (!focusKey.isEmpty())
        focusField(focusKey);
}

void FieldForm::addNodes(const QList<FormNode>& nodes, QWidget* parent, QVBoxLayout* layout)
{
    for (const FormNode& node : nodes) {
        switch (node.kind) {
        case FormNode::Kind::Row:
            addRow(node, parent, layout);
            break;
        case FormNode::Kind::Group: {
            const QString key = joinKeyPath(node.path);
            auto* group = new FieldGroup(node.title, parent);
            group->titleButton()->setToolTip(
                tr("'%1': click, or press Space, to fold or unfold").arg(key));
            layout->addWidget(group);
            trackFolding(group, key);
            addNodes(node.nodes, group->content(), group->contentLayout());
            break;
        }
        case FormNode::Kind::List:
            addList(node, parent, layout);
            break;
        case FormNode::Kind::Item:
            break; // inside a list only
        }
    }
}

void FieldForm::trackFolding(FieldGroup* group, const QString& key)
{
    m_groups.insert(key, group);
    if (m_collapsed.contains(key))
        group->setExpanded(false);
    connect(group, &FieldGroup::expandedChanged, this, [this, key](bool on) {
        if (on)
            m_collapsed.remove(key);
        else
            m_collapsed.insert(key);
    });
}

void FieldForm::addList(const FormNode& node, QWidget* parent, QVBoxLayout* layout)
{
    const QString key = joinKeyPath(node.path);
    const int n = int(node.nodes.size());
    auto* group = new FieldGroup(n == 1 ? tr("%1 (1 item)").arg(node.title)
                                        : tr("%1 (%2 items)").arg(node.title).arg(n),
                                 parent);
    layout->addWidget(group);
    trackFolding(group, key);
    auto* list = new ObjectListEditor(node.title, group->content());
    group->contentLayout()->addWidget(list);
    m_lists.insert(key, list);
    for (const FormNode& item : node.nodes) {
        FieldGroup* box = list->addItem(item.title);
        trackFolding(box, joinKeyPath(item.path));
        addNodes(item.nodes, box->content(), box->contentLayout());
    }
    connect(list, &ObjectListEditor::actionRequested, this,
            [this, node](ObjectListEditor::Action action, int index) {
                listAction(node, int(action), index);
            });
}

void FieldForm::listAction(const FormNode& list, int action, int index)
{
    if (!m_doc)
        return;
    using Action = ObjectListEditor::Action;
    const KeyPath path = list.path;
    const QString key = joinKeyPath(path);
    const QString name = list.title;
    KeyPath item = path;
    item << QString::number(index);
    int focusIndex = index;
    Status status;
    switch (Action(action)) {
    case Action::Add: {
        const ListItem added = newListItem(list.field, m_doc->find(path));
        if (added.fields.isEmpty()) {
            status = Error{tr("the list's items have no keys to start a new item with")};
            Q_EMIT editRefused(key, *status);
            return;
        }
        const InsertHint hint = hintFor(list.field, path, list.nested ? &list.siblings : nullptr);
        status =
            applyStructure(tr("Add item to %1").arg(name), key, [path, added, hint](Document& d) {
                return d.appendItem(path, added, hint);
            });
        break;
    }
    case Action::Remove:
        status = applyStructure(tr("Remove item %1 of %2").arg(index + 1).arg(name), key,
                                [item](Document& d) { return d.remove(item); });
        focusIndex = index; // the next item, now at this place (or the Add button)
        break;
    case Action::MoveUp:
    case Action::MoveDown: {
        const int by = Action(action) == Action::MoveUp ? -1 : 1;
        status = applyStructure(tr("Move item %1 of %2").arg(index + 1).arg(name), key,
                                [item, by](Document& d) { return d.moveItem(item, by); });
        focusIndex = index + by;
        break;
    }
    case Action::Duplicate:
        status = applyStructure(tr("Duplicate item %1 of %2").arg(index + 1).arg(name), key,
                                [item](Document& d) { return d.duplicateItem(item); });
        focusIndex = index + 1;
        break;
    }
    if (status)
        return;
    // The widgets were built again: the writer goes on where the action leaves the item.
    if (Action(action) == Action::Add) {
        const int added = [&] {
            const FmNode* n = m_doc->find(path);
            return n && n->isSequence() ? int(n->items.size()) - 1 : 0;
        }();
        if (FieldGroup* g = group(key + QLatin1Char('.') + QString::number(added))) {
            if (auto* r = g->findChild<FieldRow*>())
                r->control()->setFocus(Qt::OtherFocusReason);
            ensureWidgetVisible(g);
        }
    } else if (ObjectListEditor* l = objectList(key)) {
        const Action keep = Action(action) == Action::Remove ? Action::Remove : Action(action);
        l->focusButton(std::min(focusIndex, l->count() - 1), keep);
        if (l->count() == 0)
            l->addButton()->setFocus(Qt::OtherFocusReason);
    }
}

FieldRow* FieldForm::addRow(const FormNode& node, QWidget* parent, QVBoxLayout* layout)
{
    const FrontMatter& fm = m_doc->frontMatter();
    auto* row = new FieldRow(node.field, fm.find(node.path), parent);
    layout->addWidget(row);
    m_rows << row;
    m_places.insert(row, {node.path, node.siblings, node.nested});
    applySuggestions(row);
    applyReferences(row);
    if (row->kind() == FieldRow::Kind::Image) {
        row->setImageResolver([this](const QString& value) {
            return m_articlePath.isEmpty()
                       ? QString()
                       : imageFileOf(QFileInfo(m_articlePath).absolutePath(), value);
        });
        connect(row, &FieldRow::chooseRequested, this, [this, row] { chooseImage(row); });
    }
    connect(row, &FieldRow::edited, this, [this, row](const QString& value, bool literal) {
        if (m_doc)
            applyFromRow(row, pathOf(row), value, literal, true);
    });
    connect(row, &FieldRow::itemEdited, this, [this, row](int index, const QString& value) {
        if (!m_doc)
            return;
        KeyPath item = pathOf(row);
        item << QString::number(index);
        applyFromRow(row, item, value, false, true);
    });
    connect(row, &FieldRow::itemAdded, this, [this, row](const QString& value) {
        if (!m_doc)
            return;
        const KeyPath path = pathOf(row);
        const InsertHint hint = hintFor(row, path);
        const QString name = row->field().label.isEmpty() ? row->field().key : row->field().label;
        applyStructure(tr("Add '%1' to %2").arg(value, name), row->field().key,
                       [path, value, hint](Document& d) {
                           return d.appendItem(path, ListItem::scalar(value), hint);
                       });
        if (FieldRow* again = this->row(joinKeyPath(path)); again && again->tagEditor())
            again->tagEditor()->lineEdit()->setFocus(Qt::OtherFocusReason);
    });
    connect(row, &FieldRow::itemRemoved, this, [this, row](int index) {
        if (!m_doc)
            return;
        KeyPath item = pathOf(row);
        item << QString::number(index);
        const QString name = row->field().label.isEmpty() ? row->field().key : row->field().label;
        applyStructure(tr("Remove item %1 of %2").arg(index + 1).arg(name), row->field().key,
                       [item](Document& d) { return d.remove(item); });
    });
    connect(row, &FieldRow::deriveRequested, this, [this, row](const QString& value) {
        if (m_doc)
            applyFromRow(row, pathOf(row), value, false, false);
    });
    connect(row, &FieldRow::editingFinished, this, [this, row] {
        if (m_doc && m_applying != row)
            row->setValue(m_doc->frontMatter().find(pathOf(row)));
    });
    return row;
}

KeyPath FieldForm::pathOf(const FieldRow* row) const
{
    const auto it = m_places.constFind(row);
    if (it != m_places.cend() && it->nested)
        return it->path;
    return m_doc ? m_doc->frontMatter().resolve(row->field().key) : KeyPath();
}

void FieldForm::setArticlePath(const QString& path)
{
    m_articlePath = path;
    for (FieldRow* r : std::as_const(m_rows)) {
        if (r->kind() == FieldRow::Kind::Image && m_doc)
            r->setValue(m_doc->frontMatter().find(pathOf(r))); // the thumbnail looks again
    }
}

void FieldForm::chooseImage(FieldRow* row)
{
    if (!m_doc)
        return;
    const QString folderOfArticle =
        m_articlePath.isEmpty() ? QString() : QFileInfo(m_articlePath).absolutePath();
    const QString current = row->text().trimmed();
    QString start = m_articlePath.isEmpty() ? QDir::homePath() : imageFolderFor(m_articlePath);
    if (const QString file = imageFileOf(folderOfArticle, current); !file.isEmpty())
        start = QFileInfo(file).absolutePath();
    const QString name = row->field().label.isEmpty() ? row->field().key : row->field().label;
    const QString chosen =
        m_chooser ? m_chooser(start, row->field())
                  : QFileDialog::getOpenFileName(
                        this, tr("Choose an image for %1").arg(name), start,
                        tr("Images (*.png *.jpg *.jpeg *.gif *.webp *.svg *.avif);;All files (*)"));
    if (chosen.isEmpty())
        return;
    // Written the way the article and the site already write such paths: as the value there
    // now, else as the same field elsewhere (other list items, the folder's articles).
    QList<ImageExample> examples;
    if (!current.isEmpty() && !current.contains(QLatin1String("://"))) {
        examples << ImageExample{folderOfArticle, current};
    } else {
        const QString pattern = keyPattern(joinKeyPath(pathOf(row)));
        for (const FieldRow* r : std::as_const(m_rows)) {
            if (r != row && r->kind() == FieldRow::Kind::Image &&
                keyPattern(joinKeyPath(pathOf(r))) == pattern)
                examples << ImageExample{folderOfArticle, r->text().trimmed()};
        }
        examples << m_imageExamples.value(pattern);
    }
    const ImagePathStyle style = imagePathStyleOf(examples);
    const QString value =
        folderOfArticle.isEmpty() ? chosen : imagePathValue(folderOfArticle, chosen, style);
    if (value.isEmpty())
        return;
    applyFromRow(row, pathOf(row), value, false, false);
}

void FieldForm::setImageExamples(const QString& pattern, const QList<ImageExample>& examples)
{
    m_imageExamples.insert(pattern, examples);
}

QString FieldForm::keyPattern(const QString& dotted)
{
    QStringList out;
    for (const QString& segment : dotted.split(QLatin1Char('.'))) {
        bool number = false;
        segment.toInt(&number);
        out << (number ? QStringLiteral("*") : segment);
    }
    return out.join(QLatin1Char('.'));
}

void FieldForm::setSuggestions(const QString& key, const QStringList& values)
{
    m_suggestions.insert(key, values);
    for (FieldRow* r : std::as_const(m_rows)) {
        if (r->field().key == key)
            applySuggestions(r);
    }
}

void FieldForm::setReferences(const QString& toKey, const QList<ReferenceTarget>& targets)
{
    m_references.insert(toKey, targets);
    for (FieldRow* r : std::as_const(m_rows)) {
        if (r->field().referenceTo == toKey)
            applyReferences(r);
    }
}

void FieldForm::applyReferences(FieldRow* row)
{
    if (row->field().type != FieldType::Reference)
        return;
    const auto it = m_references.constFind(row->field().referenceTo);
    if (it == m_references.cend())
        return;
    QList<std::pair<QString, QString>> targets;
    for (const ReferenceTarget& t : *it)
        targets.append({t.value, t.title});
    row->setReferenceTargets(targets);
}

void FieldForm::applySuggestions(FieldRow* row)
{
    const auto it = m_suggestions.constFind(row->field().key);
    if (it == m_suggestions.cend())
        return;
    if (auto* combo = qobject_cast<QComboBox*>(row->control())) {
        const QSignalBlocker block(combo);
        const QString text = combo->currentText();
        // The schema's values stay first; what was suggested before is replaced.
        while (combo->count() > row->field().values.size())
            combo->removeItem(combo->count() - 1);
        QStringList extra;
        for (const QString& v : *it) {
            if (!v.isEmpty() && combo->findText(v, Qt::MatchFixedString) < 0 &&
                !extra.contains(v, Qt::CaseInsensitive))
                extra << v;
        }
        if (!extra.isEmpty()) {
            if (combo->count() > 0)
                combo->insertSeparator(combo->count());
            combo->addItems(extra);
        }
        if (combo->currentText() != text)
            combo->setEditText(text);
    } else if (auto* line = qobject_cast<QLineEdit*>(row->control())) {
        auto* completer = new QCompleter(*it, line);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setFilterMode(Qt::MatchContains);
        if (QCompleter* old = line->completer())
            old->deleteLater();
        line->setCompleter(completer);
    }
}

void FieldForm::assignMnemonics()
{
    QSet<QChar> used;
    for (const QChar c : MenuLetters)
        used.insert(c);
    for (FieldRow* r : std::as_const(m_rows)) {
        const QString label = r->field().label.isEmpty() ? r->field().key : r->field().label;
        for (const QChar c : label) {
            const QChar lower = c.toLower();
            if (lower.isLetter() && lower.unicode() < 128 && !used.contains(lower)) {
                used.insert(lower);
                r->setMnemonic(lower);
                break;
            }
        }
    }
}

void FieldForm::refresh()
{
    if (!m_doc)
        return;
    if (signature() != m_signature) {
        rebuild(); // calls refresh() again with the new rows
        return;
    }
    const FrontMatter& fm = m_doc->frontMatter();
    const Template::Lookup lookup = [&fm](const QString& key) -> std::optional<QString> {
        const FmNode* n = fm.find(fm.resolve(key));
        if (!n || !n->isScalar())
            return std::nullopt;
        return n->text;
    };
    for (FieldRow* r : std::as_const(m_rows)) {
        const SchemaField& f = r->field();
        if (r != m_applying)
            r->setValue(fm.find(pathOf(r)));
        if (!f.derive.isEmpty())
            r->setExpected(f.derive.expand(lookup));
    }
}

void FieldForm::setDiagnostics(const QList<Diagnostic>& diagnostics)
{
    m_diagnostics = diagnostics;
    if (!m_doc)
        return;
    const FrontMatter& fm = m_doc->frontMatter();
    for (FieldRow* r : std::as_const(m_rows)) {
        const QString key = r->field().key;
        const QString resolved = joinKeyPath(fm.resolve(key));
        QList<Diagnostic> mine;
        for (const Diagnostic& d : diagnostics) {
            if (d.key == key || d.key == resolved)
                mine << d;
        }
        r->setDiagnostics(mine);
    }
}

InsertHint FieldForm::hintFor(const SchemaField& field, const KeyPath& path,
                              const QStringList* siblings) const
{
    InsertHint hint;
    hint.style = field.style;
    if (siblings) {
        // A field of an object or list item: its map's fields come from the schema's `fields:`.
        for (const QString& k : *siblings)
            hint.precedingKeys << k.section(QLatin1Char('.'), -1);
        hint.blockIndent = 2;
        return hint;
    }
    const FrontMatter& fm = m_doc->frontMatter();
    const KeyPath parent = path.mid(0, path.size() - 1);
    for (const SchemaField& f : m_schema->fields()) {
        if (f.key == field.key)
            break;
        const KeyPath p = fm.resolve(f.key);
        if (p.size() == path.size() && p.mid(0, p.size() - 1) == parent)
            hint.precedingKeys << p.last();
    }
    // Block content sits at column 4 in the articles Frontis was made for: 4 past a top-level
    // key, 2 past a nested one.
    hint.blockIndent = path.size() <= 1 ? 4 : 2;
    return hint;
}

InsertHint FieldForm::hintFor(const FieldRow* row, const KeyPath& path) const
{
    const auto it = m_places.constFind(row);
    const bool nested = it != m_places.cend() && it->nested;
    return hintFor(row->field(), path, nested ? &it->siblings : nullptr);
}

Status FieldForm::applyStructure(const QString& text, const QString& key,
                                 const std::function<Status(Document&)>& edit)
{
    if (!m_doc)
        return Error{tr("No document is open")};
    const Status status = m_structureApplier ? m_structureApplier(text, key, edit) : edit(*m_doc);
    if (status) {
        Q_EMIT editRefused(key, *status);
        return status;
    }
    refresh();
    Q_EMIT edited(key);
    return std::nullopt;
}

Status FieldForm::apply(const FieldEdit& edit)
{
    if (!m_doc)
        return Error{tr("No document is open")};
    const FmNode* node = m_doc->frontMatter().find(edit.path);
    if (node && node->isScalar() && node->text == edit.value)
        return std::nullopt; // nothing changes: no edit, no history entry
    if (!node && edit.value.isEmpty())
        return std::nullopt; // an empty missing key stays missing
    Status status;
    if (m_applier)
        status = m_applier(edit);
    else
        status = applyFieldEdit(*m_doc, edit, m_original ? &*m_original : nullptr);
    if (!status) {
        refresh();
        Q_EMIT edited(edit.key);
    }
    return status;
}

void FieldForm::applyFromRow(FieldRow* row, const KeyPath& path, const QString& value, bool literal,
                             bool keepText)
{
    if (!m_doc)
        return;
    FieldEdit edit;
    edit.key = row->field().key;
    edit.path = path;
    edit.value = value;
    edit.literal = literal;
    if (literal)
        edit.type = row->field().literalType();
    edit.hint = hintFor(row, path);
    if (keepText)
        m_applying = row;
    const Status status = apply(edit);
    m_applying = nullptr;
    if (status) {
        // Refused: show what the document holds, and say why.
        if (m_rows.contains(row))
            row->setValue(m_doc->frontMatter().find(pathOf(row)));
        Q_EMIT editRefused(edit.key, *status);
    }
}

QStringList FieldForm::keys() const
{
    QStringList out;
    for (const FieldRow* r : m_rows)
        out << r->field().key;
    return out;
}

FieldRow* FieldForm::row(const QString& key) const
{
    for (FieldRow* r : m_rows) {
        if (r->field().key == key)
            return r;
    }
    if (m_doc) {
        // A diagnostic may name the key as the file writes it.
        const FrontMatter& fm = m_doc->frontMatter();
        for (FieldRow* r : m_rows) {
            if (joinKeyPath(pathOf(r)) == key || joinKeyPath(fm.resolve(r->field().key)) == key)
                return r;
        }
    }
    return nullptr;
}

FieldGroup* FieldForm::group(const QString& key) const
{
    return m_groups.value(key);
}

ObjectListEditor* FieldForm::objectList(const QString& key) const
{
    return m_lists.value(key);
}

QWidget* FieldForm::control(const QString& key) const
{
    const FieldRow* r = row(key);
    return r ? r->control() : nullptr;
}

bool FieldForm::focusField(const QString& key)
{
    FieldRow* r = row(key);
    // A finding about a whole map or item (a nested key is missing) shows its group.
    FieldGroup* g = r ? nullptr : group(key);
    QWidget* target = r ? static_cast<QWidget*>(r) : g;
    if (!target)
        return false;
    // Unfold the groups around it, so that it can be seen.
    for (QWidget* w = target->parentWidget(); w && w != m_content; w = w->parentWidget()) {
        if (auto* around = qobject_cast<FieldGroup*>(w))
            around->setExpanded(true);
    }
    if (g) {
        g->setExpanded(true);
        ensureWidgetVisible(g);
        g->titleButton()->setFocus(Qt::OtherFocusReason);
        return true;
    }
    ensureWidgetVisible(r);
    r->control()->setFocus(Qt::OtherFocusReason);
    if (auto* edit = qobject_cast<QLineEdit*>(r->control()))
        edit->end(
            false); // a long value shows its start until focused; the writer goes on at its end
    return true;
}

} // namespace frontis
