#include "model/schema/schema.h"

#include "model/file/regularfile.h"
#include "model/yaml/yamltypes.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace frontis {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Schema", text);
}

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

// Thrown inside this file only: fromYaml() turns it into an Error value.
struct SchemaError
{
    Error error;
};

[[noreturn]] void fail(const YAML::Node& at, const QString& message)
{
    const YAML::Mark m = at.Mark();
    if (m.is_null())
        throw SchemaError{Error{message}};
    throw SchemaError{Error{message, m.line + 1, m.column + 1}};
}

QString keyList(const QStringList& keys)
{
    return keys.join(QLatin1String(", "));
}

} // namespace

// Reads the YAML of a schema into a Schema, failing at the first problem with its position.
class SchemaReader
{
public:
    explicit SchemaReader(Schema& schema) : m_schema(schema) {}
    void read(const YAML::Node& root);

private:
    // `taken`: the keys of the fields before it at its level.
    SchemaField readField(const YAML::Node& node, const QStringList& taken);
    std::vector<SchemaField> readFields(const YAML::Node& node);
    void readRules(const YAML::Node& node);
    static void checkKeys(const YAML::Node& map, const QStringList& known, const QString& what);
    static QString text(const YAML::Node& node, const QString& what);
    static QStringList textList(const YAML::Node& node, const QString& what);
    static bool boolean(const YAML::Node& node, const QString& what);
    static double number(const YAML::Node& node, const QString& what);
    static qsizetype count(const YAML::Node& node, const QString& what);
    static Diagnostic::Severity severity(const YAML::Node& node);
    static QString ruleId(QString name);

    Schema& m_schema;
};

QString SchemaReader::text(const YAML::Node& node, const QString& what)
{
    if (node.IsNull())
        return QString(); // `label:` with nothing after it
    if (!node.IsScalar())
        fail(node, tr("'%1' must be a single value").arg(what));
    return qs(node.Scalar());
}

QStringList SchemaReader::textList(const YAML::Node& node, const QString& what)
{
    if (node.IsScalar())
        return {qs(node.Scalar())};
    if (!node.IsSequence())
        fail(node, tr("'%1' must be a list").arg(what));
    QStringList out;
    for (const YAML::Node& item : node)
        out << text(item, what);
    return out;
}

bool SchemaReader::boolean(const YAML::Node& node, const QString& what)
{
    const QString t = text(node, what);
    if (node.Tag() == "?" && yaml::resolve12(t) == yaml::PlainType::Bool)
        return t.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
    fail(node, tr("'%1' must be true or false, not '%2'").arg(what, t));
}

double SchemaReader::number(const YAML::Node& node, const QString& what)
{
    const QString t = text(node, what);
    bool ok = false;
    const double v = t.toDouble(&ok);
    if (!ok || !qIsFinite(v))
        fail(node, tr("'%1' must be a number, not '%2'").arg(what, t));
    return v;
}

qsizetype SchemaReader::count(const YAML::Node& node, const QString& what)
{
    const QString t = text(node, what);
    bool ok = false;
    const qlonglong v = t.toLongLong(&ok);
    if (!ok || v < 0)
        fail(node, tr("'%1' must be a whole number of at least 0, not '%2'").arg(what, t));
    return qsizetype(v);
}

Diagnostic::Severity SchemaReader::severity(const YAML::Node& node)
{
    const QString t = text(node, QStringLiteral("severity"));
    if (const auto s = Diagnostic::severityFromName(t))
        return *s;
    fail(node, tr("unknown severity '%1' (use error, warning or info)").arg(t));
}

// Rule names are written either way in a schema: max_length or max-length.
QString SchemaReader::ruleId(QString name)
{
    name.replace(QLatin1Char('_'), QLatin1Char('-'));
    if (name == QLatin1String("derive"))
        return QStringLiteral("derived");
    if (name == QLatin1String("min-items") || name == QLatin1String("max-items"))
        return QStringLiteral("tags-count");
    return name;
}

void SchemaReader::checkKeys(const YAML::Node& map, const QStringList& known, const QString& what)
{
    for (auto it = map.begin(); it != map.end(); ++it) {
        const QString key = text(it->first, what);
        if (!known.contains(key))
            fail(it->first,
                 tr("unknown %1 property '%2' (known: %3)").arg(what, key, keyList(known)));
    }
}

