// StageText's written-out elements: one element of a stage's tensor as the sum or product that
// made it, with the real operands (forward, loss, backward and update stages of dense layers;
// image_stage_text.cpp and sequence_stage_text.cpp do the same for conv/pool and recurrent ones).

#include <algorithm>

#include "inspector/stage_text.h"
#include "look/ui_text.h"

namespace koto::gui {
namespace {

const QString kMinus = QStringLiteral(" − ");

QString index2(const QString& name, const QString& row, const QString& col) {
    return QStringLiteral("%1[%2,%3]").arg(name, row, col);
}

QString index2(const QString& name, int64_t row, int64_t col) {
    return index2(name, QString::number(row), QString::number(col));
}

// A bias (one row) has one index, everything else two.
QString element(const QString& name, bool bias, int64_t row, int64_t col) {
    if (bias) return QStringLiteral("%1[%2]").arg(name).arg(col);
    return index2(name, row, col);
}

std::pair<std::string, std::string> splitKey(const std::string& key) {
    const size_t bar = key.find('|');
    return {key.substr(0, bar), bar == std::string::npos ? std::string() : key.substr(bar + 1)};
}

const TracedTensor* stateTensor(const std::vector<TracedTensor>& states, const std::string& name) {
    for (const TracedTensor& t : states)
        if (t.name == name) return &t;
    return nullptr;
}

}  // namespace

ElementWorking StageText::working(int index, const std::string& key, int64_t row,
                                  int64_t col) const {
    const TraceStage& stage = trace_.stages[static_cast<size_t>(index)];
    if (isImageStage(stage)) return imageWorking(stage, key, row, col);
    if (isSequenceStage(stage)) return sequenceWorking(stage, key, row, col);
    switch (stage.kind) {
    case StageKind::Forward: return forwardWorking(stage, key, row, col);
    case StageKind::Loss: return lossWorking(stage, key, row, col);
    case StageKind::Backward: return backwardWorking(stage, key, row, col);
    case StageKind::Update: return updateWorking(stage, key, row, col);
    }
    return {};
}

ElementWorking StageText::forwardWorking(const TraceStage& stage, const std::string& key, int64_t n,
                                         int64_t j) const {
    const LayerNotation& nt = notation_.layer(stage.layer);
    const TracedTensor& t = *stage.tensor(key);
    ElementWorking w;
    w.value = t.at(n, j);
    const QString name = notation_.tensorName(stage.layer, key);
    w.symbolic = index2(name, n, j);
    const TracedTensor* x = stage.tensor("X");
    if (nt.dense && key == "a") {
        const TracedTensor* weights = weightsOf(stage.layer, "W");
        const TracedTensor* bias = weightsOf(stage.layer, "b");
        w.symbolic += QStringLiteral(" = %1[%2] + Σ_d %3[%4,d] %5[d,%2]")
                          .arg(nt.bias)
                          .arg(j)
                          .arg(nt.input)
                          .arg(n)
                          .arg(nt.weight);
        QStringList terms;
        for (int64_t d = 0; d < x->cols; ++d)
            terms << factor(x->at(n, d)) + kTimes + factor(weights->at(d, j));
        w.operands = number(bias->at(0, j)) + QStringLiteral(" + ") + sum(terms);
    } else if (nt.dense && key == "Z") {
        const double a = stage.tensor("a")->at(n, j);
        const QString ai = index2(nt.preActivation, n, j);
        switch (nt.activation) {
        case Activation::Sigmoid:
            w.symbolic += QStringLiteral(" = σ(%1) = 1 / (1 + exp(−%1))").arg(ai);
            w.operands = QStringLiteral("1 / (1 + exp(%1))").arg(number(-a));
            break;
        case Activation::Tanh:
            w.symbolic += QStringLiteral(" = tanh(%1)").arg(ai);
            w.operands = QStringLiteral("tanh(%1)").arg(number(a));
            break;
        case Activation::Relu:
            w.symbolic += QStringLiteral(" = max(0, %1)").arg(ai);
            w.operands = QStringLiteral("max(0, %1)").arg(number(a));
            break;
        default:
            w.symbolic += QStringLiteral(" = ") + ai;
            w.operands = number(a);
            break;
        }
    } else if (key == "Z" && stage.tensor("mask")) {
        w.symbolic += QStringLiteral(" = %1 · %2")
                          .arg(index2(nt.input, n, j), index2(QStringLiteral("M"), n, j));
        w.operands = factor(x->at(n, j)) + kTimes + factor(stage.tensor("mask")->at(n, j));
        w.note = stage.tensor("mask")->at(n, j) == 0
                     ? tr("Unit %1 of sample %2 was dropped in this step.").arg(j).arg(n)
                     : tr("Unit %1 of sample %2 was kept, and scaled by 1/p.").arg(j).arg(n);
    } else if (key == "Z" && stage.tensor("noise")) {
        w.symbolic += QStringLiteral(" = %1 + %2")
                          .arg(index2(nt.input, n, j), index2(QStringLiteral("ε"), n, j));
        w.operands =
            number(x->at(n, j)) + QStringLiteral(" + ") + factor(stage.tensor("noise")->at(n, j));
    } else if (key == "Z") {
        w.symbolic += QStringLiteral(" = ") + index2(nt.input, n, j);
    }
    return w;
}

ElementWorking StageText::lossWorking(const TraceStage& stage, const std::string& key, int64_t n,
                                      int64_t k) const {
    const TracedTensor& t = *stage.tensor(key);
    ElementWorking w;
    w.value = t.at(n, k);
    w.symbolic = index2(QString::fromStdString(key), n, k);
    if (key != "Y") return w;
    const int last = notation_.layerCount() - 1;
    const TraceStage* output = trace_.find(StageKind::Forward, last);
    const QString a = notation_.layer(last).preActivation;
    const TracedTensor* logits = output->tensor("a");
    if (trace_.spec.loss == LossKind::CrossEntropy) {
        w.symbolic += QStringLiteral(" = exp(%1) / Σ_j exp(%2)")
                          .arg(index2(a, n, k), index2(a, QString::number(n), QStringLiteral("j")));
        QStringList terms;
        for (int64_t j = 0; j < logits->cols; ++j)
            terms << QStringLiteral("exp(%1)").arg(number(logits->at(n, j)));
        w.operands = QStringLiteral("exp(%1) / (%2)").arg(number(logits->at(n, k)), sum(terms));
    } else if (trace_.spec.loss == LossKind::BinaryCrossEntropy) {
        w.symbolic += QStringLiteral(" = σ(%1) = 1 / (1 + exp(−%1))").arg(index2(a, n, k));
        w.operands = QStringLiteral("1 / (1 + exp(%1))").arg(number(-logits->at(n, k)));
    } else {
        const TracedTensor* z = output->tensor("Z");
        w.symbolic += QStringLiteral(" = ") + index2(notation_.layer(last).output, n, k);
        if (z) w.operands = number(z->at(n, k));
    }
    return w;
}

ElementWorking StageText::backwardWorking(const TraceStage& stage, const std::string& key,
                                          int64_t r, int64_t c) const {
    const int l = stage.layer;
    const LayerNotation& nt = notation_.layer(l);
    const TracedTensor& t = *stage.tensor(key);
    ElementWorking w;
    w.value = t.at(r, c);
    const QString name = notation_.tensorName(l, key);
    w.symbolic = element(name, key == "dJ/db", r, c);
    const TraceStage* forward = trace_.find(StageKind::Forward, l);
    const TraceStage* loss = trace_.find(StageKind::Loss);
    const TracedTensor* x = forward->tensor("X");
    const TracedTensor* z = forward->tensor("Z");
    const TracedTensor* y = loss->tensor("Y");
    const TracedTensor* target = loss->tensor("T");
    const TracedTensor* da = stage.tensor("dJ/da");
    const QString rows = QString::number(trace_.rows());
    const bool fused = nt.dense && nt.last && !z;
    const QString daName = QStringLiteral("dJ/d") + nt.preActivation;
    auto yMinusT = [&](int64_t n, int64_t k) {
        return QStringLiteral("(") + number(y->at(n, k)) + kMinus + number(target->at(n, k)) +
               QStringLiteral(")");
    };

    if (key == "dJ/dZ") {
        if (nt.last) {  // mean squared error: dJ/dY = 2 (Y - T) / N
            w.symbolic += QStringLiteral(" = 2 (Y[%1,%2] − T[%1,%2]) / N").arg(r).arg(c);
            w.operands = QStringLiteral("2·") + yMinusT(r, c) + QStringLiteral(" / ") + rows;
            return w;
        }
        const LayerNotation& next = notation_.layer(l + 1);
        const TraceStage* nextBack = trace_.find(StageKind::Backward, l + 1);
        const TraceStage* nextForward = trace_.find(StageKind::Forward, l + 1);
        if (next.dense) {
            const TracedTensor* nextDa = nextBack->tensor("dJ/da");
            const TracedTensor* v = weightsOf(l + 1, "W");
            w.symbolic += QStringLiteral(" = Σ_k dJ/d%1[%2,k] %3[%4,k]")
                              .arg(next.preActivation)
                              .arg(r)
                              .arg(next.weight)
                              .arg(c);
            QStringList terms;
            for (int64_t k = 0; k < nextDa->cols; ++k)
                terms << factor(nextDa->at(r, k)) + kTimes + factor(v->at(c, k));
            w.operands = sum(terms);
        } else {
            const TracedTensor* incoming = nextBack->tensor("dJ/dZ");
            const TracedTensor* mask = nextForward->tensor("mask");
            w.symbolic +=
                QStringLiteral(" = ") + index2(QStringLiteral("dJ/d") + next.output, r, c);
            if (mask) {
                w.symbolic += QStringLiteral(" · ") + index2(QStringLiteral("M"), r, c);
                w.operands = factor(incoming->at(r, c)) + kTimes + factor(mask->at(r, c));
            } else {
                w.operands = number(incoming->at(r, c));
            }
        }
        return w;
    }
    if (!nt.dense) {  // dropout or noise: dJ/dX
        const TracedTensor* incoming = stage.tensor("dJ/dZ");
        const TracedTensor* mask = forward->tensor("mask");
        w.symbolic += QStringLiteral(" = ") + index2(QStringLiteral("dJ/d") + nt.output, r, c);
        if (mask) {
            w.symbolic += QStringLiteral(" · ") + index2(QStringLiteral("M"), r, c);
            w.operands = factor(incoming->at(r, c)) + kTimes + factor(mask->at(r, c));
        } else {
            w.operands = number(incoming->at(r, c));
        }
        return w;
    }
    if (key == "s'(a)") {
        const double zv = z->at(r, c);
        const QString zi = index2(nt.output, r, c);
        switch (nt.activation) {
        case Activation::Sigmoid:
            w.symbolic += QStringLiteral(" = %1 (1 − %1)").arg(zi);
            w.operands = number(zv) + QStringLiteral("·(1 − ") + number(zv) + QStringLiteral(")");
            break;
        case Activation::Tanh:
            w.symbolic += QStringLiteral(" = 1 − %1").arg(zi) + QStringLiteral("²");
            w.operands = QStringLiteral("1 − ") + factor(zv) + QStringLiteral("²");
            break;
        case Activation::Relu:
            w.symbolic += QStringLiteral(" = u(%1)").arg(zi);
            w.operands = QStringLiteral("u(%1)").arg(number(zv));
            break;
        default: w.symbolic += QStringLiteral(" = 1"); break;
        }
        return w;
    }
    if (key == "dJ/da") {
        if (fused) {
            w.symbolic += QStringLiteral(" = (Y[%1,%2] − T[%1,%2]) / N").arg(r).arg(c);
            w.operands = yMinusT(r, c) + QStringLiteral(" / ") + rows;
        } else {
            w.symbolic += QStringLiteral(" = %1 · %2")
                              .arg(index2(QStringLiteral("dJ/d") + nt.output, r, c),
                                   index2(QStringLiteral("s′(%1)").arg(nt.preActivation), r, c));
            w.operands = factor(stage.tensor("dJ/dZ")->at(r, c)) + kTimes +
                         factor(stage.tensor("s'(a)")->at(r, c));
        }
        return w;
    }
    if (key == "dJ/dW") {
        QStringList terms;
        if (fused) {
            w.symbolic += QStringLiteral(" = (1/N) Σ_n (Y[n,%1] − T[n,%1]) %2[n,%3]")
                              .arg(c)
                              .arg(nt.input)
                              .arg(r);
            for (int64_t n = 0; n < x->rows; ++n)
                terms << yMinusT(n, c) + kTimes + factor(x->at(n, r));
            w.operands = QStringLiteral("(") + sum(terms) + QStringLiteral(") / ") + rows;
        } else {
            w.symbolic +=
                QStringLiteral(" = Σ_n %1[n,%2] %3[n,%4]").arg(nt.input).arg(r).arg(daName).arg(c);
            for (int64_t n = 0; n < x->rows; ++n)
                terms << factor(x->at(n, r)) + kTimes + factor(da->at(n, c));
            w.operands = sum(terms);
        }
        return w;
    }
    if (key == "dJ/db") {
        QStringList terms;
        if (fused) {
            w.symbolic += QStringLiteral(" = (1/N) Σ_n (Y[n,%1] − T[n,%1])").arg(c);
            for (int64_t n = 0; n < da->rows; ++n) terms << yMinusT(n, c);
            w.operands = QStringLiteral("(") + sum(terms) + QStringLiteral(") / ") + rows;
        } else {
            w.symbolic += QStringLiteral(" = Σ_n %1[n,%2]").arg(daName).arg(c);
            for (int64_t n = 0; n < da->rows; ++n) terms << factor(da->at(n, c));
            w.operands = sum(terms);
        }
        return w;
    }
    if (key == "dJ/dX") {
        const TracedTensor* weights = weightsOf(l, "W");
        w.symbolic +=
            QStringLiteral(" = Σ_m %1[%2,m] %3[%4,m]").arg(daName).arg(r).arg(nt.weight).arg(c);
        QStringList terms;
        for (int64_t m = 0; m < da->cols; ++m)
            terms << factor(da->at(r, m)) + kTimes + factor(weights->at(c, m));
        w.operands = sum(terms);
    }
    return w;
}

ElementWorking StageText::updateWorking(const TraceStage& stage, const std::string& key, int64_t r,
                                        int64_t c) const {
    const auto [id, role] = splitKey(key);
    const ParameterUpdate& u = *stage.update(id);
    const QString p = notation_.parameterName(trace_.spec, id);
    const double lr = stage.scalar("learning rate").value_or(0);
    const double g = u.gradient.at(r, c), w0 = u.before.at(r, c);
    auto constant = [&](const char* name) { return stage.scalar(name).value_or(0); };
    auto at = [&](const QString& name) { return element(name, u.name == "b", r, c); };
    const QString rate = number(lr);
    const std::string& o = trace_.optimizer;
    ElementWorking w;

    if (role == "before" || role == "g") {
        const TracedTensor& t = role == "g" ? u.gradient : u.before;
        w.value = t.at(r, c);
        w.symbolic = role == "g" ? at(QStringLiteral("g")) + QStringLiteral(" = ") +
                                       at(QStringLiteral("dJ/d") + p)
                                 : at(p);
        const std::optional<double> l2 = stage.scalar("l2");
        const TraceStage* backward = trace_.find(StageKind::Backward, u.layer);
        const TracedTensor* dw = backward ? backward->tensor("dJ/d" + u.name) : nullptr;
        if (role == "g" && l2 && u.regularized && dw) {
            w.symbolic += QStringLiteral(" + 2·l2·") + at(p);
            w.operands =
                factor(dw->at(r, c)) + QStringLiteral(" + 2·") + number(*l2) + kTimes + factor(w0);
        }
        return w;
    }
    if (role.rfind("state:", 0) == 0) {
        const std::string rest = role.substr(6);
        const std::string name = rest.substr(0, rest.find(':'));
        const bool after = rest.substr(rest.find(':') + 1) == "after";
        const TracedTensor* before = stateTensor(u.stateBefore, name);
        const TracedTensor* now = stateTensor(u.stateAfter, name);
        const QString s = QString::fromStdString(name);
        w.value = (after ? now : before)->at(r, c);
        w.symbolic = at(s + (after ? QStringLiteral("′") : QString()));
        if (!after) return w;
        const double old = before->at(r, c);
        if (name == "v" && (o == "momentum" || o == "nesterov")) {
            w.symbolic +=
                QStringLiteral(" = μ·%1 − learning_rate·%2").arg(at(s), at(QStringLiteral("g")));
            w.operands =
                number(constant("mu")) + kTimes + factor(old) + kMinus + rate + kTimes + factor(g);
        } else if (name == "cache" && o == "adagrad") {
            w.symbolic += QStringLiteral(" = %1 + %2").arg(at(s), at(QStringLiteral("g"))) +
                          QStringLiteral("²");
            w.operands = number(old) + QStringLiteral(" + ") + factor(g) + QStringLiteral("²");
        } else if (name == "cache") {  // rmsprop
            w.symbolic +=
                QStringLiteral(" = decay·%1 + (1 − decay)·%2").arg(at(s), at(QStringLiteral("g"))) +
                QStringLiteral("²");
            w.operands = number(constant("decay")) + kTimes + factor(old) + QStringLiteral(" + ") +
                         number(1 - constant("decay")) + kTimes + factor(g) + QStringLiteral("²");
        } else if (name == "v" && o == "rmsprop") {
            const double cache = stateTensor(u.stateAfter, "cache")->at(r, c);
            w.symbolic += QStringLiteral(" = μ·%1 − learning_rate·%2 / (√%3 + ε)")
                              .arg(at(s), at(QStringLiteral("g")), at(QStringLiteral("cache′")));
            w.operands = number(constant("mu")) + kTimes + factor(old) + kMinus + rate + kTimes +
                         factor(g) + QStringLiteral(" / (√") + number(cache) +
                         QStringLiteral(" + ") + number(constant("eps")) + QStringLiteral(")");
        } else if (name == "m") {  // adam
            w.symbolic +=
                QStringLiteral(" = β1·%1 + (1 − β1)·%2").arg(at(s), at(QStringLiteral("g")));
            w.operands = number(constant("beta1")) + kTimes + factor(old) + QStringLiteral(" + ") +
                         number(1 - constant("beta1")) + kTimes + factor(g);
        } else if (name == "v") {  // adam
            w.symbolic +=
                QStringLiteral(" = β2·%1 + (1 − β2)·%2").arg(at(s), at(QStringLiteral("g"))) +
                QStringLiteral("²");
            w.operands = number(constant("beta2")) + kTimes + factor(old) + QStringLiteral(" + ") +
                         number(1 - constant("beta2")) + kTimes + factor(g) + QStringLiteral("²");
        }
        return w;
    }

    // The new weight.
    w.value = u.after.at(r, c);
    w.symbolic = at(p + QStringLiteral("′"));
    const QString wp = at(p), gp = at(QStringLiteral("g"));
    auto stateAfter = [&](const char* name) { return stateTensor(u.stateAfter, name)->at(r, c); };
    if (o == "sgd") {
        w.symbolic += QStringLiteral(" = %1 − learning_rate·%2").arg(wp, gp);
        w.operands = number(w0) + kMinus + rate + kTimes + factor(g);
    } else if (o == "momentum" || o == "rmsprop") {
        w.symbolic += QStringLiteral(" = %1 + %2").arg(wp, at(QStringLiteral("v′")));
        w.operands = number(w0) + QStringLiteral(" + ") + factor(stateAfter("v"));
    } else if (o == "nesterov") {
        w.symbolic +=
            QStringLiteral(" = %1 + μ·%2 − learning_rate·%3").arg(wp, at(QStringLiteral("v′")), gp);
        w.operands = number(w0) + QStringLiteral(" + ") + number(constant("mu")) + kTimes +
                     factor(stateAfter("v")) + kMinus + rate + kTimes + factor(g);
    } else if (o == "adagrad") {
        w.symbolic += QStringLiteral(" = %1 − learning_rate·%2 / (√%3 + ε)")
                          .arg(wp, gp, at(QStringLiteral("cache′")));
        w.operands = number(w0) + kMinus + rate + kTimes + factor(g) + QStringLiteral(" / (√") +
                     number(stateAfter("cache")) + QStringLiteral(" + ") + number(constant("eps")) +
                     QStringLiteral(")");
    } else if (o == "adam") {
        const QString t = number(constant("t"));
        w.symbolic +=
            QStringLiteral(" = %1 − learning_rate·(%2 / (1 − β1^t)) / (√(%3 / (1 − β2^t)) + ε)")
                .arg(wp, at(QStringLiteral("m′")), at(QStringLiteral("v′")));
        w.operands = number(w0) + kMinus + rate + QStringLiteral("·(") + number(stateAfter("m")) +
                     QStringLiteral(" / (1 − ") + number(constant("beta1")) + QStringLiteral("^") +
                     t + QStringLiteral(")) / (√(") + number(stateAfter("v")) +
                     QStringLiteral(" / (1 − ") + number(constant("beta2")) + QStringLiteral("^") +
                     t + QStringLiteral(")) + ") + number(constant("eps")) + QStringLiteral(")");
    }
    if (const std::optional<double> l1 = stage.scalar("l1"); l1 && u.regularized) {
        // The optimizer's step gives u; L1 then moves u learning_rate·l1 toward 0, stopping at 0.
        const QString step = w.symbolic.mid(w.symbolic.indexOf(QLatin1Char('=')) + 2);
        w.symbolic = at(p + QStringLiteral("′")) +
                     QStringLiteral(" = sign(u)·max(0, |u| − learning_rate·l1),   u = ") + step;
        w.operands =
            QStringLiteral("sign(u)·max(0, |u| − %1),   u = ").arg(number(lr * *l1)) + w.operands;
    }
    return w;
}

}  // namespace koto::gui
