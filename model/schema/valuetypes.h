#pragma once

#include <QString>
#include <QStringView>

namespace frontis::valuetypes {

// The checks behind the validator's field types, shared with schema inference so that an
// inferred type is one the validator accepts for every value it was inferred from.

// An absolute URL (with a host, or mailto:) or a path starting with '/'; no white space.
bool isUrl(const QString& text);
// A real calendar date written YYYY-MM-DD.
bool isIsoDate(QStringView text);
// Written YYYY-MM-DD: the validator's `date` type says which of the two failed.
bool looksLikeIsoDate(QStringView text);
// A date, or a date and a time as sites write them: ISO 8601 (`2024-01-05T10:00:00Z`,
// `2024-01-05T10:00+02:00`), YAML 1.1 timestamps (`2024-01-05 10:00:00.5`) and Jekyll's
// `2016-10-06 11:10:38 -0700`; seconds and the zone are optional. Checked as real times.
bool isDatetime(QStringView text);
// A path or URL of an image file (.png, .jpg, .jpeg, .gif, .svg, .webp, .avif, .bmp, .ico), on
// one line.
bool isImagePath(QStringView text);

} // namespace frontis::valuetypes
