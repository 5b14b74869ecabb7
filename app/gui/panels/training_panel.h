#pragma once
// How to train: the optimizer with its momentum (and RMSprop's decay), the learning rate and its
// schedule (drawn as a small curve), L1 and L2 penalties, input noise, early stopping, gradient
// clipping, the mini-batch size and how fast to go. The learning rate and the momentum apply while
// training runs; the rest starts the run again from the same initial weights, so that choices are
// compared fairly.

#include <QGroupBox>
#include <string>

#include "lessons/control_access.h"
#include "training/training_settings.h"

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QSpinBox;

namespace koto::gui {

class TrainingPanel : public QGroupBox {
    Q_OBJECT
public:
    explicit TrainingPanel(QWidget* parent = nullptr);

    double learningRate() const;
    void setLearningRate(double rate);
    int batchSize() const;
    void setBatchSize(int size);
    double epochsPerSecond() const;  // 0: full speed
    std::string optimizer() const;   // "sgd", "momentum", ...
    double momentum() const;
    double decay() const;          // RMSprop's cache decay
    std::string schedule() const;  // "constant", "step:10:0.5", ...
    double l1() const;
    double l2() const;
    bool regularizeBiases() const;
    double inputNoise() const;  // sigma of the Gaussian noise added to the inputs while training
    double validationShare() const;  // 0: none
    int patience() const;     // early stopping after this many epochs without progress; 0: off
    double clipNorm() const;  // gradient clipping's largest norm; 0: off
    // Shows saved settings (an opened project's), without signals; values beyond what the
    // controls offer show as their nearest. The speed stays as it is.
    void setSettings(const TrainingSettings& settings, double inputNoise);

    // The rows of these controls hidden or greyed out (optimizer, learning_rate, schedule,
    // regularization, noise, early_stopping, clipping, batch_size; others are not here).
    void setControlAccess(const ControlAccessMap& access);

signals:
    void learningRateChanged(double rate);
    void momentumChanged(double momentum);
    // The optimizer, the schedule, a penalty or the batch size changed: a new run is needed.
    void methodChanged();
    void speedChanged(double epochsPerSecond);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    // Momentum and decay where the optimizer has them, patience with validation data; nothing
    // a lesson locks.
    void updateAvailability();
    bool locked(const char* control) const;
    void drawSchedule();

    ControlAccessMap access_;
    QFormLayout* form_;
    QComboBox* optimizer_;
    QDoubleSpinBox* momentum_;
    QDoubleSpinBox* decay_;
    QComboBox* learningRate_;
    QComboBox* schedule_;
    QCustomPlot* schedulePlot_;
    QDoubleSpinBox* noise_;
    QSpinBox* validation_;
    QSpinBox* patience_;
    QDoubleSpinBox* clipNorm_;
    QDoubleSpinBox* l1_;
    QDoubleSpinBox* l2_;
    QCheckBox* biases_;
    QSpinBox* batchSize_;
    QComboBox* speed_;
    QLabel* optimizerLabel_;
    QLabel* momentumLabel_;
    QLabel* decayLabel_;
    QLabel* learningRateLabel_;
    QLabel* scheduleLabel_;
    QLabel* noiseLabel_;
    QLabel* validationLabel_;
    QLabel* patienceLabel_;
    QLabel* clipNormLabel_;
    QLabel* l1Label_;
    QLabel* l2Label_;
    QLabel* batchSizeLabel_;
    QLabel* speedLabel_;
};

}  // namespace koto::gui
