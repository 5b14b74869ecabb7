// koto-bench: training throughput of koto_core's CPU backend (one thread unless --threads says
// otherwise), for the workloads that bench/torch_reference.py and bench/lenet_reference.py run in
// PyTorch (and bench/sklearn_reference.py, for the second one, in scikit-learn).
//
//   playground  TF-Playground spiral (500 points, noise 0, half for training = 250 rows),
//               MLP 2-8-8-2 tanh + softmax cross-entropy, batch 10, SGD lr 0.03: optimizer
//               steps per second. 25 steps per epoch.
//   fashion     Fashion-MNIST (Debian's dataset-fashion-mnist: 60,000 training and 10,000 test
//               images, kept as bytes and scaled to [0, 1] per batch), MLP 784-128-10 ReLU,
//               batch 64, SGD lr 0.01 with momentum 0.9: seconds per epoch, test accuracy and
//               peak memory. 938 steps per epoch (the last one of 32 rows).
//   lenet       Fashion-MNIST as above, the LeNet-like CNN conv:6:5,maxpool:2,conv:16:5,maxpool:2,
//               flatten,dense:120:relu,dense:84:relu (+ softmax 10; 44,426 parameters, as
//               bench/lenet_reference.py builds it in PyTorch), batch 64, SGD lr 0.01 with
//               momentum 0.9: seconds per epoch of steps (938 steps; --lenet-steps N times N
//               steps a sample and scales them to the epoch) and of Trainer::evaluate().
//   products    the five matrix products of one step of the fashion MLP, each timed alone:
//               GFLOP/s and their sum over an epoch (not part of "all").
//
// Trainer::step() runs the per-epoch evaluation (loss and accuracy on the training and test
// parts) inside the last step of every epoch, so "steps only" figures time the step() calls
// of each epoch except that last one (set-up, warm-up and the evaluating step are outside the
// timed intervals); "with evaluation" figures time Trainer::train() whole, as the app runs it.
//
//   koto-bench [--workload playground|fashion|lenet|products|all] [--samples N]
//              [--playground-epochs E]
//              [--lenet-steps N] [--threads N] [--json]
//
// --threads N: the CPU backend's threads (default 1, to compare with the one-thread references).
//
// With --json, prints only one line `RESULT {...}` per workload.

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "backend/cpu_backend.h"
#include "data/dataset.h"
#include "data/dataset_spec.h"
#include "io/layer_tokens.h"
#include "network/network.h"
#include "reference_settings.h"
#include "training/trainer.h"
#include "training/training_run.h"
#include "util/random.h"

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU seconds this process has run: unlike the wall clock, not stretched while other work on a
// shared machine holds the core (the same measure as Python's time.process_time()).
double processSeconds() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

double median(std::vector<double> values) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

double best(const std::vector<double>& values, bool higherIsBetter) {
    if (values.empty()) return 0;
    return higherIsBetter ? *std::max_element(values.begin(), values.end())
                          : *std::min_element(values.begin(), values.end());
}

std::string jsonArray(const std::vector<double>& values) {
    std::ostringstream out;
    out.precision(6);
    out << '[';
    for (size_t i = 0; i < values.size(); ++i) out << (i ? ", " : "") << values[i];
    out << ']';
    return out.str();
}

struct Options {
    std::string workload = "all";
    int samples = 7;
    int playgroundEpochs = 1000;  // per sample: 25,000 steps
    int lenetSteps = 0;           // per sample; 0: a whole epoch's
    bool json = false;
    int threads = 1;  // the CPU backend's; 1 compares with one-thread references
};

[[noreturn]] void usage(const char* message) {
    if (message) std::cerr << "koto-bench: " << message << "\n";
    std::cerr << "usage: koto-bench [--workload playground|fashion|lenet|products|all] "
                 "[--samples N] "
                 "[--playground-epochs E] "
                 "[--lenet-steps N] [--threads N] [--json]\n";
    std::exit(2);
}

Options parseOptions(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage(("missing value after " + arg).c_str());
            return argv[++i];
        };
        auto positive = [&](const std::string& text) {
            char* end = nullptr;
            const long v = std::strtol(text.c_str(), &end, 10);
            if (!end || *end != '\0' || v < 1 || v > 1'000'000)
                usage(("not a positive count: " + text).c_str());
            return static_cast<int>(v);
        };
        if (arg == "--workload") options.workload = value();
        else if (arg == "--samples") options.samples = positive(value());
        else if (arg == "--playground-epochs") options.playgroundEpochs = positive(value());
        else if (arg == "--lenet-steps") options.lenetSteps = positive(value());
        else if (arg == "--threads") options.threads = positive(value());
        else if (arg == "--json") options.json = true;
        else if (arg == "--help" || arg == "-h") usage(nullptr);
        else usage(("unknown argument " + arg).c_str());
    }
    if (options.workload != "playground" && options.workload != "fashion" &&
        options.workload != "lenet" && options.workload != "products" && options.workload != "all")
        usage("--workload must be playground, fashion, lenet, products or all");
    return options;
}

