#include "model/schema/schemainfer.h"

#include "model/file/articlefile.h"
#include "model/folder/articlefinder.h"
#include "model/schema/valuetypes.h"
#include "model/yaml/frontmatter.h"
#include "model/yaml/scalaremitter.h"
#include "model/yaml/yamltypes.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <optional>
#include <vector>

namespace frontis {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("SchemaInference", text);
}

// The types a single value satisfies, as the Validator checks them.
enum TypeBit : quint16 {
    Boolean = 1 << 0,
    Integer = 1 << 1,
    Number = 1 << 2,
    Date = 1 << 3,
    Datetime = 1 << 4,
    Image = 1 << 5,
    Url = 1 << 6,
    TagText = 1 << 7, // a comma-separated text that a tags field accepts
    AllTypes = 0xffff,
};

constexpr qsizetype KeptText = 200;       // longer values are never allowed values or unique
constexpr qsizetype TextareaLength = 100; // a longer one-line value gets a text area
constexpr int MaxValues = 20;             // `values:` lists at most this many
constexpr int MaxOrderedKeys = 2000;      // past this, keys are ordered by first appearance

qsizetype charCount(const QString& s)
{
    qsizetype n = 0;
    for (const QChar c : s) {
        if (!c.isLowSurrogate())
            ++n;
    }
    return n;
}

// Mirrors the Validator's tags check: entries, trimmed, none empty and none twice (ignoring case).
bool cleanTags(const QStringList& entries)
{
    QSet<QString> seen;
    for (const QString& e : entries) {
        if (e.isEmpty())
            return false;
        const QString folded = e.toCaseFolded();
        if (seen.contains(folded))
            return false;
        seen.insert(folded);
    }
    return true;
}

quint16 scalarTypes(const FmNode& n)
{
    quint16 mask = 0;
    const QString& t = n.text;
    if (n.isPlain()) {
        switch (n.plainType()) {
        case yaml::PlainType::Int:
            mask |= Integer | Number;
            break;
        case yaml::PlainType::Float:
            mask |= Number;
            break;
        case yaml::PlainType::Bool:
            mask |= Boolean;
            break;
        default:
            break;
        }
    }
    if (valuetypes::isIsoDate(t))
        mask |= Date;
    if (valuetypes::isDatetime(t))
        mask |= Datetime;
    if (valuetypes::isImagePath(t))
        mask |= Image;
    if (valuetypes::isUrl(t))
        mask |= Url;
    QStringList entries;
    for (const QString& e : t.split(QLatin1Char(',')))
        entries << e.trimmed();
    if (cleanTags(entries))
        mask |= TagText;
    return mask;
}

struct MapSeen;

// One value of one key in one article (or list item), reduced to what inference needs.
struct ValueSeen
{
    enum class Shape : quint8 { Empty, Scalar, ScalarList, MapList, MixedList };
    Shape shape = Shape::Empty;
    ScalarStyle style = ScalarStyle::Plain;
    quint16 types = 0;      // Scalar: its types; ScalarList: those all its (non-empty) items have
    bool cleanTags = false; // ScalarList: a tags field accepts it
    bool multiline = false;
    bool escapedNewlines = false; // holds the two characters backslash and n
    qsizetype length = 0;
    QString text;              // Scalar: as YAML reads it, when at most KeptText long
    QStringList entries;       // ScalarList: the trimmed items, each when at most KeptText long
    bool longEntries = false;  // ScalarList: some item is longer (and left out of `entries`)
    std::vector<MapSeen> maps; // MapList: each item
};

struct LeafSeen
{
    QString key; // dotted below the map the leaf is in
    ValueSeen value;
};

// A mapping with its nested mappings flattened into dotted keys, in source order.
struct MapSeen
{
    std::vector<LeafSeen> leaves;
    QStringList parents; // keys that hold a non-empty mapping here
};

struct ArticleSeen
{
    QString path;
    std::optional<Error> error;
    MapSeen root;
    bool emptyBody = true;
};

void flatten(const FmNode& map, const QString& prefix, MapSeen& out, QSet<QString>& seen);

