#include "model/schema/validator.h"

#include "model/schema/template.h"
#include "model/schema/valuetypes.h"
#include "model/text/answercodec.h"
#include "model/text/markdownrenderer.h"
#include "model/text/siteimages.h"
#include "model/yaml/yamltypes.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace frontis {

namespace {

using Severity = Diagnostic::Severity;

QString tr(const char* text)
{
    return QCoreApplication::translate("Validator", text);
}

// Lengths count characters as a reader does: Unicode code points, not UTF-16 units.
qsizetype charCount(const QString& s)
{
    qsizetype n = 0;
    for (const QChar c : s) {
        if (!c.isLowSurrogate())
            ++n;
    }
    return n;
}

QString number(double v)
{
    return QString::number(v, 'g', 15);
}

// The numeric value of a plain integer literal of the YAML 1.2 core schema.
double integerValue(const QString& text)
{
    bool ok = false;
    double v = 0;
    if (text.startsWith(QLatin1String("0x")))
        v = double(text.mid(2).toULongLong(&ok, 16));
    else if (text.startsWith(QLatin1String("0o")))
        v = double(text.mid(2).toULongLong(&ok, 8));
    else
        v = text.toDouble(&ok); // also right for integers past 64 bits, approximately
    return ok ? v : std::numeric_limits<double>::quiet_NaN();
}

double floatValue(const QString& text)
{
    QString t = text;
    bool negative = false;
    if (t.startsWith(QLatin1Char('-')) || t.startsWith(QLatin1Char('+'))) {
        negative = t.startsWith(QLatin1Char('-'));
        t.remove(0, 1);
    }
    // YAML's ".inf" and TOML's "inf" (a TOML float's text is its source form).
    if (t.compare(QLatin1String(".inf"), Qt::CaseInsensitive) == 0 || t == QLatin1String("inf"))
        return negative ? -std::numeric_limits<double>::infinity()
                        : std::numeric_limits<double>::infinity();
    if (t.compare(QLatin1String(".nan"), Qt::CaseInsensitive) == 0 || t == QLatin1String("nan"))
        return std::numeric_limits<double>::quiet_NaN();
    return integerValue(text);
}

// A schema's pattern, compiled once per thread: compiling costs more than checking a whole
// article, and a folder's articles share a handful of patterns.
const QRegularExpression& compiled(const QString& pattern)
{
    thread_local QHash<QString, QRegularExpression> cache;
    auto it = cache.find(pattern);
    if (it == cache.end()) {
        QRegularExpression re(pattern);
        re.optimize();
        it = cache.insert(pattern, re);
    }
    return *it;
}

// A slug, optionally followed by one extension (".md").
bool isSlug(const QString& text, QString* suggestion)
{
    static const QRegularExpression ext(QStringLiteral("\\.[a-z0-9]+$"));
    const QRegularExpressionMatch m = ext.match(text);
    const QString stem = m.hasMatch() ? text.left(m.capturedStart()) : text;
    const QString extension = m.hasMatch() ? m.captured() : QString();
    *suggestion = slug(stem) + extension;
    return !stem.isEmpty() && slug(stem) == stem;
}

QString kindOf(const FmNode& node)
{
    return node.isMap() ? tr("a mapping") : tr("a list");
}

QString describe(const FmNode& node)
{
    return node.isScalar() ? QStringLiteral("'%1'").arg(node.text) : kindOf(node);
}

class Checker
{
public:
    Checker(const Schema& schema, const Document& doc, const QString& articlePath)
        : m_schema(schema), m_doc(doc), m_fm(doc.frontMatter()),
          m_folder(articlePath.isEmpty() ? QString() : QFileInfo(articlePath).absolutePath())
    {}

    QList<Diagnostic> run()
    {
        for (const SchemaField& f : m_schema.fields())
            checkField(f);
        for (const Schema::Agreement& a : m_schema.agreements())
            checkAgreement(a);
        if (m_schema.unknownKeys())
            checkUnknownKeys(*m_schema.unknownKeys());
        if (m_schema.textLocation().body)
            checkBody();
        sortByPosition(m_out);
        return m_out;
    }

private:
    const FmNode* lookup(const QString& dotted) const { return m_fm.find(m_fm.resolve(dotted)); }

