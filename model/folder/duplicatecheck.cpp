#include "model/folder/duplicatecheck.h"

#include <QCoreApplication>
#include <QHash>

namespace frontis {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("DuplicateCheck", text);
}

// A value as the check compares it: the key and the value side by side.
struct Slot
{
    QStringView key;
    QStringView value;
    bool operator==(const Slot& other) const { return key == other.key && value == other.value; }
};

size_t qHash(const Slot& s, size_t seed = 0)
{
    return qHashMulti(seed, s.key, s.value);
}

} // namespace

void DuplicateCheck::add(const QString& name, const QList<Validator::KeyValue>* values)
{
    m_names << name;
    m_values << values;
}

QString DuplicateCheck::rule(QString key)
{
    key.replace(QLatin1Char('_'), QLatin1Char('-')).replace(QLatin1Char('.'), QLatin1Char('-'));
    return QStringLiteral("duplicate-") + key;
}

QList<QList<Diagnostic>> DuplicateCheck::findings() const
{
    QList<QList<Diagnostic>> out(m_values.size());
    // Each distinct value once, with the articles holding it in the order added; `entryOf`
    // gives every value of every article its entry, so that each value is looked up once.
    struct Holders
    {
        qsizetype first = -1;
        QList<qsizetype> more; // most values have one holder: no list is made for them
    };
    QHash<Slot, qsizetype> entries;
    QList<Holders> holders;
    QList<qsizetype> entryOf;
    qsizetype count = 0;
    for (const QList<Validator::KeyValue>* values : m_values)
        count += values->size();
    entries.reserve(count);
    entryOf.reserve(count);
    bool anyShared = false;
    for (qsizetype i = 0; i < m_values.size(); ++i) {
        for (const Validator::KeyValue& kv : *m_values.at(i)) {
            qsizetype& entry = entries[Slot{kv.key, kv.value}]; // 0 when new: entries are + 1
            if (entry == 0) {
                holders << Holders{i, {}};
                entry = holders.size();
                entryOf << entry - 1;
                continue;
            }
            entryOf << entry - 1;
            Holders& h = holders[entry - 1];
            if (h.first != i && (h.more.isEmpty() || h.more.last() != i)) {
                h.more << i;
                anyShared = true;
            }
        }
    }
    if (!anyShared)
        return out;

    // In the order added, so that every run words and orders the findings alike.
    constexpr qsizetype MaxNamed = 3;
    qsizetype n = 0;
    for (qsizetype i = 0; i < m_values.size(); ++i) {
        for (const Validator::KeyValue& mine : *m_values.at(i)) {
            const Holders& h = holders.at(entryOf.at(n++));
            if (h.more.isEmpty())
                continue;
            const QList<qsizetype> all = QList<qsizetype>{h.first} + h.more;
            // A key listed twice in one article's values is reported once.
            bool repeated = false;
            for (const Diagnostic& d : std::as_const(out[i]))
                repeated = repeated || d.key == mine.key;
            if (repeated)
                continue;
            QStringList others;
            for (const qsizetype j : all) {
                if (j == i)
                    continue;
                if (others.size() == MaxNamed) {
                    others << tr("%1 more").arg(all.size() - 1 - MaxNamed);
                    break;
                }
                int line = 0;
                for (const Validator::KeyValue& kv : *m_values.at(j)) {
                    if (kv.key == mine.key && kv.value == mine.value) {
                        line = kv.line;
                        break;
                    }
                }
                others << tr("'%1' (line %2)").arg(m_names.at(j)).arg(line);
            }
            out[i] << Diagnostic{Diagnostic::Severity::Error,
                                 rule(mine.key),
                                 mine.key,
                                 mine.line,
                                 mine.column,
                                 tr("'%1' is '%2' here and in %3; it must be unique")
                                     .arg(mine.key, mine.value, others.join(QStringLiteral(", ")))};
        }
    }
    return out;
}

} // namespace frontis
