#include "documentcommand.h"

#include <QHash>
#include <QtGlobal>

#include <algorithm>

namespace frontis {

DocumentCommand::DocumentCommand(const QString& text, const QString& source,
                                 const QByteArray& before, const QByteArray& after, Apply apply,
                                 Current current)
    : m_source(source), m_change(delta(before, after)), m_apply(std::move(apply)),
      m_current(std::move(current))
{
    setText(text);
    m_started.start();
    // An empty source (revert, reload) is never merged with anything.
    m_mergeable = !source.isEmpty();
}

DocumentCommand::Delta DocumentCommand::delta(const QByteArray& before, const QByteArray& after)
{
    return delta(before, after, qHash(before), qHash(after));
}

DocumentCommand::Delta DocumentCommand::delta(const QByteArray& before, const QByteArray& after,
                                              size_t beforeHash, size_t afterHash)
{
    const qsizetype common = qMin(before.size(), after.size());
    Delta d;
    d.prefix = std::mismatch(before.cbegin(), before.cbegin() + common, after.cbegin()).first -
               before.cbegin();
    d.suffix =
        std::mismatch(before.crbegin(), before.crbegin() + (common - d.prefix), after.crbegin())
            .first -
        before.crbegin();
    d.removed = before.mid(d.prefix, before.size() - d.prefix - d.suffix);
    d.inserted = after.mid(d.prefix, after.size() - d.prefix - d.suffix);
    d.beforeHash = beforeHash;
    d.afterHash = afterHash;
    return d;
}

std::optional<QByteArray> DocumentCommand::rebuild(const QByteArray& from, const Delta& change,
                                                   bool forward, bool check)
{
    const QByteArray& have = forward ? change.removed : change.inserted;
    const QByteArray& put = forward ? change.inserted : change.removed;
    if (from.size() != change.prefix + have.size() + change.suffix ||
        (check && qHash(from) != (forward ? change.beforeHash : change.afterHash)))
        return std::nullopt;
    QByteArray to;
    to.reserve(change.prefix + put.size() + change.suffix);
    to.append(QByteArrayView(from).first(change.prefix));
    to.append(put);
    to.append(QByteArrayView(from).last(change.suffix));
    return to;
}

void DocumentCommand::undo()
{
    m_mergeable = false; // typing after an undo starts a new step
    // Every change goes through the history, so the document is where this step left it; were
    // it not (a bug), applying would corrupt the text.
    if (const std::optional<QByteArray> before = rebuild(m_current(), m_change, false))
        m_apply(*before);
    else
        qWarning("DocumentCommand: the document is not where this step left it; not undone");
}

void DocumentCommand::redo()
{
    if (m_done) {
        m_done = false;
        return;
    }
    if (const std::optional<QByteArray> after = rebuild(m_current(), m_change, true))
        m_apply(*after);
    else
        qWarning("DocumentCommand: the document is not where this step starts; not redone");
}

bool DocumentCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = static_cast<const DocumentCommand*>(other);
    if (!m_mergeable || !next->m_mergeable || next->m_source != m_source)
        return false;
    const qint64 now = m_started.elapsed();
    if (now - m_lastEditMs > PauseMs || now > MaxBurstMs)
        return false;
    // The document holds the result of `next`; back from it through both steps to where this
    // one began (which also shows that they follow each other).
    // (`next` was made from these very bytes a moment ago: only the step back through this one
    // needs its check.)
    const QByteArray after = m_current();
    const std::optional<QByteArray> between = rebuild(after, next->m_change, false, false);
    const std::optional<QByteArray> before =
        between ? rebuild(*between, m_change, false) : std::nullopt;
    if (!before)
        return false;
    const size_t beforeHash = m_change.beforeHash; // what `before` was rebuilt to be
    m_change = delta(*before, after, beforeHash, next->m_change.afterHash);
    m_lastEditMs = now;
    // Typing back to where the burst began leaves nothing to undo.
    if (m_change.removed.isEmpty() && m_change.inserted.isEmpty())
        setObsolete(true);
    return true;
}

} // namespace frontis
