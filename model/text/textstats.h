#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace frontis {

// Counts for the status bar, taken from what a reader of the rendered answer sees: cmark parses
// the Markdown, so markers, link destinations, raw HTML and image descriptions are left out and
// entities such as `&nbsp;` are decoded. Words and characters include code (inline and blocks);
// readability counts the prose only, because code has neither sentences nor English syllables.
struct TextStats
{
    // Whitespace-separated tokens with at least one letter or digit ("state-of-the-art" and
    // "don't" are one word each), plus every Chinese or Japanese character on its own.
    int words = 0;
    // Unicode code points shown, spaces included and line breaks not (a soft line break inside a
    // paragraph shows as a space and counts as one).
    int characters = 0;
    int charactersWithoutSpaces = 0;

    // Words outside code blocks, sentences and syllables: the inputs of the Flesch score.
    int proseWords = 0;
    // Ended by `.`, `!`, `?` or `…` after a word (closing quotes and brackets may follow), and by
    // the end of every paragraph, heading and list item, so that a heading or a list entry with
    // no full stop is one sentence. Abbreviations such as "e.g." count as ends.
    int sentences = 0;
    int syllables = 0;

    // Silent reading speed of adult readers of non-fiction.
    static constexpr int WordsPerMinute = 230;
    // Minutes to read all words at WordsPerMinute, rounded to the nearest minute and at least 1
    // for any text at all (0 without words).
    int readingMinutes() const;
    // Flesch reading ease: 206.835 − 1.015 × words per sentence − 84.6 × syllables per word, on
    // the prose. Higher is easier: 60 to 70 is plain English, below 30 reads like an academic
    // paper. Not clamped (very long sentences go below 0). Empty without prose.
    std::optional<double> fleschReadingEase() const;
};

// Measures `markdown`. Linear in its size: about 45 ms for 1 MB (tests/bench/bench_textstats).
TextStats measureText(const QString& markdown);

// English syllables by a heuristic: a word's letters are split into runs at anything that is not
// a letter ("state-of-the-art" → state, of, the, art), accents are dropped, each run counts its
// groups of adjacent vowels (a e i o u, and y except as the first letter), minus one for a silent
// final "e" (the run ends in consonant + "e", has another vowel group, and is not consonant +
// "le": "make" 1, "table" 2, "agree" 2; an accented "é" is never silent: "résumé" 3), and the
// word has at least 1. Runs with no vowel add nothing ("don't" 1), and a word with no letters
// ("2024") counts 1. An estimate: English spelling has many exceptions ("recipe" gets 2), which
// move a whole text's score only a little.
int countSyllables(QStringView word);

} // namespace frontis
