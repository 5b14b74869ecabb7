// The step-through inspector as a learner uses it, offscreen: a traced step of a fixed tiny
// 2-3-2 network (sigmoid hidden layer, softmax output, the weights written below) written out
// with the right operands and result in English and Japanese; stepping back shows exactly the
// values shown before; "by hand" mode accepts a right answer within the tolerance and rejects a
// wrong one; the numerical check sits beside a chosen weight; the main window's action takes a
// real traced step on the training thread (the next mini-batch or one chosen sample); and the
// 1-D lessons give part 9's numbers.

#include <QComboBox>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>
#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include "backend/cpu_backend.h"
#include "inspect/numerical_gradient.h"
#include "inspect/step_tracer.h"
#include "inspect/time_sums.h"
#include "inspect/window_sums.h"
#include "inspector/computation_graph_view.h"
#include "inspector/descent_lesson_view.h"
#include "inspector/formula_panel.h"
#include "inspector/gradient_norm_view.h"
#include "inspector/inspector_window.h"
#include "inspector/marked_maps_view.h"
#include "inspector/network_diagram_view.h"
#include "inspector/stage_text.h"
#include "inspector/tensor_table_view.h"
#include "koto_test_support.h"
#include "main_window_fixture.h"
#include "network/network.h"
#include "training/optimizer.h"
#include "training/trainer.h"
#include "window/language.h"

using namespace koto;
using namespace koto::gui;
using kototest::layer;

namespace {

// The tiny network's step: two samples (classes 1 and 0), batch 2, gradient descent at 0.5,
// with the L1 and L2 penalties given.
StepTrace tinyTrace(double l1 = 0, double l2 = 0, double keep = 1) {
    CpuBackend backend;
    Dataset data;
    data.name = "tiny";
    data.inputSize = 2;
    data.classCount = 2;
    data.train.count = 2;
    data.train.inputs = {0.5f, -1.0f, 1.5f, 0.25f};
    data.train.labels = {1, 0};
    NetworkSpec spec;
    spec.inputShape = {2};
    for (const auto& [units, activation] : {std::pair{3, "sigmoid"}, std::pair{2, "softmax"}}) {
        LayerSpec layer;
        layer.type = "dense";
        layer.parameters["units"] = int64_t(units);
        layer.parameters["activation"] = std::string(activation);
        spec.layers.push_back(layer);
    }
    if (keep < 1) {  // dropout after the hidden layer
        LayerSpec dropout;
        dropout.type = "dropout";
        dropout.parameters["keep"] = keep;
        spec.layers.insert(spec.layers.begin() + 1, dropout);
    }
    assignLayerNames(spec);
    Network network(backend, spec, 2);
    const std::vector<std::vector<float>> weights{{0.1f, -0.2f, 0.3f, 0.4f, 0.5f, -0.6f},
                                                  {0.01f, -0.02f, 0.03f},
                                                  {0.7f, -0.8f, 0.9f, 0.1f, -0.3f, 0.2f},
                                                  {0.05f, -0.05f}};
    for (size_t i = 0; i < weights.size(); ++i)
        backend.upload(std::span<const float>(weights[i]),
                       network.parameters()[i].parameter->value);
    TrainingSettings settings;
    settings.batchSize = 2;
    settings.learningRate = 0.5;
    settings.l1 = l1;
    settings.l2 = l2;
    const std::unique_ptr<Optimizer> optimizer = makeOptimizer(settings);
    Trainer trainer(network, *optimizer, data, settings);
    return *traceStep(trainer);
}

// A small CNN's step: two 1 x 6 x 6 images, conv 2@3x3 with padding 1 (tanh), max pooling 2,
// flatten, softmax over 2 classes; initial weights from a fixed seed.
StepTrace cnnTrace() {
    CpuBackend backend;
    Dataset data;
    data.name = "tiny images";
    data.inputSize = 36;
    data.classCount = 2;
    data.train.count = 2;
    for (int i = 0; i < 72; ++i)
        data.train.inputs.push_back(static_cast<float>(std::cos(0.7 * i) * 0.8));
    data.train.labels = {1, 0};
    NetworkSpec spec;
    spec.inputShape = {1, 6, 6};
    spec.layers = {layer("conv", {{"filters", int64_t{2}},
                                  {"kernel", int64_t{3}},
                                  {"stride", int64_t{1}},
                                  {"padding", int64_t{1}},
                                  {"activation", std::string("tanh")}}),
                   layer("maxpool", {{"kernel", int64_t{2}}}), layer("flatten", {}),
                   layer("dense", {{"units", int64_t{2}}, {"activation", std::string("softmax")}})};
    assignLayerNames(spec);
    Network network(backend, spec, 2);
    network.initialize(3);
    TrainingSettings settings;
    settings.batchSize = 2;
    settings.learningRate = 0.1;
    const std::unique_ptr<Optimizer> optimizer = makeOptimizer(settings);
    Trainer trainer(network, *optimizer, data, settings);
    return *traceStep(trainer);
}

// An LSTM's step: three sequences of T = 4 steps of 2 values, lstm:3, seq:last, softmax over 2
// classes; initial weights from a fixed seed (the forget gates' bias at 1).
StepTrace lstmTrace() {
    CpuBackend backend;
    const Dataset data = kototest::tinySequences();
    NetworkSpec spec;
    spec.inputShape = {4, 2};
    spec.layers = {layer("lstm", {{"units", int64_t{3}}}), layer("sequence_last", {}),
                   layer("dense", {{"units", int64_t{2}}, {"activation", std::string("softmax")}})};
    assignLayerNames(spec);
    Network network(backend, spec, 3);
    network.initialize(5);
    TrainingSettings settings;
    settings.batchSize = 3;
    const std::unique_ptr<Optimizer> optimizer = makeOptimizer(settings);
    Trainer trainer(network, *optimizer, data, settings);
    return *traceStep(trainer);
}

QString factorText(double v) {
    const QString text = StageText::number(v);
    return v < 0 ? QStringLiteral("(") + text + QStringLiteral(")") : text;
}

// "1·2 + (−3)·4" from the terms' factors, as the working writes a product sum.
QString products(const WindowSum& sum, int from, int to) {
    QStringList terms;
    auto factor = [](double v) {
        const QString text = StageText::number(v);
        return v < 0 ? QStringLiteral("(") + text + QStringLiteral(")") : text;
    };
    for (int i = from; i < to; ++i)
        terms << factor(sum.terms[static_cast<size_t>(i)].first) + QStringLiteral("·") +
                     factor(sum.terms[static_cast<size_t>(i)].second);
    return terms.join(QStringLiteral(" + "));
}

std::vector<QString> tableCells(const TensorTableView& table) {
    std::vector<QString> cells;
    for (int r = 0; r < table.rowCount(); ++r)
        for (int c = 0; c < table.columnCount(); ++c) cells.push_back(table.cellText(r, c));
    return cells;
}

}  // namespace