    void add(Severity severity, const QString& rule, const QString& key, int line, int column,
             const QString& message)
    {
        m_out << Diagnostic{severity, rule, key, line, column, message};
    }
    void report(const SchemaField& f, const QString& key, const QString& rule, const FmNode& at,
                const QString& message)
    {
        add(f.severityOf(rule), rule, key, at.line, at.column, message);
    }

    static bool isEmptyValue(const FmNode& n)
    {
        switch (n.kind) {
        case FmNode::Kind::Null:
            return true;
        case FmNode::Kind::Scalar:
            return n.text.trimmed().isEmpty();
        case FmNode::Kind::Map:
            return n.entries.empty();
        case FmNode::Kind::Sequence:
            return n.items.empty();
        }
        return true;
    }

    // Where to point at a missing key: the key of its nearest existing parent, else line 1 (the
    // opening fence).
    std::pair<int, int> missingPosition(const QString& dotted) const
    {
        const KeyPath path = m_fm.resolve(dotted);
        std::pair<int, int> pos{m_doc.file().position(0).line, 1};
        const FmNode* map = &m_fm.root();
        for (qsizetype i = 0; i + 1 < path.size() && map; ++i) {
            const FmNode* next = nullptr;
            if (map->isMap()) {
                for (const FmEntry& e : map->entries) {
                    if (e.key == path[i]) {
                        pos = {e.line, e.column};
                        next = &e.value;
                    }
                }
            } else if (map->isSequence()) { // an item of a list of mappings: its first key
                bool ok = false;
                const qsizetype index = path[i].toLongLong(&ok);
                if (ok && index >= 0 && index < qsizetype(map->items.size())) {
                    next = &map->items[size_t(index)];
                    pos = {next->line, next->column};
                }
            }
            map = next;
        }
        return pos;
    }

    void checkField(const SchemaField& f) { checkField(f, f.key); }

    // `key`: the whole dotted path of the value (`blocks.2.image` for a field of a list item).
    void checkField(const SchemaField& f, const QString& key)
    {
        const FmNode* node = lookup(key);
        if (!node) {
            if (f.required) {
                const auto [line, column] = missingPosition(key);
                add(f.severityOf(QStringLiteral("required")), QStringLiteral("required"), key, line,
                    column, tr("'%1' is missing").arg(key));
            }
            return;
        }
        if (isEmptyValue(*node)) {
            if (f.required)
                report(f, key, QStringLiteral("required"), *node, tr("'%1' is empty").arg(key));
            return;
        }
        if (f.type == FieldType::Tags) {
            checkTags(f, key, *node);
            return;
        }
        if (f.type == FieldType::Object) {
            checkObject(f, key, *node);
            return;
        }
        if (f.type == FieldType::List) {
            checkList(f, key, *node);
            return;
        }
        if (!node->isScalar()) {
            report(f, key, QStringLiteral("type"), *node,
                   tr("'%1' must be a single value, not %2").arg(key, kindOf(*node)));
            return;
        }
        if (!checkType(f, key, *node))
            return; // range, length and pattern checks would only repeat the problem
        const QString& text = node->text;
        const qsizetype length = charCount(text);
        if (f.minLength && length < *f.minLength) {
            report(f, key, QStringLiteral("min-length"), *node,
                   tr("'%1' is %2 characters long; the minimum is %3")
                       .arg(key, QString::number(length), QString::number(*f.minLength)));
        }
        if (f.maxLength && length > *f.maxLength) {
            report(f, key, QStringLiteral("max-length"), *node,
                   tr("'%1' is %2 characters long; the limit is %3")
                       .arg(key, QString::number(length), QString::number(*f.maxLength)));
        }
        const bool matchesPattern =
            f.pattern.isEmpty() || compiled(f.pattern).match(text).hasMatch();
        if (!matchesPattern) {
            report(f, key, QStringLiteral("pattern"), *node,
                   f.patternHelp.isEmpty()
                       ? tr("'%1' does not match the pattern '%2': '%3'").arg(key, f.pattern, text)
                       : tr("'%1' must %2: '%3'").arg(key, f.patternHelp, text));
        }
        if (!f.values.isEmpty() && !f.values.contains(text)) {
            report(f, key, QStringLiteral("values"), *node,
                   tr("'%1' is not an allowed value of '%2' (allowed: %3)")
                       .arg(text, key, f.values.join(QLatin1String(", "))));
        }
        if (!f.derive.isEmpty() && matchesPattern) // a malformed value needs fixing first
            checkDerived(f, key, *node);
        if (f.encoding == QLatin1String("escaped-newlines") && text.contains(QLatin1Char('\n'))) {
            report(f, key, QStringLiteral("encoding"), *node,
                   tr("'%1' contains a raw line break; line breaks are stored as \\n on one line")
                       .arg(key));
        }
        if (f.type == FieldType::Markdown)
            checkMarkdown(f, key, *node);
    }

