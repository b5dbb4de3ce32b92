// The form's structures: nested maps as collapsible groups, lists of values as the tag editor
// (empty ones too), lists of objects with Add, Remove, Move and Duplicate, image fields with an
// injected chooser and reference fields; each edit changes only its own lines, and each
// structural edit is one step of the window's history.
#include "../model/testutil.h"
#include "../model/yaml11reader.h"
#include "editor/articleeditor.h"
#include "editor/form/fieldform.h"
#include "editor/form/fieldgroup.h"
#include "editor/form/fieldrow.h"
#include "editor/form/imagethumbnail.h"
#include "editor/form/objectlisteditor.h"
#include "editor/form/tageditor.h"
#include "model/schema/schemalibrary.h"
#include "model/yaml/document.h"

#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace Qt::Literals::StringLiterals;
using namespace frontis;

namespace {

std::shared_ptr<const Schema> generic()
{
    return std::make_shared<const Schema>(Schema::generic());
}

std::shared_ptr<const Schema> schemaFrom(const QByteArray& yaml)
{
    Result<Schema> s = Schema::fromYaml(yaml, u"test"_s);
    if (!s)
        qWarning("%s", qPrintable(s.error().message));
    return s ? std::make_shared<const Schema>(std::move(s.value())) : nullptr;
}

// Types `text` into the line edit and presses Enter, as a writer adds a list item.
void addByTyping(QLineEdit* edit, const QString& text)
{
    edit->setFocus();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

void retype(QLineEdit* edit, const QString& text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
}

// The Hugo docs article with a list of objects (`resources: [{src, params: {byline}}]`).
const char* const DocsyArticle =
    "/corpus/real/google__docsy/docsy.dev__content__en__docs__content__shortcodes__index.md";

} // namespace

class TestStructureForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyListTakesAFirstItem();
    void unknownListOfStringsIsOneTagEditor();
    void nestedMapIsACollapsibleGroup();
    void objectFieldShowsItsFields();
    void listOfObjectsOnACorpusArticle();
    void structuralEditsAreOneUndoStep();
    void referenceOffersTheFolderValues();
    void imagePathFollowsTheFolder();
};

void TestStructureForm::emptyListTakesAFirstItem()
{
    const QByteArray original = "---\ntitle: T\naliases: []\ndraft: false\n---\nBody\n";
    Result<Document> doc = Document::fromBytes(original);
    QVERIFY(doc);
    FieldForm form;
    form.setDocument(&doc.value(), generic());
    form.show();
    FieldRow* row = form.row(u"aliases"_s);
    QVERIFY(row);
    QVERIFY(row->isList());
    QCOMPARE(row->tagEditor()->chips()->count(), 0);
    QVERIFY(!row->tagEditor()->lineEdit()->placeholderText().isEmpty());
    // Typing and Enter adds the first item, in the list's flow style; only that line changes.
    addByTyping(row->tagEditor()->lineEdit(), u"/old/path/"_s);
    QCOMPARE(doc->bytes(),
             QByteArray("---\ntitle: T\naliases: [/old/path/]\ndraft: false\n---\nBody\n"));
    row = form.row(u"aliases"_s);
    QCOMPARE(row->tagEditor()->chips()->count(), 1);
    QVERIFY(row->tagEditor()->lineEdit()->text().isEmpty());
    addByTyping(row->tagEditor()->lineEdit(), u"/older/"_s);
    QCOMPARE(
        doc->bytes(),
        QByteArray("---\ntitle: T\naliases: [/old/path/, /older/]\ndraft: false\n---\nBody\n"));
    // Delete on a chip removes its item; the last one leaves the empty list again.
    row = form.row(u"aliases"_s);
    QListWidget* chips = row->tagEditor()->chips();
    chips->setFocus();
    chips->setCurrentRow(0);
    QTest::keyClick(chips, Qt::Key_Delete);
    QCOMPARE(doc->bytes(),
             QByteArray("---\ntitle: T\naliases: [/older/]\ndraft: false\n---\nBody\n"));
    row->tagEditor()->removeTag(0);
    QCOMPARE(doc->bytes(), original);
}

