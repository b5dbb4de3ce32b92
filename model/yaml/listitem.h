#pragma once

#include "model/file/error.h"

#include <QList>
#include <QString>

#include <utility>

namespace frontis {

// An item to append to a list: a string, or (a list of objects) keys with string values, in
// order. Document::appendItem writes it in the style of the list's other items.
struct ListItem
{
    QString text;                              // a scalar item
    QList<std::pair<QString, QString>> fields; // a map item's keys and values
    bool isMap = false;

    static ListItem scalar(const QString& text) { return {text, {}, false}; }
    static ListItem map(QList<std::pair<QString, QString>> fields)
    {
        return {{}, std::move(fields), true};
    }
    // What a user typed on the command line: a YAML flow map ("{name: Ada, url: /ada}") is a map
    // item of its keys and (single) values; any other text is a scalar item, as it is. Refused
    // when the text starts with '{' but is no flow map of single values.
    static Result<ListItem> fromText(const QString& text);
};

} // namespace frontis
