// bptt: why LSTMs exist, in numbers. At initialisation (or after --epochs of training), on the
// first training samples, one forward and backward pass; then, for the first recurrent layer,
// the norm of dJ/dh(t) at every time step t (and of dJ/dc(t) for an LSTM, with the mean forget
// gate f(t)): how much gradient backpropagation through time brings back to each step. Through
// a SimpleRNN it usually fades toward t = 1; through an LSTM's cell it survives longer, the more
// so as training brings the forget gates toward 1. Computed in double, so that a vanished
// gradient shows as a tiny number rather than a float's flushed zero.

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "arguments.h"
#include "backend/cpu_backend.h"
#include "commands.h"
#include "data/dataset_spec.h"
#include "first_samples.h"
#include "inspect/gradient_through_time.h"
#include "io/layer_tokens.h"
#include "layers/lstm_layer.h"
#include "layers/weight_initialization.h"
#include "network/network.h"
#include "training/training_run.h"
#include "util/errors.h"

namespace koto::cli {
namespace {

// Trains a float copy of the network as `train` would (Adam) and gives its weights to `network`.
void trainFirst(const Arguments& args, const Dataset& dataset, const NetworkSpec& spec,
                uint64_t seed, int64_t epochs, Network& network) {
    TrainingSettings settings;
    settings.optimizer = "adam";
    settings.learningRate = args.number("lr", 0.01);
    if (!(settings.learningRate > 0)) throw UsageError("--lr must be a positive number");
    settings.batchSize = args.integer("batch", 32, 1, 1'000'000);
    settings.seed = seed;
    settings.epochs = epochs;
    CpuBackend backend;
    TrainingRun run(backend, spec, std::make_shared<const Dataset>(dataset), settings);
    run.trainer().train(epochs);
    const auto& trained = run.network().parameters();
    for (size_t i = 0; i < trained.size(); ++i) {
        std::vector<double> values(static_cast<size_t>(trained[i].parameter->value.size()));
        backend.download(trained[i].parameter->value, std::span<double>(values));
        network.backend().upload(std::span<const double>(values),
                                 network.parameters()[i].parameter->value);
    }
}

}  // namespace

int bpttCommand(const Words& words) {
    const Arguments args(
        words, {"dataset", "layers", "seed", "init", "samples", "epochs", "lr", "batch"}, {"json"});
    const Dataset dataset = loadDataset(DatasetSpec::parse(args.text("dataset", "firstbit:20")));
    NetworkSpec spec = networkSpecFromTokens(args.text("layers", "rnn:32,seq:last"), dataset);
    if (const auto init = args.optionalText("init")) {
        if (!recurrentInitFromName(*init))
            throw UsageError("--init must be uniform, xavier or orthogonal");
        for (LayerSpec& layer : spec.layers)
            if (layer.type == "rnn" || layer.type == "lstm") layer.parameters["init"] = *init;
    }
    const int64_t rows = std::min(args.integer("samples", 64, 1, 100'000), dataset.train.count);
    const auto seed = static_cast<uint64_t>(args.integer("seed", 1, 0, INT64_MAX));
    const int64_t epochs = args.integer("epochs", 0, 0, 100'000);

    CpuBackend backend;
    Network network(backend, spec, rows, DType::Float64);
    network.initialize(seed);
    if (epochs > 0) trainFirst(args, dataset, spec, seed, epochs, network);
    const RecurrentLayer* recurrent = nullptr;
    for (int i = 0; i < network.layerCount() && !recurrent; ++i)
        recurrent = dynamic_cast<const RecurrentLayer*>(&network.layer(i));
    if (!recurrent) throw InputError("bptt needs a recurrent layer (rnn:U or lstm:U) in --layers");

    const FirstSamples first = firstTrainingSamples(dataset, rows, network.outputSize());
    Tensor inputs = backend.allocate({rows, dataset.inputSize}, DType::Float64);
    backend.upload(std::span<const float>(first.inputs), inputs);
    Tensor targets =
        backend.allocate({rows * dataset.targetSteps(), network.outputSize()}, DType::Float64);
    backend.upload(std::span<const float>(first.targets), targets);
    network.prepare({});  // no dropout or noise: the gradient of the network itself
    network.forward(inputs);
    const double loss = network.computeLoss(targets);
    network.backward();

    const std::vector<double> hidden = recurrent->hiddenGradientNorms();
    const std::vector<double> cell = recurrent->cellGradientNorms();
    const auto* lstm = dynamic_cast<const LstmLayer*>(recurrent);
    const std::vector<double> forget =
        lstm ? meanForgetGate(backend, *lstm) : std::vector<double>{};
    const bool json = args.has("json");
    if (!json) {
        const std::string when = epochs > 0 ? "after " + std::to_string(epochs) + " epochs of Adam"
                                            : "at initialisation";
        std::printf("%s (%s) %s, %lld samples of %s, loss %.6g\n%6s %14s%s\n",
                    recurrent->name().c_str(), std::string(recurrent->type()).c_str(), when.c_str(),
                    static_cast<long long>(rows), dataset.name.c_str(), loss, "step",
                    "||dJ/dh(t)||", lstm ? "   ||dJ/dc(t)||  mean f(t)" : "");
    }
    for (size_t s = 0; s < hidden.size(); ++s) {
        if (json) {
            nlohmann::ordered_json line{{"step", s + 1}, {"grad_norm", hidden[s]}};
            if (lstm) line["cell_grad_norm"] = cell[s], line["forget_gate_mean"] = forget[s];
            std::cout << line.dump() << '\n';
        } else if (!lstm) {
            std::printf("%6zu %14.6g\n", s + 1, hidden[s]);
        } else {
            std::printf("%6zu %14.6g %15.6g %10.4f\n", s + 1, hidden[s], cell[s], forget[s]);
        }
    }
    return 0;
}

}  // namespace koto::cli
