#include "editor/form/fieldform.h"

#include "editor/form/fieldrow.h"

#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSet>
#include <QVBoxLayout>

namespace frontis {

namespace {

// The groups the form knows, in the order it shows them; other group names follow, then Other.
const QStringList KnownGroups = {QStringLiteral("Article"), QStringLiteral("SEO"),
                                 QStringLiteral("Publishing")};

// Letters taken elsewhere in the window: the menus (File, Edit, View, Help), the problems list
// and the answer editor's caption.
const QString MenuLetters = QStringLiteral("fevhpw");

// How a value is shaped, as far as the choice of input goes: a row is rebuilt when this changes.
QString shapeOf(const FmNode* node)
{
    if (!node)
        return QStringLiteral("v");
    if (node->isMap())
        return QStringLiteral("m");
    if (node->isSequence())
        return QStringLiteral("s");
    if (!node->editable)
        return QStringLiteral("x");
    return QStringLiteral("v");
}

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

QStringList FieldForm::signature() const
{
    QStringList out;
    if (!m_doc)
        return out;
    const FrontMatter& fm = m_doc->frontMatter();
    for (const SchemaField& f : m_schema->fieldsFor(fm)) {
        if (m_skip.contains(f.key))
            continue;
        out << f.key + QLatin1Char('\x1f') + shapeOf(fm.find(fm.resolve(f.key)));
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
    m_fields.clear();
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

    const FrontMatter& fm = m_doc->frontMatter();
    for (const SchemaField& f : m_schema->fieldsFor(fm)) {
        if (!m_skip.contains(f.key))
            m_fields << f;
    }
    QStringList groups = KnownGroups;
    for (const SchemaField& f : std::as_const(m_fields)) {
        const QString g = f.group.isEmpty() ? SchemaField::defaultGroup() : f.group;
        if (!groups.contains(g) && g != SchemaField::defaultGroup())
            groups << g;
    }
    groups << SchemaField::defaultGroup();

    for (const QString& group : std::as_const(groups)) {
        QGroupBox* box = nullptr;
        QVBoxLayout* rows = nullptr;
        for (const SchemaField& f : std::as_const(m_fields)) {
            const QString g = f.group.isEmpty() ? SchemaField::defaultGroup() : f.group;
            if (g != group)
                continue;
            if (!box) {
                box = new QGroupBox(group, m_content);
                rows = new QVBoxLayout(box);
                rows->setSpacing(8);
                layout->addWidget(box);
            }
            const KeyPath path = fm.resolve(f.key);
            auto* row = new FieldRow(f, fm.find(path), box);
            rows->addWidget(row);
            m_rows << row;
            applySuggestions(row);
            connect(row, &FieldRow::edited, this, [this, row](const QString& value, bool literal) {
                if (!m_doc)
                    return;
                applyFromRow(row, m_doc->frontMatter().resolve(row->field().key), value, literal,
                             true);
            });
            connect(row, &FieldRow::itemEdited, this, [this, row](int index, const QString& value) {
                if (!m_doc)
                    return;
                KeyPath item = m_doc->frontMatter().resolve(row->field().key);
                item << QString::number(index);
                applyFromRow(row, item, value, false, true);
            });
            connect(row, &FieldRow::deriveRequested, this, [this, row](const QString& value) {
                if (!m_doc)
                    return;
                applyFromRow(row, m_doc->frontMatter().resolve(row->field().key), value, false,
                             false);
            });
            connect(row, &FieldRow::editingFinished, this, [this, row] {
                if (m_doc && m_applying != row)
                    row->setValue(
                        m_doc->frontMatter().find(m_doc->frontMatter().resolve(row->field().key)));
            });
        }
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

void FieldForm::setSuggestions(const QString& key, const QStringList& values)
{
    m_suggestions.insert(key, values);
    for (FieldRow* r : std::as_const(m_rows)) {
        if (r->field().key == key)
            applySuggestions(r);
    }
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
            r->setValue(fm.find(fm.resolve(f.key)));
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

InsertHint FieldForm::hintFor(const SchemaField& field, const KeyPath& path) const
{
    InsertHint hint;
    const FrontMatter& fm = m_doc->frontMatter();
    const KeyPath parent = path.mid(0, path.size() - 1);
    for (const SchemaField& f : m_schema->fields()) {
        if (f.key == field.key)
            break;
        const KeyPath p = fm.resolve(f.key);
        if (p.size() == path.size() && p.mid(0, p.size() - 1) == parent)
            hint.precedingKeys << p.last();
    }
    hint.style = field.style;
    // Block content sits at column 4 in the articles Frontis was made for: 4 past a top-level
    // key, 2 past a nested one.
    hint.blockIndent = path.size() <= 1 ? 4 : 2;
    return hint;
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
    edit.hint = hintFor(row->field(), path);
    if (keepText)
        m_applying = row;
    const Status status = apply(edit);
    m_applying = nullptr;
    if (status) {
        // Refused: show what the document holds, and say why.
        if (m_rows.contains(row))
            row->setValue(
                m_doc->frontMatter().find(m_doc->frontMatter().resolve(row->field().key)));
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
            if (joinKeyPath(fm.resolve(r->field().key)) == key)
                return r;
        }
    }
    return nullptr;
}

QWidget* FieldForm::control(const QString& key) const
{
    const FieldRow* r = row(key);
    return r ? r->control() : nullptr;
}

bool FieldForm::focusField(const QString& key)
{
    FieldRow* r = row(key);
    if (!r)
        return false;
    ensureWidgetVisible(r);
    r->control()->setFocus(Qt::OtherFocusReason);
    if (auto* edit = qobject_cast<QLineEdit*>(r->control()))
        edit->end(
            false); // a long value shows its start until focused; the writer goes on at its end
    return true;
}

} // namespace frontis