// Runs whole epochs through Trainer::step(), timing each epoch's steps except its last one (the
// step that ends the epoch also runs the evaluation). Returns the seconds of the timed steps and
// adds their number to `timedSteps`.
double timedStepsOnly(koto::Trainer& trainer, int64_t epochs, int64_t& timedSteps) {
    const int64_t perEpoch = trainer.batchesPerEpoch();
    double seconds = 0;
    for (int64_t e = 0; e < epochs; ++e) {
        const auto start = Clock::now();
        for (int64_t b = 0; b + 1 < perEpoch; ++b) trainer.step();
        seconds += secondsSince(start);
        timedSteps += perEpoch - 1;
        trainer.step();  // ends the epoch: one more step plus the evaluation, not timed
    }
    return seconds;
}

void playground(const Options& options) {
    koto::CpuBackend backend(options.threads);
    auto dataset = std::make_shared<const koto::Dataset>(
        koto::loadDataset(koto::DatasetSpec::parse("spiral:n=500,noise=0,test=0.5,seed=1")));
    const koto::NetworkSpec spec =
        koto::networkSpecFromTokens("dense:8:tanh,dense:8:tanh", *dataset);
    koto::TrainingSettings settings;
    settings.learningRate = 0.03;
    settings.batchSize = 10;
    settings.seed = 1;
    settings.optimizer = "sgd";
    koto::TrainingRun run(backend, spec, dataset, settings);
    koto::Trainer& trainer = run.trainer();
    const int64_t perEpoch = trainer.batchesPerEpoch();
    const int64_t epochs = options.playgroundEpochs;

    trainer.train(20);  // warm-up: caches, branch predictors, first-touch of every buffer

    std::vector<double> stepOnly, withEvaluation, evaluationMicros;
    for (int s = 0; s < options.samples; ++s) {
        // (1) Trainer::step() alone: per-step overhead, shuffle included, evaluation excluded.
        int64_t steps = 0;
        const double stepSeconds = timedStepsOnly(trainer, epochs, steps);
        stepOnly.push_back(static_cast<double>(steps) / stepSeconds);

        // (2) Trainer::train(): every step plus the evaluation after each epoch.
        auto start = Clock::now();
        trainer.train(epochs);
        withEvaluation.push_back(static_cast<double>(epochs * perEpoch) / secondsSince(start));

        // (3) The evaluation alone (train and test parts), as finishEpoch() runs it.
        const int evaluations = 200;
        start = Clock::now();
        for (int i = 0; i < evaluations; ++i) trainer.evaluate();
        evaluationMicros.push_back(secondsSince(start) / evaluations * 1e6);
    }
    const koto::EpochMetrics last = trainer.evaluate();

    const double stepMedian = median(stepOnly), trainMedian = median(withEvaluation);
    if (options.json) {
        std::ostringstream out;
        out.precision(8);
        out << "RESULT {\"bench\": \"koto_playground_spiral\", \"backend\": \"" << backend.name()
            << "\", \"points\": 500, \"train_rows\": " << dataset->train.count << ", \"batch\": 10"
            << ", \"net\": \"2-8-8-2 tanh\", \"lr\": 0.03, \"steps_per_epoch\": " << perEpoch
            << ", \"epochs_per_sample\": " << epochs << ", \"samples\": " << options.samples
            << ", \"step_steps_per_s_median\": " << stepMedian
            << ", \"step_steps_per_s_best\": " << best(stepOnly, true)
            << ", \"step_us_per_step_median\": " << 1e6 / stepMedian
            << ", \"step_steps_per_s\": " << jsonArray(stepOnly)
            << ", \"train_steps_per_s_median\": " << trainMedian
            << ", \"train_steps_per_s_best\": " << best(withEvaluation, true)
            << ", \"train_us_per_step_median\": " << 1e6 / trainMedian
            << ", \"train_steps_per_s\": " << jsonArray(withEvaluation)
            << ", \"evaluate_us_median\": " << median(evaluationMicros)
            << ", \"epochs_trained\": " << trainer.epochsDone()
            << ", \"train_acc_after\": " << last.train.accuracy
            << ", \"test_acc_after\": " << last.test.accuracy << "}";
        std::cout << out.str() << std::endl;
    } else {
        std::printf("playground: spiral 250 training rows, 2-8-8-2 tanh, batch 10, SGD 0.03, %lld "
                    "steps/epoch\n",
                    static_cast<long long>(perEpoch));
        std::printf(
            "  Trainer::step() alone      median %10.0f steps/s  best %10.0f  (%.2f us/step)\n",
            stepMedian, best(stepOnly, true), 1e6 / stepMedian);
        std::printf(
            "  Trainer::train() with eval median %10.0f steps/s  best %10.0f  (%.2f us/step)\n",
            trainMedian, best(withEvaluation, true), 1e6 / trainMedian);
        std::printf("  Trainer::evaluate() (train + test, 500 rows)  median %.2f us per epoch\n",
                    median(evaluationMicros));
        std::printf("  after %lld epochs: train accuracy %.3f, test accuracy %.3f\n",
                    static_cast<long long>(trainer.epochsDone()), last.train.accuracy,
                    last.test.accuracy);
        std::printf("  target >= 150000 steps/s (step alone): %s\n",
                    stepMedian >= 150000 ? "met" : "NOT met");
    }
}