ValueSeen observe(const FmNode& n)
{
    ValueSeen v;
    if (n.isScalar() && !n.text.trimmed().isEmpty()) {
        v.shape = ValueSeen::Shape::Scalar;
        v.style = n.style;
        v.types = scalarTypes(n);
        v.multiline = n.text.contains(QLatin1Char('\n'));
        v.escapedNewlines = n.text.contains(QLatin1String("\\n"));
        v.length = charCount(n.text);
        if (v.length <= KeptText)
            v.text = n.text;
    } else if (n.isSequence() && !n.items.empty()) {
        const bool scalars = std::all_of(n.items.begin(), n.items.end(), [](const FmNode& i) {
            return i.isScalar() || i.isNull();
        });
        const bool maps =
            std::all_of(n.items.begin(), n.items.end(), [](const FmNode& i) { return i.isMap(); });
        if (scalars) {
            v.shape = ValueSeen::Shape::ScalarList;
            v.types = AllTypes;
            QStringList entries;
            for (const FmNode& i : n.items) {
                entries << i.text.trimmed();
                if (!entries.constLast().isEmpty())
                    v.types &= scalarTypes(i);
                if (entries.constLast().size() <= KeptText)
                    v.entries << entries.constLast();
                else
                    v.longEntries = true;
            }
            v.cleanTags = cleanTags(entries);
        } else if (maps) {
            v.shape = ValueSeen::Shape::MapList;
            for (const FmNode& i : n.items) {
                MapSeen item;
                QSet<QString> seen;
                flatten(i, QString(), item, seen);
                v.maps.push_back(std::move(item));
            }
        } else {
            v.shape = ValueSeen::Shape::MixedList;
        }
    }
    return v;
}

void flatten(const FmNode& map, const QString& prefix, MapSeen& out, QSet<QString>& seen)
{
    for (const FmEntry& e : map.entries) {
        const QString key = prefix.isEmpty() ? e.key : prefix + QLatin1Char('.') + e.key;
        if (seen.contains(key))
            continue; // a duplicate key: YAML readers keep one of them
        seen.insert(key);
        if (e.value.isMap() && !e.value.entries.empty()) {
            out.parents << key;
            flatten(e.value, key, out, seen);
        } else {
            out.leaves.push_back(LeafSeen{key, observe(e.value)});
        }
    }
}

ArticleSeen readArticle(const QString& path)
{
    ArticleSeen a;
    a.path = path;
    Result<FileContents> read = ArticleFile::read(path);
    if (!read) {
        a.error = read.error();
        return a;
    }
    Result<ArticleFile> file = ArticleFile::fromBytes(std::move(read->bytes));
    if (!file) {
        a.error = file.error();
        return a;
    }
    Result<FrontMatter> fm = FrontMatter::parse(file.value());
    if (!fm) {
        a.error = fm.error();
        return a;
    }
    QSet<QString> seen;
    flatten(fm->root(), QString(), a.root, seen);
    // QuickTakes writes `&nbsp;` as the body: the text is in a front-matter field then.
    QByteArray body = file->bodyBytes();
    body.replace("&nbsp;", "");
    a.emptyBody = body.simplified().size() < 20;
    return a;
}

// What the maps given hold under one key.
struct KeyStats
{
    QString key;
    int present = 0;  // maps that have the key
    int nonEmpty = 0; // ... with a value that is not empty
    int parentIn = 0; // maps where it holds a mapping (its keys are fields of their own)
    int scalars = 0, scalarLists = 0, mapLists = 0, mixedLists = 0;
    quint16 scalarTypes = AllTypes;
    quint16 itemTypes = AllTypes;
    bool cleanTags = true;
    std::optional<ScalarStyle> style;
    bool styles = false; // more than one style
    bool multiline = false;
    bool escapedNewlines = false;
    qsizetype maxLength = 0;
    qint64 totalLength = 0;
    QHash<QString, int> values; // scalar texts, or list entries
    int valueCount = 0;
    bool tooManyValues = false;
    bool repeats = false; // some trimmed scalar value is held twice
    bool wordLike = true; // every value is one word (no white space) of at most KeptText
    QSet<QString> held;   // the trimmed values seen, for `repeats`
    std::vector<const MapSeen*> items; // the items of lists of mappings
};