void TestStructureForm::unknownListOfStringsIsOneTagEditor()
{
    // Hugo aliases as a block list: one tag editor, not one text box per item.
    Result<Document> doc = Document::fromBytes("---\naliases:\n  - /a/\n  - /b/\n---\n");
    QVERIFY(doc);
    FieldForm form;
    form.setDocument(&doc.value(), generic());
    form.show();
    FieldRow* row = form.row(u"aliases"_s);
    QVERIFY(row);
    QVERIFY(row->isList());
    QCOMPARE(row->findChildren<QLineEdit*>().size(), 1);
    QCOMPARE(row->tagEditor()->tags(), (QStringList{u"/a/"_s, u"/b/"_s}));
    addByTyping(row->tagEditor()->lineEdit(), u"/c/"_s);
    QCOMPARE(doc->bytes(), QByteArray("---\naliases:\n  - /a/\n  - /b/\n  - /c/\n---\n"));
}

void TestStructureForm::nestedMapIsACollapsibleGroup()
{
    const QByteArray original = "---\ntitle: Install\nmenu:\n  main:\n    weight: 10\n"
                                "    parent: docs\ncascade:\n  type: docs\n---\n";
    Result<Document> doc = Document::fromBytes(original);
    QVERIFY(doc);
    FieldForm form;
    form.setDocument(&doc.value(), generic());
    form.resize(400, 800);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    FieldGroup* menu = form.group(u"menu"_s);
    FieldGroup* main = form.group(u"menu.main"_s);
    QVERIFY(menu);
    QVERIFY(main);
    QVERIFY(form.group(u"cascade"_s));
    QCOMPARE(menu->titleButton()->text(), u"Menu"_s);
    QVERIFY(menu->content()->isAncestorOf(main));
    FieldRow* weight = form.row(u"menu.main.weight"_s);
    QVERIFY(weight);
    QCOMPARE(weight->label()->text().remove(u'&'), u"Weight"_s);
    QVERIFY(main->content()->isAncestorOf(weight));
    // Nested maps are indented: the row sits right of its group's title.
    QVERIFY(weight->mapTo(&form, QPoint(0, 0)).x() > main->mapTo(&form, QPoint(0, 0)).x());
    QVERIFY(main->mapTo(&form, QPoint(0, 0)).x() > menu->mapTo(&form, QPoint(0, 0)).x());
    QVERIFY(weight->isVisible());
    // An unfolded title is drawn as a plain title, not as a pressed (checked) button.
    QVERIFY(!menu->titleButton()->isCheckable());
    QVERIFY(!menu->titleButton()->isDown());
    QCOMPARE(menu->titleButton()->arrowType(), Qt::DownArrow);

    // A click on the title folds the group; Right unfolds it, Left folds it, Space toggles.
    QTest::mouseClick(menu->titleButton(), Qt::LeftButton);
    QVERIFY(!menu->isExpanded());
    QVERIFY(!weight->isVisible());
    QCOMPARE(menu->titleButton()->arrowType(), Qt::RightArrow);
    menu->titleButton()->setFocus();
    QTest::keyClick(menu->titleButton(), Qt::Key_Right);
    QVERIFY(menu->isExpanded());
    QVERIFY(weight->isVisible());
    QTest::keyClick(menu->titleButton(), Qt::Key_Left);
    QVERIFY(!menu->isExpanded());
    QTest::keyClick(menu->titleButton(), Qt::Key_Space);
    QVERIFY(menu->isExpanded());
    QTest::keyClick(main->titleButton(), Qt::Key_Left);
    QVERIFY(!main->isExpanded());

    // Going to a nested field (a diagnostic's key) unfolds its groups.
    QVERIFY(form.focusField(u"menu.main.parent"_s));
    QVERIFY(main->isExpanded());
    QVERIFY(form.row(u"menu.main.parent"_s)->isVisible());

    // Editing a nested value changes its line only.
    auto* edit = qobject_cast<QLineEdit*>(form.control(u"menu.main.weight"_s));
    QVERIFY(edit);
    retype(edit, u"20"_s);
    QByteArray expected = original;
    expected.replace("weight: 10", "weight: 20");
    QCOMPARE(doc->bytes(), expected);

    // A folded group stays folded when the form is built again (a key came).
    QTest::mouseClick(form.group(u"cascade"_s)->titleButton(), Qt::LeftButton);
    QVERIFY(!doc->setString({u"menu"_s, u"main"_s, u"name"_s}, u"Install"_s));
    form.refresh();
    QVERIFY(form.row(u"menu.main.name"_s));
    QVERIFY(!form.group(u"cascade"_s)->isExpanded());
    QVERIFY(form.group(u"menu"_s)->isExpanded());
}

