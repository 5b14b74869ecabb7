// Early stopping (part 11): a validation share held out of the training data, training that
// stops `patience` epochs after the best validation loss, and the weights of that best epoch
// restored.

#include <QtTest>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "backend/cpu_backend.h"
#include "data/dataset_spec.h"
#include "io/layer_tokens.h"
#include "io/project_file.h"
#include "training/training_run.h"
#include "util/errors.h"

using namespace koto;

namespace {

// Keeps every epoch's weights, as they are when the epoch ends.
class WeightsByEpoch final : public TrainingObserver {
public:
    explicit WeightsByEpoch(Network& network) : network_(network) {}
    void afterEpoch(const EpochMetrics& metrics) override {
        weights[metrics.epoch] = captureWeights(network_);
    }
    std::map<int64_t, std::vector<SavedTensor>> weights;

private:
    Network& network_;
};

std::multiset<std::vector<float>> rowsOf(const DataSplit& split, int64_t width) {
    std::multiset<std::vector<float>> rows;
    for (int64_t n = 0; n < split.count; ++n)
        rows.insert(std::vector<float>(split.inputs.begin() + n * width,
                                       split.inputs.begin() + (n + 1) * width));
    return rows;
}

}  // namespace

class TestEarlyStopping : public QObject {
    Q_OBJECT

private slots:
    void validationIsHeldOutOfTheTrainingData() {
        const Dataset original = loadDataset(DatasetSpec::parse("spiral:noise=0.2"));
        Dataset held = original;
        holdOutValidation(held, 0.2, 5);
        QCOMPARE(held.validation.count, int64_t{50});
        QCOMPARE(held.train.count, int64_t{200});
        QCOMPARE(held.test.count, original.test.count);
        QCOMPARE(held.validation.labels.size(), size_t{50});
        auto together = rowsOf(held.train, 2);
        const auto validation = rowsOf(held.validation, 2);
        together.insert(validation.begin(), validation.end());
        QVERIFY(together == rowsOf(original.train, 2));  // nothing lost, nothing added
        Dataset again = original;
        holdOutValidation(again, 0.2, 5);
        QCOMPARE(again.validation.inputs, held.validation.inputs);  // the same seed, the same share
        QVERIFY_THROWS_EXCEPTION(InputError, holdOutValidation(again, 1.0, 5));
    }

    void stopsAfterPatienceAndRestoresTheBestWeights() {
        CpuBackend backend;
        auto data =
            std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse("spiral:noise=0.3")));
        TrainingSettings settings;
        settings.optimizer = "adam";
        settings.learningRate = 0.01;
        settings.validation = 0.2;
        settings.patience = 15;
        TrainingRun run(backend, networkSpecFromTokens("dense:32:relu,dense:32:relu", *data), data,
                        settings);
        WeightsByEpoch weights(run.network());
        run.trainer().addObserver(&weights);
        QCOMPARE(run.trainer().train(2000), Trainer::Outcome::StoppedEarly);
        QVERIFY(run.trainer().stoppedEarly());

        // The best epoch is the one with the lowest validation loss...
        const auto& points = run.trainer().curve().points();
        const auto best = std::min_element(points.begin(), points.end(),
                                           [](const EpochMetrics& a, const EpochMetrics& b) {
                                               return a.validation.loss < b.validation.loss;
                                           });
        QCOMPARE(run.trainer().bestEpoch(), best->epoch);
        // ... training ended `patience` epochs after it ...
        QCOMPARE(run.trainer().epochsDone(), best->epoch + settings.patience);
        // ... and the network holds that epoch's weights, not the last ones.
        const std::vector<SavedTensor> now = captureWeights(run.network());
        QVERIFY(now == weights.weights.at(best->epoch));
        QVERIFY(now != weights.weights.at(run.trainer().epochsDone()));
        QVERIFY(run.trainer().evaluate().validation.loss == best->validation.loss);
    }

    void patienceNeedsAValidationShare() {
        CpuBackend backend;
        auto data = std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse("xor:n=40")));
        TrainingSettings settings;
        settings.patience = 5;
        QVERIFY_THROWS_EXCEPTION(
            InputError, TrainingRun(backend, networkSpecFromTokens("", *data), data, settings));
    }
};

QTEST_APPLESS_MAIN(TestEarlyStopping)
#include "test_early_stopping.moc"