    // A mapping, and each of the object's fields in it.
    void checkObject(const SchemaField& f, const QString& key, const FmNode& node)
    {
        if (!node.isMap()) {
            report(f, key, QStringLiteral("type"), node,
                   tr("'%1' must be a mapping, not %2").arg(key, describe(node)));
            return;
        }
        for (const SchemaField& child : f.fields)
            checkField(child, key + QLatin1Char('.') + child.key);
    }

    // A list, and each item: a mapping that the item fields describe, or a value of the item
    // type. Items are named by their index from 0 (`blocks.2.image`), as `get` takes them.
    void checkList(const SchemaField& f, const QString& key, const FmNode& node)
    {
        if (!node.isSequence()) {
            report(f, key, QStringLiteral("type"), node,
                   tr("'%1' must be a list, not %2").arg(key, describe(node)));
            return;
        }
        const bool mappings = !f.fields.empty();
        SchemaField item; // the rules of a single-value item, as a field of its own
        if (f.itemType) {
            item.type = *f.itemType;
            item.severities = f.severities;
        }
        for (size_t i = 0; i < node.items.size(); ++i) {
            const FmNode& n = node.items[i];
            const QString at = key + QLatin1Char('.') + QString::number(i);
            if (mappings) {
                if (!n.isMap()) {
                    report(f, at, QStringLiteral("type"), n,
                           tr("'%1' must be a mapping, not %2").arg(at, describe(n)));
                    continue;
                }
                for (const SchemaField& child : f.fields)
                    checkField(child, at + QLatin1Char('.') + child.key);
            } else if (f.itemType && !isEmptyValue(n)) {
                if (!n.isScalar()) {
                    report(f, at, QStringLiteral("type"), n,
                           tr("'%1' must be a single value, not %2").arg(at, kindOf(n)));
                    continue;
                }
                checkType(item, at, n);
            }
        }
    }

