#include "model/text/spelltokens.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using frontis::MarkdownLineState;
using frontis::SpellToken;

namespace {

QStringList wordsOf(const QString& text, const QList<SpellToken>& tokens)
{
    QStringList out;
    for (const SpellToken& t : tokens)
        out << text.mid(t.start, t.length);
    return out;
}

} // namespace

class TestSpellTokens : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plain_data();
    void plain();
    void markdown_data();
    void markdown();
    void positionsPointIntoTheText();
    void lineStateMatchesWholeText();
    void advanceAgreesWithWords();
};

void TestSpellTokens::plain_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("words");

    QTest::newRow("prose") << u"How have advancements influenced it?"_s
                           << QStringList{u"How"_s, u"have"_s, u"advancements"_s, u"influenced"_s,
                                          u"it"_s};
    QTest::newRow("single letters skipped") << u"a b cd"_s << QStringList{u"cd"_s};
    QTest::newRow("apostrophes inside")
        << u"don't 'quoted' it\u2019s"_s << QStringList{u"don't"_s, u"quoted"_s, u"it\u2019s"_s};
    QTest::newRow("hyphenated parts")
        << u"well-known COVID-19 mp3-player"_s << QStringList{u"well"_s, u"known"_s, u"player"_s};
    QTest::newRow("digits") << u"x86 3D h264 abc1 plain"_s << QStringList{u"plain"_s};
    QTest::newRow("acronyms and camel case")
        << u"GPU GPUs iPhone JavaScript NASA Deep"_s << QStringList{u"Deep"_s};
    QTest::newRow("urls") << u"see https://exmaple.com/pth?q=wrds and www.exmaple.org now"_s
                          << QStringList{u"see"_s, u"and"_s, u"now"_s};
    QTest::newRow("url in parentheses")
        << u"(https://exmaple.com/a_b) (www.foo.bar)."_s << QStringList{};
    QTest::newRow("emails") << u"mail jdoe@exmaple.org or <a.b@c.de>"_s
                            << QStringList{u"mail"_s, u"or"_s};
    QTest::newRow("dotted names") << u"e.g. node.js main.cpp i.e. etc."_s << QStringList{u"etc"_s};
    QTest::newRow("paths") << u"/usr/share/hunspell ~/notes ./run C:\\Users docs/gide.md and/or"_s
                           << QStringList{u"and"_s, u"or"_s};
    QTest::newRow("identifiers") << u"snake_case_name _emph_"_s << QStringList{u"emph"_s};
    QTest::newRow("accents and marks")
        << u"café naïve e\u0301te"_s << QStringList{u"café"_s, u"naïve"_s, u"e\u0301te"_s};
    QTest::newRow("emoji is no word")
        << u"ok \U0001F600\U0001F600 go"_s << QStringList{u"ok"_s, u"go"_s};
    QTest::newRow("non-breaking space separates")
        << u"one\u00a0two"_s << QStringList{u"one"_s, u"two"_s};
}

void TestSpellTokens::plain()
{
    QFETCH(QString, text);
    QFETCH(QStringList, words);
    QCOMPARE(wordsOf(text, frontis::plainTextWords(text)), words);
}

