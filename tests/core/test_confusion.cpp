// The confusion matrix (and per-class accuracy) of a network whose answers are known: a softmax
// layer with W = [[1, -1], [0, 0]], b = 0 gives logits (x1, -x1), so class 0 exactly when x1 > 0.

#include <QtTest>

#include <cmath>
#include <memory>

#include "backend/cpu_backend.h"
#include "data/dataset_spec.h"
#include "io/layer_tokens.h"
#include "io/project_file.h"
#include "training/training_run.h"
#include "util/errors.h"

using namespace koto;

class TestConfusion : public QObject {
    Q_OBJECT

private slots:
    void countsTrueAgainstPredictedClasses() {
        auto data = std::make_shared<Dataset>();
        data->name = "by hand";
        data->inputSize = 2;
        data->classCount = 2;
        data->classNames = {"right", "left"};
        data->train = {2, {1, 0, -1, 0}, {}, {0, 1}, {}};
        // (x1, x2, label): (1,0,0) (2,5,0) (-3,1,0) (-1,0,1) (0.5,0,1)
        data->test = {5, {1, 0, 2, 5, -3, 1, -1, 0, 0.5f, 0}, {}, {0, 0, 0, 1, 1}, {}};
        CpuBackend backend;
        TrainingRun run(backend, networkSpecFromTokens("", *data), data, TrainingSettings{});
        restoreWeights(run.network(),
                       {{"dense_1.W", 2, 2, {1, -1, 0, 0}}, {"dense_1.b", 1, 2, {0, 0}}});

        const ConfusionMatrix matrix = run.trainer().confusion(Trainer::Part::Test);
        QCOMPARE(matrix.classes, int64_t{2});
        QCOMPARE(matrix.counts,
                 (std::vector<int64_t>{2, 1, 1,
                                       1}));  // true 0: 2 right, 1 as 1; true 1: 1 as 0, 1 right
        const std::vector<double> perClass = matrix.perClassAccuracy();
        QCOMPARE(perClass[0], 2.0 / 3.0);
        QCOMPARE(perClass[1], 0.5);
        QVERIFY(run.trainer().testConfusion().counts.empty());  // before any evaluate()
        QCOMPARE(run.trainer().evaluate().test.accuracy, 3.0 / 5.0);  // the diagonal over the total
        // The evaluation counted the same answers (the app's confusion view reads them each epoch).
        QCOMPARE(run.trainer().testConfusion().counts, matrix.counts);
        QCOMPARE(run.trainer().confusion(Trainer::Part::Train).counts,
                 (std::vector<int64_t>{1, 0, 0, 1}));
    }

    // Each epoch's evaluation leaves the test part's confusion matrix of the epoch's weights.
    void everyEpochCountsTheTestAnswers() {
        auto data = std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse("xor:n=80")));
        CpuBackend backend;
        TrainingSettings settings;
        settings.batchSize = 8;
        TrainingRun run(backend, networkSpecFromTokens("dense:4:tanh", *data), data, settings);
        for (int epoch = 1; epoch <= 3; ++epoch) {
            run.trainer().train(1);
            const ConfusionMatrix counted = run.trainer().testConfusion();
            QCOMPARE(counted.classes, int64_t{2});
            QCOMPARE(counted.counts, run.trainer().confusion(Trainer::Part::Test).counts);
        }
    }

    void aClassWithoutSamplesHasNoAccuracy() {
        ConfusionMatrix matrix{3, {4, 1, 0, 0, 0, 0, 2, 0, 5}};
        const std::vector<double> perClass = matrix.perClassAccuracy();
        QCOMPARE(perClass[0], 0.8);
        QVERIFY(std::isnan(perClass[1]));
        QCOMPARE(perClass[2], 5.0 / 7.0);
    }

    void regressionHasNoConfusionMatrix() {
        auto data = std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse("plane:n=40")));
        CpuBackend backend;
        TrainingRun run(backend, networkSpecFromTokens("", *data), data, TrainingSettings{});
        QVERIFY_THROWS_EXCEPTION(InputError, run.trainer().confusion(Trainer::Part::Test));
    }
};

QTEST_APPLESS_MAIN(TestConfusion)
#include "test_confusion.moc"
