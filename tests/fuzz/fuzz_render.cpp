// libFuzzer target: the answer codec, renderMarkdown, lintMarkdown and renderArticleHtml. An input
// that is an article is rendered from its front matter (so the real corpus seeds it); any other
// input is taken as a stored answer. Besides crashes, checks the codec's documented round trips
// and that the HTML holds only the elements cmark's safe mode writes and no script URLs.
#include "fuzzcheck.h"
#include "model/schema/schema.h"
#include "model/text/answercodec.h"
#include "model/text/articlehtml.h"
#include "model/text/markdownrenderer.h"
#include "model/yaml/document.h"

#include <QRegularExpression>
#include <QSet>

#include <cstddef>
#include <cstdint>

using namespace frontis;

namespace {

void checkSafe(const QString& html, bool mayHaveStyle)
{
    static const QSet<QString> allowed = {
        QStringLiteral("p"), QStringLiteral("h1"), QStringLiteral("h2"), QStringLiteral("h3"),
        QStringLiteral("h4"), QStringLiteral("h5"), QStringLiteral("h6"), QStringLiteral("a"),
        QStringLiteral("img"), QStringLiteral("em"), QStringLiteral("strong"),
        QStringLiteral("code"), QStringLiteral("pre"), QStringLiteral("blockquote"),
        QStringLiteral("ul"), QStringLiteral("ol"), QStringLiteral("li"), QStringLiteral("hr"),
        QStringLiteral("br"), QStringLiteral("div"), QStringLiteral("span"), QStringLiteral("html"),
        QStringLiteral("head"), QStringLiteral("body"), QStringLiteral("meta"),
        QStringLiteral("title"),
        // GitHub Flavored Markdown's tables, strikethrough and task lists (a body's rendering).
        QStringLiteral("table"), QStringLiteral("thead"), QStringLiteral("tbody"),
        QStringLiteral("tr"), QStringLiteral("th"), QStringLiteral("td"), QStringLiteral("del"),
        QStringLiteral("s"), QStringLiteral("input")};
    static const QRegularExpression tag(QStringLiteral("<(/?)([A-Za-z][A-Za-z0-9]*)"));
    for (auto it = tag.globalMatch(html); it.hasNext();) {
        const QString name = it.next().captured(2).toLower();
        if (!allowed.contains(name) && !(mayHaveStyle && name == QLatin1String("style"))) {
            std::fprintf(stderr, "unexpected element <%s>\n", qPrintable(name));
            FUZZ_CHECK(false);
        }
    }
    // A task list's box is the only input, and it cannot be ticked.
    static const QRegularExpression input(
        QStringLiteral("<input(?! type=\"checkbox\"( checked=\"\")? disabled=\"\" />)"),
        QRegularExpression::CaseInsensitiveOption);
    FUZZ_CHECK(!input.match(html).hasMatch());
    // Event handler attributes, and URLs that run code or carry documents.
    static const QRegularExpression handler(
        QStringLiteral("<[a-z0-9]+(\\s+[a-z-]+=\"[^\"]*\")*\\s+on[a-z]+\\s*="),
        QRegularExpression::CaseInsensitiveOption);
    FUZZ_CHECK(!handler.match(html).hasMatch());
    static const QRegularExpression badUrl(
        QStringLiteral("(href|src)=\"\\s*(javascript|vbscript|file):|href=\"\\s*data:|"
                       "src=\"\\s*data:(?!image/(png|gif|jpeg|webp))"),
        QRegularExpression::CaseInsensitiveOption);
    FUZZ_CHECK(!badUrl.match(html).hasMatch());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    const uint8_t flags = size > 0 ? data[size - 1] : 0;
    ArticleContent article;
    QString stored;
    const Result<Document> doc = Document::fromBytes(input);
    if (doc) {
        // The QuickTakes answer, and the body as a body site renders it (GFM, template tags).
        static const Schema quickTakes = *Schema::builtIn(QStringLiteral("quicktakes"));
        static const Schema generic = Schema::generic();
        article = ArticleContent::of(doc.value(), quickTakes);
        const FmNode* answer = doc->find({QStringLiteral("answer")});
        stored = answer && answer->isScalar() ? answer->text : QString();
        checkSafe(renderArticleHtml(article, {true, {}, bool(flags & 1)}), false);
        checkSafe(renderArticleHtml(ArticleContent::of(doc.value(), generic),
                                    {true, {}, bool(flags & 1)}),
                  false);
    } else {
        stored = QString::fromUtf8(input);
        article.text = decodeAnswer(stored);
        article.title = stored.left(80);
        article.date = stored.mid(3, 10);
        article.dateFormat = stored.mid(1, 12);
        article.postOnText = stored.left(5);
    }

    // The codec: decode(encode(x)) == x for Markdown without a literal backslash-n or CR, and
    // encode(decode(s)) == s for a stored answer without raw line breaks.
    const QString markdown = decodeAnswer(stored);
    if (!stored.contains(u'\n') && !stored.contains(u'\r'))
        FUZZ_CHECK(encodeAnswer(markdown) == stored);
    if (!markdown.contains(u'\r') && encodesLosslessly(markdown))
        FUZZ_CHECK(decodeAnswer(encodeAnswer(markdown)) == markdown);

    checkSafe(renderMarkdown(markdown, RenderOptions{bool(flags & 2), bool(flags & 4)}), false);
    for (const MarkdownIssue& issue : lintMarkdown(markdown)) {
        FUZZ_CHECK(issue.line >= 1 && issue.column >= 1);
        FUZZ_CHECK(!issue.message.isEmpty() && !issue.rule.isEmpty());
    }
    ArticleHtmlOptions options;
    options.fullDocument = flags & 8;
    options.stylesheet = (flags & 16) ? QStringLiteral("body { margin: 0 }") : QString();
    options.sourcePos = flags & 32;
    const QString page = renderArticleHtml(article, options);
    checkSafe(page, options.fullDocument && !options.stylesheet.isEmpty());
    (void)articleDateLine(article);
    return 0;
}
