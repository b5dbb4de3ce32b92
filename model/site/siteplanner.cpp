// Planning a site-wide change: each article is read, edited in memory through Document's
// minimal-diff splices, and verified by a re-parse whose whole tree is compared with the old one
// (only the changed value may differ, and it must hold what was intended). Articles are planned in
// parallel, in batches, so that progress can be reported and planning cancelled between batches.
#include "model/file/atomicwrite.h"
#include "model/file/unifieddiff.h"
#include "model/folder/articlefinder.h"
#include "model/schema/schemalibrary.h"
#include "model/site/sitechange.h"
#include "model/site/tagentries.h"
#include "model/text/articletext.h"
#include "model/yaml/document.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <optional>

namespace frontis {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("SiteChange", text);
}

constexpr int BatchSize = 256;

struct FileOutcome
{
    std::optional<FileChange> change;
    std::optional<PlanProblem> problem;
    bool matched = false;
};

// What the changed value must read back as after the edit.
struct Expectation
{
    enum class Shape { Scalar, List, Absent, Text };
    Shape shape = Shape::Scalar;
    KeyPath key;        // the changed value (for Text: the text field, or empty for the body)
    QStringList texts;  // Scalar: the accepted texts (a typed literal may have two forms);
                        // List: every item's text, in order
    QString bodyOrText; // Text: the stored text
    qsizetype listSizeBefore = -1; // Absent for a list item: the list's size before
};

const SchemaField* fieldFor(const Schema& schema, const KeyPath& key)
{
    return schema.field(joinKeyPath(key));
}

// The texts a value set with `set`'s typing reads back as: VALUE, or a literal of the schema's
// type, or of the current value's type (setLiteral keeps "-1.0" a float: 1 is written "1.0").
QStringList settledTexts(const QString& value, const std::optional<yaml::PlainType>& type,
                         const FmNode* current)
{
    QStringList texts;
    yaml::PlainType literal = yaml::PlainType::String;
    if (type) {
        literal = *type;
    } else {
        texts << value;
        if (current && current->isPlain())
            literal = yaml::agreedType(current->text);
    }
    if (literal == yaml::PlainType::String || literal == yaml::PlainType::Other ||
        literal == yaml::PlainType::Null)
        return texts;
    for (bool floatForm : {false, true}) {
        if (std::optional<QString> t = yaml::typedLiteral(literal, value, floatForm))
            texts << *t;
    }
    return texts;
}

// `set`'s typing: a field the schema types is written as a literal of its type, anything else
// as a string unless the current value is an agreed literal and `value` one of its type.
Status setAsSetDoes(Document& doc, const KeyPath& key, const QString& value,
                    const std::optional<yaml::PlainType>& type)
{
    return type ? doc.setTyped(key, value, *type) : doc.setLiteral(key, value);
}

bool whereHolds(const Document& doc, const Schema& schema, const WhereClause& w)
{
    const KeyPath key = doc.frontMatter().resolve(w.key);
    const FmNode* node = doc.find(key);
    if (!node)
        return false;
    if (node->isNull())
        return w.value.isEmpty();
    if (node->isSequence()) {
        for (const FmNode& item : node->items) {
            if (item.isScalar() && item.text == w.value)
                return true;
        }
        return false;
    }
    if (!node->isScalar())
        return false;
    if (node->text == w.value)
        return true;
    const SchemaField* field = fieldFor(schema, key);
    return field && field->type == FieldType::Tags && !field->separator.isEmpty() &&
           TagEntries(node->text, field->separator).contains(w.value);
}

