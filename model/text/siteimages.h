#pragma once

#include <QString>
#include <QStringList>

namespace frontis {

// Where an image an article refers to lies on disk, the way static site generators find it:
// a relative path ("images/a.png", a Hugo page bundle's "cover.jpg") from the article's own
// folder; a site-rooted path ("/images/a.png") in the static/, public/ or assets/ folder of the
// site (Hugo, Astro, Eleventy), or at the site's root (Jekyll), looked for in every folder from
// the article's up. Empty when no such file exists. Never looks at the network: URLs with a
// scheme or a host are not paths.
QString localImagePath(const QString& articleFolder, const QString& path);

// Where a writer looks for an image to add to the article at `articlePath`: the article's own
// folder for a Hugo page bundle (index.md, _index.md), else the site's static/, public/ or
// assets/ folder (its images/ folder when it has one), else the article's folder.
QString imageFolderFor(const QString& articlePath);

// How a site writes an image path: relative to the article ("cover.jpg"), or from the site's
// root ("/images/cover.jpg", served from static/, public/, assets/ or a Jekyll site's root).
enum class ImagePathStyle { Relative, SiteRooted };

// The style most of `values` (a field's values elsewhere) are written in; Relative when they
// are none. URLs and empty values do not count.
ImagePathStyle imagePathStyleOf(const QStringList& values);

// The value that names `file` (an absolute path) from the article in `articleFolder`, written
// in `style` where the file lies where that style can reach it (a site-rooted path needs the
// file inside a static folder or the site's root), else in the other style. Empty when
// neither can name it.
QString imagePathValue(const QString& articleFolder, const QString& file, ImagePathStyle style);

} // namespace frontis
