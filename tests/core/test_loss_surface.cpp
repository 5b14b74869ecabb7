// The optimizer race on a surface: every surface's gradient is its cost's slope; a trail on the
// logistic surface is what a real one-unit network goes through when trained with the same
// optimizer; on the bowl momentum overshoots where gradient descent does not, AdaGrad's steps
// shrink and a huge rate diverges, ending the trail; bad names and sizes are refused.

#include <QtTest>

#include <cmath>
#include <memory>

#include "backend/cpu_backend.h"
#include "inspect/loss_surface.h"
#include "io/layer_tokens.h"
#include "io/project_file.h"
#include "training/training_run.h"
#include "util/errors.h"

using namespace koto;

namespace {

// The logistic surface's samples as a dataset, trained on whole (the test part is the same).
std::shared_ptr<const Dataset> logisticData() {
    Dataset data;
    data.name = "logistic surface";
    data.inputSize = 1;
    data.classCount = 2;
    data.classNames = {"0", "1"};
    for (const LogisticSample& sample : logisticSurfaceSamples()) {
        data.train.inputs.push_back(static_cast<float>(sample.x));
        data.train.labels.push_back(sample.label);
    }
    data.train.count = static_cast<int64_t>(data.train.labels.size());
    data.test = data.train;
    return std::make_shared<const Dataset>(std::move(data));
}

// (W, b) of the network's one unit.
SurfacePoint unitWeights(Network& network) {
    SurfacePoint unit;
    for (const SavedTensor& tensor : captureWeights(network))
        (tensor.name == "dense_1.W" ? unit.p0 : unit.p1) = tensor.values.at(0);
    return unit;
}

double stepLength(const SurfaceTrail& trail, size_t step) {
    const SurfacePoint from = trail.points[step - 1].at, to = trail.points[step].at;
    return std::hypot(to.p0 - from.p0, to.p1 - from.p1);
}

}  // namespace

class TestLossSurface : public QObject {
    Q_OBJECT

private slots:
    void everyGradientIsTheSlopeOfTheCost_data();
    void everyGradientIsTheSlopeOfTheCost();
    void theLogisticTrailIsWhatANetworkGoesThrough_data();
    void theLogisticTrailIsWhatANetworkGoesThrough();
    void momentumOvershootsAcrossTheBowlAndGradientDescentDoesNot();
    void adaGradStepsShrinkOnTheBowl();
    void aHugeRateDivergesAndEndsTheTrail();
    void theGridSpansTheRange();
    void unknownSurfacesAreRefusedNamingTheValidOnes();
    void badStepsAndGridSizesAreRefused();
};

void TestLossSurface::everyGradientIsTheSlopeOfTheCost_data() {
    QTest::addColumn<QString>("surface");
    for (const LossSurface& surface : lossSurfaces())
        QTest::newRow(surface.name.c_str()) << QString::fromStdString(surface.name);
}

void TestLossSurface::everyGradientIsTheSlopeOfTheCost() {
    QFETCH(QString, surface);
    const LossSurface& s = lossSurface(surface.toStdString());
    const SurfaceRange& r = s.range;
    QVERIFY(r.p0Min <= s.start.p0 && s.start.p0 <= r.p0Max);
    QVERIFY(r.p1Min <= s.start.p1 && s.start.p1 <= r.p1Max);
    const std::vector<SurfacePoint> points = {
        s.start, {0, 0}, {0.3, -0.7}, {-1.2, 1.9}, {r.p0Min, r.p1Max}, {r.p0Max, r.p1Min}};
    const double h = 1e-6;
    for (const SurfacePoint& p : points) {
        const SurfacePoint exact = s.gradient(p);
        const double d0 = (s.cost({p.p0 + h, p.p1}) - s.cost({p.p0 - h, p.p1})) / (2 * h);
        const double d1 = (s.cost({p.p0, p.p1 + h}) - s.cost({p.p0, p.p1 - h})) / (2 * h);
        QVERIFY2(std::abs(d0 - exact.p0) <= 1e-6 * std::max(1.0, std::abs(exact.p0)),
                 qPrintable(QString("dJ/d%1 at (%2, %3): %4, slope %5")
                                .arg(s.p0Name.c_str())
                                .arg(p.p0)
                                .arg(p.p1)
                                .arg(exact.p0)
                                .arg(d0)));
        QVERIFY2(std::abs(d1 - exact.p1) <= 1e-6 * std::max(1.0, std::abs(exact.p1)),
                 qPrintable(QString("dJ/d%1 at (%2, %3): %4, slope %5")
                                .arg(s.p1Name.c_str())
                                .arg(p.p0)
                                .arg(p.p1)
                                .arg(exact.p1)
                                .arg(d1)));
    }
}

