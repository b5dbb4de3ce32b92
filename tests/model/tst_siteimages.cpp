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
        // The form's image chooser: a file picked in a page bundle is named relative to the
        // article, one in static/ from the site's root, and each style falls back to the other
        // where it cannot reach the file.
        make(QStringLiteral("site/hugo.toml"));
        const QString bundle = m_dir.filePath(QStringLiteral("site/content/posts/trip"));
        const QString cover = make(QStringLiteral("site/content/posts/trip/cover.jpg"));
        const QString logo = make(QStringLiteral("site/static/images/logo.png"));
        make(QStringLiteral("site/content/posts/trip/index.md"));
        make(QStringLiteral("site/content/posts/other.md"));
        QCOMPARE(imagePathValue(bundle, cover, ImagePathStyle::Relative),
                 QStringLiteral("cover.jpg"));
        QCOMPARE(imagePathValue(bundle, logo, ImagePathStyle::SiteRooted),
                 QStringLiteral("/images/logo.png"));
        // Relative asked, but the file is outside the article's folder: site-rooted.
        QCOMPARE(imagePathValue(bundle, logo, ImagePathStyle::Relative),
                 QStringLiteral("/images/logo.png"));
        // Site-rooted asked for a file only the article's folder serves: relative.
        QCOMPARE(imagePathValue(bundle, cover, ImagePathStyle::SiteRooted),
                 QStringLiteral("/content/posts/trip/cover.jpg"));
        // What a value names, localImagePath finds again.
        QCOMPARE(localImagePath(bundle, imagePathValue(bundle, logo, ImagePathStyle::SiteRooted)),
                 logo);
        // The style a field's other values use; relative when there are none.
        QCOMPARE(imagePathStyleOf({u"/a.png"_s, u"/b.png"_s, u"c.png"_s, u"https://x/d.png"_s}),
                 ImagePathStyle::SiteRooted);
        QCOMPARE(imagePathStyleOf({u"https://x/d.png"_s, QString()}), ImagePathStyle::Relative);
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
