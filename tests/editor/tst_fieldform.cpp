#include "editor/form/fieldform.h"
#include "editor/form/fieldrow.h"
#include "editor/form/objectlisteditor.h"
#include "editor/form/tageditor.h"
#include "model/schema/schema.h"
#include "model/yaml/document.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

using namespace frontis;

namespace {

QByteArray seedBytes()
{
    const QDir seed(QStringLiteral(FRONTIS_SHARED_DIR "/seed"));
    const QStringList files = seed.entryList({QStringLiteral("*.md")}, QDir::Files);
    if (files.isEmpty())
        return {};
    QFile f(seed.filePath(files.first()));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

std::shared_ptr<const Schema> quicktakes()
{
    std::optional<Schema> s = Schema::builtIn(QStringLiteral("quicktakes"));
    return s ? std::make_shared<const Schema>(std::move(*s)) : nullptr;
}

// The lines of `before` that differ in `after` (both split at '\n'); the texts must have the
// same number of lines.
QList<int> changedLines(const QByteArray& before, const QByteArray& after)
{
    const QList<QByteArray> a = before.split('\n');
    const QList<QByteArray> b = after.split('\n');
    QList<int> out;
    if (a.size() != b.size())
        return {-1};
    for (int i = 0; i < a.size(); ++i) {
        if (a[i] != b[i])
            out << i;
    }
    return out;
}

int lineOf(const QByteArray& bytes, const QByteArray& startsWith)
{
    const QList<QByteArray> lines = bytes.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        if (lines[i].startsWith(startsWith))
            return i;
    }
    return -1;
}

// Replaces the text of a line edit as a writer does: select all, type.
void retype(QLineEdit* edit, const QString& text)
{
    edit->setFocus();
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Delete);
    else
        QTest::keyClicks(edit, text);
}

} // namespace

class TestFieldForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wheelOverTheFormChangesNothing();
    void initTestCase();
    void init();
    void cleanup();

    void schemaOrderAndGroups();
    void everyControlHasAnAccessibleName();
    void untouchedFormChangesNothing();
    void lineEditWritesOnlyItsLine();
    void counterFollowsLimits();
    void tagEditorRoundTrips();
    void tagEditorRemovesChip();
    void tagSplit_data();
    void tagSplit();
    void dateEditWritesIsoDate();
    void numberKeepsItsWrittenForm();
    void integerField();
    void derivedValueOffered();
    void selectOffersSchemaValues();
    void unknownKeysAreEditableUnderOther();
    void missingKeyIsInsertedInSchemaOrder();
    void sequenceItemsAreEditable();
    void readOnlyForAliases();
    void refusedEditRevertsControl();
    void diagnosticsMarkFields();
    void undoKeysDoNotReachInputs();
    void tomlAndJsonFrontMatter();

private:
    QByteArray m_seed;
    std::optional<Document> m_doc;
    FieldForm* m_form = nullptr;
};

void TestFieldForm::initTestCase()
{
    m_seed = seedBytes();
    if (m_seed.isEmpty())
        QSKIP("the seed article is not available");
    QVERIFY(quicktakes());
}

void TestFieldForm::init()
{
    Result<Document> doc = Document::fromBytes(m_seed);
    QVERIFY(doc);
    m_doc = std::move(doc.value());
    m_form = new FieldForm;
    m_form->resize(420, 700);
    m_form->setDocument(&*m_doc, quicktakes(), {QStringLiteral("answer")});
    m_form->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_form));
}

void TestFieldForm::cleanup()
{
    delete m_form;
    m_form = nullptr;
    m_doc.reset();
}

void TestFieldForm::schemaOrderAndGroups()
{
    const QStringList keys = m_form->keys();
    QVERIFY(!keys.contains(QStringLiteral("answer")));
    // Every schema field but the answer, group by group, in schema order within a group.
    const std::shared_ptr<const Schema> schema = quicktakes(); // outlives the loops
    QStringList expected;
    for (const char* group : {"Article", "SEO", "Publishing", "Other"}) {
        for (const SchemaField& f : schema->fields()) {
            if (f.key != QLatin1String("answer") && f.group == QLatin1String(group))
                expected << f.key;
        }
    }
    QCOMPARE(keys, expected);
    QCOMPARE(keys.mid(0, 3), (QStringList{QStringLiteral("title"), QStringLiteral("article_title"),
                                          QStringLiteral("question")}));

    // Groups in the fixed order, Other last.
    QStringList titles;
    for (const QGroupBox* box :
         m_form->widget()->findChildren<QGroupBox*>(Qt::FindDirectChildrenOnly))
        titles << box->title();
    QCOMPARE(titles, (QStringList{QStringLiteral("Article"), QStringLiteral("SEO"),
                                  QStringLiteral("Publishing"), QStringLiteral("Other")}));
    // A field sits in its group's box.
    auto* box = qobject_cast<QGroupBox*>(m_form->row(QStringLiteral("seo.title"))->parentWidget());
    QVERIFY(box);
    QCOMPARE(box->title(), QStringLiteral("SEO"));
}

