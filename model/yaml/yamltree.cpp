#include "model/yaml/yamltree.h"

#include "model/yaml/yamlcpp.h"

#include <yaml-cpp/eventhandler.h>

#include <sstream>

namespace frontis {

// Turns the parser's events into YamlTree nodes.
class YamlTreeHandler : public YAML::EventHandler
{
public:
    explicit YamlTreeHandler(std::vector<YamlTree::Node>& nodes) : m_nodes(nodes) {}

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override
    {
        add(YamlTree::Kind::Null, mark, anchor, nullptr, nullptr);
    }
    void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override
    {
        // The anchored node again; an unknown anchor is refused by the parser before this.
        attach(anchor < m_anchors.size() ? m_anchors[anchor] : 0);
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override
    {
        add(YamlTree::Kind::Scalar, mark, anchor, &tag, &value);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        m_open.push_back(add(YamlTree::Kind::Sequence, mark, anchor, &tag, nullptr));
    }
    void OnSequenceEnd() override { m_open.pop_back(); }
    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        m_open.push_back(add(YamlTree::Kind::Map, mark, anchor, &tag, nullptr));
    }
    void OnMapEnd() override { m_open.pop_back(); }

private:
    std::vector<YamlTree::Node>& m_nodes;
    std::vector<int> m_open;    // collections being filled, innermost last
    std::vector<int> m_anchors; // anchor id -> node

    int add(YamlTree::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor,
            const std::string* tag, const std::string* value)
    {
        const int index = int(m_nodes.size());
        YamlTree::Node& n = m_nodes.emplace_back();
        n.kind = kind;
        n.pos = std::size_t(mark.pos);
        if (tag) {
            n.plain = *tag == "?";
            n.tagged = !n.plain && *tag != "!";
        }
        if (value)
            n.scalar = *value;
        if (anchor != YAML::NullAnchor) {
            if (m_anchors.size() <= anchor)
                m_anchors.resize(anchor + 1, 0);
            m_anchors[anchor] = index;
        }
        attach(index);
        return index;
    }

    void attach(int index)
    {
        if (!m_open.empty()) // an alias may name the collection it is in: a cycle, refused later
            m_nodes[std::size_t(m_open.back())].children.push_back(index);
    }
};

bool YamlTree::parse(const std::string& text)
{
    m_nodes.clear();
    m_nodes.reserve(64);
    std::istringstream in(text);
    YAML::Parser parser(in);
    YamlTreeHandler handler(m_nodes);
    if (!parser.HandleNextDocument(handler) || m_nodes.empty()) {
        m_nodes.assign(1, Node());
        return false;
    }
    return true;
}

} // namespace frontis
