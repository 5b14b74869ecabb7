// Every optimizer and schedule against the curriculum's formulas (part 10), written out here as
// plain scalar arithmetic: three steps on J = w^2 + w per weight (dJ/dw = 2w + 1, minimum at
// -1/2), and the part 9 lesson u = 20, cost u*u + u + 1, gradient descent at 0.3 for 12 steps.

#include <QtTest>

#include <cmath>
#include <memory>
#include <vector>

#include "backend/cpu_backend.h"
#include "data/dataset_spec.h"
#include "io/layer_tokens.h"
#include "io/project_file.h"
#include "training/learning_rate_schedule.h"
#include "training/optimizer.h"
#include "training/training_run.h"
#include "util/errors.h"
#include "util/flush_denormals.h"

using namespace koto;

namespace {

// One parameter of two weights, in double, whose gradient is set by hand each step.
struct Weights {
    CpuBackend backend;
    Parameter parameter{"W", backend.allocate({1, 2}, DType::Float64),
                        backend.allocate({1, 2}, DType::Float64)};
    std::vector<NamedParameter> list{{"dense_1.W", "dense_1", &parameter}};

    explicit Weights(std::vector<double> start) {
        backend.upload(std::span<const double>(start), parameter.value);
    }
    std::vector<double> values() {
        std::vector<double> v(2);
        backend.download(parameter.value, std::span<double>(v));
        return v;
    }
    // Sets g = dJ/dw = 2w + 1 from the current weights.
    void computeGradient() {
        std::vector<double> g = values();
        for (double& x : g) x = 2 * x + 1;
        backend.upload(std::span<const double>(g), parameter.gradient);
    }
};

// The reference: the same three steps, one weight at a time, from the formulas.
using Rule = std::function<double(double w, double g, int step)>;

std::vector<double> byFormula(std::vector<double> w, int steps,
                              const std::function<Rule()>& makeRule) {
    for (double& x : w) {
        const Rule rule = makeRule();  // fresh state per weight
        for (int t = 1; t <= steps; ++t) x = rule(x, 2 * x + 1, t);
    }
    return w;
}

}  // namespace

class TestOptimizers : public QObject {
    Q_OBJECT

private slots:
    void threeStepsFollowTheFormulas_data() {
        QTest::addColumn<QString>("optimizer");
        const double lr = 0.1, mu = 0.9, decay = 0.99;
        rules_.clear();
        rules_["sgd"] = [=] { return Rule([=](double w, double g, int) { return w - lr * g; }); };
        rules_["momentum"] = [=] {
            auto v = std::make_shared<double>(0);
            return Rule([=](double w, double g, int) {
                *v = mu * *v - lr * g;
                return w + *v;
            });
        };
        rules_["nesterov"] = [=] {
            auto v = std::make_shared<double>(0);
            return Rule([=](double w, double g, int) {
                *v = mu * *v - lr * g;
                return w + mu * *v - lr * g;
            });
        };
        rules_["adagrad"] = [=] {
            auto cache = std::make_shared<double>(0);
            return Rule([=](double w, double g, int) {
                *cache += g * g;
                return w - lr * g / (std::sqrt(*cache) + 1e-10);
            });
        };
        rules_["rmsprop"] = [=] {
            auto cache = std::make_shared<double>(0);
            auto v = std::make_shared<double>(0);
            return Rule([=](double w, double g, int) {
                *cache = decay * *cache + (1 - decay) * g * g;
                *v = mu * *v - lr * g / (std::sqrt(*cache) + 1e-8);
                return w + *v;
            });
        };
        rules_["adam"] = [=] {
            auto m = std::make_shared<double>(0);
            auto v = std::make_shared<double>(0);
            return Rule([=](double w, double g, int t) {
                *m = 0.9 * *m + 0.1 * g;
                *v = 0.999 * *v + 0.001 * g * g;
                const double mHat = *m / (1 - std::pow(0.9, t));
                const double vHat = *v / (1 - std::pow(0.999, t));
                return w - lr * mHat / (std::sqrt(vHat) + 1e-8);
            });
        };
        for (const auto& [name, rule] : rules_)
            QTest::newRow(name.c_str()) << QString::fromStdString(name);
    }

    void threeStepsFollowTheFormulas() {
        QFETCH(QString, optimizer);
        TrainingSettings settings;
        settings.optimizer = optimizer.toStdString();
        settings.momentum = 0.9;
        settings.decay = 0.99;
        const auto made = makeOptimizer(settings);
        QCOMPARE(QString::fromLatin1(made->name().data(), static_cast<int>(made->name().size())),
                 optimizer);
        Weights weights({3.0, -2.0});
        for (int step = 0; step < 3; ++step) {
            weights.computeGradient();
            QVERIFY(!made->apply(weights.backend, weights.list, 0.1));
        }
        const std::vector<double> expected =
            byFormula({3.0, -2.0}, 3, rules_[optimizer.toStdString()]);
        const std::vector<double> actual = weights.values();
        for (size_t i = 0; i < 2; ++i)
            QVERIFY2(std::abs(actual[i] - expected[i]) <=
                         1e-12 * std::max(1.0, std::abs(expected[i])),
                     qPrintable(QStringLiteral("w[%1] = %2, formula %3")
                                    .arg(i)
                                    .arg(actual[i], 0, 'g', 17)
                                    .arg(expected[i], 0, 'g', 17)));
        QVERIFY(actual != std::vector<double>({3.0, -2.0}));
    }

