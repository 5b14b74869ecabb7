#include "inspector/stage_text.h"

#include <algorithm>

#include "look/ui_text.h"

namespace koto::gui {

StageText::StageText(const StepTrace& trace) : trace_(trace), notation_(trace.spec) {}

QString StageText::number(double value) {
    QString text = QString::number(value, 'g', 4);
    text.replace(QLatin1Char('-'), QChar(0x2212));
    return text;
}

QString StageText::factor(double value) {
    const QString text = number(value);
    return value < 0 ? QStringLiteral("(") + text + QStringLiteral(")") : text;
}

QString StageText::sum(const QStringList& terms, int shown) const {
    if (terms.size() <= shown) return terms.join(QStringLiteral(" + "));
    return terms[0] + QStringLiteral(" + ") + terms[1] + QStringLiteral(" + … + ") + terms.last() +
           tr(" (%n terms)", nullptr, static_cast<int>(terms.size()));
}

const TracedTensor* StageText::weightsOf(int layer, const char* which) const {
    const TraceStage* update = trace_.find(StageKind::Update);
    if (!update) return nullptr;
    const ParameterUpdate* u =
        update->update(trace_.spec.layers[static_cast<size_t>(layer)].name + "." + which);
    return u ? &u->before : nullptr;
}

QString StageText::layerDescription(int layer) const {
    const LayerSpec& spec = trace_.spec.layers[static_cast<size_t>(layer)];
    if (spec.type == "dense")
        return tr("dense, %n units, %1", nullptr, static_cast<int>(spec.integer("units")))
            .arg(activationTitle(notation_.layer(layer).activation));
    if (spec.type == "dropout")
        return tr("dropout, keep probability p = %1").arg(number(spec.number("keep")));
    if (spec.type == "noise") return tr("Gaussian noise, σ = %1").arg(number(spec.number("sigma")));
    const QString image = imageLayerDescription(layer);
    if (!image.isEmpty()) return image;
    const QString sequence = sequenceLayerDescription(layer);
    return sequence.isEmpty() ? QString::fromStdString(spec.type) : sequence;
}

QString StageText::title(int index) const {
    const TraceStage& stage = trace_.stages[static_cast<size_t>(index)];
    const int layers = static_cast<int>(trace_.spec.layers.size());
    switch (stage.kind) {
    case StageKind::Forward:
        return tr("Forward, layer %1 of %2: %3")
            .arg(stage.layer + 1)
            .arg(layers)
            .arg(layerDescription(stage.layer));
    case StageKind::Loss: return tr("The cost J: %1").arg(lossTitle(trace_.spec.loss));
    case StageKind::Backward:
        return tr("Backward, layer %1 of %2: %3")
            .arg(stage.layer + 1)
            .arg(layers)
            .arg(layerDescription(stage.layer));
    case StageKind::Update: {
        const std::string& o = trace_.optimizer;
        const QString name = o == "sgd"        ? tr("gradient descent")
                             : o == "momentum" ? tr("momentum")
                             : o == "nesterov" ? tr("Nesterov momentum")
                             : o == "adagrad"  ? QStringLiteral("AdaGrad")
                             : o == "rmsprop"  ? QStringLiteral("RMSprop")
                             : o == "adam"     ? QStringLiteral("Adam")
                                               : QString::fromStdString(o);
        return tr("The update: %1").arg(name);
    }
    }
    return {};
}

QStringList StageText::formulas(int index) const {
    const TraceStage& stage = trace_.stages[static_cast<size_t>(index)];
    QStringList lines;
    const int64_t rows = trace_.rows();
    if (stage.kind == StageKind::Update) return updateFormulas();
    if (stage.kind == StageKind::Loss) {
        const LayerNotation& out = notation_.layer(notation_.layerCount() - 1);
        const QString a = out.preActivation;
        const double j = stage.scalar("J").value_or(0);
        switch (trace_.spec.loss) {
        case LossKind::CrossEntropy:
            lines << QStringLiteral("Y = softmax(%1):  Y[n,k] = exp(%1[n,k]) / Σ_j exp(%1[n,j])")
                         .arg(a)
                  << QStringLiteral("J = −(1/N) Σ_n Σ_k T[n,k] log Y[n,k] = %1").arg(number(j));
            break;
        case LossKind::BinaryCrossEntropy:
            lines << QStringLiteral("Y = σ(%1) = 1 / (1 + exp(−%1))").arg(a)
                  << QStringLiteral(
                         "J = −(1/N) Σ_n (T[n] log Y[n] + (1 − T[n]) log(1 − Y[n])) = %1")
                         .arg(number(j));
            break;
        case LossKind::MeanSquaredError:
            lines << QStringLiteral("J = (1/N) Σ_n Σ_k (Y[n,k] − T[n,k])² = %1").arg(number(j));
            break;
        }
        if (const std::optional<double> steps = stage.scalar("steps"))
            lines << tr("N = %1 rows: %n sequence(s) x %2 time steps (seq:many answers at every "
                        "step); J is their mean cost.",
                        nullptr, static_cast<int>(trace_.samples()))
                         .arg(rows)
                         .arg(*steps);
        else
            lines << tr("N = %n sample(s) in this step; J is their mean cost.", nullptr,
                        static_cast<int>(rows));
        if (const std::optional<double> penalty = stage.scalar("penalty")) {
            QStringList terms, constants;
            if (const std::optional<double> l1 = stage.scalar("l1")) {
                terms << QStringLiteral("l1·Σ|w|");
                constants << QStringLiteral("l1 = ") + number(*l1);
            }
            if (const std::optional<double> l2 = stage.scalar("l2")) {
                terms << QStringLiteral("l2·Σw²");
                constants << QStringLiteral("l2 = ") + number(*l2);
            }
            lines << QStringLiteral("penalty = %1 = %2   (%3)")
                         .arg(terms.join(QStringLiteral(" + ")), number(*penalty),
                              constants.join(QStringLiteral(", ")))
                  << tr("With the L1/L2 penalty the cost trained on is %1 + %2 = %3.")
                         .arg(number(j), number(*penalty), number(j + *penalty));
        }
        return lines;
    }

    if (isImageStage(stage)) return imageFormulas(stage);
    if (isSequenceStage(stage)) return sequenceFormulas(stage);
    const int l = stage.layer;
    const LayerNotation& n = notation_.layer(l);
    const LayerSpec& spec = trace_.spec.layers[static_cast<size_t>(l)];
    const bool fused = n.last && trace_.spec.loss != LossKind::MeanSquaredError;
    if (stage.kind == StageKind::Forward) {
        if (n.dense) {
            lines
                << QStringLiteral("%1 = %2 %3 + %4").arg(n.preActivation, n.input, n.weight, n.bias)
                << QStringLiteral("%1[n,j] = %2[j] + Σ_d %3[n,d] %4[d,j]")
                       .arg(n.preActivation, n.bias, n.input, n.weight);
            if (fused) {
                lines << tr("The output activation (%1) is applied together with the cost, in the "
                            "next stage.")
                             .arg(activationTitle(n.activation));
            } else {
                const QString& z = n.output;
                const QString& a = n.preActivation;
                switch (n.activation) {
                case Activation::Sigmoid:
                    lines << QStringLiteral("%1 = σ(%2) = 1 / (1 + exp(−%2))").arg(z, a);
                    break;
                case Activation::Tanh: lines << QStringLiteral("%1 = tanh(%2)").arg(z, a); break;
                case Activation::Relu:
                    lines << QStringLiteral("%1 = relu(%2) = max(0, %2)").arg(z, a);
                    break;
                default: lines << QStringLiteral("%1 = %2").arg(z, a); break;
                }
            }
        } else if (spec.type == "dropout") {
            if (const TracedTensor* mask = stage.tensor("mask")) {
                const auto dropped = std::count(mask->values.begin(), mask->values.end(), 0.0f);
                lines << QStringLiteral("%1 = %2 ∘ M").arg(n.output, n.input)
                      << tr("M[n,j] = 1/p = %1 for a kept unit (probability p = %2), 0 for a "
                            "dropped one")
                             .arg(number(1 / spec.number("keep")), number(spec.number("keep")))
                      << tr("This step's mask dropped %1 of the %2 units (the zeros of M; a share "
                            "of %3, about 1 − p), "
                            "and scaled the others by 1/p.")
                             .arg(dropped)
                             .arg(mask->values.size())
                             .arg(number(mask->values.empty()
                                             ? 0.0
                                             : static_cast<double>(dropped) /
                                                   static_cast<double>(mask->values.size())));
            } else {
                lines << tr("%1 = %2: dropout acts only while training").arg(n.output, n.input);
            }
        } else if (spec.type == "flatten") {
            lines << tr("Each sample's C×H×W values (channels first) are already one row of C·H·W "
                        "numbers: they pass on "
                        "unchanged, %1[n, (c·H + y)·W + x] = %1[n,c,y,x].")
                         .arg(n.input);
        } else if (spec.type == "noise") {
            lines << QStringLiteral("%1 = %2 + ε").arg(n.output, n.input)
                  << tr("ε ~ N(0, σ²), σ = %1, drawn anew for every step")
                         .arg(number(spec.number("sigma")));
        }
        return lines;
    }

    // Backward.
    const QString dz = QStringLiteral("dJ/d") + n.output;
    if (n.dense) {
        const QString da = QStringLiteral("dJ/d") + n.preActivation;
        if (fused) {
            lines << QStringLiteral("%1 = (Y − T) / N").arg(da)
                  << tr("(the output activation and the cross-entropy together have this simple "
                        "gradient)")
                  << QStringLiteral("dJ/d%1[m,k] = (1/N) Σ_n (Y[n,k] − T[n,k]) %2[n,m]")
                         .arg(n.weight, n.input)
                  << QStringLiteral("dJ/d%1[k] = (1/N) Σ_n (Y[n,k] − T[n,k])").arg(n.bias);
        } else {
            if (n.last) lines << QStringLiteral("%1 = 2 (Y − T) / N").arg(dz);
            else lines << tr("%1 comes from the layer to the right").arg(dz);
            const QString& z = n.output;
            switch (n.activation) {
            case Activation::Sigmoid:
                lines << QStringLiteral("s′(%1) = %2 (1 − %2)").arg(n.preActivation, z);
                break;
            case Activation::Tanh:
                lines << QStringLiteral("s′(%1) = 1 − %2").arg(n.preActivation, z) +
                             QStringLiteral("²");
                break;
            case Activation::Relu:
                lines << QStringLiteral("s′(%1) = u(%2)  (1 if %2 > 0, else 0)")
                             .arg(n.preActivation, z);
                break;
            default: lines << QStringLiteral("s′(%1) = 1").arg(n.preActivation); break;
            }
            lines << QStringLiteral("%1 = %2 ∘ s′(%3)").arg(da, dz, n.preActivation)
                  << QStringLiteral("dJ/d%1 = %2ᵀ %3:  dJ/d%1[d,m] = Σ_n %2[n,d] %3[n,m]")
                         .arg(n.weight, n.input, da)
                  << QStringLiteral("dJ/d%1[m] = Σ_n %2[n,m]").arg(n.bias, da);
        }
        if (stage.tensor("dJ/dX"))
            lines << QStringLiteral("dJ/d%1 = %2 %3ᵀ").arg(n.input, da, n.weight) +
                         QStringLiteral("   ") +
                         tr("(the error passed back to the layer to the left)");
    } else if (spec.type == "dropout") {
        lines << tr("%1 comes from the layer to the right").arg(dz)
              << QStringLiteral("dJ/d%1 = %2 ∘ M").arg(n.input, dz) + QStringLiteral("   ") +
                     tr("(a dropped unit passes no error back)");
    } else if (spec.type == "flatten") {
        lines << tr("%1 comes from the layer to the right").arg(dz)
              << tr("It goes back unchanged: the same values, read again as C×H×W feature maps.");
    } else if (spec.type == "noise") {
        lines << QStringLiteral("dJ/d%1 = %2").arg(n.input, dz) + QStringLiteral("   ") +
                     tr("(the noise does not depend on %1)").arg(n.input);
    }
    return lines;
}

QStringList StageText::updateFormulas() const {
    const TraceStage* stage = trace_.find(StageKind::Update);
    QStringList lines;
    const std::string& o = trace_.optimizer;
    if (o == "sgd") lines << QStringLiteral("w ← w − learning_rate · g");
    if (o == "momentum") lines << QStringLiteral("v ← μ·v − learning_rate · g;   w ← w + v");
    if (o == "nesterov")
        lines << QStringLiteral("v ← μ·v − learning_rate · g;   w ← w + μ·v − learning_rate · g");
    if (o == "adagrad")
        lines << QStringLiteral("cache ← cache + g²;   w ← w − learning_rate · g / (√cache + ε)");
    if (o == "rmsprop")
        lines << QStringLiteral("cache ← decay·cache + (1 − decay)·g²;   v ← μ·v − learning_rate · "
                                "g / (√cache + ε);   w ← w + v");
    if (o == "adam")
        lines << QStringLiteral("m ← β1·m + (1 − β1)·g;   v ← β2·v + (1 − β2)·g²")
              << QStringLiteral(
                     "w ← w − learning_rate · (m / (1 − β1^t)) / (√(v / (1 − β2^t)) + ε)");
    QStringList constants;
    for (const TracedScalar& s : stage->scalars) {
        QString name = QString::fromStdString(s.name);
        if (name == QLatin1String("learning rate")) name = QStringLiteral("learning_rate");
        if (name == QLatin1String("mu")) name = QStringLiteral("μ");
        if (name == QLatin1String("eps")) name = QStringLiteral("ε");
        if (name == QLatin1String("beta1")) name = QStringLiteral("β1");
        if (name == QLatin1String("beta2")) name = QStringLiteral("β2");
        constants << name + QStringLiteral(" = ") + number(s.value);
    }
    lines << constants.join(QStringLiteral(",  "));
    const std::optional<double> l1 = stage->scalar("l1"), l2 = stage->scalar("l2");
    if (l2)
        lines << QStringLiteral("g = dJ/dw + 2·l2·w") + QStringLiteral("   ") +
                     tr("(L2: the gradient of l2·w²)");
    else lines << tr("g is dJ/dw from the backward pass.");
    if (l1)
        lines << QStringLiteral(
                     "w ← sign(w)·max(0, |w| − learning_rate·l1),   learning_rate·l1 = %1")
                         .arg(number(*stage->scalar("learning rate") * *l1)) +
                     QStringLiteral("   ") +
                     tr("(L1, after the step above: each weight moves learning_rate·l1 toward 0 "
                        "and stops at 0)");
    if ((l1 || l2) && !trace_.spec.layers.empty()) {
        bool biases = false;
        for (const ParameterUpdate& u : stage->updates)
            biases = biases || (u.name == "b" && u.regularized);
        lines << (biases ? tr("The penalties act on every weight and bias.")
                         : tr("The penalties act on the weights, not on the biases."));
    }
    return lines;
}

std::vector<ShownTensor> StageText::tensors(int index) const {
    const TraceStage& stage = trace_.stages[static_cast<size_t>(index)];
    std::vector<ShownTensor> shown;
    if (stage.kind == StageKind::Update) {
        for (const ParameterUpdate& u : stage.updates) {
            const QString p = notation_.parameterName(trace_.spec, u.id);
            shown.push_back({u.id + "|before", p, &u.before, false, {}});
            shown.push_back({u.id + "|g", QStringLiteral("g = dJ/d") + p, &u.gradient, false, {}});
            for (const TracedTensor& s : u.stateBefore)
                shown.push_back({u.id + "|state:" + s.name + ":before",
                                 QString::fromStdString(s.name) + QStringLiteral(" (%1)").arg(p),
                                 &s,
                                 false,
                                 {}});
            for (const TracedTensor& s : u.stateAfter)
                shown.push_back({u.id + "|state:" + s.name + ":after",
                                 QString::fromStdString(s.name) + QStringLiteral("′ (%1)").arg(p),
                                 &s,
                                 true,
                                 {}});
            shown.push_back({u.id + "|after", p + QStringLiteral("′"), &u.after, true, {}});
        }
        return shown;
    }
    for (const TracedTensor& t : stage.tensors) {
        const QString label = stage.kind == StageKind::Loss
                                  ? QString::fromStdString(t.name)
                                  : notation_.tensorName(stage.layer, t.name);
        const bool given = t.name == "X" || t.name == "T" || t.name == "mask" ||
                           t.name == "noise" ||
                           (t.name == "dJ/dZ" && !(notation_.layer(stage.layer).last));
        shown.push_back({t.name, label, &t, !given, imageShape(stage, t.name)});
    }
    return shown;
}

}  // namespace koto::gui
