#include "model/folder/articlesummary.h"

#include "model/schema/schemalibrary.h"
#include "model/yaml/document.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace frontis {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ArticleSummary", text);
}

// A value as the list shows it: a scalar's text, a list's items joined with ", ".
QString valueText(const FrontMatter& fm, const QString& dotted)
{
    const FmNode* n = fm.find(fm.resolve(dotted));
    if (!n)
        return {};
    if (n->isScalar())
        return n->text.trimmed();
    if (n->isSequence()) {
        QStringList items;
        for (const FmNode& item : n->items) {
            if (item.isScalar())
                items << item.text.trimmed();
        }
        return items.join(QStringLiteral(", "));
    }
    return {};
}

QString firstOf(const FrontMatter& fm, std::initializer_list<const char*> keys)
{
    for (const char* key : keys) {
        QString v = valueText(fm, QString::fromLatin1(key));
        if (!v.isEmpty())
            return v;
    }
    return {};
}

// The items of a choice value: a list's scalar items, a tags string's entries, else the value.
QStringList itemsOf(const FmNode& n, const QString& separator)
{
    QStringList items;
    if (n.isSequence()) {
        for (const FmNode& item : n.items) {
            if (item.isScalar() && !item.text.trimmed().isEmpty())
                items << item.text.trimmed();
        }
    } else if (n.isScalar()) {
        const QStringList pieces =
            separator.isEmpty() ? QStringList{n.text} : n.text.split(separator);
        for (const QString& piece : pieces) {
            if (!piece.trimmed().isEmpty())
                items << piece.trimmed();
        }
    }
    items.removeDuplicates();
    return items;
}

// A list whose items are all values (no maps, no lists): what a folder uses as a choice.
bool isValueList(const FmNode& n)
{
    return n.isSequence() && !n.items.empty() &&
           std::all_of(n.items.cbegin(), n.items.cend(),
                       [](const FmNode& item) { return item.isScalar(); });
}

// Every key below `node` written as a list of values, dotted, in the order of the file.
void findValueLists(const FmNode& node, const KeyPath& at, QList<KeyPath>* out, int depth = 0)
{
    constexpr int MostDepth = 8; // deeper maps are not where a site keeps its tags
    if (!node.isMap() || depth > MostDepth)
        return;
    for (const FmEntry& e : node.entries) {
        const KeyPath key = at + KeyPath{e.key};
        if (isValueList(e.value))
            *out << key;
        else
            findValueLists(e.value, key, out, depth + 1);
    }
}

// The schema's select and tags fields, nested objects' too (`Fields`: the schema's QList, an
// object's std::vector).
template <typename Fields>
void choiceFields(const Fields& fields, const QString& prefix, QList<const SchemaField*>* out,
                  QStringList* keys)
{
    for (const SchemaField& f : fields) {
        const QString key = prefix.isEmpty() ? f.key : prefix + QLatin1Char('.') + f.key;
        if (f.type == FieldType::Select || f.type == FieldType::Tags) {
            *out << &f;
            *keys << key;
        } else if (f.type == FieldType::Object) {
            choiceFields(f.fields, key, out, keys);
        }
    }
}