    // An update that would overflow a weight is refused whole: no weight and no optimizer state
    // moves, so the next finite steps give exactly what they give without the refused one.
    void aRefusedUpdateChangesNothing_data() { threeStepsFollowTheFormulas_data(); }
    void aRefusedUpdateChangesNothing() {
        QFETCH(QString, optimizer);
        TrainingSettings settings;
        settings.optimizer = optimizer.toStdString();
        settings.momentum = 0.9;
        const auto refusing = makeOptimizer(settings);
        const auto plain = makeOptimizer(settings);
        Weights a({3.0, -2.0}), b({3.0, -2.0});
        a.computeGradient();
        b.computeGradient();
        QVERIFY(!refusing->apply(a.backend, a.list, 0.1));
        QVERIFY(!plain->apply(b.backend, b.list, 0.1));
        const std::vector<double> before = a.values();
        // A gradient of 1e308 at learning rate 1e10: every optimizer's step overflows a double.
        const std::vector<double> huge{1e308, -1e308};
        a.backend.upload(std::span<const double>(huge), a.parameter.gradient);
        const auto refused = refusing->apply(a.backend, a.list, 1e10);
        QVERIFY(refused.has_value());
        QCOMPARE(QString::fromStdString(*refused), QStringLiteral("dense_1.W"));
        QCOMPARE(a.values(), before);
        for (int step = 0; step < 2; ++step) {
            a.computeGradient();
            b.computeGradient();
            QVERIFY(!refusing->apply(a.backend, a.list, 0.1));
            QVERIFY(!plain->apply(b.backend, b.list, 0.1));
        }
        QCOMPARE(a.values(), b.values());
    }

    // Training flushes denormal floats to zero (a decaying velocity would crawl through them at a
    // hundredth of the speed) and gives the thread its previous mode back afterwards.
    void denormalsAreFlushedOnlyWhileTraining() {
        volatile float tiny = 1e-30f, factor = 1e-10f;  // the product, 1e-40, is denormal
        {
            const FlushDenormals flush;
            QCOMPARE(tiny * factor, 0.0f);
        }
        QVERIFY(tiny * factor > 0.0f);
    }

    // Part 9: u = 20, cost u*u + u + 1, u <- u - 0.3 (2u + 1) twelve times gives -0.49966.
    void theCurriculumsQuadratic() {
        CpuBackend backend;
        Parameter u{"u", backend.allocate({1, 1}, DType::Float64),
                    backend.allocate({1, 1}, DType::Float64)};
        const std::vector<NamedParameter> list{{"u", "", &u}};
        double value = 20;
        backend.upload(std::span<const double>(&value, 1), u.value);
        SgdOptimizer sgd;
        for (int step = 0; step < 12; ++step) {
            const double gradient = 2 * value + 1;
            backend.upload(std::span<const double>(&gradient, 1), u.gradient);
            QVERIFY(!sgd.apply(backend, list, 0.3));
            backend.download(u.value, std::span<double>(&value, 1));
        }
        QCOMPARE(std::round(value * 1e5) / 1e5, -0.49966);
        QCOMPARE(std::round((value * value + value + 1) * 1e6) / 1e6, 0.75);
    }

    // State belongs to a parameter id and shape: a rebuilt network starts from zero velocity.
    void stateIsNotReusedForAnotherParameter() {
        TrainingSettings settings;
        settings.optimizer = "momentum";
        const auto momentum = makeOptimizer(settings);
        Weights first({1.0, 1.0});
        first.computeGradient();
        momentum->apply(first.backend, first.list, 0.1);  // velocity of dense_1.W: -0.3, -0.3
        Weights renamed({1.0, 1.0});
        renamed.list[0].id = "dense_7.W";
        renamed.computeGradient();
        momentum->apply(renamed.backend, renamed.list, 0.1);
        QCOMPARE(renamed.values(),
                 (std::vector<double>{0.7, 0.7}));  // a first step: no velocity carried over
    }

    void momentumCanChangeWhileTraining() {
        TrainingSettings settings;
        settings.optimizer = "momentum";
        const auto momentum = makeOptimizer(settings);
        Weights weights({1.0, 1.0});
        weights.computeGradient();
        momentum->apply(weights.backend, weights.list, 0.1);  // v = -0.3, w = 0.7
        momentum->setMomentum(0);
        weights.computeGradient();                            // g = 2.4
        momentum->apply(weights.backend, weights.list, 0.1);  // v = 0 * v - 0.24
        QCOMPARE(weights.values()[0], 0.7 - 0.24);
    }