void TestSpellTokens::markdown_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("words");

    QTest::newRow("emphasis") << u"Some **bold** and _emph_ and ***both***"_s
                              << QStringList{u"Some"_s, u"bold"_s, u"and"_s,
                                             u"emph"_s, u"and"_s,  u"both"_s};
    QTest::newRow("heading markers")
        << u"## Heding two\n###### Six"_s << QStringList{u"Heding"_s, u"two"_s, u"Six"_s};
    QTest::newRow("code span") << u"run `pritnf(\"helo\")` now, ``a ` b`` ok"_s
                               << QStringList{u"run"_s, u"now"_s, u"ok"_s};
    QTest::newRow("unclosed backtick is literal")
        << u"a `wrod here"_s << QStringList{u"wrod"_s, u"here"_s};
    QTest::newRow("fenced code")
        << u"Befor\n```pyhton\ndef fucn(): retrun\n```\nAftr\n~~~~\nxyzzy\n~~~\nstil\n~~~~\nend"_s
        << QStringList{u"Befor"_s, u"Aftr"_s, u"end"_s};
    QTest::newRow("fence in a list item")
        << u"1. Item\n\n   ```\n   cdoe\n   ```\n\n   Txet"_s << QStringList{u"Item"_s, u"Txet"_s};
    QTest::newRow("indented code")
        << u"Para\n\n    cdoe lnie\n\n    more cdoe\nback"_s << QStringList{u"Para"_s, u"back"_s};
    QTest::newRow("indented continuation is not code")
        << u"Para txt\n    contnued"_s << QStringList{u"Para"_s, u"txt"_s, u"contnued"_s};
    QTest::newRow("list continuation is not code")
        << u"- item\n\n  wrapd under item\n\n      cdoe"_s
        << QStringList{u"item"_s, u"wrapd"_s, u"under"_s, u"item"_s};
    QTest::newRow("ordered list") << u"1. **Incresed Power**: GPUs\n2) secnd"_s
                                  << QStringList{u"Incresed"_s, u"Power"_s, u"secnd"_s};
    QTest::newRow("links")
        << u"[link txet](https://exmaple.com/pth \"Titel\") and ![alt txt](img/pic.png)"_s
        << QStringList{u"link"_s, u"txet"_s, u"and"_s, u"alt"_s, u"txt"_s};
    QTest::newRow("link with parentheses")
        << u"[Wiki](https://en.wikipedia.org/wiki/Foo_(bar)) after"_s
        << QStringList{u"Wiki"_s, u"after"_s};
    QTest::newRow("reference links")
        << u"[txet][lbel] and [sme]\n\n[lbel]: https://exmaple.com \"A titel\""_s
        << QStringList{u"txet"_s, u"and"_s, u"sme"_s, u"titel"_s};
    QTest::newRow("footnotes") << u"Claim[^nte].\n\n[^nte]: The sorce."_s
                               << QStringList{u"Claim"_s, u"The"_s, u"sorce"_s};
    QTest::newRow("autolinks") << u"<https://exmaple.com/wrd> <jdoe@exmaple.org> done"_s
                               << QStringList{u"done"_s};
    QTest::newRow("bare url") << u"Visit https://exmaple.com/wrd, then."_s
                              << QStringList{u"Visit"_s, u"then"_s};
    QTest::newRow("html tags and entities")
        << u"<span class=\"hilite\">Txet</span>&nbsp;&amp;&#160;&#x2014;&copy;wrd"_s
        << QStringList{u"Txet"_s, u"wrd"_s};
    QTest::newRow("letter entities keep their word whole")
        << u"c&oacute;digo and caf&#233; or na&#xEF;ve, then&nbsp;go&mdash;now"_s
        << QStringList{u"and"_s, u"or"_s, u"then"_s, u"go"_s, u"now"_s};
    QTest::newRow("template tags")
        << u"See {{ site.baseurl }}/pth and {% raw %}wrd{% endraw %} or {{< relref \"x\" >}}."_s
        << QStringList{u"See"_s, u"and"_s, u"wrd"_s, u"or"_s};
    QTest::newRow("attribute lists")
        << u"## Titel {#ancor .clss} and {: .nte}"_s << QStringList{u"Titel"_s, u"and"_s};
    QTest::newRow("a lone brace is text")
        << u"a { brace and {%"_s << QStringList{u"brace"_s, u"and"_s};
    QTest::newRow("not an entity") << u"R&D and &nbsp"_s << QStringList{u"and"_s, u"nbsp"_s};
    QTest::newRow("html comment") << u"Txt <!-- hiden -->vis\n<!-- opn\nstil hiden\n-->aftr"_s
                                  << QStringList{u"Txt"_s, u"vis"_s, u"aftr"_s};
    QTest::newRow("raw html block")
        << u"<pre>\nkeep as-is wrds\n</pre>\nprse"_s << QStringList{u"prse"_s};
    QTest::newRow("less than is not a tag")
        << u"if a < b and c > d"_s << QStringList{u"if"_s, u"and"_s};
    QTest::newRow("escapes") << u"\\*not emph\\* \\_x"_s << QStringList{u"not"_s, u"emph"_s};
    QTest::newRow("block quote") << u"> Quted txt\n>\n>     cdoe\n> > nestd"_s
                                 << QStringList{u"Quted"_s, u"txt"_s, u"nestd"_s};
    QTest::newRow("thematic break and setext")
        << u"Titel\n=====\n\n* * *\n---"_s << QStringList{u"Titel"_s};
    QTest::newRow("table") << u"| Colum | Valeu |\n|---|:---:|\n| `x` | two |"_s
                           << QStringList{u"Colum"_s, u"Valeu"_s, u"two"_s};
    QTest::newRow("crlf lines") << u"one\r\n```\r\ncdoe\r\n```\r\ntwo"_s
                                << QStringList{u"one"_s, u"two"_s};
    QTest::newRow("seed style") << u"Advancements have **significantly** influenced deep learning "
                                   u"(DL).\n\nGPUs and TPUs."_s
                                << QStringList{u"Advancements"_s, u"have"_s, u"significantly"_s,
                                               u"influenced"_s,   u"deep"_s, u"learning"_s,
                                               u"and"_s};
}

