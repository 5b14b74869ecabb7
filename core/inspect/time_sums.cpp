#include "inspect/time_sums.h"

#include <string>

#include "network/layer_registry.h"
#include "util/errors.h"

namespace koto {

double TimeSum::total() const {
    double sum = 0;
    for (const TimeTerm& term : terms) sum += term.first * term.second;
    return sum;
}

TimeSum recurrentGradientSum(const StepTrace& trace, int layer, std::string_view parameter,
                             int64_t row, int64_t col) {
    const std::string where = "layer " + std::to_string(layer + 1) + " of the traced step";
    if (layer < 0 || layer >= static_cast<int>(trace.spec.layers.size()))
        throw InputError(where + " does not exist");
    const std::string& type = trace.spec.layers[static_cast<size_t>(layer)].type;
    if (type != "rnn" && type != "lstm")
        throw InputError(where + " is not a recurrent layer (rnn or lstm)");
    const bool input = parameter == "Wx", recurrent = parameter == "Wh", bias = parameter == "b";
    if (!input && !recurrent && !bias)
        throw InputError("a recurrent layer's parameters are Wx, Wh and b, not " +
                         std::string(parameter));

    const TraceStage* forward = trace.find(StageKind::Forward, layer);
    const TraceStage* backward = trace.find(StageKind::Backward, layer);
    const TracedTensor* x = forward ? forward->tensor("X") : nullptr;
    const TracedTensor* h = forward ? forward->tensor("h") : nullptr;
    const TracedTensor* da = backward ? backward->tensor("dJ/da") : nullptr;
    if (!x || !h || !da) throw InputError(where + " has no traced X, h and dJ/da");
    // A copy: inferShapes returns a temporary whose elements a reference would outlive.
    const std::vector<int64_t> shape =
        layer == 0 ? trace.spec.inputShape
                   : inferShapes(trace.spec)[static_cast<size_t>(layer - 1)];
    const int64_t steps = shape.empty() ? 0 : shape[0];
    if (steps < 1 || x->cols % steps != 0 || h->cols % steps != 0 || da->cols % steps != 0)
        throw InputError(where + " does not hold whole time steps");
    const int64_t inputs = x->cols / steps, units = h->cols / steps, gates = da->cols / steps;
    const int64_t rows = bias ? 1 : input ? inputs : units;
    if (row < 0 || row >= rows || col < 0 || col >= gates)
        throw InputError("the traced step has no element dJ/d" + std::string(parameter) + "[" +
                         std::to_string(row) + "," + std::to_string(col) + "]");

    TimeSum sum;
    sum.samples = da->rows;
    sum.steps = steps;
    for (int64_t n = 0; n < da->rows; ++n)
        for (int64_t t = 1; t <= steps; ++t) {
            if (recurrent && t == 1) continue;  // h(0) = 0
            const double first = bias    ? 1.0
                                 : input ? x->at(n, (t - 1) * inputs + row)
                                         : h->at(n, (t - 2) * units + row);
            sum.terms.push_back({n, t, first, da->at(n, (t - 1) * gates + col)});
        }
    return sum;
}

}  // namespace koto