// Trees equal but for the value at `skip` (checked apart by the expectation). A map that lost its
// only entry may read as null (Document::remove), missing parents of a new key may appear, and a
// sequence that lost the item at `skip` is one shorter.
bool sameExcept(const FmNode& a, const FmNode& b, const KeyPath& skip, qsizetype depth)
{
    const bool onPath = depth < skip.size();
    const bool skipHere = depth + 1 == skip.size();
    if (a.isMap() || (onPath && a.isNull() && b.isMap())) {
        if (!b.isMap() && !b.isNull())
            return false;
        const QString pathKey = onPath ? skip.at(depth) : QString();
        const FmNode* aOn = nullptr;
        const FmNode* bOn = nullptr;
        std::vector<const FmEntry*> ra;
        std::vector<const FmEntry*> rb;
        for (const FmEntry& e : a.entries) {
            if (onPath && e.key == pathKey)
                aOn = &e.value;
            else
                ra.push_back(&e);
        }
        for (const FmEntry& e : b.entries) {
            if (onPath && e.key == pathKey)
                bOn = &e.value;
            else
                rb.push_back(&e);
        }
        if (ra.size() != rb.size())
            return false;
        for (size_t i = 0; i < ra.size(); ++i) {
            if (ra[i]->key != rb[i]->key || !sameExcept(ra[i]->value, rb[i]->value, {}, 0))
                return false;
        }
        if (skipHere || (!aOn && !bOn))
            return true;
        if (aOn && bOn)
            return sameExcept(*aOn, *bOn, skip, depth + 1);
        return bOn != nullptr; // parents created for a new key; a parent never disappears
    }
    if (a.kind != b.kind)
        return false;
    if (a.isSequence()) {
        qsizetype skipIndex = -1;
        if (onPath) {
            bool ok = false;
            skipIndex = skip.at(depth).toInt(&ok);
            if (!ok)
                return false;
        }
        const bool oneShorter = skipHere && b.items.size() + 1 == a.items.size();
        if (!oneShorter && a.items.size() != b.items.size())
            return false;
        qsizetype ib = 0;
        for (qsizetype ia = 0; ia < qsizetype(a.items.size()); ++ia) {
            if (ia == skipIndex && skipHere) {
                if (!oneShorter)
                    ++ib;
                continue;
            }
            const bool inPath = ia == skipIndex;
            if (!sameExcept(a.items[size_t(ia)], b.items[size_t(ib)], inPath ? skip : KeyPath(),
                            inPath ? depth + 1 : 0))
                return false;
            ++ib;
        }
        return true;
    }
    if (onPath)
        return a.isNull() && skipHere; // a null value given a value
    return a.text == b.text && a.isPlain() == b.isPlain();
}

// The re-read article holds the intended value, and every other value as before. `edited` is the
// document after the edits: its tree is a parse of its bytes after every splice (Document::splice
// parses the new bytes), except after its fast path for one-line block scalars; only then, and
// for a new body, are the bytes parsed once more here.
std::optional<Error> verify(const Document& before, const Document& edited, const Expectation& e,
                            const ArticleText& text, bool parseAgain)
{
    std::optional<Result<Document>> parsed;
    if (parseAgain) {
        parsed.emplace(Document::fromBytes(edited.bytes()));
        if (!*parsed)
            return Error{
                tr("the changed article does not read back: %1").arg(parsed->error().message)};
    }
    const Document* re = parsed ? &parsed->value() : &edited;
    const FmNode& oldRoot = before.frontMatter().root();
    const FmNode& newRoot = re->frontMatter().root();
    const bool bodyChange = e.shape == Expectation::Shape::Text && text.isBody();
    if (!sameExcept(oldRoot, newRoot, bodyChange ? KeyPath() : e.key, 0))
        return Error{tr("the changed article reads back with other values changed too")};
    if (!bodyChange && re->body() != before.body())
        return Error{tr("the changed article reads back with another body")};
    const FmNode* node = bodyChange ? nullptr : re->find(e.key);
    switch (e.shape) {
    case Expectation::Shape::Absent: {
        bool gone = !node;
        if (e.listSizeBefore >= 0) { // a list item: the list is one shorter
            const FmNode* list = re->find(e.key.mid(0, e.key.size() - 1));
            gone =
                list && list->isSequence() && qsizetype(list->items.size()) == e.listSizeBefore - 1;
        }
        if (!gone)
            return Error{tr("'%1' is still there").arg(joinKeyPath(e.key))};
        return std::nullopt;
    }
    case Expectation::Shape::Scalar:
        if (!node || !node->isScalar() || !e.texts.contains(node->text))
            return Error{tr("'%1' does not read back as intended").arg(joinKeyPath(e.key))};
        return std::nullopt;
    case Expectation::Shape::List: {
        bool same = node && node->isSequence() && qsizetype(node->items.size()) == e.texts.size();
        for (qsizetype i = 0; same && i < e.texts.size(); ++i)
            same = node->items[size_t(i)].text == e.texts[i];
        if (!same)
            return Error{
                tr("the list '%1' does not read back as intended").arg(joinKeyPath(e.key))};
        return std::nullopt;
    }
    case Expectation::Shape::Text:
        if (text.stored(*re) != e.bodyOrText)
            return Error{tr("the article text does not read back as intended")};
        return std::nullopt;
    }
    return std::nullopt;
}

