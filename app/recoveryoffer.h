#pragma once

#include "model/file/journal.h"

#include <QString>

class QWidget;

namespace frontis::recoveryoffer {

// What the writer is told about unsaved changes found in the journal: when they were kept, and
// whether the article on disk is still the version they started from.
QString describe(const RecoveryJournal::Entry& entry);
// True when the article on disk is gone or no longer holds what the kept changes started from.
bool diskChangedSince(const RecoveryJournal::Entry& entry);
// Asks Restore / Show Changes / Discard (Show Changes shows the article on disk against the kept
// text, then asks again); true for Restore.
bool askRestore(QWidget* parent, const RecoveryJournal::Entry& entry);

} // namespace frontis::recoveryoffer