void SchemaReader::read(const YAML::Node& root)
{
    if (!root.IsDefined() || root.IsNull())
        fail(root, tr("the schema is empty"));
    if (!root.IsMap())
        fail(root, tr("a schema is a mapping with 'name' and 'fields'"));
    checkKeys(root,
              {QStringLiteral("name"), QStringLiteral("label"), QStringLiteral("description"),
               QStringLiteral("aliases"), QStringLiteral("site"), QStringLiteral("unknown_keys"),
               QStringLiteral("infer"), QStringLiteral("unique"), QStringLiteral("rules"),
               QStringLiteral("fields"), QStringLiteral("text"), QStringLiteral("columns"),
               QStringLiteral("body_template")},
              tr("schema"));
    if (const YAML::Node n = root["name"])
        m_schema.m_name = text(n, QStringLiteral("name")).trimmed();
    if (m_schema.m_name.isEmpty())
        fail(root, tr("the schema has no 'name'"));
    if (const YAML::Node n = root["label"])
        m_schema.m_label = text(n, QStringLiteral("label"));
    if (m_schema.m_label.isEmpty())
        m_schema.m_label = m_schema.m_name;
    if (const YAML::Node n = root["description"])
        m_schema.m_description = text(n, QStringLiteral("description"));
    if (const YAML::Node n = root["aliases"])
        m_schema.m_aliases = textList(n, QStringLiteral("aliases"));
    if (const YAML::Node site = root["site"]) {
        if (!site.IsMap())
            fail(site, tr("'site' must be a mapping"));
        checkKeys(site, {QStringLiteral("base_url")}, tr("site"));
        if (const YAML::Node n = site["base_url"])
            m_schema.m_baseUrl = text(n, QStringLiteral("base_url"));
    }
    if (const YAML::Node n = root["unknown_keys"]) {
        // Info at most: a key the schema does not know is never a reason to refuse an article.
        const QString t = text(n, QStringLiteral("unknown_keys"));
        if (t == QLatin1String("info"))
            m_schema.m_unknownKeys = Diagnostic::Severity::Info;
        else if (t == QLatin1String("ignore"))
            m_schema.m_unknownKeys = std::nullopt;
        else
            fail(n, tr("'unknown_keys' is info or ignore, not '%1'").arg(t));
    }
    if (const YAML::Node n = root["infer"])
        m_schema.m_infer = boolean(n, QStringLiteral("infer"));
    if (const YAML::Node fields = root["fields"]) {
        if (!fields.IsSequence() && !fields.IsNull())
            fail(fields, tr("'fields' must be a list of fields"));
        if (fields.IsSequence()) {
            QStringList taken;
            for (const YAML::Node& f : fields) {
                m_schema.m_fields << readField(f, taken);
                taken << m_schema.m_fields.constLast().key;
            }
        }
    }
    if (const YAML::Node n = root["unique"]) {
        m_schema.m_unique = textList(n, QStringLiteral("unique"));
        for (const QString& key : std::as_const(m_schema.m_unique)) {
            if (!m_schema.field(key))
                fail(n, tr("'unique' names '%1', which is not a field").arg(key));
        }
    }
    if (const YAML::Node n = root["rules"])
        readRules(n);
    if (const YAML::Node n = root["body_template"]) {
        m_schema.m_bodyTemplate = text(n, QStringLiteral("body_template"));
        // Saved as the file's text: its lines end as the file's do (`\n` in a new article).
        m_schema.m_bodyTemplate.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    }
    if (const YAML::Node n = root["columns"]) {
        // Any key, described or not: the generic schema lists the keys sites commonly sort by.
        m_schema.m_columns = textList(n, QStringLiteral("columns"));
        if (m_schema.m_columns->contains(QStringLiteral("title")))
            fail(n, tr("'columns' need not name 'title': the list always shows it first"));
    }
    if (const YAML::Node n = root["text"]) {
        // `body` always means the body, even for a schema with a field named so.
        const QString t = n.IsScalar() ? text(n, QStringLiteral("text")).trimmed() : QString();
        if (t.isEmpty())
            fail(n, tr("'text' is 'body' or the key of a markdown field"));
        if (t == QLatin1String("body")) {
            m_schema.m_text = TextLocation::inBody();
        } else {
            const SchemaField* f = m_schema.field(t);
            if (!f)
                fail(n, tr("'text' names '%1', which is not a field (use 'body' or the key of a "
                           "markdown field)")
                            .arg(t));
            if (f->type != FieldType::Markdown)
                fail(n, tr("'text' names '%1', which is a %2 field, not a markdown one")
                            .arg(t, SchemaField::typeName(f->type)));
            m_schema.m_text = TextLocation::inField(t);
        }
    }
}