// The compiled parts of a change, shared by every file.
struct Context
{
    SiteChange change;
    std::optional<TextFinder> finder; // Replace
    SchemaLibrary* library = nullptr;
};

// `text` with every match replaced; `count` gets the number of matches.
QString replaceAll(const TextFinder& finder, const QString& text, const QString& replacement,
                   int* count)
{
    const QList<TextFinder::Replacement> reps = finder.replacements(text, replacement);
    *count = int(reps.size());
    if (reps.isEmpty())
        return text;
    QString out;
    qsizetype at = 0;
    for (const TextFinder::Replacement& r : reps) {
        out += QStringView(text).mid(at, r.match.start - at);
        out += r.text;
        at = r.match.end();
    }
    out += QStringView(text).mid(at);
    return out;
}

// Renames (or merges) the entry in a list; returns the edits made.
Result<int> renameInList(Document& doc, const KeyPath& key, const FmNode& list, const SiteChange& c,
                         Expectation* e)
{
    bool hasNew = false;
    for (const FmNode& item : list.items)
        hasNew = hasNew || (item.isScalar() && item.text == c.to);
    QList<qsizetype> renames;
    QList<qsizetype> removals;
    e->shape = Expectation::Shape::List;
    for (qsizetype i = 0; i < qsizetype(list.items.size()); ++i) {
        const FmNode& item = list.items[size_t(i)];
        const bool hit = item.isScalar() && c.isOldValue(item.text);
        if (!hit) {
            e->texts << item.text;
            continue;
        }
        if (hasNew) {
            removals.prepend(i); // from the end backwards, so that indexes stay valid
        } else {
            renames << i;
            e->texts << c.to;
            hasNew = true; // a second OLD merges into the first one renamed
        }
    }
    for (qsizetype i : renames) {
        if (Status s = doc.setLiteral(key + KeyPath{QString::number(i)}, c.to))
            return *s;
    }
    for (qsizetype i : removals) {
        if (Status s = doc.remove(key + KeyPath{QString::number(i)}))
            return *s;
    }
    return int(renames.size() + removals.size());
}

