#pragma once

#include "model/file/diagnostic.h"

#include <QIcon>

namespace frontis {

// The style's icon for a severity (the message-box icons, as the article's problems list uses).
QIcon severityIcon(Diagnostic::Severity severity);

} // namespace frontis