    // False when the value is not of the field's type (and that was reported).
    bool checkType(const SchemaField& f, const QString& key, const FmNode& node)
    {
        const QString& text = node.text;
        auto quotedAsText = [&](const QString& what) {
            report(f, key, QStringLiteral("type"), node,
                   tr("'%1' must be %2; '%3' is quoted, so it reads as text").arg(key, what, text));
            return false;
        };
        switch (f.type) {
        case FieldType::Integer: {
            const QString what = tr("an integer");
            if (!node.isPlain() && yaml::resolve12(text) == yaml::PlainType::Int)
                return quotedAsText(what);
            if (!node.isPlain() || node.plainType() != yaml::PlainType::Int) {
                report(f, key, QStringLiteral("type"), node,
                       tr("'%1' must be %2, not '%3'").arg(key, what, text));
                return false;
            }
            return checkRange(f, key, node, integerValue(text));
        }
        case FieldType::Number: {
            const QString what = tr("a number");
            const yaml::PlainType t = node.isPlain() ? node.plainType() : yaml::resolve12(text);
            const bool numeric = t == yaml::PlainType::Int || t == yaml::PlainType::Float;
            if (!node.isPlain() && numeric)
                return quotedAsText(what);
            if (!node.isPlain() || !numeric) {
                report(f, key, QStringLiteral("type"), node,
                       tr("'%1' must be %2, not '%3'").arg(key, what, text));
                return false;
            }
            return checkRange(f, key, node, floatValue(text));
        }
        case FieldType::Boolean:
            if (!node.isPlain() || node.plainType() != yaml::PlainType::Bool) {
                report(f, key, QStringLiteral("type"), node,
                       tr("'%1' must be true or false, not '%2'").arg(key, text));
                return false;
            }
            return true;
        case FieldType::Date: {
            if (!valuetypes::looksLikeIsoDate(text)) {
                report(f, key, QStringLiteral("date"), node,
                       tr("'%1' must be a date written YYYY-MM-DD, not '%2'").arg(key, text));
                return false;
            }
            if (!valuetypes::isIsoDate(text)) {
                report(f, key, QStringLiteral("date"), node,
                       tr("'%1' is not a calendar date: '%2'").arg(key, text));
                return false;
            }
            return true;
        }
        case FieldType::Datetime:
            if (!valuetypes::isDatetime(text)) {
                report(f, key, QStringLiteral("date"), node,
                       tr("'%1' must be a date, or a date and time such as "
                          "2024-01-05T10:00:00Z, not '%2'")
                           .arg(key, text));
                return false;
            }
            return true;
        case FieldType::Url:
            if (!valuetypes::isUrl(text)) {
                report(f, key, QStringLiteral("url"), node,
                       tr("'%1' must be a URL or a path starting with '/': '%2'").arg(key, text));
                return false;
            }
            return true;
        case FieldType::Slug: {
            QString suggestion;
            if (!isSlug(text, &suggestion)) {
                report(
                    f, key, QStringLiteral("slug"), node,
                    tr("'%1' must be a slug (lower-case letters, digits and '-'): '%2'; try '%3'")
                        .arg(key, text, suggestion));
                return false;
            }
            return true;
        }
        case FieldType::Image:
            // A path or URL, which the site resolves; whether the file exists is not checked.
            if (text.contains(QLatin1Char('\n'))) {
                report(f, key, QStringLiteral("type"), node,
                       tr("'%1' must be an image path on one line").arg(key));
                return false;
            }
            checkImageFile(f, key, node);
            return true;
        case FieldType::Text:
        case FieldType::Textarea:
        case FieldType::Markdown:
        case FieldType::Select:
        case FieldType::Tags:
        case FieldType::Object:
        case FieldType::List:
        case FieldType::Reference: // one value; that an article holds it: ReferenceCheck
            return true;
        }
        return true;
    }

    // A path the site serves must name a file: relative from the article's folder, site-rooted
    // from static/, public/, assets/ or the site's root (as the preview finds images).
    void checkImageFile(const SchemaField& f, const QString& key, const FmNode& node)
    {
        const QString path = node.text.trimmed();
        if (m_folder.isEmpty() || path.isEmpty() || path.contains(QLatin1String("://")) ||
            path.startsWith(QLatin1String("//")) || path.startsWith(QLatin1String("data:")) ||
            path.contains(QLatin1Char('*')) || path.contains(QLatin1Char('{')))
            return; // a URL, a pattern (Hugo resources) or a template: nothing to look for
        if (imageFileOf(m_folder, path).isEmpty())
            report(f, key, QStringLiteral("image-file"), node,
                   path.startsWith(QLatin1Char('/'))
                       ? tr("'%1' names no image file: '%2' is not in the site's static/, "
                            "public/ or assets/ folder")
                             .arg(key, path)
                       : tr("'%1' names no image file: '%2' is not in the article's folder")
                             .arg(key, path));
    }

