#include "editor/form/fieldrow.h"

#include "editor/form/formplan.h"
#include "editor/form/imagethumbnail.h"
#include "editor/form/lengthmeter.h"
#include "editor/form/tageditor.h"
#include "editor/form/wheelguard.h"
#include "editor/text/linespellcheck.h"
#include "editor/text/textspellcheck.h"
#include "editor/text/undokeyfilter.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QStyle>
#include <QVBoxLayout>

namespace frontis {

namespace {

const QString DateFormat = QStringLiteral("yyyy-MM-dd");
// The picker's lowest date stands for "not a date it can show" (see setValue()).
const QDate NoDate(1000, 1, 1);

qsizetype charCount(const QString& s)
{
    qsizetype n = 0;
    for (const QChar c : s) {
        if (!c.isLowSurrogate())
            ++n;
    }
    return n;
}

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

// Colours that read on both light and dark backgrounds.
QColor severityColor(Diagnostic::Severity severity, const QPalette& palette)
{
    const bool dark = isDark(palette);
    switch (severity) {
    case Diagnostic::Severity::Error:
        return dark ? QColor(0xff, 0x80, 0x80) : QColor(0xb7, 0x1c, 0x1c);
    case Diagnostic::Severity::Warning:
        return dark ? QColor(0xff, 0xc1, 0x4d) : QColor(0x9a, 0x5b, 0x00);
    case Diagnostic::Severity::Info:
        break;
    }
    return palette.color(QPalette::PlaceholderText);
}

QString summary(const FmNode& node)
{
    if (node.isMap())
        return node.entries.size() == 1
                   ? FieldRow::tr("(a mapping with 1 key)")
                   : FieldRow::tr("(a mapping with %1 keys)").arg(node.entries.size());
    if (node.isSequence())
        return node.items.size() == 1 ? FieldRow::tr("(a list of 1 item)")
                                      : FieldRow::tr("(a list of %1 items)").arg(node.items.size());
    return node.text;
}

bool isTrue(const QString& text)
{
    static const QStringList yes = {QStringLiteral("true"), QStringLiteral("yes"),
                                    QStringLiteral("on"), QStringLiteral("y")};
    return yes.contains(text.trimmed().toLower());
}

// The boolean written the way the file already writes its booleans ("yes"/"no", "True"...).
QString booleanText(bool value, const QString& current)
{
    const QString lower = current.trimmed().toLower();
    QString word = value ? QStringLiteral("true") : QStringLiteral("false");
    if (lower == QLatin1String("yes") || lower == QLatin1String("no"))
        word = value ? QStringLiteral("yes") : QStringLiteral("no");
    else if (lower == QLatin1String("on") || lower == QLatin1String("off"))
        word = value ? QStringLiteral("on") : QStringLiteral("off");
    const QString trimmed = current.trimmed();
    if (!trimmed.isEmpty() && trimmed == trimmed.toUpper() && trimmed.size() > 1)
        return word.toUpper();
    if (!trimmed.isEmpty() && trimmed.at(0).isUpper())
        word[0] = word.at(0).toUpper();
    return word;
}

} // namespace

FieldRow::FieldRow(const SchemaField& field, const FmNode* node, QWidget* parent)
    : QWidget(parent), m_field(field)
{
    build(node);
    setValue(node);
}

QString FieldRow::labelText() const
{
    QString text = m_field.label.isEmpty() ? m_field.key : m_field.label;
    text.replace(QLatin1Char('&'), QLatin1String("&&"));
    if (!m_mnemonic.isNull()) {
        const qsizetype at = text.indexOf(m_mnemonic, 0, Qt::CaseInsensitive);
        if (at >= 0)
            text.insert(at, QLatin1Char('&'));
    }
    return text;
}

void FieldRow::build(const FmNode* node)
{
    // The label sits above the input so that inputs get the whole width of a narrow column;
    // the counter and the problem marker sit at the label line's right end.
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(2);
    auto* header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->setSpacing(6);
    outer->addLayout(header);
    m_label = new QLabel(this);

    const FieldType type = m_field.type;
    const bool empty = !node || node->isNull();
    bool list = false;
    if (node && node->isSequence()) {
        list = isValueList(*node);
        m_kind = list ? Kind::Tags : Kind::ReadOnly;
    } else if (node && (node->isMap() || !node->editable)) {
        m_kind = Kind::ReadOnly;
    } else if (empty && ((type == FieldType::Tags && m_field.separator.isEmpty()) ||
                         type == FieldType::List)) {
        m_kind = Kind::Tags; // a new YAML list
        list = true;
    } else if (type == FieldType::Image) {
        m_kind = Kind::Image;
    } else if (type == FieldType::Reference) {
        m_kind = Kind::Reference;
    } else if (type == FieldType::Textarea || type == FieldType::Markdown ||
               (node && node->text.contains(QLatin1Char('\n')))) {
        m_kind = Kind::Multi;
    } else if (type == FieldType::Text &&
               (m_field.style == ScalarStyle::Folded ||
                (node && node->style == ScalarStyle::Folded) || (node && node->text.size() > 48))) {
        m_kind = Kind::Wrapped; // long one-line text: wrapped so that all of it shows
    } else if (type == FieldType::Tags) {
        m_kind = Kind::Tags;
    } else if (type == FieldType::Select) {
        m_kind = Kind::Select;
    } else if (type == FieldType::Date) {
        m_kind = Kind::Date;
    } else if (type == FieldType::Boolean) {
        m_kind = Kind::Check;
    } else {
        m_kind = Kind::Line;
    }

    const bool literal = type == FieldType::Integer || type == FieldType::Number ||
                         type == FieldType::Date || type == FieldType::Boolean;
    QWidget* shown = nullptr; // what goes below the label, when it is more than the input
    switch (m_kind) {
    case Kind::Line:
    case Kind::ReadOnly: {
        m_line = new QLineEdit(this);
        m_control = m_line;
        if (m_kind == Kind::ReadOnly) {
            m_line->setReadOnly(true);
            m_line->setToolTip(tr("This value uses YAML the form does not edit (a mapping, a list "
                                  "of mappings, an anchor, alias or tag); it is kept as it is."));
        } else {
            m_line->setClearButtonEnabled(false);
            connect(m_line, &QLineEdit::textEdited, this,
                    [this, literal](const QString& text) { emitEdited(text, literal); });
            connect(m_line, &QLineEdit::editingFinished, this, &FieldRow::editingFinished);
        }
        break;
    }
    case Kind::Multi:
    case Kind::Wrapped: {
        m_multi = new QPlainTextEdit(this);
        m_control = m_multi;
        m_multi->setTabChangesFocus(true);
        m_multi->setUndoRedoEnabled(false);
        m_multi->setLineWrapMode(QPlainTextEdit::WidgetWidth);
        m_multi->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        m_multi->document()->setDocumentMargin(3);
        m_multi->installEventFilter(this);
        if (m_kind == Kind::Wrapped) {
            m_minLines = 1;
            m_maxLines = 4;
        } else {
            m_minLines = type == FieldType::Markdown ? 6 : 3;
            m_maxLines = 10;
        }
        connect(m_multi->document()->documentLayout(),
                &QAbstractTextDocumentLayout::documentSizeChanged, this, &FieldRow::fitHeight);
        connect(m_multi, &QPlainTextEdit::textChanged, this, [this] {
            if (!m_updating)
                emitEdited(m_multi->toPlainText(), false);
        });
        fitHeight();
        break;
    }
    case Kind::Tags:
        m_tags = new TagEditor(this);
        m_tags->setSeparator(m_field.separator);
        m_tags->setListMode(list);
        m_control = m_tags->lineEdit();
        shown = m_tags;
        connect(m_tags, &TagEditor::textEdited, this,
                [this](const QString& text) { emitEdited(text, false); });
        connect(m_tags, &TagEditor::itemAdded, this, &FieldRow::itemAdded);
        connect(m_tags, &TagEditor::itemRemoved, this, &FieldRow::itemRemoved);
        connect(m_tags, &TagEditor::itemChanged, this, &FieldRow::itemEdited);
        break;
    case Kind::Image: {
        auto* box = new QWidget(this);
        auto* h = new QHBoxLayout(box);
        h->setContentsMargins(0, 0, 0, 0);
        h->setSpacing(6);
        m_thumb = new ImageThumbnail(box);
        m_line = new QLineEdit(box);
        m_control = m_line;
        m_choose = new QPushButton(tr("Choose\u2026"), box);
        m_choose->setAccessibleName(
            tr("Choose an image for %1")
                .arg(m_field.label.isEmpty() ? m_field.key : m_field.label));
        h->addWidget(m_thumb);
        h->addWidget(m_line, 1);
        h->addWidget(m_choose);
        shown = box;
        connect(m_line, &QLineEdit::textEdited, this, [this](const QString& text) {
            emitEdited(text, false);
            m_thumb->showValue(text);
        });
        connect(m_line, &QLineEdit::editingFinished, this, &FieldRow::editingFinished);
        connect(m_choose, &QPushButton::clicked, this, &FieldRow::chooseRequested);
        break;
    }
    case Kind::Reference:
    case Kind::Select: {
        m_combo = new QComboBox(this);
        m_control = m_combo;
        m_combo->setEditable(true);
        m_combo->setInsertPolicy(QComboBox::NoInsert);
        m_combo->addItems(m_field.values);
        m_combo->completer()->setCaseSensitivity(Qt::CaseSensitive);
        m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        m_combo->setMinimumContentsLength(8);
        connect(m_combo->lineEdit(), &QLineEdit::textEdited, this,
                [this](const QString& text) { emitEdited(text, false); });
        connect(m_combo, &QComboBox::activated, this, [this](int index) {
            if (m_updating)
                return;
            // A reference's entries show the article's title; the value is what is written.
            const QVariant value = m_combo->itemData(index);
            const QString text = value.isValid() ? value.toString() : m_combo->itemText(index);
            if (m_combo->currentText() != text)
                m_combo->setEditText(text);
            emitEdited(text, false);
        });
        if (m_kind == Kind::Reference)
            m_combo->setCompleter(nullptr); // it would complete to an entry's title
        break;
    }
    case Kind::Date:
        m_date = new QDateEdit(this);
        m_control = m_date;
        m_date->setDisplayFormat(DateFormat);
        m_date->setCalendarPopup(true);
        m_date->setKeyboardTracking(false);
        m_date->setDateRange(NoDate, QDate(9999, 12, 31));
        connect(m_date, &QDateEdit::dateChanged, this, [this](QDate date) {
            if (m_updating || date == NoDate)
                return;
            m_storedText.clear();
            m_date->setSpecialValueText(QString());
            emitEdited(date.toString(DateFormat), true);
        });
        break;
    case Kind::Check:
        m_check = new QCheckBox(this);
        m_control = m_check;
        connect(m_check, &QCheckBox::clicked, this,
                [this](bool on) { emitEdited(booleanText(on, m_storedText), true); });
        break;
    }
    m_counter = new QLabel(this);
    m_counter->setVisible(false);
    m_status = new QLabel(this);
    m_status->setVisible(false);
    header->addWidget(m_label, 1);
    if ((m_kind == Kind::Line || m_kind == Kind::Multi || m_kind == Kind::Wrapped) &&
        (m_field.minLength || m_field.maxLength)) {
        m_meter = new LengthMeter(m_field, this);
        header->addWidget(m_meter);
    }
    header->addWidget(m_counter);
    header->addWidget(m_status);
    outer->addWidget(shown ? shown : m_control);

    if (!m_field.derive.isEmpty()) {
        m_derivedBox = new QWidget(this);
        auto* d = new QHBoxLayout(m_derivedBox);
        d->setContentsMargins(0, 0, 0, 0);
        m_derivedText = new QLabel(m_derivedBox);
        m_derivedText->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_derivedText->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        m_derivedText->installEventFilter(this); // elides again when resized
        m_useDerived = new QPushButton(tr("Use derived value"), m_derivedBox);
        m_useDerived->setAccessibleName(tr("Use derived value for %1").arg(m_field.label));
        d->addWidget(m_derivedText, 1);
        d->addWidget(m_useDerived);
        outer->addWidget(m_derivedBox);
        m_derivedBox->setVisible(false);
        connect(m_useDerived, &QPushButton::clicked, this, [this] {
            if (m_expected)
                Q_EMIT deriveRequested(*m_expected);
        });
    }

    m_label->setText(labelText());
    m_label->setBuddy(m_control);
    const QString name = m_field.label.isEmpty() ? m_field.key : m_field.label;
    QString tip = m_field.help;
    if (m_field.inferred || tip.isEmpty())
        tip = tip.isEmpty() ? tr("Key '%1'").arg(m_field.key) : tip;
    m_label->setToolTip(tip);
    m_control->setAccessibleName(name);
    m_control->setAccessibleDescription(m_field.help);
    if (m_kind != Kind::ReadOnly)
        m_control->setToolTip(tip);
    if (m_line && m_kind == Kind::Line)
        m_line->setPlaceholderText(m_field.help);
    if (m_tags && (!m_tags->isListMode() || !m_field.help.isEmpty()))
        m_tags->lineEdit()->setPlaceholderText(m_field.help);

    // Prose is spell-checked as it is typed; URLs, slugs, numbers and dates are not prose.
    const bool prose =
        type == FieldType::Text || type == FieldType::Textarea || type == FieldType::Markdown;
    if (prose && m_line && m_kind == Kind::Line)
        new LineSpellCheck(m_line);
    else if (prose && m_multi)
        new TextSpellCheck(m_multi, type == FieldType::Markdown ? TextSpellCheck::Syntax::Markdown
                                                                : TextSpellCheck::Syntax::Plain);

    // Undo belongs to the document's history, not to the inputs.
    for (QWidget* w : findChildren<QWidget*>()) {
        if (qobject_cast<QLineEdit*>(w) || qobject_cast<QPlainTextEdit*>(w) ||
            qobject_cast<QAbstractSpinBox*>(w) || qobject_cast<QComboBox*>(w))
            w->installEventFilter(UndoKeyFilter::instance());
        // Scrolling the form over a date, number or choice must not change it.
        if (qobject_cast<QAbstractSpinBox*>(w) || qobject_cast<QComboBox*>(w))
            WheelGuard::protect(w);
    }
}

void FieldRow::emitEdited(const QString& value, bool literal)
{
    updateCounter();
    updateDerived();
    Q_EMIT edited(value, literal);
}

QString FieldRow::text() const
{
    switch (m_kind) {
    case Kind::Line:
    case Kind::Image:
    case Kind::ReadOnly:
        return m_line->text();
    case Kind::Multi:
    case Kind::Wrapped:
        return m_multi->toPlainText();
    case Kind::Tags:
        return m_tags->text();
    case Kind::Select:
    case Kind::Reference:
        return m_combo->currentText();
    case Kind::Date:
        return m_date->date() == NoDate ? m_storedText : m_date->date().toString(DateFormat);
    case Kind::Check:
        return booleanText(m_check->isChecked(), m_storedText);
    }
    return {};
}

void FieldRow::setValue(const FmNode* node)
{
    m_updating = true;
    const QString text = node ? (node->isScalar() ? node->text : summary(*node)) : QString();
    switch (m_kind) {
    case Kind::Line:
    case Kind::Image:
    case Kind::ReadOnly:
        if (m_line->text() != text) {
            m_line->setText(text);
            if (!m_line->hasFocus())
                m_line->setCursorPosition(0); // show the start of a long value
        }
        break;
    case Kind::Multi:
    case Kind::Wrapped:
        if (m_multi->toPlainText() != text)
            m_multi->setPlainText(text);
        break;
    case Kind::Tags:
        if (m_tags->isListMode()) {
            QStringList items;
            if (node && node->isSequence()) {
                for (const FmNode& item : node->items)
                    items << item.text;
            }
            m_tags->setItems(items);
        } else {
            m_tags->setText(text);
        }
        break;
    case Kind::Reference:
        if (m_combo->currentText() != text)
            m_combo->setEditText(text);
        break;
    case Kind::Select:
        if (m_combo->currentText() != text) {
            const int index = m_combo->findText(text, Qt::MatchExactly);
            if (index >= 0)
                m_combo->setCurrentIndex(index);
            m_combo->setEditText(text);
        }
        break;
    case Kind::Date: {
        const QDate date = QDate::fromString(text, DateFormat);
        if (date.isValid() && date > NoDate) {
            m_storedText.clear();
            m_date->setSpecialValueText(QString());
            if (m_date->date() != date)
                m_date->setDate(date);
        } else {
            // Not a date the picker can show: keep the text on display until a date is picked.
            m_storedText = text;
            m_date->setSpecialValueText(text.isEmpty() ? tr("(none)") : text);
            m_date->setDate(NoDate);
        }
        break;
    }
    case Kind::Check:
        m_storedText = text; // remembers how the file spells its booleans
        m_check->setChecked(isTrue(text));
        break;
    }
    m_updating = false;
    updateValidator();
    updateCounter();
    updateDerived();
    if (m_thumb)
        m_thumb->showValue(text);
}

bool FieldRow::isList() const
{
    return m_tags && m_tags->isListMode();
}

void FieldRow::setImageResolver(std::function<QString(const QString&)> resolver)
{
    if (m_thumb)
        m_thumb->setResolver(std::move(resolver));
}

void FieldRow::setReferenceTargets(const QList<std::pair<QString, QString>>& targets)
{
    if (m_kind != Kind::Reference)
        return;
    const QSignalBlocker block(m_combo);
    const QString text = m_combo->currentText();
    m_combo->clear();
    for (const auto& [value, title] : targets) {
        const QString shown = title.isEmpty() || title == value
                                  ? value
                                  : QStringLiteral("%1 \u2014 %2").arg(value, title);
        m_combo->addItem(shown, value);
    }
    m_combo->setCurrentIndex(-1);
    m_combo->setEditText(text);
}

void FieldRow::updateValidator()
{
    if (!m_line || m_kind != Kind::Line)
        return;
    // Only guide typing: a value the file holds that does not fit is shown and stays editable.
    QString pattern;
    if (m_field.type == FieldType::Integer)
        pattern = QStringLiteral("[-+]?[0-9]*");
    else if (m_field.type == FieldType::Number)
        pattern = QStringLiteral("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]*)?([eE][-+]?[0-9]*)?");
    if (pattern.isEmpty())
        return;
    const QRegularExpression re(QStringLiteral("\\A(?:") + pattern + QStringLiteral(")\\z"));
    if (re.match(m_line->text()).hasMatch()) {
        if (!m_line->validator())
            m_line->setValidator(
                new QRegularExpressionValidator(QRegularExpression(pattern), m_line));
    } else if (const QValidator* v = m_line->validator()) {
        m_line->setValidator(nullptr);
        delete v;
    }
}

void FieldRow::updateCounter()
{
    std::optional<Diagnostic::Severity> out;
    QString text;
    if (m_kind == Kind::Tags && (m_field.minItems || m_field.maxItems)) {
        const qsizetype n = m_tags->tags().size();
        text = m_field.maxItems ? tr("%1/%2").arg(n).arg(*m_field.maxItems) : QString::number(n);
        if (m_field.maxItems && n > *m_field.maxItems)
            out = m_field.severityOf(QStringLiteral("max-items"));
        else if (m_field.minItems && n < *m_field.minItems)
            out = m_field.severityOf(QStringLiteral("min-items"));
        QString range;
        if (m_field.minItems && m_field.maxItems)
            range = tr("%1 to %2 wanted").arg(*m_field.minItems).arg(*m_field.maxItems);
        else if (m_field.maxItems)
            range = tr("at most %1 wanted").arg(*m_field.maxItems);
        else
            range = tr("at least %1 wanted").arg(*m_field.minItems);
        m_counter->setToolTip((n == 1 ? tr("1 tag") : tr("%1 tags").arg(n)) + QLatin1String("; ") +
                              range);
    } else if ((m_kind == Kind::Line || m_kind == Kind::Multi || m_kind == Kind::Wrapped) &&
               (m_field.minLength || m_field.maxLength)) {
        const qsizetype n = charCount(this->text());
        text = m_field.maxLength ? tr("%1/%2").arg(n).arg(*m_field.maxLength) : QString::number(n);
        // The meter says how the count stands ("48 of at most 60 characters") and colours both.
        m_meter->setCount(n);
        m_counter->setToolTip(m_meter->toolTip());
        QPalette pal = m_counter->palette();
        pal.setColor(QPalette::WindowText, m_meter->level() == LengthMeter::Level::Green
                                               ? palette().color(QPalette::PlaceholderText)
                                               : m_meter->color());
        m_counter->setPalette(pal);
        m_counter->setText(text);
        m_counter->setAccessibleName(m_counter->toolTip());
        m_counter->setVisible(true);
        return;
    } else {
        m_counter->setVisible(false);
        return;
    }
    m_counter->setText(text);
    QPalette pal = m_counter->palette();
    pal.setColor(QPalette::WindowText,
                 out ? severityColor(*out, palette()) : palette().color(QPalette::PlaceholderText));
    m_counter->setPalette(pal);
    m_counter->setAccessibleName(m_counter->toolTip());
    m_counter->setVisible(true);
}

void FieldRow::setExpected(const std::optional<QString>& expected)
{
    m_expected = expected;
    updateDerived();
}

bool FieldRow::derivedDiffers() const
{
    return m_expected && *m_expected != text();
}

void FieldRow::updateDerived()
{
    if (!m_derivedBox)
        return;
    const bool differs = derivedDiffers() && m_kind != Kind::ReadOnly;
    if (differs) {
        elideDerived();
        m_derivedText->setToolTip(
            tr("The template '%1' gives '%2'").arg(m_field.derive.text(), *m_expected));
    }
    m_derivedBox->setVisible(differs);
}

void FieldRow::setDiagnostics(const QList<Diagnostic>& diagnostics)
{
    m_diagnostics = diagnostics;
    if (diagnostics.isEmpty()) {
        m_status->setVisible(false);
        m_status->setToolTip(QString());
        return;
    }
    Diagnostic::Severity worst = Diagnostic::Severity::Info;
    QStringList messages;
    for (const Diagnostic& d : diagnostics) {
        if (int(d.severity) < int(worst))
            worst = d.severity;
        messages << QStringLiteral("%1: %2").arg(Diagnostic::severityName(d.severity), d.message);
    }
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    if (worst == Diagnostic::Severity::Error)
        icon = QStyle::SP_MessageBoxCritical;
    else if (worst == Diagnostic::Severity::Warning)
        icon = QStyle::SP_MessageBoxWarning;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_status->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(size, size));
    m_status->setToolTip(messages.join(QLatin1Char('\n')));
    m_status->setAccessibleName(messages.join(QLatin1Char('\n')));
    m_status->setVisible(true);
}

