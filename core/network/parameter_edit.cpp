#include "network/parameter_edit.h"

#include <cmath>
#include <span>
#include <vector>

#include "util/errors.h"
#include "util/text.h"

namespace koto {
namespace {

template <typename Real>
float replace(Backend& backend, Tensor& tensor, int64_t index, float value) {
    std::vector<Real> values(static_cast<size_t>(tensor.size()));
    backend.download(tensor, std::span<Real>(values));
    const auto before = static_cast<float>(values[static_cast<size_t>(index)]);
    values[static_cast<size_t>(index)] = static_cast<Real>(value);
    backend.upload(std::span<const Real>(values), tensor);
    return before;
}

}  // namespace

float setParameterValue(Network& network, const std::string& id, int64_t index, float value) {
    for (const NamedParameter& named : network.parameters()) {
        if (named.id != id) continue;
        Tensor& tensor = named.parameter->value;
        if (index < 0 || index >= tensor.size())
            throw InputError(id + " has " + std::to_string(tensor.size()) + " values, no value " +
                             std::to_string(index));
        if (!std::isfinite(value)) throw InputError("a weight must be a finite number");
        // The whole parameter goes down and up again: a backend moves tensors, not elements,
        // and these are a learner's edits, seldom and small. In the tensor's own precision, so
        // that the other values come back bit for bit.
        return tensor.dtype() == DType::Float64
                   ? replace<double>(network.backend(), tensor, index, value)
                   : replace<float>(network.backend(), tensor, index, value);
    }
    throw InputError("the network has no parameter " + inQuotes(id));
}

}  // namespace koto