void TestFieldForm::everyControlHasAnAccessibleName()
{
    QSet<QChar> mnemonics;
    for (const QString& key : m_form->keys()) {
        FieldRow* row = m_form->row(key);
        QVERIFY(row);
        QVERIFY2(!row->control()->accessibleName().isEmpty(), qPrintable(key));
        QCOMPARE(row->label()->buddy(), row->control());
        QVERIFY2(row->control()->focusPolicy() & Qt::TabFocus, qPrintable(key));
        const QString text = row->label()->text();
        const qsizetype amp = text.indexOf(QLatin1Char('&'));
        if (amp >= 0 && amp + 1 < text.size() && text.at(amp + 1) != QLatin1Char('&')) {
            const QChar m = text.at(amp + 1).toLower();
            QVERIFY2(!mnemonics.contains(m),
                     qPrintable(QStringLiteral("duplicate mnemonic in ") + text));
            mnemonics.insert(m);
        }
    }
    QVERIFY(mnemonics.size() >= 10);
    QCOMPARE(m_form->control(QStringLiteral("seo.title"))->accessibleName(),
             QStringLiteral("SEO title"));
}

void TestFieldForm::untouchedFormChangesNothing()
{
    m_form->refresh();
    QCOMPARE(m_doc->bytes(), m_seed);
    // Focus passing through every control writes nothing either.
    for (const QString& key : m_form->keys()) {
        m_form->focusField(key);
        QApplication::processEvents();
    }
    m_form->setFocus();
    QApplication::processEvents();
    QCOMPARE(m_doc->bytes(), m_seed);
}

void TestFieldForm::lineEditWritesOnlyItsLine()
{
    auto* edit = qobject_cast<QLineEdit*>(m_form->control(QStringLiteral("seo.title")));
    QVERIFY(edit);
    QCOMPARE(edit->text(), QStringLiteral("QuickTakes | Computer Science"));
    QSignalSpy edited(m_form, &FieldForm::edited);
    retype(edit, QStringLiteral("QuickTakes | Deep Learning"));
    QVERIFY(edited.count() > 0);
    QCOMPARE(changedLines(m_seed, m_doc->bytes()), QList<int>{lineOf(m_seed, "  title:")});
    QVERIFY(m_doc->bytes().contains("  title: QuickTakes | Deep Learning\n"));
}

void TestFieldForm::counterFollowsLimits()
{
    FieldRow* row = m_form->row(QStringLiteral("seo.title"));
    QLabel* count = nullptr;
    for (QLabel* l : row->findChildren<QLabel*>()) {
        if (l->text().endsWith(QLatin1String("/60")))
            count = l;
    }
    QVERIFY(count);
    QCOMPARE(count->text(), QStringLiteral("29/60"));
    const QColor normal = count->palette().color(QPalette::WindowText);
    auto* edit = qobject_cast<QLineEdit*>(row->control());
    edit->setFocus();
    edit->end(false);
    QTest::keyClicks(edit, QString(40, QLatin1Char('x')));
    QCOMPARE(count->text(), QStringLiteral("69/60"));
    QVERIFY(count->palette().color(QPalette::WindowText) != normal);
}

