#include "model/text/textfinder.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using frontis::FindOptions;
using frontis::TextFinder;

namespace {

// The matched texts, for readable comparisons.
QStringList matchedTexts(const QString& text, const QList<TextFinder::Match>& matches)
{
    QStringList out;
    for (const TextFinder::Match& m : matches)
        out << text.mid(m.start, m.length);
    return out;
}

QString applied(const QString& text, const QList<TextFinder::Replacement>& all)
{
    QString out = text;
    for (auto it = all.crbegin(); it != all.crend(); ++it)
        out.replace(it->match.start, it->match.length, it->text);
    return out;
}

} // namespace

class TestTextFinder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void finds_data();
    void finds();
    void invalidRegularExpression_data();
    void invalidRegularExpression();
    void emptyTermFindsNothing();
    void replacementsFollowQt_data();
    void replacementsFollowQt();
    void plainReplacementIsLiteral();
    void replacementForOneMatch();
};

void TestTextFinder::finds_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("term");
    QTest::addColumn<bool>("caseSensitive");
    QTest::addColumn<bool>("wholeWords");
    QTest::addColumn<bool>("regex");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QList<qsizetype>>("starts");

    const QString cats = u"Cat cat CAT concat"_s;
    QTest::newRow("any case") << cats << u"cat"_s << false << false << false
                              << QStringList{u"Cat"_s, u"cat"_s, u"CAT"_s, u"cat"_s}
                              << QList<qsizetype>{0, 4, 8, 15};
    QTest::newRow("case sensitive") << cats << u"cat"_s << true << false << false
                                    << QStringList{u"cat"_s, u"cat"_s} << QList<qsizetype>{4, 15};
    QTest::newRow("whole words") << cats << u"cat"_s << false << true << false
                                 << QStringList{u"Cat"_s, u"cat"_s, u"CAT"_s}
                                 << QList<qsizetype>{0, 4, 8};
    QTest::newRow("whole words, case") << cats << u"CAT"_s << true << true << false
                                       << QStringList{u"CAT"_s} << QList<qsizetype>{8};
    // Plain text: regular expression characters are literal.
    QTest::newRow("plain dot") << u"a.b axb a.b"_s << u"a.b"_s << false << false << false
                               << QStringList{u"a.b"_s, u"a.b"_s} << QList<qsizetype>{0, 8};
    QTest::newRow("regex dot") << u"a.b axb"_s << u"a.b"_s << false << false << true
                               << QStringList{u"a.b"_s, u"axb"_s} << QList<qsizetype>{0, 4};
    QTest::newRow("plain brackets") << u"f(x) [1]"_s << u"(x) ["_s << false << false << false
                                    << QStringList{u"(x) ["_s} << QList<qsizetype>{1};
    // An underscore joins words; punctuation does not.
    QTest::newRow("whole words, punctuation")
        << u"net net_work network (net) net."_s << u"net"_s << false << true << false
        << QStringList{u"net"_s, u"net"_s, u"net"_s} << QList<qsizetype>{0, 22, 27};
    QTest::newRow("whole words, accents")
        << u"caf\u00e9 caf\u00e9s"_s << u"caf\u00e9"_s << false << true << false
        << QStringList{u"caf\u00e9"_s} << QList<qsizetype>{0};
    QTest::newRow("case folding beyond ASCII")
        << u"\u00c9t\u00e9 \u00e9t\u00e9"_s << u"\u00e9t\u00e9"_s << false << false << false
        << QStringList{u"\u00c9t\u00e9"_s, u"\u00e9t\u00e9"_s} << QList<qsizetype>{0, 4};
    // Lines: ^ and $ work per line; . does not cross a line break.
    QTest::newRow("regex line start")
        << u"one two\nthree four"_s << u"^\\w+"_s << false << false << true
        << QStringList{u"one"_s, u"three"_s} << QList<qsizetype>{0, 8};
    QTest::newRow("regex line end") << u"a1\nb2\n"_s << u"\\d$"_s << false << false << true
                                    << QStringList{u"1"_s, u"2"_s} << QList<qsizetype>{1, 4};
    QTest::newRow("regex dot and newline")
        << u"ab\ncd"_s << u"b.c"_s << false << false << true << QStringList{} << QList<qsizetype>{};
    QTest::newRow("regex across lines") << u"ab\ncd"_s << u"b\\nc"_s << false << false << true
                                        << QStringList{u"b\nc"_s} << QList<qsizetype>{1};
    QTest::newRow("regex whole words")
        << u"cat category cats"_s << u"cat\\w?"_s << false << true << true
        << QStringList{u"cat"_s, u"cats"_s} << QList<qsizetype>{0, 13};
    QTest::newRow("regex alternation whole words")
        << u"a ab b"_s << u"a|b"_s << false << true << true << QStringList{u"a"_s, u"b"_s}
        << QList<qsizetype>{0, 5};
    QTest::newRow("regex case") << u"Deep deep"_s << u"D\\w+"_s << true << false << true
                                << QStringList{u"Deep"_s} << QList<qsizetype>{0};
    QTest::newRow("markdown bold")
        << u"**Increased Power**: more **Speed**"_s << u"\\*\\*(.+?)\\*\\*"_s << false << false
        << true << QStringList{u"**Increased Power**"_s, u"**Speed**"_s} << QList<qsizetype>{0, 26};
    QTest::newRow("empty matches") << u"a\nb"_s << u"^"_s << false << false << true
                                   << QStringList{QString(), QString()} << QList<qsizetype>{0, 2};
}

