#include "inspect/descent_lesson.h"

namespace koto {

Quadratic partSevenCost() { return {1, 1, 0}; }
Quadratic partNineCost() { return {1, 1, 1}; }

std::vector<DescentIterate> gradientDescent(const Quadratic& cost, double start,
                                            double learningRate, int steps) {
    std::vector<DescentIterate> iterates;
    double x = start;
    for (int i = 0; i <= steps; ++i) {
        iterates.push_back({i, x, cost.cost(x), cost.gradient(x)});
        x -= learningRate * cost.gradient(x);
    }
    return iterates;
}

DescentBehaviour descentBehaviour(const Quadratic& cost, double learningRate) {
    const double r = 1 - 2 * cost.a * learningRate;
    if (r >= 0) return DescentBehaviour::Converges;
    if (r > -1) return DescentBehaviour::Oscillates;
    if (r == -1) return DescentBehaviour::Cycles;
    return DescentBehaviour::Diverges;
}

double largestCreepingRate(const Quadratic& cost) { return 1 / (2 * cost.a); }
double largestConvergingRate(const Quadratic& cost) { return 1 / cost.a; }

}  // namespace koto
