// koto-bench-opencl: the OpenCL backend next to the CPU backend (Eigen, one thread) on the same
// machine, for the two things that decide training speed:
//
//   gemm     GFLOP/s of C = op(A) op(B) at the shapes an MNIST-sized MLP trains with: the forward
//            product X W of the 784-128 layer at batch 64 and 256, its weight gradient X^T dZ,
//            and the 128-10 output layer.
//   fashion  seconds per Fashion-MNIST epoch (60,000 images), MLP 784-128-10 ReLU, momentum 0.9,
//            lr 0.01, at batch 64 and 256: Trainer::step() alone, and Trainer::train() with the
//            per-epoch evaluation.
//   lenet    milliseconds per training step of the LeNet-like CNN on Fashion-MNIST (conv:6:5,
//            maxpool:2, conv:16:5, maxpool:2, dense 120 and 84, batch 64, momentum 0.9, lr 0.01):
//            the convolutions' three backend operations are most of its work.
//   start    nothing but making the backend, whose time every workload reports first.
//
//   koto-bench-opencl [--workload gemm|fashion|lenet|start|all] [--device N] [--samples N]
//
// --device N is the N-th OpenCL device as `kotohajime-cli devices` lists them (default 0).
// Making the backend (its context, our kernels from the program cache or from source, CLBlast's
// SGEMM) happens before anything is timed and is reported on its own.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "backend/cpu_backend.h"
#include "data/dataset_spec.h"
#include "io/layer_tokens.h"
#include "opencl_backend.h"
#include "opencl_devices.h"
#include "reference_settings.h"
#include "training/training_run.h"

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

struct Options {
    std::string workload = "all";
    int device = 0;
    int samples = 3;
};

[[noreturn]] void usage(const std::string& message) {
    if (!message.empty()) std::cerr << "koto-bench-opencl: " << message << "\n";
    std::cerr << "usage: koto-bench-opencl [--workload gemm|fashion|lenet|start|all] [--device N] "
                 "[--samples N]\n";
    std::exit(2);
}

Options parseOptions(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto number = [&](int minimum) {
            if (i + 1 >= argc) usage("missing value after " + arg);
            char* end = nullptr;
            const long v = std::strtol(argv[++i], &end, 10);
            if (!end || *end != '\0' || v < minimum || v > 1000) usage("bad value for " + arg);
            return static_cast<int>(v);
        };
        if (arg == "--workload" && i + 1 < argc) options.workload = argv[++i];
        else if (arg == "--device") options.device = number(0);
        else if (arg == "--samples") options.samples = number(1);
        else if (arg == "--help" || arg == "-h") usage("");
        else usage("unknown argument " + arg);
    }
    if (options.workload != "gemm" && options.workload != "fashion" &&
        options.workload != "lenet" && options.workload != "start" && options.workload != "all")
        usage("--workload must be gemm, fashion, lenet, start or all");
    return options;
}

// One product of the training step: C (m x n) = op(A) op(B) with inner size k.
struct GemmShape {
    const char* what;
    bool transposeA;
    int64_t m, n, k;
};

const GemmShape kShapes[] = {
    {"X W, batch 64 (64x784 by 784x128)", false, 64, 128, 784},
    {"X^T dZ, batch 64 (784x64 by 64x128)", true, 784, 128, 64},
    {"output layer, batch 64 (64x128 by 128x10)", false, 64, 10, 128},
    {"X W, batch 256 (256x784 by 784x128)", false, 256, 128, 784},
};

