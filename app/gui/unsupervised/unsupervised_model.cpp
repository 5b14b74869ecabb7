#include "unsupervised_model.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "layers/dense_layer.h"
#include "models/autoencoder.h"
#include "models/model_projects.h"
#include "models/pretraining.h"
#include "models/rbm.h"
#include "models/rbm_trainer.h"
#include "training/checkpoint.h"
#include "training/optimizer.h"
#include "training/training_run.h"
#include "util/errors.h"

namespace koto::gui {
namespace {

constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();

// Adam for the autoencoder; momentum 0.5 for the RBM, as Hinton's guide starts CD training.
TrainingSettings trainingSettings(const UnsupervisedSettings& s) {
    TrainingSettings t;
    t.learningRate = s.learningRate;
    t.batchSize = s.batchSize;
    t.epochs = s.epochs;
    t.seed = s.seed;
    t.optimizer = s.kind == UnsupervisedKind::Autoencoder ? "adam" : "momentum";
    t.momentum = 0.5;
    return t;
}

AutoencoderOptions autoencoderOptions(const UnsupervisedSettings& s) {
    AutoencoderOptions options = AutoencoderOptions::parse(s.encoder);
    options.tied = s.tied;
    options.denoise = s.denoise;
    return options;
}

ImageStack imagesOf(std::vector<float> values, int64_t count, const Dataset& data) {
    return {"", "", count, data.imageHeight, data.imageWidth, std::move(values)};
}

// The first `count` columns of W (inputs x units) as images: unit j's weights from every pixel.
ImageStack columnsAsImages(Backend& backend, const Tensor& weights, int64_t count,
                           const Dataset& data) {
    std::vector<float> w(static_cast<size_t>(weights.size()));
    backend.download(weights, std::span<float>(w));
    const int64_t units = weights.cols(), pixels = weights.rows();
    count = std::min(count, units);
    std::vector<float> tiles(static_cast<size_t>(count * pixels));
    for (int64_t j = 0; j < count; ++j)
        for (int64_t p = 0; p < pixels; ++p)
            tiles[static_cast<size_t>(j * pixels + p)] = w[static_cast<size_t>(p * units + j)];
    return imagesOf(std::move(tiles), count, data);
}

// The images the window shows: the first of the test part (or of the training part without one).
struct ShownImages {
    int64_t count = 0;
    std::vector<float> values;

    ShownImages(const Dataset& data, int64_t most) {
        const DataSplit& from = data.test.count > 0 ? data.test : data.train;
        count = std::min(most, from.count);
        values = from.floatInputs(0, count, data.inputSize);
    }
};

class AutoencoderModel final : public UnsupervisedModel {
public:
    AutoencoderModel(Backend& backend, const Dataset& source, const UnsupervisedSettings& settings,
                     const Project* from)
        : data_(std::make_shared<const Dataset>(reconstructionDataset(source))),
          run_(backend, autoencoderSpec(data_->inputSize, autoencoderOptions(settings)), data_,
               trainingSettings(settings)),
          shown_(*data_, kShownImages) {
        if (from) {
            continueFromProject(run_, *from);
            for (const EpochMetrics& m : from->curves) epochs_.push_back(epochOf(m));
        }
        encoder_ = &static_cast<DenseLayer&>(run_.network().layer(firstDenseLayer(run_.network())));
        trainer_ = &run_.trainer();
    }

    bool step() override {
        const int64_t before = run_.trainer().epochsDone();
        run_.trainer().step();
        if (run_.trainer().epochsDone() == before) return false;
        epochs_.push_back(epochOf(run_.trainer().curve().latest()));
        return true;
    }
    int64_t stepsDone() const override { return trainer_->stepsDone(); }
    int64_t epochsDone() const override { return trainer_->epochsDone(); }
    int64_t batchesPerEpoch() const override { return trainer_->batchesPerEpoch(); }
    Backend& backend() override { return run_.network().backend(); }