void TestStructureForm::objectFieldShowsItsFields()
{
    // A schema object: its fields are a group, missing ones included; typing in a missing one
    // adds it inside the map, after the fields the schema puts before it.
    std::shared_ptr<const Schema> schema =
        schemaFrom("name: t\nfields:\n  - key: title\n"
                   "  - key: thumb_image\n    type: object\n"
                   "    fields:\n      - {key: image, type: image}\n"
                   "      - {key: image_alt}\n");
    QVERIFY(schema);
    Result<Document> doc =
        Document::fromBytes("---\ntitle: T\nthumb_image:\n  image: /a.png\n---\n");
    QVERIFY(doc);
    FieldForm form;
    form.setDocument(&doc.value(), schema);
    form.show();
    QVERIFY(form.group(u"thumb_image"_s));
    FieldRow* alt = form.row(u"thumb_image.image_alt"_s);
    QVERIFY(alt);
    QVERIFY(form.group(u"thumb_image"_s)->content()->isAncestorOf(alt));
    QCOMPARE(form.row(u"thumb_image.image"_s)->kind(), FieldRow::Kind::Image);
    retype(qobject_cast<QLineEdit*>(alt->control()), u"A lake"_s);
    QCOMPARE(
        doc->bytes(),
        QByteArray("---\ntitle: T\nthumb_image:\n  image: /a.png\n  image_alt: A lake\n---\n"));
}

void TestStructureForm::listOfObjectsOnACorpusArticle()
{
    const QString source = testutil::sharedDir() + QLatin1String(DocsyArticle);
    if (!QFileInfo::exists(source))
        QSKIP("the Docsy article of the shared corpus is not here");
    // A copy in a small Hugo site: the article, static/images/ with an image, and a schema
    // that types the resources' `src` as an image.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString site = dir.path();
    QVERIFY(testutil::writeAll(site + u"/hugo.toml"_s, "title = 'x'\n"));
    QVERIFY(QDir().mkpath(site + u"/content/docs"_s));
    QVERIFY(QDir().mkpath(site + u"/static/images"_s));
    QImage image(8, 8, QImage::Format_RGB32);
    image.fill(Qt::darkGreen);
    const QString picture = site + u"/static/images/spruce.png"_s;
    QVERIFY(image.save(picture));
    const QString path = site + u"/content/docs/shortcodes.md"_s;
    const QByteArray original = testutil::readAll(source);
    QVERIFY(testutil::writeAll(path, original));
    std::shared_ptr<const Schema> schema =
        schemaFrom("name: docsy\ninfer: true\nfields:\n  - key: title\n  - key: resources\n"
                   "    type: list\n    item:\n      fields:\n        - {key: src, type: image}\n"
                   "        - {key: title}\n");
    QVERIFY(schema);
    Result<Document> doc = Document::load(path);
    QVERIFY(doc);
    FieldForm form;
    form.setArticlePath(path);
    QStringList chooserFolders;
    form.setImageChooser([&](const QString& folder, const SchemaField& field) {
        chooserFolders << folder;
        return field.type == FieldType::Image ? picture : QString();
    });
    form.setDocument(&doc.value(), schema);
    form.resize(420, 900);
    form.show();
    form.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&form)); // the items' shortcuts need an active window

    ObjectListEditor* list = form.objectList(u"resources"_s);
    QVERIFY(list);
    QCOMPARE(list->count(), 1);
    // The item's fields, its unnamed nested map (params.byline) as a group inside it.
    QVERIFY(form.row(u"resources.0.src"_s));
    QVERIFY(form.group(u"resources.0.params"_s));
    QVERIFY(list->item(0)->content()->isAncestorOf(form.row(u"resources.0.params.byline"_s)));
    QVERIFY(!list->button(0, ObjectListEditor::Action::MoveUp)->isEnabled());
    QVERIFY(!list->button(0, ObjectListEditor::Action::MoveDown)->isEnabled());
    QVERIFY(!list->addButton()->accessibleName().isEmpty());

    // Add: a new item with the schema's item fields, the focus in its first field.
    QTest::mouseClick(list->addButton(), Qt::LeftButton);
    list = form.objectList(u"resources"_s);
    QCOMPARE(list->count(), 2);
    QVERIFY(form.row(u"resources.1.title"_s));
    // Edit a field of it.
    retype(qobject_cast<QLineEdit*>(form.control(u"resources.1.title"_s)), u"Cover"_s);
    // Choose its image: the chooser opens in static/images and the value is site-rooted (the
    // file is outside the article's folder).
    FieldRow* src = form.row(u"resources.1.src"_s);
    QVERIFY(src->chooseButton());
    QTest::mouseClick(src->chooseButton(), Qt::LeftButton);
    QCOMPARE(chooserFolders, QStringList{QFileInfo(site + u"/static/images"_s).absoluteFilePath()});
    QCOMPARE(doc->find({u"resources"_s, u"1"_s, u"src"_s})->text, u"/images/spruce.png"_s);
    src = form.row(u"resources.1.src"_s);
    QCOMPARE(src->thumbnail()->file(), QFileInfo(picture).absoluteFilePath());
    QVERIFY(!src->thumbnail()->pixmap().isNull());
    // Move it up (Alt+Up inside the item works as the button does), then duplicate the
    // other item, now second, and remove that copy again.
    list = form.objectList(u"resources"_s);
    QTest::mouseClick(list->button(1, ObjectListEditor::Action::MoveUp), Qt::LeftButton);
    QCOMPARE(doc->find({u"resources"_s, u"0"_s, u"title"_s})->text, u"Cover"_s);
    list = form.objectList(u"resources"_s);
    QTest::mouseClick(list->button(1, ObjectListEditor::Action::Duplicate), Qt::LeftButton);
    QCOMPARE(form.objectList(u"resources"_s)->count(), 3);
    list = form.objectList(u"resources"_s);
    list->button(2, ObjectListEditor::Action::Remove)->setFocus();
    QTest::keyClick(list->button(2, ObjectListEditor::Action::Remove), Qt::Key_Delete,
                    Qt::AltModifier);
    QCOMPARE(form.objectList(u"resources"_s)->count(), 2);

    QVERIFY(!doc->saveTo(path));
    const QByteArray saved = testutil::readAll(path);
    QByteArray expected = original;
    expected.replace("resources:\n  - src: '**spruce*.jpg'\n",
                     "resources:\n  - src: /images/spruce.png\n    title: Cover\n"
                     "  - src: '**spruce*.jpg'\n");
    QCOMPARE(QString::fromUtf8(saved), QString::fromUtf8(expected));

    // PyYAML reads the list as the form shows it.
    QString why;
    const QList<testutil::Yaml11Value> values = testutil::readWithYaml11(
        {{saved.mid(4, saved.indexOf("\n---\n", 4) - 3), {u"resources"_s, u"0"_s, u"src"_s}},
         {saved.mid(4, saved.indexOf("\n---\n", 4) - 3),
          {u"resources"_s, u"1"_s, u"params"_s, u"byline"_s}}},
        &why);
    if (values.isEmpty())
        QSKIP(qPrintable(why));
    QCOMPARE(values[0].value, u"/images/spruce.png"_s);
    QCOMPARE(values[1].value, u"*Photo*: Bjørn Erik Pedersen / CC-BY-SA"_s);
}

