// StageText for the convolution and pooling stages (part 12 of the curriculum): their formulas
// with the layer's kernel, stride and padding substituted, one element written out as the sum of
// its window (core/inspect/window_sums: the trace's own numbers), and the feature maps that show
// where it comes from.

#include "inspect/window_sums.h"
#include "inspector/stage_text.h"
#include "look/ui_text.h"

namespace koto::gui {
namespace {

QString index(int64_t value) { return QString::number(value); }

// name[a,b,c,d]
QString at4(const QString& name, const QString& a, const QString& b, const QString& c,
            const QString& d) {
    return QStringLiteral("%1[%2,%3,%4,%5]").arg(name, a, b, c, d);
}
QString at4(const QString& name, int64_t a, int64_t b, int64_t c, int64_t d) {
    return at4(name, index(a), index(b), index(c), index(d));
}

// The input row (or column) that kernel position k of window o reads: o·S − P + k, written as
// simply as the layer allows ("oy+ky" for stride 1 without padding).
QString windowIndex(const QString& o, const QString& k, int64_t stride, int64_t padding) {
    QString text = stride == 1 ? o : QStringLiteral("%1·%2").arg(stride).arg(o);
    if (padding > 0) text += QStringLiteral("−%1").arg(padding);
    return text + QStringLiteral("+") + k;
}

// "3–7" or "3" for a window one wide.
QString span(int64_t first, int64_t last) {
    return first == last ? index(first) : QStringLiteral("%1–%2").arg(first).arg(last);
}

QString activationFormula(Activation activation, const QString& z, const QString& a) {
    switch (activation) {
    case Activation::Sigmoid: return QStringLiteral("%1 = σ(%2) = 1 / (1 + exp(−%2))").arg(z, a);
    case Activation::Tanh: return QStringLiteral("%1 = tanh(%2)").arg(z, a);
    case Activation::Relu: return QStringLiteral("%1 = relu(%2) = max(0, %2)").arg(z, a);
    default: return QStringLiteral("%1 = %2").arg(z, a);
    }
}

// s′(a) written through Z, and with Z's value.
QString derivativeOf(Activation activation, const QString& z) {
    switch (activation) {
    case Activation::Sigmoid: return QStringLiteral("%1 (1 − %1)").arg(z);
    case Activation::Tanh:
        return QStringLiteral("(1 − ") + z + QStringLiteral("²)");  // no arg(): ² reads as a digit
    case Activation::Relu: return QStringLiteral("u(%1)").arg(z);
    default: return QStringLiteral("1");
    }
}
QString derivativeNumbers(Activation activation, double z) {
    switch (activation) {
    case Activation::Sigmoid:
        return StageText::number(z) + QStringLiteral("·(1 − ") + StageText::number(z) +
               QStringLiteral(")");
    case Activation::Tanh:
        return QStringLiteral("(1 − ") + StageText::factor(z) + QStringLiteral("²)");
    case Activation::Relu: return QStringLiteral("u(%1)").arg(StageText::number(z));
    default: return QStringLiteral("1");
    }
}

// The maps of a traced tensor at a conv or pooling stage: C x H x W for the input side, F x OH x OW
// for the output side, C x K x K for a row (a filter) of dJ/dW.
struct MapShape {
    int64_t channels = 0, height = 0, width = 0;
};
std::optional<MapShape> mapShape(const ImageLayerGeometry& g, const std::string& key) {
    const ImageWindows& w = g.windows;
    if (key == "X" || key == "winners" || key == "dJ/dX")
        return MapShape{w.channels, w.height, w.width};
    if (key == "a" || key == "Z" || key == "dJ/dZ" || key == "dJ/da")
        return MapShape{g.outputChannels, w.outputHeight(), w.outputWidth()};
    if (key == "dJ/dW") return MapShape{w.channels, w.kernel, w.kernel};
    return std::nullopt;
}

}  // namespace

bool StageText::isImageStage(const TraceStage& stage) const {
    return (stage.kind == StageKind::Forward || stage.kind == StageKind::Backward) &&
           imageGeometry(trace_, stage.layer).has_value();
}

QString StageText::imageLayerDescription(int layer) const {
    const LayerSpec& spec = trace_.spec.layers[static_cast<size_t>(layer)];
    if (spec.type == "flatten")
        return tr("flatten: each sample's feature maps become one row of values");
    const std::optional<ImageLayerGeometry> g = imageGeometry(trace_, layer);
    if (!g) return {};
    const int64_t k = g->windows.kernel;
    if (g->convolution)
        return tr("convolution, %n filter(s) of %1×%1, %2", nullptr,
                  static_cast<int>(g->outputChannels))
            .arg(k)
            .arg(activationTitle(notation_.layer(layer).activation));
    return spec.type == "maxpool" ? tr("max pooling, %1×%1 windows").arg(k)
                                  : tr("average pooling, %1×%1 windows").arg(k);
}

QString StageText::imageShape(const TraceStage& stage, const std::string& key) const {
    const std::optional<ImageLayerGeometry> g = imageGeometry(trace_, stage.layer);
    if (!g) return {};
    const std::optional<MapShape> m = mapShape(*g, key);
    const TracedTensor* t = stage.tensor(key);
    if (!m || !t) return {};
    return QStringLiteral("%1×%2×%3×%4").arg(t->rows).arg(m->channels).arg(m->height).arg(m->width);
}

QStringList StageText::imageFormulas(const TraceStage& stage) const {
    const int l = stage.layer;
    const ImageLayerGeometry g = *imageGeometry(trace_, l);
    const ImageWindows& w = g.windows;
    const LayerNotation& n = notation_.layer(l);
    const QString iy = windowIndex(QStringLiteral("oy"), QStringLiteral("ky"), w.stride, w.padding);
    const QString ix = windowIndex(QStringLiteral("ox"), QStringLiteral("kx"), w.stride, w.padding);
    const QString inShape = QStringLiteral("%1×%2×%3").arg(w.channels).arg(w.height).arg(w.width);
    const QString outShape =
        QStringLiteral("%1×%2×%3").arg(g.outputChannels).arg(w.outputHeight()).arg(w.outputWidth());
    const QString dz = QStringLiteral("dJ/d") + n.output;
    const QString dx = QStringLiteral("dJ/d") + n.input;
    QStringList lines;
    if (g.convolution) {
        const QString da = QStringLiteral("dJ/d") + n.preActivation;
        const QString patch = at4(n.input, QStringLiteral("n"), QStringLiteral("c"), iy, ix);
        if (stage.kind == StageKind::Forward) {
            lines << QStringLiteral("%1 = %2 ∗ %3 + %4")
                         .arg(n.preActivation, n.weight, n.input, n.bias)
                  << QStringLiteral("%1[n,f,oy,ox] = %2[f] + Σ_{c,ky,kx} %3[f,c,ky,kx] %4")
                         .arg(n.preActivation, n.bias, n.weight, patch)
                  << tr("%1 filters of %2×%3×%3 slide over %4 with stride S = %5 and zero padding "
                        "P = %6: %7 → %8")
                         .arg(g.outputChannels)
                         .arg(w.channels)
                         .arg(w.kernel)
                         .arg(n.input)
                         .arg(w.stride)
                         .arg(w.padding)
                         .arg(inShape, outShape)
                  << activationFormula(n.activation, n.output, n.preActivation);
            return lines;
        }
        lines << tr("%1 comes from the layer to the right").arg(dz)
              << QStringLiteral("%1 = %2 ∘ s′(%3),   s′(%3) = %4")
                     .arg(da, dz, n.preActivation, derivativeOf(n.activation, n.output))
              << QStringLiteral("dJ/d%1[f,c,ky,kx] = Σ_{n,oy,ox} %2[n,f,oy,ox] %3")
                     .arg(n.weight, da, patch)
              << QStringLiteral("dJ/d%1[f] = Σ_{n,oy,ox} %2[n,f,oy,ox]").arg(n.bias, da);
        if (stage.tensor("dJ/dX"))
            lines << QStringLiteral("%1[n,c,y,x] = Σ_{f,oy,ox} %2[n,f,oy,ox] %3[f,c,ky,kx]")
                             .arg(dx, da, n.weight) +
                         QStringLiteral("   ") +
                         tr("(over every window that covered (y, x), at its kernel position (ky, "
                            "kx): each input "
                            "collects the error of every window it was in)");
        return lines;
    }

    const bool max = trace_.spec.layers[static_cast<size_t>(l)].type == "maxpool";
    const QString k = index(w.kernel);
    const QString window = at4(n.input, QStringLiteral("n"), QStringLiteral("c"),
                               k + QStringLiteral("·oy+ky"), k + QStringLiteral("·ox+kx"));
    if (stage.kind == StageKind::Forward) {
        lines << (max ? QStringLiteral("%1[n,c,oy,ox] = max_{ky,kx} %2").arg(n.output, window)
                      : QStringLiteral("%1[n,c,oy,ox] = (1/%2) Σ_{ky,kx} %3")
                            .arg(n.output)
                            .arg(w.kernel * w.kernel)
                            .arg(window))
              << tr("%1×%1 windows moved by %1: %2 → %3").arg(k, inShape, outShape);
        const int64_t leftOut =
            std::max(w.height - w.outputHeight() * w.kernel, w.width - w.outputWidth() * w.kernel);
        if (leftOut > 0)
            lines << tr(
                "The last %n row(s) or column(s), which no whole window covers, are left out.",
                nullptr, static_cast<int>(leftOut));
        return lines;
    }
    const QString source = QStringLiteral("%1[n,c,⌊y/%2⌋,⌊x/%2⌋]").arg(dz, k);
    lines << tr("%1 comes from the layer to the right").arg(dz);
    if (stage.tensor("dJ/dX")) {
        if (max)
            lines << tr("%1[n,c,y,x] = %2 where %3[n,c,y,x] won its window, 0 elsewhere: the "
                        "gradient goes to the winner alone")
                         .arg(dx, source, n.input);
        else
            lines << QStringLiteral("%1[n,c,y,x] = %2 / %3")
                             .arg(dx, source)
                             .arg(w.kernel * w.kernel) +
                         QStringLiteral("   ") +
                         tr("(every input of a window gets an equal share)");
    }
    return lines;
}

ElementWorking StageText::imageWorking(const TraceStage& stage, const std::string& key, int64_t row,
                                       int64_t col) const {
    const int l = stage.layer;
    const ImageLayerGeometry g = *imageGeometry(trace_, l);
    const ImageWindows& w = g.windows;
    const LayerNotation& nt = notation_.layer(l);
    const TracedTensor& t = *stage.tensor(key);
    const QString name = notation_.tensorName(l, key);
    const QString da = QStringLiteral("dJ/d") + nt.preActivation;
    ElementWorking work;
    work.value = t.at(row, col);
    auto products = [](const WindowSum& s) {
        QStringList terms;
        for (const WindowTerm& term : s.terms)
            terms << factor(term.first) + kTimes + factor(term.second);
        return terms;
    };
    // A sum over every position of every sample: its products that are 0 (a unit ReLU switched
    // off, a dark pixel) add nothing and are left out of the writing, and the note says how many.
    auto nonZeroProducts = [&work](const WindowSum& s, bool withSecond) {
        QStringList terms;
        for (const WindowTerm& term : s.terms)
            if (term.first * term.second != 0)
                terms << (withSecond ? factor(term.first) + kTimes + factor(term.second)
                                     : factor(term.first));
        const int zeros = static_cast<int>(s.terms.size()) - static_cast<int>(terms.size());
        if (zeros > 0)
            work.note = tr("%n of the %1 products are 0 and are left out.", nullptr, zeros)
                            .arg(s.terms.size());
        return terms;
    };
    // A whole 3 x 3 x 3 window is written out; longer sums elide their middle.
    constexpr int kShownTerms = 27;

    if (key == "dJ/db") {
        const WindowSum s = biasGradientSum(trace_, l, col);
        work.symbolic = QStringLiteral("%1[%2] = Σ_{n,oy,ox} %3")
                            .arg(name)
                            .arg(col)
                            .arg(at4(da, QStringLiteral("n"), index(col), QStringLiteral("oy"),
                                     QStringLiteral("ox")));
        const QStringList terms = nonZeroProducts(s, false);
        work.operands = terms.isEmpty() ? QStringLiteral("0") : sum(terms, kShownTerms);
        return work;
    }
    if (key == "dJ/dW") {
        const int64_t f = row, c = col / (w.kernel * w.kernel), ky = col / w.kernel % w.kernel,
                      kx = col % w.kernel;
        const WindowSum s = weightGradientSum(trace_, l, f, c, ky, kx);
        const QString iy = windowIndex(QStringLiteral("oy"), index(ky), w.stride, w.padding);
        const QString ix = windowIndex(QStringLiteral("ox"), index(kx), w.stride, w.padding);
        work.symbolic =
            at4(name, f, c, ky, kx) + QStringLiteral(" = Σ_{n,oy,ox} ") +
            at4(da, QStringLiteral("n"), index(f), QStringLiteral("oy"), QStringLiteral("ox")) +
            QLatin1Char(' ') + at4(nt.input, QStringLiteral("n"), index(c), iy, ix);
        const QStringList terms = nonZeroProducts(s, true);
        work.operands = terms.isEmpty() ? QStringLiteral("0") : sum(terms, kShownTerms);
        const QString zeros = work.note;
        work.note = tr("Weight (%1, %2) of channel %3 of filter %4 met %n input(s): one in each "
                       "window of each sample, "
                       "where the window did not lie on the zero padding.",
                       nullptr, static_cast<int>(s.terms.size()))
                        .arg(ky)
                        .arg(kx)
                        .arg(c)
                        .arg(f);
        if (!zeros.isEmpty()) work.note += QLatin1Char(' ') + zeros;
        return work;
    }

    const bool inputSide = key == "X" || key == "winners" || key == "dJ/dX";
    const ImagePoint p = inputSide ? g.inputPoint(col) : g.outputPoint(col);
    work.symbolic = at4(name, row, p.channel, p.y, p.x);
    const bool forward = stage.kind == StageKind::Forward;

    if (g.convolution && forward && key == "a") {
        const WindowSum s = convolutionSum(trace_, l, row, p.channel, p.y, p.x);
        const QString iy = windowIndex(index(p.y), QStringLiteral("ky"), w.stride, w.padding);
        const QString ix = windowIndex(index(p.x), QStringLiteral("kx"), w.stride, w.padding);
        work.symbolic += QStringLiteral(" = %1[%2] + Σ_{c,ky,kx} %3 %4")
                             .arg(nt.bias)
                             .arg(p.channel)
                             .arg(at4(nt.weight, index(p.channel), QStringLiteral("c"),
                                      QStringLiteral("ky"), QStringLiteral("kx")),
                                  at4(nt.input, index(row), QStringLiteral("c"), iy, ix));
        work.operands = number(s.constant) + QStringLiteral(" + ") + sum(products(s), kShownTerms);
        const int64_t y0 = p.y * w.stride - w.padding, x0 = p.x * w.stride - w.padding;
        const int64_t padded =
            w.channels * w.kernel * w.kernel - static_cast<int64_t>(s.terms.size());
        work.note = tr("The window: rows %1, columns %2 of every channel of %3[%4], weighted by "
                       "filter %5[%6].")
                        .arg(span(y0, y0 + w.kernel - 1), span(x0, x0 + w.kernel - 1), nt.input)
                        .arg(row)
                        .arg(nt.weight)
                        .arg(p.channel);
        if (padded > 0)
            work.note +=
                QLatin1Char(' ') + tr("%n of its inputs lie on the zero padding and add nothing.",
                                      nullptr, static_cast<int>(padded));
        return work;
    }
    if (g.convolution && forward && key == "Z") {
        const double a = stage.tensor("a")->at(row, col);
        const QString ai = at4(nt.preActivation, row, p.channel, p.y, p.x);
        work.symbolic += activationFormula(nt.activation, QString(), ai);  // " = s(a[..])"
        switch (nt.activation) {
        case Activation::Sigmoid:
            work.operands = QStringLiteral("1 / (1 + exp(%1))").arg(number(-a));
            break;
        case Activation::Tanh: work.operands = QStringLiteral("tanh(%1)").arg(number(a)); break;
        case Activation::Relu: work.operands = QStringLiteral("max(0, %1)").arg(number(a)); break;
        default: work.operands = number(a); break;
        }
        return work;
    }
    if (!g.convolution && forward && key == "Z") {
        const PoolingWindow window = poolingWindow(trace_, l, row, p.channel, p.y, p.x);
        const QString inputs = at4(nt.input, index(row), index(p.channel),
                                   span(p.y * w.kernel, p.y * w.kernel + w.kernel - 1),
                                   span(p.x * w.kernel, p.x * w.kernel + w.kernel - 1));
        QStringList values;
        for (const WindowTerm& term : window.inputs.terms) values << number(term.first);
        if (window.winner >= 0) {
            const WindowTerm& won = window.inputs.terms[static_cast<size_t>(window.winner)];
            work.symbolic += QStringLiteral(" = max(%1)").arg(inputs);
            work.operands = QStringLiteral("max(%1)").arg(values.join(QStringLiteral(", ")));
            work.note = tr("The winner: %1 = %2.")
                            .arg(at4(nt.input, row, p.channel, won.y, won.x), number(won.first));
        } else {
            work.symbolic += QStringLiteral(" = (1/%1) Σ %2").arg(w.kernel * w.kernel).arg(inputs);
            work.operands =
                QStringLiteral("(%1) / %2").arg(sum(values, kShownTerms)).arg(w.kernel * w.kernel);
        }
        return work;
    }
    if (key == "dJ/dZ") {
        if (l + 1 >= notation_.layerCount()) return work;
        const int next = trace_.indexOf(StageKind::Backward, l + 1);
        const TraceStage* nextStage =
            next >= 0 ? &trace_.stages[static_cast<size_t>(next)] : nullptr;
        const QString passed = tr("Passed back by layer %1: its %2 at the same place.")
                                   .arg(l + 2)
                                   .arg(QStringLiteral("dJ/d") + notation_.layer(l + 1).input);
        if (nextStage && isImageStage(*nextStage) && nextStage->tensor("dJ/dX")) {
            // A conv or pooling layer on the right: its dJ/dX, written out the same way there.
            ElementWorking there = imageWorking(*nextStage, "dJ/dX", row, col);
            there.value = work.value;
            there.note = there.note.isEmpty() ? passed : passed + QLatin1Char(' ') + there.note;
            return there;
        }
        const TraceStage* dense = trace_.find(StageKind::Backward, l + 2);
        if (nextStage && trace_.spec.layers[static_cast<size_t>(l + 1)].type == "flatten" &&
            dense && notation_.layer(l + 2).dense) {
            // Flatten on the right: this pixel is column k of the row the dense layer reads.
            const ElementWorking flat = backwardWorking(*nextStage, "dJ/dZ", row, col);
            work.symbolic += QStringLiteral(" = ") + flat.symbolic;
            work.operands = flat.operands;
            work.note = tr("Flatten made %1 column k = (c·%2 + y)·%3 + x = %4 of the row that "
                           "layer %5 reads; its gradient "
                           "there is %6.")
                            .arg(at4(nt.output, row, p.channel, p.y, p.x))
                            .arg(w.outputHeight())
                            .arg(w.outputWidth())
                            .arg(col)
                            .arg(l + 3)
                            .arg(number(nextStage->tensor("dJ/dZ")->at(row, col)));
            return work;
        }
        work.note = passed;
        return work;
    }
    if (g.convolution && key == "dJ/da") {
        const double dz = stage.tensor("dJ/dZ")->at(row, col);
        const double z = trace_.find(StageKind::Forward, l)->tensor("Z")->at(row, col);
        const QString zi = at4(nt.output, row, p.channel, p.y, p.x);
        work.symbolic += QStringLiteral(" = %1 · %2")
                             .arg(at4(QStringLiteral("dJ/d") + nt.output, row, p.channel, p.y, p.x),
                                  derivativeOf(nt.activation, zi));
        work.operands = factor(dz) + kTimes + derivativeNumbers(nt.activation, z);
        return work;
    }
    if (g.convolution && key == "dJ/dX") {
        const WindowSum s = convolutionInputGradientSum(trace_, l, row, p.channel, p.y, p.x);
        work.symbolic += QStringLiteral(" = Σ %1 %2")
                             .arg(at4(da, index(row), QStringLiteral("f"), QStringLiteral("oy"),
                                      QStringLiteral("ox")),
                                  at4(nt.weight, QStringLiteral("f"), index(p.channel),
                                      QStringLiteral("ky"), QStringLiteral("kx")));
        const QStringList terms = nonZeroProducts(s, true);
        work.operands = terms.isEmpty() ? QStringLiteral("0") : sum(terms, kShownTerms);
        const QString zeros = work.note;
        QStringList windows;
        for (const WindowTerm& term : s.terms)
            if (term.filter == 0) windows << QStringLiteral("(%1,%2)").arg(term.oy).arg(term.ox);
        work.note =
            tr("%1 was in %n window(s) of each filter: %2.", nullptr,
               static_cast<int>(windows.size()))
                .arg(at4(nt.input, row, p.channel, p.y, p.x), windows.join(QStringLiteral(", ")));
        if (!zeros.isEmpty()) work.note += QLatin1Char(' ') + zeros;
        return work;
    }
    if (!g.convolution && key == "dJ/dX") {
        const WindowSum s = poolingInputGradientSum(trace_, l, row, p.channel, p.y, p.x);
        const QString xi = at4(nt.input, row, p.channel, p.y, p.x);
        if (s.terms.empty()) {
            work.note =
                tr("No whole window covers %1: it was left out, and gets no gradient.").arg(xi);
            return work;
        }
        const WindowTerm& term = s.terms.front();
        const QString dzi =
            at4(QStringLiteral("dJ/d") + nt.output, row, p.channel, term.oy, term.ox);
        if (trace_.spec.layers[static_cast<size_t>(l)].type == "avgpool") {
            work.symbolic += QStringLiteral(" = %1 / %2").arg(dzi).arg(w.kernel * w.kernel);
            work.operands =
                QStringLiteral("%1 / %2").arg(number(term.first)).arg(w.kernel * w.kernel);
        } else if (term.second != 0) {
            work.symbolic += QStringLiteral(" = ") + dzi;
            work.operands = number(term.first);
            work.note = tr("%1 won its window: the whole gradient goes to it.").arg(xi);
        } else {
            const PoolingWindow window = poolingWindow(trace_, l, row, p.channel, term.oy, term.ox);
            const WindowTerm& won =
                window.inputs.terms[static_cast<size_t>(std::max(window.winner, 0))];
            work.symbolic += QStringLiteral(" = 0");
            work.note = tr("%1 did not win its window (%2 did): it gets no gradient.")
                            .arg(xi, at4(nt.input, row, p.channel, won.y, won.x));
        }
        return work;
    }
    return work;  // X and the winners are given
}

std::vector<MapFocus> StageText::imageFocus(int index, const std::string& key, int64_t row,
                                            int64_t col) const {
    const TraceStage& stage = trace_.stages[static_cast<size_t>(index)];
    std::vector<MapFocus> maps;
    if (!isImageStage(stage)) return maps;
    const int l = stage.layer;
    const ImageLayerGeometry g = *imageGeometry(trace_, l);
    const std::optional<MapShape> shape = mapShape(g, key);
    const TracedTensor* chosen = stage.tensor(key);
    if (!shape || !chosen || row >= chosen->rows || col >= chosen->cols) return maps;
    const LayerNotation& nt = notation_.layer(l);
    const TraceStage* forward = trace_.find(StageKind::Forward, l);
    const TraceStage* backward = trace_.find(StageKind::Backward, l);
    const ImageWindows& w = g.windows;
    auto make = [&](const QString& label, const TracedTensor* t, int64_t r, const MapShape& s) {
        return MapFocus{
            label + QStringLiteral("[%1]").arg(r), t, r, s.channels, s.height, s.width, {}};
    };
    const MapShape in{w.channels, w.height, w.width},
        out{g.outputChannels, w.outputHeight(), w.outputWidth()};
    const MapShape filter{w.channels, w.kernel, w.kernel};

    if (key ==
        "dJ/dW") {  // a row of dJ/dW is a filter: its weight, and where it met the first sample
        const int64_t c = col / (w.kernel * w.kernel), ky = col / w.kernel % w.kernel,
                      kx = col % w.kernel;
        maps.push_back(make(notation_.tensorName(l, key), chosen, row, filter));
        maps.back().marks.push_back({c, ky, kx, PixelMark::Kind::Chosen});
        // dJ/dW[f,c,ky,kx] pairs dJ/da[n,f] with the part of X[n,c] that weight (ky, kx) read.
        maps.push_back(
            make(QStringLiteral("dJ/d") + nt.preActivation, backward->tensor("dJ/da"), 0, out));
        for (int64_t oy = 0; oy < w.outputHeight(); ++oy)
            for (int64_t ox = 0; ox < w.outputWidth(); ++ox)
                maps.back().marks.push_back({row, oy, ox, PixelMark::Kind::Window});
        maps.push_back(make(nt.input, forward->tensor("X"), 0, in));
        for (const WindowTerm& t : weightGradientSum(trace_, l, row, c, ky, kx).terms)
            if (t.sample == 0)
                maps.back().marks.push_back({t.channel, t.y, t.x, PixelMark::Kind::Window});
        return maps;
    }
    const bool inputSide = key == "X" || key == "winners" || key == "dJ/dX";
    const ImagePoint p = inputSide ? g.inputPoint(col) : g.outputPoint(col);
    maps.push_back(make(notation_.tensorName(l, key), chosen, row, *shape));
    maps.back().marks.push_back({p.channel, p.y, p.x, PixelMark::Kind::Chosen});
    const TracedTensor* x = forward->tensor("X");

    if (g.convolution && stage.kind == StageKind::Forward && (key == "a" || key == "Z")) {
        maps.push_back(make(nt.input, x, row, in));
        for (const WindowTerm& t : convolutionSum(trace_, l, row, p.channel, p.y, p.x).terms)
            maps.back().marks.push_back({t.channel, t.y, t.x, PixelMark::Kind::Window});
        const TraceStage* update = trace_.find(StageKind::Update);
        if (const ParameterUpdate* weights =
                update ? update->update(trace_.spec.layers[static_cast<size_t>(l)].name + ".W")
                       : nullptr)
            maps.push_back(make(nt.weight, &weights->before, p.channel, filter));
    } else if (g.convolution && key == "dJ/dX") {
        maps.push_back(
            make(QStringLiteral("dJ/d") + nt.preActivation, backward->tensor("dJ/da"), row, out));
        for (const WindowTerm& t :
             convolutionInputGradientSum(trace_, l, row, p.channel, p.y, p.x).terms)
            maps.back().marks.push_back({t.filter, t.oy, t.ox, PixelMark::Kind::Window});
    } else if (!g.convolution && key == "Z") {
        maps.push_back(make(nt.input, x, row, in));
        const PoolingWindow window = poolingWindow(trace_, l, row, p.channel, p.y, p.x);
        for (size_t i = 0; i < window.inputs.terms.size(); ++i) {
            const WindowTerm& t = window.inputs.terms[i];
            const bool won = static_cast<int>(i) == window.winner;
            maps.back().marks.push_back(
                {t.channel, t.y, t.x, won ? PixelMark::Kind::Winner : PixelMark::Kind::Window});
        }
    } else if (!g.convolution && key == "dJ/dX") {
        const WindowSum s = poolingInputGradientSum(trace_, l, row, p.channel, p.y, p.x);
        if (!s.terms.empty()) {
            const WindowTerm& term = s.terms.front();
            maps.push_back(
                make(QStringLiteral("dJ/d") + nt.output, backward->tensor("dJ/dZ"), row, out));
            maps.back().marks.push_back({p.channel, term.oy, term.ox, PixelMark::Kind::Window});
            maps.push_back(make(nt.input, x, row, in));
            const PoolingWindow window = poolingWindow(trace_, l, row, p.channel, term.oy, term.ox);
            for (size_t i = 0; i < window.inputs.terms.size(); ++i) {
                const WindowTerm& t = window.inputs.terms[i];
                const bool won = static_cast<int>(i) == window.winner;
                maps.back().marks.push_back(
                    {t.channel, t.y, t.x, won ? PixelMark::Kind::Winner : PixelMark::Kind::Window});
            }
        }
    }
    return maps;
}

}  // namespace koto::gui