    UnsupervisedPictures pictures() override {
        UnsupervisedPictures p;
        p.inputs = imagesOf(shown_.values, shown_.count, *data_);
        if (shown_.count > 0)
            p.reconstructions =
                imagesOf(run_.network().predict(shown_.values, shown_.count), shown_.count, *data_);
        p.features = columnsAsImages(backend(), encoder_->weights().value, kShownFeatures, *data_);
        return p;
    }

    Project capture(const std::string& datasetSpec) override {
        return captureAutoencoderProject(run_.trainer(), datasetSpec);
    }

private:
    // The trainer's cost is the mean squared error per value; its rmse squared is that.
    static UnsupervisedEpoch epochOf(const EpochMetrics& m) {
        return {m.epoch, m.train.rmse * m.train.rmse, m.test.rmse * m.test.rmse, kUnknown};
    }

    std::shared_ptr<const Dataset> data_;
    TrainingRun run_;
    ShownImages shown_;
    DenseLayer* encoder_ = nullptr;
    Trainer* trainer_ = nullptr;  // the run's
};

class RbmModel final : public UnsupervisedModel {
public:
    RbmModel(Backend& backend, std::shared_ptr<const Dataset> data,
             const UnsupervisedSettings& settings, const Project* from)
        : data_(std::move(data)), training_(trainingSettings(settings)),
          shown_(*data_, kShownImages),
          rbm_(backend, {data_->inputSize, settings.hidden},
               std::max(
                   {std::min(training_.batchSize, data_->train.count), shown_.count, int64_t{1}})),
          optimizer_(makeOptimizer(training_)) {
        rbm_.initialize(training_.seed);
        trainer_ = std::make_unique<RbmTrainer>(rbm_, *optimizer_, *data_, training_,
                                                RbmTraining{settings.cdSteps, settings.persistent});
        if (from) {
            restoreRbmWeights(rbm_, from->weights);
            // RbmTrainer counts from zero: this run's epochs and steps come after the project's.
            earlier_ = from->curves;
            earlierEpochs_ = from->epochsTrained;
            earlierSteps_ = from->stepsTrained;
            for (const EpochMetrics& m : earlier_)
                epochs_.push_back({m.epoch, m.train.loss, m.test.loss, kUnknown});
        }
        shownImages_ = backend.allocate({std::max<int64_t>(shown_.count, 1), data_->inputSize},
                                        DType::Float32);
        dreamt_ = backend.allocate(shownImages_.shape(), DType::Float32);
        shownImages_.setRows(shown_.count);
        backend.upload(std::span<const float>(shown_.values), shownImages_);
    }

    bool step() override {
        if (!trainer_->step()) return false;
        const RbmEpochMetrics& m = trainer_->curve().back();
        epochs_.push_back({m.epoch + earlierEpochs_, m.trainReconstructionError,
                           m.testReconstructionError, m.trainFreeEnergy});
        return true;
    }
    int64_t stepsDone() const override { return trainer_->stepsDone() + earlierSteps_; }
    int64_t epochsDone() const override { return trainer_->epochsDone() + earlierEpochs_; }
    int64_t batchesPerEpoch() const override {
        return (data_->train.count + training_.batchSize - 1) / training_.batchSize;
    }
    Backend& backend() override { return rbm_.backend(); }

    UnsupervisedPictures pictures() override {
        UnsupervisedPictures p;
        p.inputs = imagesOf(shown_.values, shown_.count, *data_);
        if (shown_.count > 0) {
            std::vector<float> values(shown_.values.size());
            rbm_.reconstructionError(shownImages_);
            backend().download(rbm_.reconstructions(), std::span<float>(values));
            p.reconstructions = imagesOf(values, shown_.count, *data_);
            // A new chain each time (the step number keys its random numbers), from the test
            // images.
            rbm_.gibbsChain(shownImages_, kGibbsSteps, training_.seed,
                            static_cast<uint64_t>(stepsDone()), dreamt_);
            backend().download(dreamt_, std::span<float>(values));
            p.gibbsSamples = imagesOf(std::move(values), shown_.count, *data_);
            p.gibbsSteps = kGibbsSteps;
        }
        p.features = columnsAsImages(backend(), rbm_.weights().value, kShownFeatures, *data_);
        return p;
    }