void countValue(KeyStats& s, const QString& text)
{
    if (s.tooManyValues)
        return;
    ++s.values[text];
    ++s.valueCount;
    if (s.values.size() > MaxValues) {
        s.tooManyValues = true;
        s.values.clear();
    }
}

void add(KeyStats& s, const ValueSeen& v)
{
    ++s.present;
    if (v.shape == ValueSeen::Shape::Empty)
        return;
    ++s.nonEmpty;
    switch (v.shape) {
    case ValueSeen::Shape::Empty:
        break;
    case ValueSeen::Shape::Scalar: {
        ++s.scalars;
        s.scalarTypes &= v.types;
        s.cleanTags = s.cleanTags && (v.types & TagText);
        if (s.style && *s.style != v.style)
            s.styles = true;
        s.style = v.style;
        s.multiline = s.multiline || v.multiline;
        s.escapedNewlines = s.escapedNewlines || v.escapedNewlines;
        s.maxLength = std::max(s.maxLength, v.length);
        s.totalLength += v.length;
        if (v.length > KeptText) {
            s.tooManyValues = true;
            s.wordLike = false;
            break;
        }
        countValue(s, v.text);
        const QString trimmed = v.text.trimmed();
        s.wordLike = s.wordLike && std::none_of(trimmed.cbegin(), trimmed.cend(),
                                                [](QChar c) { return c.isSpace(); });
        if (!s.repeats) {
            if (s.held.contains(trimmed))
                s.repeats = true;
            s.held.insert(trimmed);
        }
        break;
    }
    case ValueSeen::Shape::ScalarList:
        ++s.scalarLists;
        s.itemTypes &= v.types;
        s.cleanTags = s.cleanTags && v.cleanTags;
        for (const QString& e : v.entries)
            countValue(s, e);
        if (v.longEntries) {
            s.tooManyValues = true;
            s.values.clear();
        }
        break;
    case ValueSeen::Shape::MapList:
        ++s.mapLists;
        for (const MapSeen& m : v.maps)
            s.items.push_back(&m);
        break;
    case ValueSeen::Shape::MixedList:
        ++s.mixedLists;
        break;
    }
}

// One field of the schema being written, or a key left out with the reason.
struct FieldOut
{
    QString key;
    int present = 0;
    QString type;
    bool required = false;
    QString itemType;
    std::vector<FieldOut> itemFields;
    int items = 0; // list of mappings: how many items
    QStringList values;
    std::optional<ScalarStyle> style;
    QString encoding;
    QString leftOut; // why the key is not described
    bool unique = false;
    qint64 totalLength = 0;
    bool escapedNewlines = false; // every value on one line, some with `\n` escapes
};

QString narrowest(quint16 types, bool longText)
{
    if (types & Boolean)
        return QStringLiteral("boolean");
    if (types & Integer)
        return QStringLiteral("integer");
    if (types & Number)
        return QStringLiteral("number");
    if (types & Date)
        return QStringLiteral("date");
    if (types & Datetime)
        return QStringLiteral("datetime");
    if (types & Image)
        return QStringLiteral("image");
    if (types & Url)
        return QStringLiteral("url");
    return longText ? QStringLiteral("textarea") : QStringLiteral("text");
}

QStringList valuesByUse(const QHash<QString, int>& values)
{
    QList<std::pair<QString, int>> all;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        all.append({it.key(), it.value()});
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    QStringList out;
    for (const auto& v : all)
        out << v.first;
    return out;
}

// Few distinct values, each used several times on average: the site picks from a list.
bool fewValues(const KeyStats& s)
{
    const qsizetype distinct = s.values.size();
    return !s.tooManyValues && s.valueCount >= 5 && distinct >= 1 &&
           distinct <= std::min<qsizetype>(MaxValues, std::max(1, s.valueCount / 4));
}

std::vector<FieldOut> inferFields(const std::vector<const MapSeen*>& maps, bool topLevel,
                                  const SchemaInference::Options& options);

