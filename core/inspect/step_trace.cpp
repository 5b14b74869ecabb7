#include "inspect/step_trace.h"

#include <cstring>

namespace koto {

bool TracedTensor::sameValues(const TracedTensor& other) const {
    // Bit for bit: a value shown again after stepping back must be the very same float.
    return rows == other.rows && cols == other.cols && values.size() == other.values.size() &&
           (values.empty() ||
            std::memcmp(values.data(), other.values.data(), values.size() * sizeof(float)) == 0);
}

const TracedTensor* TraceStage::tensor(std::string_view name) const {
    for (const TracedTensor& t : tensors)
        if (t.name == name) return &t;
    return nullptr;
}

std::optional<double> TraceStage::scalar(std::string_view name) const {
    for (const TracedScalar& s : scalars)
        if (s.name == name) return s.value;
    return std::nullopt;
}

const ParameterUpdate* TraceStage::update(std::string_view id) const {
    for (const ParameterUpdate& u : updates)
        if (u.id == id) return &u;
    return nullptr;
}

int StepTrace::indexOf(StageKind kind, int layer) const {
    for (size_t i = 0; i < stages.size(); ++i)
        if (stages[i].kind == kind && (layer < 0 || stages[i].layer == layer))
            return static_cast<int>(i);
    return -1;
}

const TraceStage* StepTrace::find(StageKind kind, int layer) const {
    const int index = indexOf(kind, layer);
    return index < 0 ? nullptr : &stages[static_cast<size_t>(index)];
}

int64_t StepTrace::rows() const {
    const TraceStage* loss = find(StageKind::Loss);
    if (!loss) return 0;
    const std::optional<double> n = loss->scalar("N");
    return n ? static_cast<int64_t>(*n) : 0;
}

int64_t StepTrace::samples() const {
    const TraceStage* loss = find(StageKind::Loss);
    const std::optional<double> steps = loss ? loss->scalar("steps") : std::nullopt;
    return rows() / (steps ? static_cast<int64_t>(*steps) : 1);
}

}  // namespace koto
