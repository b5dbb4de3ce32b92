#include "articleeditor.h"

#include "documentcommand.h"
#include "editor/form/fieldedit.h"
#include "editor/form/fieldform.h"
#include "editor/preview/previewpane.h"
#include "editor/problems/diagnosticspanel.h"
#include "editor/seo/seopanel.h"
#include "editor/text/findbar.h"
#include "editor/text/markdowneditor.h"
#include "editor/text/undokeyfilter.h"
#include "model/folder/referencecheck.h"
#include "model/schema/schemalibrary.h"
#include "model/schema/validator.h"
#include "model/seo/seofields.h"
#include "model/text/articlehtml.h"

#include <QAction>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace frontis {

namespace {

// The article's findings: its schema's, and its references that no article of the folder holds.
QList<Diagnostic> validateArticle(const Document& doc, const Schema& schema, const QString& path,
                                  const ReferenceCheck* references)
{
    QList<Diagnostic> found = Validator(schema).validate(doc, path);
    if (references)
        found << references->findings(
            fieldValuesOfType(schema, doc.frontMatter(), FieldType::Reference));
    return found;
}

// A caption above a column, with a mnemonic that focuses the column's main widget.
QWidget* column(const QString& caption, QWidget* content, QWidget* parent,
                QLabel** captionLabel = nullptr)
{
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto* label = new QLabel(caption, box);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    label->setContentsMargins(4, 2, 4, 0);
    label->setBuddy(content);
    if (captionLabel)
        *captionLabel = label;
    layout->addWidget(label);
    layout->addWidget(content, 1);
    return box;
}

// The byte offset in `bytes` of a 1-based line and byte column.
qsizetype offsetOf(const QByteArray& bytes, int line, int column)
{
    qsizetype at = bytes.startsWith("\xef\xbb\xbf") ? 3 : 0;
    for (int l = 1; l < line; ++l) {
        at = bytes.indexOf('\n', at);
        if (at < 0)
            return -1;
        ++at;
    }
    return at + qMax(0, column - 1);
}

} // namespace