    bool checkRange(const SchemaField& f, const QString& key, const FmNode& node, double value)
    {
        if (std::isnan(value))
            return true;
        if (f.minimum && value < *f.minimum) {
            report(f, key, QStringLiteral("min"), node,
                   tr("'%1' is %2; the smallest allowed value is %3")
                       .arg(key, node.text, number(*f.minimum)));
        }
        if (f.maximum && value > *f.maximum) {
            report(f, key, QStringLiteral("max"), node,
                   tr("'%1' is %2; the largest allowed value is %3")
                       .arg(key, node.text, number(*f.maximum)));
        }
        return true;
    }

    void checkTags(const SchemaField& f, const QString& key, const FmNode& node)
    {
        QStringList entries;
        if (node.isSequence()) {
            for (const FmNode& item : node.items) {
                if (item.isMap() || item.isSequence()) {
                    report(f, key, QStringLiteral("type"), item,
                           tr("'%1' must list single values, not %2").arg(key, kindOf(item)));
                    return;
                }
                entries << item.text.trimmed();
            }
        } else if (node.isScalar()) {
            const QString sep = f.separator.isEmpty() ? QStringLiteral(",") : f.separator;
            for (const QString& e : node.text.split(sep))
                entries << e.trimmed();
        } else {
            report(f, key, QStringLiteral("type"), node,
                   tr("'%1' must be a list or a %2-separated text, not %3")
                       .arg(key, f.separator, kindOf(node)));
            return;
        }
        const qsizetype empty = entries.count(QString());
        if (empty > 0) {
            report(f, key, QStringLiteral("tags-empty"), node,
                   empty == 1 ? tr("'%1' has an empty entry").arg(key)
                              : tr("'%1' has %2 empty entries").arg(key, QString::number(empty)));
        }
        entries.removeAll(QString());
        QSet<QString> seen;
        QSet<QString> reported;
        for (const QString& e : std::as_const(entries)) {
            const QString folded = e.toCaseFolded();
            if (seen.contains(folded) && !reported.contains(folded)) {
                reported.insert(folded);
                report(f, key, QStringLiteral("tags-duplicate"), node,
                       tr("'%1' lists '%2' more than once (ignoring case)").arg(key, e));
            }
            seen.insert(folded);
        }
        if (!f.values.isEmpty()) {
            QSet<QString> told;
            for (const QString& e : std::as_const(entries)) {
                if (!f.values.contains(e) && !told.contains(e)) {
                    told.insert(e);
                    report(f, key, QStringLiteral("values"), node,
                           tr("'%1' is not an allowed value of '%2' (allowed: %3)")
                               .arg(e, key, f.values.join(QLatin1String(", "))));
                }
            }
        }
        const qsizetype n = entries.size();
        const bool tooFew = f.minItems && n < *f.minItems;
        const bool tooMany = f.maxItems && n > *f.maxItems;
        if (tooFew || tooMany) {
            QString expected;
            if (f.minItems && f.maxItems)
                expected = tr("%1 to %2 are expected")
                               .arg(QString::number(*f.minItems), QString::number(*f.maxItems));
            else if (f.minItems)
                expected = tr("at least %1 are expected").arg(*f.minItems);
            else
                expected = tr("at most %1 are expected").arg(*f.maxItems);
            report(f, key, QStringLiteral("tags-count"), node,
                   tr("'%1' has %2 entries; %3").arg(key, QString::number(n), expected));
        }
        if (!node.isScalar())
            return;
        const qsizetype length = charCount(node.text);
        if (f.maxLength && length > *f.maxLength) {
            report(f, key, QStringLiteral("max-length"), node,
                   tr("'%1' is %2 characters long; the limit is %3")
                       .arg(key, QString::number(length), QString::number(*f.maxLength)));
        }
        if (f.minLength && length < *f.minLength) {
            report(f, key, QStringLiteral("min-length"), node,
                   tr("'%1' is %2 characters long; the minimum is %3")
                       .arg(key, QString::number(length), QString::number(*f.minLength)));
        }
    }