void TestFieldForm::tagEditorRoundTrips()
{
    FieldRow* row = m_form->row(QStringLiteral("seo.page_keywords"));
    QVERIFY(row);
    TagEditor* tags = row->tagEditor();
    QVERIFY(tags);
    const QString stored =
        m_doc->find({QStringLiteral("seo"), QStringLiteral("page_keywords")})->text;
    QCOMPARE(tags->text(), stored);
    QCOMPARE(tags->tags().size(), 10);
    QCOMPARE(tags->chips()->count(), 10);
    QCOMPARE(tags->tags().first(), QStringLiteral("computing power"));
    // Focus in and out, retyping the same text: nothing is written.
    tags->lineEdit()->setFocus();
    tags->lineEdit()->end(false);
    QTest::keyClick(tags->lineEdit(), Qt::Key_Space);
    QTest::keyClick(tags->lineEdit(), Qt::Key_Backspace);
    QCOMPARE(m_doc->bytes(), m_seed);
    // Adding a tag by typing keeps the rest of the string as it was.
    QTest::keyClicks(tags->lineEdit(), QStringLiteral(", tensors"));
    QCOMPARE(m_doc->find({QStringLiteral("seo"), QStringLiteral("page_keywords")})->text,
             stored + QStringLiteral(", tensors"));
    QCOMPARE(tags->chips()->count(), 11);
    QCOMPARE(changedLines(m_seed, m_doc->bytes()),
             QList<int>{lineOf(m_seed, "  page_keywords:") + 1});
}

void TestFieldForm::tagEditorRemovesChip()
{
    TagEditor* tags = m_form->row(QStringLiteral("seo.page_keywords"))->tagEditor();
    QVERIFY(tags);
    // Delete on the selected chip removes it, like its × mark.
    tags->chips()->setFocus();
    tags->chips()->setCurrentRow(1);
    QTest::keyClick(tags->chips(), Qt::Key_Delete);
    const QString text =
        m_doc->find({QStringLiteral("seo"), QStringLiteral("page_keywords")})->text;
    QVERIFY(text.startsWith(QLatin1String("computing power, hardware advancements, GPUs")));
    QVERIFY(!text.contains(QLatin1String("deep learning")));
    QCOMPARE(tags->chips()->count(), 9);
    // Clicking the × at a chip's right end removes that chip.
    const QRect first = tags->chips()->visualRect(tags->chips()->model()->index(0, 0));
    QVERIFY(first.isValid());
    QTest::mouseClick(tags->chips()->viewport(), Qt::LeftButton, {},
                      QPoint(first.right() - 10, first.center().y()));
    QCOMPARE(tags->chips()->count(), 8);
    QVERIFY(m_doc->find({QStringLiteral("seo"), QStringLiteral("page_keywords")})
                ->text.startsWith(QLatin1String("hardware advancements, GPUs")));
    // Clicking the text of a chip only selects it.
    const QRect chip = tags->chips()->visualRect(tags->chips()->model()->index(0, 0));
    QTest::mouseClick(tags->chips()->viewport(), Qt::LeftButton, {},
                      chip.topLeft() + QPoint(10, chip.height() / 2));
    QCOMPARE(tags->chips()->count(), 8);
}

void TestFieldForm::tagSplit_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("separator");
    QTest::addColumn<QStringList>("tags");
    QTest::newRow("comma-space") << QStringLiteral("a, b, c") << QStringLiteral(",")
                                 << QStringList{QStringLiteral("a"), QStringLiteral("b"),
                                                QStringLiteral("c")};
    QTest::newRow("tight") << QStringLiteral("a,b") << QStringLiteral(",")
                           << QStringList{QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("empty parts") << QStringLiteral(" , a,, ") << QStringLiteral(",")
                                 << QStringList{QStringLiteral("a")};
    QTest::newRow("semicolon") << QStringLiteral("x y; z; w") << QStringLiteral(";")
                               << QStringList{QStringLiteral("x y"), QStringLiteral("z"),
                                              QStringLiteral("w")};
    QTest::newRow("tight three") << QStringLiteral("a,b,c") << QStringLiteral(",")
                                 << QStringList{QStringLiteral("a"), QStringLiteral("b"),
                                                QStringLiteral("c")};
    QTest::newRow("empty") << QString() << QStringLiteral(",") << QStringList{};
}

void TestFieldForm::tagSplit()
{
    QFETCH(QString, text);
    QFETCH(QString, separator);
    QFETCH(QStringList, tags);
    QCOMPARE(TagEditor::split(text, separator), tags);
    // Removing a tag keeps the writer's spacing.
    TagEditor editor;
    editor.setSeparator(separator);
    editor.setText(text);
    QSignalSpy spy(&editor, &TagEditor::textEdited);
    QCOMPARE(editor.chips()->count(), tags.size());
    if (tags.size() >= 2) {
        editor.removeTag(0);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().first().toString(), editor.text());
        QCOMPARE(TagEditor::split(editor.text(), separator), tags.mid(1));
        QCOMPARE(editor.chips()->count(), tags.size() - 1);
    }
    if (tags.size() >= 3)
        QCOMPARE(editor.text().contains(separator + QLatin1Char(' ')),
                 text.contains(separator + QLatin1Char(' ')));
}