void TestStructureForm::structuralEditsAreOneUndoStep()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"post.md"_s);
    const QByteArray original = "---\ntitle: T\nauthors:\n  - name: Ada\n    url: /ada\n---\n";
    QVERIFY(testutil::writeAll(path, original));
    SchemaLibrary library;
    ArticleEditor editor(&library);
    Result<Document> doc = Document::load(path);
    QVERIFY(doc);
    editor.setDocument(std::move(doc.value()), path, original);
    editor.show();
    FieldForm* form = editor.form();
    ObjectListEditor* list = form->objectList(u"authors"_s);
    QVERIFY(list);
    // Add writes the keys of the other items, empty, in their quoting.
    QTest::mouseClick(list->addButton(), Qt::LeftButton);
    const QByteArray added = editor.document().bytes();
    QCOMPARE(added, QByteArray("---\ntitle: T\nauthors:\n  - name: Ada\n    url: /ada\n"
                               "  - name: ''\n    url: ''\n---\n"));
    QCOMPARE(editor.undoStack()->count(), 1);
    retype(qobject_cast<QLineEdit*>(form->control(u"authors.1.name"_s)), u"Alan"_s);
    QCOMPARE(editor.undoStack()->count(), 2);
    form->objectList(u"authors"_s)->button(1, ObjectListEditor::Action::MoveUp)->click();
    QCOMPARE(editor.undoStack()->count(), 3);
    QCOMPARE(editor.document().find({u"authors"_s, u"0"_s, u"name"_s})->text, u"Alan"_s);
    // Each undo takes back one step, and the form follows.
    editor.undoStack()->undo();
    QCOMPARE(editor.document().find({u"authors"_s, u"0"_s, u"name"_s})->text, u"Ada"_s);
    QCOMPARE(qobject_cast<QLineEdit*>(form->control(u"authors.0.name"_s))->text(), u"Ada"_s);
    editor.undoStack()->undo();
    QCOMPARE(editor.document().bytes(), added);
    editor.undoStack()->undo();
    QCOMPARE(editor.document().bytes(), original);
    QCOMPARE(form->objectList(u"authors"_s)->count(), 1);
    editor.undoStack()->redo();
    QCOMPARE(editor.document().bytes(), added);
    QCOMPARE(form->objectList(u"authors"_s)->count(), 2);
}

