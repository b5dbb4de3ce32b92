#pragma once

#include "editor/form/fieldedit.h"
#include "model/file/diagnostic.h"
#include "model/file/error.h"
#include "model/schema/schema.h"
#include "model/yaml/document.h"

#include <QHash>
#include <QList>
#include <QScrollArea>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QVBoxLayout;

namespace frontis {

class FieldRow;

// The front-matter form, generated from a Schema: one row per field in schema order, grouped
// (Article, SEO, Publishing, then other groups, then Other), followed by every key of the article
// the schema does not name. It shows the document's values and turns what the writer changes
// into FieldEdits; the applier (the window's undo stack) makes them. A refused edit puts the
// stored value back and is reported through editRefused().
class FieldForm : public QScrollArea
{
    Q_OBJECT

public:
    using Applier = std::function<Status(const FieldEdit& edit)>;

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

    // Shows the document's current values, derived values and, when its keys changed, rebuilds
    // the rows. Emits nothing. The row the writer is typing in keeps its text while an edit of
    // that row is being applied.
    void refresh();
    void setDiagnostics(const QList<Diagnostic>& diagnostics);

    // Applies one edit the way a change in the form does (used by the rows and by tests).
    Status apply(const FieldEdit& edit);

    QStringList keys() const;
    FieldRow* row(const QString& key) const;
    // The input for `key` (nullptr when the form has no such field).
    QWidget* control(const QString& key) const;
    // Scrolls to the field and gives its input the keyboard focus.
    bool focusField(const QString& key);
    // Values to offer for `key` besides the schema's own (the subjects used across a content
    // folder): added below a select's values, or completed as the writer types in a text line.
    // Kept when the rows are rebuilt.
    void setSuggestions(const QString& key, const QStringList& values);

Q_SIGNALS:
    void editRefused(const QString& key, const Error& error);
    // An edit was applied (after the document changed).
    void edited(const QString& key);

private:
    void rebuild();
    QStringList signature() const;
    void applyFromRow(FieldRow* row, const KeyPath& path, const QString& value, bool literal,
                      bool keepText);
    InsertHint hintFor(const SchemaField& field, const KeyPath& path) const;
    void assignMnemonics();
    void applySuggestions(FieldRow* row);

    Document* m_doc = nullptr;
    std::optional<Document> m_original;
    std::shared_ptr<const Schema> m_schema;
    QStringList m_skip;
    QList<SchemaField> m_fields;
    QStringList m_signature;
    QList<FieldRow*> m_rows;
    QList<Diagnostic> m_diagnostics;
    QHash<QString, QStringList> m_suggestions; // key -> values offered besides the schema's
    QWidget* m_content = nullptr;
    Applier m_applier;
    FieldRow* m_applying =
        nullptr; // the row whose edit is being applied; refresh() leaves its text
};

} // namespace frontis
