#include "inspect/loss_surface.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <span>

#include "backend/cpu_backend.h"
#include "layers/layer.h"
#include "training/gradient_clipping.h"
#include "training/learning_rate_schedule.h"
#include "training/optimizer.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto {
namespace {

// --- logistic: z = w x + b, J = (1/N) sum softplus(z) - t z, which is the mean of
// -t log sigmoid(z) - (1 - t) log(1 - sigmoid(z)) written so that it never overflows, as the
// network's loss (Backend::sigmoidBinaryCrossEntropy) writes it.
double logisticCost(SurfacePoint p) {
    const std::vector<LogisticSample>& samples = logisticSurfaceSamples();
    double total = 0;
    for (const LogisticSample& sample : samples) {
        const double z = p.p0 * sample.x + p.p1;
        total += std::max(z, 0.0) - z * sample.label + std::log1p(std::exp(-std::abs(z)));
    }
    return total / static_cast<double>(samples.size());
}

// dJ/dz = (sigmoid(z) - t) / N for each sample, and z = w x + b: dJ/dw adds it times x, dJ/db
// adds it as it is.
SurfacePoint logisticGradient(SurfacePoint p) {
    const std::vector<LogisticSample>& samples = logisticSurfaceSamples();
    SurfacePoint gradient;
    for (const LogisticSample& sample : samples) {
        const double error = 1 / (1 + std::exp(-(p.p0 * sample.x + p.p1))) - sample.label;
        gradient.p0 += error * sample.x;
        gradient.p1 += error;
    }
    const double n = static_cast<double>(samples.size());
    return {gradient.p0 / n, gradient.p1 / n};
}

// --- bowl: curvature 1 along x and 20 across, so a rate that is careful across (lr <= 0.05
// never overshoots, lr > 0.1 diverges) crawls along.
double bowlCost(SurfacePoint p) { return p.p0 * p.p0 / 2 + 10 * p.p1 * p.p1; }
SurfacePoint bowlGradient(SurfacePoint p) { return {p.p0, 20 * p.p1}; }

// --- rosenbrock: the classic valley with 5 where it has 100, so that the walls are steep but
// rates of 0.001 to 0.03 still find the floor and follow it.
double rosenbrockCost(SurfacePoint p) {
    const double across = p.p1 - p.p0 * p.p0;
    return (1 - p.p0) * (1 - p.p0) + 5 * across * across;
}
SurfacePoint rosenbrockGradient(SurfacePoint p) {
    const double across = p.p1 - p.p0 * p.p0;
    return {-2 * (1 - p.p0) - 20 * p.p0 * across, 10 * across};
}

// --- saddle: x^2 - y^2 alone falls for ever; y^4/4 turns it back up, so that the fall ends in
// the minima (0, +-sqrt 2) where J = -1.
double saddleCost(SurfacePoint p) {
    const double y2 = p.p1 * p.p1;
    return p.p0 * p.p0 - y2 + y2 * y2 / 4;
}
SurfacePoint saddleGradient(SurfacePoint p) { return {2 * p.p0, -2 * p.p1 + p.p1 * p.p1 * p.p1}; }

void upload(Backend& backend, double value, Tensor& tensor) {
    backend.upload(std::span<const double>(&value, 1), tensor);
}

// One parameter of one value, as the network's W (1 x 1) and b of a unit with one input are.
Parameter scalarParameter(Backend& backend, const std::string& name, double value) {
    Parameter parameter{name, backend.allocate({1, 1}, DType::Float32),
                        backend.allocate({1, 1}, DType::Float32)};
    upload(backend, value, parameter.value);
    return parameter;
}

double downloaded(Backend& backend, const Tensor& tensor) {
    double value = 0;
    backend.download(tensor, std::span<double>(&value, 1));
    return value;
}

SurfaceTrail runEntrant(Backend& backend, const LossSurface& surface, const RaceEntrant& entrant,
                        int64_t steps) {
    const TrainingSettings& settings = entrant.settings;
    const std::unique_ptr<Optimizer> optimizer = makeOptimizer(settings);
    const LearningRateSchedule schedule = LearningRateSchedule::parse(settings.schedule);
    Parameter first = scalarParameter(backend, surface.p0Name, surface.start.p0);
    Parameter second = scalarParameter(backend, surface.p1Name, surface.start.p1);
    const std::vector<NamedParameter> parameters = {{surface.p0Name, surface.name, &first},
                                                    {surface.p1Name, surface.name, &second}};
    // The point as the float parameters hold it, so that J is that of the point drawn.
    const auto pointHeld = [&] {
        const SurfacePoint at{downloaded(backend, first.value), downloaded(backend, second.value)};
        return TrailPoint{at, surface.cost(at)};
    };

    SurfaceTrail trail{entrant.label, {pointHeld()}, TrailEnd::Finished};
    for (int64_t step = 0; step < steps; ++step) {
        const SurfacePoint gradient = surface.gradient(trail.points.back().at);
        upload(backend, gradient.p0, first.gradient);
        upload(backend, gradient.p1, second.gradient);
        clipGradientNorm(backend, parameters, settings.clipNorm);
        if (optimizer->apply(backend, parameters, schedule.at(settings.learningRate, step))) {
            trail.end = TrailEnd::NotFinite;
            break;
        }
        trail.points.push_back(pointHeld());
        const TrailPoint& now = trail.points.back();
        if (std::abs(now.at.p0) > kFarAway || std::abs(now.at.p1) > kFarAway) {
            trail.end = TrailEnd::FlewAway;
            break;
        }
    }
    return trail;
}

}  // namespace

