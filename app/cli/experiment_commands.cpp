// race and sweep: several runs of one network compared, an optimizer race from one start
// (part 10) and a grid of hyperparameters (part 11: "every method adds hyperparameters").

#include <algorithm>
#include <charconv>
#include <iostream>
#include <set>

#include "arguments.h"
#include "backend_choice.h"
#include "commands.h"
#include "data/dataset_spec.h"
#include "io/layer_tokens.h"
#include "metrics_output.h"
#include "model_training.h"
#include "standard_output.h"
#include "training/hyperparameter_sweep.h"
#include "training/optimizer_race.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto::cli {
namespace {

// The training options race and sweep take: train's, without saving, projects, unsupervised
// models and pre-training.
const std::set<std::string> kTrainingOptions{
    "dataset", "layers",   "loss",       "optimizer", "momentum",   "decay",    "schedule",
    "lr",      "batch",    "epochs",     "seed",      "backend",    "l1",       "l2",
    "augment", "clip-norm", "validation", "early-stop"};

std::set<std::string> withOptions(std::set<std::string> options,
                                  std::initializer_list<const char*> more) {
    for (const char* option : more) options.insert(option);
    return options;
}

// A metrics line with what it belongs to in front: {"optimizer":"adam", "epoch":3, ...}.
nlohmann::ordered_json labelled(const nlohmann::ordered_json& label, const EpochMetrics& metrics) {
    nlohmann::ordered_json line = label;
    const nlohmann::ordered_json values = metricsJson(metrics);  // alive while iterated
    for (const auto& [key, value] : values.items()) line[key] = value;
    return line;
}

// A value as the JSON line shows it: a number when it reads as one, else text.
nlohmann::ordered_json valueJson(const std::string& text) {
    double number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (!text.empty() && error == std::errc() && end == text.data() + text.size()) return number;
    return text;
}

// The words without --vary and its value (--vary AXIS or --vary=AXIS).
Words withoutVary(const Words& words) {
    Words kept;
    for (size_t i = 0; i < words.size(); ++i) {
        if (words[i] == "--vary") ++i;
        else if (words[i].rfind("--vary=", 0) != 0) kept.push_back(words[i]);
    }
    return kept;
}

}  // namespace

int raceCommand(const Words& words) {
    const Arguments args(words, withOptions(kTrainingOptions, {"optimizers"}), {"json"});
    if (args.has("optimizer"))
        throw UsageError("a race takes --optimizers LIST (e.g. sgd,momentum:0.9,adam@0.001), "
                         "not --optimizer");
    const TrainingSettings settings = settingsFrom(args, TrainingSettings{});
    std::vector<RaceEntrant> entrants = raceEntrants(args.required("optimizers"), settings);
    auto dataset = std::make_shared<const Dataset>(
        loadDataset(DatasetSpec::parse(args.text("dataset", "spiral"))));
    const NetworkSpec spec =
        networkSpecFromTokens(args.text("layers", kDefaultLayers), *dataset, lossOption(args));
    std::unique_ptr<Backend> backend =
        makeBackend(parseBackendChoice(args.text("backend", "cpu")), "racing");
    OptimizerRace race(*backend, spec, dataset, std::move(entrants));

    const bool json = args.has("json");
    size_t width = 0;  // the readable lines' labels in a column
    for (size_t i = 0; i < race.size(); ++i) width = std::max(width, race.entrant(i).label.size());
    const auto padded = [&](size_t i) {
        std::string label = race.entrant(i).label;
        return label.append(width + 2 - label.size(), ' ');
    };
    const auto show = [&](size_t i, const EpochMetrics& metrics) {
        const std::string& label = race.entrant(i).label;
        if (json) std::cout << labelled({{"optimizer", label}}, metrics).dump() << '\n';
        else std::cout << padded(i) << metricsLine(metrics) << '\n';
    };
    // Epoch 0: every entrant's start, the same weights measured.
    for (size_t i = 0; i < race.size(); ++i) show(i, race.run(i).trainer().evaluate());
    for (int64_t epoch = 1; epoch <= settings.epochs; ++epoch) {
        const std::vector<size_t> dropped = race.trainEpoch();
        for (size_t i = 0; i < race.size(); ++i) {
            const bool justDropped = std::find(dropped.begin(), dropped.end(), i) != dropped.end();
            if (justDropped && json)
                std::cout << nlohmann::ordered_json{{"optimizer", race.entrant(i).label},
                                                    {"epoch", epoch},
                                                    {"diverged", true},
                                                    {"message", *race.dropOut(i)}}
                                 .dump()
                          << '\n';
            else if (justDropped)
                std::cout << padded(i) << "diverged: " << *race.dropOut(i) << '\n';
            else if (!race.dropOut(i))
                show(i, race.run(i).trainer().curve().latest());
        }
        checkStandardOutput();
    }
    return 0;
}