std::vector<SchemaField> SchemaReader::readFields(const YAML::Node& node)
{
    if (!node.IsSequence())
        fail(node, tr("'fields' must be a list of fields"));
    std::vector<SchemaField> out;
    QStringList taken;
    for (const YAML::Node& f : node) {
        out.push_back(readField(f, taken));
        taken << out.back().key;
    }
    return out;
}

SchemaField SchemaReader::readField(const YAML::Node& node, const QStringList& taken)
{
    if (!node.IsMap())
        fail(node, tr("a field is a mapping with at least a 'key'"));
    const QString what = tr("field");
    checkKeys(
        node,
        {QStringLiteral("key"),        QStringLiteral("label"),      QStringLiteral("help"),
         QStringLiteral("type"),       QStringLiteral("group"),      QStringLiteral("required"),
         QStringLiteral("min_length"), QStringLiteral("max_length"), QStringLiteral("min"),
         QStringLiteral("max"),        QStringLiteral("min_items"),  QStringLiteral("max_items"),
         QStringLiteral("separator"),  QStringLiteral("pattern"),    QStringLiteral("pattern_help"),
         QStringLiteral("values"),     QStringLiteral("default"),    QStringLiteral("style"),
         QStringLiteral("derive"),     QStringLiteral("encoding"),   QStringLiteral("severity"),
         QStringLiteral("fields"),     QStringLiteral("item"),       QStringLiteral("to")},
        what);
    SchemaField f;
    const YAML::Mark mark = node.Mark();
    f.line = mark.line + 1;
    f.column = mark.column + 1;
    const YAML::Node key = node["key"];
    if (!key)
        fail(node, tr("a field without a 'key'"));
    f.key = text(key, QStringLiteral("key")).trimmed();
    if (f.key.isEmpty())
        fail(key, tr("a field's 'key' must not be empty"));
    if (taken.contains(f.key))
        fail(key, tr("the field '%1' is defined twice").arg(f.key));
    f.label = node["label"] ? text(node["label"], QStringLiteral("label")) : f.key;
    if (const YAML::Node n = node["help"])
        f.help = text(n, QStringLiteral("help"));
    if (const YAML::Node n = node["type"]) {
        const QString t = text(n, QStringLiteral("type"));
        const auto type = SchemaField::typeFromName(t);
        if (!type)
            fail(n, tr("unknown type '%1' (known: %2)").arg(t, keyList(SchemaField::typeNames())));
        f.type = *type;
    }
    f.group =
        node["group"] ? text(node["group"], QStringLiteral("group")) : SchemaField::defaultGroup();
    if (const YAML::Node n = node["required"])
        f.required = boolean(n, QStringLiteral("required"));
    if (const YAML::Node n = node["min_length"])
        f.minLength = count(n, QStringLiteral("min_length"));
    if (const YAML::Node n = node["max_length"])
        f.maxLength = count(n, QStringLiteral("max_length"));
    if (f.minLength && f.maxLength && *f.minLength > *f.maxLength)
        fail(node["max_length"], tr("'max_length' is smaller than 'min_length'"));
    const bool numeric = f.type == FieldType::Integer || f.type == FieldType::Number;
    for (const char* bound : {"min", "max"}) {
        if (const YAML::Node n = node[bound]) {
            if (!numeric)
                fail(
                    n,
                    tr("'%1' applies to integer and number fields only").arg(QLatin1String(bound)));
            (qstrcmp(bound, "min") == 0 ? f.minimum : f.maximum) = number(n, QLatin1String(bound));
        }
    }
    if (f.minimum && f.maximum && *f.minimum > *f.maximum)
        fail(node["max"], tr("'max' is smaller than 'min'"));
    for (const char* bound : {"min_items", "max_items", "separator"}) {
        if (node[bound] && f.type != FieldType::Tags)
            fail(node[bound], tr("'%1' applies to tags fields only").arg(QLatin1String(bound)));
    }
    if (const YAML::Node n = node["min_items"])
        f.minItems = count(n, QStringLiteral("min_items"));
    if (const YAML::Node n = node["max_items"])
        f.maxItems = count(n, QStringLiteral("max_items"));
    if (f.minItems && f.maxItems && *f.minItems > *f.maxItems)
        fail(node["max_items"], tr("'max_items' is smaller than 'min_items'"));
    if (const YAML::Node n = node["separator"]) {
        f.separator = text(n, QStringLiteral("separator"));
        if (f.separator.isEmpty())
            fail(n, tr("'separator' must not be empty"));
    }
    if (const YAML::Node n = node["pattern"]) {
        f.pattern = text(n, QStringLiteral("pattern"));
        const QRegularExpression re(f.pattern);
        if (!re.isValid()) {
            fail(n, tr("invalid pattern: %1 (at character %2)")
                        .arg(re.errorString(), QString::number(re.patternErrorOffset() + 1)));
        }
    }
    if (const YAML::Node n = node["pattern_help"])
        f.patternHelp = text(n, QStringLiteral("pattern_help"));
    if (const YAML::Node n = node["values"]) {
        f.values = textList(n, QStringLiteral("values"));
        if (f.values.isEmpty())
            fail(n, tr("'values' must list at least one value"));
    } else if (f.type == FieldType::Select) {
        fail(node, tr("a select field needs 'values'"));
    }
    if (const YAML::Node n = node["default"])
        f.defaultValue = text(n, QStringLiteral("default"));
    if (const YAML::Node n = node["style"]) {
        static const QStringList styles = {QStringLiteral("plain"), QStringLiteral("single"),
                                           QStringLiteral("double"), QStringLiteral("literal"),
                                           QStringLiteral("folded")};
        const qsizetype i = styles.indexOf(text(n, QStringLiteral("style")));
        if (i < 0)
            fail(n, tr("unknown style '%1' (known: %2)").arg(qs(n.Scalar()), keyList(styles)));
        f.style = ScalarStyle(int(i)); // the list follows ScalarStyle's order
    }
    if (const YAML::Node n = node["derive"]) {
        Result<Template> t = Template::parse(text(n, QStringLiteral("derive")));
        if (!t)
            fail(n, tr("derive: %1 (at character %2)")
                        .arg(t.error().message, QString::number(t.error().column)));
        f.derive = std::move(t.value());
    }
    if (const YAML::Node n = node["encoding"]) {
        f.encoding = text(n, QStringLiteral("encoding"));
        if (f.encoding != QLatin1String("escaped-newlines"))
            fail(n, tr("unknown encoding '%1' (known: escaped-newlines)").arg(f.encoding));
    }
    if (const YAML::Node n = node["severity"]) {
        const QStringList rules = SchemaField::ruleIds();
        if (n.IsScalar()) {
            const Diagnostic::Severity s = severity(n);
            for (const QString& r : rules)
                f.severities.insert(r, s);
        } else if (n.IsMap()) {
            for (auto it = n.begin(); it != n.end(); ++it) {
                const QString rule = ruleId(text(it->first, QStringLiteral("severity")));
                if (!rules.contains(rule))
                    fail(it->first, tr("unknown rule '%1' (known: %2)").arg(rule, keyList(rules)));
                f.severities.insert(rule, severity(it->second));
            }
        } else {
            fail(n, tr("'severity' is a severity or a mapping from rule to severity"));
        }
    }
    if (const YAML::Node n = node["fields"]) {
        if (f.type != FieldType::Object)
            fail(n, tr("'fields' applies to object fields only (a list of mappings has them "
                       "under 'item')"));
        f.fields = readFields(n);
    }
    if (const YAML::Node n = node["item"]) {
        if (f.type != FieldType::List)
            fail(n, tr("'item' applies to list fields only"));
        if (n.IsMap()) {
            checkKeys(n, {QStringLiteral("fields")}, tr("item"));
            if (!n["fields"])
                fail(n, tr("'item' is a type name or a mapping with 'fields'"));
            f.fields = readFields(n["fields"]);
        } else {
            const QString t = text(n, QStringLiteral("item"));
            const auto type = SchemaField::typeFromName(t);
            // A list of lists or of tags has no checks of its own to offer: the item is a value.
            static const QList<FieldType> notItems = {FieldType::Object, FieldType::List,
                                                      FieldType::Tags};
            if (!type || notItems.contains(*type))
                fail(n, tr("unknown item type '%1' (an item is a single value: text, integer, "
                           "date... or a mapping with 'fields')")
                            .arg(t));
            f.itemType = *type;
        }
    }
    if (const YAML::Node n = node["to"]) {
        if (f.type != FieldType::Reference)
            fail(n, tr("'to' applies to reference fields only"));
        f.referenceTo = text(n, QStringLiteral("to")).trimmed();
        if (f.referenceTo.isEmpty())
            fail(n, tr("'to' names the key that the referenced articles hold the value in"));
    } else if (f.type == FieldType::Reference) {
        fail(node, tr("a reference field needs 'to' (the key it refers to)"));
    }
    return f;
}

