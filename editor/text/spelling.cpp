#include "editor/text/spelling.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QLocale>
#include <QMenu>
#include <QSettings>
#include <QSignalBlocker>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace frontis {

namespace {

const QString EnabledKey = QStringLiteral("spelling/enabled");
const QString LanguageKey = QStringLiteral("spelling/language");

} // namespace

Spelling& Spelling::instance()
{
    // Parented to the application: the widgets that use it never outlive it.
    static Spelling* spelling = new Spelling(QCoreApplication::instance());
    return *spelling;
}

Spelling::Spelling(QObject* parent) : QObject(parent)
{
    const QSettings settings;
    m_enabled = settings.value(EnabledKey, true).toBool();
    m_dictionaries = SpellChecker::installedDictionaries();
    const auto installed = [this](const QString& language) {
        return std::any_of(
            m_dictionaries.cbegin(), m_dictionaries.cend(),
            [&language](const SpellChecker::Dictionary& d) { return d.language == language; });
    };
    const QString wanted = settings.value(LanguageKey).toString();
    const QString system = QLocale::system().name(); // "de_DE"; "C" in a bare environment
    const QString systemLanguage = system.section(QLatin1Char('_'), 0, 0);
    if (!wanted.isEmpty() && installed(wanted)) {
        m_language = wanted;
    } else if (installed(system)) {
        m_language = system;
    } else {
        for (const SpellChecker::Dictionary& d : std::as_const(m_dictionaries)) {
            if (d.language.section(QLatin1Char('_'), 0, 0) == systemLanguage) {
                m_language = d.language; // de_AT for a de_CH system without de_CH
                break;
            }
        }
        if (m_language.isEmpty())
            m_language = installed(QStringLiteral("en_US")) ? QStringLiteral("en_US")
                         : m_dictionaries.isEmpty()         ? QString()
                                                            : m_dictionaries.first().language;
    }
}

void Spelling::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    QSettings().setValue(EnabledKey, enabled);
    Q_EMIT changed();
}

void Spelling::setLanguage(const QString& language)
{
    if (language == m_language)
        return;
    m_language = language;
    QSettings().setValue(LanguageKey, language);
    m_checker.reset();
    m_failed = false;
    Q_EMIT changed();
}

SpellChecker* Spelling::checker()
{
    if (!m_enabled)
        return nullptr;
    if (m_checker && m_checker->language() == m_language)
        return m_checker.get();
    if (m_language.isEmpty()) {
        tell(tr("Spelling is not checked: no Hunspell dictionary is installed (on Debian: "
                "hunspell-en-us or another hunspell-* package)"));
        return nullptr;
    }
    if (!m_failed)
        startLoading();
    return nullptr;
}

void Spelling::startLoading()
{
    if (m_loading && m_loadingLanguage == m_language)
        return;
    SpellChecker::Dictionary dictionary;
    for (const SpellChecker::Dictionary& d : std::as_const(m_dictionaries)) {
        if (d.language == m_language)
            dictionary = d;
    }
    const QString personal = SpellChecker::personalWordListPath(m_language);
    const QString language = m_language;
    // Loading en_US takes about 0.1 s: not on the GUI thread. The checker is used only on the
    // GUI thread once it is handed over.
    auto* watcher = new QFutureWatcher<Loaded>(this);
    m_loading = watcher;
    m_loadingLanguage = language;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, language] {
        if (m_loading == watcher) {
            m_loading = nullptr;
            adopt(watcher->result(), language);
        }
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([dictionary, personal]() -> Loaded {
        auto opened = SpellChecker::open(dictionary, personal);
        if (!opened)
            return opened.error();
        return std::shared_ptr<SpellChecker>(std::move(opened.value()));
    }));
}

void Spelling::waitForDictionary()
{
    checker();
    if (!m_loading)
        return;
    QFutureWatcher<Loaded>* watcher = m_loading;
    watcher->waitForFinished();
    m_loading = nullptr; // its finished() only deletes it now
    adopt(watcher->result(), m_loadingLanguage);
}

void Spelling::adopt(const Loaded& loaded, const QString& language)
{
    if (language != m_language)
        return; // the writer picked another language meanwhile
    if (!loaded) {
        m_failed = true;
        tell(tr("Spelling is not checked: the dictionary '%1' could not be loaded: %2")
                 .arg(language, loaded.error().message));
        return;
    }
    m_checker = loaded.value();
    for (const QString& word : std::as_const(m_ignored))
        m_checker->ignore(word);
    Q_EMIT changed();
}

