#include "editor/problems/severityicons.h"

#include <QApplication>
#include <QStyle>

namespace frontis {

QIcon severityIcon(Diagnostic::Severity severity)
{
    QStyle::StandardPixmap pixmap = QStyle::SP_MessageBoxInformation;
    if (severity == Diagnostic::Severity::Error)
        pixmap = QStyle::SP_MessageBoxCritical;
    else if (severity == Diagnostic::Severity::Warning)
        pixmap = QStyle::SP_MessageBoxWarning;
    return QApplication::style()->standardIcon(pixmap);
}

} // namespace frontis
