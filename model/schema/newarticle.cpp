#include "model/schema/newarticle.h"

#include "model/folder/articleindex.h"
#include "model/schema/template.h"
#include "model/toml/tomlformat.h"
#include "model/yaml/document.h"
#include "model/yaml/scalaremitter.h"
#include "model/yaml/yamltypes.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <vector>

namespace frontis {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("NewArticle", text);
}

const QString QuestionKey = QStringLiteral("question");
const QString TitleKey = QStringLiteral("title");
const QString DateKey = QStringLiteral("date");
const QString SubjectKey = QStringLiteral("subject");

// The sample's indentation: a block's content 4 spaces in at the top level, 2 past a nested key.
int blockIndent(int keyIndent)
{
    return keyIndent == 0 ? 4 : 2;
}

// A start the writer refines: the subject and the question's longer words, as many as the
// field asks for at least.
QString keywordsFor(const SchemaField& f, const QString& subject, const QString& question)
{
    static const QSet<QString> common = {
        QStringLiteral("what"),  QStringLiteral("which"),  QStringLiteral("when"),
        QStringLiteral("where"), QStringLiteral("does"),   QStringLiteral("have"),
        QStringLiteral("with"),  QStringLiteral("from"),   QStringLiteral("that"),
        QStringLiteral("this"),  QStringLiteral("about"),  QStringLiteral("into"),
        QStringLiteral("there"), QStringLiteral("their"),  QStringLiteral("your"),
        QStringLiteral("they"),  QStringLiteral("will"),   QStringLiteral("would"),
        QStringLiteral("could"), QStringLiteral("should"), QStringLiteral("been"),
        QStringLiteral("were"),  QStringLiteral("more"),   QStringLiteral("most"),
        QStringLiteral("some"),  QStringLiteral("than"),   QStringLiteral("then"),
        QStringLiteral("these"), QStringLiteral("those"),  QStringLiteral("also"),
        QStringLiteral("such"),  QStringLiteral("other"),  QStringLiteral("many"),
        QStringLiteral("much"),  QStringLiteral("very"),   QStringLiteral("make")};
    const qsizetype want = std::max<qsizetype>(f.minItems.value_or(1), 1);
    QStringList items;
    if (!subject.isEmpty())
        items << subject.toLower();
    static const QRegularExpression nonWord(QStringLiteral("[^\\w]+"));
    for (const QString& word : question.split(nonWord, Qt::SkipEmptyParts)) {
        const QString w = word.toLower();
        if (items.size() >= want)
            break;
        if (w.size() >= 4 && !common.contains(w) && !items.contains(w))
            items << w;
    }
    for (int n = 1; items.size() < want; ++n)
        items << QStringLiteral("keyword %1").arg(n);
    const QString sep = f.separator.isEmpty() ? QStringLiteral(",") : f.separator;
    return items.join(sep + QLatin1Char(' '));
}

QString placeholderFor(const SchemaField& f, const QString& subject, const QString& question)
{
    switch (f.type) {
    case FieldType::Integer:
    case FieldType::Number:
        return QString::number(f.minimum ? qint64(*f.minimum) : 0);
    case FieldType::Boolean:
        return QStringLiteral("false");
    case FieldType::Select:
        return f.values.isEmpty() ? QStringLiteral("TODO") : f.values.first();
    case FieldType::Slug:
        return slug(question);
    case FieldType::Url:
        return QStringLiteral("/");
    case FieldType::Tags:
        return keywordsFor(f, subject, question);
    case FieldType::Date:
    case FieldType::Datetime:
    case FieldType::Text:
    case FieldType::Textarea:
    case FieldType::Markdown:
    case FieldType::Object:
    case FieldType::List:
    case FieldType::Image:
    case FieldType::Reference:
        break;
    }
    const QString label = f.label.isEmpty() ? f.key : f.label;
    return QStringLiteral("TODO: %1").arg(label.toLower());
}

// The plain literal for typed fields when the text is one; nullopt: write it as a string.
std::optional<QByteArray> literalFor(const SchemaField& f, const QString& text)
{
    using yaml::PlainType;
    bool ok = false;
    switch (f.type) {
    case FieldType::Integer:
        ok = yaml::isValidLiteral(PlainType::Int, text);
        break;
    case FieldType::Number:
        ok = yaml::isValidLiteral(PlainType::Float, text) ||
             yaml::isValidLiteral(PlainType::Int, text);
        break;
    case FieldType::Boolean:
        ok = yaml::isValidLiteral(PlainType::Bool, text);
        break;
    case FieldType::Date:
        ok = QDate::fromString(text, Qt::ISODate).isValid() && text.size() == 10;
        break;
    default:
        break;
    }
    if (!ok)
        return std::nullopt;
    return text.toUtf8();
}

