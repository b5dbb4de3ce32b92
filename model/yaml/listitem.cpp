#include "model/yaml/listitem.h"

#include "model/yaml/frontmatter.h"

#include <QCoreApplication>

namespace frontis {

Result<ListItem> ListItem::fromText(const QString& text)
{
    if (!text.trimmed().startsWith(QLatin1Char('{')))
        return scalar(text);
    auto refuse = [&](const QString& why) {
        return Error{QCoreApplication::translate("ListItem", "'%1' is no YAML flow map of keys and "
                                                             "single values (%2)")
                         .arg(text, why)};
    };
    // Read as the value of a key in a front matter of its own: the same reader as the file's.
    const QByteArray bytes = "---\nitem: " + text.toUtf8() + "\n---\n";
    const Result<ArticleFile> file = ArticleFile::fromBytes(bytes);
    if (!file)
        return refuse(file.error().message);
    const Result<FrontMatter> fm = FrontMatter::parse(file.value());
    if (!fm)
        return refuse(fm.error().message);
    const FmNode* node = fm->find({QStringLiteral("item")});
    if (!node || !node->isMap() || fm->root().entries.size() != 1)
        return refuse(QCoreApplication::translate("ListItem", "it does not read as one map"));
    QList<std::pair<QString, QString>> fields;
    for (const FmEntry& e : node->entries) {
        if (!e.value.isScalar() || !e.value.editable)
            return refuse(
                QCoreApplication::translate("ListItem", "'%1' holds no single value").arg(e.key));
        fields.append({e.key, e.value.text});
    }
    if (fields.isEmpty())
        return refuse(QCoreApplication::translate("ListItem", "it has no keys"));
    return map(std::move(fields));
}

} // namespace frontis
