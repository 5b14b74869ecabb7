#pragma once
// How a network is trained: plain data, stored in project files and edited in the app.

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace koto {

struct TrainingSettings {
    double learningRate = 0.03;  // TF Playground's default; the schedule's A
    int64_t batchSize = 10;      // 1: stochastic, the training-set size: batch gradient descent
    int64_t epochs = 100;
    uint64_t seed = 1;              // initial weights and the order of the mini-batches
    std::string optimizer = "sgd";  // sgd, momentum, nesterov, adagrad, rmsprop, adam
    double momentum = 0.9;          // mu of momentum, nesterov and rmsprop (0: rmsprop without it)
    double decay = 0.99;            // rmsprop: cache = decay * cache + (1 - decay) * g^2
    std::string schedule = "constant";  // constant, step:EVERY:FACTOR, inverse:K or exp:K
    // Penalties added to the cost: J + l1 sum |w| + l2 sum w^2, over the weights W, and over the
    // biases b too when regularizeBiases (as the curriculum's formulas write them).
    double l1 = 0;
    double l2 = 0;
    bool regularizeBiases = false;
    // Early stopping: hold out this share of the training samples for validation, and stop when
    // the validation loss has not improved for `patience` epochs (0: never), going back to the
    // weights of its best epoch.
    double validation = 0;
    int64_t patience = 0;
    // Data augmentation of the training images, as data/augmentation.h writes it ("": none).
    std::string augment;
    // Gradient clipping: before each update, gradients whose norm over all parameters together
    // exceeds this are scaled down to it (training/gradient_clipping.h); 0: off.
    double clipNorm = 0;
};

// The rules every setting keeps, in one place: a project file is checked by them as it is read
// (naming the file and "training.KEY"), the CLI's flags by them as they are parsed (naming the
// flag), and the app's panels keep within them.
enum class TrainingSetting {
    LearningRate,      // a positive number
    BatchSize,         // 1 to kMaxBatchSize
    Epochs,            // 0 to kMaxEpochs
    Seed,              // 0 to kMaxSeed (every uint64_t)
    Optimizer,         // one of optimizerNames()
    Momentum,          // [0, 1)
    Decay,             // [0, 1)
    Schedule,          // as LearningRateSchedule::parse reads it
    L1,                // at least 0
    L2,                // at least 0
    RegularizeBiases,  // true or false
    Validation,        // [0, 1)
    Patience,          // 0 to kMaxPatience
    Augment,           // as Augmentation::parse reads it
    ClipNorm,          // at least 0 (0: off)
};

constexpr int64_t kMaxBatchSize = 1'000'000;
constexpr int64_t kMaxEpochs = 100'000'000;
constexpr int64_t kMaxPatience = 1'000'000;
constexpr uint64_t kMaxSeed = std::numeric_limits<uint64_t>::max();  // any seed

// What is wrong with one setting. `detail` follows the setting's name: "must be a positive
// number, not -1", or, for a schedule or an augmentation, its parser's words.
struct SettingProblem {
    TrainingSetting setting;
    std::string detail;
    bool fromParser = false;  // joined with ": " rather than " "

    // "training.learning_rate must be a positive number, not -1", "--lr must be ...".
    std::string messageFor(std::string_view settingName) const;
};

// The key a project file stores the setting under: "learning_rate", "batch_size", ...
std::string_view trainingSettingKey(TrainingSetting setting);
// The rule alone: "must be a whole number from 1 to 1000000".
std::string trainingSettingRule(TrainingSetting setting);
// The setting's rule broken by a value shown as `shown` (for values no field can hold: 1e308 as
// a batch size, a negative seed, text for a number).
SettingProblem settingProblem(TrainingSetting setting, const std::string& shown);
// The first setting that breaks its rule, or nothing.
std::optional<SettingProblem> findSettingsProblem(const TrainingSettings& settings);

}  // namespace koto
