#pragma once

#include <QList>
#include <QString>

namespace frontis {

// The entries of a tags field kept in one string ("go, rust,c" with separator ","), with where
// each sits, so that one entry can be renamed or removed while the separators and spacing of the
// others stay as the writer typed them.
class TagEntries
{
public:
    struct Entry
    {
        qsizetype start = 0; // the entry's text without the white space around it
        qsizetype length = 0;
        QString text;
    };

    TagEntries(const QString& value, const QString& separator);

    const QList<Entry>& entries() const { return m_entries; }
    bool contains(const QString& text, Qt::CaseSensitivity cs = Qt::CaseSensitive) const;

    // `value` with entry `index` replaced by `text` (only its characters change).
    QString renamed(qsizetype index, const QString& text) const;
    // `value` without entry `index`: with the separator and spacing after it, or for the last
    // entry the separator and spacing before it ("a, b, c" -> "a, c", "a, b").
    QString removed(qsizetype index) const;

private:
    QString m_value;
    QList<Entry> m_entries; // non-empty entries only, in order
};

} // namespace frontis