void SchemaReader::readRules(const YAML::Node& node)
{
    if (!node.IsSequence())
        fail(node, tr("'rules' must be a list"));
    for (const YAML::Node& rule : node) {
        if (!rule.IsMap() || !rule["agree"])
            fail(rule, tr("a rule is a mapping with 'agree: [KEY, KEY...]'"));
        checkKeys(rule, {QStringLiteral("agree"), QStringLiteral("severity")}, tr("rule"));
        Schema::Agreement a;
        a.keys = textList(rule["agree"], QStringLiteral("agree"));
        if (a.keys.size() < 2)
            fail(rule["agree"], tr("'agree' needs at least two keys"));
        for (const YAML::Node& k : rule["agree"]) {
            if (!m_schema.field(qs(k.Scalar())))
                fail(k, tr("'agree' names '%1', which is not a field").arg(qs(k.Scalar())));
        }
        if (const YAML::Node s = rule["severity"])
            a.severity = severity(s);
        m_schema.m_agreements << a;
    }
}

Result<Schema> Schema::fromYaml(const QByteArray& yaml, const QString& fallbackName)
{
    Schema s;
    s.m_name = fallbackName;
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        SchemaReader(s).read(root);
        s.m_listColumns = s.makeListColumns();
    } catch (const SchemaError& e) {
        return e.error;
    } catch (const YAML::Exception& e) {
        const QString msg = qs(e.msg);
        if (e.mark.is_null())
            return Error{tr("YAML error: %1").arg(msg)};
        return Error{tr("YAML error: %1").arg(msg), e.mark.line + 1, e.mark.column + 1};
    } catch (const std::exception& e) {
        return Error{tr("cannot read the schema: %1").arg(QString::fromLocal8Bit(e.what()))};
    }
    return s;
}

