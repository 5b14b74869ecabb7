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
#include <memory>

#include "backend/cpu_backend.h"
#include "inspect/numerical_gradient.h"
#include "inspect/step_tracer.h"
#include "inspector/computation_graph_view.h"
#include "inspector/descent_lesson_view.h"
#include "inspector/formula_panel.h"
#include "inspector/inspector_window.h"
#include "inspector/network_diagram_view.h"
#include "inspector/stage_text.h"
#include "inspector/tensor_table_view.h"
#include "language.h"
#include "main_window_fixture.h"
#include "network/network.h"
#include "training/optimizer.h"
#include "training/trainer.h"

using namespace koto;
using namespace koto::gui;

namespace {

// The tiny network's step: two samples (classes 1 and 0), batch 2, gradient descent at 0.5.
StepTrace tinyTrace() {
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
    assignLayerNames(spec);
    Network network(backend, spec, 2);
    const std::vector<std::vector<float>> weights{{0.1f, -0.2f, 0.3f, 0.4f, 0.5f, -0.6f}, {0.01f, -0.02f, 0.03f},
                                                  {0.7f, -0.8f, 0.9f, 0.1f, -0.3f, 0.2f}, {0.05f, -0.05f}};
    for (size_t i = 0; i < weights.size(); ++i)
        backend.upload(std::span<const float>(weights[i]), network.parameters()[i].parameter->value);
    TrainingSettings settings;
    settings.batchSize = 2;
    settings.learningRate = 0.5;
    const std::unique_ptr<Optimizer> optimizer = makeOptimizer(settings);
    Trainer trainer(network, *optimizer, data, settings);
    return *traceStep(trainer);
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
        QTest::newRow("en") << "en" << "Backward, layer 2 of 2";
        QTest::newRow("ja") << "ja" << "逆伝播";
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
        QVERIFY2(w.symbolic.startsWith(QStringLiteral("dJ/dV[2,1] = (1/N) Σ_n (Y[n,1] − T[n,1]) Z[n,2]")), qPrintable(w.symbolic));
        const TraceStage& loss = *trace.find(StageKind::Loss);
        const TracedTensor& z = *trace.find(StageKind::Forward, 1)->tensor("X");
        QString expected = QStringLiteral("(");
        for (int n = 0; n < 2; ++n) {
            if (n) expected += QStringLiteral(" + ");
            expected += QStringLiteral("(%1 − %2)·%3")
                            .arg(StageText::number(loss.tensor("Y")->at(n, 1)), StageText::number(loss.tensor("T")->at(n, 1)),
                                 StageText::number(z.at(n, 2)));
        }
        expected += QStringLiteral(") / 2");
        QCOMPARE(w.operands, expected);
        QCOMPARE(w.value, static_cast<double>(trace.find(StageKind::Backward, 1)->tensor("dJ/dW")->at(2, 1)));
        // What the operands say is what training computed.
        double sum = 0;
        for (int n = 0; n < 2; ++n) sum += (loss.tensor("Y")->at(n, 1) - loss.tensor("T")->at(n, 1)) * z.at(n, 2) / 2.0;
        QVERIFY(std::abs(sum - w.value) < 1e-6);

        // And the hidden layer's weight gradient, through the activation's derivative.
        const int hidden = trace.indexOf(StageKind::Backward, 0);
        const ElementWorking derivative = text.working(hidden, "s'(a)", 1, 0);
        const double zHidden = trace.find(StageKind::Forward, 0)->tensor("Z")->at(1, 0);
        QCOMPARE(derivative.symbolic, QStringLiteral("s′(a1)[1,0] = Z[1,0] (1 − Z[1,0])"));
        QCOMPARE(derivative.operands, StageText::number(zHidden) + QStringLiteral("·(1 − ") + StageText::number(zHidden) + QStringLiteral(")"));
        const ElementWorking a = text.working(trace.indexOf(StageKind::Forward, 0), "a", 0, 1);
        QCOMPARE(a.symbolic, QStringLiteral("a1[0,1] = b[1] + Σ_d X[0,d] W[d,1]"));
        QCOMPARE(a.operands, QStringLiteral("−0.02 + 0.5·(−0.2) + (−1)·0.5"));
        QVERIFY(std::abs(a.value - (-0.02 + 0.5 * -0.2 - 1 * 0.5)) < 1e-6);
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
        QVERIFY(panel.checkAnswer(QString::number(correct * 1.004, 'g', 3).replace(QLatin1Char('-'), QChar(0x2212))));
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

    void numericalCheckSitsBesideAChosenWeight() {
        TrainingController controller;
        InspectorWindow inspector(controller);
        inspector.showTrace(std::make_shared<const StepTrace>(tinyTrace()));
        inspector.showStage(StageKind::Backward, 0);
        QVERIFY(inspector.formulas().selectTensor("dJ/dW"));
        inspector.formulas().selectElement(1, 2);
        const QString check = inspector.formulas().numericalCheckText();
        QVERIFY2(check.contains(QStringLiteral("dJ/dW[1,2]")) && check.contains(QStringLiteral("(J(w + h) − J(w − h)) / 2h")),
                 qPrintable(check));
        const WeightCheck expected = checkWeight(*inspector.trace(), "dense_1.W", 1, 2);
        QVERIFY(check.contains(QString::number(expected.numeric, 'g', 8)));
        QVERIFY(expected.relativeError < 1e-4);
        QVERIFY(inspector.formulas().selectTensor("a") == false);  // not a tensor of the backward pass
        inspector.showStage(StageKind::Forward, 0);
        QVERIFY(inspector.formulas().numericalCheckText().isEmpty());
    }

    void theMainWindowTakesARealTracedStep() {
        kototest::MainWindowFixture fixture;
        Lesson lesson = defaultLesson();
        lesson.dataset = "xor";
        lesson.layers = "dense:3:sigmoid";
        QVERIFY(fixture.open(lesson));
        MainWindow& window = *fixture.window;
        QVERIFY(window.findChild<QToolButton*>(QStringLiteral("inspectButton")));
        InspectorWindow& inspector = window.openInspector();
        QSignalSpy shown(&inspector, &InspectorWindow::traceShown);
        inspector.takeStep();
        QVERIFY(shown.wait(20000));
        QCOMPARE(inspector.trace()->step, int64_t(1));
        QVERIFY(!inspector.trace()->oneSample);
        QCOMPARE(inspector.stageCount(), 6);
        QVERIFY(kototest::waitForSnapshot(window, [](const TrainingSnapshot& s) { return s.steps == 1 && s.paused; }));

        // One chosen sample: a batch of that sample alone.
        inspector.findChild<QComboBox*>()->setCurrentIndex(1);
        inspector.findChild<QSpinBox*>()->setValue(3);
        inspector.takeStep();
        QVERIFY(shown.wait(20000));
        QVERIFY(inspector.trace()->oneSample);
        QCOMPARE(inspector.trace()->sample, 3);
        QCOMPARE(inspector.trace()->rows(), int64_t(1));
        QCOMPARE(inspector.trace()->step, int64_t(2));

        // Asked while training plays: training pauses and the next step is traced.
        window.controller().play();
        QTest::qWait(100);
        inspector.takeStep();
        QVERIFY(shown.wait(20000));
        QVERIFY(!window.controller().isPlaying());
        const int64_t traced = inspector.trace()->step;
        QVERIFY(kototest::waitForSnapshot(window, [&](const TrainingSnapshot& s) { return s.steps == traced && s.paused; }));
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
        QVERIFY(std::abs(view.iterates().back().x + 0.5) > 5 * std::abs(view.iterates().front().x + 0.5));  // 1.2^12 = 8.9
    }

private:
    std::unique_ptr<Language> language_;
};

QTEST_MAIN(TestInspector)
#include "test_inspector.moc"
