#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace frontis {

// The nodes of one YAML document as yaml-cpp's parser reports them (its events), without the
// node graph YAML::Load builds: the same values, positions and tags, for less work. An alias is
// the anchored node itself, met again (as with YAML::Load). Parse errors are yaml-cpp's
// exceptions (YAML::ParserException, YAML::DeepRecursion), thrown from parse(); only
// model/yaml/frontmatter.cpp uses it, inside its try.
class YamlTree
{
public:
    enum class Kind { Null, Scalar, Sequence, Map };
    struct Node
    {
        Kind kind = Kind::Null;
        std::size_t pos = 0; // byte offset in the text, as yaml-cpp's Mark::pos
        bool plain = false;  // a scalar without quotes or block indicator (yaml-cpp tag "?")
        bool tagged = false; // an explicit tag (`!foo`): neither "?" nor "!"
        std::string scalar;
        std::vector<int> children; // a map's keys and values in turn, a sequence's items
    };

    // False when the text holds no document (empty, or comments only).
    bool parse(const std::string& text);
    const Node& root() const { return m_nodes.front(); }
    const Node& at(int index) const { return m_nodes[std::size_t(index)]; }

private:
    std::vector<Node> m_nodes;
    friend class YamlTreeHandler;
};

} // namespace frontis
