#include "model/yaml/document.h"

#include "model/file/atomicwrite.h"
#include "model/format/frontmatterformat.h"
#include "model/yaml/document_p.h"
#include "model/yaml/scalaremitter.h"
#include "model/yaml/yamltypes.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

namespace frontis {

namespace {

using documentdetail::quoted;
using documentdetail::tr;

// The type every reader gives a plain scalar: its format's, or what YAML 1.1 and 1.2 agree on.
yaml::PlainType agreedTypeOf(const FmNode& node)
{
    return node.type ? *node.type : yaml::agreedType(node.text);
}

bool targetHolds(const FmNode& got, const EditTarget& t)
{
    if (!got.isScalar() || got.text != t.text)
        return false;
    return t.mustBeString ? got.isString() : got.isPlain();
}

// Compares two trees by value (not by position). `target`, when given, is checked with targetHolds.
bool sameValues(const FmNode& want, const FmNode& got, KeyPath& here, const EditTarget* target)
{
    if (target && here == target->path)
        return targetHolds(got, *target);
    if (want.kind != got.kind)
        return false;
    switch (want.kind) {
    case FmNode::Kind::Null:
        return true;
    case FmNode::Kind::Scalar:
        return want.text == got.text && want.isPlain() == got.isPlain();
    case FmNode::Kind::Sequence:
        if (want.items.size() != got.items.size())
            return false;
        for (size_t i = 0; i < want.items.size(); ++i) {
            here << QString::number(i);
            const bool same = sameValues(want.items[i], got.items[i], here, target);
            here.removeLast();
            if (!same)
                return false;
        }
        return true;
    case FmNode::Kind::Map: {
        if (want.entries.size() != got.entries.size())
            return false;
        QHash<QString, const FmNode*> byKey;
        byKey.reserve(qsizetype(got.entries.size()));
        for (const FmEntry& e : got.entries)
            byKey.insert(e.key, &e.value);
        for (const FmEntry& e : want.entries) {
            const FmNode* other = byKey.value(e.key);
            if (!other)
                return false;
            here << e.key;
            const bool same = sameValues(e.value, *other, here, target);
            here.removeLast();
            if (!same)
                return false;
        }
        return true;
    }
    }
    return false;
}

// The expected tree after setting `path`: missing maps along it are created.
void insertPath(FmNode& root, const KeyPath& path)
{
    FmNode* node = &root;
    for (const QString& segment : path) {
        if (node->isNull())
            node->kind = FmNode::Kind::Map;
        if (node->isSequence()) {
            node = &node->items[size_t(segment.toInt())];
            continue;
        }
        FmNode* next = nullptr;
        for (FmEntry& e : node->entries) {
            if (e.key == segment)
                next = &e.value;
        }
        if (!next) {
            FmEntry& e = node->entries.emplace_back();
            e.key = segment;
            next = &e.value;
        }
        node = next;
    }
    node->kind = FmNode::Kind::Scalar;
}

// "\r\n" read as "\n"; any other byte as it is.
QByteArray withLf(QByteArray text)
{
    if (text.contains('\r'))
        text.replace("\r\n", "\n");
    return text;
}

// The line break most of the body's lines end with; `fallback` when there are as many of each.
QByteArray bodyNewline(QByteArrayView body, const QByteArray& fallback)
{
    qsizetype crlf = 0;
    qsizetype lf = 0;
    for (qsizetype i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1))
        (i > 0 && body[i - 1] == '\r' ? crlf : lf)++;
    if (crlf == lf)
        return fallback;
    return crlf > lf ? QByteArrayLiteral("\r\n") : QByteArrayLiteral("\n");
}

// The bytes of a body that reads as `text` (LF line breaks), keeping the bytes of `old` before
// the first and after the last difference: only the lines in between take `newline`, so a body
// with mixed line endings keeps those of the lines that were not edited.
QByteArray rewrittenBody(QByteArrayView old, QByteArrayView text, const QByteArray& newline)
{
    // Common start: a CRLF of `old` matches an LF of `text`.
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < old.size() && j < text.size()) {
        if (old[i] == text[j]) {
            ++i;
            ++j;
        } else if (old[i] == '\r' && i + 1 < old.size() && old[i + 1] == '\n' && text[j] == '\n') {
            i += 2;
            ++j;
        } else {
            break;
        }
    }
    // Common end, not overlapping the start.
    qsizetype oi = old.size();
    qsizetype tj = text.size();
    while (oi > i && tj > j) {
        if (text[tj - 1] == '\n' && old[oi - 1] == '\n' && oi - 2 >= i && old[oi - 2] == '\r') {
            oi -= 2;
            --tj;
        } else if (old[oi - 1] == text[tj - 1]) {
            --oi;
            --tj;
        } else {
            break;
        }
    }
    QByteArray middle = text.sliced(j, tj - j).toByteArray();
    if (newline != "\n")
        middle.replace('\n', newline);
    QByteArray out;
    out.reserve(i + middle.size() + (old.size() - oi));
    out.append(old.first(i));
    out.append(middle);
    out.append(old.sliced(oi));
    return out;
}

