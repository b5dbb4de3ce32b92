#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace frontis::yaml {

// What a plain (unquoted) scalar resolves to.
enum class PlainType { String, Null, Bool, Int, Float, Timestamp, Other };

// Resolution of a plain scalar under the YAML 1.2 core schema (no timestamps there).
PlainType resolve12(QStringView plain);

// Resolution under the YAML 1.1 type repository (yes/no/on/off/y/n booleans, octal 0NNN,
// 0b binary, underscores, sexagesimal 1:20, timestamps, `<<` merge and `=` value keys). Where
// readers disagree this errs towards "not a string" so that callers quote rather than guess.
PlainType resolve11(QStringView plain);

// True only when YAML 1.1 and YAML 1.2 readers both read the plain scalar as a string.
bool readsAsString(QStringView plain);

// True when `text` can be written as a one-line plain scalar that every reader reads back as
// this exact string (YAML 1.2.2 §7.3.3, conservatively): no leading indicator, no `: ` or ` #`,
// no trailing `:`, no surrounding white space, tabs, line breaks or non-printables, no document
// marker, none of `,[]{}:` inside a flow collection, and readsAsString().
bool canBePlain(QStringView text, bool flowContext);

// True when `text`, written plain, is a literal of `type` that YAML 1.1 and 1.2 readers agree on
// (same type, same value): Bool true/false in any of the three casings, Null ~ or null, Int a
// decimal without leading zeros or 0x hex, Float with a '.' (and a signed exponent) or
// .inf/.nan. Timestamp has no 1.2 core form, so it only needs the 1.1 form, with a real
// calendar date and time ("2024-02-30" is refused). String: any text; Other: never.
bool isValidLiteral(PlainType type, QStringView text);

// The type both YAML 1.1 and 1.2 readers give the plain scalar `plain`: Bool, Int, Float or Null
// for their agreed literals (isValidLiteral), Timestamp for a 1.1 date or date-time (1.2 readers
// that resolve timestamps read the same; the others read the text), String where both read a
// string, and Other where the two disagree ("1e3", "0o17", "yes", "1_000", "1:30").
PlainType agreedType(QStringView plain);

// The literal to write for `value` in a field that a schema types as `type` (Int, Float, Bool or
// Timestamp): `value` itself (trimmed) where it already is an agreed literal of that type, else the
// same number or truth value in a form both readers agree on: "1e3" -> "1000.0", "0o17" -> "15",
// "1_000" -> "1000", "yes" -> "true". With `floatForm` (the field is written as a float) an
// integral number gets ".0". nullopt when `value` is no literal of that type, or when 1.1 and 1.2
// read it as different numbers ("017": octal 15 in 1.1, 17 in 1.2).
std::optional<QString> typedLiteral(PlainType type, QStringView value, bool floatForm);

} // namespace frontis::yaml
