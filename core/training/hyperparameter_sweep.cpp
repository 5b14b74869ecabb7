#include "training/hyperparameter_sweep.h"

#include <chrono>
#include <cmath>

#include "training/training_run.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto {

const std::vector<SweepParameter>& sweepParameters() {
    static const std::vector<SweepParameter> all{
        SweepParameter::LearningRate, SweepParameter::L1,        SweepParameter::L2,
        SweepParameter::Momentum,     SweepParameter::BatchSize, SweepParameter::HiddenUnits};
    return all;
}

std::string sweepParameterKey(SweepParameter parameter) {
    switch (parameter) {
    case SweepParameter::LearningRate: return "lr";
    case SweepParameter::L1: return "l1";
    case SweepParameter::L2: return "l2";
    case SweepParameter::Momentum: return "momentum";
    case SweepParameter::BatchSize: return "batch";
    case SweepParameter::HiddenUnits: return "units";
    }
    return "lr";
}

namespace {

// A value a count must be: whole and positive.
int64_t wholeCount(const SweepAxis& axis, double value) {
    if (!(value >= 1 && value <= 1e9 && value == std::floor(value)))
        throw InputError(sweepParameterKey(axis.parameter) + " takes whole numbers from 1, not " +
                         shortNumber(value));
    return static_cast<int64_t>(value);
}

void putValue(const SweepAxis& axis, double value, SweepCell& cell) {
    TrainingSettings& s = cell.settings;
    switch (axis.parameter) {
    case SweepParameter::LearningRate: s.learningRate = value; break;
    case SweepParameter::L1: s.l1 = value; break;
    case SweepParameter::L2: s.l2 = value; break;
    case SweepParameter::Momentum: s.momentum = value; break;
    case SweepParameter::BatchSize: s.batchSize = wholeCount(axis, value); break;
    case SweepParameter::HiddenUnits: {
        const int64_t units = wholeCount(axis, value);
        std::vector<LayerSpec>& layers = cell.spec.layers;
        int lastDense = -1;
        for (size_t i = 0; i < layers.size(); ++i)
            if (layers[i].type == "dense") lastDense = static_cast<int>(i);
        bool any = false;
        for (int i = 0; i < lastDense; ++i) {
            if (layers[static_cast<size_t>(i)].type != "dense") continue;
            layers[static_cast<size_t>(i)].parameters["units"] = units;
            any = true;
        }
        if (!any) throw InputError("units: this network has no hidden dense layer to widen");
        break;
    }
    }
}

}  // namespace

std::vector<SweepCell> sweepCells(const std::vector<SweepAxis>& axes, const TrainingSettings& base,
                                  const NetworkSpec& spec) {
    if (axes.empty() || axes.size() > 2)
        throw InputError("a sweep varies one or two hyperparameters");
    size_t count = 1;
    for (const SweepAxis& axis : axes) {
        if (axis.values.empty())
            throw InputError(sweepParameterKey(axis.parameter) + " lists no value");
        count *= axis.values.size();
    }
    if (axes.size() == 2 && axes[0].parameter == axes[1].parameter)
        throw InputError("a sweep varies two different hyperparameters, not " +
                         sweepParameterKey(axes[0].parameter) + " twice");
    if (count > kMaxSweepCells)
        throw InputError("a sweep trains at most " + std::to_string(kMaxSweepCells) +
                         " combinations, not " + std::to_string(count));
    const size_t second = axes.size() > 1 ? axes[1].values.size() : 1;
    std::vector<SweepCell> cells;
    for (size_t index = 0; index < count; ++index) {
        SweepCell cell{{}, base, spec};
        for (size_t a = 0; a < axes.size(); ++a) {
            const double value = axes[a].values[a == 0 ? index / second : index % second];
            putValue(axes[a], value, cell);
            cell.values.push_back(value);
        }
        if (auto problem = findSettingsProblem(cell.settings))
            throw InputError(problem->messageFor(std::string(trainingSettingKey(problem->setting))));
        cells.push_back(std::move(cell));
    }
    return cells;
}

SweepResult trainSweepCell(Backend& backend, const SweepCell& cell,
                           std::shared_ptr<const Dataset> dataset, TrainingControl* control) {
    const auto start = std::chrono::steady_clock::now();
    TrainingRun run(backend, cell.spec, std::move(dataset), cell.settings, control);
    Trainer& trainer = run.trainer();
    SweepResult result;
    try {
        trainer.train(cell.settings.epochs);
    } catch (const DivergenceError& error) {
        result.diverged = true;
        result.message = error.what();
        return result;
    }
    // As train reports its end: after early stopping, the best epoch's weights measured.
    result.final = trainer.curve().empty() || trainer.stoppedEarly() ? trainer.evaluate()
                                                                     : trainer.curve().latest();
    result.final.epoch = trainer.epochsDone();
    result.final.steps = trainer.stepsDone();
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

}  // namespace koto