void FieldRow::setMnemonic(QChar letter)
{
    m_mnemonic = letter;
    m_label->setText(labelText());
}

void FieldRow::fitHeight()
{
    if (!m_multi)
        return;
    // QPlainTextEdit's layout measures the document in lines.
    const int lines =
        qBound(m_minLines, int(m_multi->document()->documentLayout()->documentSize().height()),
               m_maxLines);
    const QFontMetrics fm(m_multi->font());
    const int height = lines * fm.lineSpacing() + 2 * int(m_multi->document()->documentMargin()) +
                       2 * m_multi->frameWidth() + 1;
    if (m_multi->height() != height || m_multi->minimumHeight() != height)
        m_multi->setFixedHeight(height);
}

void FieldRow::elideDerived()
{
    if (!m_expected)
        return;
    // Cut at the end: derived paths differ near their start (the subject), and the tooltip has it
    // all.
    const QString full = tr("Derived: %1").arg(*m_expected);
    const QString shown = m_derivedText->fontMetrics().elidedText(full, Qt::ElideRight,
                                                                  qMax(40, m_derivedText->width()));
    if (m_derivedText->text() != shown)
        m_derivedText->setText(shown);
}

bool FieldRow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_derivedText && event->type() == QEvent::Resize)
        elideDerived();
    if (watched == m_multi) {
        if (event->type() == QEvent::Resize) {
            // After the editor has wrapped its text to the new width.
            QMetaObject::invokeMethod(this, &FieldRow::fitHeight, Qt::QueuedConnection);
        } else if (event->type() == QEvent::KeyPress && m_kind == Kind::Wrapped) {
            // A one-line value has no line breaks: Enter moves on, as in a line edit.
            const int key = static_cast<QKeyEvent*>(event)->key();
            if (key == Qt::Key_Return || key == Qt::Key_Enter) {
                Q_EMIT editingFinished();
                return true;
            }
        } else if (event->type() == QEvent::FocusOut) {
            Q_EMIT editingFinished();
        }
    }
    return QWidget::eventFilter(watched, event);
}

bool FieldRow::hasFocusInside() const
{
    const QWidget* focus = QApplication::focusWidget();
    return focus && (focus == this || isAncestorOf(focus));
}

} // namespace frontis