void TestLossSurface::theLogisticTrailIsWhatANetworkGoesThrough_data() {
    QTest::addColumn<QString>("schedule");
    QTest::addColumn<double>("clipNorm");
    QTest::newRow("constant rate") << "constant" << 0.0;
    QTest::newRow("a schedule") << "inverse:0.05" << 0.0;
    QTest::newRow("gradient clipping") << "constant" << 0.1;
}

// The network: one dense unit with a sigmoid and binary cross-entropy, trained on all ten samples
// at once, so that each epoch is one step of batch gradient descent on the surface's J.
void TestLossSurface::theLogisticTrailIsWhatANetworkGoesThrough() {
    QFETCH(QString, schedule);
    QFETCH(double, clipNorm);
    const LossSurface& surface = lossSurface("logistic");
    const auto data = logisticData();
    const NetworkSpec spec =
        networkSpecFromTokens("dense:1:sigmoid", *data, LossKind::BinaryCrossEntropy);
    QCOMPARE(spec.layers.size(), size_t{1});
    TrainingSettings base;
    base.batchSize = data->train.count;
    base.schedule = schedule.toStdString();
    base.clipNorm = clipNorm;
    const std::vector<RaceEntrant> entrants = raceEntrants(
        "sgd@0.1,momentum:0.9@0.1,nesterov:0.8@0.1,adagrad@0.5,rmsprop:0.9:0.5@0.05,adam@0.05",
        base);
    const int steps = 40;
    const std::vector<SurfaceTrail> trails = raceOnSurface(surface, entrants, steps);
    QCOMPARE(trails.size(), entrants.size());
    CpuBackend backend;
    for (size_t i = 0; i < entrants.size(); ++i) {
        const SurfaceTrail& trail = trails[i];
        QCOMPARE(trail.label, entrants[i].label);
        QCOMPARE(trail.end, TrailEnd::Finished);
        QCOMPARE(trail.points.size(), static_cast<size_t>(steps + 1));
        TrainingRun run(backend, spec, data, entrants[i].settings);
        const auto held = [](double v) { return static_cast<float>(v); };
        restoreWeights(run.network(), {{"dense_1.W", 1, 1, {held(surface.start.p0)}},
                                       {"dense_1.b", 1, 1, {held(surface.start.p1)}}});
        QCOMPARE(trail.points[0].at.p0, surface.start.p0);
        QCOMPARE(trail.points[0].at.p1, surface.start.p1);
        for (int step = 1; step <= steps; ++step) {
            run.trainer().train(1);
            const SurfacePoint unit = unitWeights(run.network());
            const TrailPoint& point = trail.points[static_cast<size_t>(step)];
            // The network adds the gradient up in float, the surface in double: the two differ
            // in the last bit or two (2.4e-7 at most here), and the steps after carry that on.
            const QString where = QString("%1, step %2: trail (%3, %4), network (%5, %6)")
                                      .arg(trail.label.c_str())
                                      .arg(step)
                                      .arg(point.at.p0, 0, 'g', 9)
                                      .arg(point.at.p1, 0, 'g', 9)
                                      .arg(unit.p0, 0, 'g', 9)
                                      .arg(unit.p1, 0, 'g', 9);
            QVERIFY2(std::abs(point.at.p0 - unit.p0) <= 1e-6, qPrintable(where));
            QVERIFY2(std::abs(point.at.p1 - unit.p1) <= 1e-6, qPrintable(where));
            // The network's J on its training part after the step: the same mean BCE.
            const double networkCost = run.trainer().curve().latest().train.loss;
            QVERIFY2(
                std::abs(point.cost - networkCost) <= 1e-6 * point.cost,
                qPrintable(
                    QString("%1 J %2, network %3").arg(where).arg(point.cost).arg(networkCost)));
        }
    }
}

// Across the bowl the curvature is 20: gradient descent with lr = 0.01 shrinks y by 1 - 20 lr =
// 0.8 a step and never crosses y = 0; momentum keeps the speed it gathered and crosses.
void TestLossSurface::momentumOvershootsAcrossTheBowlAndGradientDescentDoesNot() {
    const std::vector<SurfaceTrail> trails =
        raceOnSurface(lossSurface("bowl"), raceEntrants("sgd@0.01,momentum:0.9@0.01", {}), 10);
    const SurfaceTrail& sgd = trails[0];
    const SurfaceTrail& momentum = trails[1];
    for (size_t step = 1; step < sgd.points.size(); ++step) {
        QVERIFY(sgd.points[step].at.p1 > 0);
        QVERIFY(sgd.points[step].at.p1 < sgd.points[step - 1].at.p1);
        QVERIFY(sgd.points[step].cost < sgd.points[step - 1].cost);
    }
    bool crossed = false;
    for (const TrailPoint& point : momentum.points) crossed = crossed || point.at.p1 < 0;
    QVERIFY(crossed);
}

