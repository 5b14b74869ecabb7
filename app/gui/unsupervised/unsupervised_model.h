#pragma once
// The two models of the unsupervised window behind one face, for its training thread: an
// autoencoder (a Network trained by the real Trainer with its inputs as targets) or an RBM
// (RbmTrainer), built on a given backend from the window's settings, fresh from the seed or
// carrying on from a saved project. One thread at a time, like its backend.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "backend/backend.h"
#include "data/dataset.h"
#include "inspect/feature_maps.h"
#include "io/project_file.h"

namespace koto::gui {

enum class UnsupervisedKind { Autoencoder, Rbm };

struct UnsupervisedSettings {
    UnsupervisedKind kind = UnsupervisedKind::Autoencoder;
    std::string encoder =
        "256,64";  // autoencoder: the encoder's sizes, as --model autoencoder:SIZES
    bool tied = false;
    double denoise = 0;
    int64_t hidden = 64;  // RBM: hidden units
    int cdSteps = 1;
    bool persistent = false;
    double learningRate = 0.001;
    int64_t batchSize = 64;
    int64_t epochs = 10;  // training pauses when this many are done
    uint64_t seed = 1;
    bool operator==(const UnsupervisedSettings&) const = default;
};

// The window's settings of a saved autoencoder or RBM project (its network or sizes, CD
// settings, learning rate, batch size, seed). InputError if the project holds another model, or
// an autoencoder the window cannot build (another cost, a network that is not the mirror of its
// encoder).
UnsupervisedSettings settingsOfProject(const Project& project);

struct UnsupervisedEpoch {
    int64_t epoch = 0;
    double trainError = 0, testError = 0;  // reconstruction error per pixel, mean squared
    double freeEnergy = 0;                 // RBM: mean F(v) of the training images (NaN: not known)
};

// What the window draws of the model now.
struct UnsupervisedPictures {
    // The first test images X, and the model's reconstructions of them: the autoencoder's output
    // Y, the RBM's p(v | h = p(h|v)).
    ImageStack inputs, reconstructions;
    // The first layer's weights W as one image a hidden unit: the column of W that unit reads
    // the image through (the encoder's first dense layer, or the RBM's W).
    ImageStack features;
    // RBM: p(v|h) after Gibbs steps from the test images: what the model dreams of (empty for
    // the autoencoder).
    ImageStack gibbsSamples;
    int gibbsSteps = 0;
};

class UnsupervisedModel {
public:
    static constexpr int64_t kShownImages = 12;
    static constexpr int64_t kShownFeatures = 32;
    static constexpr int kGibbsSteps = 200;

    // Built on `backend` from the settings and seed, or, with `continueFrom`, with that project's
    // weights, counters and curves. Throws InputError / SpecError for settings or data core
    // refuses, DeviceError if the backend's device refuses the model. The dataset must hold images.
    static std::unique_ptr<UnsupervisedModel> make(Backend& backend,
                                                   std::shared_ptr<const Dataset> dataset,
                                                   const UnsupervisedSettings& settings,
                                                   const Project* continueFrom = nullptr);
    virtual ~UnsupervisedModel() = default;

    // One optimizer step on the next mini-batch; true when it finished an epoch (then the last
    // of epochs()).
    virtual bool step() = 0;
    virtual int64_t stepsDone() const = 0;
    virtual int64_t epochsDone() const = 0;
    virtual int64_t batchesPerEpoch() const = 0;
    // Every finished epoch, the project's before this run's.
    const std::vector<UnsupervisedEpoch>& epochs() const { return epochs_; }
    virtual UnsupervisedPictures pictures() = 0;
    // The model as a .koto project (core/models/model_projects.h); datasetSpec as loaded.
    virtual Project capture(const std::string& datasetSpec) = 0;
    virtual Backend& backend() = 0;

protected:
    std::vector<UnsupervisedEpoch> epochs_;
};

}  // namespace koto::gui
