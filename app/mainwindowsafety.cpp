// MainWindow, continued: what keeps the writer's work safe. Unsaved changes go to the recovery
// journal and are offered back after a crash; the file is watched for changes made by other
// programs; a save never overwrites such a change unseen, and a failed save loses nothing. Kept
// apart from mainwindow.cpp (layout, menus, opening and saving) along that responsibility.
#include "editor/articleeditor.h"
#include "editor/rawview.h"
#include "filewatch.h"
#include "journalkeeper.h"
#include "mainwindow.h"
#include "model/file/atomicwrite.h"
#include "model/file/unifieddiff.h"
#include "prompts.h"
#include "recoveryoffer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTimer>

namespace frontis {

namespace {

QByteArray readFile(const QString& path, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return {};
    }
    const QByteArray bytes = f.readAll();
    if (f.error() != QFileDevice::NoError)
        *error = f.errorString();
    return bytes;
}

// The raw view shows text; the kept bytes go back through it the way it writes them.
QString rawText(const QByteArray& bytes)
{
    return QString::fromUtf8(bytes.startsWith("\xef\xbb\xbf") ? bytes.mid(3) : bytes);
}

bool sameFile(const QString& a, const QString& b)
{
    const QFileInfo x(a);
    const QFileInfo y(b);
    if (x.absoluteFilePath() == y.absoluteFilePath())
        return true;
    return !x.canonicalFilePath().isEmpty() && x.canonicalFilePath() == y.canonicalFilePath();
}

} // namespace

void MainWindow::setUpSafety()
{
    m_watch = new FileWatch(this);
    connect(m_watch, &FileWatch::changed, this, [this] { diskChanged(); });
    m_keeper = new JournalKeeper(this, [this] {
        JournalKeeper::Snapshot s;
        s.modified = isModified();
        if (s.modified) {
            s.bytes = currentBytes();
            s.basedOn = diskStamp();
        }
        return s;
    });
    connect(m_keeper, &JournalKeeper::problem, this, [this](const QString& text) {
        statusBar()->showMessage(tr("Unsaved changes could not be kept for recovery: %1").arg(text),
                                 10000);
    });
    connect(m_editor, &ArticleEditor::changed, m_keeper, &JournalKeeper::changed);
    connect(m_editor, &ArticleEditor::modifiedChanged, m_keeper, &JournalKeeper::changed);
    connect(m_raw, &RawView::changed, m_keeper, &JournalKeeper::changed);
}

FileStamp MainWindow::diskStamp() const
{
    switch (m_mode) {
    case Mode::Form:
        return m_editor->document().diskStamp();
    case Mode::Raw:
        return m_rawStamp;
    case Mode::Empty:
        break;
    }
    return {};
}

QByteArray MainWindow::currentBytes() const
{
    switch (m_mode) {
    case Mode::Form:
        return m_editor->document().bytes();
    case Mode::Raw:
        return m_raw->bytes();
    case Mode::Empty:
        break;
    }
    return {};
}

Result<Document> MainWindow::stampedDocument(const QByteArray& bytes, const QString& path)
{
    Result<Document> doc = Document::fromBytes(bytes);
    if (!doc)
        return doc;
    // The stamp comes from a second read and must describe these very bytes; otherwise the
    // document stays unstamped and saving asks before it replaces the file.
    Document stamped = doc.value();
    if (!stamped.acceptDiskVersion(path) && stamped.diskStamp().sha256 == FileStamp::hash(bytes))
        return stamped;
    return doc;
}

void MainWindow::followFile(const QString& path)
{
    // A new file for this window (opened, saved as, or written back): nothing about the old one
    // applies to it.
    m_seenDiskHash.clear();
    if (m_missing) {
        m_missing = false;
        updateTitle();
    }
    m_watch->setPath(path);
}

// --- Recovery journal ----------------------------------------------------------------------

