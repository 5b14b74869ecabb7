#include "data/playground_datasets.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <vector>

#include "util/errors.h"
#include "util/random.h"
#include "util/text.h"

namespace koto {
namespace {

struct Point {
    double x, y;
    double label;  // +1 / -1 for classification, the value for regression
};

using std::numbers::pi;

std::vector<Point> spiral(int64_t count, double noise, Random& random) {
    std::vector<Point> points;
    const int64_t half = count / 2;
    auto arm = [&](double deltaT, double label) {
        for (int64_t i = 0; i < half; ++i) {
            const double r = static_cast<double>(i) / static_cast<double>(half) * 5.0;
            const double t =
                1.75 * static_cast<double>(i) / static_cast<double>(half) * 2.0 * pi + deltaT;
            const double x = r * std::sin(t) + random.uniform(-1, 1) * noise;
            const double y = r * std::cos(t) + random.uniform(-1, 1) * noise;
            points.push_back({x, y, label});
        }
    };
    arm(0, 1);
    arm(pi, -1);
    return points;
}

std::vector<Point> circle(int64_t count, double noise, Random& random) {
    std::vector<Point> points;
    const double radius = 5.0;
    auto labelOf = [&](double x, double y) { return std::hypot(x, y) < radius * 0.5 ? 1.0 : -1.0; };
    auto ring = [&](double inner, double outer) {
        for (int64_t i = 0; i < count / 2; ++i) {
            const double r = random.uniform(inner, outer);
            const double angle = random.uniform(0, 2 * pi);
            const double x = r * std::sin(angle);
            const double y = r * std::cos(angle);
            const double noiseX = random.uniform(-radius, radius) * noise;
            const double noiseY = random.uniform(-radius, radius) * noise;
            points.push_back({x, y, labelOf(x + noiseX, y + noiseY)});
        }
    };
    ring(0, radius * 0.5);
    ring(radius * 0.7, radius);
    return points;
}

std::vector<Point> xorPoints(int64_t count, double noise, Random& random) {
    std::vector<Point> points;
    const double padding = 0.3;
    for (int64_t i = 0; i < count; ++i) {
        double x = random.uniform(-5, 5);
        x += x > 0 ? padding : -padding;
        double y = random.uniform(-5, 5);
        y += y > 0 ? padding : -padding;
        const double noiseX = random.uniform(-5, 5) * noise;
        const double noiseY = random.uniform(-5, 5) * noise;
        points.push_back({x, y, (x + noiseX) * (y + noiseY) >= 0 ? 1.0 : -1.0});
    }
    return points;
}

std::vector<Point> gauss(int64_t count, double noise, Random& random) {
    std::vector<Point> points;
    // The Playground maps noise 0..0.5 linearly to a spread of 0.5..4.
    const double spread = 0.5 + noise / 0.5 * 3.5;
    auto cluster = [&](double cx, double cy, double label) {
        for (int64_t i = 0; i < count / 2; ++i)
            points.push_back({random.normal(cx, spread), random.normal(cy, spread), label});
    };
    cluster(2, 2, 1);
    cluster(-2, -2, -1);
    return points;
}

std::vector<Point> moons(int64_t count, double noise, Random& random) {
    // scikit-learn's make_moons, scaled by 3 and centred in the square.
    std::vector<Point> points;
    const int64_t outer = count / 2;
    const int64_t inner = count - outer;
    auto add = [&](double x, double y, double label) {
        x += random.normal(0, noise);
        y += random.normal(0, noise);
        points.push_back({(x - 0.5) * 3.0, (y - 0.25) * 3.0, label});
    };
    for (int64_t i = 0; i < outer; ++i) {
        const double t =
            outer > 1 ? pi * static_cast<double>(i) / static_cast<double>(outer - 1) : 0;
        add(std::cos(t), std::sin(t), -1);
    }
    for (int64_t i = 0; i < inner; ++i) {
        const double t =
            inner > 1 ? pi * static_cast<double>(i) / static_cast<double>(inner - 1) : 0;
        add(1 - std::cos(t), 1 - std::sin(t) - 0.5, 1);
    }
    return points;
}

std::vector<Point> plane(int64_t count, double noise, Random& random) {
    std::vector<Point> points;
    const double radius = 6;
    for (int64_t i = 0; i < count; ++i) {
        const double x = random.uniform(-radius, radius);
        const double y = random.uniform(-radius, radius);
        const double noiseX = random.uniform(-radius, radius) * noise;
        const double noiseY = random.uniform(-radius, radius) * noise;
        points.push_back(
            {x, y, (x + noiseX + y + noiseY) / 10.0});  // as the Playground: not clamped
    }
    return points;
}

std::vector<Point> multiGaussian(int64_t count, double noise, Random& random) {
    static constexpr std::array<std::array<double, 3>, 6> kBumps{
        {{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}}};
    auto valueAt = [](double x, double y) {
        double value = 0;
        for (const auto& [cx, cy, sign] : kBumps) {
            // Distance 0..2 maps to 1..0, clamped: each bump is a cone of radius 2.
            const double height = std::clamp(1.0 - std::hypot(x - cx, y - cy) / 2.0, 0.0, 1.0);
            if (std::abs(sign * height) > std::abs(value)) value = sign * height;
        }
        return value;
    };
    std::vector<Point> points;
    const double radius = 6;
    for (int64_t i = 0; i < count; ++i) {
        const double x = random.uniform(-radius, radius);
        const double y = random.uniform(-radius, radius);
        const double noiseX = random.uniform(-radius, radius) * noise;
        const double noiseY = random.uniform(-radius, radius) * noise;
        points.push_back({x, y, valueAt(x + noiseX, y + noiseY)});
    }
    return points;
}

struct Generator {
    const char* name;
    Task task;
    std::vector<Point> (*generate)(int64_t, double, Random&);
};

constexpr std::array<Generator, 7> kGenerators{{
    {"circle", Task::Classification, circle},
    {"xor", Task::Classification, xorPoints},
    {"gauss", Task::Classification, gauss},
    {"spiral", Task::Classification, spiral},
    {"moons", Task::Classification, moons},
    {"plane", Task::Regression, plane},
    {"multigauss", Task::Regression, multiGaussian},
}};

const Generator* findGenerator(const std::string& name) {
    for (const Generator& generator : kGenerators)
        if (name == generator.name) return &generator;
    return nullptr;
}

void appendPoint(const Point& point, Task task, DataSplit& split) {
    split.inputs.push_back(static_cast<float>(point.x));
    split.inputs.push_back(static_cast<float>(point.y));
    if (task == Task::Classification) split.labels.push_back(point.label > 0 ? 1 : 0);
    else split.targets.push_back(static_cast<float>(point.label));
    ++split.count;
}

}  // namespace

bool isPlaygroundDataset(const std::string& name) { return findGenerator(name) != nullptr; }

Dataset makePlaygroundDataset(const std::string& name, const PlaygroundOptions& options) {
    const Generator* generator = findGenerator(name);
    if (!generator) throw InputError("unknown 2-D dataset " + inQuotes(name));
    if (options.points < 4 || options.points > 1'000'000)
        throw InputError(name + ": the number of points must be between 4 and 1000000");
    if (!(options.noise >= 0 && options.noise <= 0.5))
        throw InputError(name + ": noise must be between 0 and 0.5 (0-50 %)");
    if (!(options.testFraction > 0 && options.testFraction < 1))
        throw InputError(name + ": the test fraction must be between 0 and 1");

    Random random(options.seed, 0x64617461);  // "data"
    std::vector<Point> points = generator->generate(options.points, options.noise, random);
    // Shuffle, then split, as the Playground does (Fisher-Yates).
    for (size_t i = points.size(); i > 1; --i) std::swap(points[i - 1], points[random.below(i)]);
    const auto trainCount = static_cast<size_t>(
        std::llround(static_cast<double>(points.size()) * (1.0 - options.testFraction)));
    if (trainCount == 0 || trainCount == points.size())
        throw InputError(name + ": the test fraction leaves no training or no test points");

    Dataset dataset;
    dataset.name = name;
    dataset.task = generator->task;
    dataset.inputSize = 2;
    if (dataset.task == Task::Classification) {
        dataset.classCount = 2;
        dataset.classNames = {"orange", "blue"};
    }
    for (size_t i = 0; i < points.size(); ++i)
        appendPoint(points[i], dataset.task, i < trainCount ? dataset.train : dataset.test);
    return dataset;
}

}  // namespace koto
