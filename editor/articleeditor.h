#pragma once

#include "model/file/diagnostic.h"
#include "model/schema/schema.h"
#include "model/text/articletext.h"
#include "model/yaml/document.h"

#include <QByteArray>
#include <QFutureWatcher>
#include <QList>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QLabel;
class QSplitter;
class QTabWidget;
class QUndoStack;

namespace frontis {

class MarkdownEditor;
class DiagnosticsPanel;
class FieldForm;
class FindBar;
class PreviewPane;
class ReferenceCheck;
class SchemaLibrary;
class SeoPanel;

// Everything of one open article below the menus: the front-matter form, the answer's Markdown
// source and the preview side by side, the problems list below them, and the history that walks
// back through every change. It owns the Document; every change goes through the undo stack as a
// before/after pair of bytes, and the views are brought in line after each change without
// recording anything. Validation follows changes after a short pause.
class ArticleEditor : public QWidget
{
    Q_OBJECT

public:
    // `library` picks each article's schema and must outlive the editor.
    explicit ArticleEditor(SchemaLibrary* library, QWidget* parent = nullptr);
    ~ArticleEditor() override;

    // Shows `doc`, read from `path`, whose file holds `diskBytes` (which differ from the
    // document's bytes when a file that did not parse was fixed in the raw view). Clears the
    // history.
    void setDocument(Document doc, const QString& path, const QByteArray& diskBytes);
    bool hasDocument() const { return m_doc.has_value(); }
    // The document as it stands, the latest typing in the answer included (commitText()).
    const Document& document() const;
    const QString& path() const { return m_path; }
    // What the file on disk holds, as far as this window knows.
    const QByteArray& diskBytes() const { return m_disk; }
    bool isModified() const;

    // Writes the document to `path` (Document::saveTo); on success that is the file from now on.
    Status saveTo(const QString& path,
                  Document::IfChangedOnDisk ifChanged = Document::IfChangedOnDisk::Overwrite);
    // Replaces the whole content as one step of the history (Revert); `diskBytes` is what the
    // file holds now.
    Status replaceAll(const QByteArray& bytes, const QByteArray& diskBytes, const QString& text);

    // The file changed on disk and now holds `diskBytes`. With `reload` the document takes them,
    // as one step of the history (Undo brings the replaced text back); without, the edits stay and
    // are based on the new file from now on (Keep Mine: saving overwrites it). Refused when the
    // file no longer holds `diskBytes` or, with `reload`, they do not parse.
    Status takeDiskVersion(const QByteArray& diskBytes, bool reload);

    // The history, with the latest typing in the answer on it.
    QUndoStack* undoStack() const;

    // Typing in the answer reaches the document in batches: TextCommitDelayMs after the writer
    // pauses, and at the latest TextCommitMaxDelayMs after the batch began, so that a keystroke
    // costs the editor's own work only, however long the answer is (turning the answer into its
    // stored form and checking the edit take milliseconds at 1 MB). Whatever reads or changes the
    // document takes a waiting batch in first: document(), isModified(), undoStack(), saving,
    // validation, every edit, Ctrl+Z in the answer. False when the document refused the batch
    // (the editor then shows the stored answer again and message() says why).
    bool commitText() const;
    // Typing in the answer that has not reached the document yet.
    bool hasUncommittedText() const { return m_textPending; }
    static constexpr int TextCommitDelayMs = 100;
    static constexpr int TextCommitMaxDelayMs = 400;
    // Validates now if a change is waiting for its pause.
    const QList<Diagnostic>& diagnostics();
    QList<Diagnostic> errors();
    void validateNow();
    std::shared_ptr<const Schema> schema() const { return m_schema; }
    // Where the text the Markdown editor edits lives: the body, or a Markdown field ("answer").
    const ArticleText& text() const { return m_text; }
    // The key of the Markdown field the editor edits ("answer"); empty when it edits the body.
    const QString& textKey() const { return m_text.key(); }

    // The open folder's values of the keys references point to: a reference that no article
    // holds is a warning. Null (no folder open): references are not checked. Validates again.
    void setReferenceCheck(std::shared_ptr<const ReferenceCheck> check);

