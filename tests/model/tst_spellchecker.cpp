#include "model/text/spellchecker.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using frontis::SpellChecker;

namespace {

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestSpellChecker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void findsInstalledDictionaries();
    void checksWords_data();
    void checksWords();
    void suggests();
    void personalWordsPersist();
    void personalListWithoutFinalNewline();
    void ignoreIsForTheSession();
    void latin1Dictionary();
    void unreadableDictionary();
    void personalPathFollowsXdg();

private:
    std::unique_ptr<SpellChecker> openEnglish(const QString& personal);

    QTemporaryDir m_tmp;
    SpellChecker::Dictionary m_english;
};

void TestSpellChecker::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    for (const SpellChecker::Dictionary& d : SpellChecker::installedDictionaries()) {
        if (d.language == u"en_US"_s)
            m_english = d;
    }
}

std::unique_ptr<SpellChecker> TestSpellChecker::openEnglish(const QString& personal)
{
    auto result = SpellChecker::open(m_english, personal);
    if (!result)
        qWarning() << result.error().message;
    return result ? std::move(result.value()) : nullptr;
}

void TestSpellChecker::findsInstalledDictionaries()
{
    // A dictionary needs both files; the first directory holding a language wins.
    const QString a = m_tmp.filePath(u"a"_s);
    const QString b = m_tmp.filePath(u"b"_s);
    QVERIFY(QDir().mkpath(a) && QDir().mkpath(b));
    QVERIFY(writeFile(a + u"/xx_YY.aff"_s, "SET UTF-8\n"));
    QVERIFY(writeFile(a + u"/xx_YY.dic"_s, "1\nword\n"));
    QVERIFY(writeFile(a + u"/only_aff.aff"_s, "SET UTF-8\n"));
    QVERIFY(writeFile(a + u"/hyph_xx.dic"_s, "UTF-8\n"));
    QVERIFY(writeFile(b + u"/xx_YY.aff"_s, "SET UTF-8\n"));
    QVERIFY(writeFile(b + u"/xx_YY.dic"_s, "1\nother\n"));
    QVERIFY(writeFile(b + u"/aa_BB.aff"_s, "SET UTF-8\n"));
    QVERIFY(writeFile(b + u"/aa_BB.dic"_s, "1\nother\n"));
    const QList<SpellChecker::Dictionary> found = SpellChecker::installedDictionaries({a, b});
    QCOMPARE(found.size(), 2);
    QCOMPARE(found[0].language, u"aa_BB"_s);
    QCOMPARE(found[1].language, u"xx_YY"_s);
    QCOMPARE(found[1].wordsPath, QDir(a).absoluteFilePath(u"xx_YY.dic"_s));
    QVERIFY(SpellChecker::dictionaryDirectories().contains(u"/usr/share/hunspell"_s));
}

void TestSpellChecker::checksWords_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<bool>("correct");
    QTest::newRow("known") << u"performance"_s << true;
    QTest::newRow("capitalised") << u"Advancements"_s << true;
    QTest::newRow("misspelt") << u"perfromance"_s << false;
    QTest::newRow("straight apostrophe") << u"doesn't"_s << true;
    QTest::newRow("typographic apostrophe") << u"doesn\u2019t"_s << true;
    QTest::newRow("misspelt with apostrophe") << u"doesn\u2019tt"_s << false;
}

void TestSpellChecker::checksWords()
{
    if (m_english.language.isEmpty())
        QSKIP("no en_US Hunspell dictionary installed (Debian: hunspell-en-us)");
    QFETCH(QString, word);
    QFETCH(bool, correct);
    const auto checker = openEnglish(m_tmp.filePath(u"none.txt"_s));
    QVERIFY(checker);
    QCOMPARE(checker->language(), u"en_US"_s);
    QCOMPARE(checker->isCorrect(word), correct);
    QCOMPARE(checker->isCorrect(word), correct); // the cached verdict agrees
}

void TestSpellChecker::suggests()
{
    if (m_english.language.isEmpty())
        QSKIP("no en_US Hunspell dictionary installed (Debian: hunspell-en-us)");
    const auto checker = openEnglish(m_tmp.filePath(u"none.txt"_s));
    QVERIFY(checker);
    const QStringList s = checker->suggestions(u"recieve"_s);
    QVERIFY2(s.contains(u"receive"_s), qPrintable(s.join(u", "_s)));
    QVERIFY(s.size() <= 6);
    QVERIFY(checker->suggestions(u"recieve"_s, 2).size() <= 2);
    // The writer's apostrophe style is kept.
    const QStringList typographic = checker->suggestions(u"does\u2019nt"_s);
    QVERIFY2(typographic.contains(u"doesn\u2019t"_s), qPrintable(typographic.join(u", "_s)));
}