// AdaGrad divides by the root of all the squared gradients so far: a sum that only grows.
void TestLossSurface::adaGradStepsShrinkOnTheBowl() {
    const std::vector<SurfaceTrail> trails =
        raceOnSurface(lossSurface("bowl"), raceEntrants("adagrad@0.1,adagrad@0.5", {}), 30);
    for (const SurfaceTrail& trail : trails) {
        QCOMPARE(trail.end, TrailEnd::Finished);
        for (size_t step = 2; step < trail.points.size(); ++step)
            QVERIFY2(stepLength(trail, step) < stepLength(trail, step - 1),
                     qPrintable(QString("%1, step %2").arg(trail.label.c_str()).arg(step)));
        QVERIFY(stepLength(trail, 30) < stepLength(trail, 1) / 4);
    }
}

// lr = 1 multiplies y by 1 - 20 = -19 a step: 1, -19, 361, ..., -2476099, past kFarAway at step
// 5. lr = 1e38 would step beyond the largest float at once, so not even one step is taken.
void TestLossSurface::aHugeRateDivergesAndEndsTheTrail() {
    const std::vector<SurfaceTrail> trails =
        raceOnSurface(lossSurface("bowl"), raceEntrants("sgd@1,sgd@1e38,sgd@0.01", {}), 100);
    const SurfaceTrail& far = trails[0];
    QCOMPARE(far.end, TrailEnd::FlewAway);
    QVERIFY(far.diverged());
    QCOMPARE(far.points.size(), size_t{6});
    QCOMPARE(far.points.back().at.p1, -2476099.0);
    QVERIFY(std::abs(far.points[4].at.p1) <= kFarAway);
    const SurfaceTrail& notFinite = trails[1];
    QCOMPARE(notFinite.end, TrailEnd::NotFinite);
    QCOMPARE(notFinite.points.size(), size_t{1});
    QCOMPARE(trails[2].end, TrailEnd::Finished);
    QVERIFY(!trails[2].diverged());
    QCOMPARE(trails[2].points.size(), size_t{101});
}

void TestLossSurface::theGridSpansTheRange() {
    const LossSurface& bowl = lossSurface("bowl");
    const SurfaceGrid grid = surfaceGrid(bowl, 3, 5);
    QCOMPARE(grid.costs.size(), size_t{15});
    const SurfaceRange& r = grid.range;
    QCOMPARE(grid.at(0, 0), bowl.cost({r.p0Min, r.p1Min}));
    QCOMPARE(grid.at(2, 0), bowl.cost({r.p0Max, r.p1Min}));
    QCOMPARE(grid.at(0, 4), bowl.cost({r.p0Min, r.p1Max}));
    QCOMPARE(grid.at(1, 2), bowl.cost({(r.p0Min + r.p0Max) / 2, (r.p1Min + r.p1Max) / 2}));
    for (const LossSurface& surface : lossSurfaces())
        for (double cost : surfaceGrid(surface, 40, 30).costs) QVERIFY(std::isfinite(cost));
}

void TestLossSurface::unknownSurfacesAreRefusedNamingTheValidOnes() {
    QCOMPARE(lossSurface("saddle").name, std::string("saddle"));
    try {
        lossSurface("himmelblau");
        QFAIL("accepted");
    } catch (const InputError& error) {
        const QString message = error.what();
        QVERIFY2(message.contains("himmelblau"), error.what());
        for (const LossSurface& surface : lossSurfaces())
            QVERIFY2(message.contains(surface.name.c_str()), error.what());
    }
}

void TestLossSurface::badStepsAndGridSizesAreRefused() {
    const LossSurface& bowl = lossSurface("bowl");
    const std::vector<RaceEntrant> entrants = raceEntrants("sgd,adam", {});
    QCOMPARE(raceOnSurface(bowl, entrants, 0)[1].points.size(), size_t{1});
    QVERIFY_THROWS_EXCEPTION(InputError, raceOnSurface(bowl, entrants, -1));
    QVERIFY_THROWS_EXCEPTION(InputError, raceOnSurface(bowl, entrants, kMaxSurfaceSteps + 1));
    QVERIFY_THROWS_EXCEPTION(InputError, surfaceGrid(bowl, 1, 10));
    QVERIFY_THROWS_EXCEPTION(InputError, surfaceGrid(bowl, 10, kMaxGridSide + 1));
}

QTEST_APPLESS_MAIN(TestLossSurface)
#include "test_loss_surface.moc"
