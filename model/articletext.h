#pragma once

#include <QString>

namespace frontis {

class Document;
class Schema;

// The article's text where `schema` keeps it (Schema::textLocation()), as Markdown with real line
// breaks: the body, or the markdown field's value decoded from its storage encoding. Empty when
// the field is absent or not a single value.
QString articleText(const Document& doc, const Schema& schema);

} // namespace frontis
