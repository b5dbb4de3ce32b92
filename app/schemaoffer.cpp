#include "schemaoffer.h"

#include "folderprompts.h"
#include "foldersession.h"
#include "model/file/atomicwrite.h"
#include "model/schema/schema.h"
#include "model/schema/schemainfer.h"
#include "prompts.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>

namespace frontis {

namespace {

QString dismissedKey(const QString& root)
{
    return QStringLiteral("folder/schemaOfferDismissed/") +
           QString::fromLatin1(root.toUtf8().toBase64(QByteArray::Base64UrlEncoding));
}

} // namespace

SchemaOffer::SchemaOffer(QWidget* parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("schemaOffer"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    m_label = new QLabel(this);
    m_label->setWordWrap(true);
    m_create = new QPushButton(this);
    m_create->setObjectName(QStringLiteral("createSchema"));
    m_dismiss = new QToolButton(this);
    m_dismiss->setText(tr("Not now"));
    m_dismiss->setAutoRaise(true);
    m_dismiss->setToolTip(tr("Do not offer a schema for this folder again"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_label);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_create);
    buttons->addStretch(1);
    buttons->addWidget(m_dismiss);
    layout->addLayout(buttons);
    connect(m_create, &QPushButton::clicked, this, [this] { create(); });
    connect(m_dismiss, &QToolButton::clicked, this, &SchemaOffer::dismiss);
    hide();
}

bool SchemaOffer::folderWants(const QString& root, const Fit& fit)
{
    if (fit.articles == 0 || QFileInfo(root + QStringLiteral("/.frontis/schemas")).isDir())
        return false;
    // The generic schema checks nothing; a schema most of its articles fail is not theirs.
    return fit.generic * 2 >= fit.articles || fit.otherWithErrors * 2 > fit.articles - fit.generic;
}

void SchemaOffer::update()
{
    FolderSession& session = FolderSession::instance();
    m_root = session.isOpen() ? session.root() : QString();
    // The cheap refusals first: this runs after every change of the index.
    if (m_root.isEmpty() || session.indexer().isBusy() ||
        QSettings().value(dismissedKey(m_root)).toBool() ||
        QFileInfo(m_root + QStringLiteral("/.frontis/schemas")).isDir()) {
        hide();
        return;
    }
    Fit fit;
    QString other;                    // the schema the others get
    QHash<QString, QString> resolved; // `_schema` as written -> the schema it selects
    for (const ArticleSummary& s : session.index().articles()) {
        auto it = resolved.constFind(s.schema);
        if (it == resolved.cend()) {
            const std::shared_ptr<const Schema> schema = FolderSession::schemaFor(m_root, s.schema);
            it = resolved.insert(s.schema, schema ? schema->name() : QString());
        }
        ++fit.articles;
        if (*it == QLatin1String("generic")) {
            ++fit.generic;
        } else {
            other = *it;
            fit.otherWithErrors += s.errors > 0 ? 1 : 0;
        }
    }
    const bool show = folderWants(m_root, fit);
    if (show) {
        const QLocale locale;
        m_label->setText(
            fit.otherWithErrors * 2 > fit.articles - fit.generic && !other.isEmpty()
                ? tr("%1 of %2 articles have errors against the \u201c%3\u201d schema, which "
                     "does not seem to be theirs.")
                      .arg(locale.toString(fit.otherWithErrors),
                           locale.toString(fit.articles - fit.generic), other)
                : tr("These articles are checked against the generic schema: every field is "
                     "text, nothing is required. A schema written from them gives the form "
                     "types, lists and required fields."));
        m_create->setText(fit.articles == 1 ? tr("&Create a schema from this article\u2026")
                                            : tr("&Create a schema from these %1 articles\u2026")
                                                  .arg(locale.toString(fit.articles)));
    }
    setVisible(show);
}

bool SchemaOffer::create()
{
    const QString root = m_root;
    if (root.isEmpty())
        return false;
    // Read on another thread: 10,000 articles take a second or two; the window keeps painting.
    m_create->setEnabled(false);
    QApplication::setOverrideCursor(Qt::BusyCursor);
    QFutureWatcher<SchemaInference::Result> watcher;
    QEventLoop wait;
    connect(&watcher, &QFutureWatcher<SchemaInference::Result>::finished, &wait, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run([root] { return SchemaInference::fromFolder(root); }));
    if (!watcher.isFinished())
        wait.exec(QEventLoop::ExcludeUserInputEvents);
    QApplication::restoreOverrideCursor();
    m_create->setEnabled(true);
    const SchemaInference::Result inferred = watcher.result();
    if (inferred.yaml.isEmpty()) {
        Prompts::instance().warn(window(), tr("Create Schema"),
                                 tr("No article of the folder could be read."));
        return false;
    }
    const QString path = SchemaInference::defaultSchemaPath(root);
    if (!FolderPrompts::instance().confirmSchema(window(), path, inferred.yaml))
        return false;
    Status status;
    if (QFileInfo::exists(path))
        status = Error{tr("\u201c%1\u201d exists already.").arg(QDir::toNativeSeparators(path))};
    else if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        status = Error{tr("The folder for \u201c%1\u201d cannot be made.")
                           .arg(QDir::toNativeSeparators(path))};
    else
        status = writeAtomically(path, inferred.yaml);
    if (status) {
        Prompts::instance().warn(window(), tr("Create Schema"),
                                 tr("The schema was not written: %1").arg(status->message));
        return false;
    }
    hide();
    // The articles are checked again against their new schema.
    FolderSession::instance().indexer().refresh();
    return true;
}

void SchemaOffer::dismiss()
{
    if (!m_root.isEmpty())
        QSettings().setValue(dismissedKey(m_root), true);
    hide();
}

} // namespace frontis