const std::vector<LossSurface>& lossSurfaces() {
    static const std::vector<LossSurface> surfaces = {
        {.name = "logistic",
         .formula = "y = sigmoid(w x + b), J = mean binary cross-entropy",
         .p0Name = "w",
         .p1Name = "b",
         .start = {-2, 3},
         .range = {-3, 4, -4, 4},
         .cost = logisticCost,
         .gradient = logisticGradient},
        {.name = "bowl",
         .formula = "J = x^2/2 + 10 y^2",
         .p0Name = "x",
         .p1Name = "y",
         .start = {-4, 1},
         .range = {-5, 5, -1.5, 1.5},
         .cost = bowlCost,
         .gradient = bowlGradient},
        {.name = "rosenbrock",
         .formula = "J = (1 - x)^2 + 5 (y - x^2)^2",
         .p0Name = "x",
         .p1Name = "y",
         .start = {-1.5, 2},
         .range = {-2, 2, -1, 3},
         .cost = rosenbrockCost,
         .gradient = rosenbrockGradient},
        // Started on the ridge just off y = 0: the gradient leads into the saddle, where it
        // vanishes, and only the small y grows the way out.
        {.name = "saddle",
         .formula = "J = x^2 - y^2 + y^4/4",
         .p0Name = "x",
         .p1Name = "y",
         .start = {1, 0.01},
         .range = {-2, 2, -2, 2},
         .cost = saddleCost,
         .gradient = saddleGradient},
    };
    return surfaces;
}

const LossSurface& lossSurface(const std::string& name) {
    std::string known;
    for (const LossSurface& surface : lossSurfaces()) {
        if (surface.name == name) return surface;
        known.append(known.empty() ? "" : ", ").append(surface.name);
    }
    throw InputError(std::string("unknown loss surface ")
                         .append(inQuotes(name))
                         .append(" (use ")
                         .append(known)
                         .append(")"));
}

const std::vector<LogisticSample>& logisticSurfaceSamples() {
    // The classes meet near x = 1, and x = 1.5 of class 0 and x = 0.5 of class 1 lie on the
    // wrong side: the best unit is w = -b = 1.69 with J = 0.298.
    static const std::vector<LogisticSample> samples = {
        {-2, 0}, {-1, 0}, {-0.5, 0}, {0, 0}, {1.5, 0}, {0.5, 1}, {2, 1}, {2.5, 1}, {3, 1}, {4, 1},
    };
    return samples;
}

std::vector<SurfaceTrail> raceOnSurface(const LossSurface& surface,
                                        const std::vector<RaceEntrant>& entrants, int64_t steps) {
    if (steps < 0 || steps > kMaxSurfaceSteps)
        throw InputError(std::string("a race on a surface takes from 0 to ")
                             .append(std::to_string(kMaxSurfaceSteps))
                             .append(" steps, not ")
                             .append(std::to_string(steps)));
    CpuBackend backend;
    std::vector<SurfaceTrail> trails;
    for (const RaceEntrant& entrant : entrants)
        trails.push_back(runEntrant(backend, surface, entrant, steps));
    return trails;
}

SurfaceGrid surfaceGrid(const LossSurface& surface, int64_t columns, int64_t rows) {
    if (columns < 2 || rows < 2 || columns > kMaxGridSide || rows > kMaxGridSide)
        throw InputError(std::string("a surface grid has from 2 to ")
                             .append(std::to_string(kMaxGridSide))
                             .append(" columns and rows, not ")
                             .append(std::to_string(columns))
                             .append(" x ")
                             .append(std::to_string(rows)));
    const SurfaceRange& range = surface.range;
    SurfaceGrid grid{range, columns, rows, {}};
    grid.costs.reserve(static_cast<size_t>(columns * rows));
    for (int64_t row = 0; row < rows; ++row) {
        const double p1 = range.p1Min + static_cast<double>(row) * (range.p1Max - range.p1Min) /
                                            static_cast<double>(rows - 1);
        for (int64_t column = 0; column < columns; ++column) {
            const double p0 = range.p0Min + static_cast<double>(column) *
                                                (range.p0Max - range.p0Min) /
                                                static_cast<double>(columns - 1);
            grid.costs.push_back(surface.cost({p0, p1}));
        }
    }
    return grid;
}

}  // namespace koto
