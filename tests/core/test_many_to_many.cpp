// Many-to-many training (part 13): data with a target at every time step (sine, firstbit and
// parity with targets=every), laid out as the N*T rows seq:many gives. The loss, RMSE, accuracy
// and confusion matrix the trainer reports against a hand computation from the network's own
// predictions; the validation hold-out keeping a sample's T targets together; the spec and the
// weights through a project file; the errors naming the layer; and an LSTM learning the sine
// wave's next value at every step.

#include <QtTest>

#include <cmath>
#include <filesystem>
#include <vector>

#include "backend/cpu_backend.h"
#include "data/dataset_spec.h"
#include "inspect/step_tracer.h"
#include "io/layer_tokens.h"
#include "io/project_file.h"
#include "koto_test_support.h"
#include "network/network.h"
#include "training/project_capture.h"
#include "training/training_run.h"
#include "util/errors.h"

using namespace koto;
using kototest::qs;

namespace {

Dataset load(const std::string& spec) { return loadDataset(DatasetSpec::parse(spec)); }

std::vector<float> trainInputs(const Dataset& data) {
    return data.train.floatInputs(0, data.train.count, data.inputSize);
}

}  // namespace

class TestManyToMany : public QObject {
    Q_OBJECT
private slots:
    void sineGivesTheNextValueAtEveryStep();
    void bitsGiveTheirAnswerSoFar();
    void validationKeepsASamplesStepsTogether();
    void regressionLossIsTheMeanOverEveryStep();
    void classificationCountsEveryStep();
    void projectRoundTrip();
    void traceCountsSequencesAndSteps();
    void errorsNameTheLayer_data();
    void errorsNameTheLayer();
    void trainerRefusesTargetsThatDoNotFit();
    void lstmLearnsTheSineAtEveryStep();
};

// Without noise the target at step t is the input at step t+1, and the last step's target is
// the one the many-to-one set gives (the same seed draws the same waves).
void TestManyToMany::sineGivesTheNextValueAtEveryStep() {
    const Dataset every = load("sine:targets=every,noise=0,window=6,n=40");
    const Dataset last = load("sine:noise=0,window=6,n=40");
    QVERIFY(every.targetEveryStep);
    QVERIFY(!last.targetEveryStep);
    QCOMPARE(every.targetSteps(), int64_t{6});
    QCOMPARE(last.targetSteps(), int64_t{1});
    QCOMPARE(every.train.inputs, last.train.inputs);
    QCOMPARE(static_cast<int64_t>(every.train.targets.size()), every.train.count * 6);
    for (int64_t n = 0; n < every.train.count; ++n) {
        for (int64_t t = 0; t + 1 < 6; ++t)
            QVERIFY(std::abs(every.train.targets[static_cast<size_t>(n * 6 + t)] -
                             every.train.inputs[static_cast<size_t>(n * 6 + t + 1)]) < 1e-6);
        QCOMPARE(every.train.targets[static_cast<size_t>(n * 6 + 5)],
                 last.train.targets[static_cast<size_t>(n)]);
    }
}

// parity: the parity of the bits up to t (the last one is the sequence's parity); firstbit: the
// first bit at every step.
void TestManyToMany::bitsGiveTheirAnswerSoFar() {
    const Dataset parity = load("parity:5,targets=every,n=60");
    const Dataset parityLast = load("parity:5,n=60");
    const Dataset first = load("firstbit:5,targets=every,n=60");
    QCOMPARE(static_cast<int64_t>(parity.train.labels.size()), parity.train.count * 5);
    for (int64_t n = 0; n < parity.train.count; ++n) {
        int ones = 0;
        for (int64_t t = 0; t < 5; ++t) {
            ones += parity.train.inputs[static_cast<size_t>(n * 5 + t)] > 0.5f;
            QCOMPARE(parity.train.labels[static_cast<size_t>(n * 5 + t)], ones % 2);
            QCOMPARE(first.train.labels[static_cast<size_t>(n * 5 + t)],
                     static_cast<int32_t>(first.train.inputs[static_cast<size_t>(n * 5)]));
        }
        QCOMPARE(parity.train.labels[static_cast<size_t>(n * 5 + 4)],
                 parityLast.train.labels[static_cast<size_t>(n)]);
    }
    QVERIFY_THROWS_EXCEPTION(InputError, load("parity:5,targets=some"));
}

