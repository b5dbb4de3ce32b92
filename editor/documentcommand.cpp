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
    m_change.beforeHash = qHash(before);
    m_change.afterHash = qHash(after);
    setText(text);
    m_started.start();
    // An empty source (revert, reload) is never merged with anything.
    m_mergeable = !source.isEmpty();
}

DocumentCommand::Delta DocumentCommand::delta(QByteArrayView before, QByteArrayView after)
{
    const qsizetype common = qMin(before.size(), after.size());
    Delta d;
    d.prefix = std::mismatch(before.cbegin(), before.cbegin() + common, after.cbegin()).first -
               before.cbegin();
    d.suffix =
        std::mismatch(before.crbegin(), before.crbegin() + (common - d.prefix), after.crbegin())
            .first -
        before.crbegin();
    d.removed = before.sliced(d.prefix, before.size() - d.prefix - d.suffix).toByteArray();
    d.inserted = after.sliced(d.prefix, after.size() - d.prefix - d.suffix).toByteArray();
    return d;
}

std::optional<QByteArray> DocumentCommand::rebuild(const QByteArray& from, const Delta& change,
                                                   bool forward)
{
    const QByteArray& have = forward ? change.removed : change.inserted;
    const QByteArray& put = forward ? change.inserted : change.removed;
    if (from.size() != change.prefix + have.size() + change.suffix ||
        qHash(from) != (forward ? change.beforeHash : change.afterHash))
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
    // `next` must start where this step ended. Then both changes lie in the document as it was
    // between them ("mid"), and the merged step is made from their middles and the document now,
    // without copying the whole text (a burst in a 1 MB answer merges at every commit).
    const Delta& a = m_change;
    const Delta& b = next->m_change;
    if (a.afterHash != b.beforeHash)
        return false;
    const QByteArray after = m_current();
    const qsizetype midSize = a.prefix + a.inserted.size() + a.suffix;
    if (midSize != b.prefix + b.removed.size() + b.suffix ||
        after.size() != b.prefix + b.inserted.size() + b.suffix)
        return false;
    // The part of mid that either change touched: [lo, hi).
    const qsizetype lo = qMin(a.prefix, b.prefix);
    const qsizetype hi = qMax(a.prefix + a.inserted.size(), b.prefix + b.removed.size());
    const qsizetype shift = b.inserted.size() - b.removed.size(); // mid to after, past b
    const QByteArrayView doc(after);
    // mid[lo, hi): b taken back inside what is now after[lo, hi + shift).
    QByteArray mid;
    mid.reserve(hi - lo);
    mid.append(doc.sliced(lo, b.prefix - lo));
    mid.append(b.removed);
    mid.append(doc.sliced(b.prefix + b.inserted.size(), hi - b.prefix - b.removed.size()));
    // before's part: a taken back inside mid[lo, hi).
    const QByteArrayView m(mid);
    QByteArray removed;
    removed.reserve(hi - lo - a.inserted.size() + a.removed.size());
    removed.append(m.first(a.prefix - lo));
    removed.append(a.removed);
    removed.append(m.sliced(a.prefix + a.inserted.size() - lo));
    // What the two sides still share at their ends (typing back over a change) is left out.
    Delta merged = delta(removed, doc.sliced(lo, hi + shift - lo));
    merged.prefix += lo;
    merged.suffix += midSize - hi;
    merged.beforeHash = a.beforeHash;
    merged.afterHash = b.afterHash;
    m_change = std::move(merged);
    m_lastEditMs = now;
    // Typing back to where the burst began leaves nothing to undo.
    if (m_change.removed.isEmpty() && m_change.inserted.isEmpty())
        setObsolete(true);
    return true;
}

} // namespace frontis