void TestFieldForm::dateEditWritesIsoDate()
{
    auto* date = qobject_cast<QDateEdit*>(m_form->control(QStringLiteral("date")));
    QVERIFY(date);
    QCOMPARE(date->date(), QDate(2024, 11, 26));
    date->setDate(QDate(2025, 3, 7));
    QVERIFY(m_doc->bytes().contains("\ndate: 2025-03-07\n"));
    QCOMPARE(changedLines(m_seed, m_doc->bytes()), QList<int>{lineOf(m_seed, "date:")});
    // Keyboard: step the day with the arrow key.
    date->setFocus();
    date->setCurrentSection(QDateTimeEdit::DaySection);
    QTest::keyClick(date, Qt::Key_Up);
    QVERIFY(m_doc->bytes().contains("\ndate: 2025-03-08\n"));
}

void TestFieldForm::numberKeepsItsWrittenForm()
{
    auto* score = qobject_cast<QLineEdit*>(m_form->control(QStringLiteral("score")));
    QVERIFY(score);
    QCOMPARE(score->text(), QStringLiteral("-1.0"));
    QVERIFY(score->validator()); // only number characters can be typed
    retype(score, QStringLiteral("0.5"));
    QVERIFY(m_doc->bytes().contains("\nscore: 0.5\n"));
    // A whole number stays a float in the file; the field shows that once the writer leaves it.
    retype(score, QStringLiteral("2"));
    QVERIFY(m_doc->bytes().contains("\nscore: 2.0\n"));
    QCOMPARE(score->text(), QStringLiteral("2")); // not rewritten under the writer's cursor
    m_form->control(QStringLiteral("id"))->setFocus();
    QCOMPARE(score->text(), QStringLiteral("2.0"));
    QTest::keyClicks(score, QStringLiteral("abc")); // refused by the validator
    QVERIFY(m_doc->bytes().contains("\nscore: 2.0\n"));
    // YAML 1.1 readers take 1e3 for a string: the number is written in a form both agree on.
    retype(score, QStringLiteral("1e3"));
    QVERIFY2(m_doc->bytes().contains("\nscore: 1000.0\n"), m_doc->bytes().constData());
}

void TestFieldForm::integerField()
{
    auto* id = qobject_cast<QLineEdit*>(m_form->control(QStringLiteral("id")));
    QVERIFY(id);
    QCOMPARE(id->text(), QStringLiteral("51098"));
    retype(id, QStringLiteral("51099"));
    QVERIFY(m_doc->bytes().contains("\nid: 51099\n"));
    QTest::keyClicks(id, QStringLiteral("x."));
    QCOMPARE(id->text(), QStringLiteral("51099"));
    QVERIFY(m_doc->bytes().contains("\nid: 51099\n"));
}

void TestFieldForm::derivedValueOffered()
{
    FieldRow* url = m_form->row(QStringLiteral("url"));
    QVERIFY(url);
    auto* button = url->findChild<QPushButton*>();
    QVERIFY(button);
    QVERIFY(!url->derivedDiffers());
    QVERIFY(!button->isVisible());

    // The subject is an editable combo offering the schema's subjects.
    auto* subject = qobject_cast<QComboBox*>(m_form->control(QStringLiteral("subject")));
    QVERIFY(subject);
    QVERIFY(subject->isEditable());
    QVERIFY(subject->findText(QStringLiteral("Mathematics")) >= 0);
    QCOMPARE(subject->currentText(), QStringLiteral("Computer Science"));
    // Changing the subject does not touch the URL, but offers the derived one.
    retype(subject->lineEdit(), QStringLiteral("Machine Learning"));
    const QByteArray afterSubject = m_doc->bytes();
    QVERIFY(afterSubject.contains("\nurl: /learn/computer-science/questions/"));
    QVERIFY(url->derivedDiffers());
    QVERIFY(button->isVisible());
    QVERIFY(m_form->row(QStringLiteral("seo.title"))->derivedDiffers());
    QCOMPARE(*m_form->row(QStringLiteral("seo.title"))->expected(),
             QStringLiteral("QuickTakes | Machine Learning"));

    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(m_doc->bytes().contains(
        "\nurl: "
        "/learn/machine-learning/questions/"
        "how-have-advancements-in-computing-power-influenced-deep-learning\n"));
    QVERIFY(!url->derivedDiffers());
    QVERIFY(!button->isVisible());
    QCOMPARE(qobject_cast<QLineEdit*>(url->control())->text(),
             QStringLiteral("/learn/machine-learning/questions/"
                            "how-have-advancements-in-computing-power-influenced-deep-learning"));
    QCOMPARE(changedLines(afterSubject, m_doc->bytes()), QList<int>{lineOf(m_seed, "url:")});
}