// One spelling per file, to compare paths (links are not resolved: the file may be gone).
QString absolutePath(const QString& path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

} // namespace

Document::Document(ArticleFile file, FrontMatter fm)
    : m_file(std::move(file)), m_fm(std::move(fm)), m_saved(m_file.bytes())
{}

Result<Document> Document::fromBytes(const QByteArray& bytes)
{
    Result<ArticleFile> file = ArticleFile::fromBytes(bytes);
    if (!file)
        return file.error();
    Result<FrontMatter> fm = FrontMatter::parse(file.value());
    if (!fm)
        return fm.error();
    return Document(std::move(file.value()), std::move(fm.value()));
}

Result<Document> Document::load(const QString& path)
{
    const Result<FileContents> read = ArticleFile::read(path);
    if (!read)
        return read.error();
    Result<Document> doc = fromBytes(read->bytes);
    if (doc) {
        doc->m_disk = FileStamp::of(read->bytes, read->modified);
        doc->m_diskPath = absolutePath(path);
    }
    return doc;
}

Status Document::setString(const KeyPath& path, const QString& value, const InsertHint& hint)
{
    if (path.isEmpty())
        return Error{tr("no key given")};
    const FmNode* node = m_fm.find(path);
    if (!node)
        return addKey(path, value, hint);
    if (alreadyHolds(*node, value, false))
        return {}; // nothing to write: a multi-line value keeps its lines
    if (rewriteOneLineBlock(path, *node, value))
        return {};
    if (Status s = checkSettable(path, *node))
        return s;
    const Result<QByteArray> text =
        FrontMatterFormat::of(m_file).scalarText(m_file, path, *node, value, false);
    if (!text)
        return text.error();
    return splice(node->span.begin, node->span.end, text.value(), EditTarget{path, value, true});
}

