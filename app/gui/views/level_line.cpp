#include "views/level_line.h"

namespace koto::gui {

std::vector<LineSegment> levelLine(const std::vector<float>& values, int size, double level,
                                   double extent) {
    std::vector<LineSegment> segments;
    if (size < 2 || values.size() != static_cast<size_t>(size) * static_cast<size_t>(size))
        return segments;
    const double cell = 2 * extent / size;
    auto at = [&](int column, int row) {
        return static_cast<double>(values[static_cast<size_t>(row * size + column)]);
    };
    auto centre = [&](int column, int row) {
        return QPointF(-extent + (column + 0.5) * cell, -extent + (row + 0.5) * cell);
    };
    // Where the level crosses the edge from corner a to corner b (values va, vb on either side).
    auto crossing = [&](QPointF a, QPointF b, double va, double vb) {
        const double t = (level - va) / (vb - va);
        return a + (b - a) * t;
    };
    for (int row = 0; row + 1 < size; ++row) {
        for (int column = 0; column + 1 < size; ++column) {
            // The square's corners anticlockwise from the bottom left, and its four edges.
            const QPointF p[4] = {centre(column, row), centre(column + 1, row),
                                  centre(column + 1, row + 1), centre(column, row + 1)};
            const double v[4] = {at(column, row), at(column + 1, row), at(column + 1, row + 1),
                                 at(column, row + 1)};
            std::vector<QPointF> points;  // the crossings, edge by edge
            for (int edge = 0; edge < 4; ++edge) {
                const int next = (edge + 1) % 4;
                if ((v[edge] >= level) != (v[next] >= level))
                    points.push_back(crossing(p[edge], p[next], v[edge], v[next]));
            }
            if (points.size() == 2) {
                segments.push_back({points[0], points[1]});
            } else if (points.size() == 4) {
                // A saddle: opposite corners above. The mean of the four says which pair of
                // crossings joins: above it, the high corners connect through the middle.
                const bool middleAbove = (v[0] + v[1] + v[2] + v[3]) / 4 >= level;
                const bool firstAbove = v[0] >= level;
                if (middleAbove == firstAbove) {
                    segments.push_back({points[0], points[1]});
                    segments.push_back({points[2], points[3]});
                } else {
                    segments.push_back({points[3], points[0]});
                    segments.push_back({points[1], points[2]});
                }
            }
        }
    }
    return segments;
}

}  // namespace koto::gui