void TestTextFinder::finds()
{
    QFETCH(QString, text);
    QFETCH(QString, term);
    QFETCH(bool, caseSensitive);
    QFETCH(bool, wholeWords);
    QFETCH(bool, regex);
    QFETCH(QStringList, expected);
    QFETCH(QList<qsizetype>, starts);

    const auto finder = TextFinder::compile(term, FindOptions{caseSensitive, wholeWords, regex});
    QVERIFY(finder.ok());
    const QList<TextFinder::Match> matches = finder->findAll(text);
    QCOMPARE(matchedTexts(text, matches), expected);
    QList<qsizetype> actualStarts;
    for (const TextFinder::Match& m : matches)
        actualStarts << m.start;
    QCOMPARE(actualStarts, starts);
}

void TestTextFinder::invalidRegularExpression_data()
{
    QTest::addColumn<QString>("term");
    QTest::addColumn<bool>("wholeWords");
    QTest::addColumn<int>("column");
    QTest::newRow("open group") << u"(abc"_s << false << 5;
    QTest::newRow("bad class") << u"a[b"_s << false << 4;
    QTest::newRow("nothing to repeat") << u"*a"_s << false << 1;
    // Wrapped for whole words, ")(" would balance: still an error, at the writer's position.
    QTest::newRow("whole words keep the error") << u"a)(b"_s << true << 2;
}

void TestTextFinder::invalidRegularExpression()
{
    QFETCH(QString, term);
    QFETCH(bool, wholeWords);
    QFETCH(int, column);
    const auto finder = TextFinder::compile(term, FindOptions{false, wholeWords, true});
    QVERIFY(!finder.ok());
    QVERIFY(!finder.error().message.isEmpty());
    QCOMPARE(finder.error().column, column);
    QVERIFY2(finder.error().message.contains(QString::number(column)),
             qPrintable(finder.error().message));
    // The same text as plain text is fine.
    QVERIFY(TextFinder::compile(term, FindOptions{false, wholeWords, false}).ok());
}

void TestTextFinder::emptyTermFindsNothing()
{
    for (const bool regex : {false, true}) {
        const auto finder = TextFinder::compile(QString(), FindOptions{false, false, regex});
        QVERIFY(finder.ok());
        QVERIFY(finder->isEmpty());
        QVERIFY(finder->findAll(u"anything"_s).isEmpty());
        QVERIFY(finder->replacements(u"anything"_s, u"x"_s).isEmpty());
    }
}