// The keys in the order they are written: a nested key's parent where its first child is, all
// its children there together (a second `seo:` would be a duplicate key).
struct Node
{
    QString name;
    const NewArticle::Value* value = nullptr;
    const SchemaField* field = nullptr;
    std::vector<Node> children;

    Node& child(const QString& n)
    {
        for (Node& c : children) {
            if (c.name == n)
                return c;
        }
        children.push_back(Node{n, nullptr, nullptr, {}});
        return children.back();
    }
};

// The schema's field, or for the title and date a schema without them gets: text and date.
const SchemaField* fieldFor(const Schema& schema, const QString& key)
{
    if (const SchemaField* f = schema.field(key))
        return f;
    static const SchemaField date = [] {
        SchemaField f;
        f.key = DateKey;
        f.type = FieldType::Date;
        return f;
    }();
    static const SchemaField title = [] {
        SchemaField f;
        f.key = TitleKey;
        return f;
    }();
    return key == DateKey ? &date : &title;
}

Status emit(const Node& node, int indent, QByteArray& out)
{
    for (const Node& c : node.children) {
        const QByteArray pad(indent, ' ');
        if (!c.children.empty()) {
            out += pad + c.name.toUtf8() + ":\n";
            if (Status s = emit(c, indent + 2, out))
                return s;
            continue;
        }
        QByteArray text;
        if (const std::optional<QByteArray> literal = literalFor(*c.field, c.value->text)) {
            text = *literal;
        } else {
            ScalarSlot slot;
            slot.parentIndent = indent;
            slot.contentIndent = indent + blockIndent(indent);
            const EmittedScalar e =
                emitString(c.value->text, c.field->style.value_or(ScalarStyle::Plain), slot);
            if (!e.verified)
                return Error{tr("'%1' cannot be written as YAML").arg(c.value->key)};
            text = e.text;
        }
        out += pad + c.name.toUtf8() + ": " + text + '\n';
    }
    return std::nullopt;
}

// The same keys as TOML: a table's plain keys first, then each sub-table under its [header]
// (a key after a header would belong to that table).
Status emitToml(const Node& node, const QByteArray& prefix, QByteArray& out)
{
    for (const Node& c : node.children) {
        if (!c.children.empty())
            continue;
        QByteArray text;
        if (const std::optional<QByteArray> literal = literalFor(*c.field, c.value->text)) {
            text = *literal;
        } else {
            const bool literalKind = c.field->style == ScalarStyle::SingleQuoted;
            std::optional<QByteArray> s =
                tomltext::writeString(c.value->text, literalKind ? tomltext::StringKind::Literal
                                                                 : tomltext::StringKind::Basic);
            if (!s)
                s = tomltext::writeString(c.value->text, tomltext::StringKind::Basic);
            if (!s)
                return Error{tr("'%1' cannot be written as TOML").arg(c.value->key)};
            text = *s;
        }
        out += tomltext::writeKey(c.name) + " = " + text + '\n';
    }
    for (const Node& c : node.children) {
        if (c.children.empty())
            continue;
        const QByteArray name = prefix + tomltext::writeKey(c.name);
        out += "\n[" + name + "]\n";
        if (Status s = emitToml(c, name + '.', out))
            return s;
    }
    return std::nullopt;
}

} // namespace

QString NewArticle::headlineKey(const Schema& schema)
{
    return schema.field(QuestionKey) ? QuestionKey : TitleKey;
}

QList<NewArticle::Value> NewArticle::values(const Schema& schema, const Input& input)
{
    const QString question = input.question.simplified();
    const QString subject = input.subject.simplified();
    const QString headline = headlineKey(schema);
    QSet<QString> sameAsQuestion;
    for (const Schema::Agreement& a : schema.agreements()) {
        if (a.keys.contains(headline)) {
            for (const QString& k : a.keys)
                sameAsQuestion.insert(k);
        }
    }

    QList<Value> out;
    QHash<QString, QString> known{{headline, question}, {SubjectKey, subject}};
    // A schema that names neither (the generic one has no fields at all) still gets the title,
    // and a date when it has no date field: what Hugo, Jekyll, Eleventy and Astro articles start
    // with.
    if (!schema.field(headline)) {
        out << Value{headline, question, false};
        const bool dated =
            std::any_of(schema.fields().cbegin(), schema.fields().cend(),
                        [](const SchemaField& f) { return f.type == FieldType::Date; });
        if (!dated && !schema.field(DateKey))
            out << Value{DateKey, input.date.toString(Qt::ISODate), false};
    }
    QList<qsizetype> derived; // indexes into `out` still to expand
    for (const SchemaField& f : schema.fields()) {
        Value v{f.key, QString(), false};
        if (f.key == headline || f.key == SubjectKey) {
            v.text = known.value(f.key); // what the writer gave
        } else if (f.key == QLatin1String("_schema") && !input.schemaName.isEmpty()) {
            v.text = input.schemaName;
        } else if (f.defaultValue) {
            v.text = *f.defaultValue;
        } else if (!f.derive.isEmpty()) {
            derived << out.size();
        } else if (sameAsQuestion.contains(f.key)) {
            v.text = question;
        } else if (f.type == FieldType::Date && f.required) {
            v.text = input.date.toString(Qt::ISODate);
        } else if (f.type == FieldType::Integer && schema.uniqueKeys().contains(f.key)) {
            v.text = QString::number(input.id);
        } else if (f.required) {
            v.text = placeholderFor(f, subject, question);
            v.placeholder = true;
        } else {
            continue;
        }
        known.insert(f.key, v.text);
        out << v;
    }
    // Templates may read other derived values: expand until nothing more can be.
    for (bool progress = true; progress && !derived.isEmpty();) {
        progress = false;
        for (qsizetype i = derived.size() - 1; i >= 0; --i) {
            Value& v = out[derived.at(i)];
            const std::optional<QString> text =
                schema.field(v.key)->derive.expand([&known](const QString& key) {
                    const auto it = known.constFind(key);
                    return it == known.cend() || it->isEmpty() ? std::nullopt
                                                               : std::optional<QString>(*it);
                });
            if (text) {
                v.text = *text;
                known.insert(v.key, v.text);
                derived.removeAt(i);
                progress = true;
            }
        }
    }
    for (const qsizetype i : std::as_const(derived)) {
        Value& v = out[i];
        v.text = placeholderFor(*schema.field(v.key), subject, question);
        v.placeholder = true;
    }
    return out;
}