// GFLOP/s of one shape on one backend: enough repetitions for about half a second, then the
// result is read back so that an OpenCL queue has really finished them.
double gemmGflops(koto::Backend& backend, const GemmShape& shape) {
    using koto::DType;
    const koto::Shape aShape =
        shape.transposeA ? koto::Shape{shape.k, shape.m} : koto::Shape{shape.m, shape.k};
    koto::Tensor a = backend.allocate(aShape, DType::Float32),
                 b = backend.allocate({shape.k, shape.n}, DType::Float32);
    koto::Tensor c = backend.allocate({shape.m, shape.n}, DType::Float32);
    backend.upload(std::vector<float>(static_cast<size_t>(shape.m * shape.k), 0.01f), a);
    backend.upload(std::vector<float>(static_cast<size_t>(shape.k * shape.n), 0.02f), b);
    std::vector<float> result(static_cast<size_t>(shape.m * shape.n));
    auto run = [&](int repetitions) {
        const auto start = Clock::now();
        for (int r = 0; r < repetitions; ++r)
            backend.gemm(shape.transposeA, false, 1.0, a, b, 0.0, c);
        backend.download(c, result);
        return secondsSince(start);
    };
    run(3);  // warm-up: first-call set-up, caches
    int repetitions = 1;
    while (run(repetitions) < 0.05) repetitions *= 2;
    repetitions =
        std::max(1, static_cast<int>(repetitions * 0.5 / std::max(run(repetitions), 1e-9)));
    const double flops = 2.0 * static_cast<double>(shape.m * shape.n * shape.k) * repetitions;
    return flops / run(repetitions) / 1e9;
}

void gemm(koto::Backend& cpu, koto::Backend& gpu, int samples) {
    std::printf("GEMM, float, median of %d samples (GFLOP/s)       %12s %12s  %s\n", samples,
                "CPU (Eigen)", "OpenCL", "OpenCL speed / CPU speed");
    for (const GemmShape& shape : kShapes) {
        std::vector<double> onCpu, onGpu;
        for (int s = 0; s < samples; ++s) {
            onCpu.push_back(gemmGflops(cpu, shape));
            onGpu.push_back(gemmGflops(gpu, shape));
        }
        std::printf("  %-46s %12.1f %12.1f  %23.2fx\n", shape.what, median(onCpu), median(onGpu),
                    median(onGpu) / median(onCpu));
    }
}

struct EpochTimes {
    double steps = 0, withEvaluation = 0, testAccuracy = 0;
};

EpochTimes fashionEpochs(koto::Backend& backend,
                         const std::shared_ptr<const koto::Dataset>& dataset, int64_t batch,
                         int samples) {
    const koto::NetworkSpec spec = koto::networkSpecFromTokens("dense:128:relu", *dataset);
    koto::TrainingRun run(backend, spec, dataset, kotobench::referenceSettings(batch));
    koto::Trainer& trainer = run.trainer();
    const int64_t perEpoch = trainer.batchesPerEpoch();
    trainer.train(1);  // warm-up epoch
    std::vector<double> steps, whole;
    for (int s = 0; s < samples; ++s) {
        // All steps of an epoch but its last, which also runs the evaluation; scaled to the epoch.
        auto start = Clock::now();
        for (int64_t b = 0; b + 1 < perEpoch; ++b) trainer.step();
        steps.push_back(secondsSince(start) * static_cast<double>(perEpoch) /
                        static_cast<double>(perEpoch - 1));
        trainer.step();
        start = Clock::now();
        trainer.train(1);
        whole.push_back(secondsSince(start));
    }
    return {median(steps), median(whole), trainer.curve().latest().test.accuracy};
}

void fashion(koto::Backend& cpu, koto::Backend& gpu, int samples) {
    auto dataset = std::make_shared<const koto::Dataset>(
        koto::loadDataset(koto::DatasetSpec::parse("fashion-mnist")));
    std::printf("Fashion-MNIST epoch (60000 images), 784-128-10 ReLU, momentum 0.9, median of %d "
                "(seconds)\n",
                samples);
    std::printf("  %-30s %12s %12s  %s   test accuracy CPU / OpenCL\n", "", "CPU (Eigen)", "OpenCL",
                "OpenCL speed / CPU speed");
    for (const int64_t batch : {int64_t{64}, int64_t{256}}) {
        const EpochTimes onCpu = fashionEpochs(cpu, dataset, batch, samples);
        const EpochTimes onGpu = fashionEpochs(gpu, dataset, batch, samples);
        std::printf("  batch %-4lld steps only            %12.3f %12.3f  %23.2fx\n",
                    static_cast<long long>(batch), onCpu.steps, onGpu.steps,
                    onCpu.steps / onGpu.steps);
        std::printf("  batch %-4lld with evaluation       %12.3f %12.3f  %23.2fx   %.4f / %.4f\n",
                    static_cast<long long>(batch), onCpu.withEvaluation, onGpu.withEvaluation,
                    onCpu.withEvaluation / onGpu.withEvaluation, onCpu.testAccuracy,
                    onGpu.testAccuracy);
    }
}