Result<Schema> Schema::load(const QString& path)
{
    constexpr qint64 MaxSchemaBytes = 4 * 1024 * 1024;
    // A schema is a page of YAML; a FIFO or a huge file named like one is refused at once.
    const Result<FileContents> read = readRegularFile(path, MaxSchemaBytes);
    if (!read)
        return Error{tr("cannot read the schema: %1").arg(read.error().message)};
    Result<Schema> s = fromYaml(read->bytes, QFileInfo(path).completeBaseName());
    if (s)
        s->m_source = path;
    return s;
}

namespace {

const QList<Schema>& builtIns()
{
    static const QList<Schema> all = [] {
        QList<Schema> list;
        const QDir dir(QStringLiteral(":/schemas"));
        for (const QString& name :
             dir.entryList({QStringLiteral("*.yml")}, QDir::Files, QDir::Name)) {
            Result<Schema> s = Schema::load(dir.filePath(name));
            // A broken built-in is a build defect that tst_schema catches; skip it at run time.
            if (s)
                list << s.value();
        }
        return list;
    }();
    return all;
}

} // namespace

std::optional<Schema> Schema::builtIn(const QString& nameOrAlias)
{
    for (const Schema& s : builtIns()) {
        if (s.answersTo(nameOrAlias))
            return s;
    }
    return std::nullopt;
}

QStringList Schema::builtInNames()
{
    QStringList names;
    for (const Schema& s : builtIns())
        names << s.name();
    return names;
}

Schema Schema::generic()
{
    if (std::optional<Schema> s = builtIn(QStringLiteral("generic")))
        return *s;
    Schema s; // the resource is missing: the same thing, built here
    s.m_name = QStringLiteral("generic");
    s.m_label = tr("Generic");
    s.m_infer = true;
    s.m_unknownKeys = std::nullopt;
    return s;
}

