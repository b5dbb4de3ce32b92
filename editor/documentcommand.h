#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QString>
#include <QUndoCommand>

#include <functional>
#include <optional>

namespace frontis {

// One step in a window's history: the article's bytes before and after a change. Undo and redo
// hand whole byte arrays to `apply` (Document::setBytes and a refresh of the views), so the
// history walks form and editor changes in the order they were made and undoing everything
// gives back the original bytes exactly. Typing bursts in one field merge into one step.
//
// A step keeps only the bytes that differ (the middle between the common start and end), and
// rebuilds the other side from the document's bytes when it is undone or redone: with a 1 MB
// answer a step costs what was typed, not two copies of the article.
class DocumentCommand : public QUndoCommand
{
public:
    using Apply = std::function<void(const QByteArray& bytes)>;
    // The document's bytes now: the "after" side when the step is undone, "before" when redone.
    using Current = std::function<QByteArray()>;

    // `source` names where the change was made ("field:seo.title", "answer"); steps merge only
    // with steps from the same source. The change has already been made when the command is
    // pushed, so the first redo() does nothing.
    DocumentCommand(const QString& text, const QString& source, const QByteArray& before,
                    const QByteArray& after, Apply apply, Current current);

    void undo() override;
    void redo() override;
    int id() const override { return 0x46524e54; }
    bool mergeWith(const QUndoCommand* other) override;

    const QString& source() const { return m_source; }
    // The bytes the step holds (what the history costs in memory).
    qsizetype storedBytes() const { return m_change.removed.size() + m_change.inserted.size(); }

    // A pause longer than this ends a typing burst.
    static constexpr qint64 PauseMs = 800;
    // A burst longer than this starts a new step anyway, so one undo never eats minutes of text.
    static constexpr qint64 MaxBurstMs = 5000;

private:
    struct Delta
    {
        qsizetype prefix = 0; // bytes equal at the start
        qsizetype suffix = 0; // and at the end
        QByteArray removed;   // the middle of "before"
        QByteArray inserted;  // the middle of "after"
        // Hashes of the whole before and after: the middle alone would not show a document
        // that changed elsewhere.
        size_t beforeHash = 0;
        size_t afterHash = 0;
    };
    // The middles of `before` and `after` between their longest common start and end (no hashes).
    static Delta delta(QByteArrayView before, QByteArrayView after);
    // `from` with `change` applied (`forward`) or taken back; nothing when `from` is not the
    // side the change starts from.
    static std::optional<QByteArray> rebuild(const QByteArray& from, const Delta& change,
                                             bool forward);

    QString m_source;
    Delta m_change;
    Apply m_apply;
    Current m_current;
    bool m_done = true; // pushed after the change was made
    bool m_mergeable = true;
    QElapsedTimer m_started; // when the burst began
    qint64 m_lastEditMs = 0; // m_started's elapsed time at the latest merged edit
};

} // namespace frontis