void TestSpellChecker::personalWordsPersist()
{
    if (m_english.language.isEmpty())
        QSKIP("no en_US Hunspell dictionary installed (Debian: hunspell-en-us)");
    const QString path = m_tmp.filePath(u"deep/folder/words-en_US.txt"_s);
    {
        const auto checker = openEnglish(path);
        QVERIFY(checker);
        QVERIFY(!checker->isCorrect(u"Frontis"_s));
        QVERIFY(!checker->addToPersonal(u"Frontis"_s));
        QVERIFY(!checker->addToPersonal(u"Frontis"_s)); // once only
        QVERIFY(!checker->addToPersonal(u"quicktake\u2019s"_s));
        QVERIFY(checker->isCorrect(u"Frontis"_s));
        QVERIFY(checker->isCorrect(u"quicktake's"_s));
        // Hunspell knows it too: a near miss is corrected to it.
        QVERIFY(checker->suggestions(u"Frontsi"_s).contains(u"Frontis"_s));
    }
    QCOMPARE(readFile(path), QByteArray("Frontis\nquicktake's\n"));
    const auto again = openEnglish(path);
    QVERIFY(again);
    QVERIFY(again->isCorrect(u"Frontis"_s));
    QVERIFY(again->personalWords().contains(u"quicktake's"_s));
    QVERIFY(!again->isCorrect(u"Frontsi"_s));
}

void TestSpellChecker::personalListWithoutFinalNewline()
{
    if (m_english.language.isEmpty())
        QSKIP("no en_US Hunspell dictionary installed (Debian: hunspell-en-us)");
    const QString path = m_tmp.filePath(u"handmade.txt"_s);
    QVERIFY(writeFile(path, "Zorblat\n\n  Quuxly  "));
    const auto checker = openEnglish(path);
    QVERIFY(checker);
    QVERIFY(checker->isCorrect(u"Zorblat"_s));
    QVERIFY(checker->isCorrect(u"Quuxly"_s));
    QVERIFY(!checker->addToPersonal(u"Blorft"_s));
    QCOMPARE(readFile(path), QByteArray("Zorblat\n\n  Quuxly  \nBlorft\n"));
}

void TestSpellChecker::ignoreIsForTheSession()
{
    if (m_english.language.isEmpty())
        QSKIP("no en_US Hunspell dictionary installed (Debian: hunspell-en-us)");
    const QString path = m_tmp.filePath(u"ignore.txt"_s);
    {
        const auto checker = openEnglish(path);
        QVERIFY(!checker->isCorrect(u"Wibblet"_s)); // cached as wrong...
        checker->ignore(u"Wibblet"_s);
        QVERIFY(checker->isCorrect(u"Wibblet"_s)); // ...and the cache follows
        QVERIFY(checker->ignoredWords().contains(u"Wibblet"_s));
    }
    QVERIFY(!QFile::exists(path));
    QVERIFY(!openEnglish(path)->isCorrect(u"Wibblet"_s));
}

void TestSpellChecker::latin1Dictionary()
{
    // A dictionary in ISO 8859-1: words are converted both ways; a word the encoding cannot
    // hold is not judged.
    const QString dir = m_tmp.filePath(u"latin1"_s);
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(writeFile(dir + u"/la_TN.aff"_s, "SET ISO8859-1\nTRY aeiouc\xe9\n"));
    QVERIFY(writeFile(dir + u"/la_TN.dic"_s, "2\ncaf\xe9\nna\xefve\n"));
    const QList<SpellChecker::Dictionary> found = SpellChecker::installedDictionaries({dir});
    QCOMPARE(found.size(), 1);
    auto result = SpellChecker::open(found.first(), m_tmp.filePath(u"la.txt"_s));
    QVERIFY(result);
    const auto& checker = result.value();
    QVERIFY(checker->isCorrect(u"café"_s));
    QVERIFY(checker->isCorrect(u"naïve"_s));
    QVERIFY(!checker->isCorrect(u"cafe"_s));
    QVERIFY(checker->isCorrect(u"\u0436\u0443\u043a"_s)); // Cyrillic: not for this dictionary
    QVERIFY(checker->suggestions(u"cafe"_s).contains(u"café"_s));
    QVERIFY(!checker->addToPersonal(u"crème"_s));
    QVERIFY(checker->isCorrect(u"crème"_s));
    QCOMPARE(readFile(m_tmp.filePath(u"la.txt"_s)), u"crème\n"_s.toUtf8()); // the list is UTF-8
}

void TestSpellChecker::unreadableDictionary()
{
    const SpellChecker::Dictionary missing{u"zz_ZZ"_s, m_tmp.filePath(u"zz_ZZ.aff"_s),
                                           m_tmp.filePath(u"zz_ZZ.dic"_s)};
    const auto result = SpellChecker::open(missing, m_tmp.filePath(u"zz.txt"_s));
    QVERIFY(!result);
    QVERIFY2(result.error().message.contains(u"zz_ZZ.aff"_s), qPrintable(result.error().message));
}

void TestSpellChecker::personalPathFollowsXdg()
{
    QCoreApplication::setOrganizationName(u"Frontis"_s);
    QCoreApplication::setApplicationName(u"Frontis"_s);
    const QByteArray old = qgetenv("XDG_DATA_HOME");
    qputenv("XDG_DATA_HOME", m_tmp.path().toLocal8Bit());
    const QString path = SpellChecker::personalWordListPath(u"de_DE"_s);
    if (old.isNull())
        qunsetenv("XDG_DATA_HOME");
    else
        qputenv("XDG_DATA_HOME", old);
    QCOMPARE(path, m_tmp.path() + u"/Frontis/Frontis/words-de_DE.txt"_s);
}

QTEST_GUILESS_MAIN(TestSpellChecker)
#include "tst_spellchecker.moc"
