#pragma once

#include "model/file/diagnostic.h"
#include "model/schema/schemafield.h"
#include "model/yaml/fmnode.h"

#include <QList>
#include <QString>
#include <QWidget>

#include <functional>
#include <optional>
#include <utility>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QCheckBox;

namespace frontis {

class ImageThumbnail;
class LengthMeter;
class TagEditor;

// One field of the front-matter form: the input that suits its type, a character or item
// counter coloured against the schema's limits, a marker for the field's diagnostics and, for
// derived fields, the expected value with a button that applies it. It only reports what the
// writer changed; the form decides what the document does with it.
class FieldRow : public QWidget
{
    Q_OBJECT

public:
    // Tags edits a separated string, or in list mode (isList()) a YAML list of values.
    enum class Kind { Line, Wrapped, Multi, Tags, Select, Date, Check, Image, Reference, ReadOnly };

    // `node` is the value as the file holds it now (null when the key is missing).
    FieldRow(const SchemaField& field, const FmNode* node, QWidget* parent = nullptr);

    const SchemaField& field() const { return m_field; }
    Kind kind() const { return m_kind; }
    // The label for the form's left column; its buddy is control().
    QLabel* label() const { return m_label; }
    // The input that takes focus (for a list of values: its first item).
    QWidget* control() const { return m_control; }
    TagEditor* tagEditor() const { return m_tags; }
    // A list of values (the tag editor in list mode): edits are items added, removed or changed.
    bool isList() const;
    // Image fields: the thumbnail and the button that opens the chooser.
    ImageThumbnail* thumbnail() const { return m_thumb; }
    QPushButton* chooseButton() const { return m_choose; }
    // Image fields: turns a value into the file it names (empty: none), for the thumbnail.
    void setImageResolver(std::function<QString(const QString&)> resolver);
    // Reference fields: the values the articles of the folder hold, with their titles.
    void setReferenceTargets(const QList<std::pair<QString, QString>>& targets);
    // The green/amber/red bar of a field with a minimum or maximum length (else nullptr).
    LengthMeter* lengthMeter() const { return m_meter; }
    // The text the input holds, as it would be written.
    QString text() const;

    // Shows the node's value without emitting edited(). Also drops or restores the input's
    // validator so that a value the file holds is never locked in.
    void setValue(const FmNode* node);
    // For derived fields: what the template gives, or nullopt (nothing to compare).
    void setExpected(const std::optional<QString>& expected);
    std::optional<QString> expected() const { return m_expected; }
    bool derivedDiffers() const;
    void setDiagnostics(const QList<Diagnostic>& diagnostics);
    const QList<Diagnostic>& diagnostics() const { return m_diagnostics; }

    // The letter for the label's mnemonic, or 0 for none.
    void setMnemonic(QChar letter);
    // Used by the form to leave a value alone while the writer is typing in it.
    bool hasFocusInside() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

Q_SIGNALS:
    // The writer changed the value: `literal` asks to keep the value's type (numbers, dates).
    void edited(const QString& value, bool literal);
    // The writer changed item `index` of a list of values, added one or removed one.
    void itemEdited(int index, const QString& value);
    void itemAdded(const QString& value);
    void itemRemoved(int index);
    // Image fields: the writer pressed "Choose...".
    void chooseRequested();
    void deriveRequested(const QString& value);
    // Focus left the input; the form shows the stored value again (1 may have become 1.0).
    void editingFinished();

private:
    void build(const FmNode* node);
    void fitHeight();
    void elideDerived();
    void emitEdited(const QString& value, bool literal);
    void updateCounter();
    void updateDerived();
    void updateValidator();
    QString labelText() const;

    SchemaField m_field;
    Kind m_kind = Kind::Line;
    QLabel* m_label = nullptr;
    QWidget* m_control = nullptr;
    QLineEdit* m_line = nullptr;
    QPlainTextEdit* m_multi = nullptr;
    TagEditor* m_tags = nullptr;
    QComboBox* m_combo = nullptr;
    QDateEdit* m_date = nullptr;
    QCheckBox* m_check = nullptr;
    ImageThumbnail* m_thumb = nullptr;
    QPushButton* m_choose = nullptr;
    QLabel* m_counter = nullptr;
    LengthMeter* m_meter = nullptr;
    QLabel* m_status = nullptr;
    QWidget* m_derivedBox = nullptr;
    QLabel* m_derivedText = nullptr;
    QPushButton* m_useDerived = nullptr;
    QString m_storedText; // dates: the text the picker cannot show; booleans: the file's spelling
    std::optional<QString> m_expected;
    QList<Diagnostic> m_diagnostics;
    QChar m_mnemonic;
    int m_minLines = 1; // height range of a multi-line input, in lines
    int m_maxLines = 1;
    bool m_updating = false;
};

} // namespace frontis
