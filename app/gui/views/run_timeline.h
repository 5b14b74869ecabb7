#pragma once
// The run's history under the charts: a slider over its checkpoints that scrubs back in time
// (every view then shows the network as it was after that epoch; the slider's right end is the
// run as it stands), "Fork here" to go on from the epoch shown with the settings as the panels
// have them now, and the runs kept beside this one.

#include <QWidget>
#include <cstdint>
#include <vector>

class QLabel;
class QPushButton;
class QSlider;

namespace koto::gui {

class RunTimeline : public QWidget {
    Q_OBJECT
public:
    explicit RunTimeline(QWidget* parent = nullptr);

    // The checkpoints' epochs (oldest first), the epoch shown (-1: the run as it stands) and
    // the epochs the run has trained, as the latest snapshot says.
    void showHistory(const std::vector<int64_t>& epochs, int64_t viewedEpoch, int64_t epochsDone);
    // Which run this is, for the label: "Run 1", "Fork 2 (learning rate 0.01 from epoch 40)".
    void setRunName(const QString& name);
    // No run (or one that could not start): nothing to scrub.
    void clear();

    // The epoch the slider is at (-1 at its right end, the run as it stands).
    int64_t chosenEpoch() const;
    QSlider& slider() const { return *slider_; }
    QPushButton& forkButton() const { return *fork_; }
    QPushButton& runsButton() const { return *runs_; }

signals:
    // The learner moved the slider: show this checkpoint's epoch (-1: the run as it stands).
    void epochChosen(int64_t epoch);
    void forkRequested(int64_t epoch);
    void runsRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void describe();

    QLabel* title_;
    QSlider* slider_;
    QLabel* position_;
    QPushButton* fork_;
    QPushButton* runs_;
    QString runName_;
    std::vector<int64_t> epochs_;
    int64_t epochsDone_ = 0;
};

}  // namespace koto::gui