// Seconds per LeNet step on one backend: 100 steps a sample, after 5 warm-up steps (the first
// touch of every buffer), none of them the last step of an epoch (which also evaluates).
double lenetStepSeconds(koto::Backend& backend, const std::shared_ptr<const koto::Dataset>& dataset,
                        int samples) {
    const koto::NetworkSpec spec = koto::networkSpecFromTokens(kotobench::kLenetLayers, *dataset);
    koto::TrainingRun run(backend, spec, dataset, kotobench::referenceSettings());
    koto::Trainer& trainer = run.trainer();
    constexpr int kSteps = 100;
    for (int i = 0; i < 5; ++i) trainer.step();
    std::vector<double> perStep;
    for (int s = 0; s < samples; ++s) {
        const auto start = Clock::now();
        for (int i = 0; i < kSteps; ++i) trainer.step();
        perStep.push_back(secondsSince(start) / kSteps);
    }
    return median(perStep);
}

void lenet(koto::Backend& cpu, koto::Backend& gpu, int samples) {
    auto dataset = std::make_shared<const koto::Dataset>(
        koto::loadDataset(koto::DatasetSpec::parse("fashion-mnist")));
    const double onCpu = lenetStepSeconds(cpu, dataset, samples),
                 onGpu = lenetStepSeconds(gpu, dataset, samples);
    std::printf("LeNet-like CNN on Fashion-MNIST, batch 64, median of %d samples of 100 steps\n",
                samples);
    std::printf("  %-30s %12s %12s  %s\n", "", "CPU (Eigen)", "OpenCL", "OpenCL speed / CPU speed");
    std::printf("  %-30s %12.2f %12.2f  %23.2fx\n", "ms per step", onCpu * 1e3, onGpu * 1e3,
                onCpu / onGpu);
}

}  // namespace

int main(int argc, char** argv) {
    const Options options = parseOptions(argc, argv);
    try {
        const koto::OpenClDiscovery found = koto::discoverOpenClDevices();
        if (static_cast<size_t>(options.device) >= found.devices.size()) {
            std::cerr << "koto-bench-opencl: no OpenCL device " << options.device
                      << (found.problem.empty() ? "" : ": " + found.problem) << "\n";
            return 1;
        }
        const koto::OpenClDevice& device = found.devices[static_cast<size_t>(options.device)];
        koto::CpuBackend cpu;
        const auto made = Clock::now();
        koto::OpenClBackend gpu(device.platformIndex, device.deviceIndex);
        const double makeSeconds = secondsSince(made);
        std::printf("OpenCL device: %s (%s, %u compute units) on %s\n", gpu.name().c_str(),
                    device.type.c_str(), device.computeUnits, device.platform.c_str());
        std::printf("backend made in %.2f s\n", makeSeconds);
        // Ours come from Kotohajime's program cache on a second start; CLBlast compiles its
        // SGEMM every time (its kernels are cached only by PoCL or the GPU driver, if at all).
        std::printf("kernels ready in %.2f s: ours %s in %.2f s, then CLBlast's SGEMM\n",
                    gpu.kernelCompileSeconds(),
                    gpu.kernelsFromCache() ? "from the program cache" : "compiled from source",
                    gpu.ourKernelSeconds());
        if (!gpu.programCacheNote().empty())
            std::printf("program cache: %s\n", gpu.programCacheNote().c_str());
        std::printf("\n");
        if (options.workload == "gemm" || options.workload == "all")
            gemm(cpu, gpu, options.samples);
        if (options.workload == "fashion" || options.workload == "all")
            fashion(cpu, gpu, options.samples);
        if (options.workload == "lenet" || options.workload == "all")
            lenet(cpu, gpu, options.samples);
    } catch (const std::exception& error) {
        std::cerr << "koto-bench-opencl: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