ArticleEditor::ArticleEditor(SchemaLibrary* library, QWidget* parent)
    : QWidget(parent), m_library(library), m_undo(new QUndoStack(this))
{
    m_form = new FieldForm(this);
    m_textEditor = new MarkdownEditor(this);
    m_textEditor->setUndoRedoEnabled(false); // the window's history holds every change
    m_textEditor->installEventFilter(UndoKeyFilter::instance());
    m_preview = new PreviewPane(this);
    m_panel = new DiagnosticsPanel(this);

    m_columns = new QSplitter(Qt::Horizontal, this);
    m_columns->setObjectName(QStringLiteral("columns"));
    m_columns->setChildrenCollapsible(false);
    m_columns->addWidget(column(tr("Front matter"), m_form, m_columns));
    m_textColumn = column(tr("Te&xt (Markdown)"), m_textEditor, m_columns, &m_textCaption);
    m_columns->addWidget(m_textColumn);
    m_findBar = new FindBar(m_textEditor, m_textColumn);
    m_textColumn->layout()->addWidget(m_findBar);
    m_columns->addWidget(previewColumn());
    m_columns->setStretchFactor(0, 0);
    m_columns->setStretchFactor(1, 1);
    m_columns->setStretchFactor(2, 1);
    m_columns->setSizes({420, 440, 420});

    m_rows = new QSplitter(Qt::Vertical, this);
    m_rows->setObjectName(QStringLiteral("rows"));
    m_rows->addWidget(m_columns);
    m_rows->addWidget(m_panel);
    m_rows->setStretchFactor(0, 1);
    m_rows->setStretchFactor(1, 0);
    m_rows->setCollapsible(0, false);
    m_rows->setSizes({640, 100});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_rows);

    m_validateTimer.setSingleShot(true);
    m_validateTimer.setObjectName(QStringLiteral("validate"));
    m_validateTimer.setInterval(ValidateDelayMs);
    connect(&m_validateTimer, &QTimer::timeout, this, &ArticleEditor::validateInBackground);
    connect(&m_validation, &QFutureWatcher<QList<Diagnostic>>::finished, this, [this] {
        if (!m_validation.isFinished())
            return; // an earlier run's signal, delivered after the next run started
        // Shown only if nothing changed or validated since it started.
        const bool current = m_doc && !m_validating.isEmpty() && m_doc->bytes() == m_validating;
        m_validating.clear();
        if (current)
            showDiagnostics(m_schemaNotes + m_validation.result());
#ifdef __GLIBC__
        // The worker's megabytes of parse nodes are free now, but glibc keeps freed memory in
        // the worker's arena; a long answer's editing would otherwise keep ~40 MB more resident.
        malloc_trim(0);
#endif
    });
    m_textTimer.setSingleShot(true);
    m_textTimer.setObjectName(QStringLiteral("text commit"));
    m_textTimer.setInterval(TextCommitDelayMs);
    m_textMaxTimer.setSingleShot(true);
    m_textMaxTimer.setObjectName(QStringLiteral("text commit (longest wait)"));
    m_textMaxTimer.setInterval(TextCommitMaxDelayMs);
    connect(&m_textTimer, &QTimer::timeout, this, &ArticleEditor::commitTextNow);
    connect(&m_textMaxTimer, &QTimer::timeout, this, &ArticleEditor::commitTextNow);
    // The preview reads the answer from the editor when it next updates, not at each keystroke.
    m_preview->setTextSource([this] { return m_textEditor->markdown(); });
    m_textEditor->setCodec([this](const QString& stored) { return m_text.decode(stored); },
                           [this](const QString& markdown) { return m_text.encode(markdown); });
    // Before UndoKeyFilter hands Ctrl+Z to the window's Undo: typing not yet committed must be
    // in the history to be undone (filters installed later run first).
    m_textEditor->installEventFilter(this);

    m_form->setApplier([this](const FieldEdit& e) {
        const QString label =
            m_schema && m_schema->field(e.key) ? m_schema->field(e.key)->label : e.key;
        Status status = pushEdit(
            tr("Edit %1").arg(label), QStringLiteral("field:") + e.key, [this, &e](Document& d) {
                return applyFieldEdit(d, e, m_original ? &*m_original : nullptr);
            });
        if (!status)
            afterChange(); // the form shows its own change
        return status;
    });
    // Adding, removing, moving and duplicating list items: one step each, never merged.
    m_form->setStructureApplier(
        [this](const QString& text, const QString&, const std::function<Status(Document&)>& edit) {
            Status status = pushEdit(text, QString(), edit);
            if (!status)
                afterChange();
            return status;
        });
    connect(m_form, &FieldForm::editRefused, this, [this](const QString& key, const Error& error) {
        Q_EMIT message(tr("'%1' was not changed: %2").arg(key, error.message));
    });
    connect(m_textEditor, &MarkdownEditor::textEdited, this, &ArticleEditor::textEdited);
    // A Replace or Replace All is one step of the history, never merged with typing around it.
    m_findBar->setEditRunner([this](const QString& label, const std::function<void()>& edit) {
        commitText(); // the typing before it is a step of its own
        m_textStep = label;
        edit();
        m_textStep.clear();
    });
    connect(m_findBar, &FindBar::message, this, &ArticleEditor::message);
    connect(m_textEditor, &MarkdownEditor::visibleLineChanged, m_preview,
            &PreviewPane::scrollToSourceLine);
    connect(m_panel, &DiagnosticsPanel::diagnosticActivated, this, &ArticleEditor::showDiagnostic);
}

ArticleEditor::~ArticleEditor()
{
    m_validateTimer.stop();
    // The commands call back into this object; drop them before the members they use go.
    m_undo->clear();
    // The views go while the document is still here: an input losing the focus as it is
    // destroyed still reports, and that reaches the document.
    delete m_rows;
}

