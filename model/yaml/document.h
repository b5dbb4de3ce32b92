#pragma once

#include "model/file/articlefile.h"
#include "model/file/error.h"
#include "model/file/filestamp.h"
#include "model/format/frontmatterformat.h"
#include "model/yaml/fmnode.h"
#include "model/yaml/frontmatter.h"
#include "model/yaml/keypath.h"
#include "model/yaml/listitem.h"
#include "model/yaml/scalarstyle.h"
#include "model/yaml/yamltypes.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace frontis {

struct EditTarget;
struct KeyPlace;

// An article being edited. Every edit splices new text into the current bytes at the edited
// value's span only, re-parses, and checks that all values are the intended ones before it is
// accepted; a refused edit leaves the document as it was. Saving writes the current bytes, so an
// untouched document is written back byte for byte. One edit skips the re-parse because its
// outcome is certain from the bytes alone: a value written as a one-line block scalar (the
// QuickTakes answer) that stays one (docs/save.md, "Fast path").
class Document
{
public:
    static Result<Document> fromBytes(const QByteArray& bytes);
    // Reads a file; I/O and parse errors come back with their position.
    static Result<Document> load(const QString& path);

    const QByteArray& bytes() const { return m_file.bytes(); }
    const QByteArray& savedBytes() const { return m_saved; }
    bool isModified() const { return m_file.bytes() != m_saved; }
    const ArticleFile& file() const { return m_file; }
    const FrontMatter& frontMatter() const { return m_fm; }
    const FmNode* find(const KeyPath& path) const { return m_fm.find(path); }

    // Stores `value` so that YAML 1.1 and 1.2 readers both read back exactly that string, in the
    // value's current style where it can hold it. A missing key (and missing parent maps) is added.
    Status setString(const KeyPath& path, const QString& value, const InsertHint& hint = {});
    // Like setString, but where the current value is a number, boolean or date that YAML 1.1 and
    // 1.2 readers agree on (yaml::agreedType) and `literal` is an agreed literal of that type, it
    // is written plain and stays that type ("-1.0" -> "0.5"). A value the two readers type
    // differently ("1e3", "yes", "0o17") is a string here: the new value is written as one.
    Status setLiteral(const KeyPath& path, const QString& literal, const InsertHint& hint = {});
    // For a value a schema types as `type` (Int, Float, Bool or Timestamp): writes
    // yaml::typedLiteral(value) plain, so that both readers read that type and value ("1e3" is
    // written "1000.0" in a number field), whatever the current value is. A date that is quoted
    // now stays quoted (dates are often written as strings). When `value` is no literal of the
    // type: refused with a message, or, with `orString`, stored as a string (the form, while the
    // writer is still typing; validation then reports it).
    Status setTyped(const KeyPath& path, const QString& value, yaml::PlainType type,
                    const InsertHint& hint = {}, bool orString = false);
    // Removes a key, or a list item ("tags.2"), with its value's lines and the comment lines
    // directly above it at its indentation; nothing else changes. In a flow collection only the
    // item and one separator go ("[a, b, c]" -> "[a, c]"). The only item of a block list leaves
    // an empty flow list ("tags: []"), so that the key stays a list; a block mapping left empty
    // reads as null (`seo:`).
    Status remove(const KeyPath& path);
    // Appends `item` to the list at `path`, in the style of its other items: a block list keeps
    // its dash indent and the spacing after "- ", a flow list stays flow ("[a, b]" -> "[a, b,
    // c]", "[]" -> "[c]"); a scalar is written in the quoting of the last item (where it can hold
    // the value), and as a typed literal where every item is a number, boolean or date of one
    // type that YAML 1.1 and 1.2 readers agree on and `item` is a literal of it. A map item's
    // keys follow the key order of the other items (keys they do not have come last), each
    // value in the quoting that key has there; block items ("- name: Ada\n  url: /ada") or
    // flow ("{name: Ada, url: /ada}") as the last map item is written. `key:` with nothing, or
    // an absent key (missing parent maps are created, as for setString), becomes a block list
    // at the file's habit ("key:\n  - x", or "key:\n- x" where most block lists are
    // indentless), or a flow list "key: [x]" where most of the file's non-empty lists are flow.
    Status appendItem(const KeyPath& path, const ListItem& item, const InsertHint& hint = {});
    // Moves the list item at `path` by `by` places (-1: up, 1: down) by swapping it with its
    // neighbour: only the lines of the two items (with their comment lines) trade places; in a
    // flow list only the two items' texts.
    Status moveItem(const KeyPath& path, int by);
    // Writes a copy of the list item at `path` right after it (its lines, without the comments
    // above it; in a flow list its text and a separator).
    Status duplicateItem(const KeyPath& path);
    // The body (every byte after the closing fence's line break; without front matter, the whole
    // file after a BOM) as text: UTF-8 decoded, each CRLF read as one "\n".
    QString body() const;
    // Replaces the body by `markdown` (line breaks "\n", as body() gives them; a CR is a
    // character like any other, so setBody(body()) is always a no-op), changing only the body's
    // bytes: the opening fence, front matter and closing fence stay byte-identical. Line breaks are
    // written in the body's own style (that of most of its lines; else the file's), and the bytes
    // of the unchanged start and end of the body are kept as they are. The final line break, or
    // its lack, is the text's. Refused, and the document unchanged, when the file would not split
    // again at the same fence with `markdown` as its body.
    Status setBody(const QString& markdown);
    // Replaces the whole content (undo/redo, reload); refused when it does not parse.
    Status setBytes(const QByteArray& bytes);