void TestSpellTokens::markdown()
{
    QFETCH(QString, text);
    QFETCH(QStringList, words);
    QCOMPARE(wordsOf(text, frontis::markdownWords(text)), words);
}

void TestSpellTokens::positionsPointIntoTheText()
{
    const QString text = u"Line one\n\n- `x` itme *two*\nend"_s;
    const QList<SpellToken> tokens = frontis::markdownWords(text);
    QCOMPARE(tokens.size(), 5);
    QCOMPARE(tokens[2], (SpellToken{text.indexOf(u"itme"_s), 4}));
    QCOMPARE(tokens[3].start, text.indexOf(u"two"_s));
    QCOMPARE(tokens[4].end(), text.size());
}

void TestSpellTokens::lineStateMatchesWholeText()
{
    // An editor checks line by line with the state each line leaves: the same words.
    const QString text = u"Intro\n\n```\ncode wrds\n```\n\n    indnt\n\n<!--\nhidn\n-->\n"
                         u"- list\n\n  more\n\n<pre>\nrw\n</pre>\nfinal"_s;
    MarkdownLineState state;
    QStringList byLine;
    for (const QString& line : text.split(u'\n'))
        byLine += wordsOf(line, frontis::markdownLineWords(line, state));
    QCOMPARE(byLine, wordsOf(text, frontis::markdownWords(text)));
    QCOMPARE(byLine, (QStringList{u"Intro"_s, u"list"_s, u"more"_s, u"final"_s}));
    QCOMPARE(state.fence, u'\0');
    QCOMPARE(state.rawHtml, 0);
    QVERIFY(!state.htmlComment);
    QCOMPARE(state.listIndent, -1);
}

void TestSpellTokens::advanceAgreesWithWords()
{
    // advanceMarkdownState() must leave the same state as markdownLineWords() on every line.
    const QString text = u"a\n```js\nx\n```\n<!-- c\nd -->e\n    f\n\n    g\n- h\n\n   i\n"
                         u"> ~~~\n> ~~~\n<script>\ny\n</script>\nz `<!--` w"_s;
    MarkdownLineState a;
    MarkdownLineState b;
    for (const QString& line : text.split(u'\n')) {
        frontis::markdownLineWords(line, a);
        frontis::advanceMarkdownState(line, b);
        QCOMPARE(a, b);
    }
    QVERIFY(!a.htmlComment); // "<!--" inside a code span opens nothing
}

QTEST_GUILESS_MAIN(TestSpellTokens)
#include "tst_spelltokens.moc"