void TestFieldForm::selectOffersSchemaValues()
{
    const Result<Schema> schema =
        Schema::fromYaml(QByteArrayLiteral("name: t\nfields:\n  - key: subject\n    type: select\n "
                                           "   values: [Biology, Computer Science, History]\n"
                                           "  - key: flag\n    type: boolean\n"));
    QVERIFY2(schema, schema ? "" : qPrintable(schema.error().message));
    Result<Document> doc =
        Document::fromBytes("---\nsubject: Computer Science\nflag: yes\n---\nbody");
    QVERIFY(doc);
    FieldForm form;
    form.setDocument(&doc.value(), std::make_shared<const Schema>(schema.value()));
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    auto* combo = qobject_cast<QComboBox*>(form.control(QStringLiteral("subject")));
    QVERIFY(combo);
    QVERIFY(combo->isEditable());
    QCOMPARE(combo->count(), 3);
    QCOMPARE(combo->currentText(), QStringLiteral("Computer Science"));
    QCOMPARE(doc->bytes(), QByteArray("---\nsubject: Computer Science\nflag: yes\n---\nbody"));
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Up); // the item above: Biology
    QCOMPARE(doc->bytes(), QByteArray("---\nsubject: Biology\nflag: yes\n---\nbody"));
    // Free text is allowed (the validator says whether it is one of the values).
    combo->lineEdit()->selectAll();
    QTest::keyClicks(combo->lineEdit(), QStringLiteral("Art"));
    QCOMPARE(doc->bytes(), QByteArray("---\nsubject: Art\nflag: yes\n---\nbody"));
    // A boolean is written as a literal both YAML 1.1 and 1.2 readers read as one: `no` is a
    // string to 1.2 readers, so unchecking `yes` writes `false`.
    auto* flag = qobject_cast<QCheckBox*>(form.control(QStringLiteral("flag")));
    QVERIFY(flag);
    QVERIFY(flag->isChecked());
    flag->setFocus();
    QTest::keyClick(flag, Qt::Key_Space);
    QCOMPARE(doc->bytes(), QByteArray("---\nsubject: Art\nflag: false\n---\nbody"));
}

void TestFieldForm::unknownKeysAreEditableUnderOther()
{
    Result<Document> doc = Document::fromBytes(m_seed + QByteArray()); // seed has none: add one
    QVERIFY(doc);
    QVERIFY(!doc->setString({QStringLiteral("draft_note")}, QStringLiteral("check sources")));
    const QByteArray before = doc->bytes();
    FieldForm form;
    form.setDocument(&doc.value(), quicktakes(), {QStringLiteral("answer")});
    FieldRow* row = form.row(QStringLiteral("draft_note"));
    QVERIFY(row);
    QCOMPARE(qobject_cast<QGroupBox*>(row->parentWidget())->title(), QStringLiteral("Other"));
    QCOMPARE(form.keys().last(), QStringLiteral("draft_note"));
    auto* edit = qobject_cast<QLineEdit*>(row->control());
    QVERIFY(edit);
    QCOMPARE(edit->text(), QStringLiteral("check sources"));
    form.show();
    retype(edit, QStringLiteral("sources checked"));
    QCOMPARE(changedLines(before, doc->bytes()).size(), 1);
    QVERIFY(doc->bytes().contains("draft_note: sources checked\n"));
}

