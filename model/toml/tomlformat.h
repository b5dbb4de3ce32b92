#pragma once

#include "model/format/frontmatterformat.h"

namespace frontis {

// TOML 1.0 front matter between '+++' fences (Hugo's), read by toml++, which keeps every key's
// and value's source position. Strings keep their kind: basic "...", literal '...', and the
// multi-line """...""" and '''...''' forms; numbers, booleans and dates are plain scalars typed
// by the parser.
class TomlFormat final : public FrontMatterFormat
{
public:
    FrontMatterSyntax syntax() const override { return FrontMatterSyntax::Toml; }
    QString name() const override { return QStringLiteral("TOML"); }
    Result<FmNode> parse(const ArticleFile& file) const override;
    bool spanReadsBack(const ArticleFile& file, const FmNode& node) const override;
    Result<QByteArray> scalarText(const ArticleFile& file, const KeyPath& path, const FmNode& node,
                                  const QString& value, bool literal) const override;
    Result<Splice> newKey(const ArticleFile& file, const FmNode& root, const KeyPath& path,
                          const QString& value, bool literal,
                          const InsertHint& hint) const override;
    Result<Splice> removal(const ArticleFile& file, const FmNode& root, const KeyPath& path,
                           FmNode& expected) const override;
};

namespace tomltext {

// The kinds of TOML string.
enum class StringKind { Basic, Literal, MultiLineBasic, MultiLineLiteral };

// `value` written as a TOML string of `kind`, escaped as that kind requires; nullopt when that
// kind cannot hold it (a literal string cannot hold a "'" or a line break). Multi-line strings
// write their line breaks as `newline`, and start with a line break after the opening quotes
// when `leadingBreak` (or when the value itself starts with one, which that break protects).
std::optional<QByteArray> writeString(const QString& value, StringKind kind,
                                      const QByteArray& newline = "\n", bool leadingBreak = false);
// A key as TOML writes it: bare where it can be, else a basic string.
QByteArray writeKey(const QString& key);

} // namespace tomltext

} // namespace frontis
