#pragma once
// What each cell of a weight matrix connects, in the curriculum's words, for the weights view's
// axes and hover text: a row is what comes in ("input x2", "pixel (3, 5)", "hidden unit 4 of Z1",
// "h3(t−1)"), a column where it goes ("hidden unit 7", "output y2", "forget gate f of unit 3",
// "channel 1 at (2, 3) of its 5 × 5 window").

#include <QCoreApplication>
#include <QString>
#include <cstdint>
#include <string>

#include "data/dataset.h"
#include "inspect/network_weights.h"
#include "network/network_spec.h"

namespace koto::gui {

class WeightMeaning {
    Q_DECLARE_TR_FUNCTIONS(koto::gui::WeightMeaning)
public:
    // The network the matrices belong to, and its data (null when none is chosen): both must
    // outlive this object.
    WeightMeaning(const NetworkSpec& spec, const Dataset* dataset)
        : spec_(spec), dataset_(dataset) {}

    // Where the weights of row `row` of `matrix` come from (-1: what the rows are, for the axis); `first`: the
    // matrix is the network's first parameter, fed by the data.
    QString from(const WeightMatrix& matrix, bool first, int64_t row) const;
    // Where the weights of column `col` go (-1: what the columns are); `gate`: an LSTM block's gate, 0..3
    // for i, f, o, g, or -1.
    QString to(const WeightMatrix& matrix, int gate, int64_t col) const;
    // What one weight links, "input x2 → hidden unit 7", or whose bias it is, "bias of output y1".
    QString connects(const WeightMatrix& matrix, bool first, int gate, int64_t row,
                     int64_t col) const;
    // The element as the curriculum writes it, counting from 1: "W[2,7]", "b[7]" (name: "W",
    // "dJ/dW", ...).
    static QString element(const QString& name, const WeightMatrix& matrix, int64_t row,
                           int64_t col);

private:
    // What a layer's output is called: "hidden unit 3", "hidden unit 3 of Z2", "output y2".
    QString layerOutputName(const std::string& layer) const;
    bool lastWeightLayer(const std::string& layer) const;

    const NetworkSpec& spec_;
    const Dataset* dataset_;
};

}  // namespace koto::gui