void TestFieldForm::missingKeyIsInsertedInSchemaOrder()
{
    Result<Document> doc = Document::fromBytes("---\n_schema: default\nid: 7\ntitle: T\n---\n");
    QVERIFY(doc);
    FieldForm form;
    form.setDocument(&doc.value(), quicktakes(), {QStringLiteral("answer")});
    form.show();
    auto* date = qobject_cast<QDateEdit*>(form.control(QStringLiteral("date")));
    QVERIFY(date);
    QCOMPARE(date->date(), QDate(1000, 1, 1)); // "no date" shown as the special value
    QCOMPARE(doc->bytes(), QByteArray("---\n_schema: default\nid: 7\ntitle: T\n---\n"));
    date->setDate(QDate(2024, 1, 2));
    // The schema puts date after id.
    QCOMPARE(doc->bytes(),
             QByteArray("---\n_schema: default\nid: 7\ndate: 2024-01-02\ntitle: T\n---\n"));
    retype(qobject_cast<QLineEdit*>(form.control(QStringLiteral("seo.title"))),
           QStringLiteral("S"));
    QVERIFY(doc->bytes().contains("seo:\n  title: S\n"));
}

void TestFieldForm::sequenceItemsAreEditable()
{
    Result<Document> doc = Document::fromBytes("---\ntags:\n  - one\n  - two\n---\n");
    QVERIFY(doc);
    FieldForm form;
    form.setDocument(&doc.value(), std::make_shared<const Schema>(Schema::generic()));
    form.show();
    FieldRow* row = form.row(QStringLiteral("tags"));
    QVERIFY(row);
    // A list of values is the tag editor in list mode: one chip per item.
    QCOMPARE(row->kind(), FieldRow::Kind::Tags);
    QVERIFY(row->isList());
    QListWidget* chips = row->tagEditor()->chips();
    QCOMPARE(chips->count(), 2);
    QCOMPARE(chips->item(1)->text(), QStringLiteral("two"));
    QVERIFY(chips->item(1)->flags() & Qt::ItemIsEditable);
    // Editing a chip (double click or F2, then typing) changes that item only.
    chips->item(1)->setText(QStringLiteral("three"));
    QCOMPARE(doc->bytes(), QByteArray("---\ntags:\n  - one\n  - three\n---\n"));
}

void TestFieldForm::readOnlyForAliases()
{
    Result<Document> doc = Document::fromBytes("---\na: &x 1\nb: *x\nm:\n  - k: v\n---\n");
    QVERIFY(doc);
    FieldForm form;
    form.setDocument(&doc.value(), std::make_shared<const Schema>(Schema::generic()));
    auto* b = qobject_cast<QLineEdit*>(form.control(QStringLiteral("b")));
    QVERIFY(b);
    QVERIFY(b->isReadOnly());
    // A list of mappings is a list of objects with editable items (tst_structureform).
    QVERIFY(form.objectList(QStringLiteral("m")));
    auto* k = qobject_cast<QLineEdit*>(form.control(QStringLiteral("m.0.k")));
    QVERIFY(k);
    QVERIFY(!k->isReadOnly());
}

void TestFieldForm::refusedEditRevertsControl()
{
    QSignalSpy refused(m_form, &FieldForm::editRefused);
    m_form->setApplier([](const FieldEdit&) -> Status { return Error{QStringLiteral("no")}; });
    auto* edit = qobject_cast<QLineEdit*>(m_form->control(QStringLiteral("author")));
    QVERIFY(edit);
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_X);
    QCOMPARE(refused.count(), 1);
    QCOMPARE(refused.first().at(0).toString(), QStringLiteral("author"));
    QCOMPARE(edit->text(), QStringLiteral("QuickTakes"));
    QCOMPARE(m_doc->bytes(), m_seed);
}

void TestFieldForm::diagnosticsMarkFields()
{
    Diagnostic d;
    d.severity = Diagnostic::Severity::Error;
    d.rule = QStringLiteral("required");
    d.key = QStringLiteral("seo.title");
    d.message = QStringLiteral("'seo.title' is required");
    m_form->setDiagnostics({d});
    FieldRow* row = m_form->row(QStringLiteral("seo.title"));
    QCOMPARE(row->diagnostics().size(), 1);
    bool marked = false;
    for (const QLabel* l : row->findChildren<QLabel*>()) {
        if (l->isVisibleTo(row) && l->toolTip().contains(QLatin1String("is required")) &&
            !l->pixmap().isNull())
            marked = true;
    }
    QVERIFY(marked);
    QVERIFY(m_form->row(QStringLiteral("author"))->diagnostics().isEmpty());
    m_form->setDiagnostics({});
    QVERIFY(row->diagnostics().isEmpty());
    QVERIFY(m_form->focusField(QStringLiteral("seo.title")));
    QTRY_VERIFY(m_form->control(QStringLiteral("seo.title"))->hasFocus());
}

