// Measures the writing aids on a large answer. Not a test (ctest does not run it); run it by hand:
//
//   QT_QPA_PLATFORM=offscreen tests/bench_textstats [MEGABYTES]
//
// Builds an answer of MEGABYTES (default 1) from the seed article's answer repeated (a Markdown
// stand-in when the seed is absent) and reports the median of 7 runs of: the statistics
// (measureText), what the GUI thread does for them (copying the editor's text), a find of a
// common word; then, in an answer editor with the statistics label and the find bar open, one
// keystroke, the bar catching up after an edit, and Replace All of the common word.

#include "editor/text/findbar.h"
#include "editor/text/markdowneditor.h"
#include "editor/text/textstatslabel.h"
#include "model/text/answercodec.h"
#include "model/text/textfinder.h"
#include "model/text/textstats.h"
#include "model/yaml/document.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace frontis;

namespace {

double medianMs(int runs, const std::function<void()>& work)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        work();
        times.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

QString seedAnswer()
{
    const QDir seed(QStringLiteral(FRONTIS_SHARED_DIR "/seed"));
    const QStringList files = seed.entryList({QStringLiteral("*.md")}, QDir::Files);
    if (!files.isEmpty()) {
        Result<Document> doc = Document::load(seed.filePath(files.first()));
        if (doc) {
            const FmNode* node = doc->frontMatter().find({QStringLiteral("answer")});
            if (node && node->isScalar())
                return decodeAnswer(node->text);
        }
    }
    return QStringLiteral("## A heading\n\nSome **bold** prose with a [link](https://example.com) "
                          "and `code`. Another sentence here!\n\n1. First item.\n2. Second "
                          "item\n\n```\nint x = 1;\n```\n");
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const double megabytes = argc > 1 ? QString::fromLocal8Bit(argv[1]).toDouble() : 1.0;
    const QString unit = seedAnswer() + QStringLiteral("\n\n");
    QString text;
    const qsizetype wanted = qsizetype(megabytes * 1024 * 1024);
    while (text.toUtf8().size() < wanted)
        text += unit;
    std::printf("answer: %.2f MB of UTF-8, %lld lines\n", double(text.toUtf8().size()) / 1048576,
                static_cast<long long>(text.count(QLatin1Char('\n')) + 1));

    TextStats stats;
    const double statsMs = medianMs(7, [&] { stats = measureText(text); });
    std::printf("measureText: %.1f ms (%d words, %d characters, Flesch %.1f)\n", statsMs,
                stats.words, stats.characters, stats.fleschReadingEase().value_or(0));

    const auto finder = TextFinder::compile(QStringLiteral("the"), FindOptions{false, true, false});
    qsizetype found = 0;
    const double findMs = medianMs(7, [&] { found = finder->findAll(text).size(); });
    std::printf("find whole word \"the\": %.1f ms (%lld matches)\n", findMs,
                static_cast<long long>(found));

    MarkdownEditor editor;
    editor.resize(700, 900);
    editor.setPlainText(text);
    editor.show();
    QApplication::processEvents();
    FindBar bar(&editor);
    TextStatsLabel label(&editor);
    const double copyMs = medianMs(7, [&] { (void)editor.markdown(); });
    std::printf("GUI thread per statistics update (the editor's text copied): %.1f ms\n", copyMs);

    bar.openReplace();
    bar.findField()->setText(QStringLiteral("the"));
    std::printf("find bar open on \"the\": %d matches\n", bar.matchCount());
    editor.moveCursor(QTextCursor::End);
    const double keyMs = medianMs(7, [&] {
        editor.insertPlainText(QStringLiteral("x"));
        QApplication::processEvents();
    });
    std::printf("one keystroke with statistics and find bar attached: %.2f ms\n", keyMs);
    const double refreshMs = medianMs(7, [&] {
        editor.insertPlainText(QStringLiteral("x"));
        (void)bar.matchCount(); // what the bar does after a pause in typing
    });
    std::printf("find bar catching up after an edit: %.1f ms\n", refreshMs);

    bar.replaceField()->setText(QStringLiteral("THE"));
    QElapsedTimer t;
    t.start();
    const int replaced = bar.replaceAll();
    std::printf("Replace All, \"the\" to \"THE\" in the editor: %.0f ms (%d replaced)\n",
                double(t.nsecsElapsed()) / 1e6, replaced);
    return 0;
}
