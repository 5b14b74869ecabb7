#include "look/notation.h"

namespace koto::gui {

Activation activationOf(const LayerSpec& spec) {
    if (!spec.parameters.count("activation")) return Activation::Linear;
    return activationFromName(spec.text("activation")).value_or(Activation::Linear);
}

Notation::Notation(const NetworkSpec& spec) {
    int denseCount = 0, weighted = 0, poolCount = 0;
    for (const LayerSpec& layer : spec.layers) {
        denseCount += layer.type == "dense";
        weighted += layer.type == "dense" || layer.type == "conv" || layer.type == "rnn" ||
                    layer.type == "lstm";
        poolCount += layer.type == "maxpool" || layer.type == "avgpool";
    }
    // The curriculum's own network: W, b, V, c.
    const bool classic = denseCount == 2 && weighted == 2;
    QString current = QStringLiteral("X");
    int dense = 0, pools = 0;
    for (size_t i = 0; i < spec.layers.size(); ++i) {
        const LayerSpec& layerSpec = spec.layers[i];
        LayerNotation n;
        n.input = current;
        n.last = i + 1 == spec.layers.size();
        if (layerSpec.type == "maxpool" || layerSpec.type == "avgpool") {
            ++pools;
            n.pooling = true;
            n.output = QStringLiteral("P") + (poolCount == 1 ? QString() : QString::number(pools));
        } else if (layerSpec.type == "flatten" || layerSpec.type == "sequence_many") {
            n.output = current;
        } else if (layerSpec.type == "sequence_last") {
            n.output = current + QStringLiteral("(T)");
        } else if (layerSpec.type == "rnn" || layerSpec.type == "lstm") {
            ++dense;  // numbered with the other weight layers: Wx1, Wh1, b1
            const QString number = weighted == 1 ? QString() : QString::number(dense);
            n.recurrent = true;
            // An rnn's s is tanh unless chosen; the LSTM's tanh is fixed.
            n.activation = layerSpec.parameters.count("activation") ? activationOf(layerSpec)
                                                                    : Activation::Tanh;
            n.weight = QStringLiteral("Wx") + number;
            n.recurrentWeight = QStringLiteral("Wh") + number;
            n.bias = QStringLiteral("b") + number;
            n.output = QStringLiteral("h");
        } else if (layerSpec.type == "dense" || layerSpec.type == "conv") {
            ++dense;
            n.dense = layerSpec.type == "dense";
            n.convolution = !n.dense;
            n.activation = activationOf(layerSpec);
            const QString number = weighted == 1 ? QString() : QString::number(dense);
            n.preActivation = QStringLiteral("a") + number;
            if (classic) {
                n.weight = dense == 1 ? QStringLiteral("W") : QStringLiteral("V");
                n.bias = dense == 1 ? QStringLiteral("b") : QStringLiteral("c");
            } else {
                n.weight = QStringLiteral("W") + number;
                n.bias = QStringLiteral("b") + number;
            }
            n.output = n.last    ? QStringLiteral("Y")
                       : classic ? QStringLiteral("Z")
                                 : QStringLiteral("Z") + number;
        } else {
            n.output = current + QChar(0x0303);  // combining tilde: Z̃
        }
        current = n.output;
        layers_.push_back(n);
    }
}

QString Notation::tensorName(int index, const std::string& traced) const {
    const LayerNotation& n = layer(index);
    auto named = [&](const std::string& base) -> QString {
        if (base == "X") return n.input;
        if (base == "Z") return n.output;
        if (base == "a") return n.preActivation;
        if (base == "W" || base == "Wx") return n.weight;
        if (base == "Wh") return n.recurrentWeight;
        if (base == "b") return n.bias;
        if (base == "mask") return QStringLiteral("M");
        if (base == "noise") return QStringLiteral("ε");
        return QString::fromStdString(base);
    };
    if (traced.rfind("dJ/d", 0) == 0) return QStringLiteral("dJ/d") + named(traced.substr(4));
    if (traced == "s'(a)") return QStringLiteral("s′(%1)").arg(n.preActivation);
    return named(traced);
}

QString Notation::parameterName(const NetworkSpec& spec, const std::string& id) const {
    for (size_t i = 0; i < spec.layers.size() && i < layers_.size(); ++i) {
        const std::string& layer = spec.layers[i].name;
        if (id == layer + ".W" || id == layer + ".Wx") return layers_[i].weight;
        if (id == layer + ".Wh") return layers_[i].recurrentWeight;
        if (id == layer + ".b") return layers_[i].bias;
    }
    return QString::fromStdString(id);
}

}  // namespace koto::gui
