#include "training/training_settings.h"

#include <algorithm>
#include <cmath>

#include "data/augmentation.h"
#include "training/learning_rate_schedule.h"
#include "training/optimizer.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto {
namespace {

std::string wholeNumberRule(int64_t lowest, uint64_t highest) {
    return "must be a whole number from " + std::to_string(lowest) + " to " +
           std::to_string(highest);
}

std::string optimizerList() {
    const std::vector<std::string>& names = optimizerNames();
    std::string list;
    for (size_t i = 0; i < names.size(); ++i)
        list += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
    return list;
}

// A number kept finite and at least `lowest`, below `below` when given.
bool within(double value, double lowest, std::optional<double> below = std::nullopt) {
    return std::isfinite(value) && value >= lowest && (!below || value < *below);
}

}  // namespace

std::string SettingProblem::messageFor(std::string_view settingName) const {
    return std::string(settingName) + (fromParser ? ": " : " ") + detail;
}

std::string_view trainingSettingKey(TrainingSetting setting) {
    switch (setting) {
    case TrainingSetting::LearningRate: return "learning_rate";
    case TrainingSetting::BatchSize: return "batch_size";
    case TrainingSetting::Epochs: return "epochs";
    case TrainingSetting::Seed: return "seed";
    case TrainingSetting::Optimizer: return "optimizer";
    case TrainingSetting::Momentum: return "momentum";
    case TrainingSetting::Decay: return "decay";
    case TrainingSetting::Schedule: return "schedule";
    case TrainingSetting::L1: return "l1";
    case TrainingSetting::L2: return "l2";
    case TrainingSetting::RegularizeBiases: return "regularize_biases";
    case TrainingSetting::Validation: return "validation";
    case TrainingSetting::Patience: return "patience";
    case TrainingSetting::Augment: return "augment";
    case TrainingSetting::ClipNorm: return "clip_norm";
    }
    return "";
}

std::string trainingSettingRule(TrainingSetting setting) {
    switch (setting) {
    case TrainingSetting::LearningRate: return "must be a positive number";
    case TrainingSetting::BatchSize: return wholeNumberRule(1, kMaxBatchSize);
    case TrainingSetting::Epochs: return wholeNumberRule(0, kMaxEpochs);
    case TrainingSetting::Seed: return wholeNumberRule(0, kMaxSeed);
    case TrainingSetting::Optimizer: return "must be " + optimizerList();
    case TrainingSetting::Momentum:
    case TrainingSetting::Decay: return "must be a number of at least 0 and below 1";
    case TrainingSetting::Schedule:
        return "must be constant, step:EVERY:FACTOR, inverse:K or exp:K";
    case TrainingSetting::L1:
    case TrainingSetting::L2: return "must be a number of at least 0";
    case TrainingSetting::RegularizeBiases: return "must be true or false";
    case TrainingSetting::Validation: return "must be a share of at least 0 and below 1";
    case TrainingSetting::Patience: return wholeNumberRule(0, kMaxPatience);
    case TrainingSetting::Augment:
        return "must be augmentations such as translate=2,rotate=10,flip (or nothing)";
    case TrainingSetting::ClipNorm: return "must be a number of at least 0 (0: no clipping)";
    }
    return "";
}

SettingProblem settingProblem(TrainingSetting setting, const std::string& shown) {
    return {setting, trainingSettingRule(setting) + ", not " + shown, false};
}

std::optional<SettingProblem> findSettingsProblem(const TrainingSettings& s) {
    using S = TrainingSetting;
    auto number = [](S setting, double value) {
        return settingProblem(setting, shortNumber(value));
    };
    auto whole = [](S setting, auto value) {
        return settingProblem(setting, std::to_string(value));
    };
    if (!(s.learningRate > 0 && std::isfinite(s.learningRate)))
        return number(S::LearningRate, s.learningRate);
    if (s.batchSize < 1 || s.batchSize > kMaxBatchSize) return whole(S::BatchSize, s.batchSize);
    if (s.epochs < 0 || s.epochs > kMaxEpochs) return whole(S::Epochs, s.epochs);
    const std::vector<std::string>& optimizers = optimizerNames();
    if (std::find(optimizers.begin(), optimizers.end(), s.optimizer) == optimizers.end())
        return settingProblem(S::Optimizer, inQuotes(s.optimizer));
    if (!within(s.momentum, 0, 1)) return number(S::Momentum, s.momentum);
    if (!within(s.decay, 0, 1)) return number(S::Decay, s.decay);
    try {
        LearningRateSchedule::parse(s.schedule);
    } catch (const InputError& error) {
        return SettingProblem{S::Schedule, error.what(), true};
    }
    if (!within(s.l1, 0)) return number(S::L1, s.l1);
    if (!within(s.l2, 0)) return number(S::L2, s.l2);
    if (!within(s.validation, 0, 1)) return number(S::Validation, s.validation);
    if (s.patience < 0 || s.patience > kMaxPatience) return whole(S::Patience, s.patience);
    try {
        Augmentation::parse(s.augment);
    } catch (const InputError& error) {
        return SettingProblem{S::Augment, error.what(), true};
    }
    if (!within(s.clipNorm, 0)) return number(S::ClipNorm, s.clipNorm);
    return std::nullopt;
}

}  // namespace koto
