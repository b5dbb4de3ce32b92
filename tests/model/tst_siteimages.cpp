// Where the preview finds an article's images: as Hugo, Jekyll, Astro and Eleventy do.
#include "model/text/siteimages.h"
#include "testutil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace frontis;

class TestSiteImages : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString make(const QString& relative)
    {
        const QString path = m_dir.filePath(relative);
        QDir().mkpath(QFileInfo(path).absolutePath());
        testutil::writeAll(path, "x");
        return QFileInfo(path).absoluteFilePath();
    }

private Q_SLOTS:
    void findsImagesTheWaySitesDo()
    {
        // A Hugo site: a page bundle and the static folder; an Astro one: public/.
        const QString bundle = m_dir.filePath(QStringLiteral("hugo/content/posts/trip"));
        make(QStringLiteral("hugo/hugo.toml"));
        const QString cover = make(QStringLiteral("hugo/content/posts/trip/cover.jpg"));
        const QString logo = make(QStringLiteral("hugo/static/images/logo.png"));
        const QString shot = make(QStringLiteral("hugo/assets/shots/a.png"));
        make(QStringLiteral("hugo/content/posts/trip/index.md"));
        QCOMPARE(localImagePath(bundle, QStringLiteral("cover.jpg")), cover);
        QCOMPARE(localImagePath(bundle, QStringLiteral("./cover.jpg")), cover);
        QCOMPARE(localImagePath(bundle, QStringLiteral("/images/logo.png")), logo);
        QCOMPARE(localImagePath(bundle, QStringLiteral("/shots/a.png")), shot);
        const QString astro = make(QStringLiteral("astro/public/img/b.svg"));
        make(QStringLiteral("astro/src/content/blog/post.md"));
        QCOMPARE(localImagePath(m_dir.filePath(QStringLiteral("astro/src/content/blog")),
                                QStringLiteral("/img/b.svg")),
                 astro);
        // Jekyll serves the site's root folder itself.
        make(QStringLiteral("jekyll/_config.yml"));
        const QString jimg = make(QStringLiteral("jekyll/assets/img/c.png"));
        const QString root = make(QStringLiteral("jekyll/images/d.png"));
        const QString posts = m_dir.filePath(QStringLiteral("jekyll/_posts"));
        QDir().mkpath(posts);
        QCOMPARE(localImagePath(posts, QStringLiteral("/assets/img/c.png")), jimg);
        QCOMPARE(localImagePath(posts, QStringLiteral("/images/d.png")), root);
    }

    void namesAChosenImage()
    {
        // The form's image chooser, in a Hugo site: a page bundle's own image is its bare name,
        // whatever the site writes elsewhere; a file in static/ is named from the site's root.
        using Kind = ImagePathStyle::Kind;
        make(QStringLiteral("site/hugo.toml"));
        const QString bundle = m_dir.filePath(QStringLiteral("site/content/posts/trip"));
        const QString posts = m_dir.filePath(QStringLiteral("site/content/posts"));
        const QString cover = make(QStringLiteral("site/content/posts/trip/cover.jpg"));
        const QString logo = make(QStringLiteral("site/static/images/logo.png"));
        const QString other = make(QStringLiteral("site/static/images/other.png"));
        make(QStringLiteral("site/content/posts/trip/index.md"));
        make(QStringLiteral("site/content/posts/other.md"));
        const ImagePathStyle none;
        QCOMPARE(imagePathValue(bundle, cover, none), u"cover.jpg"_s);
        QCOMPARE(imagePathValue(bundle, logo, none), u"/images/logo.png"_s);
        // The site writes "/images/..." (site-rooted, from static/): a bundle image stays bare
        // (it was "/content/posts/trip/cover.jpg", which Hugo does not serve).
        const ImagePathStyle rooted = imagePathStyleOf({{posts, u"/images/other.png"_s},
                                                        {posts, u"/images/logo.png"_s},
                                                        {bundle, u"cover.jpg"_s},
                                                        {posts, u"https://x/d.png"_s}});
        QCOMPARE(rooted.kind, Kind::SiteRooted);
        QCOMPARE(rooted.servedFolder,
                 QFileInfo(m_dir.filePath(u"site/static"_s)).absoluteFilePath());
        QCOMPARE(imagePathValue(bundle, cover, rooted), u"cover.jpg"_s);
        QCOMPARE(imagePathValue(posts, logo, rooted), u"/images/logo.png"_s);
        // The site writes "images/..." without the slash (Hugo themes take it with absURL).
        const ImagePathStyle bare =
            imagePathStyleOf({{posts, u"images/other.png"_s}, {posts, u"images/logo.png"_s}});
        QCOMPARE(bare.kind, Kind::SiteRelative);
        QCOMPARE(imagePathValue(posts, logo, bare), u"images/logo.png"_s);
        QCOMPARE(imageFileOf(posts, u"images/logo.png"_s), logo);
        QCOMPARE(imagePathValue(bundle, cover, bare), u"cover.jpg"_s);
        // Bundles naming their own images: relative.
        QCOMPARE(imagePathStyleOf({{bundle, u"cover.jpg"_s}}).kind, Kind::PageRelative);
        QCOMPARE(imagePathStyleOf({{posts, u"https://x/d.png"_s}, {posts, QString()}}).kind,
                 Kind::PageRelative);
        // What a value names, localImagePath finds again.
        QCOMPARE(localImagePath(bundle, imagePathValue(bundle, logo, rooted)), logo);
        // A Jekyll site serves its root: assets/ keeps its name in the path.
        make(QStringLiteral("jekyll/_config.yml"));
        const QString card = make(QStringLiteral("jekyll/assets/images/cards/a.png"));
        const QString jposts = m_dir.filePath(QStringLiteral("jekyll/_posts"));
        QDir().mkpath(jposts);
        QCOMPARE(imagePathValue(jposts, card, none), u"/assets/images/cards/a.png"_s);
        // The chooser opens in the bundle for index.md, else in static/images.
        QCOMPARE(imageFolderFor(bundle + QStringLiteral("/index.md")),
                 QFileInfo(bundle).absoluteFilePath());
        QCOMPARE(
            imageFolderFor(m_dir.filePath(QStringLiteral("site/content/posts/other.md"))),
            QFileInfo(m_dir.filePath(QStringLiteral("site/static/images"))).absoluteFilePath());
    }

    void missingOrOutsideIsEmpty()
    {
        const QString folder = m_dir.filePath(QStringLiteral("hugo/content/posts/trip"));
        QVERIFY(localImagePath(folder, QStringLiteral("nothere.png")).isEmpty());
        QVERIFY(localImagePath(folder, QStringLiteral("/images/nothere.png")).isEmpty());
        QVERIFY(localImagePath(folder, QStringLiteral("/../../etc/passwd")).isEmpty());
        QVERIFY(localImagePath(QString(), QStringLiteral("cover.jpg")).isEmpty());
        // A site-rooted path is never a path of the machine's root folder.
        QVERIFY(localImagePath(folder, QStringLiteral("/etc/hostname")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSiteImages)
#include "tst_siteimages.moc"
