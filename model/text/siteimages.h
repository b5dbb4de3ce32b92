#pragma once

#include <QString>

namespace frontis {

// Where an image an article refers to lies on disk, the way static site generators find it:
// a relative path ("images/a.png", a Hugo page bundle's "cover.jpg") from the article's own
// folder; a site-rooted path ("/images/a.png") in the static/, public/ or assets/ folder of the
// site (Hugo, Astro, Eleventy), or at the site's root (Jekyll), looked for in every folder from
// the article's up. Empty when no such file exists. Never looks at the network: URLs with a
// scheme or a host are not paths.
QString localImagePath(const QString& articleFolder, const QString& path);

} // namespace frontis