void Spelling::addToDictionary(const QString& word)
{
    if (!m_checker)
        return;
    if (const Status status = m_checker->addToPersonal(word))
        tell(tr("'%1' is accepted for this session only: %2").arg(word, status->message));
    Q_EMIT changed();
}

void Spelling::ignore(const QString& word)
{
    m_ignored.insert(word);
    if (m_checker)
        m_checker->ignore(word);
    Q_EMIT changed();
}

void Spelling::tell(const QString& text)
{
    if (m_told.contains(text))
        return;
    m_told.insert(text);
    // Queued, so that a window being built when this is found out is listening by then.
    QMetaObject::invokeMethod(
        this, [this, text] { Q_EMIT message(text); }, Qt::QueuedConnection);
}

void Spelling::addWordActions(QMenu* menu, QAction* before, const QString& word,
                              const std::function<void(const QString&)>& replace)
{
    QList<QAction*> actions;
    const QStringList suggestions =
        m_checker ? m_checker->suggestions(word, MaxSuggestions) : QStringList();
    for (const QString& suggestion : suggestions) {
        auto* action = new QAction(suggestion, menu);
        QFont bold = action->font();
        bold.setBold(true);
        action->setFont(bold);
        action->setObjectName(QStringLiteral("spellingSuggestion"));
        connect(action, &QAction::triggered, menu, [replace, suggestion] { replace(suggestion); });
        actions << action;
    }
    if (suggestions.isEmpty()) {
        auto* none = new QAction(tr("(No Suggestions)"), menu);
        none->setEnabled(false);
        actions << none;
    }
    auto* separator = new QAction(menu);
    separator->setSeparator(true);
    auto* add = new QAction(tr("&Add to Dictionary"), menu);
    add->setObjectName(QStringLiteral("spellingAdd"));
    add->setToolTip(tr("Never mark '%1' again (your personal word list)").arg(word));
    connect(add, &QAction::triggered, this, [this, word] { addToDictionary(word); });
    auto* ignoreAction = new QAction(tr("&Ignore"), menu);
    ignoreAction->setObjectName(QStringLiteral("spellingIgnore"));
    ignoreAction->setToolTip(tr("Do not mark '%1' until Frontis quits").arg(word));
    connect(ignoreAction, &QAction::triggered, this, [this, word] { ignore(word); });
    auto* end = new QAction(menu);
    end->setSeparator(true);
    actions << separator << add << ignoreAction;
    if (before)
        actions << end;
    menu->insertActions(before, actions);
}

QMenu* Spelling::createMenu(QWidget* parent)
{
    auto* menu = new QMenu(tr("S&pelling"), parent);
    menu->setObjectName(QStringLiteral("spellingMenu"));
    QAction* check = menu->addAction(tr("Check &Spelling"));
    check->setObjectName(QStringLiteral("checkSpelling"));
    check->setCheckable(true);
    check->setChecked(m_enabled);
    connect(check, &QAction::toggled, this, &Spelling::setEnabled);
    menu->addSeparator();
    auto* group = new QActionGroup(menu);
    group->setExclusive(true);
    for (const SpellChecker::Dictionary& d : std::as_const(m_dictionaries)) {
        const QString language = d.language;
        const QString name = languageName(language);
        QAction* a =
            menu->addAction(name == language ? language : tr("%1 \u2013 %2").arg(name, language));
        a->setObjectName(QStringLiteral("spelling-") + language);
        a->setCheckable(true);
        a->setChecked(language == m_language);
        a->setData(language);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, language] { setLanguage(language); });
    }
    if (m_dictionaries.isEmpty())
        menu->addAction(tr("No Dictionaries Installed"))->setEnabled(false);
    connect(this, &Spelling::changed, menu, [this, check, group] {
        const QSignalBlocker blocker(check);
        check->setChecked(m_enabled);
        for (QAction* a : group->actions())
            a->setChecked(a->data().toString() == m_language);
    });
    return menu;
}

QString Spelling::languageName(const QString& language)
{
    const QLocale locale(language);
    if (locale.language() == QLocale::C)
        return language;
    QString name = QLocale::languageToString(locale.language());
    if (language.contains(QLatin1Char('_')) && locale.territory() != QLocale::AnyTerritory)
        name += QStringLiteral(" (%1)").arg(QLocale::territoryToString(locale.territory()));
    return name;
}

} // namespace frontis
