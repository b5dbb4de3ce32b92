#include "model/text/articletext.h"
#include "model/text/textstats.h"
#include "model/yaml/document.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using frontis::TextStats;

class TestTextStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handCountedArticle();
    void markdownIsStripped_data();
    void markdownIsStripped();
    void sentences_data();
    void sentences();
    void syllables_data();
    void syllables();
    void readingMinutes_data();
    void readingMinutes();
    void fleschFormula();
    void readmeFiguresAreTheShippedSample();
};

void TestTextStats::handCountedArticle()
{
    const QString markdown = u"# Why ice is slippery\n"
                             "\n"
                             "Ice is slippery because a thin film of water covers it.\n"
                             "Skaters glide on this film!\n"
                             "\n"
                             "- Pressure melts the surface.\n"
                             "- Friction adds heat\n"
                             "\n"
                             "Read [the full story](https://example.com/ice) today."_s;
    // Counted by hand, per line of what the reader sees:
    //                                       words sentences syllables  chars (no spaces)
    // Why ice is slippery                       4     1     1+1+1+3=6    19 (16)
    // Ice is slippery because a thin film of   11     1    1+1+3+2+1+     55 (45)
    //   water covers it.                                   1+1+1+2+2+1=16
    // (the soft line break shows as a space)                             1 (0)
    // Skaters glide on this film!               5     1    2+1+1+1+1=6   27 (23)
    // Pressure melts the surface.               4     1    2+1+1+2=6     27 (24)
    // Friction adds heat (no stop: the item     3     1    2+1+1=4       18 (16)
    //   ends the sentence)
    // Read the full story today. (the link's    5     1    1+1+1+2+2=7   26 (22)
    //   address is not read)
    // total                                    32     6    45           173 (146)
    // Syllables by the documented heuristic: ice, because, glide, pressure and surface lose a
    // silent final e; "the" keeps its only vowel group; slippery = i-e-y, water = a-e,
    // covers = o-e, friction = i-io, story = o-y, today = o-ay.
    const TextStats s = frontis::measureText(markdown);
    QCOMPARE(s.words, 32);
    QCOMPARE(s.proseWords, 32);
    QCOMPARE(s.sentences, 6);
    QCOMPARE(s.syllables, 45);
    QCOMPARE(s.characters, 173);
    QCOMPARE(s.charactersWithoutSpaces, 146);
    QCOMPARE(s.readingMinutes(), 1);
    // 206.835 - 1.015 * 32/6 - 84.6 * 45/32 = 206.835 - 5.41333 - 118.96875 = 82.45292
    QVERIFY(s.fleschReadingEase().has_value());
    QVERIFY(qAbs(*s.fleschReadingEase() - 82.45292) < 0.0001);
}