// Peak resident memory of this process so far, in MiB (Linux reports ru_maxrss in KiB).
double peakResidentMiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void fashion(const Options& options) {
    koto::CpuBackend backend(options.threads);
    const auto loadStart = Clock::now();
    auto dataset = std::make_shared<const koto::Dataset>(
        koto::loadDataset(koto::DatasetSpec::parse("fashion-mnist")));
    const double loadSeconds = secondsSince(loadStart);
    const koto::NetworkSpec spec = koto::networkSpecFromTokens("dense:128:relu", *dataset);
    koto::TrainingRun run(backend, spec, dataset, kotobench::referenceSettings());
    koto::Trainer& trainer = run.trainer();
    const int64_t perEpoch = trainer.batchesPerEpoch();

    trainer.train(1);  // warm-up epoch

    std::vector<double> stepOnly, withEvaluation, evaluation, testAccuracy;
    for (int s = 0; s < options.samples; ++s) {
        // Steps only: the epoch's first perEpoch-1 steps (shuffle included) are timed; the last
        // (32-row) step runs with the evaluation, so the epoch is counted as perEpoch-1 full steps
        // scaled by perEpoch/(perEpoch-1), which over-counts by half a step (~0.05 %).
        int64_t steps = 0;
        const double seconds = timedStepsOnly(trainer, 1, steps);
        stepOnly.push_back(seconds * static_cast<double>(perEpoch) / static_cast<double>(steps));
        testAccuracy.push_back(trainer.curve().latest().test.accuracy);

        auto start = Clock::now();
        trainer.train(1);
        withEvaluation.push_back(secondsSince(start));

        start = Clock::now();
        trainer.evaluate();
        evaluation.push_back(secondsSince(start));
    }
    const koto::EpochMetrics last = trainer.evaluate();
    const double peak = peakResidentMiB();

    const double stepMedian = median(stepOnly), trainMedian = median(withEvaluation);
    if (options.json) {
        std::ostringstream out;
        out.precision(8);
        out << "RESULT {\"bench\": \"koto_fashion_mlp\", \"backend\": \"" << backend.name()
            << "\", \"threads\": " << backend.threads()
            << ", \"train_rows\": " << dataset->train.count
            << ", \"test_rows\": " << dataset->test.count
            << ", \"batch\": 64, \"net\": \"784-128-10 relu\", \"optimizer\": \"momentum 0.9\", "
               "\"lr\": 0.01"
            << ", \"steps_per_epoch\": " << perEpoch << ", \"samples\": " << options.samples
            << ", \"epoch_s_steps_median\": " << stepMedian
            << ", \"epoch_s_steps_min\": " << best(stepOnly, false)
            << ", \"epoch_s_steps\": " << jsonArray(stepOnly)
            << ", \"epoch_s_with_eval_median\": " << trainMedian
            << ", \"epoch_s_with_eval_min\": " << best(withEvaluation, false)
            << ", \"epoch_s_with_eval\": " << jsonArray(withEvaluation)
            << ", \"evaluate_s_median\": " << median(evaluation)
            << ", \"test_acc\": " << jsonArray(testAccuracy)
            << ", \"epochs_trained\": " << trainer.epochsDone()
            << ", \"final_test_acc\": " << last.test.accuracy
            << ", \"data_load_s\": " << loadSeconds << ", \"peak_rss_mib\": " << peak << "}";
        std::cout << out.str() << std::endl;
    } else {
        std::printf("fashion: Fashion-MNIST 60000 + 10000, 784-128-10 relu, batch 64, momentum "
                    "0.9, lr 0.01, "
                    "%lld steps/epoch\n",
                    static_cast<long long>(perEpoch));
        std::printf(
            "  epoch, steps only (Trainer::step())   median %.4f s  min %.4f s  (%.0f steps/s)\n",
            stepMedian, best(stepOnly, false), static_cast<double>(perEpoch) / stepMedian);
        std::printf("  epoch with evaluation (Trainer::train) median %.4f s  min %.4f s\n",
                    trainMedian, best(withEvaluation, false));
        std::printf("  Trainer::evaluate() (60000 + 10000 rows)  median %.4f s\n",
                    median(evaluation));
        std::printf("  after %lld epochs: test accuracy %.4f; data loaded in %.2f s; peak memory "
                    "%.0f MiB\n",
                    static_cast<long long>(trainer.epochsDone()), last.test.accuracy, loadSeconds,
                    peak);
    }
}