QList<ArticleSummary::Values> valuesFor(const FrontMatter& fm, const Schema& schema)
{
    QList<ArticleSummary::Values> out;
    QStringList seen;
    const auto add = [&](const QString& key, const QString& label, const QString& separator,
                         bool choice) {
        if (seen.contains(key))
            return;
        seen << key;
        const FmNode* n = fm.find(fm.resolve(key));
        if (!n)
            return;
        QStringList items = itemsOf(*n, separator);
        if (!items.isEmpty())
            out << ArticleSummary::Values{key, label, std::move(items), choice || isValueList(*n)};
    };
    const auto separatorOf = [&schema](const QString& key) {
        const SchemaField* f = schema.field(key);
        return f && f->type == FieldType::Tags ? f->separator : QString();
    };
    // Every column, a choice or not: a key one article writes as a list and another as one
    // value counts that value too, as the Articles list's filter does.
    for (const Schema::Column& c : schema.listColumns())
        add(c.key, c.label, separatorOf(c.key), c.choice);
    QList<const SchemaField*> fields;
    QStringList keys;
    choiceFields(schema.fields(), {}, &fields, &keys);
    for (qsizetype i = 0; i < fields.size(); ++i) {
        const SchemaField* f = fields.at(i);
        add(keys.at(i), f->label.isEmpty() ? keys.at(i) : f->label,
            f->type == FieldType::Tags ? f->separator : QString(), true);
    }
    QList<KeyPath> lists;
    findValueLists(fm.root(), {}, &lists);
    for (const KeyPath& k : lists) {
        const QString key = joinKeyPath(k);
        const SchemaField* f = schema.field(key);
        add(key, f && !f->label.isEmpty() ? f->label : key, QString(), true);
    }
    return out;
}

} // namespace

QList<Diagnostic> ArticleSummary::allDiagnostics() const
{
    if (crossFile.isEmpty())
        return diagnostics;
    QList<Diagnostic> all = diagnostics + crossFile;
    sortByPosition(all);
    return all;
}

void ArticleSummary::recount()
{
    errors = warnings = infos = 0;
    for (const QList<Diagnostic>* list : {&diagnostics, &crossFile}) {
        for (const Diagnostic& d : *list) {
            switch (d.severity) {
            case Diagnostic::Severity::Error:
                ++errors;
                break;
            case Diagnostic::Severity::Warning:
                ++warnings;
                break;
            case Diagnostic::Severity::Info:
                ++infos;
                break;
            }
        }
    }
}

namespace {

// What the list calls an article without a title: its first heading (`# Heading`, outside code),
// else its file's name; a Hugo page bundle's `index.md` or a section's `_index.md` is named after
// its folder.
QString untitledName(const QString& path, const QString& body)
{
    bool inFence = false;
    int lines = 0;
    for (QStringView line : QStringView(body).split(u'\n')) {
        if (++lines > 200)
            break;
        line = line.trimmed();
        if (line.startsWith(u"```") || line.startsWith(u"~~~"))
            inFence = !inFence;
        else if (!inFence && line.startsWith(u'#')) {
            const qsizetype level = line.indexOf(u' ');
            if (level >= 1 && level <= 6 && line.left(level).count(u'#') == level) {
                const QString heading = line.mid(level).trimmed().toString();
                if (!heading.isEmpty())
                    return heading;
            }
        }
    }
    const QFileInfo info(path);
    const QString base = info.completeBaseName();
    if (base == QLatin1String("index") || base == QLatin1String("_index"))
        return info.dir().dirName();
    return base;
}

} // namespace

