#pragma once
// The optimizer race on a surface (part 10 of the curriculum): a cost J(p0, p1) of only two
// parameters can be drawn whole, as a contour map, and each optimizer's path across it as a trail
// of points. On it a learner sees plain gradient descent zig-zag across a narrow valley and creep
// away from a saddle, momentum overshoot and swing back, AdaGrad's steps shrink, and RMSprop and
// Adam take steps of about the learning rate whatever the slope.
//
// The steps are those of the real optimizers (training/optimizer.h) on float32 parameters, as a
// network trains; J and its gradient are computed exactly (in double) at each point they reach.
// On `logistic` a trail is what a one-unit network goes through, trained by batch gradient
// descent on logisticSurfaceSamples().

#include <cstdint>
#include <string>
#include <vector>

#include "training/optimizer_race.h"

namespace koto {

// A point of the plane: (w, b) on `logistic`, (x, y) on the others. A gradient (dJ/dp0, dJ/dp1)
// is written as one too.
struct SurfacePoint {
    double p0 = 0, p1 = 0;
};

// The part of the plane a plot shows.
struct SurfaceRange {
    double p0Min = 0, p0Max = 0, p1Min = 0, p1Max = 0;
};

struct LossSurface {
    std::string name;            // "bowl": how the race and the CLI name it
    std::string formula;         // "J = x^2/2 + 10 y^2", for a caption
    std::string p0Name, p1Name;  // the axes: "w" and "b", or "x" and "y"
    SurfacePoint start;          // where every entrant starts
    SurfaceRange range;          // holds the start, the minima and the way between them
    double (*cost)(SurfacePoint p) = nullptr;
    SurfacePoint (*gradient)(SurfacePoint p) = nullptr;  // exact: (dJ/dp0, dJ/dp1)
};

// The surfaces, in the order a menu lists them:
//   logistic    y = sigmoid(w x + b), J = mean binary cross-entropy over logisticSurfaceSamples()
//   bowl        J = x^2/2 + 10 y^2: twenty times steeper across than along
//   rosenbrock  J = (1 - x)^2 + 5 (y - x^2)^2: a curved valley, minimum at (1, 1)
//   saddle      J = x^2 - y^2 + y^4/4: a saddle at (0, 0) between minima at (0, +-sqrt 2)
const std::vector<LossSurface>& lossSurfaces();
// The surface of that name; InputError naming the valid ones for any other.
const LossSurface& lossSurface(const std::string& name);

// The data set of `logistic`: one input x and a class 0 or 1, two classes that overlap (so no
// finite w separates them and J has a finite minimum).
struct LogisticSample {
    double x = 0;
    int label = 0;
};
const std::vector<LogisticSample>& logisticSurfaceSamples();

struct TrailPoint {
    SurfacePoint at;
    double cost = 0;  // J at that point
};

// Why a trail ended.
enum class TrailEnd {
    Finished,   // it took every step
    NotFinite,  // the next step would have made a parameter NaN or infinite (not taken)
    FlewAway,   // its last point lies beyond kFarAway: the optimizer diverged
};
inline constexpr double kFarAway = 1e6;  // |p0| or |p1| beyond it: far off any plot

struct SurfaceTrail {
    std::string label;               // the entrant's: "momentum:0.9@0.05"
    std::vector<TrailPoint> points;  // the start (step 0), then the point after each step
    TrailEnd end = TrailEnd::Finished;
    bool diverged() const { return end != TrailEnd::Finished; }
};

inline constexpr int64_t kMaxSurfaceSteps = 100'000;

// Every entrant from the surface's start, `steps` steps (0 to kMaxSurfaceSteps, else
// InputError): at each the gradient at the point, then the entrant's optimizer's update with the
// rate of its schedule (a step counts as an epoch of batch gradient descent: the first has the
// rate of epoch 0) and its gradient clipping. The settings' other choices (batch size, penalties,
// validation, augmentation) have no meaning here and are not used. An entrant that diverges stops
// there (SurfaceTrail::end says how); the others go on.
std::vector<SurfaceTrail> raceOnSurface(const LossSurface& surface,
                                        const std::vector<RaceEntrant>& entrants, int64_t steps);

inline constexpr int64_t kMaxGridSide = 4096;

// J on a grid over the surface's range, for a contour map or a colour map: column c at p0 =
// p0Min + c (p0Max - p0Min) / (columns - 1), row r at p1 = p1Min + r (p1Max - p1Min) / (rows - 1),
// so that the corners are the range's corners and row 0 is its bottom edge.
struct SurfaceGrid {
    SurfaceRange range;
    int64_t columns = 0, rows = 0;
    std::vector<double> costs;  // rows x columns, row by row
    double at(int64_t column, int64_t row) const {
        return costs[static_cast<size_t>(row * columns + column)];
    }
};
// Columns and rows from 2 to kMaxGridSide, else InputError.
SurfaceGrid surfaceGrid(const LossSurface& surface, int64_t columns, int64_t rows);

}  // namespace koto