// Makes the change in `doc`; returns the edits made (0: the article needs no change) and fills
// `e`. An Error is a problem of this file.
Result<int> edit(Document& doc, const Schema& schema, const Context& ctx, bool* matched,
                 Expectation* e)
{
    const SiteChange& c = ctx.change;
    const KeyPath key = c.key.isEmpty() ? KeyPath() : doc.frontMatter().resolve(c.key);
    e->key = key;
    const SchemaField* field = key.isEmpty() ? nullptr : fieldFor(schema, key);
    const std::optional<yaml::PlainType> type = field ? field->literalType() : std::nullopt;
    const FmNode* node = key.isEmpty() ? nullptr : doc.find(key);
    switch (c.kind) {
    case SiteChange::Kind::Set:
    case SiteChange::Kind::Unset: {
        for (const WhereClause& w : c.where) {
            if (!whereHolds(doc, schema, w))
                return 0;
        }
        *matched = true;
        if (c.kind == SiteChange::Kind::Unset) {
            if (!node)
                return 0;
            e->shape = Expectation::Shape::Absent;
            const FmNode* parent = doc.find(key.mid(0, key.size() - 1));
            if (key.size() > 0 && parent && parent->isSequence())
                e->listSizeBefore = qsizetype(parent->items.size());
            if (Status s = doc.remove(key))
                return *s;
            return 1;
        }
        e->texts = settledTexts(c.to, type, node);
        if (Status s = setAsSetDoes(doc, key, c.to, type))
            return *s;
        return doc.isModified() ? 1 : 0;
    }
    case SiteChange::Kind::Rename: {
        if (!node)
            return 0;
        if (node->isSequence()) {
            Result<int> n = renameInList(doc, key, *node, c, e);
            *matched = n && n.value() > 0;
            return n;
        }
        if (!node->isScalar())
            return 0;
        if (field && field->type == FieldType::Tags && !field->separator.isEmpty()) {
            const TagEntries tags(node->text, field->separator);
            const bool hasNew = tags.contains(c.to);
            QString value = node->text;
            int edits = 0;
            // From the last entry backwards, so that earlier entries keep their positions.
            QList<qsizetype> hits;
            for (qsizetype i = 0; i < tags.entries().size(); ++i) {
                if (c.isOldValue(tags.entries().at(i).text))
                    hits << i;
            }
            if (hits.isEmpty())
                return 0;
            *matched = true;
            for (qsizetype h = hits.size() - 1; h >= 0; --h) {
                const TagEntries current(value, field->separator);
                const bool keepThisOne = !hasNew && h == 0;
                value = keepThisOne ? current.renamed(hits[h], c.to) : current.removed(hits[h]);
                ++edits;
            }
            e->texts = {value};
            if (Status s = doc.setString(key, value))
                return *s;
            return edits;
        }
        if (!c.isOldValue(node->text))
            return 0;
        *matched = true;
        e->texts = settledTexts(c.to, type, node);
        if (Status s = setAsSetDoes(doc, key, c.to, type))
            return *s;
        return doc.isModified() ? 1 : 0;
    }
    case SiteChange::Kind::Replace: {
        if (c.inText) {
            const ArticleText text = ArticleText::of(schema);
            e->shape = Expectation::Shape::Text;
            e->key = text.isBody() ? KeyPath() : doc.frontMatter().resolve(text.key());
            const FmNode* textNode = text.isBody() ? nullptr : doc.find(e->key);
            if (!text.isBody() && (!textNode || !textNode->isScalar()))
                return 0;
            int count = 0;
            const QString markdown = text.decode(text.stored(doc));
            const QString replaced = replaceAll(*ctx.finder, markdown, c.to, &count);
            if (count == 0)
                return 0;
            *matched = true;
            e->bodyOrText = text.encode(replaced);
            const Status s =
                text.isBody() ? doc.setBody(e->bodyOrText) : doc.setString(e->key, e->bodyOrText);
            if (s)
                return *s;
            return count;
        }
        if (!node)
            return 0;
        if (node->isSequence()) {
            e->shape = Expectation::Shape::List;
            int total = 0;
            QList<std::pair<qsizetype, QString>> sets;
            for (qsizetype i = 0; i < qsizetype(node->items.size()); ++i) {
                const FmNode& item = node->items[size_t(i)];
                int count = 0;
                const QString t =
                    item.isScalar() ? replaceAll(*ctx.finder, item.text, c.to, &count) : item.text;
                e->texts << t;
                if (count > 0 && t != item.text)
                    sets.append({i, t});
                total += count;
            }
            *matched = total > 0;
            for (const auto& [i, t] : sets) {
                if (Status s = doc.setLiteral(key + KeyPath{QString::number(i)}, t))
                    return *s;
            }
            return total;
        }
        if (!node->isScalar())
            return 0;
        int count = 0;
        const QString t = replaceAll(*ctx.finder, node->text, c.to, &count);
        *matched = count > 0;
        if (count == 0 || t == node->text)
            return count;
        e->texts = settledTexts(t, type, node);
        if (Status s = setAsSetDoes(doc, key, t, type))
            return *s;
        return count;
    }
    case SiteChange::Kind::Undo:
        break;
    }
    return Error{tr("an undo is planned by SiteChangeJournal::planUndo")};
}

