// Where the preview finds an article's images: as Hugo, Jekyll, Astro and Eleventy do.
#include "model/text/siteimages.h"
#include "testutil.h"

#include <QTemporaryDir>
#include <QTest>

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
