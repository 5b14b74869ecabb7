#pragma once
// The 1-D lessons of parts 7 and 9 of the curriculum: gradient descent on a quadratic cost,
// J = x^2 + x (part 7: gradient 2x + 1, minimum at -1/2) and cost = u*u + u + 1 (part 9's
// TensorFlow example: from u = 20 with learning rate 0.3 each step is u <- 0.4 u - 0.3).
//
// On J = a x^2 + b x + c a step is x <- x - lr (2 a x + b), so the distance to the minimum is
// multiplied by r = 1 - 2 a lr each step: 0 <= r < 1 creeps down one side of the valley,
// -1 < r < 0 bounces across it and still settles, r = -1 bounces between two points for ever,
// r < -1 bounces ever higher (divergence).

#include <vector>

namespace koto {

struct Quadratic {
    double a = 1, b = 0, c = 0;  // J(x) = a x^2 + b x + c, a > 0

    double cost(double x) const { return (a * x + b) * x + c; }
    double gradient(double x) const { return 2 * a * x + b; }
    double minimum() const { return -b / (2 * a); }
};

// J = x^2 + x and u*u + u + 1.
Quadratic partSevenCost();
Quadratic partNineCost();

struct DescentIterate {
    int step = 0;  // 0: the start
    double x = 0;
    double cost = 0;
    double gradient = 0;  // at x, the slope the next step follows
};

// The start and then `steps` steps of x <- x - learningRate * dJ/dx.
std::vector<DescentIterate> gradientDescent(const Quadratic& cost, double start,
                                            double learningRate, int steps);

enum class DescentBehaviour { Converges, Oscillates, Cycles, Diverges };

// What the steps do for this learning rate (> 0), from r = 1 - 2 a lr.
DescentBehaviour descentBehaviour(const Quadratic& cost, double learningRate);
// The learning rates where the behaviour changes: 1 / 2a (beyond it, bouncing) and 1 / a
// (beyond it, divergence).
double largestCreepingRate(const Quadratic& cost);
double largestConvergingRate(const Quadratic& cost);

}  // namespace koto
