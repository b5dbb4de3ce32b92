#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QString>
#include <QUndoCommand>

#include <functional>

namespace frontis {

// One step in a window's history: the article's bytes before and after a change. Undo and redo
// hand whole byte arrays to `apply` (Document::setBytes and a refresh of the views), so the
// history walks form and editor changes in the order they were made and undoing everything
// gives back the original bytes exactly. Typing bursts in one field merge into one step.
class DocumentCommand : public QUndoCommand
{
public:
    using Apply = std::function<void(const QByteArray& bytes)>;

    // `source` names where the change was made ("field:seo.title", "answer"); steps merge only
    // with steps from the same source. The change has already been made when the command is
    // pushed, so the first redo() does nothing.
    DocumentCommand(const QString& text, const QString& source, QByteArray before, QByteArray after,
                    Apply apply);

    void undo() override;
    void redo() override;
    int id() const override { return 0x46524e54; }
    bool mergeWith(const QUndoCommand* other) override;

    const QString& source() const { return m_source; }
    const QByteArray& before() const { return m_before; }
    const QByteArray& after() const { return m_after; }

    // A pause longer than this ends a typing burst.
    static constexpr qint64 PauseMs = 800;
    // A burst longer than this starts a new step anyway, so one undo never eats minutes of text.
    static constexpr qint64 MaxBurstMs = 5000;

private:
    QString m_source;
    QByteArray m_before;
    QByteArray m_after;
    Apply m_apply;
    bool m_done = true; // pushed after the change was made
    bool m_mergeable = true;
    QElapsedTimer m_started; // when the burst began
    qint64 m_lastEditMs = 0; // m_started's elapsed time at the latest merged edit
};

} // namespace frontis
