// The answer editor and the preview side by side on the seed, grabbed in light and dark
// palettes into the build tree (editorpanes-light.png, editorpanes-dark.png) for a person to
// look at; the assertions check what a glance at them would.
#include "../model/testutil.h"
#include "editor/preview/previewpane.h"
#include "editor/text/markdowneditor.h"
#include "model/yaml/document.h"
#include "palettes.h"

#include <QHBoxLayout>
#include <QImage>
#include <QSplitter>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestEditorPanes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void grab_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::addColumn<QString>("sample"); // "seed", or a built-in answer using every construct
        QTest::addColumn<int>("width");
        QTest::newRow("seed-light") << false << u"seed"_s << 1200;
        QTest::newRow("seed-dark") << true << u"seed"_s << 1200;
        QTest::newRow("constructs-light") << false << u"constructs"_s << 1600;
        QTest::newRow("constructs-dark") << true << u"constructs"_s << 1600;
    }

    void grab()
    {
        QFETCH(bool, dark);
        QFETCH(QString, sample);
        QFETCH(int, width);
        const QString seed = testutil::seedPath();
        if (seed.isEmpty())
            QSKIP("../shared/seed is absent (set FRONTIS_SHARED_DIR)");
        auto doc = frontis::Document::load(seed);
        QVERIFY(doc.ok());
        if (sample != u"seed"_s) {
            const QString answer =
                u"## A heading\n\nText with *emphasis*, **strong**, `code` and "
                u"[a link](https://example.com).\n\n- one\n- two\n  - nested\n\n"
                u"> A quotation that goes on long enough to wrap onto a second "
                u"line in the preview.\n\n```python\ndef f(x):\n    return x * 2  "
                u"# double\n```\n\n### Smaller heading\n\n1. first\n2. second\n\n"
                u"---\n\nThe end."_s;
            QVERIFY(!doc->setString({u"answer"_s}, answer));
        }

        QSplitter splitter;
        splitter.setPalette(dark ? testpalettes::dark() : testpalettes::light());
        auto* editor = new frontis::MarkdownEditor;
        auto* preview = new frontis::PreviewPane;
        splitter.addWidget(editor);
        splitter.addWidget(preview);
        splitter.resize(width, 760);
        splitter.setSizes({width / 2, width / 2});
        splitter.show();
        QVERIFY(QTest::qWaitForWindowExposed(&splitter));

        editor->setStoredText(doc->find({u"answer"_s})->text);
        // The preview reads the text from the editor, as in the window.
        preview->setTextSource([editor] { return editor->markdown(); });
        preview->setFrontMatter(doc->frontMatter());
        preview->flush();
        QCOMPARE(preview->isDark(), dark);
        QTest::qWait(50); // the highlighter's first pass is queued

        const QImage image = splitter.grab().toImage();
        const QString file = QStringLiteral(FRONTIS_BINARY_DIR "/editorpanes-%1.png")
                                 .arg(QString::fromLatin1(QTest::currentDataTag()));
        QVERIFY(image.save(file));

        // Background near the bottom right of each pane: light or dark as asked.
        const auto lightness = [&](QWidget* w) {
            const QPoint p = w->mapTo(&splitter, QPoint(w->width() - 30, w->height() - 10));
            return image.pixelColor(p * image.devicePixelRatio()).lightness();
        };
        if (dark) {
            QVERIFY(lightness(editor) < 80);
            QVERIFY(lightness(preview) < 80);
        } else {
            QVERIFY(lightness(editor) > 200);
            QVERIFY(lightness(preview) > 200);
        }
        QVERIFY(preview->toPlainText().contains(u"Posted on Nov 26, 2024"_s));
        QVERIFY(
            preview->toPlainText().contains(sample == u"seed"_s ? u"In summary"_s : u"The end."_s));
    }
};

QTEST_MAIN(TestEditorPanes)
#include "tst_editorpanes.moc"
