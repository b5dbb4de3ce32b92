#include "model/file/unifieddiff.h"

#include <dtl/dtl.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace frontis {

namespace {
std::vector<std::string> lines(const QByteArray& bytes)
{
    std::vector<std::string> out;
    qsizetype from = 0;
    while (from < bytes.size()) {
        qsizetype nl = bytes.indexOf('\n', from);
        if (nl < 0)
            nl = bytes.size();
        out.emplace_back(bytes.constData() + from, size_t(nl - from));
        from = nl + 1;
    }
    return out;
}
} // namespace

QString unifiedDiff(const QByteArray& before, const QByteArray& after, const QString& beforeName,
                    const QString& afterName)
{
    if (before == after)
        return {};
    const std::vector<std::string> a = lines(before);
    const std::vector<std::string> b = lines(after);
    dtl::Diff<std::string, std::vector<std::string>> diff(a, b);
    diff.onHuge();
    diff.compose();
    diff.composeUnifiedHunks();
    std::ostringstream hunks;
    diff.printUnifiedFormat(hunks);
    return QStringLiteral("--- %1\n+++ %2\n").arg(beforeName, afterName) +
           QString::fromStdString(hunks.str());
}

} // namespace frontis
