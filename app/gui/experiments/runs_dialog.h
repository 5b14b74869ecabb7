#pragma once
// The runs table: every run of the project (the one training first), with where it was forked
// from, the settings in which it differs from the run training, its epochs, final and best test
// loss, final test accuracy and training time. A run's name can be edited in place; a kept run
// can be shown on the learning curve beside the one training, taken up again or deleted.

#include <QDialog>
#include <set>
#include <string>
#include <vector>

#include "experiments/run_book.h"
#include "training/metrics.h"

class QPushButton;
class QTableWidget;

namespace koto::gui {

class RunsDialog : public QDialog {
    Q_OBJECT
public:
    // `book` outlives the dialog; `currentCurve` is the training run's curve as drawn now;
    // `shown` names the kept runs drawn on the learning curve.
    RunsDialog(RunBook& book, std::vector<EpochMetrics> currentCurve, std::set<std::string> shown,
               QWidget* parent = nullptr);

    QTableWidget& table() const { return *table_; }
    const std::set<std::string>& shownRuns() const { return shown_; }
    // Rows: 0 is the run training, row i > 0 kept run i - 1.
    void chooseRow(int row);

signals:
    void continueRequested(size_t keptIndex);
    // A run was renamed, deleted or shown or hidden on the curve.
    void runsChanged();

private:
    void fill();
    void rowEdited(int row, int column);
    std::optional<size_t> chosenKeptRun() const;

    RunBook& book_;
    std::vector<EpochMetrics> currentCurve_;
    std::set<std::string> shown_;
    QTableWidget* table_;
    QPushButton* continue_;
    QPushButton* delete_;
    bool filling_ = false;
};

}  // namespace koto::gui