void MainWindow::offerRecovery()
{
    const QString path = filePath();
    // Nothing is written or removed for this article before the writer has decided about its
    // kept changes; the lock is taken at once.
    m_keeper->setArticle(QString());
    if (!m_keeper->claim(path)) {
        // Open in another running Frontis: its unsaved changes are that one's to keep and offer.
        m_keeper->setArticle(path);
        return;
    }
    QList<Error> problems;
    const std::optional<RecoveryJournal::Entry> entry = m_keeper->journal().find(path, &problems);
    if (!problems.isEmpty())
        statusBar()->showMessage(problems.first().message, 15000);
    if (!entry) {
        m_keeper->setArticle(path);
        m_keeper->changed();
        return;
    }
    // Asked once the window is on screen. Until then the keeper holds no article, so nothing
    // overwrites or removes the kept changes before the writer has decided.
    QTimer::singleShot(0, this, [this, path, kept = *entry] {
        if (filePath() != path)
            return;
        askingAboutDisk(true);
        const bool restore = recoveryoffer::askRestore(this, kept);
        askingAboutDisk(false);
        if (restore && !restoreKept(kept))
            return; // the entry stays for the next start
        if (restore) {
            statusBar()->showMessage(tr("Restored the unsaved changes; they are not saved yet"),
                                     10000);
        } else if (const Status status = m_keeper->journal().discard(path)) {
            statusBar()->showMessage(status->message, 15000);
        } else {
            statusBar()->showMessage(tr("Discarded the kept changes"), 5000);
        }
        m_keeper->setArticle(path);
        m_keeper->changed();
    });
}

bool MainWindow::restoreKept(const RecoveryJournal::Entry& entry)
{
    const QString path = filePath();
    Result<Document> kept = Document::fromBytes(entry.bytes);
    if (m_mode == Mode::Form && kept) {
        // One step of the history: Undo gives back the file as it is on disk.
        if (const Status status = m_editor->replaceAll(entry.bytes, m_editor->diskBytes(),
                                                       tr("Restore Unsaved Changes"))) {
            Prompts::instance().warn(this, tr("Recover Unsaved Changes"), status->message);
            return false;
        }
    } else if (kept) {
        // The file does not parse but the kept text does (it was fixed in the raw view).
        Document doc = std::move(kept.value());
        Document stamped = doc;
        if (!stamped.acceptDiskVersion(path) && stamped.diskStamp().sameContent(m_rawStamp))
            doc = std::move(stamped);
        m_editor->setDocument(std::move(doc), path, m_raw->originalBytes());
        setMode(Mode::Form);
    } else {
        if (m_mode == Mode::Form) {
            m_rawPath = path;
            m_rawStamp = m_editor->document().diskStamp();
            m_raw->setContent(m_editor->diskBytes(), kept.error());
            setMode(Mode::Raw);
        }
        m_raw->editor()->setPlainText(rawText(entry.bytes));
        m_raw->checkNow();
    }
    updateTitle();
    return true;
}

bool MainWindow::openKept(const RecoveryJournal::Entry& entry)
{
    if (!recoveryoffer::askRestore(this, entry)) {
        if (const Status status = m_keeper->journal().discard(entry.articlePath))
            qWarning("%s", qPrintable(status->message));
        return false;
    }
    const QString path = entry.articlePath;
    Result<Document> doc = Document::fromBytes(entry.bytes);
    if (doc) {
        m_editor->setDocument(std::move(doc.value()), path, QByteArray());
        setMode(Mode::Form);
    } else {
        m_rawPath = path;
        m_rawStamp = FileStamp();
        m_raw->setContent(QByteArray(), doc.error());
        m_raw->editor()->setPlainText(rawText(entry.bytes));
        m_raw->checkNow();
        setMode(Mode::Raw);
    }
    followFile(path);
    m_keeper->setArticle(path);
    setMissing(true);
    m_keeper->changed();
    return true;
}

MainWindow* MainWindow::offerKeptWork(QStringList& paths)
{
    QList<Error> problems;
    const QList<RecoveryJournal::Entry> entries = RecoveryJournal().all(&problems);
    for (const Error& e : std::as_const(problems))
        qWarning("%s", qPrintable(e.message));
    MainWindow* last = nullptr;
    for (const RecoveryJournal::Entry& entry : entries) {
        if (JournalKeeper::isOpenElsewhere(entry.articlePath))
            continue; // still being edited in another Frontis: nothing was lost
        if (QFileInfo(entry.articlePath).isFile()) {
            // Its window offers the changes once it has the article open.
            paths << entry.articlePath;
            continue;
        }
        if (windowFor(entry.articlePath))
            continue;
        auto* w = new MainWindow;
        if (!w->openKept(entry)) {
            delete w;
            continue;
        }
        if (last)
            w->move(last->pos() + QPoint(32, 32));
        w->show();
        last = w;
    }
    return last;
}