QWidget* ArticleEditor::previewColumn()
{
    // The SEO panel shares the preview's column as a tab: both show the article as readers meet
    // it, and the writer finds it without opening anything.
    m_previewTabs = new QTabWidget(m_columns);
    m_previewTabs->setObjectName(QStringLiteral("previewTabs"));
    m_previewTabs->setDocumentMode(true);
    m_previewTabs->addTab(m_preview, tr("Preview"));
    m_seo = new SeoPanel(m_previewTabs);
    m_seo->setSource([this] {
        if (!m_doc)
            return SeoFields();
        SeoFields fields =
            SeoFields::fromFrontMatter(m_doc->frontMatter(), m_schema.get(), m_text.key());
        if (m_text.isBody())
            fields.text = m_textEditor->markdown(); // the keyword table's text column
        return fields;
    });
    m_previewTabs->addTab(m_seo, tr("SEO"));
    m_seoAction = new QAction(tr("&SEO Panel"), this);
    m_seoAction->setObjectName(QStringLiteral("seoPanel"));
    m_seoAction->setCheckable(true);
    m_seoAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_seoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_seoAction->setToolTip(tr("Search result preview and keyword checks (%1)")
                                .arg(m_seoAction->shortcut().toString(QKeySequence::NativeText)));
    m_previewTabs->setTabToolTip(1, m_seoAction->toolTip());
    addAction(m_seoAction);
    connect(m_seoAction, &QAction::triggered, this, [this](bool on) {
        m_previewTabs->setCurrentWidget(on ? static_cast<QWidget*>(m_seo) : m_preview);
        if (on)
            m_seo->setFocus(Qt::ShortcutFocusReason);
    });
    connect(m_previewTabs, &QTabWidget::currentChanged, this,
            [this] { m_seoAction->setChecked(m_previewTabs->currentWidget() == m_seo); });
    return m_previewTabs;
}

bool ArticleEditor::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_textEditor &&
        (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo))
            commitText();
    }
    return QWidget::eventFilter(watched, event);
}

const Document& ArticleEditor::document() const
{
    commitText();
    return *m_doc;
}

bool ArticleEditor::isModified() const
{
    commitText();
    return m_doc && m_doc->bytes() != m_disk;
}

QUndoStack* ArticleEditor::undoStack() const
{
    commitText();
    return m_undo;
}

bool ArticleEditor::commitText() const
{
    // Logically const: the document catches up with what the editor already shows.
    return m_textPending ? const_cast<ArticleEditor*>(this)->commitTextNow() : true;
}

void ArticleEditor::dropUncommittedText()
{
    m_textPending = false;
    m_textTimer.stop();
    m_textMaxTimer.stop();
}

void ArticleEditor::setDocument(Document doc, const QString& path, const QByteArray& diskBytes)
{
    dropUncommittedText(); // the editor is about to show the new document's answer
    m_undo->clear();
    m_doc = std::move(doc);
    m_path = path;
    setDisk(diskBytes);
    m_schema.reset();
    m_preview->setBaseDirectory(QFileInfo(path).absolutePath());
    m_form->setArticlePath(path);
    chooseSchema();
    syncAll();
    validateNow();
    m_wasModified = isModified();
    Q_EMIT modifiedChanged(m_wasModified);
}

void ArticleEditor::chooseSchema()
{
    const SchemaLibrary::Choice choice = m_library->schemaFor(m_path, m_doc->frontMatter());
    m_schemaNotes = choice.notes;
    if (choice.error) {
        Diagnostic d;
        d.severity = Diagnostic::Severity::Warning;
        d.rule = QStringLiteral("schema");
        d.message = tr("the schema file could not be read, so the generic schema is used: %1")
                        .arg(choice.error->format(choice.brokenPath));
        m_schemaNotes.prepend(d);
    }
    if (choice.schema == m_schema)
        return;
    m_schema = choice.schema;
    m_text = ArticleText::of(*m_schema);
    const SchemaField* textField = m_text.isBody() ? nullptr : m_schema->field(m_text.key());
    m_textCaption->setText(textField && !textField->label.isEmpty()
                               ? tr("%1 (Markdown)").arg(textField->label)
                           : m_text.isBody() ? tr("Te&xt (Markdown)")
                                             : tr("Ans&wer (Markdown)"));
    m_textEditor->setPlaceholderText(m_text.isBody()
                                         ? tr("Write the article in Markdown")
                                         : tr("Write the %1 in Markdown")
                                               .arg(textField && !textField->label.isEmpty()
                                                        ? textField->label.toLower()
                                                        : m_text.key()));
    m_preview->setSiteMarkdown(m_text.rendersAsSite());
    m_form->setDocument(&*m_doc, m_schema,
                        m_text.isBody() ? QStringList() : QStringList{m_text.key()});
}

