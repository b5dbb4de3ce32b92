#include "model/text/textstats.h"

#include "model/text/cmarkapi.h"

#include <QByteArray>
#include <QtMath>

#include <memory>

namespace frontis {

namespace {

// An accented e after folding: a vowel, but never the silent final e ("café" has 2 syllables).
constexpr char16_t AccentedE = u'E';

bool isVowel(char16_t c)
{
    return c == u'a' || c == u'e' || c == u'i' || c == u'o' || c == u'u' || c == u'y' ||
           c == AccentedE;
}

// Lower case, accents dropped ("Ü" → 'u'), so that the vowel rules see Latin letters.
char16_t foldLetter(char32_t c)
{
    const char32_t lower = QChar::toLower(c);
    if (lower < 0x80)
        return char16_t(lower);
    if (QChar::decompositionTag(lower) == QChar::Canonical) {
        const QString parts = QChar::decomposition(lower);
        if (!parts.isEmpty() && parts.at(0).unicode() < 0x80) {
            const char16_t base = char16_t(QChar::toLower(parts.at(0).unicode()));
            return base == u'e' ? AccentedE : base;
        }
    }
    return char16_t(lower < 0x10000 ? lower : 0xfffd);
}

// Syllables of one run of folded letters; 0 when it has no vowel.
int runSyllables(QStringView run)
{
    int groups = 0;
    bool inGroup = false;
    for (qsizetype i = 0; i < run.size(); ++i) {
        const char16_t c = run.at(i).unicode();
        // A leading y is a consonant: "yes", "you".
        const bool vowel = isVowel(c) && !(c == u'y' && i == 0);
        if (vowel && !inGroup)
            ++groups;
        inGroup = vowel;
    }
    const qsizetype n = run.size();
    if (groups > 1 && n >= 2 && run.at(n - 1) == u'e' && !isVowel(run.at(n - 2).unicode())) {
        const bool consonantLe =
            n >= 3 && run.at(n - 2) == u'l' && !isVowel(run.at(n - 3).unicode());
        if (!consonantLe)
            --groups; // silent final e: "make", "whole"; but "table", "little"
    }
    return groups;
}

// Chinese characters and kana are words on their own: those scripts put no spaces between words.
bool isIdeograph(char32_t c)
{
    return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) ||
           (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) ||
           (c >= 0x20000 && c <= 0x3ffff);
}

bool endsSentence(char32_t c)
{
    return c == u'.' || c == u'!' || c == u'?' || c == u'\u2026' || c == u'\u203d' ||
           c == u'\u3002' || c == u'\uff01' || c == u'\uff1f';
}

// Punctuation that may follow a sentence's full stop: `He said "no."` and `(see below.)`.
bool isClosing(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Punctuation_Close:
    case QChar::Punctuation_FinalQuote:
    case QChar::Punctuation_InitialQuote:
        return true;
    default:
        return c == u'"' || c == u'\'' || c == u'*' || c == u'_';
    }
}

// Reads code points one by one and keeps the counts. Words, syllables and sentences carry over
// from one piece of text to the next, because cmark splits a word like "**bold**ly" into nodes.
class Counter
{
public:
    explicit Counter(TextStats& stats) : m_stats(stats) {}

    void feed(QStringView text, bool prose)
    {
        m_prose = prose;
        const qsizetype size = text.size();
        for (qsizetype i = 0; i < size; ++i) {
            char32_t c = text.at(i).unicode();
            if (QChar::isHighSurrogate(c) && i + 1 < size && text.at(i + 1).isLowSurrogate()) {
                c = QChar::surrogateToUcs4(char16_t(c), text.at(i + 1).unicode());
                ++i;
            }
            take(c);
        }
    }

    // A soft line break, shown as a space.
    void space()
    {
        ++m_stats.characters;
        endToken();
    }

    void endToken()
    {
        if (!m_inToken)
            return;
        endRun();
        if (m_tokenHasWord)
            countWord(qMax(1, m_wordSyllables));
        if (m_prose && m_wordsSinceStop > 0 && endsSentence(m_lastSignificant)) {
            ++m_stats.sentences;
            m_wordsSinceStop = 0;
        }
        m_inToken = false;
        m_tokenHasWord = false;
        m_wordSyllables = 0;
        m_lastSignificant = 0;
    }