void TestFieldForm::undoKeysDoNotReachInputs()
{
    auto* edit = qobject_cast<QLineEdit*>(m_form->control(QStringLiteral("author")));
    edit->setFocus();
    edit->end(false);
    QTest::keyClicks(edit, QStringLiteral("abc"));
    const QByteArray typed = m_doc->bytes();
    QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier);
    // The line edit's own undo would change the text behind the document's history.
    QCOMPARE(edit->text(), QStringLiteral("QuickTakesabc"));
    QCOMPARE(m_doc->bytes(), typed);
}

// Issue 16: scrolling the sample's form with the wheel changed its Date as the date field passed
// under the pointer. The wheel is turned over every point of the form, down to its end and back
// up, as a writer scrolls: the form scrolls and no value changes.
void TestFieldForm::wheelOverTheFormChangesNothing()
{
    QVERIFY(m_form->control(QStringLiteral("date"))); // a date field is there to be turned
    const QByteArray before = m_doc->bytes();
    QScrollBar* bar = m_form->verticalScrollBar();
    QVERIFY(bar->maximum() > 0); // taller than the view: there is something to scroll
    QWidget* viewport = m_form->viewport();
    int highest = bar->value();
    for (const int delta : {-120, 120}) { // down, then up
        for (int turn = 0; turn < 40; ++turn) {
            for (int y = 5; y < viewport->height(); y += 12) {
                for (const int x : {40, viewport->width() / 2, viewport->width() - 40}) {
                    const QPoint at(x, y);
                    QWidget* target = viewport->childAt(at);
                    if (!target)
                        target = viewport;
                    // As QApplication delivers a real wheel turn: to the widget under the
                    // pointer, then to its parents while it is ignored (events sent from code
                    // are not passed on by Qt 6 itself).
                    for (QWidget* w = target; w; w = w->parentWidget()) {
                        const QPointF local = w->mapFrom(viewport, QPointF(at));
                        QWheelEvent wheel(local, w->mapToGlobal(local), QPoint(), QPoint(0, delta),
                                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
                        QApplication::sendEvent(w, &wheel);
                        if (wheel.isAccepted() || w == viewport)
                            break;
                    }
                }
            }
            highest = qMax(highest, bar->value());
        }
    }
    QCOMPARE(m_doc->bytes(), before);
    QVERIFY(!m_doc->isModified());
    QCOMPARE(highest, bar->maximum());      // the wheel scrolled the form to its end
    QCOMPARE(bar->value(), bar->minimum()); // and back
    // A field the writer is in still takes the wheel, as Qt's boxes do.
    auto* date = qobject_cast<QDateEdit*>(m_form->control(QStringLiteral("date")));
    QVERIFY(date);
    m_form->ensureWidgetVisible(date);
    date->setFocus();
    QVERIFY(date->hasFocus());
    date->setCurrentSection(QDateTimeEdit::YearSection);
    QWheelEvent wheel(QPointF(5, 5), date->mapToGlobal(QPointF(5, 5)), QPoint(), QPoint(0, 120),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(date, &wheel);
    QVERIFY(m_doc->bytes() != before);
}

// Issue 20: the form edits TOML and JSON front matter as it does YAML, one line per edit.
void TestFieldForm::tomlAndJsonFrontMatter()
{
    for (const char* name : {"toml/hugo-archetype.md", "json/hugo.md"}) {
        QFile f(QStringLiteral(FRONTIS_SOURCE_DIR "/tests/data/") + QLatin1String(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        Result<Document> doc = Document::fromBytes(before);
        QVERIFY2(doc, name);
        FieldForm form;
        form.resize(420, 700);
        form.setDocument(&doc.value(), std::make_shared<const Schema>(Schema::generic()), {});
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        form.refresh();
        QCOMPARE(doc->bytes(), before);
        auto* edit = qobject_cast<QLineEdit*>(form.control(QStringLiteral("title")));
        QVERIFY2(edit, name);
        retype(edit, QStringLiteral("A \"quoted\" title"));
        QCOMPARE(doc->find({QStringLiteral("title")})->text, QStringLiteral("A \"quoted\" title"));
        QCOMPARE(changedLines(before, doc->bytes()), QList<int>{1});
    }
}

QTEST_MAIN(TestFieldForm)
#include "tst_fieldform.moc"