void TestTextStats::markdownIsStripped_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<int>("words");
    QTest::addColumn<int>("proseWords");
    QTest::addColumn<int>("characters");
    QTest::addColumn<int>("withoutSpaces");

    QTest::newRow("empty") << QString() << 0 << 0 << 0 << 0;
    // An entity is one character; &nbsp; is a space between two words.
    QTest::newRow("nbsp") << u"a&nbsp;b"_s << 2 << 2 << 3 << 2;
    QTest::newRow("entity") << u"caf&eacute; au lait"_s << 3 << 3 << 12 << 10;
    // Markers inside a word neither split it nor count.
    QTest::newRow("emphasis in a word") << u"**un**believable"_s << 1 << 1 << 12 << 12;
    QTest::newRow("strong and emphasis") << u"*one* __two__ ***three***"_s << 3 << 3 << 13 << 11;
    QTest::newRow("link address") << u"[docs](https://example.com/very/long/path) and more"_s << 3
                                  << 3 << 13 << 11;
    // An image's description is not read in the flow; the space after it is shown.
    QTest::newRow("image") << u"![a cat sleeping](cat.png) Cats sleep."_s << 2 << 2 << 12 << 10;
    QTest::newRow("inline html") << u"<b>Bold</b> move"_s << 2 << 2 << 9 << 8;
    QTest::newRow("html block") << u"<div>\nhidden words\n</div>\n\nShown."_s << 1 << 1 << 6 << 6;
    QTest::newRow("inline code") << u"Use `std::move` here."_s << 3 << 3 << 19 << 17;
    // Code blocks count as words and characters (their line breaks do not), never as prose.
    QTest::newRow("fenced code") << u"Intro text here.\n\n```cpp\nint x = 1;\n```\n\nDone."_s << 7
                                 << 4 << 31 << 26;
    QTest::newRow("indented code") << u"Text.\n\n    a = b\n    c\n"_s << 4 << 1 << 11 << 9;
    QTest::newRow("punctuation only") << u"Wait \u2014 what ?"_s << 2 << 2 << 13 << 10;
    QTest::newRow("hard line break") << u"one  \ntwo"_s << 2 << 2 << 6 << 6;
    QTest::newRow("headings and lists")
        << u"## Title\n\n1. first\n2. second"_s << 3 << 3 << 16 << 16;
    QTest::newRow("ideographs") << u"日本語のテキスト"_s << 8 << 8 << 8 << 8;
    QTest::newRow("emoji is one character") << u"ok \U0001F600"_s << 1 << 1 << 4 << 3;
    QTest::newRow("numbers are words") << u"In 2024, 3.5 % rose"_s << 4 << 4 << 19 << 15;
}

void TestTextStats::markdownIsStripped()
{
    QFETCH(QString, markdown);
    const TextStats s = frontis::measureText(markdown);
    QTEST(s.words, "words");
    QTEST(s.proseWords, "proseWords");
    QTEST(s.characters, "characters");
    QTEST(s.charactersWithoutSpaces, "withoutSpaces");
}

void TestTextStats::sentences_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<int>("sentences");

    QTest::newRow("none") << u"```\ncode only.\n```"_s << 0;
    QTest::newRow("one without stop") << u"no stop here"_s << 1;
    QTest::newRow("three marks") << u"One. Two! Three?"_s << 3;
    QTest::newRow("closing quote") << u"He said \"stop.\" Then he left."_s << 2;
    QTest::newRow("closing bracket") << u"(See below.) Then this."_s << 2;
    QTest::newRow("ellipsis") << u"Wait\u2026 and then"_s << 2;
    QTest::newRow("decimal") << u"It costs 3.50 dollars."_s << 1;
    QTest::newRow("stop alone") << u"Odd spacing . Next"_s << 2;
    QTest::newRow("blocks end sentences") << u"# Title\n\n- one\n- two\n\nText"_s << 4;
    QTest::newRow("stop spanning markers") << u"It is **done.** Yes"_s << 2;
    // Documented: abbreviations end a sentence too.
    QTest::newRow("abbreviation") << u"Use e.g. this"_s << 2;
}

void TestTextStats::sentences()
{
    QFETCH(QString, markdown);
    QTEST(frontis::measureText(markdown).sentences, "sentences");
}

void TestTextStats::syllables_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<int>("syllables");

    QTest::newRow("the") << u"the"_s << 1; // one vowel group keeps its e
    QTest::newRow("be") << u"be"_s << 1;
    QTest::newRow("make") << u"make"_s << 1; // silent e
    QTest::newRow("whole") << u"whole"_s << 1;
    QTest::newRow("ale") << u"ale"_s << 1;     // vowel + le: the e is silent
    QTest::newRow("table") << u"table"_s << 2; // consonant + le is spoken
    QTest::newRow("little") << u"little"_s << 2;
    QTest::newRow("people") << u"people"_s << 2;
    QTest::newRow("agree") << u"agree"_s << 2; // ee is one group, not a silent e
    QTest::newRow("free") << u"free"_s << 1;
    QTest::newRow("because") << u"because"_s << 2;
    QTest::newRow("beautiful") << u"beautiful"_s << 3;
    QTest::newRow("yes") << u"yes"_s << 1; // a leading y is a consonant
    QTest::newRow("yellow") << u"yellow"_s << 2;
    QTest::newRow("rhythm") << u"rhythm"_s << 1; // y as the only vowel
    QTest::newRow("happy") << u"happy"_s << 2;
    QTest::newRow("capitals") << u"COMPUTER"_s << 3;
    QTest::newRow("apostrophe") << u"don't"_s << 1;
    QTest::newRow("hyphenated") << u"state-of-the-art"_s << 4;
    QTest::newRow("accented e is spoken") << u"r\u00e9sum\u00e9"_s << 3;
    QTest::newRow("umlaut") << u"\u00dcber"_s << 2;
    QTest::newRow("number") << u"2024"_s << 1;
    QTest::newRow("no vowel") << u"hmm"_s << 1;
    QTest::newRow("learning") << u"learning"_s << 2;
    QTest::newRow("computing") << u"computing"_s << 3;
    // Documented misses of the heuristic: a spoken final e, a silent e inside a word.
    QTest::newRow("recipe (3 spoken)") << u"recipe"_s << 2;
    QTest::newRow("advancements (3 spoken)") << u"advancements"_s << 4;
}