bool Document::rewriteOneLineBlock(const KeyPath& path, const FmNode& node, const QString& value)
{
    // The value is the one content line of a "|-" or ">-" block scalar, and stays one: emitString
    // would write the same bytes (the style kept, one line at the same indent, no indicator), and
    // re-reading them gives `value` and leaves every other value alone, since only that line's
    // content changes and a block scalar's extent depends on indentation alone. What is checked
    // here is that the bytes really have that form, which costs a pass over the line instead of a
    // parse of the whole front matter (17 ms for a 64 KB answer, 0.2 s for 1 MB).
    if (!node.isScalar() || !node.editable || node.flow || !node.span.isValid() ||
        (node.style != ScalarStyle::Folded && node.style != ScalarStyle::Literal))
        return false;
    const QByteArray& b = m_file.bytes();
    const qsizetype begin = node.span.begin;
    qsizetype line = begin + 2; // after the header
    if (node.span.size() < 4 || (b[begin] != '>' && b[begin] != '|') || b[begin + 1] != '-')
        return false;
    if (b[line] == '\r')
        ++line;
    if (line >= node.span.end || b[line] != '\n')
        return false;
    ++line;
    qsizetype content = line;
    while (content < node.span.end && b[content] == ' ')
        ++content;
    const qsizetype end = node.span.end;
    // More indented than the key, and the span ends where the line does.
    if (content - line <= node.indent || content >= end ||
        (end < b.size() && b[end] != '\n' && b[end] != '\r'))
        return false;
    const QByteArrayView current(b.constData() + content, end - content);
    // The line must hold the value as the parse read it. A line this function wrote last is known
    // to (a pass over a long answer saved at every commit of the typing).
    const bool known = m_oneLineBlock.begin == content && m_oneLineBlock.end == end;
    if (!known && (current.contains('\n') ||
                   QAnyStringView(QUtf8StringView(current)) != QAnyStringView(node.text)))
        return false;
    if (known ? !fitsOneBlockLine(value, node.text) : !fitsOneBlockLine(value))
        return false;
    const QByteArray text = value.toUtf8();
    ArticleFile file = m_file;
    if (!file.replaceWithinLine(content, end, text))
        return false;
    FrontMatter fm = m_fm;
    if (!fm.scalarRewrittenInLine(path, value, end, text.size() - current.size()))
        return false;
    m_file = std::move(file);
    m_fm = std::move(fm);
    m_oneLineBlock = {content, content + text.size()};
    return true;
}

bool Document::alreadyHolds(const FmNode& node, const QString& value, bool typed)
{
    if (!node.isScalar() || node.text != value)
        return false;
    return typed ? node.isPlain() : node.isString();
}

Status Document::setLiteral(const KeyPath& path, const QString& literal, const InsertHint& hint)
{
    const FmNode* node = m_fm.find(path);
    // A value its format typed (TOML, JSON) that already reads as `literal` ("inf", "1e3"): kept.
    if (node && node->type && node->isPlain() && node->text == literal)
        return {};
    if (node && node->isPlain() && node->editable && !node->flow) {
        using yaml::PlainType;
        const PlainType current = agreedTypeOf(*node);
        const QString written = literal.trimmed();
        const bool typed = current == PlainType::Int || current == PlainType::Float ||
                           current == PlainType::Bool || current == PlainType::Timestamp;
        const bool fits =
            typed &&
            (yaml::isValidLiteral(current, written) ||
             (current == PlainType::Float && yaml::isValidLiteral(PlainType::Int, written)));
        if (fits)
            return setTyped(path, written, current, hint);
    }
    return setString(path, literal, hint);
}

Status Document::setTyped(const KeyPath& path, const QString& value, yaml::PlainType type,
                          const InsertHint& hint, bool orString)
{
    using yaml::PlainType;
    if (path.isEmpty())
        return Error{tr("no key given")};
    const FmNode* node = m_fm.find(path);
    // A field written as a float stays a float: 1 is written "1.0".
    const bool floatForm = node && node->isPlain() && type == PlainType::Float &&
                           agreedTypeOf(*node) == PlainType::Float;
    const std::optional<QString> literal = yaml::typedLiteral(type, value, floatForm);
    if (!literal) {
        if (orString)
            return setString(path, value, hint);
        const QString what = type == PlainType::Int     ? tr("an integer")
                             : type == PlainType::Float ? tr("a number")
                             : type == PlainType::Bool  ? tr("true or false")
                                                        : tr("a date written YYYY-MM-DD");
        return Error{tr("%1 must be %2, and '%3' is not one that YAML 1.1 and 1.2 readers both "
                        "read as such")
                         .arg(quoted(path), what, value),
                     node ? node->line : 0, node ? node->column : 0};
    }
    // A format without dates (JSON) writes them as strings.
    if (type == PlainType::Timestamp && !FrontMatterFormat::of(m_file).hasDates())
        return setString(path, *literal, hint);
    if (!node)
        return addKey(path, *literal, hint, true);
    if (type == PlainType::Timestamp && node->isScalar() && !node->isPlain())
        return setString(path, *literal, hint);
    if (alreadyHolds(*node, *literal, true))
        return {};
    if (Status s = checkSettable(path, *node))
        return s;
    const Result<QByteArray> text =
        FrontMatterFormat::of(m_file).scalarText(m_file, path, *node, *literal, true);
    if (!text)
        return text.error();
    return splice(node->span.begin, node->span.end, text.value(),
                  EditTarget{path, *literal, false});
}