    // The end of a paragraph, heading or code block also ends a sentence.
    void endBlock()
    {
        endToken();
        if (m_wordsSinceStop > 0) {
            ++m_stats.sentences;
            m_wordsSinceStop = 0;
        }
    }

private:
    void take(char32_t c)
    {
        if (c == u'\n' || c == u'\r') { // inside code blocks: a line break, not a character
            endToken();
            return;
        }
        ++m_stats.characters;
        if (QChar::isSpace(c)) { // U+00A0 from `&nbsp;` too
            endToken();
            return;
        }
        ++m_stats.charactersWithoutSpaces;
        if (isIdeograph(c)) {
            endToken();
            countWord(1);
            return;
        }
        m_inToken = true;
        if (QChar::isLetter(c)) {
            m_tokenHasWord = true;
            if (m_prose)
                m_run.append(QChar(foldLetter(c)));
        } else {
            if (QChar::isNumber(c))
                m_tokenHasWord = true;
            endRun();
        }
        if (!isClosing(c))
            m_lastSignificant = c;
    }

    void endRun()
    {
        if (m_run.isEmpty())
            return;
        m_wordSyllables += runSyllables(m_run);
        m_run.clear();
    }

    void countWord(int syllables)
    {
        ++m_stats.words;
        if (!m_prose)
            return;
        ++m_stats.proseWords;
        m_stats.syllables += syllables;
        ++m_wordsSinceStop;
    }

    TextStats& m_stats;
    bool m_prose = true;
    bool m_inToken = false;
    bool m_tokenHasWord = false;
    char32_t m_lastSignificant = 0;
    QString m_run; // the current run of letters, folded
    int m_wordSyllables = 0;
    int m_wordsSinceStop = 0;
};

struct NodeDeleter
{
    void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterDeleter
{
    void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};

QStringView literalOf(cmark_node* node, QString& buffer)
{
    const char* literal = cmark_node_get_literal(node);
    buffer = literal ? QString::fromUtf8(literal) : QString();
    return buffer;
}

} // namespace

int TextStats::readingMinutes() const
{
    if (words == 0)
        return 0;
    return qMax(1, qRound(double(words) / WordsPerMinute));
}

std::optional<double> TextStats::fleschReadingEase() const
{
    if (proseWords == 0 || sentences == 0)
        return std::nullopt;
    return 206.835 - 1.015 * (double(proseWords) / sentences) -
           84.6 * (double(syllables) / proseWords);
}

TextStats measureText(const QString& markdown)
{
    TextStats stats;
    const QByteArray utf8 = markdown.toUtf8();
    const std::unique_ptr<cmark_node, NodeDeleter> doc(
        cmark_parse_document(utf8.constData(), size_t(utf8.size()), CMARK_OPT_DEFAULT));
    if (!doc)
        return stats;
    Counter counter(stats);
    QString buffer;
    const std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(doc.get()));
    for (cmark_event_type ev = cmark_iter_next(iter.get()); ev != CMARK_EVENT_DONE;
         ev = cmark_iter_next(iter.get())) {
        cmark_node* node = cmark_iter_get_node(iter.get());
        const cmark_node_type type = cmark_node_get_type(node);
        if (ev == CMARK_EVENT_EXIT) {
            if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING)
                counter.endBlock();
            continue;
        }
        switch (type) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            counter.feed(literalOf(node, buffer), true);
            break;
        case CMARK_NODE_CODE_BLOCK:
            counter.endBlock();
            counter.feed(literalOf(node, buffer), false);
            counter.endToken();
            break;
        case CMARK_NODE_SOFTBREAK:
            counter.space();
            break;
        case CMARK_NODE_LINEBREAK:
            counter.endToken();
            break;
        case CMARK_NODE_IMAGE:
            // The description is for screen readers and broken images, not read in the flow.
            cmark_iter_reset(iter.get(), node, CMARK_EVENT_EXIT);
            break;
        default:
            break; // raw HTML is not shown (the preview renders in safe mode)
        }
    }
    counter.endBlock();
    return stats;
}

int countSyllables(QStringView word)
{
    QString run;
    int total = 0;
    for (qsizetype i = 0; i < word.size(); ++i) {
        char32_t c = word.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < word.size() && word.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(char16_t(c), word.at(i + 1).unicode());
            ++i;
        }
        if (QChar::isLetter(c)) {
            run.append(QChar(foldLetter(c)));
        } else if (!run.isEmpty()) {
            total += runSyllables(run);
            run.clear();
        }
    }
    if (!run.isEmpty())
        total += runSyllables(run);
    return qMax(1, total);
}

} // namespace frontis