void TestTextStats::syllables()
{
    QFETCH(QString, word);
    QTEST(frontis::countSyllables(word), "syllables");
}

void TestTextStats::readingMinutes_data()
{
    QTest::addColumn<int>("words");
    QTest::addColumn<int>("minutes");
    QTest::newRow("none") << 0 << 0;
    QTest::newRow("one word") << 1 << 1;
    QTest::newRow("just under a minute") << 229 << 1;
    QTest::newRow("1.5 rounds up") << 345 << 2;
    QTest::newRow("two minutes") << 460 << 2;
    QTest::newRow("2.496") << 574 << 2;
    QTest::newRow("2.5") << 575 << 3;
    QTest::newRow("an hour") << 230 * 60 << 60;
}

void TestTextStats::readingMinutes()
{
    QFETCH(int, words);
    TextStats s;
    s.words = words;
    QTEST(s.readingMinutes(), "minutes");
}

void TestTextStats::fleschFormula()
{
    TextStats s;
    QVERIFY(!s.fleschReadingEase().has_value()); // nothing to measure
    s.words = 120;
    s.proseWords = 100;
    s.sentences = 5;
    s.syllables = 150;
    // 206.835 - 1.015 * 20 - 84.6 * 1.5
    QVERIFY(qAbs(*s.fleschReadingEase() - 59.635) < 1e-9);
    s.sentences = 1;
    s.syllables = 300; // long sentence of long words: below 0, not clamped
    QVERIFY(*s.fleschReadingEase() < 0);
}

// The README quotes the status bar for the shipped sample: the figures must be the sample's.
void TestTextStats::readmeFiguresAreTheShippedSample()
{
    const QDir samples(QStringLiteral(FRONTIS_SOURCE_DIR "/resources/samples"));
    const QStringList files = samples.entryList({QStringLiteral("*.md")}, QDir::Files);
    QCOMPARE(files.size(), 1);
    const frontis::Result<frontis::Document> doc =
        frontis::Document::load(samples.filePath(files.first()));
    QVERIFY(doc);
    const frontis::ArticleText text = frontis::ArticleText::field(u"answer"_s, true);
    const TextStats s = frontis::measureText(text.decode(text.stored(doc.value())));
    const QLocale english(QLocale::English);
    const QString figures =
        u"\"%1 words \u00b7 %2 characters \u00b7 %3 min read \u00b7 Flesch %4\""_s
            .arg(english.toString(s.words), english.toString(s.characters))
            .arg(s.readingMinutes())
            .arg(qRound(s.fleschReadingEase().value_or(0)));
    QFile readme(QStringLiteral(FRONTIS_SOURCE_DIR "/README.md"));
    QVERIFY(readme.open(QIODevice::ReadOnly));
    const QString text2 = QString::fromUtf8(readme.readAll()).replace(u'\n', u' ');
    QVERIFY2(text2.contains(figures), qPrintable(u"README.md should quote "_s + figures));
}

QTEST_GUILESS_MAIN(TestTextStats)
#include "tst_textstats.moc"