Status ArticleEditor::saveTo(const QString& path, Document::IfChangedOnDisk ifChanged)
{
    if (!m_doc)
        return Error{tr("No document is open")};
    if (!commitText())
        return Error{tr("The text could not be stored; the file was not saved")};
    if (Status status = m_doc->saveTo(path, ifChanged))
        return status;
    setDisk(m_doc->bytes());
    if (path != m_path) {
        m_path = path;
        m_preview->setBaseDirectory(QFileInfo(path).absolutePath());
        m_form->setArticlePath(path);
    }
    afterChange();
    return std::nullopt;
}

Status ArticleEditor::replaceAll(const QByteArray& bytes, const QByteArray& diskBytes,
                                 const QString& text)
{
    Status status = pushEdit(text, QString(), [&bytes](Document& d) { return d.setBytes(bytes); });
    if (status)
        return status;
    setDisk(diskBytes);
    syncAll();
    afterChange();
    return std::nullopt;
}

Status ArticleEditor::takeDiskVersion(const QByteArray& diskBytes, bool reload)
{
    if (!m_doc)
        return Error{tr("No document is open")};
    commitText();
    if (reload) {
        if (Status status = replaceAll(diskBytes, diskBytes, tr("Reload from Disk")))
            return status;
    } else {
        setDisk(diskBytes);
        afterChange();
    }
    // The stamp is taken from a second read: it must describe exactly `diskBytes`, or a change
    // made in between could later be overwritten unseen.
    Document stamped = *m_doc;
    if (Status status = stamped.acceptDiskVersion(m_path))
        return status;
    if (stamped.diskStamp().sha256 != FileStamp::hash(diskBytes))
        return Error{tr("'%1' changed again while it was being read").arg(m_path)};
    *m_doc = std::move(stamped);
    syncAll(); // the views hold on to the front matter just replaced
    return std::nullopt;
}

void ArticleEditor::setDisk(const QByteArray& bytes)
{
    m_disk = bytes;
    if (m_doc && m_doc->bytes() == bytes) {
        m_original = *m_doc; // already parsed (opening, saving): no second parse of a long answer
        return;
    }
    Result<Document> original = Document::fromBytes(bytes);
    if (original)
        m_original = std::move(original.value());
    else
        m_original.reset(); // a file fixed in the raw view: edits start from the current styles
}

Status ArticleEditor::pushEdit(const QString& text, const QString& source,
                               const std::function<Status(Document&)>& edit)
{
    if (!m_doc)
        return Error{tr("No document is open")};
    commitText(); // typing before this edit is a step before it
    QByteArray before = m_doc->bytes();
    if (Status status = edit(*m_doc))
        return status;
    QByteArray after = m_doc->bytes();
    if (after != before) {
        m_undo->push(new DocumentCommand(
            text, source, before, after, [this](const QByteArray& bytes) { applyBytes(bytes); },
            [this] { return m_doc ? m_doc->bytes() : QByteArray(); }));
    }
    return std::nullopt;
}

void ArticleEditor::applyBytes(const QByteArray& bytes)
{
    if (!m_doc)
        return;
    if (const Status status = m_doc->setBytes(bytes)) {
        // Cannot happen for bytes that parsed before; say so rather than pretend.
        Q_EMIT message(tr("Could not restore that state: %1").arg(status->message));
        return;
    }
    syncAll();
    afterChange();
}