void MainWindow::openKeptWork()
{
    QStringList paths;
    MainWindow* last = offerKeptWork(paths);
    for (const QString& p : std::as_const(paths)) {
        if (MainWindow* w = open(p, last))
            last = w;
    }
}

// --- Changes on disk -----------------------------------------------------------------------

void MainWindow::setMissing(bool missing)
{
    if (m_missing == missing)
        return;
    m_missing = missing;
    const QString name = QFileInfo(filePath()).fileName();
    if (missing) {
        statusBar()->showMessage(tr("\u201c%1\u201d was deleted or renamed on disk. Its text is "
                                    "still here, and Save writes it back.")
                                     .arg(name));
    } else {
        statusBar()->showMessage(tr("\u201c%1\u201d is on disk again.").arg(name), 5000);
    }
    m_keeper->changed();
    updateTitle();
}

void MainWindow::diskChanged()
{
    if (m_mode == Mode::Empty)
        return;
    if (m_inDiskPrompt) {
        m_diskAgain = true; // looked at once the writer has answered
        return;
    }
    const QString path = filePath();
    if (!QFileInfo(path).isFile()) {
        setMissing(true);
        return;
    }
    QString error;
    const QByteArray disk = readFile(path, &error);
    if (!error.isEmpty()) {
        statusBar()->showMessage(tr("\u201c%1\u201d changed on disk but cannot be read: %2")
                                     .arg(QDir::toNativeSeparators(path), error),
                                 10000);
        return;
    }
    setMissing(false);
    const QByteArray hash = FileStamp::hash(disk);
    if (hash == diskStamp().sha256 || hash == m_seenDiskHash)
        return; // our own save, a touch, or a version the writer has already been asked about
    if (!isModified()) {
        reloadFromDisk(disk);
        return;
    }
    const QString name = QFileInfo(path).fileName();
    askingAboutDisk(true);
    for (bool asking = true; asking;) {
        switch (Prompts::instance().askDiskChanged(this, name)) {
        case Prompts::DiskChoice::Compare:
            Prompts::instance().showDiff(this, tr("Changed on Disk \u2014 %1").arg(name),
                                         unifiedDiff(disk, currentBytes(),
                                                     QStringLiteral("disk/") + name,
                                                     QStringLiteral("yours/") + name));
            break;
        case Prompts::DiskChoice::Reload:
            reloadFromDisk(disk);
            asking = false;
            break;
        case Prompts::DiskChoice::KeepMine:
            keepMine(disk);
            asking = false;
            break;
        }
    }
    askingAboutDisk(false);
}

void MainWindow::askingAboutDisk(bool asking)
{
    // A change on disk while the writer answers a question is looked at after the answer, so
    // that questions never stack up.
    m_inDiskPrompt = asking;
    if (!asking && m_diskAgain) {
        m_diskAgain = false;
        QTimer::singleShot(0, this, &MainWindow::diskChanged);
    }
}

void MainWindow::reloadFromDisk(const QByteArray& bytes)
{
    const QString path = filePath();
    const QString name = QFileInfo(path).fileName();
    m_seenDiskHash.clear();
    Result<Document> doc = Document::fromBytes(bytes);
    QString message;
    if (m_mode == Mode::Form && doc) {
        if (const Status status = m_editor->takeDiskVersion(bytes, true))
            statusBar()->showMessage(status->message, 10000);
        message = tr("Reloaded \u201c%1\u201d: it was changed on disk by another program (Edit > "
                     "Undo brings back the text it replaced)")
                      .arg(name);
    } else if (doc) {
        m_editor->setDocument(stampedDocument(bytes, path).value(), path, bytes);
        setMode(Mode::Form);
        message =
            tr("Reloaded \u201c%1\u201d: it was changed on disk by another program").arg(name);
    } else {
        m_rawPath = path;
        m_rawStamp = FileStamp::of(bytes);
        m_raw->setContent(bytes, doc.error());
        setMode(Mode::Raw);
        message = tr("Reloaded \u201c%1\u201d: it was changed on disk by another program, and its "
                     "front matter does not parse now")
                      .arg(name);
    }
    m_keeper->changed();
    updateTitle();
    statusBar()->showMessage(message, 10000);
}

