#pragma once

namespace frontis {

// How a scalar is written in YAML source.
enum class ScalarStyle { Plain, SingleQuoted, DoubleQuoted, Literal, Folded };

} // namespace frontis
