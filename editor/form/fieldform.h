#pragma once

#include "editor/form/fieldedit.h"
#include "model/file/diagnostic.h"
#include "model/file/error.h"
#include "model/schema/schema.h"
#include "model/text/siteimages.h"
#include "model/yaml/document.h"

#include <QHash>
#include <QList>
#include <QScrollArea>
#include <QSet>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QVBoxLayout;

namespace frontis {

class FieldGroup;
class FieldRow;
class ObjectListEditor;
struct FormNode;

// The front-matter form, generated from a Schema: one row per field in schema order, grouped
// (Article, SEO, Publishing, then other groups, then Other), followed by every key of the article
// the schema does not name. Nested maps are collapsible groups of their rows and lists of
// objects a list of item groups (see formplan.h). It shows the document's values and turns what
// the writer changes into FieldEdits, or, for adding, removing, moving and duplicating list
// items, into structural edits of the document; the appliers (the window's undo stack) make
// them. A refused edit puts the stored value back and is reported through editRefused().
class FieldForm : public QScrollArea
{
    Q_OBJECT

public:
    using Applier = std::function<Status(const FieldEdit& edit)>;
    // Makes `edit` (a Document call) as one step named `text` of the field `key`.
    using StructureApplier = std::function<Status(const QString& text, const QString& key,
                                                  const std::function<Status(Document&)>& edit)>;
    // Asks the writer for an image file for `field`, starting in `folder`; empty: cancelled.
    using ImageChooser = std::function<QString(const QString& folder, const SchemaField& field)>;
    // An article a reference can name: the value of its `to` key, and its title.
    struct ReferenceTarget
    {
        QString value;
        QString title;
    };

    explicit FieldForm(QWidget* parent = nullptr);
    ~FieldForm() override;

    // Shows `doc` (which must outlive the form, or be reset first) with `schema`'s fields.
    // Keys in `skip` (the Markdown answer, which has its own editor) are left out.
    void setDocument(Document* doc, std::shared_ptr<const Schema> schema,
                     const QStringList& skip = {});
    Document* document() const { return m_doc; }
    // Edits go through `applier`; without one they are applied to the document directly
    // (applyFieldEdit, with the document as setDocument() got it as the original).
    void setApplier(Applier applier) { m_applier = std::move(applier); }
    // Structural edits go through `applier`; without one they are made on the document directly.
    void setStructureApplier(StructureApplier applier) { m_structureApplier = std::move(applier); }
    // The article's file: image fields show and choose files relative to it.
    void setArticlePath(const QString& path);
    // Replaces the file dialog of image fields (tests choose without a modal dialog).
    void setImageChooser(ImageChooser chooser) { m_chooser = std::move(chooser); }

    // Shows the document's current values, derived values and, when its keys changed, rebuilds
    // the rows. Emits nothing. The row the writer is typing in keeps its text while an edit of
    // that row is being applied.
    void refresh();
    void setDiagnostics(const QList<Diagnostic>& diagnostics);

    // Applies one edit the way a change in the form does (used by the rows and by tests).
    Status apply(const FieldEdit& edit);
    // Makes a structural edit (list items) the way the form's buttons do, then shows the result.
    Status applyStructure(const QString& text, const QString& key,
                          const std::function<Status(Document&)>& edit);

    QStringList keys() const;
    FieldRow* row(const QString& key) const;
    // The input for `key` (nullptr when the form has no such field).
    QWidget* control(const QString& key) const;
    // The group of a nested map or of a list item ("menu.main", "resources.0"), or nullptr.
    FieldGroup* group(const QString& key) const;
    // The editor of a list of objects ("resources"), or nullptr.
    ObjectListEditor* objectList(const QString& key) const;
    // Scrolls to the field and gives its input the keyboard focus.
    bool focusField(const QString& key);
    // Values to offer for `key` besides the schema's own (the subjects used across a content
    // folder): added below a select's values, or completed as the writer types in a text line.
    // Kept when the rows are rebuilt.
    void setSuggestions(const QString& key, const QStringList& values);
    // How the folder's other articles write the image field `pattern` (its key with list
    // indexes as '*': "resources.*.src"): Choose... writes a new path in their majority style.
    // Kept when the rows are rebuilt.
    void setImageExamples(const QString& pattern, const QList<ImageExample>& examples);
    // `dotted` with its list indexes as '*' ("resources.0.src" -> "resources.*.src").
    static QString keyPattern(const QString& dotted);
    // What reference fields with `to: toKey` offer: the values the folder's articles hold there.
    // Kept when the rows are rebuilt.
    void setReferences(const QString& toKey, const QList<ReferenceTarget>& targets);

Q_SIGNALS:
    void editRefused(const QString& key, const Error& error);
    // An edit was applied (after the document changed).
    void edited(const QString& key);

private:
    struct RowPlace
    {
        KeyPath path;
        QStringList siblings; // nested rows: the keys before it in its map
        bool nested = false;
    };
    void rebuild();
    QList<std::pair<QString, QList<FormNode>>> plan() const;
    QStringList signature() const;
    void addNodes(const QList<FormNode>& nodes, QWidget* parent, QVBoxLayout* layout);
    FieldRow* addRow(const FormNode& node, QWidget* parent, QVBoxLayout* layout);
    void addList(const FormNode& node, QWidget* parent, QVBoxLayout* layout);
    // Remembers `group` under `key`, folded as the writer left it.
    void trackFolding(FieldGroup* group, const QString& key);
    void listAction(const FormNode& list, int action, int index);
    void chooseImage(FieldRow* row);
    KeyPath pathOf(const FieldRow* row) const;
    void applyFromRow(FieldRow* row, const KeyPath& path, const QString& value, bool literal,
                      bool keepText);
    InsertHint hintFor(const FieldRow* row, const KeyPath& path) const;
    // `siblings`: for a field inside an object or list item, the keys before it there.
    InsertHint hintFor(const SchemaField& field, const KeyPath& path,
                       const QStringList* siblings) const;
    void assignMnemonics();
    void applySuggestions(FieldRow* row);
    void applyReferences(FieldRow* row);

    Document* m_doc = nullptr;
    std::optional<Document> m_original;
    std::shared_ptr<const Schema> m_schema;
    QStringList m_skip;
    QStringList m_signature;
    QList<FieldRow*> m_rows;
    QList<Diagnostic> m_diagnostics;
    QHash<QString, QStringList> m_suggestions; // key -> values offered besides the schema's
    QHash<QString, QList<ReferenceTarget>> m_references; // `to` key -> what the folder holds
    QHash<QString, QList<ImageExample>> m_imageExamples; // key pattern -> the folder's values
    QHash<const FieldRow*, RowPlace> m_places;
    QHash<QString, FieldGroup*> m_groups;      // dotted path -> group (maps, list items)
    QHash<QString, ObjectListEditor*> m_lists; // dotted path -> list of objects
    QSet<QString> m_collapsed;                 // groups the writer folded, kept across rebuilds
    StructureApplier m_structureApplier;
    ImageChooser m_chooser;
    QString m_articlePath;
    std::function<void()> m_focusAfterRebuild; // after a structural edit: where the writer goes on
    QWidget* m_content = nullptr;
    Applier m_applier;
    FieldRow* m_applying =
        nullptr; // the row whose edit is being applied; refresh() leaves its text
};

} // namespace frontis
