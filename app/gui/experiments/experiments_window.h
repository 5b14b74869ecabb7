#pragma once
// Experiments (issue 16): an optimizer race and a hyperparameter sweep on the main window's
// network and data, in a window of their own beside it (Training > Experiments…). They train on
// threads of their own: the main window's run is not touched.

#include <QWidget>
#include <memory>

#include "data/dataset.h"
#include "network/network_spec.h"
#include "training/training_settings.h"

class QTabWidget;

namespace koto::gui {

class RacePanel;
class SweepPanel;

class ExperimentsWindow : public QWidget {
    Q_OBJECT
public:
    explicit ExperimentsWindow(QWidget* parent = nullptr);

    // What the race on "this network" and the sweep train: the main window's as it is now.
    void setSubject(const NetworkSpec& spec, std::shared_ptr<const Dataset> dataset,
                    const TrainingSettings& settings);
    RacePanel& race() const { return *race_; }
    SweepPanel& sweep() const { return *sweep_; }
    QTabWidget& tabs() const { return *tabs_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QTabWidget* tabs_;
    RacePanel* race_;
    SweepPanel* sweep_;
};

}  // namespace koto::gui