int sweepCommand(const Words& words) {
    const Arguments args(words, withOptions(kTrainingOptions, {"vary"}), {"json"});
    // Each axis: an option and its values, "lr=0.01,0.1,1" (hidden layers apart with ";").
    std::vector<std::pair<std::string, std::vector<std::string>>> axes;
    for (const std::string& axis : args.all("vary")) {
        const size_t equals = axis.find('=');
        const std::string name = axis.substr(0, equals);
        if (equals == std::string::npos || !kTrainingOptions.count(name) || name == "dataset" ||
            name == "backend")
            throw UsageError("--vary takes OPTION=V1,V2,... with a training option (lr, batch, "
                             "l2, momentum, optimizer, layers, ...), not " + inQuotes(axis));
        std::vector<std::string> values =
            splitText(axis.substr(equals + 1), name == "layers" ? ';' : ',');
        std::erase(values, std::string());
        if (values.empty()) throw UsageError("--vary " + inQuotes(axis) + " lists no value");
        axes.emplace_back(name, std::move(values));
    }
    if (axes.empty() || axes.size() > 2)
        throw UsageError("a sweep varies one or two options: --vary lr=0.01,0.1 [--vary l2=0,1e-4]");
    auto dataset = std::make_shared<const Dataset>(
        loadDataset(DatasetSpec::parse(args.text("dataset", "spiral"))));
    std::unique_ptr<Backend> backend =
        makeBackend(parseBackendChoice(args.text("backend", "cpu")), "sweeping");

    // Every combination read and checked before any trains: a mistake in the last one does not
    // wait for the others to finish.
    struct Cell {
        nlohmann::ordered_json varied;
        std::string text;
        TrainingSettings settings;
        NetworkSpec spec;
    };
    std::vector<Cell> cells;
    const size_t second = axes.size() > 1 ? axes[1].second.size() : 1;
    for (size_t index = 0; index < axes[0].second.size() * second; ++index) {
        // The sweep's options with this combination's values after them (the last value of an
        // option counts), parsed and checked as train parses and checks them.
        Words combination = withoutVary(words);
        Cell cell;
        for (size_t a = 0; a < axes.size(); ++a) {
            const auto& [name, values] = axes[a];
            const std::string& value = values[a == 0 ? index / second : index % second];
            combination.insert(combination.end(), {"--" + name, value});
            cell.varied[name] = name == "layers" ? nlohmann::ordered_json(value) : valueJson(value);
            cell.text += name + "=" + value + "  ";
        }
        const Arguments cellArgs(combination, kTrainingOptions, {"json"});
        cell.settings = settingsFrom(cellArgs, TrainingSettings{});
        cell.spec = networkSpecFromTokens(cellArgs.text("layers", kDefaultLayers), *dataset,
                                          lossOption(cellArgs));
        cells.push_back(std::move(cell));
    }
    const bool json = args.has("json");
    for (const Cell& cell : cells) {
        const SweepResult result = trainSweepCell(*backend, {{}, cell.settings, cell.spec}, dataset);
        if (result.diverged) {
            nlohmann::ordered_json line = cell.varied;
            line["diverged"] = true;
            line["message"] = result.message;
            if (json) std::cout << line.dump() << '\n';
            else std::cout << cell.text << "diverged: " << result.message << '\n';
            continue;
        }
        if (json) std::cout << labelled(cell.varied, result.final).dump() << '\n';
        else std::cout << cell.text << "final: " << metricsLine(result.final) << '\n';
        checkStandardOutput();
    }
    return 0;
}

}  // namespace koto::cli
