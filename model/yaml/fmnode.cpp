#include "model/yaml/fmnode.h"

namespace frontis {

const FmNode* FmNode::child(const QString& key) const
{
    for (const FmEntry& e : entries) {
        if (e.key == key)
            return &e.value;
    }
    return nullptr;
}

yaml::PlainType FmNode::plainType() const
{
    return type ? *type : yaml::resolve12(text);
}

bool FmNode::isString() const
{
    if (kind != Kind::Scalar)
        return false;
    return !isPlain() || (!type && yaml::readsAsString(text));
}

} // namespace frontis
