#include "recoveryoffer.h"

#include "model/file/unifieddiff.h"
#include "prompts.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

namespace frontis::recoveryoffer {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("RecoveryOffer", text);
}

} // namespace

bool diskChangedSince(const RecoveryJournal::Entry& entry)
{
    if (!QFileInfo(entry.articlePath).isFile())
        return true;
    if (entry.basedOn.isNull())
        return true; // a file exists where none was known
    const Result<FileStamp> now = FileStamp::read(entry.articlePath);
    return !now || !now->sameContent(entry.basedOn);
}

QString describe(const RecoveryJournal::Entry& entry)
{
    const QLocale locale;
    const QDateTime written = entry.written.toLocalTime();
    QStringList text;
    text << tr("They were kept on %1 at %2 in \u201c%3\u201d, and Frontis stopped before they were "
               "saved.")
                .arg(locale.toString(written.date(), QLocale::LongFormat),
                     locale.toString(written.time(), QLocale::ShortFormat),
                     QDir::toNativeSeparators(QFileInfo(entry.articlePath).absolutePath()));
    const QFileInfo article(entry.articlePath);
    if (!article.isFile()) {
        text << tr("The article is no longer on disk: Restore opens the kept text, and Save "
                   "writes it back.");
    } else if (diskChangedSince(entry)) {
        text << tr("The article has changed on disk since these changes were made (it was "
                   "modified on %1). Show Changes compares it with the kept text; after Restore, "
                   "saving replaces the version on disk.")
                    .arg(locale.toString(article.lastModified(), QLocale::ShortFormat));
    } else {
        text << tr("The article on disk is still the version these changes were made to.");
    }
    text << tr("Restore puts the changes back as unsaved changes (Edit > Undo takes them out "
               "again); Discard deletes them for good.");
    return text.join(QLatin1Char('\n'));
}

bool askRestore(QWidget* parent, const RecoveryJournal::Entry& entry)
{
    const QString name = QFileInfo(entry.articlePath).fileName();
    for (;;) {
        switch (Prompts::instance().askRecover(parent, name, describe(entry))) {
        case Prompts::RecoveryChoice::Restore:
            return true;
        case Prompts::RecoveryChoice::Discard:
            return false;
        case Prompts::RecoveryChoice::ShowChanges: {
            QByteArray disk;
            QFile f(entry.articlePath);
            if (f.open(QIODevice::ReadOnly))
                disk = f.readAll();
            Prompts::instance().showDiff(parent, tr("Kept Changes \u2014 %1").arg(name),
                                         unifiedDiff(disk, entry.bytes,
                                                     QStringLiteral("disk/") + name,
                                                     QStringLiteral("kept/") + name));
            break;
        }
        }
    }
}

} // namespace frontis::recoveryoffer