    void checkDerived(const SchemaField& f, const QString& key, const FmNode& node)
    {
        const std::optional<QString> expected =
            f.derive.expand([this](const QString& source) -> std::optional<QString> {
                const FmNode* n = lookup(source);
                if (!n || !n->isScalar())
                    return std::nullopt;
                return n->text;
            });
        if (expected && *expected != node.text) {
            report(f, key, QStringLiteral("derived"), node,
                   tr("'%1' does not match its template '%2'; expected '%3'")
                       .arg(key, f.derive.text(), *expected));
        }
    }

    void checkMarkdown(const SchemaField& f, const QString& key, const FmNode& node)
    {
        const bool escaped = f.encoding == QLatin1String("escaped-newlines");
        const QString markdown = escaped ? decodeAnswer(node.text) : node.text;
        const QList<MarkdownIssue> issues = lintMarkdown(markdown);
        if (issues.isEmpty())
            return;
        // Where the stored text sits in the file verbatim (one physical line, no escapes to
        // undo), an issue maps to its exact column; otherwise it points at the value.
        const QByteArray stored = node.text.toUtf8();
        qsizetype verbatim = -1;
        if (node.span.isValid() && !node.text.contains(QLatin1Char('\n'))) {
            const qsizetype at = m_doc.bytes().indexOf(stored, node.span.begin);
            if (at >= 0 && at + stored.size() <= node.span.end)
                verbatim = at;
        }
        for (const MarkdownIssue& issue : issues) {
            const QString rule = issue.rule.isEmpty() ? QStringLiteral("markdown") : issue.rule;
            int line = node.line;
            int column = node.column;
            if (verbatim >= 0) {
                const qsizetype offset = storedOffset(node.text, escaped, issue.line, issue.column);
                if (offset >= 0) {
                    const auto p =
                        m_doc.file().position(verbatim + node.text.left(offset).toUtf8().size());
                    line = p.line;
                    column = p.column;
                }
            }
            add(f.severityOf(rule), rule, key, line, column,
                tr("'%1', Markdown line %2: %3")
                    .arg(key, QString::number(issue.line), issue.message));
        }
    }

    // The body's Markdown, where it is the article's text; issues at their line and column of
    // the file.
    void checkBody()
    {
        const ArticleFile& file = m_doc.file();
        const QByteArray& b = file.bytes();
        const qsizetype begin = file.bodyBegin();
        if (begin >= b.size())
            return;
        // Undecoded (CRLF kept), so that its lines are the file's lines: the n-th '\n' of the
        // text is the n-th '\n' byte of the body.
        const QString markdown = QString::fromUtf8(b.constData() + begin, b.size() - begin);
        const QList<MarkdownIssue> issues = lintMarkdown(markdown, true);
        if (issues.isEmpty())
            return;
        std::vector<qsizetype> textLines{0};
        std::vector<qsizetype> byteLines{begin};
        for (qsizetype i = markdown.indexOf(QLatin1Char('\n')); i >= 0;
             i = markdown.indexOf(QLatin1Char('\n'), i + 1))
            textLines.push_back(i + 1);
        for (qsizetype i = b.indexOf('\n', begin); i >= 0; i = b.indexOf('\n', i + 1))
            byteLines.push_back(i + 1);
        for (const MarkdownIssue& issue : issues) {
            const QString rule = issue.rule.isEmpty() ? QStringLiteral("markdown") : issue.rule;
            qsizetype offset = begin;
            const auto line = size_t(qMax(1, issue.line) - 1);
            if (line < textLines.size() && line < byteLines.size()) {
                const qsizetype columns =
                    std::clamp<qsizetype>(issue.column - 1, 0, markdown.size() - textLines[line]);
                offset = byteLines[line] +
                         QStringView(markdown).mid(textLines[line], columns).toUtf8().size();
            }
            const auto p = file.position(offset);
            add(SchemaField::defaultSeverity(rule), rule, QString(), p.line, p.column,
                tr("the body, Markdown line %1: %2")
                    .arg(QString::number(issue.line), issue.message));
        }
    }

