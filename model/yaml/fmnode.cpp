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

} // namespace frontis