// Every held-out or kept sample carries its own T targets (found again by its inputs).
void TestManyToMany::validationKeepsASamplesStepsTogether() {
    for (const char* spec : {"sine:targets=every,window=4,n=50", "parity:4,targets=every,n=50"}) {
        const Dataset all = load(spec);
        Dataset held = all;
        holdOutValidation(held, 0.25, 3);
        QCOMPARE(held.train.count + held.validation.count, all.train.count);
        QVERIFY(held.validation.count > 0);
        for (const DataSplit* split : {&held.train, &held.validation}) {
            const size_t targetsPerSample = all.task == Task::Regression ? 4 : 0;
            const size_t labelsPerSample = all.task == Task::Classification ? 4 : 0;
            QCOMPARE(split->targets.size(), static_cast<size_t>(split->count) * targetsPerSample);
            QCOMPARE(split->labels.size(), static_cast<size_t>(split->count) * labelsPerSample);
            for (int64_t n = 0; n < split->count; ++n) {
                const auto row = split->inputs.begin() + n * 4;
                int64_t original = -1;
                for (int64_t m = 0; m < all.train.count && original < 0; ++m)
                    if (std::equal(row, row + 4, all.train.inputs.begin() + m * 4)) original = m;
                QVERIFY(original >= 0);
                for (size_t k = 0; k < targetsPerSample; ++k)
                    QCOMPARE(split->targets[n * targetsPerSample + k],
                             all.train.targets[original * targetsPerSample + k]);
                // Bit sequences may repeat; then their labels, which follow from the bits, do too.
                for (size_t k = 0; k < labelsPerSample; ++k)
                    QCOMPARE(split->labels[n * labelsPerSample + k],
                             all.train.labels[original * labelsPerSample + k]);
            }
        }
    }
}

// The trainer's loss (and a whole-batch step's cost J) is the mean over all N*T steps of the
// squared error, its RMSE the root of the same, computed here from predict's N x T answers.
void TestManyToMany::regressionLossIsTheMeanOverEveryStep() {
    auto data = std::make_shared<const Dataset>(load("sine:targets=every,window=4,n=10,test=0.4"));
    QCOMPARE(data->train.count, int64_t{6});
    TrainingSettings settings;
    settings.batchSize = 6;
    CpuBackend cpu;
    TrainingRun run(cpu, networkSpecFromTokens("lstm:3,seq:many", *data), data, settings);
    const std::vector<float> y = run.network().predict(trainInputs(*data), 6);
    QCOMPARE(y.size(), size_t{24});  // 6 sequences x 4 steps x 1 value
    double squares = 0;
    for (size_t i = 0; i < y.size(); ++i)
        squares += std::pow(double(y[i]) - data->train.targets[i], 2);
    const double mse = squares / 24;

    const EpochMetrics metrics = run.trainer().evaluate();
    QVERIFY2(std::abs(metrics.train.loss - mse) < 1e-6 * (1 + mse),
             qPrintable(QString::number(metrics.train.loss)));
    QVERIFY(std::abs(metrics.train.rmse - std::sqrt(mse)) < 1e-6);
    QVERIFY(run.trainer().step());
    QVERIFY(std::abs(run.trainer().stepCost() - mse) < 1e-6 * (1 + mse));
    QCOMPARE(run.trainer().stepTargets().shape(), (Shape{24, 1}));  // one row a step, like Y
}

// Cross-entropy over every step, accuracy the share of right steps, and the confusion matrix
// counting every step of every sequence.
void TestManyToMany::classificationCountsEveryStep() {
    auto data = std::make_shared<const Dataset>(load("parity:4,targets=every,n=10,test=0.4"));
    TrainingSettings settings;
    settings.batchSize = 6;
    CpuBackend cpu;
    TrainingRun run(cpu, networkSpecFromTokens("rnn:3,seq:many", *data), data, settings);
    const std::vector<float> y = run.network().predict(trainInputs(*data), 6);
    QCOMPARE(y.size(), size_t{48});  // 6 sequences x 4 steps x 2 classes
    double logSum = 0;
    int64_t right = 0;
    for (size_t step = 0; step < 24; ++step) {
        const int32_t label = data->train.labels[step];
        logSum += std::log(double(y[step * 2 + static_cast<size_t>(label)]));
        right += (y[step * 2 + 1] > y[step * 2] ? 1 : 0) == label;
    }
    const EpochMetrics metrics = run.trainer().evaluate();
    QVERIFY(std::abs(metrics.train.loss - (-logSum / 24)) < 1e-6);
    QCOMPARE(metrics.train.accuracy, double(right) / 24);
    const ConfusionMatrix confusion = run.trainer().confusion(Trainer::Part::Train);
    QCOMPARE(confusion.counts[0] + confusion.counts[1] + confusion.counts[2] + confusion.counts[3],
             int64_t{24});
    QCOMPARE(confusion.counts[0] + confusion.counts[3], right);
}

