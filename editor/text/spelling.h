#pragma once

#include "model/file/error.h"
#include "model/text/spellchecker.h"

#include <QFutureWatcher>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>

class QAction;
class QMenu;
class QWidget;

namespace frontis {

// The spelling checker every window shares: whether checking is on and its language (both kept
// in the settings, "spelling/enabled" and "spelling/language"), the dictionary, loaded in the
// background the first time it is needed, and the words ignored for the session. The widgets
// that underline words (TextSpellCheck, LineSpellCheck) ask it for the checker and recheck on
// changed().
class Spelling : public QObject
{
    Q_OBJECT

public:
    // The application-wide object (a child of the application).
    static Spelling& instance();

    // The Check Spelling toggle.
    bool isEnabled() const { return m_enabled; }
    void setEnabled(bool enabled);
    // The language in use: the setting when that dictionary is installed, else the system's
    // language, else en_US, else the first installed; empty when none is installed.
    const QString& language() const { return m_language; }
    void setLanguage(const QString& language);
    const QList<SpellChecker::Dictionary>& dictionaries() const { return m_dictionaries; }

    // The checker to use now, or nullptr while checking is off, no dictionary is installed or
    // the dictionary is still loading (which this starts; changed() follows when it is ready).
    SpellChecker* checker();
    // Waits for a dictionary being loaded (tests; the window never blocks on it).
    void waitForDictionary();

    // Accepts `word` for good (the personal word list) or until the program ends.
    void addToDictionary(const QString& word);
    void ignore(const QString& word);

    // Puts the entries for misspelt `word` before `before` in `menu` (at its end when null):
    // up to MaxSuggestions replacements, which call `replace`, then Add to Dictionary and Ignore.
    void addWordActions(QMenu* menu, QAction* before, const QString& word,
                        const std::function<void(const QString&)>& replace);
    // Edit > Spelling: the Check Spelling toggle and the installed languages.
    QMenu* createMenu(QWidget* parent);
    // "English (United States)" for "en_US"; the code itself when Qt does not know it.
    static QString languageName(const QString& language);

    static constexpr int MaxSuggestions = 6;

Q_SIGNALS:
    // Words may be judged differently now (on/off, language, a word added or ignored, the
    // dictionary loaded): underlined words are checked again.
    void changed();
    // Something the writer should read once in the status bar (no dictionary installed, the word
    // list could not be written).
    void message(const QString& text);

private:
    using Loaded = Result<std::shared_ptr<SpellChecker>>;

    explicit Spelling(QObject* parent);
    void startLoading();
    void adopt(const Loaded& loaded, const QString& language);
    void tell(const QString& text);

    bool m_enabled = true;
    QString m_language;
    QList<SpellChecker::Dictionary> m_dictionaries;
    std::shared_ptr<SpellChecker> m_checker;
    QFutureWatcher<Loaded>* m_loading = nullptr;
    QString m_loadingLanguage;
    QSet<QString> m_ignored; // kept when the language changes
    QSet<QString> m_told;    // messages already shown
    bool m_failed = false;   // the current language's dictionary did not load
};

} // namespace frontis
