#pragma once

// The one place that knows whether Frontis was built with cmark-gfm or plain cmark (CMake's
// FRONTIS_GFM). cmark-gfm keeps cmark's API and names; what differs is how a parser takes the GFM
// extensions and how HTML is rendered with them, and that is all this file hides.
#if FRONTIS_HAVE_GFM
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#else
#include <cmark.h>
#endif

#include <QByteArray>
#include <QString>

namespace frontis::cmarkapi {

// True when GitHub Flavored Markdown can be rendered (the build uses cmark-gfm).
constexpr bool HaveGfm = FRONTIS_HAVE_GFM;
// "cmark-gfm 0.29.0.gfm.6" or "cmark 0.30.2": what `frontis --version` and the README name.
QString libraryName();

// A parsed Markdown text. With `gfm` (and cmark-gfm) the parser knows tables, strikethrough,
// task lists and autolinks; without, it is CommonMark.
class Parsed
{
public:
    Parsed(const QByteArray& utf8, int options, bool gfm);
    ~Parsed();
    Parsed(const Parsed&) = delete;
    Parsed& operator=(const Parsed&) = delete;

    cmark_node* root() const { return m_root; }
    // `node` (the root or one of its descendants) as HTML, with the parse's options.
    QString html(cmark_node* node) const;

private:
    cmark_parser* m_parser = nullptr;
    cmark_node* m_root = nullptr;
    int m_options = 0;
};

} // namespace frontis::cmarkapi