    void badSettingsAreRefused_data() {
        QTest::addColumn<QString>("optimizer");
        QTest::addColumn<double>("momentum");
        QTest::addColumn<double>("decay");
        QTest::newRow("unknown") << "lbfgs" << 0.9 << 0.99;
        QTest::newRow("momentum 1") << "momentum" << 1.0 << 0.99;
        QTest::newRow("negative momentum") << "nesterov" << -0.1 << 0.99;
        QTest::newRow("decay 1") << "rmsprop" << 0.9 << 1.0;
    }

    void badSettingsAreRefused() {
        QFETCH(QString, optimizer);
        QFETCH(double, momentum);
        QFETCH(double, decay);
        TrainingSettings settings;
        settings.optimizer = optimizer.toStdString();
        settings.momentum = momentum;
        settings.decay = decay;
        QVERIFY_THROWS_EXCEPTION(InputError, makeOptimizer(settings));
    }

    void schedulesFollowTheFormulas() {
        const double a = 0.2;
        QCOMPARE(LearningRateSchedule::parse("constant").at(a, 1000), a);
        const auto halving = LearningRateSchedule::parse("step:10:0.5");
        QCOMPARE(halving.at(a, 0), a);
        QCOMPARE(halving.at(a, 9), a);
        QCOMPARE(halving.at(a, 10), a / 2);
        QCOMPARE(halving.at(a, 25), a / 4);
        QCOMPARE(LearningRateSchedule::parse("inverse:0.1").at(a, 10), a / (1 + 0.1 * 10));
        QCOMPARE(LearningRateSchedule::parse("exp:0.05").at(a, 20), a * std::exp(-0.05 * 20));
        QCOMPARE(QString::fromStdString(halving.text()), QStringLiteral("step:10:0.5"));
        QCOMPARE(QString::fromStdString(LearningRateSchedule::parse("exp:0.05").text()),
                 QStringLiteral("exp:0.05"));
    }

    // The trainer steps with schedule(A, epoch): after 3 epochs of step:1:0.5 the rate is A/8.
    void theTrainerFollowsItsSchedule() {
        CpuBackend backend;
        auto data = std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse("xor:n=40")));
        TrainingSettings settings;
        settings.learningRate = 0.4;
        settings.schedule = "step:1:0.5";
        TrainingRun run(backend, networkSpecFromTokens("dense:4:tanh", *data), data, settings);
        QCOMPARE(run.trainer().currentLearningRate(), 0.4);
        run.trainer().train(3);
        QCOMPARE(run.trainer().currentLearningRate(), 0.05);
        run.trainer().setLearningRate(0.8);  // changed live: the schedule scales the new A
        QCOMPARE(run.trainer().currentLearningRate(), 0.1);
    }

    // A rate set by an observer before a step is the rate of that step's update: the weights
    // after it are those of a run that had the new rate from the start, and the step reports it.
    void aRateSetBeforeAStepIsUsedByThatStep() {
        struct SetRate final : TrainingObserver {
            Trainer* trainer = nullptr;
            double reported = 0;
            void beforeStep() override { trainer->setLearningRate(0.5); }
            void afterStep(const StepReport& report) override { reported = report.learningRate; }
        };
        CpuBackend backend;
        auto data = std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse("xor:n=40")));
        TrainingSettings settings;
        settings.learningRate = 0.5;
        TrainingRun reference(backend, networkSpecFromTokens("dense:4:tanh", *data), data,
                              settings);
        QVERIFY(reference.trainer().step());
        settings.learningRate = 0.01;
        TrainingRun changed(backend, networkSpecFromTokens("dense:4:tanh", *data), data, settings);
        SetRate setRate;
        setRate.trainer = &changed.trainer();
        changed.trainer().addObserver(&setRate);
        QVERIFY(changed.trainer().step());
        QCOMPARE(setRate.reported, 0.5);
        const std::vector<SavedTensor> expected = captureWeights(reference.network());
        const std::vector<SavedTensor> actual = captureWeights(changed.network());
        QCOMPARE(actual.size(), expected.size());
        for (size_t i = 0; i < actual.size(); ++i) QVERIFY(actual[i].values == expected[i].values);
    }

    void badSchedulesAreRefused_data() {
        QTest::addColumn<QString>("text");
        for (const char* text :
             {"", "cosine", "step", "step:10", "step:0:0.5", "step:2.5:0.5", "step:10:0",
              "step:10:1.5", "inverse", "inverse:-1", "exp:x", "constant:1"})
            QTest::newRow(*text ? text : "empty") << QString::fromLatin1(text);
    }

    void badSchedulesAreRefused() {
        QFETCH(QString, text);
        QVERIFY_THROWS_EXCEPTION(InputError, LearningRateSchedule::parse(text.toStdString()));
    }

private:
    std::map<std::string, std::function<Rule()>> rules_;
};

QTEST_APPLESS_MAIN(TestOptimizers)
#include "test_optimizers.moc"