    // The index in the stored text of a decoded (line, column) position (both 1-based, columns in
    // UTF-16 units); decoding turns each backslash-n pair, left to right, into a line break.
    static qsizetype storedOffset(const QString& stored, bool escaped, int line, int column)
    {
        int l = 1;
        int c = 1;
        for (qsizetype i = 0; i <= stored.size(); ++i) {
            if (l == line && c == column)
                return i;
            if (i == stored.size())
                break;
            if (escaped && stored[i] == QLatin1Char('\\') && i + 1 < stored.size() &&
                stored[i + 1] == QLatin1Char('n')) {
                ++l;
                c = 1;
                ++i;
            } else if (stored[i] == QLatin1Char('\n')) {
                ++l;
                c = 1;
            } else {
                ++c;
            }
        }
        return -1;
    }

    void checkAgreement(const Schema::Agreement& a)
    {
        const FmNode* reference = nullptr;
        QString referenceKey;
        for (const QString& key : a.keys) {
            const FmNode* n = lookup(key);
            if (!n || !n->isScalar() || n->text.trimmed().isEmpty())
                continue;
            if (!reference) {
                reference = n;
                referenceKey = key;
            } else if (n->text.trimmed() != reference->text.trimmed()) {
                add(a.severity, QStringLiteral("agree"), key, n->line, n->column,
                    tr("'%1' differs from '%2': '%3' is not '%4'")
                        .arg(key, referenceKey, n->text.trimmed(), reference->text.trimmed()));
            }
        }
    }

    void checkUnknownKeys(Severity severity)
    {
        const QChar sep(0x1f); // joins key paths without confusing keys that contain dots
        QSet<QString> named;
        QSet<QString> parents;
        for (const SchemaField& f : m_schema.fields()) {
            const KeyPath path = m_fm.resolve(f.key);
            named.insert(path.join(sep));
            for (qsizetype i = 1; i < path.size(); ++i)
                parents.insert(path.first(i).join(sep));
        }
        KeyPath here;
        walkUnknown(m_fm.root(), here, named, parents, sep, severity);
    }

    void walkUnknown(const FmNode& map, KeyPath& here, const QSet<QString>& named,
                     const QSet<QString>& parents, QChar sep, Severity severity)
    {
        for (const FmEntry& e : map.entries) {
            here << e.key;
            const QString p = here.join(sep);
            if (named.contains(p)) {
                // described by the schema
            } else if (parents.contains(p) && e.value.isMap()) {
                walkUnknown(e.value, here, named, parents, sep, severity);
            } else {
                add(severity, QStringLiteral("unknown-key"), joinKeyPath(here), e.line, e.column,
                    tr("'%1' is not in the schema '%2'; it is kept as it is")
                        .arg(joinKeyPath(here), m_schema.name()));
            }
            here.removeLast();
        }
    }

    const Schema& m_schema;
    const Document& m_doc;
    const FrontMatter& m_fm;
    QString m_folder; // the article's folder, where image paths start; empty: not checked
    QList<Diagnostic> m_out;
};

} // namespace

QList<Diagnostic> Validator::validate(const Document& doc, const QString& articlePath) const
{
    return Checker(m_schema, doc, articlePath).run();
}

Diagnostic Validator::parseFailure(const Error& error)
{
    return Diagnostic{Severity::Error, QStringLiteral("parse"), QString(), error.line, error.column,
                      error.message};
}

QList<Validator::KeyValue> Validator::uniqueValues(const Document& doc) const
{
    QList<KeyValue> out;
    const FrontMatter& fm = doc.frontMatter();
    for (const QString& key : m_schema.uniqueKeys()) {
        const FmNode* n = fm.find(fm.resolve(key));
        if (n && n->isScalar() && !n->text.trimmed().isEmpty())
            out << KeyValue{key, n->text.trimmed(), n->line, n->column};
    }
    return out;
}

} // namespace frontis