void ArticleEditor::syncAll()
{
    m_syncing = true;
    chooseSchema(); // `_schema` may have changed
    m_form->refresh();
    const QString stored = m_text.stored(*m_doc);
    if (m_textEditor->storedText() != stored) {
        dropUncommittedText(); // the editor shows the document's text from now on
        m_textEditor->setStoredText(stored);
    }
    m_preview->setFrontMatter(m_doc->frontMatter());
    m_seo->sourceChanged();
    m_syncing = false;
}

void ArticleEditor::afterChange(Changed what)
{
    if (!m_doc)
        return;
    // The preview reads the answer from the editor as it is typed (textEdited()): a commit of
    // the typing has nothing new for it, and decoding a long answer again would cost a stall.
    if (what != Changed::TextOnly)
        m_preview->setFrontMatter(m_doc->frontMatter());
    m_seo->sourceChanged();
    m_validateTimer.start();
    Q_EMIT changed();
    const bool modified = isModified();
    if (modified != m_wasModified) {
        m_wasModified = modified;
        Q_EMIT modifiedChanged(modified);
    }
}

void ArticleEditor::textEdited()
{
    if (m_syncing || !m_doc)
        return;
    m_textPending = true;
    m_preview->textEdited();
    if (!m_textStep.isEmpty()) { // Replace, Replace All: a step of its own, at once
        commitTextNow();
        return;
    }
    m_textTimer.start();
    if (!m_textMaxTimer.isActive())
        m_textMaxTimer.start();
    // Validation waits for a pause in the typing, not only in the commits.
    if (m_validateTimer.isActive())
        m_validateTimer.start();
}

bool ArticleEditor::commitTextNow()
{
    if (!m_textPending)
        return true;
    dropUncommittedText();
    if (!m_doc)
        return true;
    const QString stored = m_textEditor->storedText();
    const QString before = m_text.stored(*m_doc);
    if (before == stored)
        return true;
    const QString label =
        m_textStep.isEmpty() ? (m_text.isBody() ? tr("Edit text") : tr("Edit answer")) : m_textStep;
    // Typing merges into one step per source; Replace and Replace All are steps of their own.
    const QString source = m_textStep.isEmpty() ? QStringLiteral("text") : QString();
    Status status;
    if (m_text.isBody()) {
        status = pushEdit(label, source, [&stored](Document& d) { return d.setBody(stored); });
    } else {
        const KeyPath path = m_doc->frontMatter().resolve(m_text.key());
        InsertHint hint;
        if (const SchemaField* f = m_schema->field(m_text.key()))
            hint.style = f->style;
        for (const SchemaField& f : m_schema->fields()) {
            if (f.key == m_text.key())
                break;
            const KeyPath p = m_doc->frontMatter().resolve(f.key);
            if (p.size() == path.size() && p.mid(0, p.size() - 1) == path.mid(0, path.size() - 1))
                hint.precedingKeys << p.last();
        }
        const FieldEdit edit{m_text.key(), path, stored, false, hint};
        status = pushEdit(label, source, [this, &edit](Document& d) {
            return applyFieldEdit(d, edit, m_original ? &*m_original : nullptr);
        });
    }
    if (status) {
        Q_EMIT message(tr("The text was not changed: %1").arg(status->message));
        m_syncing = true;
        m_textEditor->setStoredText(before);
        m_syncing = false;
        m_preview->setFrontMatter(m_doc->frontMatter());
        return false;
    }
    afterChange(Changed::TextOnly);
    return true;
}

void ArticleEditor::validateInBackground()
{
    commitText(); // which may start the timer again
    m_validateTimer.stop();
    if (!m_doc)
        return;
    if (m_doc->bytes().size() < BackgroundValidationBytes) {
        validateNow();
        return;
    }
    if (m_validation.isRunning()) {
        m_validateTimer.start(); // after this one
        return;
    }
    followSchema();
    m_validating = m_doc->bytes();
    m_validation.setFuture(QtConcurrent::run(
        [doc = *m_doc, schema = m_schema, path = m_path, references = m_references] {
            return validateArticle(doc, *schema, path, references.get());
        }));
}

void ArticleEditor::validateNow()
{
    commitText(); // which may start the timer again
    m_validateTimer.stop();
    m_validating.clear(); // a result still on its way is out of date
    if (!m_doc)
        return;
    followSchema();
    showDiagnostics(m_schemaNotes + validateArticle(*m_doc, *m_schema, m_path, m_references.get()));
}