// The dataset spec keeps targets=every, and the saved network predicts the same after loading.
void TestManyToMany::projectRoundTrip() {
    const std::string spec = "sine:targets=every,window=5,n=40";
    QCOMPARE(qs(DatasetSpec::parse(DatasetSpec::parse(spec).text()).text()),
             qs(DatasetSpec::parse(spec).text()));
    auto data = std::make_shared<const Dataset>(load(spec));
    TrainingSettings settings;
    settings.batchSize = 8;
    settings.optimizer = "adam";
    settings.learningRate = 0.01;
    CpuBackend cpu;
    TrainingRun run(cpu, networkSpecFromTokens("lstm:4,seq:many", *data), data, settings);
    run.trainer().train(1);
    const QTemporaryDir dir;
    const std::string path =
        (std::filesystem::path(dir.path().toStdString()) / "many.koto").string();
    saveProject(captureProject(run.trainer(), DatasetSpec::parse(spec).text()), path);
    const Project loaded = loadProject(path);
    const Dataset again = loadDataset(DatasetSpec::parse(loaded.dataset));
    QVERIFY(again.targetEveryStep);
    QCOMPARE(again.train.targets, data->train.targets);
    Network network(cpu, loaded.network, TrainingRun::rowsFor(loaded.training));
    restoreWeights(network, loaded.weights);
    QCOMPARE(network.outputRowsPerSample(), int64_t{5});
    const std::vector<float> inputs = again.train.floatInputs(0, 4, again.inputSize);
    QVERIFY(kototest::sameBits(network.predict(inputs, 4), run.network().predict(inputs, 4)));
}

// The step-through inspector's record of the cost: T with one row a step like Y, N the rows the
// mean runs over, and the batch's sequences apart from them.
void TestManyToMany::traceCountsSequencesAndSteps() {
    auto data = std::make_shared<const Dataset>(load("sine:targets=every,window=5,n=20"));
    TrainingSettings settings;
    settings.batchSize = 3;
    CpuBackend cpu;
    TrainingRun run(cpu, networkSpecFromTokens("rnn:2,seq:many", *data), data, settings);
    const std::optional<StepTrace> trace = traceStep(run.trainer());
    QVERIFY(trace);
    QCOMPARE(trace->rows(), int64_t{15});
    QCOMPARE(trace->samples(), int64_t{3});
    const TraceStage* loss = trace->find(StageKind::Loss);
    QVERIFY(loss);
    QCOMPARE(loss->tensor("T")->rows, int64_t{15});
    QCOMPARE(loss->tensor("Y")->rows, int64_t{15});
}

void TestManyToMany::errorsNameTheLayer_data() {
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<QString>("tokens");
    QTest::addColumn<QStringList>("mentions");
    QTest::newRow("seq:many on one target a sequence")
        << "sine:n=20"
        << "lstm:4,seq:many" << QStringList{"sequence_many_1", "every time step", "targets=every"};
    QTest::newRow("seq:last on a target every step")
        << "sine:targets=every,n=20"
        << "lstm:4,seq:last" << QStringList{"sequence_last_1", "seq:many"};
    QTest::newRow("no sequence layer on a target every step")
        << "parity:4,targets=every,n=20"
        << "dense:4:tanh" << QStringList{"parity", "seq:many"};
}

void TestManyToMany::errorsNameTheLayer() {
    QFETCH(QString, dataset);
    QFETCH(QString, tokens);
    QFETCH(QStringList, mentions);
    const QString why =
        kototest::whyTokensNotRefused(tokens.toStdString(), load(dataset.toStdString()), mentions);
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

// A spec built for the other kind of data (not through the tokens) is refused by the trainer.
void TestManyToMany::trainerRefusesTargetsThatDoNotFit() {
    auto every = std::make_shared<const Dataset>(load("sine:targets=every,window=4,n=20"));
    auto last = std::make_shared<const Dataset>(load("sine:window=4,n=20"));
    const NetworkSpec many = networkSpecFromTokens("lstm:2,seq:many", *every);
    const NetworkSpec one = networkSpecFromTokens("lstm:2,seq:last", *last);
    CpuBackend cpu;
    QVERIFY_THROWS_EXCEPTION(InputError, TrainingRun(cpu, many, last, TrainingSettings{}));
    QVERIFY_THROWS_EXCEPTION(InputError, TrainingRun(cpu, one, every, TrainingSettings{}));
}

// At every step of a 20-step window the next value of the wave: the first steps see too little
// of it to know the phase, the later ones do. Measured: test RMSE 0.74 at the start, 0.085 after
// 30 epochs (averaged over all 20 steps; 0.097 after 20 epochs at rate 0.01).
void TestManyToMany::lstmLearnsTheSineAtEveryStep() {
    auto data = std::make_shared<const Dataset>(load("sine:targets=every,window=20,n=400"));
    TrainingSettings settings;
    settings.optimizer = "adam";
    settings.learningRate = 0.02;
    settings.batchSize = 16;
    CpuBackend cpu;
    TrainingRun run(cpu, networkSpecFromTokens("lstm:16,seq:many", *data), data, settings);
    const double before = run.trainer().evaluate().test.rmse;
    QCOMPARE(run.trainer().train(30), Trainer::Outcome::Finished);
    const double after = run.trainer().curve().latest().test.rmse;
    qInfo("lstm:16,seq:many on sine:targets=every,window=20: test RMSE %.4f, at the start %.4f",
          after, before);
    QVERIFY2(before > 0.5, qPrintable(QString::number(before)));
    QVERIFY2(after < 0.1, qPrintable(QString::number(after)));
}

QTEST_APPLESS_MAIN(TestManyToMany)
#include "test_many_to_many.moc"
