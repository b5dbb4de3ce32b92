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

// The file an image field's value names: as localImagePath() finds it, and a relative value
// that is not beside the article ("images/a.png") also from where site-rooted paths are served,
// as Hugo's and Jekyll's templates take front-matter paths (`absURL`, `relative_url`).
QString imageFileOf(const QString& articleFolder, const QString& value);

// How a site writes an image field's paths: relative to the article ("cover.jpg", a Hugo page
// bundle's own image), from the site's root ("/images/cover.jpg") or from the site's root
// without the leading slash ("images/cover.jpg"); and the folder those paths start in (a Hugo
// site's static/, a Jekyll site's root), when the examples' files show it.
struct ImagePathStyle
{
    enum class Kind { PageRelative, SiteRooted, SiteRelative };
    Kind kind = Kind::PageRelative;
    QString servedFolder; // absolute; empty: not known
};

// A value of an image field elsewhere, and the folder of the article that holds it.
struct ImageExample
{
    QString articleFolder;
    QString value;
};

// The style most of `examples` are written in (ties and no examples: PageRelative), with the
// folder most of those of that style start in. URLs, patterns and empty values do not count.
ImagePathStyle imagePathStyleOf(const QList<ImageExample>& examples);

// The value that names `file` (an absolute path) from the article in `articleFolder`, in
// `style` where the file lies in the style's folder. A file in the article's own folder (a page
// bundle's) is otherwise named relative to the article ("cover.jpg"); a file elsewhere from the
// folder the site serves it from ("/images/a.png", without the slash in the SiteRelative style).
// Empty when nothing can name it.
QString imagePathValue(const QString& articleFolder, const QString& file,
                       const ImagePathStyle& style);

} // namespace frontis
