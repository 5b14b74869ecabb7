// datasets, templates, devices and gradcheck: what is available, and whether the maths is right.

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "arguments.h"
#include "backend/cpu_backend.h"
#include "check/gradient_check.h"
#include "commands.h"
#include "data/dataset_spec.h"
#include "first_samples.h"
#include "io/layer_tokens.h"
#include "network/templates.h"
#include "opencl_devices.h"
#include "util/errors.h"

namespace koto::cli {

int datasetsCommand(const Words& words) {
    const Arguments args(words, {}, {"json"});
    for (const DatasetInfo& info : datasetCatalog()) {
        const char* task = info.task == Task::Classification ? "classification" : "regression";
        if (args.has("json"))
            std::cout << nlohmann::ordered_json{{"name", info.name},
                                                {"task", task},
                                                {"description", info.description}}
                             .dump()
                      << '\n';
        else std::printf("%-11s %-15s %s\n", info.name.c_str(), task, info.description.c_str());
    }
    if (!args.has("json"))
        std::cout
            << "\n2-D sets' options: n=POINTS (500), noise=0..0.5 (0), test=FRACTION (0.5), seed=N "
               "(1)\n"
               "  example: spiral:n=500,noise=0.2,test=0.5,seed=3\n"
               "image sets' options: n=N (the first N training images), ntest=N (the first N test "
               "images)\n"
               "  examples: fashion-mnist:n=2000, idx:/home/me/mnist:ntest=1000\n"
               "csv's options: label=COLUMN (header or number from 1), test=FRACTION (0.2), seed=N "
               "(1)\n"
               "  example: csv:train.csv:label=label,test=0.1\n"
               "sine's options: window=W (20 steps), noise=STDDEV (0.1), n=SEQUENCES (1000), "
               "test=FRACTION (0.2),\n"
               "  seed=N (1); firstbit:LEN and parity:LEN (LEN bits, 8): n, test, seed; all "
               "three:\n"
               "  targets=last (one target a sequence, the default) or targets=every (one at "
               "every\n"
               "  time step, for seq:many)\n"
               "  examples: sine:window=30,noise=0.2, parity:6:n=2000,seed=2, sine:targets=every\n"
               "seqimg: an image set's rows as time steps, with that set's options\n"
               "  examples: seqimg:fashion-mnist:n=2000, seqimg:idx:/home/me/mnist\n";
    return 0;
}

int templatesCommand(const Words& words) {
    const Arguments args(words, {}, {"json"});
    for (const Template& t : networkTemplates()) {
        if (args.has("json"))
            std::cout << nlohmann::ordered_json{{"name", t.name},
                                                {"title", t.title},
                                                {"dataset", t.dataset},
                                                {"description", t.description}}
                             .dump()
                      << '\n';
        else
            std::printf("%-10s %s, for %s\n%-10s %s\n", t.name.c_str(), t.title.c_str(),
                        t.dataset.c_str(), "", t.description.c_str());
    }
    return 0;
}

int devicesCommand(const Words& words) {
    const Arguments args(words, {}, {"json"});
    const bool json = args.has("json");
    const CpuBackend cpu;
    if (json)
        std::cout << nlohmann::ordered_json{{"backend", "cpu"},
                                            {"name", cpu.name()},
                                            {"threads", cpu.threads()},
                                            {"choose", "cpu"}}
                         .dump()
                  << '\n';
    else std::cout << "cpu       " << cpu.name() << ", " << cpu.threads() << " thread(s)\n";
    const OpenClDiscovery found = discoverOpenClDevices();
    for (size_t i = 0; i < found.devices.size(); ++i) {
        const OpenClDevice& d = found.devices[i];
        // What --backend takes to compute on this device.
        const std::string choose = "opencl:" + std::to_string(i);
        if (json) {
            std::cout << nlohmann::ordered_json{{"backend", "opencl"},
                                                {"platform", d.platform},
                                                {"name", d.name},
                                                {"vendor", d.vendor},
                                                {"type", d.type},
                                                {"memory_bytes", d.globalMemoryBytes},
                                                {"compute_units", d.computeUnits},
                                                {"version", d.version},
                                                {"id", std::to_string(d.platformIndex) + ":" +
                                                           std::to_string(d.deviceIndex)},
                                                {"choose", choose}}
                             .dump()
                      << '\n';
        } else {
            std::printf(
                "%-9s %s (%s, %s, %u compute units, %.1f GiB) on %s, platform %d device %d\n",
                choose.c_str(), d.name.c_str(), d.vendor.c_str(), d.type.c_str(), d.computeUnits,
                static_cast<double>(d.globalMemoryBytes) / (1024.0 * 1024.0 * 1024.0),
                d.platform.c_str(), d.platformIndex, d.deviceIndex);
        }
    }
    if (!found.problem.empty()) {
        if (json)
            std::cout
                << nlohmann::ordered_json{{"backend", "opencl"}, {"problem", found.problem}}.dump()
                << '\n';
        else std::cout << "opencl    none: " << found.problem << '\n';
    }
    return 0;
}

int gradcheckCommand(const Words& words) {
    const Arguments args(words, {"dataset", "layers", "loss", "seed", "samples"}, {"json"});
    const Dataset dataset = loadDataset(DatasetSpec::parse(args.text("dataset", "spiral")));
    std::optional<LossKind> loss;
    if (const auto text = args.optionalText("loss")) {
        loss = lossFromName(*text);
        if (!loss) throw UsageError("--loss must be ce, bce or mse");
    }
    const NetworkSpec spec =
        networkSpecFromTokens(args.text("layers", "dense:8:tanh,dense:8:tanh"), dataset, loss);
    const int64_t samples = std::min(args.integer("samples", 16, 1, 10'000), dataset.train.count);

    const int64_t outputs = spec.layers.back().integer("units");  // the output layer is dense
    const FirstSamples first = firstTrainingSamples(dataset, samples, outputs);
    GradientCheckInput input;
    input.rows = samples;
    input.inputs.assign(first.inputs.begin(), first.inputs.end());
    input.targets.assign(first.targets.begin(), first.targets.end());

    const auto results =
        checkGradients(spec, input, static_cast<uint64_t>(args.integer("seed", 1, 0, INT64_MAX)));
    for (const GradientCheckResult& r : results) {
        if (args.has("json"))
            std::cout << nlohmann::ordered_json{{"tensor", r.tensor},
                                                {"max_relative_error", r.maxRelativeError},
                                                {"elements", r.elementsChecked}}
                             .dump()
                      << '\n';
        else
            std::printf("%-14s max relative error %.3g over %lld elements  %s\n", r.tensor.c_str(),
                        r.maxRelativeError, static_cast<long long>(r.elementsChecked),
                        r.maxRelativeError < 1e-6 ? "ok" : "LARGE");
    }
    return 0;
}

}  // namespace koto::cli