void ArticleEditor::setReferenceCheck(std::shared_ptr<const ReferenceCheck> check)
{
    if (!check && !m_references)
        return;
    m_references = std::move(check);
    if (m_doc)
        validateInBackground();
}

void ArticleEditor::followSchema()
{
    // An edit of `_schema` may pick another schema: the form and the answer editor follow.
    const std::shared_ptr<const Schema> before = m_schema;
    chooseSchema();
    if (m_schema != before)
        syncAll();
}

void ArticleEditor::showDiagnostics(QList<Diagnostic> found)
{
    m_diagnostics = std::move(found);
    sortByPosition(m_diagnostics);
    m_form->setDiagnostics(m_diagnostics);
    m_panel->setDiagnostics(m_diagnostics);
    QStringList textProblems;
    for (const Diagnostic& d : std::as_const(m_diagnostics)) {
        if (isTextDiagnostic(d))
            textProblems << d.message;
    }
    m_textEditor->setToolTip(textProblems.join(QLatin1Char('\n')));
    Q_EMIT diagnosticsChanged();
}

const QList<Diagnostic>& ArticleEditor::diagnostics()
{
    commitText();
    if (m_validateTimer.isActive() || m_validation.isRunning())
        validateNow();
    return m_diagnostics;
}

QList<Diagnostic> ArticleEditor::errors()
{
    QList<Diagnostic> out;
    for (const Diagnostic& d : diagnostics()) {
        if (d.isError())
            out << d;
    }
    return out;
}

void ArticleEditor::showDiagnostic(const Diagnostic& diagnostic)
{
    if (!m_doc)
        return;
    commitText(); // the diagnostic's position is in the document's bytes
    if (isTextDiagnostic(diagnostic)) {
        showTextPosition(diagnostic);
        return;
    }
    if (!diagnostic.key.isEmpty())
        m_form->focusField(diagnostic.key);
}

bool ArticleEditor::isTextDiagnostic(const Diagnostic& d) const
{
    if (!m_text.isBody())
        return d.key == m_text.key();
    // Body problems carry no key and lie below the front matter.
    return d.key.isEmpty() && m_doc && d.line >= m_text.firstFileLine(*m_doc);
}

void ArticleEditor::showTextPosition(const Diagnostic& diagnostic)
{
    // The validator points into the stored one-line text; the editor shows it decoded, so the
    // position is counted in backslash-n pairs before it.
    int line = 1;
    int column = 1;
    if (m_text.isBody()) {
        // The body's lines are the file's from the body's first line on.
        line = qMax(1, diagnostic.line - m_text.firstFileLine(*m_doc) + 1);
        column = qMax(1, diagnostic.column);
        m_textEditor->goToLine(line, column);
        m_textEditor->setFocus(Qt::OtherFocusReason);
        return;
    }
    const FmNode* node = m_doc->frontMatter().find(m_doc->frontMatter().resolve(m_text.key()));
    if (node && node->isScalar() && node->span.isValid() && diagnostic.line > 0) {
        const QByteArray& bytes = m_doc->bytes();
        const QByteArray stored = node->text.toUtf8();
        const qsizetype at = bytes.indexOf(stored, node->span.begin);
        const qsizetype offset = offsetOf(bytes, diagnostic.line, diagnostic.column);
        if (at >= 0 && offset >= at && offset <= at + stored.size()) {
            const QString before = QString::fromUtf8(stored.left(offset - at));
            qsizetype lineStart = 0;
            for (qsizetype i = 0; i + 1 < before.size(); ++i) {
                if (before.at(i) == QLatin1Char('\\') && before.at(i + 1) == QLatin1Char('n')) {
                    ++line;
                    lineStart = i + 2;
                    ++i;
                }
            }
            column = int(before.size() - lineStart) + 1;
        }
    }
    m_textEditor->goToLine(line, column);
    m_textEditor->setFocus(Qt::OtherFocusReason);
}

} // namespace frontis