class TestInspector : public QObject {
    Q_OBJECT

private slots:
    void init() {
        language_ = std::make_unique<Language>();
        language_->apply(QStringLiteral("en"));
    }
    void cleanup() { language_.reset(); }

    void elementIsWrittenOutWithItsOperands_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("title");
        QTest::newRow("en") << "en"
                            << "Backward, layer 2 of 2";
        QTest::newRow("ja") << "ja"
                            << "逆伝播";
    }
    void elementIsWrittenOutWithItsOperands() {
        QFETCH(QString, language);
        QFETCH(QString, title);
        language_->apply(language);
        const StepTrace trace = tinyTrace();
        const StageText text(trace);
        const int stage = trace.indexOf(StageKind::Backward, 1);
        QVERIFY2(text.title(stage).contains(title), qPrintable(text.title(stage)));

        // dJ/dV[2,1] = (1/N) Σ_n (Y[n,1] − T[n,1]) Z[n,2], with the trace's own numbers.
        const ElementWorking w = text.working(stage, "dJ/dW", 2, 1);
        QVERIFY2(w.symbolic.startsWith(
                     QStringLiteral("dJ/dV[2,1] = (1/N) Σ_n (Y[n,1] − T[n,1]) Z[n,2]")),
                 qPrintable(w.symbolic));
        const TraceStage& loss = *trace.find(StageKind::Loss);
        const TracedTensor& z = *trace.find(StageKind::Forward, 1)->tensor("X");
        QString expected = QStringLiteral("(");
        for (int n = 0; n < 2; ++n) {
            if (n) expected += QStringLiteral(" + ");
            expected += QStringLiteral("(%1 − %2)·%3")
                            .arg(StageText::number(loss.tensor("Y")->at(n, 1)),
                                 StageText::number(loss.tensor("T")->at(n, 1)),
                                 StageText::number(z.at(n, 2)));
        }
        expected += QStringLiteral(") / 2");
        QCOMPARE(w.operands, expected);
        QCOMPARE(w.value, static_cast<double>(
                              trace.find(StageKind::Backward, 1)->tensor("dJ/dW")->at(2, 1)));
        // What the operands say is what training computed.
        double sum = 0;
        for (int n = 0; n < 2; ++n)
            sum += (loss.tensor("Y")->at(n, 1) - loss.tensor("T")->at(n, 1)) * z.at(n, 2) / 2.0;
        QVERIFY(std::abs(sum - w.value) < 1e-6);

        // And the hidden layer's weight gradient, through the activation's derivative.
        const int hidden = trace.indexOf(StageKind::Backward, 0);
        const ElementWorking derivative = text.working(hidden, "s'(a)", 1, 0);
        const double zHidden = trace.find(StageKind::Forward, 0)->tensor("Z")->at(1, 0);
        QCOMPARE(derivative.symbolic, QStringLiteral("s′(a1)[1,0] = Z[1,0] (1 − Z[1,0])"));
        QCOMPARE(derivative.operands, StageText::number(zHidden) + QStringLiteral("·(1 − ") +
                                          StageText::number(zHidden) + QStringLiteral(")"));
        const ElementWorking a = text.working(trace.indexOf(StageKind::Forward, 0), "a", 0, 1);
        QCOMPARE(a.symbolic, QStringLiteral("a1[0,1] = b[1] + Σ_d X[0,d] W[d,1]"));
        QCOMPARE(a.operands, QStringLiteral("−0.02 + 0.5·(−0.2) + (−1)·0.5"));
        QVERIFY(std::abs(a.value - (-0.02 + 0.5 * -0.2 - 1 * 0.5)) < 1e-6);
    }

    // A conv element written out: its bias and every product of its window, with the trace's
    // numbers, the window named; the weight gradient as the sum over positions; in both languages
    // the same working, the title in the language's words.
    void convolutionElementIsWrittenOutWithItsWindow_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("forward");
        QTest::newRow("en") << "en"
                            << "Forward, layer 1 of 4";
        QTest::newRow("ja") << "ja"
                            << "順伝播";
    }
    void convolutionElementIsWrittenOutWithItsWindow() {
        QFETCH(QString, language);
        QFETCH(QString, forward);
        language_->apply(language);
        const StepTrace trace = cnnTrace();
        const StageText text(trace);
        const int stage = trace.indexOf(StageKind::Forward, 0);
        QVERIFY2(text.title(stage).contains(forward), qPrintable(text.title(stage)));
        QVERIFY(text.formulas(stage)
                    .join(QLatin1Char('\n'))
                    .contains(QStringLiteral("a1 = W1 ∗ X + b1")));

        // a1[1,1,2,3]: filter 1 at row 2, column 3 reads rows 1-3, columns 2-4 of X[1].
        const int64_t column = (1 * 6 + 2) * 6 + 3;
        const ElementWorking a = text.working(stage, "a", 1, column);
        QCOMPARE(
            a.symbolic,
            QStringLiteral("a1[1,1,2,3] = b1[1] + Σ_{c,ky,kx} W1[1,c,ky,kx] X[1,c,2−1+ky,3−1+kx]"));
        const WindowSum sum = convolutionSum(trace, 0, 1, 1, 2, 3);
        QCOMPARE(sum.terms.size(), size_t(9));
        QCOMPARE(a.operands,
                 StageText::number(sum.constant) + QStringLiteral(" + ") + products(sum, 0, 9));
        QCOMPARE(a.value, static_cast<double>(
                              trace.find(StageKind::Forward, 0)->tensor("a")->at(1, column)));
        QVERIFY(std::abs(sum.total() - a.value) <
                1e-5);  // the operands add up to what training computed
        QVERIFY2(a.note.contains(QStringLiteral("1–3")) && a.note.contains(QStringLiteral("2–4")),
                 qPrintable(a.note));
        // At the corner a quarter of the window lies on the padding: four products, the note says
        // so.
        const ElementWorking corner = text.working(stage, "a", 0, 0);
        QCOMPARE(corner.operands.count(QStringLiteral("·")), 4);
        QVERIFY(corner.note.contains(QStringLiteral("5")));

        // dJ/dW1[0,0,1,1] sums over both samples and all 36 positions: elided, the count said; the
        // products that are 0 (max pooling passed no error back there) are left out.
        const int back = trace.indexOf(StageKind::Backward, 0);
        const ElementWorking dw = text.working(back, "dJ/dW", 0, 4);
        QVERIFY2(dw.symbolic.startsWith(QStringLiteral(
                     "dJ/dW1[0,0,1,1] = Σ_{n,oy,ox} dJ/da1[n,0,oy,ox] X[n,0,oy−1+1,ox−1+1]")),
                 qPrintable(dw.symbolic));
        WindowSum gradient = weightGradientSum(trace, 0, 0, 0, 1, 1);
        QCOMPARE(gradient.terms.size(), size_t(72));
        QVERIFY(std::abs(gradient.total() - dw.value) < 1e-6);
        std::erase_if(gradient.terms, [](const WindowTerm& t) { return t.first * t.second == 0; });
        const int nonZero = static_cast<int>(gradient.terms.size());
        QVERIFY(nonZero > 4 && nonZero < 27);  // up to 27 terms are written in full
        QCOMPARE(dw.operands, products(gradient, 0, nonZero));
        QVERIFY2(dw.note.contains(QString::number(72 - nonZero)) &&
                     dw.note.contains(QStringLiteral("72")),
                 qPrintable(dw.note));
        QCOMPARE(dw.value, static_cast<double>(
                               trace.find(StageKind::Backward, 0)->tensor("dJ/dW")->at(0, 4)));
    }

    // Max pooling names the input that won and routes the gradient to it alone.
    void poolingShowsTheWinner() {
        const StepTrace trace = cnnTrace();
        const StageText text(trace);
        const int stage = trace.indexOf(StageKind::Forward, 1);
        QVERIFY(
            text.formulas(stage)
                .join(QLatin1Char('\n'))
                .contains(QStringLiteral("P[n,c,oy,ox] = max_{ky,kx} Z1[n,c,2·oy+ky,2·ox+kx]")));
        const int64_t column = (1 * 3 + 2) * 3 + 1;  // P[0,1,2,1]: rows 4-5, columns 2-3 of Z1[0,1]
        const ElementWorking p = text.working(stage, "Z", 0, column);
        QCOMPARE(p.symbolic, QStringLiteral("P[0,1,2,1] = max(Z1[0,1,4–5,2–3])"));
        const PoolingWindow window = poolingWindow(trace, 1, 0, 1, 2, 1);
        QStringList values;
        for (const WindowTerm& t : window.inputs.terms) values << StageText::number(t.first);
        QCOMPARE(p.operands,
                 QStringLiteral("max(") + values.join(QStringLiteral(", ")) + QStringLiteral(")"));
        const WindowTerm& won = window.inputs.terms[static_cast<size_t>(window.winner)];
        QCOMPARE(p.value, won.first);
        QVERIFY2(p.note.contains(QStringLiteral("Z1[0,1,%1,%2]").arg(won.y).arg(won.x)),
                 qPrintable(p.note));

        const int back = trace.indexOf(StageKind::Backward, 1);
        const TracedTensor& dx = *trace.find(StageKind::Backward, 1)->tensor("dJ/dX");
        const TracedTensor& dz = *trace.find(StageKind::Backward, 1)->tensor("dJ/dZ");
        for (const WindowTerm& t : window.inputs.terms) {
            const int64_t at = (1 * 6 + t.y) * 6 + t.x;
            const ElementWorking g = text.working(back, "dJ/dX", 0, at);
            QCOMPARE(g.value, static_cast<double>(dx.at(0, at)));
            if (&t == &won) {
                QCOMPARE(g.symbolic,
                         QStringLiteral("dJ/dZ1[0,1,%1,%2] = dJ/dP[0,1,2,1]").arg(t.y).arg(t.x));
                QCOMPARE(g.operands, StageText::number(dz.at(0, column)));
                QCOMPARE(g.value, static_cast<double>(dz.at(0, column)));
            } else {
                QVERIFY(g.symbolic.endsWith(QStringLiteral(" = 0")));
                QCOMPARE(g.value, 0.0);
            }
        }
    }

    // A conv or pooling layer's dJ/dZ written out from the layer on its right: for the conv
    // layer, max pooling's routing (the pool's dJ/dX, written the same way); for the pooling
    // layer, the column flatten made of the element and the dense layer's sum there.
    void featureMapGradientIsWrittenOutFromTheRight_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << "en";
        QTest::newRow("ja") << "ja";
    }
    void featureMapGradientIsWrittenOutFromTheRight() {
        QFETCH(QString, language);
        language_->apply(language);
        const StepTrace trace = cnnTrace();
        const StageText text(trace);
        const int conv = trace.indexOf(StageKind::Backward, 0),
                  pool = trace.indexOf(StageKind::Backward, 1);
        int routed = 0;
        for (int64_t col = 0; col < 2 * 6 * 6; ++col) {
            const ElementWorking z = text.working(conv, "dJ/dZ", 1, col),
                                 x = text.working(pool, "dJ/dX", 1, col);
            QCOMPARE(z.symbolic, x.symbolic);
            QCOMPARE(z.operands, x.operands);
            QCOMPARE(z.value, x.value);
            QVERIFY(z.note.endsWith(x.note));
            routed += !z.operands.isEmpty();
        }
        QCOMPARE(routed, 2 * 3 * 3);  // one winner a window

        const int64_t col = (1 * 3 + 2) * 3 + 1;  // channel 1, row 2, column 1 of the 3 x 3 maps
        const ElementWorking p = text.working(pool, "dJ/dZ", 1, col);
        QCOMPARE(p.symbolic,
                 QStringLiteral("dJ/dP[1,1,2,1] = dJ/dP[1,16] = Σ_k dJ/da2[1,k] W2[16,k]"));
        const TracedTensor& da = *trace.find(StageKind::Backward, 3)->tensor("dJ/da");
        const TracedTensor& w = trace.find(StageKind::Update)->update("dense_1.W")->before;
        QCOMPARE(p.operands, factorText(da.at(1, 0)) + QStringLiteral("·") +
                                 factorText(w.at(col, 0)) + QStringLiteral(" + ") +
                                 factorText(da.at(1, 1)) + QStringLiteral("·") +
                                 factorText(w.at(col, 1)));
        const double total =
            double(da.at(1, 0)) * w.at(col, 0) + double(da.at(1, 1)) * w.at(col, 1);
        QVERIFY(std::abs(total - p.value) < 1e-7 + 1e-5 * std::abs(p.value));
        QVERIFY2(p.note.contains(QStringLiteral("= 16")) &&
                     p.note.contains(StageText::number(p.value)),
                 qPrintable(p.note));
    }

    // The feature maps beside a conv element: the element framed, its input patch and filter
    // shown; a click on a pixel chooses that element.
    void featureMapsMarkTheWindowAndAClickChoosesAnElement() {
        TrainingController controller;
        InspectorWindow inspector(controller);
        inspector.showTrace(std::make_shared<const StepTrace>(cnnTrace()));
        inspector.show();
        QVERIFY(QTest::qWaitForWindowExposed(&inspector));
        inspector.showStage(StageKind::Forward, 0);
        FormulaPanel& panel = inspector.formulas();
        QVERIFY(panel.selectTensor("a"));
        panel.selectElement(1, (1 * 6 + 2) * 6 + 3);
        MarkedMapsView& view = panel.maps();
        QVERIFY(view.isVisible());
        QCOMPARE(view.maps().size(), size_t(3));  // a1[1], X[1], W1[1]
        const MapFocus& chosen = view.maps()[0];
        QCOMPARE(chosen.marks.size(), size_t(1));
        QCOMPARE(chosen.marks[0].kind, PixelMark::Kind::Chosen);
        QCOMPARE(chosen.marks[0].channel, int64_t(1));
        const MapFocus& input = view.maps()[1];
        QCOMPARE(input.label, QStringLiteral("X[1]"));
        QCOMPARE(input.marks.size(), size_t(9));
        for (const PixelMark& m : input.marks)
            QVERIFY(m.y >= 1 && m.y <= 3 && m.x >= 2 && m.x <= 4);
        QCOMPARE(view.maps()[2].label, QStringLiteral("W1[1]"));

        // Element (0, 5, 5) of filter 0 chosen on the maps, beyond the table's columns.
        QTest::qWait(50);
        const QRect pixel = view.pixelRect(0, 0, 5, 5);
        QVERIFY(!pixel.isEmpty());
        QTest::mouseClick(&view, Qt::LeftButton, {}, pixel.center());
        QCOMPARE(panel.selectedRow(), 1);
        QCOMPARE(panel.selectedColumn(), 35);
        QVERIFY(panel.workingText().startsWith(QStringLiteral("a1[1,0,5,5] = ")));

        inspector.showStage(StageKind::Forward, 1);  // max pooling: the winner in green
        QVERIFY(panel.selectTensor("Z"));
        panel.selectElement(0, 0);
        int winners = 0;
        for (const PixelMark& m : view.maps()[1].marks)
            winners += m.kind == PixelMark::Kind::Winner;
        QCOMPARE(winners, 1);
        inspector.showStage(StageKind::Forward, 3);  // the dense layer: no maps
        QVERIFY(!view.isVisible());
    }

    // Stepping an LSTM through time, gate by gate: each element of step t written out with the
    // trace's numbers, in both languages the same working; the per-step gradient norms shown.
    void lstmIsWrittenOutGateByGate_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("backward");
        QTest::addColumn<QString>("nineTerms");
        QTest::newRow("en") << "en"
                            << "Backward, layer 1 of 3"
                            << " (9 terms)";
        QTest::newRow("ja") << "ja"
                            << "逆伝播"
                            << "（9 項）";
    }
    void lstmIsWrittenOutGateByGate() {
        QFETCH(QString, language);
        QFETCH(QString, backward);
        language_->apply(language);
        const StepTrace trace = lstmTrace();
        const StageText text(trace);
        const int stage = trace.indexOf(StageKind::Forward, 0);
        const TraceStage& f = *trace.find(StageKind::Forward, 0);
        auto v = [&](const char* name, int64_t n, int64_t t, int64_t j) {  // t from 1
            return t < 1 ? 0.0 : static_cast<double>(f.tensor(name)->at(n, (t - 1) * 3 + j));
        };
        const int64_t at = 2 * 3 + 1;  // sample 1, t = 3, unit 1
        const ElementWorking c = text.working(stage, "c", 1, at);
        QCOMPARE(c.symbolic,
                 QStringLiteral("c(3)[1,1] = f(3)[1,1] · c(2)[1,1] + i(3)[1,1] · g(3)[1,1]"));
        QCOMPARE(c.operands, factorText(v("f", 1, 3, 1)) + QStringLiteral("·") +
                                 factorText(v("c", 1, 2, 1)) + QStringLiteral(" + ") +
                                 factorText(v("i", 1, 3, 1)) + QStringLiteral("·") +
                                 factorText(v("g", 1, 3, 1)));
        QCOMPARE(c.value, v("c", 1, 3, 1));
        QVERIFY(std::abs(v("f", 1, 3, 1) * v("c", 1, 2, 1) + v("i", 1, 3, 1) * v("g", 1, 3, 1) -
                         c.value) < 1e-6);
        const ElementWorking h = text.working(stage, "h", 1, at);
        QCOMPARE(h.symbolic, QStringLiteral("h(3)[1,1] = o(3)[1,1] · tanh(c(3)[1,1])"));
        QVERIFY(std::abs(v("o", 1, 3, 1) * std::tanh(v("c", 1, 3, 1)) - h.value) < 1e-6);

        // The forget gate: σ of its bias, the input's products and the previous hidden state's.
        const ElementWorking gate = text.working(stage, "f", 1, at);
        QCOMPARE(gate.symbolic,
                 QStringLiteral(
                     "f(3)[1,1] = σ(b1f[1] + Σ_d X(3)[1,d] Wx1f[d,1] + Σ_k h(2)[1,k] Wh1f[k,1])"));
        const TraceStage& update = *trace.find(StageKind::Update);
        const TracedTensor &wx = update.update("lstm_1.Wx")->before,
                           &wh = update.update("lstm_1.Wh")->before,
                           &b = update.update("lstm_1.b")->before;
        const int64_t k = 1 * 3 + 1;  // the forget gate's block, unit 1
        double a = b.at(0, k);
        QStringList inputs, recurrent;
        for (int64_t d = 0; d < 2; ++d) {
            const double x = f.tensor("X")->at(1, 2 * 2 + d);
            a += x * wx.at(d, k);
            inputs << factorText(x) + QStringLiteral("·") + factorText(wx.at(d, k));
        }
        for (int64_t m = 0; m < 3; ++m) {
            a += v("h", 1, 2, m) * wh.at(m, k);
            recurrent << factorText(v("h", 1, 2, m)) + QStringLiteral("·") +
                             factorText(wh.at(m, k));
        }
        QCOMPARE(gate.operands, QStringLiteral("σ(") + StageText::number(b.at(0, k)) +
                                    QStringLiteral(" + ") + inputs.join(QStringLiteral(" + ")) +
                                    QStringLiteral(" + ") + recurrent.join(QStringLiteral(" + ")) +
                                    QStringLiteral(")"));
        QVERIFY(std::abs(1 / (1 + std::exp(-a)) - gate.value) < 1e-6);

        // Backward: the cell's gradient from this step and the next, and the norms per step.
        const int back = trace.indexOf(StageKind::Backward, 0);
        QVERIFY2(text.title(back).contains(backward), qPrintable(text.title(back)));
        const TraceStage& g = *trace.find(StageKind::Backward, 0);
        const int64_t early = 1 * 3 + 1;  // t = 2
        const ElementWorking dc = text.working(back, "dJ/dc", 1, early);
        QCOMPARE(dc.symbolic, QStringLiteral("dJ/dc(2)[1,1] = dJ/dh(2)[1,1] · o(2)[1,1] · (1 − "
                                             "tanh²c(2)[1,1]) + dJ/dc(3)[1,1] · f(3)[1,1]"));
        const double tanhC = std::tanh(v("c", 1, 2, 1));
        const double expected =
            g.tensor("dJ/dh")->at(1, early) * v("o", 1, 2, 1) * (1 - tanhC * tanhC) +
            g.tensor("dJ/dc")->at(1, early + 3) * v("f", 1, 3, 1);
        QVERIFY(std::abs(expected - dc.value) < 1e-7 + 1e-5 * std::abs(dc.value));
        QVERIFY(std::abs(dc.value) > 1e-6);
        QStringList norms;
        for (const double n : g.hiddenGradientNorms) norms << StageText::number(n);
        QVERIFY2(text.formulas(back).contains(QStringLiteral("‖dJ/dh(t)‖, t = 1 … 4:  ") +
                                              norms.join(QStringLiteral(", "))),
                 qPrintable(text.formulas(back).join(QLatin1Char('\n'))));

        // A recurrent weight's gradient over samples and time: column 4 of Wh is the forget
        // gate's unit 1; h(0) = 0 leaves 3 samples x 3 steps, the first two, the last and the count
        // written, adding up to the layer's gradient.
        QFETCH(QString, nineTerms);
        const ElementWorking dwh = text.working(back, "dJ/dWh", 2, 4);
        QCOMPARE(dwh.symbolic,
                 QStringLiteral("dJ/dWh1[2,4] = Σ_n Σ_t h(t−1)[n,2] dJ/da_f(t)[n,1]"));
        const TimeSum terms = recurrentGradientSum(trace, 0, "Wh", 2, 4);
        QCOMPARE(terms.terms.size(), size_t(9));
        auto product = [&](size_t i) {
            return factorText(terms.terms[i].first) + QStringLiteral("·") +
                   factorText(terms.terms[i].second);
        };
        QCOMPARE(dwh.operands, product(0) + QStringLiteral(" + ") + product(1) +
                                   QStringLiteral(" + … + ") + product(8) + nineTerms);
        QCOMPARE(terms.terms[0].first, v("h", 0, 1, 2));
        QCOMPARE(terms.terms[0].second,
                 static_cast<double>(g.tensor("dJ/da")->at(0, 1 * 12 + 4)));  // t = 2
        QCOMPARE(dwh.value, static_cast<double>(g.tensor("dJ/dWh")->at(2, 4)));
        QVERIFY(std::abs(terms.total() - dwh.value) < 1e-7 + 1e-5 * std::abs(dwh.value));
        QVERIFY(dwh.note.contains(QStringLiteral("h(0)")));
        const ElementWorking db = text.working(back, "dJ/db", 0, 9);  // the candidate g's unit 0
        QCOMPARE(db.symbolic, QStringLiteral("dJ/db1[9] = Σ_n Σ_t dJ/da_g(t)[n,0]"));
        QVERIFY(std::abs(recurrentGradientSum(trace, 0, "b", 0, 9).total() - db.value) <
                1e-7 + 1e-5 * std::abs(db.value));
    }

    // Recurrent layers drawn unrolled in time: a cell per step (a long sequence's first steps,
    // "⋮", the step being shown and the last), seq:last reading h(T) alone, seq:many going on step
    // by step, and the time step being stepped through highlighted in the layer's column.
    void diagramUnrollsRecurrentLayersInTime() {
        QCOMPARE(NetworkDiagramView::stepsDrawn(4, 0), (std::vector<int>{1, 2, 3, 4}));
        QCOMPARE(NetworkDiagramView::stepsDrawn(28, 0), (std::vector<int>{1, 2, 3, 0, 28}));
        QCOMPARE(NetworkDiagramView::stepsDrawn(28, 4), (std::vector<int>{1, 2, 3, 4, 0, 28}));
        QCOMPARE(NetworkDiagramView::stepsDrawn(28, 10), (std::vector<int>{1, 2, 3, 0, 10, 0, 28}));
        QCOMPARE(NetworkDiagramView::stepsDrawn(28, 27), (std::vector<int>{1, 2, 3, 0, 27, 28}));

        NetworkSpec many;
        many.inputShape = {6, 2};
        many.layers = {
            layer("rnn", {{"units", int64_t{3}}}), layer("sequence_many", {}),
            layer("dense", {{"units", int64_t{2}}, {"activation", std::string("softmax")}})};
        assignLayerNames(many);
        NetworkDiagramView manyView;
        manyView.setNetwork(many);
        for (int c = 0; c < 4; ++c) QCOMPARE(manyView.columnSteps(c), 6);  // X(t), h(t), h(t), Y(t)

        TrainingController controller;
        InspectorWindow inspector(controller);
        inspector.showTrace(std::make_shared<const StepTrace>(lstmTrace()));
        inspector.show();
        QVERIFY(QTest::qWaitForWindowExposed(&inspector));
        NetworkDiagramView& diagram = inspector.diagram();
        const std::vector<int> steps{diagram.columnSteps(0), diagram.columnSteps(1),
                                     diagram.columnSteps(2), diagram.columnSteps(3)};
        QCOMPARE(steps, (std::vector<int>{4, 4, 0, 0}));  // X(t), h(t), then h(T) and Y as units
        inspector.showStage(StageKind::Backward, 0);
        FormulaPanel& panel = inspector.formulas();
        QVERIFY(panel.selectTensor("dJ/dh"));
        panel.selectElement(0, 2 * 3 + 1);
        QCOMPARE(diagram.timeStep(), 3);
        auto colourOf = [&](int step) {  // inside the cell's border, left of its label
            const QRectF r = diagram.stepRect(1, step);
            return diagram.grab().toImage().pixelColor(
                QPoint(static_cast<int>(r.left() + 4), static_cast<int>(r.center().y())));
        };
        const QColor current = colourOf(3), other = colourOf(2);
        QVERIFY2(current.red() - current.blue() > 100 && current != other,
                 qPrintable(QStringLiteral("%1 beside %2").arg(current.name(), other.name())));
        panel.selectElement(0, 1 * 3 + 1);
        QCOMPARE(diagram.timeStep(), 2);
        QCOMPARE(colourOf(2), current);
        QCOMPARE(colourOf(3), other);
        inspector.showStage(StageKind::Backward, 2);  // the dense layer: no time step
        QCOMPARE(diagram.timeStep(), 0);
    }

    // The time step control moves the chosen element through time; the numerical check sits
    // beside a recurrent weight too.
    void timeStepControlWalksThroughTime() {
        TrainingController controller;
        InspectorWindow inspector(controller);
        inspector.showTrace(std::make_shared<const StepTrace>(lstmTrace()));
        inspector.showStage(StageKind::Forward, 0);
        FormulaPanel& panel = inspector.formulas();
        QCOMPARE(panel.currentTensor()->key,
                 std::string("h"));  // the stage opens on h at a middle step
        QCOMPARE(panel.selectedColumn(), 2 * 3);
        QVERIFY(panel.selectTensor("c"));
        panel.selectElement(1, 1);
        auto* step = panel.findChild<QSpinBox*>(QStringLiteral("timeStep"));
        QVERIFY(step && step->isVisibleTo(&panel));
        QCOMPARE(step->value(), 1);
        QCOMPARE(step->maximum(), 4);
        step->setValue(3);
        QCOMPARE(panel.selectedColumn(), 2 * 3 + 1);
        QVERIFY2(panel.workingText().startsWith(QStringLiteral("c(3)[1,1] = f(3)[1,1]")),
                 qPrintable(panel.workingText()));
        panel.selectElement(0, 10);  // t = 4 chosen in the table: the control follows
        QCOMPARE(step->value(), 4);

        QVERIFY(!panel.gradientNorms().isVisibleTo(&panel));  // forward: no gradient yet
        inspector.showStage(StageKind::Backward, 0);
        QVERIFY(panel.gradientNorms().isVisibleTo(&panel));
        QCOMPARE(panel.gradientNorms().hiddenNorms(),
                 inspector.trace()->find(StageKind::Backward, 0)->hiddenGradientNorms);
        QVERIFY(panel.selectTensor("dJ/dWh"));
        panel.selectElement(2, 4);
        QVERIFY2(panel.numericalCheckText().contains(QStringLiteral("dJ/dWh1[2,4]")),
                 qPrintable(panel.numericalCheckText()));
        const WeightCheck check = checkWeight(*inspector.trace(), "lstm_1.Wh", 2, 4);
        QVERIFY2(check.relativeError < 1e-3,
                 qPrintable(QStringLiteral("%1 vs %2").arg(check.analytic).arg(check.numeric)));
        inspector.showStage(StageKind::Backward, 2);  // the dense layer: no time steps
        QVERIFY(!step->isVisibleTo(&panel));
    }

    // Every tensor of every stage, at its first and last element and one between, is written
    // out with the trace's value (no element falls outside a window or before the first step).
    void everyElementIsWrittenOutWithItsValue_data() {
        QTest::addColumn<int>("network");
        QTest::newRow("cnn") << 0;
        QTest::newRow("lstm") << 1;
    }
    void everyElementIsWrittenOutWithItsValue() {
        QFETCH(int, network);
        TrainingController controller;
        InspectorWindow inspector(controller);
        inspector.showTrace(
            std::make_shared<const StepTrace>(network == 0 ? cnnTrace() : lstmTrace()));
        FormulaPanel& panel = inspector.formulas();
        for (int stage = 0; stage < inspector.stageCount(); ++stage) {
            inspector.showStage(stage);
            const StageText text(*inspector.trace());
            for (const ShownTensor& shown : text.tensors(stage)) {
                QVERIFY(panel.selectTensor(shown.key));
                const int rows = static_cast<int>(shown.tensor->rows),
                          cols = static_cast<int>(shown.tensor->cols);
                for (const auto& [row, col] : {std::pair{0, 0}, std::pair{rows / 2, cols / 2},
                                               std::pair{rows - 1, cols - 1}}) {
                    panel.selectElement(row, col);
                    const QString value = StageText::number(shown.tensor->at(row, col));
                    QVERIFY2(panel.workingText().contains(QStringLiteral("= ") + value),
                             qPrintable(QStringLiteral("stage %1, %2[%3,%4]: %5")
                                            .arg(stage)
                                            .arg(QString::fromStdString(shown.key))
                                            .arg(row)
                                            .arg(col)
                                            .arg(panel.workingText())));
                }
            }
        }
    }

    // Dropout's mask: how many units this step dropped, and for an element whether it was kept.
    void dropoutMaskIsShown() {
        const StepTrace trace = tinyTrace(0, 0, 0.5);
        const StageText text(trace);
        const int stage = trace.indexOf(StageKind::Forward, 1);
        const TracedTensor& mask = *trace.find(StageKind::Forward, 1)->tensor("mask");
        const int dropped =
            static_cast<int>(std::count(mask.values.begin(), mask.values.end(), 0.0f));
        QVERIFY2(text.formulas(stage)
                     .join(QLatin1Char('\n'))
                     .contains(QStringLiteral("dropped %1 of the 6 units").arg(dropped)),
                 qPrintable(text.formulas(stage).join(QLatin1Char('\n'))));
        for (int64_t n = 0; n < 2; ++n)
            for (int64_t j = 0; j < 3; ++j) {
                const ElementWorking w = text.working(stage, "Z", n, j);
                QVERIFY(w.note.contains(mask.at(n, j) == 0 ? QStringLiteral("dropped")
                                                           : QStringLiteral("kept")));
                QCOMPARE(w.value, static_cast<double>(
                                      trace.find(StageKind::Forward, 1)->tensor("X")->at(n, j) *
                                      mask.at(n, j)));
            }
    }

    // L1 and L2 in the cost and in the update: the penalty's formula, g with 2·l2·w, and the L1
    // shrink written out for a weight.
    void regularisationIsWrittenOut_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << "en";
        QTest::newRow("ja") << "ja";
    }
    void regularisationIsWrittenOut() {
        QFETCH(QString, language);
        language_->apply(language);
        const StepTrace trace = tinyTrace(0.05, 0.01);
        const StageText text(trace);
        const QString loss = text.formulas(trace.indexOf(StageKind::Loss)).join(QLatin1Char('\n'));
        QVERIFY2(loss.contains(QStringLiteral("penalty = l1·Σ|w| + l2·Σw² = ")), qPrintable(loss));
        const int update = trace.indexOf(StageKind::Update);
        const QString formulas = text.formulas(update).join(QLatin1Char('\n'));
        QVERIFY2(formulas.contains(QStringLiteral(
                     "w ← sign(w)·max(0, |w| − learning_rate·l1),   learning_rate·l1 = 0.025")),
                 qPrintable(formulas));
        QVERIFY(formulas.contains(QStringLiteral("g = dJ/dw + 2·l2·w")));

        const ParameterUpdate& v = *trace.find(StageKind::Update)->update("dense_2.W");
        const ElementWorking after = text.working(update, "dense_2.W|after", 2, 1);
        QCOMPARE(after.symbolic, QStringLiteral("V′[2,1] = sign(u)·max(0, |u| − learning_rate·l1), "
                                                "  u = V[2,1] − learning_rate·g[2,1]"));
        auto factor = [](double value) {
            const QString t = StageText::number(value);
            return value < 0 ? QStringLiteral("(") + t + QStringLiteral(")") : t;
        };
        QCOMPARE(after.operands, QStringLiteral("sign(u)·max(0, |u| − 0.025),   u = ") +
                                     StageText::number(v.before.at(2, 1)) +
                                     QStringLiteral(" − 0.5·") + factor(v.gradient.at(2, 1)));
        QCOMPARE(after.value, static_cast<double>(v.after.at(2, 1)));
        const double u = v.before.at(2, 1) - 0.5 * v.gradient.at(2, 1);
        QVERIFY(std::abs(std::copysign(std::max(0.0, std::abs(u) - 0.025), u) - after.value) <
                1e-6);

        const ElementWorking g = text.working(update, "dense_2.W|g", 2, 1);
        QCOMPARE(g.symbolic, QStringLiteral("g[2,1] = dJ/dV[2,1] + 2·l2·V[2,1]"));
        const double dv = trace.find(StageKind::Backward, 1)->tensor("dJ/dW")->at(2, 1);
        QCOMPARE(g.operands, factor(dv) + QStringLiteral(" + 2·0.01·") + factor(v.before.at(2, 1)));
        // Biases are not penalised unless asked: c′ is the plain step.
        QVERIFY(!text.working(update, "dense_2.b|after", 0, 1)
                     .symbolic.contains(QStringLiteral("sign")));
        // Without penalties nothing of this is said.
        const StepTrace plain = tinyTrace();
        QVERIFY(!StageText(plain)
                     .formulas(plain.indexOf(StageKind::Update))
                     .join(QString())
                     .contains(QStringLiteral("l1")));
    }

    void stepBackShowsExactlyTheValuesBefore() {
        TrainingController controller;
        InspectorWindow inspector(controller);
        inspector.showTrace(std::make_shared<const StepTrace>(tinyTrace()));
        QCOMPARE(inspector.stageCount(), 6);
        inspector.showStage(StageKind::Backward, 0);
        QVERIFY(inspector.formulas().selectTensor("dJ/da"));
        inspector.formulas().selectElement(1, 2);
        const std::vector<QString> cells = tableCells(inspector.formulas().table());
        const QString working = inspector.formulas().workingText();
        const TracedTensor before = *inspector.formulas().currentTensor()->tensor;
        const int stage = inspector.stage();
        QCOMPARE(inspector.diagram().highlight(), NetworkDiagramView::Highlight::Backward);
        QCOMPARE(inspector.diagram().highlightedLayer(), 0);

        inspector.stepForward();  // the update
        QCOMPARE(inspector.diagram().highlight(), NetworkDiagramView::Highlight::Update);
        QVERIFY(tableCells(inspector.formulas().table()) != cells);
        inspector.stepBack();
        QCOMPARE(inspector.stage(), stage);
        QVERIFY(inspector.formulas().selectTensor("dJ/da"));
        inspector.formulas().selectElement(1, 2);
        QCOMPARE(tableCells(inspector.formulas().table()), cells);
        QCOMPARE(inspector.formulas().workingText(), working);
        QVERIFY(inspector.formulas().currentTensor()->tensor->sameValues(before));

        inspector.runToEnd();
        QCOMPARE(inspector.stage(), 5);
        inspector.stepForward();  // stays at the end
        QCOMPARE(inspector.stage(), 5);
        for (int i = 0; i < 10; ++i) inspector.stepBack();
        QCOMPARE(inspector.stage(), 0);
        // The graph shows forward values only once the walk has reached them.
        const auto& nodes = inspector.graph().nodes();
        QVERIFY(!nodes.front().value.isEmpty());
        QVERIFY(nodes.back().value.isEmpty());
        QVERIFY(nodes.front().gradient.isEmpty());
    }

    void byHandAcceptsARightAnswerAndRejectsAWrongOne() {
        TrainingController controller;
        InspectorWindow inspector(controller);
        const auto trace = std::make_shared<const StepTrace>(tinyTrace());
        inspector.showTrace(trace);
        inspector.setByHand(true);
        inspector.showStage(StageKind::Backward, 1);
        FormulaPanel& panel = inspector.formulas();
        QVERIFY(panel.selectTensor("dJ/dW"));
        panel.selectElement(2, 1);
        QVERIFY(panel.awaitingAnswer());
        QCOMPARE(panel.table().cellText(2, 1), QStringLiteral("?"));
        QVERIFY(panel.workingText().endsWith(QStringLiteral("= ?")));
        const double correct = trace->find(StageKind::Backward, 1)->tensor("dJ/dW")->at(2, 1);
        // Rounded to three digits, with a typographic minus: still right.
        QVERIFY(panel.checkAnswer(
            QString::number(correct * 1.004, 'g', 3).replace(QLatin1Char('-'), QChar(0x2212))));
        QVERIFY(panel.verdictText().startsWith(QStringLiteral("Right")));
        QVERIFY(!panel.awaitingAnswer());
        QCOMPARE(panel.table().cellText(2, 1), StageText::number(correct));

        panel.selectElement(0, 0);
        QVERIFY(panel.awaitingAnswer());
        const double other = trace->find(StageKind::Backward, 1)->tensor("dJ/dW")->at(0, 0);
        QVERIFY(!panel.checkAnswer(QString::number(other + 0.05)));
        QVERIFY(panel.verdictText().contains(StageText::number(other)));
        QVERIFY(panel.verdictText().contains(QStringLiteral("dJ/dV[0,0]")));
        QVERIFY(!panel.checkAnswer(QStringLiteral("not a number")));

        // Inputs are given, not asked for.
        inspector.showStage(StageKind::Forward, 0);
        QVERIFY(panel.selectTensor("X"));
        QVERIFY(!panel.awaitingAnswer());
        QVERIFY(panel.selectTensor("a"));
        QVERIFY(panel.awaitingAnswer());
        inspector.setByHand(false);
        QVERIFY(!panel.awaitingAnswer());
    }

    // By hand on feature maps: the element asked for is drawn neutral (every pixel of it grey, the
    // "?" in black) until the answer is checked; then it shows its colour.
    void byHandHidesTheElementOnTheFeatureMaps() {
        TrainingController controller;
        InspectorWindow inspector(controller);
        inspector.showTrace(std::make_shared<const StepTrace>(cnnTrace()));
        inspector.resize(1200, 900);
        inspector.show();
        QVERIFY(QTest::qWaitForWindowExposed(&inspector));
        inspector.setByHand(true);
        inspector.showStage(StageKind::Forward, 0);
        FormulaPanel& panel = inspector.formulas();
        QVERIFY(panel.selectTensor("a"));
        const int64_t col = (1 * 6 + 2) * 6 + 3;
        panel.selectElement(1, static_cast<int>(col));
        QVERIFY(panel.awaitingAnswer());
        MarkedMapsView& view = panel.maps();
        QVERIFY(view.hidesChosen());
        QTest::qWait(50);
        const QRect pixel = view.pixelRect(0, 1, 2, 3);
        auto coloured = [&] {  // pixels of the element that are not grey
            const QImage image = view.grab(pixel).toImage();
            int count = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x) {
                    const QColor c = image.pixelColor(x, y);
                    count += c.red() != c.green() || c.green() != c.blue();
                }
            return count;
        };
        QCOMPARE(coloured(), 0);
        const double value =
            inspector.trace()->find(StageKind::Forward, 0)->tensor("a")->at(1, col);
        QVERIFY(std::abs(value) > 0.01);
        QVERIFY(panel.checkAnswer(QString::number(value)));
        QVERIFY(!view.hidesChosen());
        QVERIFY(coloured() > pixel.width() * pixel.height() / 4);
        inspector.setByHand(false);
    }

    void numericalCheckSitsBesideAChosenWeight() {
        TrainingController controller;
        InspectorWindow inspector(controller);
        inspector.showTrace(std::make_shared<const StepTrace>(tinyTrace()));
        inspector.showStage(StageKind::Backward, 0);
        QVERIFY(inspector.formulas().selectTensor("dJ/dW"));
        inspector.formulas().selectElement(1, 2);
        const QString check = inspector.formulas().numericalCheckText();
        QVERIFY2(check.contains(QStringLiteral("dJ/dW[1,2]")) &&
                     check.contains(QStringLiteral("(J(w + h) − J(w − h)) / 2h")),
                 qPrintable(check));
        const WeightCheck expected = checkWeight(*inspector.trace(), "dense_1.W", 1, 2);
        QVERIFY(check.contains(QString::number(expected.numeric, 'g', 8)));
        QVERIFY(expected.relativeError < 1e-4);
        QVERIFY(inspector.formulas().selectTensor("a") ==
                false);  // not a tensor of the backward pass
        inspector.showStage(StageKind::Forward, 0);
        QVERIFY(inspector.formulas().numericalCheckText().isEmpty());
    }

    void theMainWindowTakesARealTracedStep() {
        kototest::MainWindowFixture fixture;
        QVERIFY(fixture.open(kototest::lesson("xor", "dense:3:sigmoid")));
        MainWindow& window = *fixture.window;
        QVERIFY(window.findChild<QToolButton*>(QStringLiteral("inspectButton")));
        InspectorWindow& inspector = window.openInspector();
        QSignalSpy shown(&inspector, &InspectorWindow::traceShown);
        inspector.takeStep();
        QVERIFY(shown.wait(20000));
        QCOMPARE(inspector.trace()->step, int64_t(1));
        QVERIFY(!inspector.trace()->oneSample);
        QCOMPARE(inspector.stageCount(), 6);
        QVERIFY(kototest::waitForSnapshot(
            window, [](const TrainingSnapshot& s) { return s.steps == 1 && s.paused; }));

        // One chosen sample: a batch of that sample alone.
        inspector.findChild<QComboBox*>()->setCurrentIndex(1);
        inspector.findChild<QSpinBox*>()->setValue(3);
        inspector.takeStep();
        QVERIFY(shown.wait(20000));
        QVERIFY(inspector.trace()->oneSample);
        QCOMPARE(inspector.trace()->sample, 3);
        QCOMPARE(inspector.trace()->rows(), int64_t(1));
        QCOMPARE(inspector.trace()->step, int64_t(2));

        // A learning rate chosen while paused is the rate of the traced step's update.
        auto* rates = window.findChild<QComboBox*>(QStringLiteral("learningRateChoice"));
        QVERIFY(rates);
        rates->setCurrentIndex(rates->findData(0.3));
        inspector.takeStep();
        QVERIFY(shown.wait(20000));
        QCOMPARE(inspector.trace()->step, int64_t(3));
        QCOMPARE(inspector.trace()->find(StageKind::Update)->scalar("learning rate").value_or(0),
                 0.3);

        // Asked while training plays: training pauses and the next step is traced.
        window.controller().play();
        QTest::qWait(100);
        inspector.takeStep();
        QVERIFY(shown.wait(20000));
        QVERIFY(!window.controller().isPlaying());
        const int64_t traced = inspector.trace()->step;
        QVERIFY(kototest::waitForSnapshot(
            window, [&](const TrainingSnapshot& s) { return s.steps == traced && s.paused; }));
        fixture.close();
    }

    void oneDimensionalLessonsGiveTheBooksNumbers() {
        DescentLessonView view;
        view.setLesson(1);
        view.setLearningRate(0.3);
        const auto& steps = view.iterates();
        QCOMPARE(steps.size(), size_t(13));
        QVERIFY(std::abs(steps.back().x - -0.49966) < 5e-6);
        QVERIFY(view.behaviourText().contains(QStringLiteral("creeps")));
        view.setLesson(0);
        view.setLearningRate(1.1);
        QVERIFY(view.behaviourText().contains(QStringLiteral("diverges")));
        QVERIFY(std::abs(view.iterates().back().x + 0.5) >
                5 * std::abs(view.iterates().front().x + 0.5));  // 1.2^12 = 8.9
    }

private:
    std::unique_ptr<Language> language_;
};

QTEST_MAIN(TestInspector)
#include "test_inspector.moc"
