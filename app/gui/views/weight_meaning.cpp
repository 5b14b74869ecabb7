#include "views/weight_meaning.h"

#include <algorithm>

#include "look/notation.h"

namespace koto::gui {

QString WeightMeaning::layerOutputName(const std::string& layer) const {
    const Notation notation(spec_);
    for (size_t i = 0; i < spec_.layers.size(); ++i)
        if (spec_.layers[i].name == layer) return notation.layer(static_cast<int>(i)).output;
    return QString::fromStdString(layer);
}

bool WeightMeaning::lastWeightLayer(const std::string& layer) const {
    return !spec_.layers.empty() && spec_.layers.back().name == layer;
}

QString WeightMeaning::from(const WeightMatrix& matrix, bool first, int64_t row) const {
    const auto n = row + 1;
    if (matrix.name == "b") return row < 0 ? tr("bias") : QString();
    if (matrix.layerType == "conv") return row < 0 ? tr("filter") : tr("filter %1").arg(n);
    if (matrix.name == "Wh") return row < 0 ? tr("h(t−1), unit") : tr("h%1(t−1)").arg(n);
    // What comes in: the data's inputs, or the layer before's units.
    const std::vector<int64_t>& in = matrix.inputShape;
    if (first && dataset_ && dataset_->imageWidth > 0 &&
        matrix.rows == dataset_->imageWidth * dataset_->imageHeight) {
        if (row < 0) return tr("input pixel (row by row)");
        return tr("pixel (%1, %2)")
            .arg(row / dataset_->imageWidth + 1)
            .arg(row % dataset_->imageWidth + 1);
    }
    if (in.size() == 3 && matrix.rows == in[0] * in[1] * in[2]) {
        // A flattened stack of feature maps: channel, then row and column.
        const int64_t area = in[1] * in[2];
        QString from = QStringLiteral("?");
        const Notation notation(spec_);
        for (size_t i = 0; i < spec_.layers.size(); ++i)
            if (spec_.layers[i].name == matrix.layer)
                from = notation.layer(static_cast<int>(i)).input;
        if (row < 0) return tr("input %1 (channel, row, column)").arg(from);
        return tr("%1 channel %2 at (%3, %4)")
            .arg(from)
            .arg(row / area + 1)
            .arg(row % area / in[2] + 1)
            .arg(row % in[2] + 1);
    }
    if (first) {
        const bool sequence = matrix.layerType == "rnn" || matrix.layerType == "lstm";
        if (row < 0) return sequence ? tr("input x(t), value") : tr("input x_i");
        return sequence ? tr("input x%1(t)").arg(n) : tr("input x%1").arg(n);
    }
    // The units of the weight layer before.
    QString before;
    for (size_t i = 0; i < spec_.layers.size(); ++i)
        if (spec_.layers[i].name == matrix.layer)
            before = Notation(spec_).layer(static_cast<int>(i)).input;
    if (before == QLatin1String("h(T)") || before.startsWith(QLatin1Char('h')))
        return row < 0 ? tr("h(T), unit") : tr("h%1(T)").arg(n);
    if (before == QLatin1String("Z"))
        return row < 0 ? tr("hidden unit") : tr("hidden unit %1").arg(n);
    return row < 0 ? tr("hidden unit of %1").arg(before)
                   : tr("hidden unit %1 of %2").arg(n).arg(before);
}

QString WeightMeaning::to(const WeightMatrix& matrix, int gate, int64_t col) const {
    const auto n = col + 1;
    if (matrix.layerType == "conv") {
        if (matrix.name == "b") return col < 0 ? tr("filter") : tr("filter %1").arg(n);
        const int64_t k = std::max<int64_t>(matrix.kernel, 1);
        if (col < 0) return tr("weight of the window (channel, row, column)");
        return tr("channel %1 at (%2, %3) of its %4 × %4 window")
            .arg(col / (k * k) + 1)
            .arg(col % (k * k) / k + 1)
            .arg(col % k + 1)
            .arg(k);
    }
    if (gate >= 0) {
        static const char* const gateNames[] = {
            QT_TR_NOOP("input gate i"), QT_TR_NOOP("forget gate f"), QT_TR_NOOP("output gate o"),
            QT_TR_NOOP("candidate g")};
        const QString gateName = tr(gateNames[gate]);
        return col < 0 ? tr("%1, unit").arg(gateName) : tr("%1 of unit %2").arg(gateName).arg(n);
    }
    if (matrix.layerType == "rnn") return col < 0 ? tr("h(t), unit") : tr("h%1(t)").arg(n);
    if (lastWeightLayer(matrix.layer)) return col < 0 ? tr("output y_k") : tr("output y%1").arg(n);
    const QString out = layerOutputName(matrix.layer);
    if (out == QLatin1String("Z")) return col < 0 ? tr("hidden unit") : tr("hidden unit %1").arg(n);
    return col < 0 ? tr("hidden unit of %1").arg(out) : tr("hidden unit %1 of %2").arg(n).arg(out);
}

QString WeightMeaning::connects(const WeightMatrix& matrix, bool first, int gate, int64_t row,
                                int64_t col) const {
    const QString target = to(matrix, gate, col);
    return matrix.name == "b" ? tr("bias of %1").arg(target)
                              : tr("%1 → %2").arg(from(matrix, first, row), target);
}

QString WeightMeaning::element(const QString& name, const WeightMatrix& matrix, int64_t row,
                               int64_t col) {
    return matrix.name == "b" ? QStringLiteral("%1[%2]").arg(name).arg(col + 1)
                              : QStringLiteral("%1[%2,%3]").arg(name).arg(row + 1).arg(col + 1);
}

}  // namespace koto::gui
