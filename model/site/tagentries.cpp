#include "model/site/tagentries.h"

namespace frontis {

TagEntries::TagEntries(const QString& value, const QString& separator) : m_value(value)
{
    if (separator.isEmpty())
        return;
    qsizetype pieceStart = 0;
    for (;;) {
        qsizetype pieceEnd = value.indexOf(separator, pieceStart);
        const bool last = pieceEnd < 0;
        if (last)
            pieceEnd = value.size();
        qsizetype s = pieceStart;
        qsizetype e = pieceEnd;
        while (s < e && value.at(s).isSpace())
            ++s;
        while (e > s && value.at(e - 1).isSpace())
            --e;
        if (e > s)
            m_entries.append({s, e - s, value.mid(s, e - s)});
        if (last)
            break;
        pieceStart = pieceEnd + separator.size();
    }
}

bool TagEntries::contains(const QString& text, Qt::CaseSensitivity cs) const
{
    for (const Entry& e : m_entries) {
        if (e.text.compare(text, cs) == 0)
            return true;
    }
    return false;
}

QString TagEntries::renamed(qsizetype index, const QString& text) const
{
    const Entry& e = m_entries.at(index);
    QString v = m_value;
    return v.replace(e.start, e.length, text);
}

QString TagEntries::removed(qsizetype index) const
{
    QString v = m_value;
    if (m_entries.size() == 1)
        return QString(); // the only entry: nothing is left worth keeping
    const Entry& e = m_entries.at(index);
    if (index + 1 < m_entries.size()) {
        // Up to the next entry: its separator and the spacing before the next one go with it.
        const qsizetype end = m_entries.at(index + 1).start;
        return v.remove(e.start, end - e.start);
    }
    const Entry& before = m_entries.at(index - 1);
    const qsizetype from = before.start + before.length;
    return v.remove(from, e.start + e.length - from);
}

} // namespace frontis