void TestTextFinder::replacementsFollowQt_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("replacement");
    QTest::addColumn<QString>("expected");

    QTest::newRow("swap groups") << u"joe@example, ann@site"_s << u"(\\w+)@(\\w+)"_s
                                 << u"\\2 at \\1"_s << u"example at joe, site at ann"_s;
    QTest::newRow("bold to italics")
        << u"**a** and **b c**"_s << u"\\*\\*(.+?)\\*\\*"_s << u"_\\1_"_s << u"_a_ and _b c_"_s;
    // \10 with one group is group 1 followed by "0"; $1 and \0 are literal.
    QTest::newRow("two digits need groups") << u"x1"_s << u"(x)"_s << u"\\10"_s << u"x01"_s;
    QTest::newRow("dollar is literal") << u"ab"_s << u"(a)"_s << u"$1"_s << u"$1b"_s;
    QTest::newRow("backslash zero is literal") << u"ab"_s << u"(a)"_s << u"\\0"_s << u"\\0b"_s;
    QTest::newRow("no such group") << u"ab"_s << u"(a)"_s << u"\\2"_s << u"\\2b"_s;
    QTest::newRow("unmatched group is empty") << u"ab"_s << u"(x)?a"_s << u"[\\1]"_s << u"[]b"_s;
    QTest::newRow("twelve groups") << u"abcdefghijkl"_s << u"(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)"_s
                                   << u"\\12\\1"_s << u"la"_s;
    QTest::newRow("prefix every line") << u"one\ntwo"_s << u"^"_s << u"> "_s << u"> one\n> two"_s;
    QTest::newRow("line breaks") << u"a, b"_s << u", "_s << u"\n"_s << u"a\nb"_s;
}

void TestTextFinder::replacementsFollowQt()
{
    QFETCH(QString, text);
    QFETCH(QString, pattern);
    QFETCH(QString, replacement);
    QFETCH(QString, expected);
    const auto finder = TextFinder::compile(pattern, FindOptions{true, false, true});
    QVERIFY(finder.ok());
    const QString result = applied(text, finder->replacements(text, replacement));
    QCOMPARE(result, expected);
    // The documented semantics are Qt's own.
    QString qt = text;
    qt.replace(QRegularExpression(pattern, QRegularExpression::MultilineOption |
                                               QRegularExpression::UseUnicodePropertiesOption),
               replacement);
    QCOMPARE(result, qt);
}

void TestTextFinder::plainReplacementIsLiteral()
{
    const auto finder = TextFinder::compile(u"(a)"_s, FindOptions{});
    QVERIFY(finder.ok());
    const QString text = u"(a) (A) a"_s;
    QCOMPARE(applied(text, finder->replacements(text, u"\\1$1"_s)), u"\\1$1 \\1$1 a"_s);
}

void TestTextFinder::replacementForOneMatch()
{
    const QString text = u"x=1, y=22"_s;
    const auto finder = TextFinder::compile(u"(\\w)=(\\d+)"_s, FindOptions{false, false, true});
    QVERIFY(finder.ok());
    const QList<TextFinder::Match> matches = finder->findAll(text);
    QCOMPARE(matches.size(), 2);
    QCOMPARE(finder->replacementFor(text, matches.at(1), u"\\2=\\1"_s), u"22=y"_s);
    QCOMPARE(finder->replacementFor(text, matches.at(0), u"\\2=\\1"_s), u"1=x"_s);
    // Look-behind sees the text before the match.
    const auto behind = TextFinder::compile(u"(?<=y=)(\\d)"_s, FindOptions{false, false, true});
    QVERIFY(behind.ok());
    const QList<TextFinder::Match> digits = behind->findAll(text);
    QCOMPARE(digits.size(), 1);
    QCOMPARE(behind->replacementFor(text, digits.at(0), u"<\\1>"_s), u"<2>"_s);
}

QTEST_GUILESS_MAIN(TestTextFinder)
#include "tst_textfinder.moc"