Status Document::checkSettable(const KeyPath& path, const FmNode& node) const
{
    if (node.isMap() || node.isSequence()) {
        return Error{tr("%1 holds a %2; only single values can be set")
                         .arg(quoted(path), node.isMap() ? tr("mapping") : tr("list")),
                     node.line, node.column};
    }
    if (!node.editable) {
        return Error{tr("%1 cannot be edited: it uses YAML that Frontis cannot safely rewrite "
                        "(an anchor, alias, tag or unusual layout)")
                         .arg(quoted(path)),
                     node.line, node.column};
    }
    if (node.isScalar() && !FrontMatter::spanReadsBack(m_file, node)) {
        return Error{tr("%1 cannot be edited: Frontis could not map where its value is written")
                         .arg(quoted(path)),
                     node.line, node.column};
    }
    return {};
}

Result<KeyPlace> Document::placeNewKey(const KeyPath& path, const InsertHint& hint) const
{
    return yaml::placeNewKey(m_file, m_fm.root(), path, hint);
}

QByteArray Document::newKeyLines(const KeyPlace& place, const KeyPath& path)
{
    return yaml::newKeyLines(place, path);
}

QByteArray Document::withFences(const QByteArray& text) const
{
    return yaml::withFences(m_file, text);
}

Status Document::addKey(const KeyPath& path, const QString& value, const InsertHint& hint,
                        bool literal)
{
    const Result<Splice> s =
        FrontMatterFormat::of(m_file).newKey(m_file, m_fm.root(), path, value, literal, hint);
    if (!s)
        return s.error();
    return splice(s->begin, s->end, s->text, EditTarget{path, value, !literal});
}

Status Document::splice(qsizetype begin, qsizetype end, const QByteArray& text,
                        const EditTarget& target)
{
    FmNode expected = m_fm.root();
    insertPath(expected, target.path);
    return splice(begin, end, text, expected, &target);
}

Status Document::splice(qsizetype begin, qsizetype end, const QByteArray& text,
                        const FmNode& expected, const EditTarget* target)
{
    QByteArray bytes = m_file.bytes();
    bytes.replace(begin, end - begin, text);
    auto fail = [&](const QString& why) {
        const auto pos = m_file.position(begin);
        return Error{
            tr("the edit was refused because the result would not read back as intended (%1); "
               "the document is unchanged")
                .arg(why),
            pos.line, pos.column};
    };
    Result<ArticleFile> file = ArticleFile::fromBytes(std::move(bytes));
    if (!file)
        return fail(file.error().message);
    Result<FrontMatter> fm = FrontMatter::parse(file.value());
    if (!fm)
        return fail(fm.error().message);
    KeyPath here;
    if (!sameValues(expected, fm->root(), here, target))
        return fail(tr("values differ after re-reading"));
    // A front-matter edit never touches the body.
    if (QByteArrayView(file->bytes()).sliced(file->bodyBegin()) !=
        QByteArrayView(m_file.bytes()).sliced(m_file.bodyBegin()))
        return fail(tr("the body would change"));
    m_file = std::move(file.value());
    m_fm = std::move(fm.value());
    m_oneLineBlock = {};
    return {};
}

