// The SEO writing aids on real widgets: the search result preview (cuts measured with the same
// font the test sets up itself), the length meters in the form, the keyword table, the panel's
// place beside the preview, and the base URL setting. Screenshots go to the build tree
// (seo-panel-light.png, seo-panel-dark.png, seo-editor.png, seo-meters.png,
// seo-meters-inside.png) for a person to look at.
#include "../model/testutil.h"
#include "editor/articleeditor.h"
#include "editor/form/fieldform.h"
#include "editor/form/fieldrow.h"
#include "editor/form/lengthmeter.h"
#include "editor/preview/previewpane.h"
#include "editor/seo/keywordtable.h"
#include "editor/seo/searchpreview.h"
#include "editor/seo/seopanel.h"
#include "model/schema/schema.h"
#include "model/schema/schemalibrary.h"
#include "model/yaml/document.h"
#include "palettes.h"

#include <QAction>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using namespace frontis;

namespace {

// The results page's title font, built here rather than taken from the widget: Arial 20 px or a
// font with its widths, else any sans-serif.
QFont engineTitleFont()
{
    QFont font;
    font.setFamilies({QStringLiteral("Arial"), QStringLiteral("Liberation Sans"),
                      QStringLiteral("Arimo"), QStringLiteral("Helvetica")});
    font.setStyleHint(QFont::SansSerif);
    font.setPixelSize(20);
    return font;
}

// The words of `title` that fit in 600 px followed by " …", measured word by word.
QString expectedTitleCut(const QString& title)
{
    const QFontMetricsF fm(engineTitleFont());
    const QStringList words = title.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QString kept;
    for (const QString& w : words) {
        const QString longer = kept.isEmpty() ? w : kept + QLatin1Char(' ') + w;
        if (fm.horizontalAdvance(longer + QStringLiteral(" \u2026")) > 600)
            break;
        kept = longer;
    }
    return kept;
}

std::shared_ptr<const Schema> quicktakes()
{
    std::optional<Schema> s = Schema::builtIn(QStringLiteral("quicktakes"));
    return s ? std::make_shared<const Schema>(std::move(*s)) : nullptr;
}

// The hue (0-359) of the meter's filled bar, read from what it paints.
int paintedHue(LengthMeter* meter)
{
    const QImage image = meter->grab().toImage();
    const QColor c =
        image.pixelColor(QPoint(3, image.height() / 2) * int(image.devicePixelRatio()));
    return c.hsvHue();
}

QString words(int characters)
{
    // "xxxx xxxx ..." of exactly `characters` characters.
    QString s;
    while (s.size() < characters)
        s += (s.size() % 5 == 4) ? QLatin1Char(' ') : QLatin1Char('x');
    if (s.endsWith(QLatin1Char(' ')))
        s[s.size() - 1] = QLatin1Char('y');
    return s;
}

} // namespace

class TestSeoPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("FrontisTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_seopanel"));
        QSettings().clear();
        QVERIFY(quicktakes());
    }

    void cleanupTestCase() { QSettings().clear(); }

    void longTitleIsCutWhereTheFontSays()
    {
        const QString title = QStringLiteral(
            "How Have Advancements in Computing Power Influenced Deep Learning and the Hardware "
            "It Runs On? | QuickTakes Computer Science");
        SearchPreview preview;
        preview.setResult(title, QString(), QString(), QString());

        // The widget measures in the same font as the test (the family it resolves to, 20 px).
        QCOMPARE(QFontInfo(preview.titleLabel()->font()).family(),
                 QFontInfo(engineTitleFont()).family());
        QCOMPARE(preview.titleLabel()->font().pixelSize(), 20);

        const QString kept = expectedTitleCut(title);
        QVERIFY(!kept.isEmpty());
        QVERIFY(kept.size() < title.size());
        QVERIFY(preview.titleCut().isCut());
        QCOMPARE(preview.titleCut().kept, kept);
        QCOMPARE(preview.titleCut().kept + QLatin1Char(' ') + preview.titleCut().lost, title);
        const QFontMetricsF fm(engineTitleFont());
        QVERIFY(fm.horizontalAdvance(kept + QStringLiteral(" \u2026")) <= 600);
        QVERIFY(preview.titleWidth() > 600);

        // The cut shows: the kept words, the ellipsis, then the rest struck through.
        const QString html = preview.titleLabel()->text();
        // (A no-break space keeps the ellipsis with the last word.)
        QVERIFY(html.contains(kept.toHtmlEscaped() + QStringLiteral("&nbsp;\u2026")));
        QVERIFY(html.contains(QLatin1String("line-through")));
        QVERIFY(html.contains(preview.titleCut().lost.toHtmlEscaped()));
        QVERIFY(html.indexOf(QLatin1String("line-through")) > html.indexOf(QChar(0x2026)));
    }

    void shortTitleAndDescriptionAreNotCut()
    {
        SearchPreview preview;
        preview.setResult(QStringLiteral("QuickTakes | Computer Science"),
                          QStringLiteral("A short description."), QString(),
                          QStringLiteral("/learn/x"));
        QVERIFY(!preview.titleCut().isCut());
        QVERIFY(!preview.descriptionCut().isCut());
        QVERIFY(preview.titleWidth() < 600);
        QVERIFY(!preview.titleLabel()->text().contains(QLatin1String("line-through")));
        QVERIFY(!preview.descriptionLabel()->text().contains(QLatin1String("line-through")));
        QVERIFY(!preview.titleLabel()->text().contains(QChar(0x2026)));
        QCOMPARE(preview.breadcrumb(), QStringLiteral("learn \u203a x"));
    }

    void longDescriptionIsCutNear160AtAWord()
    {
        QString description;
        for (int i = 0; description.size() < 300; ++i)
            description += QStringLiteral("word%1 ").arg(i);
        description = description.trimmed();
        SearchPreview preview;
        preview.setResult(QStringLiteral("T"), description, QString(), QString());
        const SearchSnippet::Cut& cut = preview.descriptionCut();
        QVERIFY(cut.isCut());
        QVERIFY(cut.kept.size() <= 160);
        QVERIFY(cut.kept.size() > 150); // words of 5-7 characters: close to the limit
        QVERIFY(description.startsWith(cut.kept + QLatin1Char(' ')));
        QCOMPARE(cut.kept + QLatin1Char(' ') + cut.lost, description);
        QVERIFY(
            preview.descriptionLabel()->text().contains(cut.kept + QStringLiteral("&nbsp;\u2026")));
        QVERIFY(preview.measureLabel()->text().contains(QLatin1String("cut off")));
    }

    void meterLevels_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("level");
        const auto green = int(LengthMeter::Level::Green);
        const auto amber = int(LengthMeter::Level::Amber);
        const auto red = int(LengthMeter::Level::Red);
        // seo.title: at most 60 (an error over it); the last tenth is amber.
        const QString title = QStringLiteral("seo.title");
        QTest::newRow("title 0") << title << 0 << green;
        QTest::newRow("title 53") << title << 53 << green;
        QTest::newRow("title 54") << title << 54 << amber;
        QTest::newRow("title 59") << title << 59 << amber;
        QTest::newRow("title 60") << title << 60 << amber;
        QTest::newRow("title 61") << title << 61 << red;
        // seo.page_description: 120 to 160, both rules warnings.
        const QString description = QStringLiteral("seo.page_description");
        QTest::newRow("description 119") << description << 119 << amber;
        QTest::newRow("description 120") << description << 120 << green;
        QTest::newRow("description 143") << description << 143 << green;
        QTest::newRow("description 144") << description << 144 << amber;
        QTest::newRow("description 159") << description << 159 << amber;
        QTest::newRow("description 160") << description << 160 << amber;
        QTest::newRow("description 161") << description << 161 << red;
    }

    void meterLevels()
    {
        QFETCH(QString, key);
        QFETCH(int, length);
        QFETCH(int, level);
        Result<Document> doc = Document::load(testutil::seedPath());
        QVERIFY(doc.ok());
        FieldForm form;
        form.setDocument(&doc.value(), quicktakes(), {QStringLiteral("answer")});
        form.resize(420, 900);
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        FieldRow* row = form.row(key);
        QVERIFY(row);
        LengthMeter* meter = row->lengthMeter();
        QVERIFY(meter);
        QVERIFY(meter->isVisible());

        // Typed the way a writer does, so the row counts as it does while typing.
        const QString text = words(length);
        QCOMPARE(text.size(), length);
        if (auto* line = qobject_cast<QLineEdit*>(row->control())) {
            line->setFocus();
            line->selectAll();
            QTest::keyClick(line, Qt::Key_Delete);
            QTest::keyClicks(line, text);
        } else {
            auto* multi = qobject_cast<QPlainTextEdit*>(row->control());
            QVERIFY(multi);
            multi->setFocus();
            multi->selectAll();
            multi->insertPlainText(text);
        }
        QCOMPARE(row->text(), text);
        QCOMPARE(meter->count(), qsizetype(length));
        QCOMPARE(int(meter->level()), level);

        // The colour painted is green, amber or red (an empty field paints no bar).
        const int hue = paintedHue(meter);
        switch (length == 0 ? LengthMeter::Level(-1) : LengthMeter::Level(level)) {
        case LengthMeter::Level::Green:
            QVERIFY2(hue >= 90 && hue <= 150, qPrintable(QString::number(hue)));
            break;
        case LengthMeter::Level::Amber:
            QVERIFY2(hue >= 25 && hue <= 50, qPrintable(QString::number(hue)));
            break;
        case LengthMeter::Level::Red:
            QVERIFY2(hue <= 10 || hue >= 350, qPrintable(QString::number(hue)));
            break;
        default:
            QCOMPARE(hue, -1); // the grey track only
        }
        const QString expectedTip = key == QLatin1String("seo.title")
                                        ? QStringLiteral("%1 of at most 60 characters").arg(length)
                                        : QStringLiteral("%1 of 120 to 160 characters").arg(length);
        QVERIFY2(meter->toolTip().startsWith(expectedTip), qPrintable(meter->toolTip()));
        QCOMPARE(meter->toolTip().section(QLatin1Char('\n'), 0, 0), expectedTip);
    }

    void meterSeverityOfTheMinimum()
    {
        // Below a minimum whose rule is an error: red; a warning: amber; inside: green.
        SchemaField f;
        f.key = QStringLiteral("k");
        f.minLength = 10;
        QCOMPARE(LengthMeter::levelFor(f, 9), LengthMeter::Level::Red);
        QCOMPARE(LengthMeter::levelFor(f, 10), LengthMeter::Level::Green);
        QCOMPARE(LengthMeter::levelFor(f, 1000), LengthMeter::Level::Green);
        f.severities.insert(QStringLiteral("min-length"), Diagnostic::Severity::Warning);
        QCOMPARE(LengthMeter::levelFor(f, 9), LengthMeter::Level::Amber);
        f.severities.insert(QStringLiteral("min-length"), Diagnostic::Severity::Info);
        QCOMPARE(LengthMeter::levelFor(f, 9), LengthMeter::Level::Amber);
        QCOMPARE(LengthMeter::describe(f, 9),
                 QStringLiteral("9 of at least 10 characters\n1 too few (info)"));
        SchemaField g;
        g.maxLength = 60;
        QCOMPARE(LengthMeter::describe(g, 48), QStringLiteral("48 of at most 60 characters"));
        QCOMPARE(LengthMeter::describe(g, 62),
                 QStringLiteral("62 of at most 60 characters\n2 too many (error)"));
    }

    void fieldsWithoutLimitsHaveNoMeter()
    {
        Result<Document> doc = Document::load(testutil::seedPath());
        QVERIFY(doc.ok());
        FieldForm form;
        form.setDocument(&doc.value(), quicktakes(), {QStringLiteral("answer")});
        QVERIFY(form.row(QStringLiteral("question")));
        QVERIFY(!form.row(QStringLiteral("question"))->lengthMeter());
        QVERIFY(!form.row(QStringLiteral("seo.page_keywords"))->lengthMeter()); // counts items
        QVERIFY(form.row(QStringLiteral("seo.title"))->lengthMeter());
        QVERIFY(form.row(QStringLiteral("seo.page_description"))->lengthMeter());
    }

    void keywordTableMarksPlacesAndRepeats()
    {
        SeoPanel panel;
        SeoFields fields;
        fields.title = QStringLiteral("Cache policies in C++");
        fields.description = QStringLiteral("How a cache works, and what is cached.");
        fields.question = QStringLiteral("What is a CPU cache?");
        fields.text = QStringLiteral("A **cache** keeps copies.\n\nC++ code: std::map.");
        fields.keywords = {QStringLiteral("cache"),    QStringLiteral("C++"),
                           QStringLiteral("caches"),   QStringLiteral("Cache"),
                           QStringLiteral("policies"), QStringLiteral("policy")};
        panel.setSource([fields] { return fields; });
        panel.resize(460, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.refresh();

        KeywordTable* table = panel.keywordTable();
        QCOMPARE(table->rowCount(), 6);
        QCOMPARE(table->columnCount(), 5);
        QCOMPARE(table->horizontalHeaderItem(1)->text(), QStringLiteral("Title"));
        QCOMPARE(table->horizontalHeaderItem(4)->text(), QStringLiteral("Text"));
        const auto marks = [table](int row) {
            QString s;
            for (int c = 1; c < table->columnCount(); ++c)
                s += table->item(row, c)->text();
            return s;
        };
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("cache"));
        QCOMPARE(marks(0), QStringLiteral("\u2713\u2713\u2713\u2713"));
        QCOMPARE(marks(1), QStringLiteral("\u2713\u2717\u2717\u2713")); // C++
        QCOMPARE(marks(2), QStringLiteral("\u2717\u2717\u2717\u2717")); // caches
        QCOMPARE(marks(4), QStringLiteral("\u2713\u2717\u2717\u2717")); // policies
        QCOMPARE(marks(5), QStringLiteral("\u2717\u2717\u2717\u2717")); // policy
        // Found and missing cells differ in colour.
        QVERIFY(table->item(0, 1)->background().color() != table->item(2, 1)->background().color());
        QCOMPARE(table->item(1, 2)->toolTip(),
                 QStringLiteral("\u201cC++\u201d does not appear in the description"));

        // Repeats carry the warning mark and say what they repeat.
        QVERIFY(table->item(0, 0)->icon().isNull());
        QVERIFY(table->item(1, 0)->icon().isNull());
        QVERIFY(!table->item(2, 0)->icon().isNull());
        QVERIFY(table->item(2, 0)->toolTip().contains(QLatin1String("singular or plural")));
        QVERIFY(!table->item(3, 0)->icon().isNull());
        QVERIFY(table->item(3, 0)->toolTip().contains(QStringLiteral("repeats \u201ccache\u201d")));
        QVERIFY(!table->item(5, 0)->icon().isNull());
        QVERIFY(table->item(5, 0)->toolTip().contains(QStringLiteral("\u201cpolicies\u201d")));
        QVERIFY(panel.keywordSummary()->text().contains(QLatin1String("3 repeat")));

        // Every row shows without scrolling inside the table.
        QVERIFY(table->height() >= table->rowCount() * table->rowHeight(0));
    }

    void panelSitsBesideThePreviewAndFollowsTyping()
    {
        SchemaLibrary library;
        ArticleEditor editor(&library);
        const QString path = testutil::seedPath();
        Result<Document> doc = Document::load(path);
        QVERIFY(doc.ok());
        const QByteArray disk = doc->bytes();
        editor.setDocument(std::move(doc.value()), path, disk);
        editor.resize(1300, 800);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));

        QTabWidget* tabs = editor.previewTabs();
        QCOMPARE(tabs->count(), 2);
        QCOMPARE(tabs->tabText(0), QStringLiteral("Preview"));
        QCOMPARE(tabs->tabText(1), QStringLiteral("SEO"));
        QCOMPARE(tabs->currentIndex(), 0);

        // The keyboard gets there: the shortcut from anywhere in the editor, and back.
        editor.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        editor.form()->focusField(QStringLiteral("question"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_E,
                        Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(tabs->currentWidget(), editor.seoPanel());
        QVERIFY(editor.seoAction()->isChecked());
        QVERIFY(editor.seoPanel()->hasFocus());

        SearchPreview* preview = editor.seoPanel()->searchPreview();
        QCOMPARE(preview->titleCut().kept, QStringLiteral("QuickTakes | Computer Science"));
        QVERIFY(preview->descriptionCut().isCut()); // the seed's description is 261 characters
        QCOMPARE(preview->breadcrumb(),
                 QStringLiteral("learn \u203a computer-science \u203a questions \u203a "
                                "how-have-advancements-in-computing-power-influenced-deep-"
                                "learning"));
        QCOMPARE(editor.seoPanel()->keywordTable()->rowCount(), 10);

        // Typing a long SEO title: the preview follows after its short pause.
        auto* title = qobject_cast<QLineEdit*>(editor.form()->control(QStringLiteral("seo.title")));
        QVERIFY(title);
        title->setFocus();
        title->end(false);
        QTest::keyClicks(title, QStringLiteral(" and the Deep Learning Hardware Race of the "
                                               "Last Twenty Years"));
        QTRY_VERIFY(preview->titleCut().isCut());
        QCOMPARE(preview->titleCut().kept, expectedTitleCut(title->text()));

        // A keyword typed into the title turns its Title cell green.
        KeywordTable* table = editor.seoPanel()->keywordTable();
        int row = -1;
        for (int r = 0; r < table->rowCount(); ++r) {
            if (table->item(r, 0)->text() == QLatin1String("deep learning"))
                row = r;
        }
        QVERIFY(row >= 0);
        QTRY_COMPARE(table->item(row, 1)->text(), QStringLiteral("\u2713"));

        editor.seoAction()->trigger();
        QCOMPARE(tabs->currentWidget(), editor.preview());
        QVERIFY(!editor.seoAction()->isChecked());
    }

    void hiddenPanelWaitsUntilShown()
    {
        SeoPanel panel;
        int reads = 0;
        panel.setSource([&reads] {
            ++reads;
            SeoFields f;
            f.title = QStringLiteral("T");
            return f;
        });
        panel.sourceChanged();
        QTest::qWait(SeoPanel::UpdateDelayMs * 2);
        QCOMPARE(reads, 0);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(reads, 1);
        QCOMPARE(panel.searchPreview()->titleCut().kept, QStringLiteral("T"));
    }

    void baseUrlSettingOverridesTheSchema()
    {
        QSettings().remove(SeoPanel::settingsKey());
        SeoFields fields;
        fields.url = QStringLiteral("/learn/physics/questions/why");
        fields.baseUrl = QStringLiteral("https://schema.example");
        SeoPanel panel;
        panel.setSource([&fields] { return fields; });
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        SearchPreview* preview = panel.searchPreview();
        QCOMPARE(preview->breadcrumb(), QStringLiteral("https://schema.example \u203a learn \u203a "
                                                       "physics \u203a questions \u203a why"));
        QVERIFY(panel.baseUrlEdit()->placeholderText().contains(fields.baseUrl));

        QLineEdit* edit = panel.baseUrlEdit();
        edit->setFocus();
        QTest::keyClicks(edit, QStringLiteral("https://www.site.org/"));
        QCOMPARE(QSettings().value(SeoPanel::settingsKey()).toString(),
                 QStringLiteral("https://www.site.org/"));
        QVERIFY(
            preview->breadcrumb().startsWith(QStringLiteral("https://www.site.org \u203a learn")));

        // Another panel (another window) starts with the setting.
        SeoPanel other;
        QCOMPARE(other.baseUrlEdit()->text(), QStringLiteral("https://www.site.org/"));

        // Cleared: the schema's again; with neither, the path alone.
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QVERIFY(!QSettings().contains(SeoPanel::settingsKey()));
        QVERIFY(preview->breadcrumb().startsWith(QLatin1String("https://schema.example")));
        fields.baseUrl.clear();
        panel.refresh();
        QCOMPARE(preview->breadcrumb(),
                 QStringLiteral("learn \u203a physics \u203a questions \u203a why"));
    }

    void screenshots_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void screenshots()
    {
        QFETCH(bool, dark);
        QSettings().setValue(SeoPanel::settingsKey(), QStringLiteral("https://quicktakes.example"));
        SchemaLibrary library;
        ArticleEditor editor(&library);
        editor.setPalette(dark ? testpalettes::dark() : testpalettes::light());
        const QString path = testutil::seedPath();
        Result<Document> doc = Document::load(path);
        QVERIFY(doc.ok());
        // A title too long for the results page, and a repeated keyword, to show both marks.
        QVERIFY(!doc->setString({QStringLiteral("seo"), QStringLiteral("title")},
                                QStringLiteral("How Have Advancements in Computing Power "
                                               "Influenced Deep Learning? | QuickTakes")));
        QVERIFY(!doc->setString(
            {QStringLiteral("seo"), QStringLiteral("page_keywords")},
            doc->find({QStringLiteral("seo"), QStringLiteral("page_keywords")})->text +
                QStringLiteral(", GPU, deep learning")));
        const QByteArray disk = doc->bytes();
        editor.setDocument(std::move(doc.value()), path, disk);
        editor.resize(1400, 900);
        editor.columns()->setSizes({440, 420, 540});
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        editor.seoAction()->trigger();
        editor.seoPanel()->refresh();
        QTest::qWait(50);

        const QString dir = QStringLiteral(FRONTIS_BINARY_DIR);
        const QImage panel = editor.previewTabs()->grab().toImage();
        QVERIFY(panel.save(
            dir +
            QStringLiteral("/seo-panel-%1.png").arg(QString::fromLatin1(QTest::currentDataTag()))));
        QVERIFY(editor.seoPanel()->searchPreview()->titleCut().isCut());
        QCOMPARE(editor.seoPanel()->keywordTable()->rowCount(), 12);

        if (!dark) {
            // The whole editor, to see the tab in its place beside the form and the answer.
            QVERIFY(editor.grab().save(dir + QStringLiteral("/seo-editor.png")));

            // The form's SEO rows with their meters: the title over its limit (red), the
            // description over 160 (red).
            FieldRow* first = editor.form()->row(QStringLiteral("seo.title"));
            FieldRow* last = editor.form()->row(QStringLiteral("seo.page_description"));
            QVERIFY(first && last);
            QCOMPARE(first->lengthMeter()->level(), LengthMeter::Level::Red);
            editor.form()->ensureWidgetVisible(last);
            QTest::qWait(20);
            QWidget* content = editor.form()->widget();
            const QRect area = QRect(first->mapTo(content, QPoint()), first->size())
                                   .united(QRect(last->mapTo(content, QPoint()), last->size()))
                                   .adjusted(-6, -6, 6, 6);
            QVERIFY(content->grab(area).save(dir + QStringLiteral("/seo-meters.png")));

            // Inside the limits: a title near its maximum (amber), a description of 130 (green).
            const auto retype = [&editor](const QString& key, const QString& text) {
                QWidget* control = editor.form()->control(key);
                if (auto* line = qobject_cast<QLineEdit*>(control)) {
                    line->setFocus();
                    line->selectAll();
                    QTest::keyClicks(line, text);
                } else if (auto* multi = qobject_cast<QPlainTextEdit*>(control)) {
                    multi->setFocus();
                    multi->selectAll();
                    multi->insertPlainText(text);
                }
            };
            retype(QStringLiteral("seo.title"),
                   QStringLiteral("How Computing Power Has Shaped Deep Learning | QuickTakes"));
            const QString description =
                editor.form()->row(QStringLiteral("seo.page_description"))->text();
            retype(QStringLiteral("seo.page_description"), description.left(130).trimmed());
            // Rows may have been rebuilt for the new values' shapes: look them up again.
            first = editor.form()->row(QStringLiteral("seo.title"));
            last = editor.form()->row(QStringLiteral("seo.page_description"));
            QCOMPARE(first->text().size(), 57);
            QCOMPARE(first->lengthMeter()->level(), LengthMeter::Level::Amber);
            QCOMPARE(last->lengthMeter()->level(), LengthMeter::Level::Green);
            editor.form()->ensureWidgetVisible(last);
            QTest::qWait(20);
            content = editor.form()->widget();
            const QRect inside = QRect(first->mapTo(content, QPoint()), first->size())
                                     .united(QRect(last->mapTo(content, QPoint()), last->size()))
                                     .adjusted(-6, -6, 6, 6);
            QVERIFY(content->grab(inside).save(dir + QStringLiteral("/seo-meters-inside.png")));
        }
        QSettings().remove(SeoPanel::settingsKey());
    }
};

QTEST_MAIN(TestSeoPanel)
#include "tst_seopanel.moc"