    // What the file held when this document last read or wrote it (null for one made from bytes):
    // what unsaved edits are based on.
    const FileStamp& diskStamp() const { return m_disk; }
    // True when the file at `path` no longer holds what this document last read from it or wrote
    // to it (also when it is gone or unreadable), so that saving would overwrite someone else's
    // change. A path this document never read or wrote counts as changed when a file exists there.
    // Reads and hashes the file.
    bool changedOnDisk(const QString& path) const;
    // Takes the file's current content as what the edits are based on, keeping the edits (the
    // writer chose "keep mine"): changedOnDisk() is false again until the next outside change.
    Status acceptDiskVersion(const QString& path);

    enum class IfChangedOnDisk { Overwrite, Refuse };
    // Writes the current bytes atomically (writeAtomically: permissions, owner and group kept;
    // read-only files, missing folders and full disks refused). With Refuse, a file changed on
    // disk since it was read is not overwritten (checked just before the new copy replaces it).
    // On failure the file on disk is untouched and the document stays modified.
    Status saveTo(const QString& path, IfChangedOnDisk ifChanged = IfChangedOnDisk::Overwrite);

private:
    Document(ArticleFile file, FrontMatter fm);
    Status checkSettable(const KeyPath& path, const FmNode& node) const;
    // Refused with "`what` is not supported ..." in formats without list edits.
    Status structuralEditsSupported(const QString& what) const;
    bool rewriteOneLineBlock(const KeyPath& path, const FmNode& node, const QString& value);
    // `literal`: `value` is written plain as it is, a typed literal (setTyped).
    Status addKey(const KeyPath& path, const QString& value, const InsertHint& hint,
                  bool literal = false);
    // Where the lines of the new key `path` go; refused when its parent cannot take keys.
    Result<KeyPlace> placeNewKey(const KeyPath& path, const InsertHint& hint) const;
    // The prefix and the lines "key:" of path[place.depth..], without the last line's break.
    static QByteArray newKeyLines(const KeyPlace& place, const KeyPath& path);
    // `text` between fences when the file has no front matter yet.
    QByteArray withFences(const QByteArray& text) const;
    Status appendToNewList(const KeyPath& path, const ListItem& item, const InsertHint& hint);
    Status appendToArray(const KeyPath& path, const ListItem& item, const InsertHint& hint);
    // The value at `node` already is `value`, as a string or (`typed`) as a plain literal.
    static bool alreadyHolds(const FmNode& node, const QString& value, bool typed);
    Status splice(qsizetype begin, qsizetype end, const QByteArray& text, const EditTarget& target);
    Status splice(qsizetype begin, qsizetype end, const QByteArray& text, const FmNode& expected,
                  const EditTarget* target);

    ArticleFile m_file;
    FrontMatter m_fm;
    QByteArray m_saved;
    FileStamp m_disk;
    QString m_diskPath;        // absolute; the file m_disk describes
    SourceSpan m_oneLineBlock; // the content rewriteOneLineBlock() wrote last, while it stands
};

} // namespace frontis
