#include "views/run_timeline.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QVBoxLayout>

namespace koto::gui {

RunTimeline::RunTimeline(QWidget* parent) : QWidget(parent) {
    title_ = new QLabel;
    title_->setObjectName(QStringLiteral("runName"));
    slider_ = new QSlider(Qt::Horizontal);
    slider_->setObjectName(QStringLiteral("historySlider"));
    slider_->setPageStep(1);
    position_ = new QLabel;
    position_->setObjectName(QStringLiteral("historyPosition"));
    fork_ = new QPushButton;
    fork_->setObjectName(QStringLiteral("forkHere"));
    runs_ = new QPushButton;
    runs_->setObjectName(QStringLiteral("showRuns"));

    auto* top = new QHBoxLayout;
    top->addWidget(title_, 1);
    top->addWidget(fork_);
    top->addWidget(runs_);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(slider_, 1);
    bottom->addWidget(position_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addLayout(bottom);

    connect(slider_, &QSlider::valueChanged, this, [this] {
        describe();
        emit epochChosen(chosenEpoch());
    });
    connect(fork_, &QPushButton::clicked, this, [this] {
        const int64_t epoch = chosenEpoch();
        emit forkRequested(epoch >= 0 ? epoch : epochsDone_);
    });
    connect(runs_, &QPushButton::clicked, this, &RunTimeline::runsRequested);
    clear();
    retranslate();
}

void RunTimeline::showHistory(const std::vector<int64_t>& epochs, int64_t viewedEpoch,
                              int64_t epochsDone) {
    epochsDone_ = epochsDone;
    if (epochs != epochs_) {
        const QSignalBlocker quiet(slider_);
        epochs_ = epochs;
        slider_->setRange(0, static_cast<int>(epochs_.size()));  // the last place: as it stands
    }
    const QSignalBlocker quiet(slider_);
    int place = static_cast<int>(epochs_.size());
    for (size_t i = 0; i < epochs_.size(); ++i)
        if (epochs_[i] == viewedEpoch) place = static_cast<int>(i);
    slider_->setValue(place);
    slider_->setEnabled(!epochs_.empty());
    // A fork goes on from a checkpoint: from the run as it stands only at a kept epoch's end.
    fork_->setEnabled(!epochs_.empty());
    describe();
}

void RunTimeline::setRunName(const QString& name) {
    runName_ = name;
    retranslate();
}

void RunTimeline::clear() {
    showHistory({}, -1, 0);
}

int64_t RunTimeline::chosenEpoch() const {
    const int place = slider_->value();
    if (place < 0 || place >= static_cast<int>(epochs_.size())) return -1;
    return epochs_[static_cast<size_t>(place)];
}

void RunTimeline::describe() {
    const int64_t epoch = chosenEpoch();
    position_->setText(epoch >= 0 ? tr("epoch %1 (back in time)").arg(epoch)
                                  : tr("epoch %1 (now)").arg(epochsDone_));
    fork_->setToolTip(
        epoch >= 0
            ? tr("Go on from epoch %1 with the settings as the panels have them now; this run is "
                 "kept beside the new one.")
                  .arg(epoch)
            : tr("Go on from the latest checkpoint with the settings as the panels have them now; "
                 "this run is kept beside the new one."));
}

void RunTimeline::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void RunTimeline::retranslate() {
    title_->setText(runName_.isEmpty() ? tr("History") : tr("History of %1").arg(runName_));
    slider_->setToolTip(tr("Drag back to see the network as it was after an earlier epoch; the "
                           "right end is the run as it stands. Play goes on from there."));
    fork_->setText(tr("Fork here…"));
    runs_->setText(tr("Runs…"));
    runs_->setToolTip(tr("Compare the runs kept in this project, continue or delete one."));
    describe();
}

}  // namespace koto::gui
