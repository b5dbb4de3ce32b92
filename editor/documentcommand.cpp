#include "documentcommand.h"

namespace frontis {

DocumentCommand::DocumentCommand(const QString& text, const QString& source, QByteArray before,
                                 QByteArray after, Apply apply)
    : m_source(source), m_before(std::move(before)), m_after(std::move(after)),
      m_apply(std::move(apply))
{
    setText(text);
    m_started.start();
    // An empty source (revert, reload) is never merged with anything.
    m_mergeable = !source.isEmpty();
}

void DocumentCommand::undo()
{
    m_mergeable = false; // typing after an undo starts a new step
    m_apply(m_before);
}

void DocumentCommand::redo()
{
    if (m_done) {
        m_done = false;
        return;
    }
    m_apply(m_after);
}

bool DocumentCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = static_cast<const DocumentCommand*>(other);
    if (!m_mergeable || !next->m_mergeable || next->m_source != m_source ||
        next->m_before != m_after)
        return false;
    const qint64 now = m_started.elapsed();
    if (now - m_lastEditMs > PauseMs || now > MaxBurstMs)
        return false;
    m_after = next->m_after;
    m_lastEditMs = now;
    // Typing back to where the burst began leaves nothing to undo.
    if (m_after == m_before)
        setObsolete(true);
    return true;
}

} // namespace frontis