FieldOut decide(KeyStats& s, int total, bool topLevel, const SchemaInference::Options& options)
{
    FieldOut f;
    f.key = s.key;
    f.present = s.present;
    f.required = s.nonEmpty == total;
    f.totalLength = s.totalLength;
    f.escapedNewlines = !s.multiline && s.escapedNewlines;
    auto leaveOut = [&](const QString& why) {
        f.leftOut = why;
        return f;
    };
    const int lists = s.scalarLists + s.mapLists + s.mixedLists;
    if (s.parentIn > 0 && s.nonEmpty > 0)
        return leaveOut(tr("a mapping in %1, another value in %2").arg(s.parentIn).arg(s.nonEmpty));
    if (s.nonEmpty == 0) {
        f.type = QStringLiteral("text");
        return f;
    }
    if (lists == 0) {
        f.type = narrowest(s.scalarTypes, s.multiline || s.maxLength > TextareaLength);
        if (f.type == QLatin1String("text") && fewValues(s)) {
            f.type = QStringLiteral("select");
            f.values = valuesByUse(s.values);
        }
        if (s.style && !s.styles && *s.style != ScalarStyle::Plain)
            f.style = s.style;
        // Identifiers: ids, slugs, paths, URLs. Titles and dates that happen to differ are not.
        const bool identifier = f.type == QLatin1String("integer") ||
                                f.type == QLatin1String("url") ||
                                (f.type == QLatin1String("text") && s.wordLike);
        f.unique = topLevel && identifier && !s.repeats && s.nonEmpty >= options.minUniqueArticles;
        return f;
    }
    if (s.mapLists == 0 && s.mixedLists == 0) {
        if (s.cleanTags) {
            f.type = QStringLiteral("tags");
            if (s.scalars == 0 && fewValues(s))
                f.values = valuesByUse(s.values);
            return f;
        }
        if (s.scalars > 0)
            return leaveOut(
                tr("a list in %1, a single value in %2").arg(s.scalarLists).arg(s.scalars));
        f.type = QStringLiteral("list");
        // Lists whose items are all empty say nothing about the items' type.
        f.itemType =
            s.itemTypes == AllTypes ? QStringLiteral("text") : narrowest(s.itemTypes, false);
        return f;
    }
    if (s.scalars > 0)
        return leaveOut(tr("a list in %1, a single value in %2").arg(lists).arg(s.scalars));
    f.type = QStringLiteral("list");
    if (s.mapLists == lists) {
        f.items = int(s.items.size());
        f.itemFields = inferFields(s.items, false, options);
    }
    return f;
}

// The keys in the order most maps write them: each pair is ordered as most maps that hold both
// order it, and the key that the fewest remaining keys precede comes next (ties: the first seen).
std::vector<int> orderKeys(const std::vector<const MapSeen*>& maps, const QHash<QString, int>& ids,
                           int count)
{
    std::vector<int> order(size_t(count), 0);
    for (int i = 0; i < count; ++i)
        order[size_t(i)] = i;
    if (count > MaxOrderedKeys)
        return order;
    std::vector<int> before(size_t(count) * size_t(count), 0); // [a * count + b]: a before b
    std::vector<int> keys;
    for (const MapSeen* m : maps) {
        keys.clear();
        for (const LeafSeen& l : m->leaves)
            keys.push_back(ids.value(l.key));
        for (size_t i = 0; i < keys.size(); ++i) {
            for (size_t j = i + 1; j < keys.size(); ++j)
                ++before[size_t(keys[i]) * size_t(count) + size_t(keys[j])];
        }
    }
    auto beats = [&](int a, int b) {
        return before[size_t(a) * size_t(count) + size_t(b)] >
               before[size_t(b) * size_t(count) + size_t(a)];
    };
    std::vector<int> beatenBy(size_t(count), 0);
    for (int a = 0; a < count; ++a) {
        for (int b = 0; b < count; ++b) {
            if (a != b && beats(b, a))
                ++beatenBy[size_t(a)];
        }
    }
    std::vector<bool> done(size_t(count), false);
    order.clear();
    for (int step = 0; step < count; ++step) {
        int next = -1;
        for (int k = 0; k < count; ++k) {
            if (!done[size_t(k)] && (next < 0 || beatenBy[size_t(k)] < beatenBy[size_t(next)]))
                next = k;
        }
        done[size_t(next)] = true;
        order.push_back(next);
        for (int k = 0; k < count; ++k) {
            if (!done[size_t(k)] && beats(next, k))
                --beatenBy[size_t(k)];
        }
    }
    return order;
}