void TestStructureForm::referenceOffersTheFolderValues()
{
    std::shared_ptr<const Schema> schema =
        schemaFrom("name: t\nfields:\n  - key: title\n  - key: author\n    type: reference\n"
                   "    to: slug\n");
    QVERIFY(schema);
    Result<Document> doc = Document::fromBytes("---\ntitle: T\nauthor: ada\n---\n");
    QVERIFY(doc);
    FieldForm form;
    form.setReferences(u"slug"_s, {{u"ada"_s, u"Ada Lovelace"_s}, {u"alan"_s, u"Alan Turing"_s}});
    form.setDocument(&doc.value(), schema);
    form.show();
    FieldRow* row = form.row(u"author"_s);
    QVERIFY(row);
    QCOMPARE(row->kind(), FieldRow::Kind::Reference);
    auto* combo = qobject_cast<QComboBox*>(row->control());
    QVERIFY(combo);
    QCOMPARE(combo->count(), 2);
    QVERIFY(combo->itemText(1).contains(u"Alan Turing"_s));
    QCOMPARE(combo->currentText(), u"ada"_s);
    // Picking an article writes its value, not its title.
    Q_EMIT combo->activated(1);
    QCOMPARE(combo->currentText(), u"alan"_s);
    QCOMPARE(doc->bytes(), QByteArray("---\ntitle: T\nauthor: alan\n---\n"));
}

// Choose... writes the path the way the folder's other articles write the field ("images/..."
// without the slash here), and a page bundle's own image by its bare name.
void TestStructureForm::imagePathFollowsTheFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString site = dir.path();
    QVERIFY(testutil::writeAll(site + u"/hugo.toml"_s, "title = 'x'\n"));
    for (const char* rel :
         {"/static/images/a.png", "/static/images/b.png", "/content/posts/trip/cover.png"}) {
        QVERIFY(QDir().mkpath(QFileInfo(site + QLatin1String(rel)).absolutePath()));
        QVERIFY(testutil::writeAll(site + QLatin1String(rel), "x"));
    }
    const QString path = site + u"/content/posts/trip/index.md"_s;
    QVERIFY(testutil::writeAll(path, "---\ntitle: Trip\nimage:\n---\n"));
    std::shared_ptr<const Schema> schema =
        schemaFrom("name: t\nfields:\n  - key: title\n  - key: image\n    type: image\n");
    QVERIFY(schema);
    Result<Document> doc = Document::load(path);
    QVERIFY(doc);
    FieldForm form;
    form.setArticlePath(path);
    QString chosen = site + u"/static/images/b.png"_s;
    form.setImageChooser([&](const QString&, const SchemaField&) { return chosen; });
    // Another article of the folder writes "images/a.png" (from static/, without the slash).
    form.setImageExamples(u"image"_s, {{site + u"/content/posts"_s, u"images/a.png"_s}});
    form.setDocument(&doc.value(), schema);
    form.show();
    FieldRow* row = form.row(u"image"_s);
    QVERIFY(row && row->chooseButton());
    QTest::mouseClick(row->chooseButton(), Qt::LeftButton);
    QCOMPARE(doc->find({u"image"_s})->text, u"images/b.png"_s);
    // The bundle's own image: "cover.png", never "/content/posts/trip/cover.png".
    chosen = site + u"/content/posts/trip/cover.png"_s;
    QTest::mouseClick(form.row(u"image"_s)->chooseButton(), Qt::LeftButton);
    QCOMPARE(doc->find({u"image"_s})->text, u"cover.png"_s);
}

QTEST_MAIN(TestStructureForm)
#include "tst_structureform.moc"
