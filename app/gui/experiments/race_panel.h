#pragma once
// The optimizer race (part 10): the learner ticks optimizers, each with its learning rate, and
// races them from one start. On a 2-parameter surface (a logistic unit's w and b, a bowl, a
// valley, a saddle) the trails cross the contour map at once; on the network and data of the main
// window they train from the same initial weights on the same mini-batches, epoch by epoch on a
// thread of their own, their test losses on one plot.

#include <QWidget>
#include <memory>
#include <vector>

#include "data/dataset.h"
#include "inspect/loss_surface.h"
#include "experiments/background_job.h"
#include "network/network_spec.h"
#include "training/metrics.h"
#include "training/optimizer_race.h"
#include "training/training_settings.h"

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace koto::gui {

class SurfaceRacePlot;

class RacePanel : public QWidget {
    Q_OBJECT
public:
    explicit RacePanel(QWidget* parent = nullptr);

    // The main window's network, data and settings, for a race on them.
    void setSubject(const NetworkSpec& spec, std::shared_ptr<const Dataset> dataset,
                    const TrainingSettings& settings);
    // The problems, in the menu's order: the surfaces, then "this network" (index surfaces).
    void chooseProblem(int index);
    int problemCount() const;
    // Ticks exactly these optimizers (names as optimizerNames() gives them).
    void chooseOptimizers(const std::vector<std::string>& names);
    void setSteps(int steps);
    // Starts the race (on a surface it is drawn at once).
    void race();
    void stop();

    SurfaceRacePlot& surfacePlot() const { return *surfacePlot_; }
    QCustomPlot& curvePlot() const { return *curvePlot_; }
    BackgroundJob& job() { return job_; }
    // The network race's curves so far: per entrant, its metrics at each epoch (0 first).
    const std::vector<std::vector<EpochMetrics>>& curves() const { return curves_; }
    const std::vector<RaceEntrant>& entrants() const { return entrants_; }
    QString status() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Choice {
        QCheckBox* use;
        QDoubleSpinBox* rate;
    };
    void retranslate();
    void problemChanged();
    std::vector<RaceEntrant> chosenEntrants(const TrainingSettings& base) const;
    void raceNetwork();
    void addEpoch(size_t entrant, const EpochMetrics& metrics);
    void drawCurves();

    QComboBox* problem_;
    QLabel* problemLabel_;
    QLabel* formula_;
    std::vector<Choice> choices_;
    QLabel* stepsLabel_;
    QSpinBox* steps_;
    QPushButton* race_;
    QPushButton* stop_;
    QLabel* status_;
    QStackedWidget* plots_;
    SurfaceRacePlot* surfacePlot_;
    QCustomPlot* curvePlot_;
    BackgroundJob job_;

    NetworkSpec spec_;
    std::shared_ptr<const Dataset> dataset_;
    TrainingSettings settings_;
    std::vector<RaceEntrant> entrants_;
    std::vector<std::vector<EpochMetrics>> curves_;
    std::vector<SurfaceTrail> trails_;  // the latest race on a surface
    std::vector<QString> dropOuts_;
    QString failure_;
};

}  // namespace koto::gui
