#pragma once

#include "model/text/textstats.h"

#include <QFutureWatcher>
#include <QLabel>
#include <QThreadPool>
#include <QTimer>

namespace frontis {

class MarkdownEditor;

// The answer's statistics for the status bar: "412 words · 2,310 characters · 2 min read ·
// Flesch 58", with a tooltip that explains each number. Typing only restarts a timer: the counts
// follow 300 ms after the last change (and at least every 2 s during a long burst), measured off
// the GUI thread, so that a long answer never slows typing down.
class TextStatsLabel : public QLabel
{
    Q_OBJECT

public:
    explicit TextStatsLabel(MarkdownEditor* editor, QWidget* parent = nullptr);
    ~TextStatsLabel() override;

    // The counts shown now.
    const TextStats& stats() const { return m_stats; }
    // True while a change is waiting to be measured or being measured.
    bool isPending() const;

    // The label's text and tooltip for `stats`.
    static QString summary(const TextStats& stats);
    static QString explanation(const TextStats& stats);

    static constexpr int IdleMs = 300;
    static constexpr int MaxWaitMs = 2000;

Q_SIGNALS:
    // New counts are shown.
    void updated();

private:
    void changed();
    void measure();
    void display(const TextStats& stats);

    MarkdownEditor* m_editor;
    TextStats m_stats;
    QTimer m_idle;    // restarted by every change
    QTimer m_maxWait; // not restarted, so that counts move during long typing bursts
    // A thread of its own, so that counting never waits behind other work in the global pool
    // (folder indexing); declared before the watcher, so that it outlives it.
    QThreadPool m_pool;
    QFutureWatcher<TextStats> m_watcher;
    // From setFuture() until its result is shown: the watcher stops "running" as soon as the
    // thread is done, before its queued finished() has been delivered.
    bool m_measuring = false;
    bool m_again = false; // a change arrived while measuring
};

} // namespace frontis
