#pragma once

#include <QString>
#include <QStringList>

namespace frontis {

class FrontMatter;
class Schema;

// The parts of an article that search engines show or weigh, read from its front matter for the
// SEO panel: QuickTakes keys first (`seo.title`, `seo.page_description`, `seo.page_keywords`),
// then the plain ones other sites use (`title`, `description`, `keywords`).
struct SeoFields
{
    QString title;       // `seo.title`, else `title`
    QString description; // `seo.page_description`, else `description`
    QString url;         // `url`, else `permalink`
    QString question;    // `question`, else `title`
    QString text;        // the Markdown answer, decoded (real line breaks)
    QStringList keywords;
    QString baseUrl; // the schema's `site.base_url`

    // `answerKey` names the Markdown field (the schema's first); empty means `answer`. Keywords
    // stored in one string are split at the schema's separator for that key (else ","); a YAML
    // list gives one keyword per item.
    static SeoFields fromFrontMatter(const FrontMatter& fm, const Schema* schema = nullptr,
                                     const QString& answerKey = {});
};

} // namespace frontis