ArticleSummary ArticleSummary::fromBytes(const QString& path, const QByteArray& bytes,
                                         SchemaLibrary& library, const QStringList& targetKeys)
{
    ArticleSummary s;
    s.path = path;
    s.size = bytes.size();
    s.hash = contentHash(bytes);
    const Result<Document> doc = Document::fromBytes(bytes);
    if (!doc) {
        s.title = QFileInfo(path).completeBaseName();
        s.diagnostics << Validator::parseFailure(doc.error());
        s.recount();
        return s;
    }
    s.parsed = true;
    const FrontMatter& fm = doc->frontMatter();
    s.schema = valueText(fm, QStringLiteral("_schema"));
    s.title = firstOf(fm, {"title", "article_title", "question"});
    if (s.title.isEmpty())
        s.title = untitledName(path, doc->body());
    // Folded titles may carry a line break where the writer wrapped them.
    s.title.replace(QLatin1Char('\n'), QLatin1Char(' '));
    s.subject = valueText(fm, QStringLiteral("subject"));
    s.date = valueText(fm, QStringLiteral("date"));
    s.id = valueText(fm, QStringLiteral("id"));
    s.score = valueText(fm, QStringLiteral("score"));
    s.url = valueText(fm, QStringLiteral("url"));
    s.fileName = valueText(fm, QStringLiteral("file_name"));
    s.question = valueText(fm, QStringLiteral("question"));
    if (s.question == s.title)
        s.question = s.title; // one copy in memory for tens of thousands of articles
    s.keywords = firstOf(fm, {"seo.page_keywords", "keywords", "tags"});

    const SchemaLibrary::Choice choice = library.schemaFor(path, fm);
    for (const Schema::Column& c : choice.schema->listColumns()) {
        const FmNode* n = fm.find(fm.resolve(c.key));
        QString value = valueText(fm, c.key);
        for (const QString* same : {&s.date, &s.subject, &s.id, &s.score}) {
            if (value == *same)
                value = *same; // one copy of a value the summary keeps anyway
        }
        const bool list = n && n->isSequence();
        s.shown << Shown{c.key, c.label, value, c.choice || list, list};
    }
    s.values = valuesFor(fm, *choice.schema);
    const Validator validator(*choice.schema);
    s.diagnostics = choice.notes + validator.validate(doc.value(), path);
    if (choice.error) {
        s.brokenSchema = choice.brokenPath;
        s.schemaError = *choice.error;
        s.diagnostics << Diagnostic{Diagnostic::Severity::Error,
                                    QStringLiteral("schema"),
                                    QStringLiteral("_schema"),
                                    0,
                                    0,
                                    tr("the schema file '%1' is broken (line %2: %3); the article "
                                       "is checked against the generic schema")
                                        .arg(choice.brokenPath, QString::number(choice.error->line),
                                             choice.error->message)};
    }
    sortByPosition(s.diagnostics);
    s.unique = validator.uniqueValues(doc.value());
    QStringList keys = targetKeys;
    for (const QString& k : referenceKeys(*choice.schema)) {
        if (!keys.contains(k))
            keys << k;
    }
    s.targets = valuesAt(fm, keys);
    s.references = fieldValuesOfType(*choice.schema, fm, FieldType::Reference);
    s.images = fieldValuesOfType(*choice.schema, fm, FieldType::Image);
    s.recount();
    return s;
}

ArticleSummary ArticleSummary::read(const QString& path, SchemaLibrary& library,
                                    const QStringList& targetKeys)
{
    bool reused = false;
    return read(path, library, nullptr, &reused, targetKeys);
}

ArticleSummary ArticleSummary::read(const QString& path, SchemaLibrary& library,
                                    const ArticleSummary* known, bool* reused,
                                    const QStringList& targetKeys)
{
    *reused = false;
    // Never blocks on a FIFO and never reads a huge file whole (ArticleFile::read).
    const Result<FileContents> contents = ArticleFile::read(path);
    if (!contents) {
        ArticleSummary s;
        s.path = path;
        s.title = QFileInfo(path).completeBaseName();
        const Error& e = contents.error();
        // A front matter over the limit has a place in the file; other refusals are about the
        // file as a whole.
        s.diagnostics << (e.line > 0 ? Validator::parseFailure(e)
                                     : Diagnostic{Diagnostic::Severity::Error, QStringLiteral("io"),
                                                  QString(), 0, 0, e.message});
        s.recount();
        return s;
    }
    const QByteArray& bytes = contents->bytes;
    if (known && !known->hash.isEmpty() && known->path == path &&
        known->hash == contentHash(bytes)) {
        *reused = true;
        ArticleSummary s = *known;
        s.size = bytes.size();
        s.crossFile.clear();
        s.recount();
        return s;
    }
    return fromBytes(path, bytes, library, targetKeys);
}

QByteArray ArticleSummary::contentHash(const QByteArray& bytes)
{
    // Only a change of the bytes has to change it; BLAKE2b is among the fastest Qt offers, and a
    // 160-bit digest makes an accidental match beyond reach.
    return QCryptographicHash::hash(bytes, QCryptographicHash::Blake2b_160);
}

} // namespace frontis
