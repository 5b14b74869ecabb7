#pragma once
// Where a network's output over the plane crosses a level: for a classifier, P(class 1) = 0.5,
// the decision boundary itself, drawn as a line over the boundary plot (part 4's logistic unit
// separates the plane along a straight one). Marching squares over the grid the worker computes,
// each crossing placed by linear interpolation along the cell's edge.

#include <QPointF>
#include <array>
#include <vector>

namespace koto::gui {

using LineSegment = std::array<QPointF, 2>;

// values: a size x size grid row by row from the bottom, the cell centres of the square
// [-extent, extent]^2 (as TrainingSnapshot::grid). The pieces of the line where they equal
// `level`, in the plane's coordinates.
std::vector<LineSegment> levelLine(const std::vector<float>& values, int size, double level,
                                   double extent);

}  // namespace koto::gui
