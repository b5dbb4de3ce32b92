#pragma once

#include <QString>

#include <functional>

namespace frontis {

// How a search engine shows a page in its results, reduced to what a writer can act on: where
// the title and the description get cut, and the breadcrumb made of the page's address. The
// title is cut by rendered width, which the caller measures (model/ has no fonts).
class SearchSnippet
{
public:
    // What a search engine shows of a text and what it drops. Both parts are whitespace-
    // simplified; `kept` is followed by marker() on the results page when `lost` is not empty.
    struct Cut
    {
        QString kept;
        QString lost;
        bool isCut() const { return !lost.isEmpty(); }
    };

    // Roughly what Google shows on a desktop results page (measured by SEO tools, not
    // published): titles up to about 600 px, descriptions up to about 160 characters.
    static constexpr double TitleWidth = 600;
    static constexpr qsizetype DescriptionLength = 160;

    // What follows the kept part of a cut text: a space and a horizontal ellipsis.
    static QString marker();

    // Cuts `text` so that the kept part plus marker() is at most `maxWidth` wide, as measured by
    // `width`; uncut when the whole text fits. The cut falls before a word unless the first word
    // alone is too wide (then inside it).
    static Cut cutToWidth(const QString& text, double maxWidth,
                          const std::function<double(const QString&)>& width);
    // Cuts `text` after at most `maxLength` characters (code points), before a word unless the
    // first word alone is longer; uncut when it is no longer than that.
    static Cut cutToLength(const QString& text, qsizetype maxLength = DescriptionLength);

    // "https://example.org › learn › physics": the scheme and host of `baseUrl` (or of `url`
    // when that is absolute) followed by the path segments of both. Without a host, only the
    // segments; query and fragment are left out as results pages do.
    static QString breadcrumb(const QString& baseUrl, const QString& url);
};

} // namespace frontis
