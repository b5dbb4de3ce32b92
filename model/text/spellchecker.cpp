#include "model/text/spellchecker.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QStringDecoder>
#include <QStringEncoder>

#include <algorithm>
#include <hunspell/hunspell.hxx>

namespace frontis {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("SpellChecker", text);
}

constexpr QChar TypographicApostrophe(0x2019);

QString straightApostrophes(const QString& word)
{
    QString s = word;
    s.replace(TypographicApostrophe, QLatin1Char('\''));
    return s;
}

// Hunspell names some encodings the way Windows does; QStringEncoder (ICU) knows them as
// windows-125x.
QByteArray encodingName(const std::string& set)
{
    QByteArray name = QByteArray::fromStdString(set).trimmed();
    if (name.isEmpty())
        return QByteArrayLiteral("ISO-8859-1"); // Hunspell's default without a SET line
    if (name.toLower().startsWith("microsoft-cp"))
        name = "windows-" + name.mid(12);
    return name;
}

} // namespace

QStringList SpellChecker::dictionaryDirectories()
{
    QStringList dirs;
    for (const QString& base :
         QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation))
        dirs << QDir(base).filePath(QStringLiteral("hunspell"));
    dirs << QStringLiteral("/usr/share/hunspell") << QStringLiteral("/usr/share/myspell")
         << QStringLiteral("/usr/share/myspell/dicts");
    dirs.removeDuplicates();
    return dirs;
}

QList<SpellChecker::Dictionary> SpellChecker::installedDictionaries(const QStringList& directories)
{
    QList<Dictionary> found;
    QSet<QString> seen;
    for (const QString& dirPath : directories) {
        const QDir dir(dirPath);
        const QFileInfoList affixes =
            dir.entryInfoList({QStringLiteral("*.aff")}, QDir::Files | QDir::Readable, QDir::Name);
        for (const QFileInfo& aff : affixes) {
            const QString language = aff.completeBaseName();
            const QString dic = dir.filePath(language + QStringLiteral(".dic"));
            if (seen.contains(language) || !QFileInfo(dic).isReadable())
                continue;
            seen.insert(language);
            found.append({language, aff.absoluteFilePath(), QFileInfo(dic).absoluteFilePath()});
        }
    }
    std::sort(found.begin(), found.end(),
              [](const Dictionary& a, const Dictionary& b) { return a.language < b.language; });
    return found;
}

QString SpellChecker::personalWordListPath(const QString& language)
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("words-%1.txt").arg(language));
}

Result<std::unique_ptr<SpellChecker>> SpellChecker::open(const Dictionary& dictionary,
                                                         const QString& personalPath)
{
    // Hunspell reports nothing when it cannot read its files: look first.
    for (const QString& path : {dictionary.affixPath, dictionary.wordsPath}) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error{tr("cannot read '%1': %2").arg(path, file.errorString())};
    }
    std::unique_ptr<SpellChecker> checker(new SpellChecker);
    checker->m_language = dictionary.language;
    checker->m_personalPath = personalPath;
    checker->m_hunspell =
        std::make_unique<Hunspell>(QFile::encodeName(dictionary.affixPath).constData(),
                                   QFile::encodeName(dictionary.wordsPath).constData());
    checker->m_encoding = encodingName(checker->m_hunspell->get_dict_encoding());
    const QStringEncoder encoder(checker->m_encoding.constData());
    checker->m_utf8 = encoder.isValid() && QByteArrayView(encoder.name()) == "UTF-8";
    if (!encoder.isValid())
        return Error{tr("the dictionary '%1' uses the encoding '%2', which is not supported")
                         .arg(dictionary.affixPath, QString::fromLatin1(checker->m_encoding))};

    QFile personal(personalPath);
    if (personal.open(QIODevice::ReadOnly | QIODevice::Text)) {
        const QStringList lines = QString::fromUtf8(personal.readAll()).split(QLatin1Char('\n'));
        for (const QString& line : lines) {
            const QString word = line.trimmed();
            if (!word.isEmpty())
                checker->accept(word);
        }
    }
    return checker;
}

SpellChecker::~SpellChecker() = default;

bool SpellChecker::encode(const QString& word, std::string& out) const
{
    if (m_utf8) {
        out = word.toStdString();
        return true;
    }
    QStringEncoder encoder(m_encoding.constData(), QStringConverter::Flag::Stateless);
    const QByteArray bytes = encoder.encode(word);
    if (encoder.hasError())
        return false;
    // An encoder that cannot hold a character may write '?' without reporting it.
    if (bytes.count('?') != word.count(QLatin1Char('?')) || bytes.contains('\x1a'))
        return false;
    out = bytes.toStdString();
    return true;
}

QString SpellChecker::decode(const std::string& bytes) const
{
    if (m_utf8)
        return QString::fromStdString(bytes);
    QStringDecoder decoder(m_encoding.constData(), QStringConverter::Flag::Stateless);
    return decoder.decode(QByteArray::fromStdString(bytes));
}

bool SpellChecker::isCorrect(const QString& word) const
{
    const auto cached = m_cache.constFind(word);
    if (cached != m_cache.cend())
        return *cached;
    const QString straight = straightApostrophes(word);
    bool correct = true;
    std::string bytes;
    if (!m_personal.contains(straight) && !m_ignored.contains(straight) && encode(straight, bytes))
        correct = m_hunspell->spell(bytes);
    // A bound on memory for very long sessions; refilling costs microseconds a word.
    if (m_cache.size() > 200000)
        m_cache.clear();
    m_cache.insert(word, correct);
    return correct;
}

QStringList SpellChecker::suggestions(const QString& word, int max) const
{
    std::string bytes;
    if (!encode(straightApostrophes(word), bytes))
        return {};
    const bool typographic = word.contains(TypographicApostrophe);
    QStringList out;
    for (const std::string& s : m_hunspell->suggest(bytes)) {
        QString suggestion = decode(s);
        if (typographic)
            suggestion.replace(QLatin1Char('\''), TypographicApostrophe);
        if (!suggestion.isEmpty() && !out.contains(suggestion))
            out << suggestion;
        if (out.size() >= max)
            break;
    }
    return out;
}

void SpellChecker::accept(const QString& word)
{
    const QString straight = straightApostrophes(word);
    m_personal.insert(straight);
    std::string bytes;
    if (encode(straight, bytes))
        m_hunspell->add(bytes); // suggestions then know it too
    m_cache.clear();
}

Status SpellChecker::addToPersonal(const QString& word)
{
    const QString straight = straightApostrophes(word.trimmed());
    if (straight.isEmpty() || m_personal.contains(straight))
        return std::nullopt;
    accept(straight);
    const QFileInfo info(m_personalPath);
    if (!QDir().mkpath(info.absolutePath()))
        return Error{tr("cannot create the folder '%1'").arg(info.absolutePath())};
    // A list edited by hand may not end its last line; the word still gets a line of its own.
    QByteArray line = straight.toUtf8() + '\n';
    QFile file(m_personalPath);
    if (file.open(QIODevice::ReadOnly) && file.size() > 0 && file.seek(file.size() - 1) &&
        file.read(1) != "\n")
        line.prepend('\n');
    file.close();
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return Error{tr("cannot write '%1': %2").arg(m_personalPath, file.errorString())};
    if (file.write(line) != line.size() || !file.flush())
        return Error{tr("cannot write '%1': %2").arg(m_personalPath, file.errorString())};
    return std::nullopt;
}

void SpellChecker::ignore(const QString& word)
{
    m_ignored.insert(straightApostrophes(word));
    m_cache.clear();
}

} // namespace frontis
