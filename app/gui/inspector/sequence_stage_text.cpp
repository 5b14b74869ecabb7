// StageText for recurrent stages (part 13 of the curriculum), stepping through time: the
// SimpleRNN's and the LSTM's formulas, one element of one time step written out gate by gate
// with the trace's numbers, a weight's gradient as its sum over samples and time steps
// (inspect/time_sums.h), and how large the gradient is at each step of BPTT. Time steps are
// written t = 1..T, as the formulas count them (h(0) = 0); the trace holds step t at columns
// (t − 1)·width ... of a sample's row.

#include "inspector/stage_text.h"

#include "inspect/time_sums.h"
#include "look/ui_text.h"
#include "network/layer_registry.h"

namespace koto::gui {
namespace {

// "h(3)[0,2]": a sequence element at time t (from 1).
QString at(const QString& name, int64_t t, int64_t n, int64_t j) {
    return QStringLiteral("%1(%2)[%3,%4]").arg(name).arg(t).arg(n).arg(j);
}

QString squashName(Activation activation) {
    switch (activation) {
    case Activation::Sigmoid: return QStringLiteral("σ");
    case Activation::Tanh: return QStringLiteral("tanh");
    case Activation::Relu: return QStringLiteral("relu");
    default: return QString();
    }
}

const char* const kGates[] = {"i", "f", "o", "g"};

}  // namespace

bool StageText::isSequenceStage(const TraceStage& stage) const {
    if (stage.kind != StageKind::Forward && stage.kind != StageKind::Backward) return false;
    const std::string& type = trace_.spec.layers[static_cast<size_t>(stage.layer)].type;
    return type == "rnn" || type == "lstm" || type == "sequence_last";
}

QString StageText::sequenceLayerDescription(int layer) const {
    const LayerSpec& spec = trace_.spec.layers[static_cast<size_t>(layer)];
    const int units = spec.parameters.count("units") ? static_cast<int>(spec.integer("units")) : 0;
    if (spec.type == "rnn")
        return tr("SimpleRNN, %n unit(s), %1", nullptr, units)
            .arg(activationTitle(notation_.layer(layer).activation));
    if (spec.type == "lstm") return tr("LSTM, %n unit(s)", nullptr, units);
    if (spec.type == "sequence_last") return tr("the last time step h(T) goes on");
    if (spec.type == "sequence_many") return tr("every time step goes on as a row of its own");
    return {};
}

std::optional<std::pair<int64_t, int64_t>> StageText::timeSteps(int index,
                                                                const std::string& key) const {
    const TraceStage& stage = trace_.stages[static_cast<size_t>(index)];
    if (!isSequenceStage(stage) || key.rfind("dJ/dW", 0) == 0 || key == "dJ/db")
        return std::nullopt;
    const std::string& type = trace_.spec.layers[static_cast<size_t>(stage.layer)].type;
    if (type == "sequence_last" && key != "X" && key != "dJ/dX") return std::nullopt;
    // A copy: inferShapes returns a temporary whose elements a reference would outlive.
    const std::vector<int64_t> input =
        stage.layer == 0 ? trace_.spec.inputShape
                         : inferShapes(trace_.spec)[static_cast<size_t>(stage.layer - 1)];
    const TracedTensor* t = stage.tensor(key);
    if (input.size() != 2 || !t || t->cols % input[0] != 0) return std::nullopt;
    return std::pair{input[0], t->cols / input[0]};
}

QStringList StageText::sequenceFormulas(const TraceStage& stage) const {
    const int l = stage.layer;
    const LayerNotation& n = notation_.layer(l);
    const std::string& type = trace_.spec.layers[static_cast<size_t>(l)].type;
    const std::optional<std::pair<int64_t, int64_t>> steps =
        timeSteps(trace_.indexOf(stage.kind, l), "X");
    const int64_t T = steps ? steps->first : 0;
    QStringList lines;
    if (type == "sequence_last") {
        if (stage.kind == StageKind::Forward)
            lines << QStringLiteral("%1 = %2(T),   T = %3").arg(n.output, n.input).arg(T)
                  << tr("One answer per sequence: only the last step's hidden state goes on.");
        else
            lines << tr("dJ/d%1(T) = dJ/d%2; the earlier steps get 0 here, and their gradient "
                        "through the recurrence.")
                         .arg(n.input, n.output);
        return lines;
    }
    const bool lstm = type == "lstm";
    const QString x = n.input, wx = n.weight, wh = n.recurrentWeight, b = n.bias;
    if (stage.kind == StageKind::Forward) {
        if (lstm) {
            lines << QStringLiteral("i(t) = σ(%1(t) %2i + h(t−1) %3i + %4i)").arg(x, wx, wh, b) +
                         QStringLiteral("   ") + tr("(input gate: how much new content enters)")
                  << QStringLiteral("f(t) = σ(%1(t) %2f + h(t−1) %3f + %4f)").arg(x, wx, wh, b) +
                         QStringLiteral("   ") + tr("(forget gate: how much of c(t−1) is kept)")
                  << QStringLiteral("o(t) = σ(%1(t) %2o + h(t−1) %3o + %4o)").arg(x, wx, wh, b) +
                         QStringLiteral("   ") + tr("(output gate: how much of the cell is shown)")
                  << QStringLiteral("g(t) = tanh(%1(t) %2g + h(t−1) %3g + %4g)").arg(x, wx, wh, b) +
                         QStringLiteral("   ") + tr("(candidate content)")
                  << QStringLiteral("c(t) = f(t) ∘ c(t−1) + i(t) ∘ g(t),   h(t) = o(t) ∘ "
                                    "tanh(c(t)),   h(0) = c(0) = 0");
        } else {
            lines << QStringLiteral("h(t) = %1(%2(t) %3 + h(t−1) %4 + %5),   h(0) = 0")
                         .arg(squashName(n.activation), x, wx, wh, b);
        }
        lines << tr("T = %1 time steps, t = 1 … T; the same weights at every step.").arg(T);
        return lines;
    }
    lines << QStringLiteral("dJ/dh(t) = dJ/dY(t) + dJ/da(t+1) %1ᵀ").arg(wh) +
                 QStringLiteral("   ") +
                 tr("(the gradient from this step's output and from the step after it)");
    if (lstm) {
        lines << QStringLiteral(
                     "dJ/dc(t) = dJ/dh(t) ∘ o(t) ∘ (1 − tanh²c(t)) + dJ/dc(t+1) ∘ f(t+1)")
              << QStringLiteral("dJ/da_i = dJ/dc ∘ i(1 − i) ∘ g,  dJ/da_f = dJ/dc ∘ f(1 − f) ∘ "
                                "c(t−1),  dJ/da_o = dJ/dh ∘ o(1 − o) ∘ tanh c,  "
                                "dJ/da_g = dJ/dc ∘ i ∘ (1 − g²)");
    } else {
        lines << QStringLiteral("dJ/da(t) = dJ/dh(t) ∘ s′(a(t))");
    }
    lines << QStringLiteral("dJ/d%1 = Σ_t %2(t)ᵀ dJ/da(t),   dJ/d%3 = Σ_t h(t−1)ᵀ dJ/da(t),   "
                            "dJ/d%4 = Σ_t Σ_n dJ/da(t)")
                 .arg(wx, x, wh, b);
    auto norms = [](const std::vector<double>& values) {
        QStringList text;
        for (const double v : values) text << number(v);
        return text.join(QStringLiteral(", "));
    };
    if (!stage.hiddenGradientNorms.empty())
        lines << QStringLiteral("‖dJ/dh(t)‖, t = 1 … %1:  ").arg(stage.hiddenGradientNorms.size()) +
                     norms(stage.hiddenGradientNorms);
    if (!stage.cellGradientNorms.empty())
        lines << QStringLiteral("‖dJ/dc(t)‖, t = 1 … %1:  ").arg(stage.cellGradientNorms.size()) +
                     norms(stage.cellGradientNorms);
    lines << (lstm ? tr("Through the cell the gradient goes back multiplied only by the forget "
                        "gate f: while f stays near 1 "
                        "it survives far back in time.")
                   : tr("Each step back multiplies the gradient by Whᵀ and s′: through a SimpleRNN "
                        "it shrinks (or "
                        "explodes) as it goes back in time."));
    return lines;
}

ElementWorking StageText::sequenceWorking(const TraceStage& stage, const std::string& key,
                                          int64_t row, int64_t col) const {
    const int l = stage.layer;
    const LayerNotation& nt = notation_.layer(l);
    const TracedTensor& tensor = *stage.tensor(key);
    ElementWorking w;
    w.value = tensor.at(row, col);
    const std::optional<std::pair<int64_t, int64_t>> steps =
        timeSteps(trace_.indexOf(stage.kind, l), key);
    const QString name = notation_.tensorName(l, key);
    if (!steps) {  // weights' gradients, seq:last's output
        w.symbolic = QStringLiteral("%1[%2,%3]").arg(name).arg(row).arg(col);
        if (stage.kind == StageKind::Backward &&
            (key == "dJ/dWx" || key == "dJ/dWh" || key == "dJ/db")) {
            const std::string parameter = key.substr(4);
            if (parameter == "b") w.symbolic = QStringLiteral("%1[%2]").arg(name).arg(col);
            // One product for every sample and time step: the same weights act at every step.
            const TimeSum s =
                recurrentGradientSum(trace_, l, parameter, parameter == "b" ? 0 : row, col);
            const bool lstm = trace_.spec.layers[static_cast<size_t>(l)].type == "lstm";
            const int64_t U = lstm ? stage.tensor("dJ/da")->cols / s.steps / 4 : 0;
            const QString da = lstm ? QStringLiteral("dJ/da_%1(t)[n,%2]")
                                          .arg(QString::fromLatin1(kGates[col / U]))
                                          .arg(col % U)
                                    : QStringLiteral("dJ/da(t)[n,%1]").arg(col);
            w.symbolic += QStringLiteral(" = Σ_n Σ_t ");
            if (parameter == "Wx")
                w.symbolic += QStringLiteral("%1(t)[n,%2] ").arg(nt.input).arg(row);
            if (parameter == "Wh") w.symbolic += QStringLiteral("h(t−1)[n,%1] ").arg(row);
            w.symbolic += da;
            QStringList terms;
            for (const TimeTerm& term : s.terms)
                terms << (parameter == "b" ? factor(term.second)
                                           : factor(term.first) + kTimes + factor(term.second));
            w.operands = sum(terms);
            w.note = tr("One product for each of the %n sample(s) at each of the %1 time steps, "
                        "sample by sample through "
                        "t = 1 … %1: the same weights act at every step.",
                        nullptr, static_cast<int>(s.samples))
                         .arg(s.steps);
            if (parameter == "Wh")
                w.note += QLatin1Char(' ') + tr("h(0) = 0, so t = 1 adds nothing.");
        }
        return w;
    }
    const int64_t T = steps->first, width = steps->second;
    const int64_t t = col / width + 1, j = col % width;  // t from 1
    w.symbolic = at(name, t, row, j);
    const std::string& type = trace_.spec.layers[static_cast<size_t>(l)].type;
    if (type == "sequence_last") return w;  // its X and dJ/dX: given, and dJ/dZ at T

    const TraceStage* forward = trace_.find(StageKind::Forward, l);
    const TraceStage* backward = trace_.find(StageKind::Backward, l);
    const int64_t U = forward->tensor("h")->cols / T;
    // A sequence tensor's value at (n, step s from 1, column k); 0 before the first step.
    auto value = [&](const TraceStage* s, const char* which, int64_t step, int64_t k) -> double {
        const TracedTensor* v = s->tensor(which);
        return step < 1 ? 0.0 : v->at(row, (step - 1) * (v->cols / T) + k);
    };
    const TraceStage* update = trace_.find(StageKind::Update);
    const std::string id = trace_.spec.layers[static_cast<size_t>(l)].name;
    const TracedTensor* wx = update ? &update->update(id + ".Wx")->before : nullptr;
    const TracedTensor* wh = update ? &update->update(id + ".Wh")->before : nullptr;
    const TracedTensor* bias = update ? &update->update(id + ".b")->before : nullptr;
    // b[k] + Σ_d x(t)[n,d] Wx[d,k] + Σ_m h(t−1)[n,m] Wh[m,k], the pre-activation of column k.
    auto preActivation = [&](int64_t k, bool withInput) {
        QStringList inputs, recurrent;
        const int64_t D = forward->tensor("X")->cols / T;
        for (int64_t d = 0; withInput && d < D; ++d)
            inputs << factor(value(forward, "X", t, d)) + kTimes + factor(wx->at(d, k));
        for (int64_t m = 0; t > 1 && m < U; ++m)
            recurrent << factor(value(forward, "h", t - 1, m)) + kTimes + factor(wh->at(m, k));
        QString text =
            withInput ? number(bias->at(0, k)) + QStringLiteral(" + ") + sum(inputs) : QString();
        if (!recurrent.isEmpty()) text += QStringLiteral(" + ") + sum(recurrent);
        return text;
    };

    if (stage.kind == StageKind::Forward) {
        const int gate = key == "i" ? 0 : key == "f" ? 1 : key == "o" ? 2 : key == "g" ? 3 : -1;
        if (gate >= 0) {  // one gate of the LSTM
            const QString g = QString::fromLatin1(kGates[gate]);
            const QString squash = gate == 3 ? QStringLiteral("tanh") : QStringLiteral("σ");
            // f(3)[1,2] = σ(b1f[2] + Σ_d X(3)[1,d] Wx1f[d,2] + Σ_k h(2)[1,k] Wh1f[k,2])
            w.symbolic += QStringLiteral(" = ") + squash + QStringLiteral("(") + nt.bias + g +
                          QStringLiteral("[%1]").arg(j) +
                          QStringLiteral(" + Σ_d %1(%2)[%3,d] ").arg(nt.input).arg(t).arg(row) +
                          nt.weight + g + QStringLiteral("[d,%1]").arg(j);
            if (t > 1)
                w.symbolic += QStringLiteral(" + Σ_k h(%1)[%2,k] ").arg(t - 1).arg(row) +
                              nt.recurrentWeight + g + QStringLiteral("[k,%1]").arg(j);
            w.symbolic += QStringLiteral(")");
            if (wx)
                w.operands = squash + QStringLiteral("(") + preActivation(gate * U + j, true) +
                             QStringLiteral(")");
            return w;
        }
        if (key == "c") {
            w.symbolic +=
                QStringLiteral(" = %1 · %2 + %3 · %4")
                    .arg(at(QStringLiteral("f"), t, row, j), at(QStringLiteral("c"), t - 1, row, j),
                         at(QStringLiteral("i"), t, row, j), at(QStringLiteral("g"), t, row, j));
            w.operands = factor(value(forward, "f", t, j)) + kTimes +
                         factor(value(forward, "c", t - 1, j)) + QStringLiteral(" + ") +
                         factor(value(forward, "i", t, j)) + kTimes +
                         factor(value(forward, "g", t, j));
            return w;
        }
        if (key == "h" && type == "lstm") {
            w.symbolic +=
                QStringLiteral(" = %1 · tanh(%2)")
                    .arg(at(QStringLiteral("o"), t, row, j), at(QStringLiteral("c"), t, row, j));
            w.operands = factor(value(forward, "o", t, j)) + QStringLiteral("·tanh(") +
                         number(value(forward, "c", t, j)) + QStringLiteral(")");
            return w;
        }
        if (key == "h") {  // SimpleRNN: s(x(t) Wx + b, traced, + h(t−1) Wh)
            const QString part = at(QStringLiteral("p"), t, row, j);
            w.symbolic += QStringLiteral(" = %1(%2").arg(squashName(nt.activation), part);
            if (t > 1)
                w.symbolic += QStringLiteral(" + Σ_k h(%1)[%2,k] %3[k,%4]")
                                  .arg(t - 1)
                                  .arg(row)
                                  .arg(nt.recurrentWeight)
                                  .arg(j);
            w.symbolic +=
                QStringLiteral("),   p = %1(t) %2 + %3").arg(nt.input, nt.weight, nt.bias);
            if (wh)
                w.operands = squashName(nt.activation) + QStringLiteral("(") +
                             number(value(forward, "x(t) Wx + b", t, j)) + preActivation(j, false) +
                             QStringLiteral(")");
            return w;
        }
        if (key == "x(t) Wx + b") {
            w.symbolic = at(QStringLiteral("p"), t, row, j) +
                         QStringLiteral(" = %1[%2] + Σ_d %3(%4)[%5,d] %6[d,%2]")
                             .arg(nt.bias)
                             .arg(j)
                             .arg(nt.input)
                             .arg(t)
                             .arg(row)
                             .arg(nt.weight);
            if (wx) {
                QStringList inputs;
                const int64_t D = forward->tensor("X")->cols / T;
                for (int64_t d = 0; d < D; ++d)
                    inputs << factor(value(forward, "X", t, d)) + kTimes + factor(wx->at(d, j));
                w.operands = number(bias->at(0, j)) + QStringLiteral(" + ") + sum(inputs);
            }
            return w;
        }
        return w;  // X: given
    }

    if (key == "dJ/dh") {
        // dJ/dh(t) = dJ/dY(t) + Σ_k dJ/da(t+1)[n,k] Wh[j,k] (every gate's k for the LSTM).
        w.symbolic += QStringLiteral(" = ") + at(QStringLiteral("dJ/dY"), t, row, j);
        w.operands = factor(value(backward, "dJ/dY", t, j));
        if (t < T && wh) {
            w.symbolic += QStringLiteral(" + Σ_k dJ/da(%1)[%2,k] %3[%4,k]")
                              .arg(t + 1)
                              .arg(row)
                              .arg(nt.recurrentWeight)
                              .arg(j);
            QStringList terms;
            for (int64_t k = 0; k < wh->cols; ++k)
                terms << factor(value(backward, "dJ/da", t + 1, k)) + kTimes + factor(wh->at(j, k));
            w.operands += QStringLiteral(" + ") + sum(terms);
        }
        return w;
    }
    if (key == "dJ/dc") {
        const double c = value(forward, "c", t, j);
        w.symbolic +=
            QStringLiteral(" = %1 · %2 · (1 − tanh²%3)")
                .arg(at(QStringLiteral("dJ/dh"), t, row, j), at(QStringLiteral("o"), t, row, j),
                     at(QStringLiteral("c"), t, row, j));
        w.operands = factor(value(backward, "dJ/dh", t, j)) + kTimes +
                     factor(value(forward, "o", t, j)) + QStringLiteral("·(1 − tanh²") + factor(c) +
                     QStringLiteral(")");
        if (t < T) {
            w.symbolic += QStringLiteral(" + %1 · %2")
                              .arg(at(QStringLiteral("dJ/dc"), t + 1, row, j),
                                   at(QStringLiteral("f"), t + 1, row, j));
            w.operands += QStringLiteral(" + ") + factor(value(backward, "dJ/dc", t + 1, j)) +
                          kTimes + factor(value(forward, "f", t + 1, j));
        }
        return w;
    }
    if (key == "dJ/da" && type == "lstm") {
        const int gate = static_cast<int>(j / U);
        const int64_t u = j % U;
        const QString g = QString::fromLatin1(kGates[gate]);
        w.symbolic = at(QStringLiteral("dJ/da_") + g, t, row, u);
        const double dc = value(backward, "dJ/dc", t, u), dh = value(backward, "dJ/dh", t, u);
        const double gi = value(forward, "i", t, u), gf = value(forward, "f", t, u),
                     go = value(forward, "o", t, u), gg = value(forward, "g", t, u);
        const QString dcAt = at(QStringLiteral("dJ/dc"), t, row, u);
        switch (gate) {
        case 0:
            w.symbolic += QStringLiteral(" = %1 · i(1 − i) · g").arg(dcAt);
            w.operands = factor(dc) + kTimes + number(gi) + QStringLiteral("·(1 − ") + number(gi) +
                         QStringLiteral(")·") + factor(gg);
            break;
        case 1:
            w.symbolic += QStringLiteral(" = %1 · f(1 − f) · %2")
                              .arg(dcAt, at(QStringLiteral("c"), t - 1, row, u));
            w.operands = factor(dc) + kTimes + number(gf) + QStringLiteral("·(1 − ") + number(gf) +
                         QStringLiteral(")·") + factor(value(forward, "c", t - 1, u));
            break;
        case 2:
            w.symbolic += QStringLiteral(" = %1 · o(1 − o) · tanh %2")
                              .arg(at(QStringLiteral("dJ/dh"), t, row, u),
                                   at(QStringLiteral("c"), t, row, u));
            w.operands = factor(dh) + kTimes + number(go) + QStringLiteral("·(1 − ") + number(go) +
                         QStringLiteral(")·tanh(") + number(value(forward, "c", t, u)) +
                         QStringLiteral(")");
            break;
        default:
            w.symbolic += QStringLiteral(" = %1 · i · (1 − g²)").arg(dcAt);
            w.operands = factor(dc) + kTimes + factor(gi) + QStringLiteral("·(1 − ") + factor(gg) +
                         QStringLiteral("²)");
            break;
        }
        return w;
    }
    if (key == "dJ/da") {  // SimpleRNN: dJ/dh(t) s'(a(t)), s' written through h(t)
        const double h = value(forward, "h", t, j);
        const QString hAt = at(QStringLiteral("h"), t, row, j);
        w.symbolic +=
            QStringLiteral(" = ") + at(QStringLiteral("dJ/dh"), t, row, j) + QStringLiteral(" · ");
        w.operands = factor(value(backward, "dJ/dh", t, j)) + kTimes;
        switch (nt.activation) {
        case Activation::Tanh:
            w.symbolic += QStringLiteral("(1 − ") + hAt + QStringLiteral("²)");
            w.operands += QStringLiteral("(1 − ") + factor(h) + QStringLiteral("²)");
            break;
        case Activation::Sigmoid:
            w.symbolic += hAt + QStringLiteral("(1 − ") + hAt + QStringLiteral(")");
            w.operands += number(h) + QStringLiteral("·(1 − ") + number(h) + QStringLiteral(")");
            break;
        case Activation::Relu:
            w.symbolic += QStringLiteral("u(") + hAt + QStringLiteral(")");
            w.operands += QStringLiteral("u(") + number(h) + QStringLiteral(")");
            break;
        default:
            w.symbolic += QStringLiteral("1");
            w.operands += QStringLiteral("1");
            break;
        }
        return w;
    }
    return w;  // dJ/dY, dJ/dX: given or passed on
}

}  // namespace koto::gui
