#include "inspect/window_sums.h"

#include <initializer_list>
#include <string>

#include "network/layer_registry.h"
#include "util/errors.h"

namespace koto {
namespace {

// InputError "the traced step has no element a[0,1,2,3]" unless the element is inside.
void requireElement(bool inside, const char* tensor, std::initializer_list<int64_t> index) {
    if (inside) return;
    std::string text = "the traced step has no element ";
    text += tensor;
    char separator = '[';
    for (const int64_t i : index) {
        text += separator;
        text += std::to_string(i);
        separator = ',';
    }
    throw InputError(text + "]");
}

// The layer's geometry, or InputError if it is not of the kind asked for.
ImageLayerGeometry geometryOf(const StepTrace& trace, int layer, bool convolution) {
    const std::optional<ImageLayerGeometry> geometry = imageGeometry(trace, layer);
    if (!geometry || geometry->convolution != convolution)
        throw InputError("layer " + std::to_string(layer + 1) + " of the traced step is not a " +
                         (convolution ? "convolution" : "pooling layer"));
    return *geometry;
}

const TracedTensor& tensorOf(const StepTrace& trace, StageKind kind, int layer, const char* name) {
    const TraceStage* stage = trace.find(kind, layer);
    const TracedTensor* tensor = stage ? stage->tensor(name) : nullptr;
    if (!tensor)
        throw InputError(std::string("the traced step has no ") + name + " for layer " +
                         std::to_string(layer + 1));
    return *tensor;
}

// A parameter as it was before the update: the values the step's passes used.
const TracedTensor& weightsBefore(const StepTrace& trace, int layer, const char* name) {
    const TraceStage* update = trace.find(StageKind::Update);
    const ParameterUpdate* u =
        update ? update->update(trace.spec.layers[static_cast<size_t>(layer)].name + "." + name)
               : nullptr;
    if (!u)
        throw InputError(std::string("the traced step has no weights ") + name + " for layer " +
                         std::to_string(layer + 1));
    return u->before;
}

bool insideImage(const ImageWindows& w, int64_t y, int64_t x) {
    return y >= 0 && y < w.height && x >= 0 && x < w.width;
}

}  // namespace

ImagePoint ImageLayerGeometry::inputPoint(int64_t column) const {
    const int64_t pixels = windows.height * windows.width;
    return {column / pixels, column % pixels / windows.width, column % windows.width};
}

ImagePoint ImageLayerGeometry::outputPoint(int64_t column) const {
    const int64_t pixels = windows.outputPixels();
    return {column / pixels, column % pixels / windows.outputWidth(),
            column % windows.outputWidth()};
}

std::optional<ImageLayerGeometry> imageGeometry(const StepTrace& trace, int layer) {
    if (layer < 0 || layer >= static_cast<int>(trace.spec.layers.size())) return std::nullopt;
    const LayerSpec& spec = trace.spec.layers[static_cast<size_t>(layer)];
    const bool convolution = spec.type == "conv";
    if (!convolution && spec.type != "maxpool" && spec.type != "avgpool") return std::nullopt;
    const std::vector<std::vector<int64_t>> shapes = inferShapes(trace.spec);
    const std::vector<int64_t>& input =
        layer == 0 ? trace.spec.inputShape : shapes[static_cast<size_t>(layer - 1)];
    ImageLayerGeometry geometry;
    geometry.convolution = convolution;
    geometry.windows.channels = input[0];
    geometry.windows.height = input[1];
    geometry.windows.width = input[2];
    geometry.windows.kernel = spec.integer("kernel");
    geometry.windows.stride = convolution ? spec.integer("stride") : geometry.windows.kernel;
    geometry.windows.padding = convolution ? spec.integer("padding") : 0;
    geometry.outputChannels = shapes[static_cast<size_t>(layer)][0];
    return geometry;
}

double WindowSum::total() const {
    double sum = constant;
    for (const WindowTerm& t : terms) sum += t.first * t.second;
    return sum;
}

WindowSum convolutionSum(const StepTrace& trace, int layer, int64_t n, int64_t f, int64_t oy,
                         int64_t ox) {
    const ImageLayerGeometry g = geometryOf(trace, layer, true);
    const ImageWindows& w = g.windows;
    const TracedTensor& x = tensorOf(trace, StageKind::Forward, layer, "X");
    const TracedTensor& weights = weightsBefore(trace, layer, "W");
    requireElement(n >= 0 && n < x.rows && f >= 0 && f < g.outputChannels && oy >= 0 &&
                       oy < w.outputHeight() && ox >= 0 && ox < w.outputWidth(),
                   "a", {n, f, oy, ox});
    WindowSum sum;
    sum.constant = weightsBefore(trace, layer, "b").at(0, f);
    for (int64_t c = 0; c < w.channels; ++c)
        for (int64_t ky = 0; ky < w.kernel; ++ky)
            for (int64_t kx = 0; kx < w.kernel; ++kx) {
                const int64_t y = oy * w.stride - w.padding + ky,
                              xx = ox * w.stride - w.padding + kx;
                if (!insideImage(w, y, xx)) continue;
                sum.terms.push_back({n, f, c, oy, ox, ky, kx, y, xx,
                                     weights.at(f, g.weightColumn(c, ky, kx)),
                                     x.at(n, g.inputColumn({c, y, xx}))});
            }
    return sum;
}

WindowSum weightGradientSum(const StepTrace& trace, int layer, int64_t f, int64_t c, int64_t ky,
                            int64_t kx) {
    const ImageLayerGeometry g = geometryOf(trace, layer, true);
    const ImageWindows& w = g.windows;
    const TracedTensor& x = tensorOf(trace, StageKind::Forward, layer, "X");
    const TracedTensor& da = tensorOf(trace, StageKind::Backward, layer, "dJ/da");
    requireElement(f >= 0 && f < g.outputChannels && c >= 0 && c < w.channels && ky >= 0 &&
                       ky < w.kernel && kx >= 0 && kx < w.kernel,
                   "dJ/dW", {f, c, ky, kx});
    WindowSum sum;
    for (int64_t n = 0; n < x.rows; ++n)
        for (int64_t oy = 0; oy < w.outputHeight(); ++oy)
            for (int64_t ox = 0; ox < w.outputWidth(); ++ox) {
                const int64_t y = oy * w.stride - w.padding + ky,
                              xx = ox * w.stride - w.padding + kx;
                if (!insideImage(w, y, xx)) continue;
                sum.terms.push_back({n, f, c, oy, ox, ky, kx, y, xx,
                                     da.at(n, g.outputColumn({f, oy, ox})),
                                     x.at(n, g.inputColumn({c, y, xx}))});
            }
    return sum;
}

WindowSum biasGradientSum(const StepTrace& trace, int layer, int64_t f) {
    const ImageLayerGeometry g = geometryOf(trace, layer, true);
    const ImageWindows& w = g.windows;
    const TracedTensor& da = tensorOf(trace, StageKind::Backward, layer, "dJ/da");
    requireElement(f >= 0 && f < g.outputChannels, "dJ/db", {f});
    WindowSum sum;
    for (int64_t n = 0; n < da.rows; ++n)
        for (int64_t oy = 0; oy < w.outputHeight(); ++oy)
            for (int64_t ox = 0; ox < w.outputWidth(); ++ox)
                sum.terms.push_back(
                    {n, f, 0, oy, ox, 0, 0, 0, 0, da.at(n, g.outputColumn({f, oy, ox})), 1.0});
    return sum;
}

WindowSum convolutionInputGradientSum(const StepTrace& trace, int layer, int64_t n, int64_t c,
                                      int64_t y, int64_t x) {
    const ImageLayerGeometry g = geometryOf(trace, layer, true);
    const ImageWindows& w = g.windows;
    const TracedTensor& da = tensorOf(trace, StageKind::Backward, layer, "dJ/da");
    tensorOf(trace, StageKind::Backward, layer, "dJ/dX");  // the first layer passes nothing back
    const TracedTensor& weights = weightsBefore(trace, layer, "W");
    requireElement(n >= 0 && n < da.rows && c >= 0 && c < w.channels && insideImage(w, y, x),
                   "dJ/dX", {n, c, y, x});
    WindowSum sum;
    // Window (oy, ox) covers (y, x) at kernel position ky = y − oy·S + P, if that lies in 0..K−1.
    for (int64_t f = 0; f < g.outputChannels; ++f)
        for (int64_t oy = 0; oy < w.outputHeight(); ++oy)
            for (int64_t ox = 0; ox < w.outputWidth(); ++ox) {
                const int64_t ky = y - oy * w.stride + w.padding,
                              kx = x - ox * w.stride + w.padding;
                if (ky < 0 || ky >= w.kernel || kx < 0 || kx >= w.kernel) continue;
                sum.terms.push_back({n, f, c, oy, ox, ky, kx, y, x,
                                     da.at(n, g.outputColumn({f, oy, ox})),
                                     weights.at(f, g.weightColumn(c, ky, kx))});
            }
    return sum;
}

PoolingWindow poolingWindow(const StepTrace& trace, int layer, int64_t n, int64_t c, int64_t oy,
                            int64_t ox) {
    const ImageLayerGeometry g = geometryOf(trace, layer, false);
    const ImageWindows& w = g.windows;
    const TracedTensor& x = tensorOf(trace, StageKind::Forward, layer, "X");
    const TraceStage* forward = trace.find(StageKind::Forward, layer);
    const TracedTensor* winners = forward->tensor("winners");
    requireElement(n >= 0 && n < x.rows && c >= 0 && c < w.channels && oy >= 0 &&
                       oy < w.outputHeight() && ox >= 0 && ox < w.outputWidth(),
                   "Z", {n, c, oy, ox});
    const double share = 1.0 / static_cast<double>(w.kernel * w.kernel);
    PoolingWindow window;
    for (int64_t ky = 0; ky < w.kernel; ++ky)
        for (int64_t kx = 0; kx < w.kernel; ++kx) {
            const int64_t y = oy * w.kernel + ky, xx = ox * w.kernel + kx;
            const int64_t column = g.inputColumn({c, y, xx});
            const double second = winners ? winners->at(n, column) : share;
            if (winners && second != 0 && window.winner < 0)
                window.winner = static_cast<int>(window.inputs.terms.size());
            window.inputs.terms.push_back(
                {n, c, c, oy, ox, ky, kx, y, xx, x.at(n, column), second});
        }
    return window;
}

WindowSum poolingInputGradientSum(const StepTrace& trace, int layer, int64_t n, int64_t c,
                                  int64_t y, int64_t x) {
    const ImageLayerGeometry g = geometryOf(trace, layer, false);
    const ImageWindows& w = g.windows;
    const TracedTensor& dz = tensorOf(trace, StageKind::Backward, layer, "dJ/dZ");
    tensorOf(trace, StageKind::Backward, layer, "dJ/dX");
    const TracedTensor* winners = trace.find(StageKind::Forward, layer)->tensor("winners");
    requireElement(n >= 0 && n < dz.rows && c >= 0 && c < w.channels && insideImage(w, y, x),
                   "dJ/dX", {n, c, y, x});
    WindowSum sum;
    const int64_t oy = y / w.kernel, ox = x / w.kernel;
    if (oy >= w.outputHeight() || ox >= w.outputWidth()) return sum;  // the edge no window covers
    const double share = winners ? winners->at(n, g.inputColumn({c, y, x}))
                                 : 1.0 / static_cast<double>(w.kernel * w.kernel);
    sum.terms.push_back({n, c, c, oy, ox, y - oy * w.kernel, x - ox * w.kernel, y, x,
                         dz.at(n, g.outputColumn({c, oy, ox})), share});
    return sum;
}

}  // namespace koto