// The LeNet-like CNN: `steps` timed steps a sample (none of them the last of an epoch, which
// also evaluates), scaled to the epoch; then Trainer::evaluate() (60,000 + 10,000 images) timed.
void lenet(const Options& options) {
    koto::CpuBackend backend(options.threads);
    auto dataset = std::make_shared<const koto::Dataset>(
        koto::loadDataset(koto::DatasetSpec::parse("fashion-mnist")));
    const koto::NetworkSpec spec = koto::networkSpecFromTokens(kotobench::kLenetLayers, *dataset);
    koto::TrainingRun run(backend, spec, dataset, kotobench::referenceSettings());
    koto::Trainer& trainer = run.trainer();
    const int64_t perEpoch = trainer.batchesPerEpoch();
    const int64_t steps =
        options.lenetSteps ? std::min<int64_t>(options.lenetSteps, perEpoch - 1) : perEpoch - 1;

    for (int i = 0; i < 5; ++i) trainer.step();  // warm-up: first touch of every buffer

    std::vector<double> epochSeconds, epochCpuSeconds, evaluation;
    for (int s = 0; s < options.samples; ++s) {
        // Steps left in this epoch before the one that ends it (and evaluates): finish the epoch
        // first if they are too few.
        if (perEpoch - 1 - trainer.stepsDone() % perEpoch < steps)
            while (trainer.stepsDone() % perEpoch != 0) trainer.step();
        const int64_t epochs = trainer.epochsDone();
        const auto start = Clock::now();
        const double cpuStart = processSeconds();
        for (int64_t i = 0; i < steps; ++i) trainer.step();
        const double seconds = secondsSince(start), cpuSeconds = processSeconds() - cpuStart;
        if (trainer.epochsDone() != epochs)
            throw std::logic_error("lenet: an epoch ended inside the timed steps");
        const double toEpoch = static_cast<double>(perEpoch) / static_cast<double>(steps);
        epochSeconds.push_back(seconds * toEpoch);
        epochCpuSeconds.push_back(cpuSeconds * toEpoch);

        const auto evaluationStart = Clock::now();
        trainer.evaluate();
        evaluation.push_back(secondsSince(evaluationStart));
    }
    const koto::EpochMetrics last = trainer.evaluate();

    const double epochMedian = median(epochSeconds), evaluationMedian = median(evaluation);
    if (options.json) {
        std::ostringstream out;
        out.precision(8);
        out << "RESULT {\"bench\": \"koto_lenet\", \"backend\": \"" << backend.name()
            << "\", \"batch\": 64, \"net\": \"" << kotobench::kLenetLayers
            << "\", \"optimizer\": \"momentum 0.9\", \"lr\": 0.01"
            << ", \"threads\": " << backend.threads() << ", \"steps_per_epoch\": " << perEpoch
            << ", \"steps_per_sample\": " << steps << ", \"samples\": " << options.samples
            << ", \"epoch_s_median\": " << epochMedian
            << ", \"epoch_s_min\": " << best(epochSeconds, false)
            << ", \"epoch_s\": " << jsonArray(epochSeconds)
            << ", \"epoch_cpu_s_median\": " << median(epochCpuSeconds)
            << ", \"epoch_cpu_s\": " << jsonArray(epochCpuSeconds)
            << ", \"evaluate_s_median\": " << evaluationMedian
            << ", \"evaluate_s\": " << jsonArray(evaluation)
            << ", \"steps_done\": " << trainer.stepsDone()
            << ", \"test_acc_after\": " << last.test.accuracy << "}";
        std::cout << out.str() << std::endl;
    } else {
        std::printf("lenet: Fashion-MNIST, %s, batch 64, momentum 0.9, lr 0.01, %lld steps/epoch\n",
                    kotobench::kLenetLayers, static_cast<long long>(perEpoch));
        std::printf("  epoch of steps (%lld timed a sample)  median %.3f s  min %.3f s  (CPU time: "
                    "median %.3f s)\n",
                    static_cast<long long>(steps), epochMedian, best(epochSeconds, false),
                    median(epochCpuSeconds));
        std::printf("  Trainer::evaluate() (60000 + 10000 images)  median %.3f s\n",
                    evaluationMedian);
        std::printf("  after %lld steps: test accuracy %.4f\n",
                    static_cast<long long>(trainer.stepsDone()), last.test.accuracy);
    }
}