    Project capture(const std::string& datasetSpec) override {
        Project project = captureRbmProject(*trainer_, *data_, datasetSpec);
        for (EpochMetrics& m : project.curves) {
            m.epoch += earlierEpochs_;
            m.steps += earlierSteps_;
        }
        project.curves.insert(project.curves.begin(), earlier_.begin(), earlier_.end());
        project.epochsTrained += earlierEpochs_;
        project.stepsTrained += earlierSteps_;
        return project;
    }

private:
    std::shared_ptr<const Dataset> data_;
    TrainingSettings training_;
    ShownImages shown_;
    Rbm rbm_;
    std::unique_ptr<Optimizer> optimizer_;
    std::unique_ptr<RbmTrainer> trainer_;
    std::vector<EpochMetrics> earlier_;  // the curves of the project this run carries on
    int64_t earlierEpochs_ = 0, earlierSteps_ = 0;
    Tensor shownImages_, dreamt_;
};

}  // namespace

std::unique_ptr<UnsupervisedModel> UnsupervisedModel::make(Backend& backend,
                                                           std::shared_ptr<const Dataset> dataset,
                                                           const UnsupervisedSettings& settings,
                                                           const Project* continueFrom) {
    if (settings.kind == UnsupervisedKind::Autoencoder)
        return std::make_unique<AutoencoderModel>(backend, *dataset, settings, continueFrom);
    return std::make_unique<RbmModel>(backend, std::move(dataset), settings, continueFrom);
}

UnsupervisedSettings settingsOfProject(const Project& project) {
    UnsupervisedSettings s;
    s.learningRate = project.training.learningRate;
    s.batchSize = project.training.batchSize;
    s.epochs = std::max(project.training.epochs, project.epochsTrained);
    s.seed = project.training.seed;
    if (project.model == ModelKind::Rbm) {
        s.kind = UnsupervisedKind::Rbm;
        s.hidden = project.rbm.hidden;
        s.cdSteps = project.rbm.cdSteps;
        s.persistent = project.rbm.persistent;
        return s;
    }
    if (project.model != ModelKind::Autoencoder)
        throw InputError("the project holds a network, not an autoencoder or an RBM");
    // The encoder is the first half of the dense layers, after the input noise if any.
    s.kind = UnsupervisedKind::Autoencoder;
    const std::vector<LayerSpec>& layers = project.network.layers;
    size_t first = 0;
    if (!layers.empty() && layers.front().type == "noise") {
        s.denoise = layers.front().number("sigma");
        first = 1;
    }
    const size_t depth = (layers.size() - first) / 2;
    if (depth == 0) throw InputError("the project's autoencoder has no encoder layer");
    s.encoder.clear();
    for (size_t i = first; i < first + depth; ++i) {
        if (i > first) s.encoder += ',';
        s.encoder += std::to_string(layers[i].integer("units"));
    }
    const std::string activation = layers[first].text("activation");
    if (activation != "relu") s.encoder += ':' + activation;
    s.tied = layers.back().type == "tied_dense";
    // The window builds the mirror of an encoder with a mean squared error: anything else it
    // would build differently, so it says so rather than train another model.
    if (project.network.inputShape.empty() ||
        !(autoencoderSpec(project.network.inputShape.front(), autoencoderOptions(s)) ==
          project.network))
        throw InputError(
            "the project's autoencoder is not one this window builds (the mirror of its encoder, "
            "with a mean squared error)");
    return s;
}

}  // namespace koto::gui
