#include "model/schema/schemalibrary.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMutexLocker>

namespace frontis {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("SchemaLibrary", text);
}

} // namespace

SchemaLibrary::SchemaLibrary() : m_generic(std::make_shared<const Schema>(Schema::generic()))
{}

void SchemaLibrary::setOverride(Schema schema)
{
    m_override = std::make_shared<const Schema>(std::move(schema));
}

void SchemaLibrary::setOverride(std::shared_ptr<const Schema> schema)
{
    m_override = std::move(schema);
}

QString SchemaLibrary::configFolder(const QString& folder)
{
    QDir dir(QFileInfo(folder).absoluteFilePath());
    for (;;) {
        const QFileInfo candidate(dir.filePath(QStringLiteral(".frontis")));
        if (candidate.isDir())
            return candidate.absoluteFilePath();
        if (!dir.cdUp())
            return QString();
    }
}

QString SchemaLibrary::configFolderCached(const QString& folder)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_configFolders.constFind(folder);
    if (it != m_configFolders.cend())
        return *it;
    lock.unlock();
    const QString found = configFolder(folder);
    lock.relock();
    m_configFolders.insert(folder, found);
    return found;
}

std::shared_ptr<const Schema> SchemaLibrary::loadFile(const QString& path,
                                                      std::optional<Error>* error)
{
    QMutexLocker lock(&m_mutex);
    // Reading under the lock keeps each file read once; there are few schema files.
    auto it = m_files.find(path);
    if (it == m_files.end()) {
        Loaded loaded;
        Result<Schema> s = Schema::load(path);
        if (s)
            loaded.schema = std::make_shared<const Schema>(std::move(s.value()));
        else
            loaded.error = s.error();
        it = m_files.insert(path, loaded);
    }
    *error = it->error;
    return it->schema;
}

SchemaLibrary::Choice SchemaLibrary::schemaFor(const QString& articlePath, const FrontMatter& fm)
{
    Choice choice;
    if (m_override) {
        choice.schema = m_override;
        return choice;
    }
    const FmNode* named = fm.find({QStringLiteral("_schema")});
    const bool hasName = named && named->isScalar() && !named->text.trimmed().isEmpty();
    const QString name = hasName ? named->text.trimmed() : QStringLiteral("default");

    const QString config = configFolderCached(QFileInfo(articlePath).absolutePath());
    // A name with a path separator or a leading dot would leave the schemas folder.
    const bool safeName = !name.contains(QLatin1Char('/')) && !name.contains(QLatin1Char('\\')) &&
                          !name.startsWith(QLatin1Char('.'));
    if (!config.isEmpty() && safeName) {
        const QString path = config + QStringLiteral("/schemas/") + name + QStringLiteral(".yml");
        if (QFileInfo::exists(path)) {
            std::optional<Error> error;
            std::shared_ptr<const Schema> s = loadFile(path, &error);
            if (s) {
                choice.schema = s;
                return choice;
            }
            choice.schema = m_generic;
            choice.brokenPath = path;
            choice.error = error;
            return choice;
        }
    }
    if (!hasName) {
        choice.schema = m_generic;
        return choice;
    }
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_builtIns.constFind(name);
        if (it == m_builtIns.cend()) {
            std::optional<Schema> s = Schema::builtIn(name);
            it = m_builtIns.insert(name,
                                   s ? std::make_shared<const Schema>(std::move(*s)) : nullptr);
        }
        if (*it) {
            choice.schema = *it;
            return choice;
        }
    }
    choice.schema = m_generic;
    choice.notes << Diagnostic{
        Diagnostic::Severity::Warning,
        QStringLiteral("schema"),
        QStringLiteral("_schema"),
        named->line,
        named->column,
        tr("no schema named '%1'; the article is checked against the generic "
           "schema only")
            .arg(name)};
    return choice;
}

} // namespace frontis
