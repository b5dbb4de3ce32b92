#pragma once

#include "model/articlehtml.h"

#include <QString>

namespace frontis {

// Turns an article into the HTML PreviewPane shows. A pure function of its input, so it runs on
// worker threads as well as on the GUI thread.
//
// Qt's rich text drops cmark's data-sourcepos attributes. Each block's first Markdown line (of
// the answer) is carried instead as Qt's own `-qt-user-state` style, which becomes the
// QTextBlock's userState(): linear in the document's size, where `id` anchors made setHtml()
// quadratic (4.6 s instead of 0.7 s for a 1 MB answer).
namespace previewrenderer {

QString render(const ArticleContent& article, bool dark);

} // namespace previewrenderer
} // namespace frontis
