// koto-bench-lstm: the recurrent workload. LSTM(64) on seqimg:fashion-mnist (each image's
// 28 rows as 28 time steps of 28 values), seq:last, softmax over 10 classes, batch 64, SGD lr
// 0.05 with momentum 0.9: the settings of ../shared/reference-bench/bench_torch_lstm.py, which
// bench/lstm.sh runs beside it. Figures: seconds per epoch of steps alone (the first 937 of the
// 938 Trainer::step() calls, scaled by 938/937: the last one runs the per-epoch evaluation) and
// of one Trainer::evaluate() (60,000 + 10,000 sequences), after one warm-up epoch; and the test
// accuracy after each epoch. CPU backend, one thread.
//
//   koto-bench-lstm [--epochs E (2)] [--units U (64)] [--json]

#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "backend/cpu_backend.h"
#include "data/dataset_spec.h"
#include "io/layer_tokens.h"
#include "training/training_run.h"

using namespace koto;

int main(int argc, char** argv) {
    int epochs = 2, units = 64;
    bool json = false;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--epochs") && i + 1 < argc) epochs = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--units") && i + 1 < argc) units = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--json")) json = true;
        else {
            std::fprintf(stderr, "usage: koto-bench-lstm [--epochs E] [--units U] [--json]\n");
            return 2;
        }
    }
    const auto data =
        std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse("seqimg:fashion-mnist")));
    const NetworkSpec spec =
        networkSpecFromTokens("lstm:" + std::to_string(units) + ",seq:last", *data);
    TrainingSettings settings;
    settings.optimizer = "momentum";
    settings.momentum = 0.9;
    settings.learningRate = 0.05;
    settings.batchSize = 64;
    settings.epochs = epochs + 1;
    CpuBackend cpu;
    TrainingRun run(cpu, spec, data, settings);
    Trainer& trainer = run.trainer();
    trainer.train(1);  // warm-up
    using Clock = std::chrono::steady_clock;
    const int64_t steps = trainer.batchesPerEpoch();
    for (int epoch = 1; epoch <= epochs; ++epoch) {
        const auto start = Clock::now();
        for (int64_t s = 0; s + 1 < steps; ++s) trainer.step();
        const double stepSeconds = std::chrono::duration<double>(Clock::now() - start).count() *
                                   double(steps) / double(steps - 1);
        trainer.step();  // the epoch's last step, with its evaluation
        const auto evaluationStart = Clock::now();
        const EpochMetrics metrics = trainer.evaluate();
        const double evaluationSeconds =
            std::chrono::duration<double>(Clock::now() - evaluationStart).count();
        if (json)
            std::printf(
                "RESULT "
                "{\"workload\":\"lstm\",\"units\":%d,\"epoch\":%d,\"seconds_per_epoch_steps\":%.4f,"
                "\"evaluation_seconds\":%.4f,\"test_accuracy\":%.4f}\n",
                units, epoch + 1, stepSeconds, evaluationSeconds, metrics.test.accuracy);
        else
            std::printf(
                "epoch %d (after 1 warm-up): steps %.3f s, evaluation %.3f s, test accuracy %.4f\n",
                epoch + 1, stepSeconds, evaluationSeconds, metrics.test.accuracy);
    }
    return 0;
}
