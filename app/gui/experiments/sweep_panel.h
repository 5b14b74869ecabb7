#pragma once
// A hyperparameter sweep (part 11): the learner picks one or two hyperparameters and their
// values; every combination trains the main window's network on its data from the same seed, one
// after another on a thread of their own, with progress and Cancel (the finished ones stay). The
// results: a heatmap of the chosen metric (first values down, second across, each cell with its
// number) and a table of every combination's final losses, accuracy and time.

#include <QWidget>
#include <memory>
#include <optional>
#include <vector>

#include "data/dataset.h"
#include "experiments/background_job.h"
#include "network/network_spec.h"
#include "training/hyperparameter_sweep.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace koto::gui {

class SweepPanel : public QWidget {
    Q_OBJECT
public:
    explicit SweepPanel(QWidget* parent = nullptr);

    void setSubject(const NetworkSpec& spec, std::shared_ptr<const Dataset> dataset,
                    const TrainingSettings& settings);
    // The axes as the learner would set them: a parameter and its values ("0.01, 0.1, 1");
    // no second axis for a one-dimensional sweep.
    void setAxes(SweepParameter first, const QString& firstValues,
                 std::optional<SweepParameter> second, const QString& secondValues);
    void setEpochs(int epochs);
    // Starts the sweep; false (saying why) if the values cannot be read or are out of range.
    bool run();
    void cancel();

    BackgroundJob& job() { return job_; }
    const std::vector<SweepCell>& cells() const { return cells_; }
    // The results so far, one per cell (nothing for one not trained yet).
    const std::vector<std::optional<SweepResult>>& results() const { return results_; }
    QTableWidget& heatmap() const { return *heatmap_; }
    QTableWidget& table() const { return *table_; }
    QString status() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    std::vector<SweepAxis> readAxes() const;
    void showResult(size_t cell, const SweepResult& result);
    void drawHeatmap();
    double metricOf(const SweepResult& result) const;
    QString parameterName(SweepParameter parameter) const;

    QComboBox* first_;
    QLineEdit* firstValues_;
    QCheckBox* useSecond_;
    QComboBox* second_;
    QLineEdit* secondValues_;
    QLabel* epochsLabel_;
    QSpinBox* epochs_;
    QLabel* metricLabel_;
    QComboBox* metric_;
    QPushButton* run_;
    QPushButton* cancel_;
    QProgressBar* progress_;
    QLabel* status_;
    QTableWidget* heatmap_;
    QTableWidget* table_;
    BackgroundJob job_;

    NetworkSpec spec_;
    std::shared_ptr<const Dataset> dataset_;
    TrainingSettings settings_;
    std::vector<SweepAxis> axes_;
    std::vector<SweepCell> cells_;
    std::vector<std::optional<SweepResult>> results_;
    QString failure_;
    bool cancelled_ = false;
};

}  // namespace koto::gui
