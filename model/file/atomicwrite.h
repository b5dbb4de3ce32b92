#pragma once

#include "model/file/error.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace frontis {

struct AtomicWriteOptions
{
    // Permission bits (e.g. 0600) for a file that does not exist yet; -1: the umask decides.
    int newFileMode = -1;
    // Runs after the new copy is complete on disk and before it replaces the file; an error
    // cancels the write (used to refuse when the file changed on disk meanwhile).
    std::function<Status()> beforeCommit;
};

// Replaces the file at `path` with `bytes` so that it is at every moment either the old file or
// the complete new one, even if the process is killed or the disk fills up. The new copy is
// written beside the file, flushed to disk, checked, given the old file's permission bits, owner
// and group, and renamed over it (QSaveFile). A read-only file, a missing folder, a full disk or
// any failed step leaves the file untouched, and the error says what happened and what to do.
// A symbolic link is followed: its target is replaced and the link kept.
Status writeAtomically(const QString& path, const QByteArray& bytes,
                       const AtomicWriteOptions& options = {});

// Whom a refusal's advice is for: a file being saved (Save As can put a copy elsewhere), or one
// of many files a site-wide change would write (which writes none unless all of them can take it,
// so the way out is to make the file writable or leave it out).
enum class WriteAdvice { SaveAs, ChangeOfMany };

// The refusals writeAtomically() would make before writing anything (a folder, not a regular
// file, read-only even for root, no permission, a folder that does not exist or takes no new
// files), so that a change to many files can refuse before it writes any.
Status checkWritable(const QString& path, WriteAdvice advice = WriteAdvice::SaveAs);

} // namespace frontis
