#include "model/schema/schemafield.h"

namespace frontis {

namespace {

struct TypeName
{
    FieldType type;
    const char* name;
};

constexpr TypeName Types[] = {
    {FieldType::Text, "text"},         {FieldType::Textarea, "textarea"},
    {FieldType::Markdown, "markdown"}, {FieldType::Integer, "integer"},
    {FieldType::Number, "number"},     {FieldType::Date, "date"},
    {FieldType::Select, "select"},     {FieldType::Tags, "tags"},
    {FieldType::Url, "url"},           {FieldType::Slug, "slug"},
    {FieldType::Boolean, "boolean"},   {FieldType::Datetime, "datetime"},
    {FieldType::Object, "object"},     {FieldType::List, "list"},
    {FieldType::Image, "image"},       {FieldType::Reference, "reference"},
};

} // namespace

Diagnostic::Severity SchemaField::severityOf(const QString& rule) const
{
    if (auto it = severities.constFind(rule); it != severities.cend())
        return *it;
    // "markdown" in a severity map covers every Markdown finding.
    if (rule.startsWith(QLatin1String("markdown-"))) {
        if (auto it = severities.constFind(QStringLiteral("markdown")); it != severities.cend())
            return *it;
    }
    return defaultSeverity(rule);
}

const SchemaField* SchemaField::nestedField(const QString& relativeKey) const
{
    for (const SchemaField& f : fields) {
        if (f.key == relativeKey)
            return &f;
    }
    return nullptr;
}

std::optional<yaml::PlainType> SchemaField::literalType() const
{
    if (inferred)
        return std::nullopt;
    switch (type) {
    case FieldType::Integer:
        return yaml::PlainType::Int;
    case FieldType::Number:
        return yaml::PlainType::Float;
    case FieldType::Boolean:
        return yaml::PlainType::Bool;
    case FieldType::Date:
        return yaml::PlainType::Timestamp;
    default:
        // Datetime too: Jekyll's `2016-10-06 11:10:38 -0700` is no YAML 1.1 timestamp, so a
        // typed write would refuse values the site uses; `set` keeps the written form instead.
        return std::nullopt;
    }
}

QString SchemaField::typeName(FieldType type)
{
    for (const TypeName& t : Types) {
        if (t.type == type)
            return QLatin1String(t.name);
    }
    return QString();
}

std::optional<FieldType> SchemaField::typeFromName(QStringView name)
{
    for (const TypeName& t : Types) {
        if (name == QLatin1String(t.name))
            return t.type;
    }
    return std::nullopt;
}

QStringList SchemaField::typeNames()
{
    QStringList names;
    for (const TypeName& t : Types)
        names << QLatin1String(t.name);
    return names;
}

QStringList SchemaField::ruleIds()
{
    return {QStringLiteral("required"),
            QStringLiteral("type"),
            QStringLiteral("date"),
            QStringLiteral("url"),
            QStringLiteral("slug"),
            QStringLiteral("image-file"),
            QStringLiteral("reference"),
            QStringLiteral("min-length"),
            QStringLiteral("max-length"),
            QStringLiteral("min"),
            QStringLiteral("max"),
            QStringLiteral("pattern"),
            QStringLiteral("values"),
            QStringLiteral("tags-empty"),
            QStringLiteral("tags-duplicate"),
            QStringLiteral("tags-count"),
            QStringLiteral("derived"),
            QStringLiteral("encoding"),
            QStringLiteral("markdown"),
            QStringLiteral("markdown-empty-link"),
            QStringLiteral("markdown-unclosed-emphasis")};
}

Diagnostic::Severity SchemaField::defaultSeverity(const QString& rule)
{
    // Derived values, agreement and Markdown style are advice: the article still publishes.
    // So is an image file not found: the site may make it at build time; and a reference no
    // article holds: the article it names may be written next.
    if (rule == QLatin1String("derived") || rule == QLatin1String("agree") ||
        rule == QLatin1String("image-file") || rule == QLatin1String("reference") ||
        rule.startsWith(QLatin1String("markdown")))
        return Diagnostic::Severity::Warning;
    if (rule == QLatin1String("unknown-key"))
        return Diagnostic::Severity::Info;
    return Diagnostic::Severity::Error;
}

} // namespace frontis