void MainWindow::keepMine(const QByteArray& bytes)
{
    if (m_mode == Mode::Form) {
        if (const Status status = m_editor->takeDiskVersion(bytes, false)) {
            statusBar()->showMessage(status->message, 10000);
            return;
        }
    } else {
        m_rawStamp = FileStamp::of(bytes);
    }
    m_keeper->changed();
    updateTitle();
    statusBar()->showMessage(tr("Kept your version; saving replaces the one on disk"), 10000);
}

// --- Saving --------------------------------------------------------------------------------

bool MainWindow::changedOnDiskSinceRead(const QString& path) const
{
    const Result<FileStamp> now = FileStamp::read(path);
    if (!now)
        return QFileInfo::exists(path);
    return !now->sameContent(diskStamp());
}

Status MainWindow::writeCurrent(const QString& path, Document::IfChangedOnDisk ifChanged)
{
    if (m_mode == Mode::Form)
        return m_editor->saveTo(path, ifChanged);
    if (m_mode != Mode::Raw)
        return Error{tr("No file is open")};
    // Never QSaveFile alone: Qt 6.4's buffered QSaveFile reports success on a full disk.
    const QByteArray bytes = m_raw->bytes();
    AtomicWriteOptions options;
    if (ifChanged == Document::IfChangedOnDisk::Refuse) {
        options.beforeCommit = [this, &path]() -> Status {
            if (!changedOnDiskSinceRead(path))
                return std::nullopt;
            return Error{tr("'%1' was changed on disk by another program after it was read; it "
                            "was not overwritten and is unchanged")
                             .arg(path)};
        };
    }
    if (Status status = writeAtomically(path, bytes, options))
        return status;
    m_rawPath = QFileInfo(path).absoluteFilePath();
    m_rawStamp = FileStamp::of(bytes, QFileInfo(path).lastModified());
    m_raw->checkNow();
    m_raw->setContent(bytes, m_raw->error().value_or(Error{}));
    return std::nullopt;
}

bool MainWindow::commitSave(const QString& path)
{
    // Only the file this window read can have been changed behind its back; another file was
    // chosen in Save As, which asked before replacing it, and a file that is gone is written back.
    Document::IfChangedOnDisk ifChanged = sameFile(path, filePath()) && QFileInfo::exists(path)
                                              ? Document::IfChangedOnDisk::Refuse
                                              : Document::IfChangedOnDisk::Overwrite;
    const QString name = QFileInfo(path).fileName();
    for (;;) {
        const Status status = writeCurrent(path, ifChanged);
        if (!status) {
            savedTo(path);
            return true;
        }
        if (ifChanged == Document::IfChangedOnDisk::Refuse && changedOnDiskSinceRead(path)) {
            askingAboutDisk(true);
            const Prompts::OverwriteChoice choice = Prompts::instance().askOverwrite(this, name);
            askingAboutDisk(false);
            switch (choice) {
            case Prompts::OverwriteChoice::Overwrite:
                ifChanged = Document::IfChangedOnDisk::Overwrite;
                continue;
            case Prompts::OverwriteChoice::Reload: {
                QString error;
                const QByteArray disk = readFile(path, &error);
                if (error.isEmpty())
                    reloadFromDisk(disk);
                else
                    statusBar()->showMessage(error, 10000);
                return false;
            }
            case Prompts::OverwriteChoice::Cancel: {
                QString error;
                m_seenDiskHash = FileStamp::hash(readFile(path, &error));
                statusBar()->showMessage(
                    tr("Not saved: \u201c%1\u201d was changed on disk").arg(name), 10000);
                return false;
            }
            }
        }
        // The message names the file, what happened and what to do ("cannot save '...': the
        // file is read-only ... use Save As ..."): shown as a sentence of its own.
        QString text = status->message;
        if (!text.isEmpty())
            text[0] = text[0].toUpper();
        if (Prompts::instance().offerSaveAs(this, text))
            return saveAs();
        return false;
    }
}

void MainWindow::savedTo(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_seenDiskHash.clear();
    setMissing(false);
    followFile(absolute); // the save renamed a new file over the old: watch the new one
    m_keeper->setArticle(absolute);
    m_keeper->discard();
    updateTitle();
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
}

} // namespace frontis
