// The main window's side of the autoencoder and RBM window: made on first use with the data and
// the device of the main window, opened with an autoencoder or RBM project, and handing its first
// layer to the main window's network (pre-training).

#include "backend/cpu_backend.h"
#include "data/dataset_spec.h"
#include "models/pretraining.h"
#include "unsupervised/unsupervised_window.h"
#include "window/compute_menu.h"
#include "window/main_window.h"

namespace koto::gui {

UnsupervisedWindow* MainWindow::makeUnsupervisedWindow() {
    auto* window = new UnsupervisedWindow(this);
    window->setComputeDevice(computeMenu_->current());
    window->setFirstLayerTaker([this](const SavedTensor& weights, const SavedTensor& bias) {
        return takeFirstLayer(weights, bias);
    });
    return window;
}

UnsupervisedWindow& MainWindow::showUnsupervisedWindow() {
    if (!unsupervisedWindow_) {
        unsupervisedWindow_ = makeUnsupervisedWindow();
        unsupervisedWindow_->setDataset(dataset_, loadedDataSpec_);
    }
    unsupervisedWindow_->show();
    unsupervisedWindow_->raise();
    return *unsupervisedWindow_;
}

void MainWindow::showModelProject(const Project& project, const QString& path) {
    // The main window's data when the project was trained on them, else the project's own.
    std::shared_ptr<const Dataset> data = dataset_;
    if (!dataset_ || project.dataset != loadedDataSpec_)
        data = std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse(project.dataset)));
    UnsupervisedWindow* window =
        unsupervisedWindow_ ? unsupervisedWindow_ : makeUnsupervisedWindow();
    try {
        window->openProject(project, std::move(data), path);
    } catch (...) {
        if (window != unsupervisedWindow_) delete window;  // made only for this project
        throw;
    }
    unsupervisedWindow_ = window;
    showUnsupervisedWindow();
}

QString MainWindow::takeFirstLayer(const SavedTensor& weights, const SavedTensor& bias) {
    // The training thread owns the network: new weights go in through a new run, which would
    // pull the classifier from under a learner watching it train.
    if (controller_.isPlaying())
        return tr("The network in the main window is training: pause it first, then hand the "
                  "weights over again.");
    std::optional<Project> project = captureProject();
    if (!project) return tr("The main window's training did not hand over its network in time.");
    try {
        CpuBackend backend;  // a network of one row, only to put the weights in their place
        Network network(backend, project->network, 1);
        if (project->weights.empty()) network.initialize(project->training.seed);
        else restoreWeights(network, project->weights);
        Tensor w = backend.allocate({weights.rows, weights.cols}, DType::Float32);
        Tensor b = backend.allocate({bias.rows, bias.cols}, DType::Float32);
        backend.upload(std::span<const float>(weights.values), w);
        backend.upload(std::span<const float>(bias.values), b);
        copyIntoFirstDense(network, w, b);
        project->weights = captureWeights(network);
    } catch (const std::exception& error) {
        return tr("The network in the main window cannot take them: %1")
            .arg(QString::fromStdString(error.what()));
    }
    startRun(project->training, std::make_shared<const Project>(*project));
    projectEdited();
    return {};
}

}  // namespace koto::gui