std::vector<FieldOut> inferFields(const std::vector<const MapSeen*>& maps, bool topLevel,
                                  const SchemaInference::Options& options)
{
    QHash<QString, int> ids;
    std::vector<KeyStats> stats;
    auto idOf = [&](const QString& key) {
        auto it = ids.constFind(key);
        if (it != ids.cend())
            return *it;
        const int id = int(stats.size());
        ids.insert(key, id);
        stats.push_back(KeyStats{});
        stats.back().key = key;
        return id;
    };
    for (const MapSeen* m : maps) {
        for (const LeafSeen& l : m->leaves)
            add(stats[size_t(idOf(l.key))], l.value);
    }
    // A key that holds a mapping somewhere is a field only where it also holds a value.
    for (const MapSeen* m : maps) {
        for (const QString& p : m->parents) {
            if (auto it = ids.constFind(p); it != ids.cend())
                ++stats[size_t(*it)].parentIn;
        }
    }
    std::vector<FieldOut> out;
    const int total = int(maps.size());
    for (int id : orderKeys(maps, ids, int(stats.size()))) {
        KeyStats& s = stats[size_t(id)];
        if (s.parentIn > 0 && s.nonEmpty == 0)
            continue; // `seo:` left empty where other articles fill it: its keys are the fields
        out.push_back(decide(s, total, topLevel, options));
    }
    return out;
}

QByteArray scalar(const QString& value, bool flow = false, int indent = 0)
{
    ScalarSlot slot;
    slot.flow = flow;
    slot.parentIndent = indent;
    return emitString(value, ScalarStyle::Plain, slot).text;
}

QByteArray styleName(ScalarStyle s)
{
    switch (s) {
    case ScalarStyle::Plain:
        return "plain";
    case ScalarStyle::SingleQuoted:
        return "single";
    case ScalarStyle::DoubleQuoted:
        return "double";
    case ScalarStyle::Literal:
        return "literal";
    case ScalarStyle::Folded:
        return "folded";
    }
    return "plain";
}

QByteArray flowList(const QStringList& values)
{
    QByteArray out = "[";
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            out += ", ";
        out += scalar(values[i], true);
    }
    return out + "]";
}

void writeFields(QByteArray& out, const std::vector<FieldOut>& fields, int total,
                 const QString& unit, int indent)
{
    const QByteArray pad(indent, ' ');
    bool first = true;
    for (const FieldOut& f : fields) {
        if (!first)
            out += "\n";
        first = false;
        const QByteArray counted = QByteArray::number(f.present) + " of " +
                                   QByteArray::number(total) + ' ' + unit.toUtf8();
        if (!f.leftOut.isEmpty()) {
            out += pad + "# " + f.key.toUtf8() + ": left out, " + counted + " (" +
                   f.leftOut.toUtf8() + ")\n";
            continue;
        }
        out += pad + "# " + counted + "\n";
        out += pad + "- key: " + scalar(f.key, false, indent + 2) + "\n";
        const QByteArray in = pad + "  ";
        out += in + "type: " + f.type.toUtf8() + "\n";
        if (f.required)
            out += in + "required: true\n";
        if (f.style)
            out += in + "style: " + styleName(*f.style) + "\n";
        if (!f.encoding.isEmpty())
            out += in + "encoding: " + f.encoding.toUtf8() + "\n";
        if (!f.values.isEmpty()) {
            out += in + "values: " + flowList(f.values) + "\n";
            out += in + "severity: {values: info} # a new value is allowed; it is pointed out\n";
        }
        if (!f.itemType.isEmpty())
            out += in + "item: " + f.itemType.toUtf8() + "\n";
        if (!f.itemFields.empty()) {
            out += in + "item:\n" + in + "  fields:\n";
            writeFields(out, f.itemFields, f.items, tr("items"), indent + 6);
        }
    }
}

} // namespace

