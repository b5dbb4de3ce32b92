// Writes seed inputs for the fuzzers into the folder given as the only argument: the hostile
// cases that tests/model/tst_hostile.cpp runs at full size, here small enough to mutate.
#include "../model/hostilecases.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        qWarning("usage: fuzz_seeds FOLDER");
        return 2;
    }
    const QDir dir(QString::fromLocal8Bit(argv[1]));
    if (!dir.mkpath(QStringLiteral(".")))
        return 1;
    const std::pair<const char*, QByteArray> seeds[] = {
        {"conflict-markers.md", hostile::conflictMarkers()},
        {"many-keys.md", hostile::manyKeys(50)},
        {"deep-block.md", hostile::deepBlockNesting(20)},
        {"deep-flow.md", hostile::deepFlowNesting(20)},
        {"alias-bomb.md", hostile::aliasBomb(3, 3)},
        {"alias-bomb-block.md", hostile::aliasBombBlock(3, 3)},
        {"tabs.md", hostile::tabIndented()},
        {"utf16-le-bom.md", hostile::utf16(true, true)},
        {"utf16-be.md", hostile::utf16(false, false)},
        {"mixed-line-breaks.md", hostile::mixedLineBreaks()},
    };
    for (const auto& [name, bytes] : seeds) {
        QFile f(dir.filePath(QString::fromLatin1(name)));
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return 1;
    }
    return 0;
}