QString Document::body() const
{
    return QString::fromUtf8(withLf(m_file.bodyBytes()));
}

Status Document::setBody(const QString& markdown)
{
    const QByteArray& b = m_file.bytes();
    const qsizetype begin = m_file.bodyBegin();
    const QByteArrayView old(b.constData() + begin, b.size() - begin);
    // The inverse of body(): "\n" is a line break, any other byte (a stray CR too) is text.
    const QByteArray text = markdown.toUtf8();
    const QByteArray newBody = rewrittenBody(old, text, bodyNewline(old, m_file.newline()));
    if (newBody == old)
        return {}; // a no-op keeps every byte
    auto fail = [&](const QString& why) {
        const auto pos = m_file.position(begin);
        return Error{tr("the body was not changed because the result would not read back as "
                        "intended (%1); the document is unchanged")
                         .arg(why),
                     pos.line, pos.column};
    };
    // A closing fence at the very end of the file gets its line break before a body.
    QByteArray fenceBreak;
    if (m_file.hasFrontMatter() && old.isEmpty() && !newBody.isEmpty() &&
        (b.isEmpty() || b.back() != '\n'))
        fenceBreak = m_file.newline();
    if (begin + fenceBreak.size() + newBody.size() > ArticleFile::MaxFileBytes)
        return fail(tr("the article would be larger than %1 MiB")
                        .arg(ArticleFile::MaxFileBytes / (1024 * 1024)));
    QByteArray bytes = b.first(begin) + fenceBreak + newBody;
    Result<ArticleFile> file = ArticleFile::fromBytes(std::move(bytes));
    if (!file)
        return fail(file.error().message);
    // The same split: the front matter's bytes and fences as they were, the body after them.
    if (file->hasFrontMatter() != m_file.hasFrontMatter() ||
        file->bodyBegin() != begin + fenceBreak.size() ||
        QByteArrayView(file->bytes()).first(begin) != QByteArrayView(b).first(begin))
        return fail(m_file.hasFrontMatter() ? tr("the front matter would end elsewhere")
                                            : tr("a first line '---' would start a front matter"));
    if (withLf(file->bodyBytes()) != text)
        return fail(tr("the body reads back differently"));
    // The front matter's bytes, and so every span of m_fm, are unchanged.
    m_file = std::move(file.value());
    return {};
}

Status Document::setBytes(const QByteArray& bytes)
{
    Result<Document> doc = fromBytes(bytes);
    if (!doc)
        return doc.error();
    m_file = std::move(doc->m_file);
    m_fm = std::move(doc->m_fm);
    m_oneLineBlock = {};
    return {};
}

bool Document::changedOnDisk(const QString& path) const
{
    if (m_disk.isNull() || absolutePath(path) != m_diskPath)
        return QFileInfo::exists(path);
    const Result<FileStamp> now = FileStamp::read(path);
    return !now || !now->sameContent(m_disk);
}

Status Document::acceptDiskVersion(const QString& path)
{
    Result<FileStamp> now = FileStamp::read(path);
    if (!now)
        return now.error();
    m_disk = now.value();
    m_diskPath = absolutePath(path);
    return {};
}

Status Document::saveTo(const QString& path, IfChangedOnDisk ifChanged)
{
    const QByteArray data = m_file.bytes();
    AtomicWriteOptions options;
    if (ifChanged == IfChangedOnDisk::Refuse) {
        options.beforeCommit = [&]() -> Status {
            if (!changedOnDisk(path))
                return {};
            return Error{tr("'%1' was changed on disk by another program after it was read; it was "
                            "not overwritten and is unchanged")
                             .arg(path)};
        };
    }
    if (Status s = writeAtomically(path, data, options))
        return s;
    m_saved = data;
    m_disk = FileStamp::of(data, QFileInfo(path).lastModified());
    m_diskPath = absolutePath(path);
    return {};
}

} // namespace frontis
