#pragma once

#include "model/file/error.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

class Hunspell;

namespace frontis {

// One Hunspell dictionary (the system's /usr/share/hunspell/<language>.aff and .dic) together
// with the writer's personal word list and the words ignored for the session. Words are
// converted to the dictionary's own encoding (its SET line), and each word's verdict is cached,
// so that checking the words on screen after every keystroke costs hash lookups.
// Not thread-safe: use one object from one thread at a time.
class SpellChecker
{
public:
    struct Dictionary
    {
        QString language; // "en_US": the files' base name
        QString affixPath;
        QString wordsPath;
    };

    // Where dictionaries are looked for: hunspell/ in each XDG data directory (the user's
    // first), then /usr/share/hunspell and the older /usr/share/myspell(/dicts).
    static QStringList dictionaryDirectories();
    // The dictionaries installed in `directories`, one per language (the first directory that
    // has it wins), sorted by language.
    static QList<Dictionary>
    installedDictionaries(const QStringList& directories = dictionaryDirectories());
    // The personal word list for `language`: words-<language>.txt in the application's data
    // directory (~/.local/share/Frontis/Frontis/), one word per line in UTF-8.
    static QString personalWordListPath(const QString& language);

    // Loads the dictionary and the word list at `personalPath` (a missing list is an empty one).
    static Result<std::unique_ptr<SpellChecker>> open(const Dictionary& dictionary,
                                                      const QString& personalPath);
    ~SpellChecker();
    SpellChecker(const SpellChecker&) = delete;
    SpellChecker& operator=(const SpellChecker&) = delete;

    const QString& language() const { return m_language; }
    const QString& personalPath() const { return m_personalPath; }

    // True for a word the dictionary knows, a personal or ignored word, and a word the
    // dictionary's encoding cannot hold (it cannot judge it). A typographic apostrophe counts
    // as a straight one.
    bool isCorrect(const QString& word) const;
    // Up to `max` replacements, best first; a typographic apostrophe in `word` is kept in them.
    QStringList suggestions(const QString& word, int max = 6) const;

    // Accepts `word` from now on and appends it to the personal word list. On error (the list
    // cannot be written) the word is still accepted for this session.
    Status addToPersonal(const QString& word);
    // Accepts `word` until the program ends.
    void ignore(const QString& word);
    const QSet<QString>& personalWords() const { return m_personal; }
    const QSet<QString>& ignoredWords() const { return m_ignored; }

private:
    SpellChecker() = default;
    // The word in the dictionary's encoding; false when the encoding cannot hold it.
    bool encode(const QString& word, std::string& out) const;
    QString decode(const std::string& bytes) const;
    void accept(const QString& word);

    std::unique_ptr<Hunspell> m_hunspell;
    QString m_language;
    QString m_personalPath;
    QByteArray m_encoding; // a name QStringEncoder knows; "UTF-8" for most dictionaries
    bool m_utf8 = true;
    QSet<QString> m_personal;
    QSet<QString> m_ignored;
    mutable QHash<QString, bool> m_cache;
};

} // namespace frontis
