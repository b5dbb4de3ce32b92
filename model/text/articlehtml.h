#pragma once

#include <QString>

namespace frontis {

class Document;
class FrontMatter;
class Schema;

// What the site shows of an article: the front-matter fields the page header uses and the
// article's text as Markdown (real line breaks; the body or a markdown field, ArticleText).
struct ArticleContent
{
    QString title;      // `article_title`, else `title`, else `question`
    QString pageTitle;  // `title`, else the heading: the HTML document's <title>
    QString date;       // `date` as written ("2024-11-26")
    QString dateFormat; // `date_format`, moment.js tokens ("MMM DD, YYYY")
    QString postOnText; // `post_on_text` ("Posted on")
    QString author;
    QString subject;
    QString text; // the article's text: Markdown with real line breaks (the answer, a body)
    // Rendered as sites render a body: GitHub Flavored Markdown, Hugo shortcodes and Liquid tags.
    bool siteMarkdown = false;

    // The header's values of `fm` (the text left empty: it is wherever the schema keeps it).
    static ArticleContent fromFrontMatter(const FrontMatter& fm);
    // The header's values and the text where `schema` keeps it, rendered as the site would.
    static ArticleContent of(const Document& doc, const Schema& schema);
    bool operator==(const ArticleContent&) const = default;
};

struct ArticleHtmlOptions
{
    // A whole HTML document (doctype, head with charset, <title> and the stylesheet) rather
    // than the fragment that goes inside <body>.
    bool fullDocument = true;
    // CSS put into a <style> element of a full document (a fragment never carries it).
    QString stylesheet;
    // data-sourcepos="line:col-line:col" on the text's blocks, lines counted in the text's
    // Markdown: what scroll sync maps editor lines with.
    bool sourcePos = true;
};

// The article as the site shows it: the title as <h1>, a line with "post_on_text date" (the
// date formatted by date_format, or as written when it is not a date), author and subject, then
// the text in <div class="text">, rendered by cmark(-gfm) in safe mode (no raw HTML). Every
// field is HTML-escaped.
QString renderArticleHtml(const ArticleContent& article, const ArticleHtmlOptions& options = {});

// The page header alone: the title as <h1 class="title"> and the "meta" line (renderArticleHtml
// puts it before the text); empty when the article has neither.
QString renderArticleHeaderHtml(const ArticleContent& article);

enum class ArticleTheme { Light, Dark };

// The stylesheet shipped in resources/preview/preview.css with the theme's colours: the preview
// shows it and `frontis render` inlines it.
QString articleStylesheet(ArticleTheme theme);

// "Posted on Nov 26, 2024": post_on_text and the formatted date (either may be missing).
QString articleDateLine(const ArticleContent& article);

} // namespace frontis
