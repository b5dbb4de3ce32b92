#pragma once

// Include yaml-cpp through this header. g++ 12 reports false -Wdangling-pointer warnings inside
// yaml-cpp 0.7's inline node code (impl.h) wherever a Node is indexed; they are not ours to fix.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 12
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdangling-pointer"
#endif
#include <yaml-cpp/yaml.h>
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 12
#pragma GCC diagnostic pop
#endif
