#include "editor/form/fieldedit.h"

#include "model/yaml/yamltypes.h"

namespace frontis {

namespace {

// `work` with the value at `path` written again as `original` writes it, when that reads back
// as the original value; nullopt when the styles already agree or that cannot be done.
std::optional<Document> withOriginalStyle(const Document& work, const KeyPath& path,
                                          const Document& original)
{
    const FmNode* cur = work.find(path);
    const FmNode* orig = original.find(path);
    if (!cur || !orig || !cur->isScalar() || !orig->isScalar() || !cur->editable ||
        !orig->editable || cur->style == orig->style || !cur->span.isValid() ||
        !orig->span.isValid() || cur->flow != orig->flow)
        return std::nullopt;
    QByteArray bytes = work.bytes();
    bytes.replace(cur->span.begin, cur->span.size(),
                  original.bytes().mid(orig->span.begin, orig->span.size()));
    Document trial = work;
    if (trial.setBytes(bytes))
        return std::nullopt;
    const FmNode* t = trial.find(path);
    if (!t || !t->isScalar() || t->text != orig->text || t->style != orig->style)
        return std::nullopt;
    return trial;
}

// A literal that YAML reads as a number, boolean or date when written plain.
bool isTypedLiteral(const QString& text)
{
    using yaml::PlainType;
    for (PlainType type :
         {PlainType::Int, PlainType::Float, PlainType::Bool, PlainType::Timestamp}) {
        if (yaml::isValidLiteral(type, text))
            return true;
    }
    return false;
}

// Rewrites the quoted value at `path` as the plain literal it holds.
void makePlain(Document& work, const KeyPath& path)
{
    const FmNode* node = work.find(path);
    if (!node || !node->isScalar() || node->isPlain() || !node->span.isValid() || node->flow ||
        !isTypedLiteral(node->text) || node->text.contains(QLatin1Char('\n')))
        return;
    const QString literal = node->text;
    QByteArray bytes = work.bytes();
    bytes.replace(node->span.begin, node->span.size(), literal.toUtf8());
    Document trial = work;
    if (trial.setBytes(bytes))
        return;
    const FmNode* t = trial.find(path);
    if (t && t->isPlain() && t->text == literal)
        work = std::move(trial);
}

// `work` with the value at `path` replaced by a plain placeholder, when `original` has no value
// there and the current one is quoted: a key the writer is adding gets the style its final
// value needs (a passing "a " must not leave "ab" quoted). nullopt when that cannot be done.
std::optional<Document> withPlainStart(const Document& work, const KeyPath& path,
                                       const Document& original)
{
    const FmNode* orig = original.find(path);
    const FmNode* cur = work.find(path);
    if ((orig && !orig->isNull()) || !cur || !cur->isScalar() || !cur->editable ||
        !cur->span.isValid() ||
        (cur->style != ScalarStyle::SingleQuoted && cur->style != ScalarStyle::DoubleQuoted))
        return std::nullopt;
    QByteArray bytes = work.bytes();
    bytes.replace(cur->span.begin, cur->span.size(), "x");
    Document trial = work;
    if (trial.setBytes(bytes))
        return std::nullopt;
    const FmNode* t = trial.find(path);
    if (!t || !t->isPlain() || t->text != QLatin1String("x"))
        return std::nullopt;
    return trial;
}

} // namespace

Status applyFieldEdit(Document& doc, const FieldEdit& edit, const Document* original)
{
    Document work = doc;
    if (original) {
        if (std::optional<Document> restyled = withOriginalStyle(work, edit.path, *original))
            work = std::move(*restyled);
        else if (!edit.literal && !edit.type &&
                 edit.hint.style.value_or(ScalarStyle::Plain) == ScalarStyle::Plain)
            if (std::optional<Document> plain = withPlainStart(work, edit.path, *original))
                work = std::move(*plain);
    }
    const FmNode* before = work.find(edit.path);
    const bool wasEmpty = !before || before->isNull();
    Status status = edit.type ? work.setTyped(edit.path, edit.value, *edit.type, edit.hint, true)
                    : edit.literal ? work.setLiteral(edit.path, edit.value, edit.hint)
                                   : work.setString(edit.path, edit.value, edit.hint);
    if (status)
        return status;
    if (edit.literal && wasEmpty)
        makePlain(work, edit.path);
    doc = std::move(work);
    return std::nullopt;
}

} // namespace frontis