FileOutcome planFile(const QString& path, const Context& ctx)
{
    FileOutcome out;
    Result<Document> loaded = Document::load(path);
    if (!loaded) {
        out.problem = PlanProblem{path, loaded.error()};
        return out;
    }
    Document& doc = loaded.value();
    const SchemaLibrary::Choice choice = ctx.library->schemaFor(path, doc.frontMatter());
    Expectation e;
    Result<int> edits = edit(doc, *choice.schema, ctx, &out.matched, &e);
    if (!edits) {
        out.problem = PlanProblem{path, edits.error()};
        return out;
    }
    if (!doc.isModified())
        return out;
    // The tree the re-read one is compared with: the bytes as loaded, parsed again (cheaper than a
    // copy of every article's tree when most of them need no change).
    Result<Document> loadedAgain = Document::fromBytes(doc.savedBytes());
    if (!loadedAgain) {
        out.problem = PlanProblem{path, loadedAgain.error()};
        return out;
    }
    const Document& original = loadedAgain.value();
    // A block scalar may have been rewritten by Document's fast path, and a body is not parsed
    // by setBody: those are parsed again.
    const FmNode* edited = e.key.isEmpty() ? nullptr : original.find(e.key);
    const auto isBlock = [](const FmNode& n) {
        return n.isScalar() && (n.style == ScalarStyle::Literal || n.style == ScalarStyle::Folded);
    };
    bool parseAgain = !edited || isBlock(*edited) || e.shape == Expectation::Shape::Text;
    if (edited && edited->isSequence())
        parseAgain =
            parseAgain || std::any_of(edited->items.cbegin(), edited->items.cend(), isBlock);
    if (std::optional<Error> bad =
            verify(original, doc, e, ArticleText::of(*choice.schema), parseAgain)) {
        out.problem = PlanProblem{path, *bad};
        return out;
    }
    if (Status s = checkWritable(path, WriteAdvice::ChangeOfMany)) {
        out.problem = PlanProblem{path, *s};
        return out;
    }
    FileChange f;
    f.path = path;
    f.before = doc.savedBytes();
    f.after = doc.bytes();
    f.stamp = doc.diskStamp();
    f.diff = unifiedDiff(f.before, f.after, path, path);
    f.edits = std::max(edits.value(), 1);
    out.change = std::move(f);
    return out;
}

} // namespace

Result<ChangePlan> planSiteChange(const QStringList& paths, const SiteChange& change,
                                  SchemaLibrary* library, const SiteProgress& progress)
{
    Context ctx;
    ctx.change = change;
    if (change.kind == SiteChange::Kind::Undo)
        return Error{tr("an undo is planned by SiteChangeJournal::planUndo")};
    if (change.key.isEmpty() && !(change.kind == SiteChange::Kind::Replace && change.inText))
        return Error{tr("no key given")};
    if (change.kind == SiteChange::Kind::Rename && change.oldValues.isEmpty())
        return Error{tr("no value to rename given")};
    if (change.kind == SiteChange::Kind::Replace) {
        Result<TextFinder> finder = TextFinder::compile(change.from, change.find);
        if (!finder)
            return Error{tr("the search term '%1' is not a valid regular expression: %2")
                             .arg(change.from, finder.error().message)};
        if (finder->isEmpty())
            return Error{tr("the search term is empty")};
        ctx.finder = finder.value();
    }
    SchemaLibrary own;
    ctx.library = library ? library : &own;

    ChangePlan plan;
    plan.change = change;
    const ArticleFinder::Result found = ArticleFinder::find(paths);
    for (const ArticleFinder::Problem& p : found.problems)
        plan.problems.append({p.path, Error{p.message}});
    const int total = int(found.files.size());
    for (int from = 0; from < total; from += BatchSize) {
        if (progress && !progress(from, total)) {
            plan.cancelled = true;
            return plan;
        }
        const QStringList batch = found.files.mid(from, BatchSize);
        const QList<FileOutcome> outcomes = QtConcurrent::blockingMapped(
            batch, [&ctx](const QString& path) { return planFile(path, ctx); });
        for (const FileOutcome& o : outcomes) {
            ++plan.examined;
            plan.matched += o.matched ? 1 : 0;
            if (o.problem)
                plan.problems.append(*o.problem);
            if (o.change)
                plan.files.append(*o.change);
        }
    }
    if (progress)
        progress(total, total);
    return plan;
}

} // namespace frontis
