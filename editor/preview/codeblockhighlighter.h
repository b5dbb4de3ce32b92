#pragma once

#include <QString>

namespace frontis {

// Colours the code of fenced blocks in preview HTML with KSyntaxHighlighting (KF6 builds only).
// Safe to call from worker threads: it uses its own Repository behind a mutex, because the
// application's repository belongs to the GUI thread.
namespace codeblocks {

// `html` with the content of every <pre><code class="language-X"> that KSyntaxHighlighting
// knows X for replaced by <span style> runs; other blocks are left as they are.
QString highlight(const QString& html, bool dark);

} // namespace codeblocks
} // namespace frontis