    // Shows where a diagnostic points: the field in the form, or the line in the answer.
    void showDiagnostic(const Diagnostic& diagnostic);

    FieldForm* form() const { return m_form; }
    MarkdownEditor* textEditor() const { return m_textEditor; }
    // Find and Replace below the answer editor (Edit > Find..., Replace...).
    FindBar* findBar() const { return m_findBar; }
    PreviewPane* preview() const { return m_preview; }
    // The SEO panel: a tab beside the preview. seoAction() (Ctrl+Shift+E) switches to it and back.
    SeoPanel* seoPanel() const { return m_seo; }
    QTabWidget* previewTabs() const { return m_previewTabs; }
    QAction* seoAction() const { return m_seoAction; }
    DiagnosticsPanel* diagnosticsPanel() const { return m_panel; }
    // Columns: form | answer | preview. Rows: the columns above the problems list.
    QSplitter* columns() const { return m_columns; }
    QSplitter* rows() const { return m_rows; }

    // How long the validator waits after a change.
    static constexpr int ValidateDelayMs = 250;
    // A document at least this long is validated on a worker thread after a pause (a 1 MB answer
    // takes ~20 ms, a stall the writer would feel on resuming); diagnostics() still validates at
    // once when asked.
    static constexpr qsizetype BackgroundValidationBytes = 64 * 1024;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

Q_SIGNALS:
    // The document's bytes changed (an edit, undo, redo or revert).
    void changed();
    void modifiedChanged(bool modified);
    void diagnosticsChanged();
    // Something the writer should read in the status bar (a refused edit).
    void message(const QString& text);

private:
    Status pushEdit(const QString& text, const QString& source,
                    const std::function<Status(Document&)>& edit);
    void applyBytes(const QByteArray& bytes);
    void syncAll();
    enum class Changed { Anything, TextOnly };
    void afterChange(Changed what = Changed::Anything);
    void setDisk(const QByteArray& bytes);
    void textEdited();
    void validateInBackground();
    void followSchema();
    void showDiagnostics(QList<Diagnostic> found);
    bool commitTextNow();
    void dropUncommittedText();
    void chooseSchema();
    void showTextPosition(const Diagnostic& diagnostic);
    // The diagnostic is about the text (the Markdown editor shows it), not a field.
    bool isTextDiagnostic(const Diagnostic& d) const;
    QWidget* previewColumn();

    SchemaLibrary* m_library;
    std::optional<Document> m_doc;
    std::optional<Document> m_original; // m_disk parsed: the styles edits start from
    QString m_path;
    QByteArray m_disk;
    std::shared_ptr<const Schema> m_schema;
    std::shared_ptr<const ReferenceCheck> m_references;
    QList<Diagnostic> m_schemaNotes;
    ArticleText m_text; // set by chooseSchema()
    QLabel* m_textCaption = nullptr;
    QList<Diagnostic> m_diagnostics;
    bool m_wasModified = false;
    bool m_syncing = false;
    QTimer m_validateTimer;
    QFutureWatcher<QList<Diagnostic>> m_validation;
    QByteArray m_validating; // the bytes it validates; emptied when its result is out of date
    bool m_textPending = false;
    QTimer m_textTimer;    // restarted by each keystroke
    QTimer m_textMaxTimer; // started by the first keystroke of a batch

    QUndoStack* m_undo = nullptr;
    FieldForm* m_form = nullptr;
    MarkdownEditor* m_textEditor = nullptr;
    QWidget* m_textColumn = nullptr;
    FindBar* m_findBar = nullptr;
    QString m_textStep; // names the next answer edit as a step of its own (Replace All)
    PreviewPane* m_preview = nullptr;
    SeoPanel* m_seo = nullptr;
    QTabWidget* m_previewTabs = nullptr;
    QAction* m_seoAction = nullptr;
    DiagnosticsPanel* m_panel = nullptr;
    QSplitter* m_columns = nullptr;
    QSplitter* m_rows = nullptr;
};

} // namespace frontis