SchemaInference::Result SchemaInference::fromFolder(const QString& folder)
{
    return fromPaths({folder}, Options());
}

SchemaInference::Result SchemaInference::fromPaths(const QStringList& paths)
{
    return fromPaths(paths, Options());
}

SchemaInference::Result SchemaInference::fromFolder(const QString& folder, const Options& options)
{
    return fromPaths({folder}, options);
}

SchemaInference::Result SchemaInference::fromPaths(const QStringList& paths, const Options& options)
{
    Result result;
    ArticleFinder::Result found = ArticleFinder::find(paths);
    for (const ArticleFinder::Problem& p : found.problems)
        result.problems << Problem{p.path, Error{p.message}};
    result.ioProblems = !found.problems.isEmpty();
    // Sorted, so that the order of the walk (which the file system decides) changes nothing.
    QStringList files = found.files;
    files.sort();
    const QList<ArticleSeen> seen = QtConcurrent::blockingMapped(files, readArticle);

    std::vector<const MapSeen*> roots;
    bool emptyBodies = true;
    for (const ArticleSeen& a : seen) {
        if (a.error) {
            result.problems << Problem{a.path, *a.error};
            continue;
        }
        roots.push_back(&a.root);
        emptyBodies = emptyBodies && a.emptyBody;
    }
    std::sort(result.problems.begin(), result.problems.end(),
              [](const Problem& a, const Problem& b) { return a.path < b.path; });
    result.articles = int(roots.size());
    if (roots.empty())
        return result;

    std::vector<FieldOut> fields = inferFields(roots, true, options);
    // The article's text: the body, unless every body is empty and one long text field that
    // every article has holds it (QuickTakes' `answer`).
    FieldOut* markdown = nullptr;
    if (emptyBodies) {
        for (FieldOut& f : fields) {
            const bool text =
                f.type == QLatin1String("text") || f.type == QLatin1String("textarea");
            if (text && f.required && f.totalLength >= 200 * qint64(roots.size()) &&
                (!markdown || f.totalLength > markdown->totalLength))
                markdown = &f;
        }
    }
    if (markdown) {
        markdown->type = QStringLiteral("markdown");
        markdown->unique = false;
        if (markdown->escapedNewlines)
            markdown->encoding = QStringLiteral("escaped-newlines");
    }

    QString label = options.label;
    if (label.isEmpty() && !paths.isEmpty())
        label = QFileInfo(QDir::cleanPath(QFileInfo(paths.first()).absoluteFilePath())).fileName();
    QByteArray out;
    out += "# " +
           (result.articles == 1
                ? tr("Inferred by `frontis schema infer` from 1 article.")
                : tr("Inferred by `frontis schema infer` from %1 articles.").arg(result.articles))
               .toUtf8() +
           "\n";
    out += "# " +
           tr("Saved as .frontis/schemas/default.yml in the content folder, it applies to every")
               .toUtf8() +
           "\n# " +
           tr("article without `_schema` (and to those that say `_schema: default`).").toUtf8() +
           "\n";
    out += "name: " + scalar(options.name) + "\n";
    if (!label.isEmpty())
        out += "label: " + scalar(label) + "\n";
    out += "unknown_keys: info\n";
    out += "text: " + (markdown ? scalar(markdown->key) : QByteArray("body")) + "\n";
    QStringList unique;
    for (const FieldOut& f : fields) {
        if (f.unique && f.leftOut.isEmpty())
            unique << f.key;
    }
    if (!unique.isEmpty())
        out += "unique: " + flowList(unique) + "\n";
    out += "\nfields:\n";
    writeFields(out, fields, result.articles, tr("articles"), 2);
    result.yaml = out;
    return result;
}

QString SchemaInference::defaultSchemaPath(const QString& folder)
{
    return QDir(folder).filePath(QStringLiteral(".frontis/schemas/default.yml"));
}

} // namespace frontis