Result<QByteArray> NewArticle::build(const Schema& schema, const Input& input,
                                     FrontMatterSyntax syntax)
{
    if (input.question.trimmed().isEmpty())
        return Error{headlineKey(schema) == QuestionKey ? tr("the question is empty")
                                                        : tr("the title is empty")};
    const QList<Value> vals = values(schema, input);
    Node root;
    for (const Value& v : vals) {
        Node* n = &root;
        for (const QString& part : v.key.split(QLatin1Char('.')))
            n = &n->child(part);
        n->value = &v;
        n->field = fieldFor(schema, v.key);
    }
    const bool toml = syntax == FrontMatterSyntax::Toml;
    const QByteArray fence = toml ? "+++\n" : "---\n";
    QByteArray out = fence;
    if (Status s = toml ? emitToml(root, {}, out) : emit(root, 0, out))
        return *s;
    // A body site's article is its body: empty, or the schema's `body_template`. The QuickTakes
    // layout keeps a blank line before the closing fence and ends with its `&nbsp;` body.
    if (schema.textLocation().body)
        out += fence + schema.bodyTemplate().toUtf8();
    else
        out += "\n" + fence + body();

    // Read back: the file must hold exactly the values meant.
    const Result<Document> doc = Document::fromBytes(out);
    if (!doc)
        return Error{tr("the new article does not parse: %1").arg(doc.error().message)};
    const FrontMatter& fm = doc->frontMatter();
    for (const Value& v : vals) {
        const FmNode* n = fm.find(v.key.split(QLatin1Char('.')));
        if (!n || !n->isScalar() || n->text != v.text)
            return Error{tr("'%1' does not read back as '%2'").arg(v.key, v.text)};
    }
    if (schema.textLocation().body && doc->body() != schema.bodyTemplate())
        return Error{tr("the body template does not read back unchanged")};
    return out;
}

FrontMatterSyntax NewArticle::folderSyntax(const ArticleIndex& index)
{
    int yamlCount = 0;
    int tomlCount = 0;
    int jsonCount = 0;
    const QList<ArticleSummary>& articles = index.articles();
    for (qsizetype i = 0; i < articles.size() && i < 500; ++i) {
        QFile f(articles[i].path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        QByteArray head = f.read(16);
        if (head.startsWith("\xEF\xBB\xBF"))
            head.remove(0, 3);
        if (head.startsWith("+++"))
            ++tomlCount;
        else if (head.startsWith("---json") || head.startsWith("{"))
            ++jsonCount;
        else if (head.startsWith("---"))
            ++yamlCount;
    }
    if (tomlCount > yamlCount && tomlCount > jsonCount)
        return FrontMatterSyntax::Toml;
    if (jsonCount > yamlCount && jsonCount > tomlCount)
        return FrontMatterSyntax::Json;
    return FrontMatterSyntax::Yaml;
}

QString NewArticle::fileName(const Schema& schema, const Input& input)
{
    for (const Value& v : values(schema, input)) {
        if (v.key == QLatin1String("file_name") && !v.placeholder && !v.text.isEmpty())
            return v.text;
    }
    return slug(input.question) + QStringLiteral(".md");
}

QString NewArticle::proposedPath(const ArticleIndex& index, const Schema& schema,
                                 const Input& input)
{
    return index.folderFor(input.subject) + QLatin1Char('/') + fileName(schema, input);
}

} // namespace frontis
