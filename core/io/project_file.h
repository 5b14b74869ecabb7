#pragma once
// The .koto project file: JSON holding the network spec, the training settings, the dataset
// spec, the trained weights (float32, base64, bit-exact) and the learning curves.
//
// {"format":"kotohajime-project","schema_version":1,"network":{...},"dataset":"spiral:n=500",
//  "pixel_inputs":false,
//  "training":{"learning_rate":0.1,"batch_size":10,"epochs":500,"seed":1,"optimizer":"sgd"},
//  "progress":{"epochs":500,"steps":12500},
//  "weights":[{"name":"dense_1.W","shape":[2,16],"data":"<base64 of little-endian float32>"}],
//  "curves":[{"epoch":1,"steps":25,"train_loss":..,"test_loss":..,"train_accuracy":..,...}]}
//
// Models other than a network trained on the dataset's labels or values add a "model" object
// (files without one hold such a network, as every file did before):
//   {"kind":"autoencoder"}: the network reconstructs its inputs (its targets are its inputs);
//   {"kind":"rbm","visible":784,"hidden":128,"cd":1,"persistent":false}: an RBM
//   (models/rbm.h), with weights rbm.W, rbm.b, rbm.c and no "network"; its curves hold the
//   reconstruction error (mean squared, per value) as loss and its square root as rmse.
//
// While the network editor's work cannot train (a layer left apart, a broken chain), a "draft"
// object holds it exactly (io/editor_draft.h); "network" stays the last network that could train.
// Files without one are as every file was before.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/editor_draft.h"
#include "io/run_record.h"
#include "io/saved_tensor.h"
#include "network/network.h"
#include "network/network_spec.h"
#include "training/metrics.h"
#include "training/training_settings.h"

namespace koto {

enum class ModelKind { Network, Autoencoder, Rbm };
std::string_view modelKindName(ModelKind kind);  // "network", "autoencoder", "rbm"

// An RBM's sizes and contrastive-divergence steps, as files may hold them.
constexpr int64_t kMaxRbmHidden = 1'000'000;
constexpr int64_t kMaxRbmWeights = 100'000'000;  // visible x hidden
constexpr int64_t kMaxRbmCdSteps = 1000;

struct RbmModel {
    int64_t visible = 0, hidden = 0;
    int cdSteps = 1;
    bool persistent = false;
    bool operator==(const RbmModel&) const = default;
};

struct Project {
    static constexpr int currentSchemaVersion = 1;

    ModelKind model = ModelKind::Network;
    RbmModel rbm;  // model == Rbm only

    NetworkSpec network;
    TrainingSettings training;
    std::string dataset;  // a dataset spec, "spiral:noise=0.1"
    // Trained on image bytes (0-255) scaled to [0, 1]: new inputs are pixels, scaled the same way.
    bool pixelInputs = false;
    int64_t epochsTrained = 0;
    int64_t stepsTrained = 0;
    std::vector<SavedTensor> weights;  // empty for an untrained project
    std::vector<EpochMetrics> curves;
    std::optional<EditorDraft> draft;  // the editor's work, while it cannot train
    // The run's history (training/run_history.h): its checkpoints, oldest first, and the runs
    // forked from it or from which it was forked, kept beside it. `run` names this run (its
    // curves and checkpoints are the project's own, left empty there).
    RunRecord run;
    std::vector<RunCheckpoint> checkpoints;
    std::vector<RunRecord> otherRuns;
};

// The first value of the project that breaks its rule, named as the file names it:
// "training.learning_rate must be a positive number, not -1", "progress.steps must be at least
// 0, not -3", "weights dense_1.W holds a NaN at [3, 5]" (row, column, from 0), "model.cd ...",
// "curves[2].train_accuracy ...". Nothing when every value is in range. Reading and saving both
// check it; the training settings by findSettingsProblem (training/training_settings.h).
std::optional<std::string> findProjectProblem(const Project& project);

std::string projectToJson(const Project& project);
// Throws InputError naming `what` (the file) and the problem, as one line: "p.koto:
// training.epochs must be a whole number from 0 to 100000000, not 1e+308". Every field is checked:
// its type, that its value fits (never a cast of a double out of range), and its range
// (findProjectProblem); the network is built to check it when small enough.
Project projectFromJson(const std::string& text, const std::string& what);

// Atomic. Throws InputError naming `path` and leaves the file as it was if findProjectProblem
// finds a problem: a project is never saved that could not be read back.
void saveProject(const Project& project, const std::string& path);
Project loadProject(const std::string& path);

std::vector<SavedTensor> captureWeights(Network& network);
// Throws InputError if the tensors do not match the network's parameters by name and shape.
void restoreWeights(Network& network, const std::vector<SavedTensor>& weights);

}  // namespace koto