TextLocation Schema::textLocation() const
{
    if (m_text)
        return *m_text;
    const SchemaField* markdown = nullptr;
    for (const SchemaField& f : m_fields) {
        if (f.type != FieldType::Markdown)
            continue;
        if (markdown)
            return TextLocation::inBody(); // two or more: none of them is "the" text
        markdown = &f;
    }
    return markdown ? TextLocation::inField(markdown->key) : TextLocation::inBody();
}

bool Schema::answersTo(const QString& nameOrAlias) const
{
    return m_name == nameOrAlias || m_aliases.contains(nameOrAlias);
}

const SchemaField* Schema::field(const QString& key) const
{
    for (const SchemaField& f : m_fields) {
        if (f.key == key)
            return &f;
    }
    return nullptr;
}

namespace {

QString labelFor(const QString& key);

} // namespace

QList<Schema::Column> Schema::makeListColumns() const
{
    const auto column = [this](const QString& key) {
        const SchemaField* f = field(key);
        return Column{key, f && !f->label.isEmpty() ? f->label : labelFor(key),
                      f && (f->type == FieldType::Select || f->type == FieldType::Tags)};
    };
    QList<Column> columns;
    if (m_columns) {
        for (const QString& key : *m_columns)
            columns << column(key);
        return columns;
    }
    constexpr qsizetype Most = 4;
    const auto it = std::find_if(m_fields.cbegin(), m_fields.cend(),
                                 [](const SchemaField& f) { return f.type == FieldType::Date; });
    if (it != m_fields.cend())
        columns << column(it->key);
    for (const SchemaField& f : m_fields) {
        if (columns.size() < Most && f.key != QLatin1String("title") &&
            (f.type == FieldType::Select || f.type == FieldType::Tags))
            columns << column(f.key);
    }
    return columns;
}

namespace {

QString labelFor(const QString& key)
{
    QString label = key.section(QLatin1Char('.'), -1);
    label.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!label.isEmpty())
        label[0] = label[0].toUpper();
    return label;
}

bool isIsoDate(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    return re.match(text).hasMatch();
}

void inferInto(const FmNode& map, KeyPath& here, const QSet<QString>& named,
               QList<SchemaField>& out)
{
    for (const FmEntry& e : map.entries) {
        here << e.key;
        const QString path = joinKeyPath(here);
        if (named.contains(path)) {
            // described by the schema
        } else if (e.value.isMap() && !e.value.entries.empty()) {
            inferInto(e.value, here, named, out);
        } else {
            out << Schema::inferField(path, e.value);
        }
        here.removeLast();
    }
}

bool looksLikeUrl(const QString& text)
{
    return (text.startsWith(QLatin1String("https://")) ||
            text.startsWith(QLatin1String("http://"))) &&
           !text.contains(QLatin1Char(' '));
}

} // namespace

QList<SchemaField> Schema::fieldsFor(const FrontMatter& fm) const
{
    QList<SchemaField> out = m_fields;
    QSet<QString> named;
    for (const SchemaField& f : m_fields)
        named.insert(joinKeyPath(fm.resolve(f.key)));
    KeyPath here;
    inferInto(fm.root(), here, named, out);
    return out;
}

SchemaField Schema::inferField(const QString& key, const FmNode& node)
{
    SchemaField f;
    f.key = key;
    f.label = labelFor(key);
    f.group = SchemaField::defaultGroup();
    f.inferred = true;
    if (node.isScalar())
        f.style = node.style;
    if (node.isSequence()) {
        const bool scalars = std::all_of(node.items.begin(), node.items.end(), [](const FmNode& n) {
            return n.isScalar() || n.isNull();
        });
        f.type = scalars ? FieldType::Tags : FieldType::Text;
    } else if (node.isPlain()) {
        switch (node.plainType()) {
        case yaml::PlainType::Int:
            f.type = FieldType::Integer;
            break;
        case yaml::PlainType::Float:
            f.type = FieldType::Number;
            break;
        case yaml::PlainType::Bool:
            f.type = FieldType::Boolean;
            break;
        default:
            if (isIsoDate(node.text))
                f.type = FieldType::Date;
            else if (looksLikeUrl(node.text))
                f.type = FieldType::Url;
            break;
        }
    } else if (node.isScalar()) {
        if (node.text.contains(QLatin1Char('\n')) || node.style == ScalarStyle::Literal)
            f.type = FieldType::Textarea;
        else if (looksLikeUrl(node.text))
            f.type = FieldType::Url;
    }
    return f;
}

} // namespace frontis