// The five matrix products of one training step of the Fashion-MNIST MLP (784-128-10, batch 64):
// each one's time and GFLOP/s through the backend's gemm (the threads and blocks training uses),
// and their sum over an epoch's 938 steps: the floor the rest of the epoch is measured against.
void products(const Options& options) {
    koto::CpuBackend backend(options.threads);
    struct Product {
        const char* name;
        bool transposeA, transposeB;
        int64_t m, n, k;
    };
    const Product step[] = {{"X W1 (64x784 by 784x128)", false, false, 64, 128, 784},
                            {"H W2 (64x128 by 128x10)", false, false, 64, 10, 128},
                            {"dW2 = H^T dZ2 (128x64 by 64x10)", true, false, 128, 10, 64},
                            {"dH = dZ2 W2^T (64x10 by 10x128)", false, true, 64, 128, 10},
                            {"dW1 = X^T dZ1 (784x64 by 64x128)", true, false, 784, 128, 64}};
    std::ostringstream json;
    json.precision(6);
    double stepSeconds = 0, peak = 0;
    for (const Product& p : step) {
        auto made = [&](int64_t rows, int64_t cols) {
            koto::Tensor t = backend.allocate({rows, cols}, koto::DType::Float32);
            backend.fill(t, 0.01);
            return t;
        };
        const koto::Tensor a = p.transposeA ? made(p.k, p.m) : made(p.m, p.k);
        const koto::Tensor b = p.transposeB ? made(p.n, p.k) : made(p.k, p.n);
        koto::Tensor c = made(p.m, p.n);
        const double flops = 2.0 * static_cast<double>(p.m * p.n * p.k);
        // Enough calls for about 0.1 s a sample.
        const int calls = static_cast<int>(std::clamp(0.1 * 50e9 / flops, 10.0, 1e6));
        std::vector<double> seconds;
        for (int sample = 0; sample < options.samples + 1; ++sample) {
            const auto start = Clock::now();
            for (int i = 0; i < calls; ++i)
                backend.gemm(p.transposeA, p.transposeB, 1.0, a, b, 0.0, c);
            if (sample > 0) seconds.push_back(secondsSince(start) / calls);  // 0 warms up
        }
        const double each = median(seconds), gflops = flops / each * 1e-9;
        stepSeconds += each;
        peak = std::max(peak, gflops);
        json << (json.tellp() > 0 ? ", " : "") << "{\"product\": \"" << p.name
             << "\", \"us\": " << each * 1e6 << ", \"gflops\": " << gflops << "}";
        if (!options.json)
            std::printf("  %-34s %8.2f us  %6.1f GFLOP/s\n", p.name, each * 1e6, gflops);
    }
    const double epochSeconds = 938 * stepSeconds;
    if (options.json)
        std::cout << "RESULT {\"bench\": \"koto_mlp_products\", \"threads\": " << backend.threads()
                  << ", \"samples\": " << options.samples
                  << ", \"products_s_per_epoch\": " << epochSeconds << ", \"peak_gflops\": " << peak
                  << ", \"products\": [" << json.str() << "]}" << std::endl;
    else
        std::printf("products: the MLP step's five products take %.4f s an epoch (938 steps) with "
                    "%d thread(s); the largest runs at %.1f GFLOP/s\n",
                    epochSeconds, backend.threads(), peak);
}

}  // namespace

int main(int argc, char** argv) {
    const Options options = parseOptions(argc, argv);
    try {
        if (options.workload == "playground" || options.workload == "all") playground(options);
        if (options.workload == "fashion" || options.workload == "all") fashion(options);
        if (options.workload == "lenet") lenet(options);
        if (options.workload == "products") products(options);
    } catch (const std::exception& error) {
        std::cerr << "koto-bench: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
