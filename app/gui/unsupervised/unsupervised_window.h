#pragma once
// The unsupervised models of part 12 on the app's image data: an autoencoder (input images beside
// their reconstructions, and the learned features: the encoder's weights as image tiles) or an
// RBM trained by contrastive divergence (its weight tiles and samples of a Gibbs chain), with the
// main window's controls (Play/Pause, Step, Reset) and a learning curve of the reconstruction
// error (and the RBM's free energy). It trains on its own thread (UnsupervisedRun) on the device
// the Compute menu chose, with its own backend; the main window's network is not touched. The
// model is saved as a .koto project (Save As…) and such a project opens here (File > Open).

#include <QWidget>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "data/dataset.h"
#include "io/project_file.h"
#include "training/compute_backend.h"
#include "unsupervised_run.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTimer;

namespace koto::gui {

class ImageStackView;
class ModelExportMenu;
class ReconstructionCurveView;

class UnsupervisedWindow : public QWidget {
    Q_OBJECT
public:
    enum class TrainedModelChoice { Save, Discard, Cancel };
    // The questions the window asks: dialogs by default; tests put their own.
    struct Dialogs {
        // The file to save to ("" when the user cancels), suggesting one.
        std::function<QString(const QString& suggested)> chooseSaveFile;
        // Something went wrong: a title and a sentence in the user's language.
        std::function<void(const QString& title, const QString& message)> showError;
        // The model kind is about to change, and the model has trained this many steps: a new
        // model would take its place. Save it first (Save As…), discard it, or cancel the change?
        // (Defaulted: a Dialogs written with only the two answers above draws no warning.)
        std::function<TrainedModelChoice(qint64 steps)> askDiscardTrained = {};
    };

    explicit UnsupervisedWindow(QWidget* parent = nullptr);
    ~UnsupervisedWindow() override;

    const Dialogs& dialogs() const { return dialogs_; }
    void setDialogs(Dialogs dialogs) { dialogs_ = std::move(dialogs); }

    // Pre-training (part 12): the button "Use as the first layer of the classifier" hands the
    // model's first-layer W (D x M) and hidden bias (1 x M) to this function (the main window's),
    // which puts them in its network and returns "", or returns why it cannot (said in a dialog).
    using FirstLayerTaker =
        std::function<QString(const SavedTensor& weights, const SavedTensor& bias)>;
    void setFirstLayerTaker(FirstLayerTaker taker);
    // Hands the model's first layer over as the button does; false if it could not (said).
    bool useAsFirstLayer();

    // The data to train on (the main window's) and its spec as loaded; a new run starts, paused.
    // Only image data can be shown: for anything else the window says so and cannot train.
    void setDataset(std::shared_ptr<const Dataset> dataset, const std::string& spec);
    // Where to compute (the Compute menu's choice); a new run starts there if it changed.
    void setComputeDevice(const ComputeDevice& device);

    void play();
    void pause();
    void step();   // one mini-batch
    void reset();  // a new run from the initial weights of the seed
    bool isPlaying() const { return playing_; }

    // The model as the training thread hands it over (nothing if it does not in time, or there
    // is no model).
    std::optional<Project> captureProject();
    // Save As…: asks for a file, then saves atomically; false if cancelled or it failed (said
    // in a dialog, the old file kept as it was).
    bool saveAs();
    bool saveTo(const QString& path);
    QString filePath() const { return filePath_; }
    // Export Model… (window/model_export_menu.h), for the model the training thread hands over.
    ModelExportMenu& modelExport() const { return *modelExport_; }

    // Shows a saved autoencoder or RBM with its settings and weights, ready to train on from
    // them, on `dataset` (loaded from the project's dataset spec). Throws InputError, with the
    // window left as it was, if the project does not fit this window or the data.
    void openProject(const Project& project, std::shared_ptr<const Dataset> dataset,
                     const QString& path);

    // The last snapshot drawn (null before the first).
    std::shared_ptr<const UnsupervisedSnapshot> shown() const { return shown_; }
    ReconstructionCurveView& curve() const { return *curve_; }

signals:
    // A snapshot was drawn.
    void snapshotShown();

protected:
    void changeEvent(QEvent* event) override;

private slots:
    void showLatest();

private:
    void buildControls();
    void retranslate();
    // The model kind combo moved: asks first if a trained model would be lost, and either puts
    // the combo back or starts the other kind.
    void kindChosen();
    void showKindControls();  // the controls of the kind the combo shows, the others hidden
    // The steps the model of this run has trained (those of a project it carries on included).
    qint64 stepsTrained() const;
    UnsupervisedKind chosenKind() const;   // the kind combo's
    UnsupervisedKind runningKind() const;  // the run's (the combo's while there is none)
    UnsupervisedSettings settingsFromControls() const;
    void showSettings(const UnsupervisedSettings& settings);
    bool hasImages() const { return dataset_ && dataset_->imageWidth > 0; }
    // A new run, paused, with the controls' settings: fresh from the seed, or carrying on a
    // project.
    void restart(std::shared_ptr<const Project> continueFrom = nullptr);
    // Before Play or Step: a new run if a setting changed since this one started.
    void restartIfChanged();
    void setPlaying(bool playing);
    void showStatus();
    void updateButtons();
    // Why Play waits ("" while it need not): the epochs set are all done.
    QString whyPlayWaits() const;

    std::shared_ptr<const Dataset> dataset_;
    std::string datasetSpec_;
    ComputeDevice device_;
    std::shared_ptr<ComputeBackend> compute_ = std::make_shared<ComputeBackend>();
    std::unique_ptr<UnsupervisedRun> run_;
    bool playing_ = false;
    std::mutex latestMutex_;
    std::shared_ptr<const UnsupervisedSnapshot> latest_;  // posted by the training thread
    std::shared_ptr<const Project> handedOver_;           // the project it last handed over
    std::condition_variable projectHandedOver_;
    std::shared_ptr<const UnsupervisedSnapshot> shown_;
    QString filePath_;
    Dialogs dialogs_;
    FirstLayerTaker firstLayerTaker_;
    QTimer* restartTimer_;  // one restart for several settings changed at once

    QComboBox* kind_;
    QLabel *sizesLabel_, *hiddenLabel_, *denoiseLabel_, *cdLabel_, *rateLabel_, *epochsLabel_,
        *status_;
    QLabel *banner_, *computeLabel_;
    QLineEdit* sizes_;
    QSpinBox *hidden_, *cd_, *epochs_;
    QCheckBox *tied_, *persistent_;
    QDoubleSpinBox *denoise_, *rate_;
    QPushButton *playButton_, *stepButton_, *resetButton_, *saveButton_, *exportButton_,
        *firstLayerButton_;
    ModelExportMenu* modelExport_;
    ReconstructionCurveView* curve_;
    ImageStackView *inputs_, *reconstructions_, *features_, *samples_;
};

}  // namespace koto::gui
