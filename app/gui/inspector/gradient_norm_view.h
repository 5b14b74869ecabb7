#pragma once
// How much gradient reaches each time step of BPTT (part 13), for a recurrent layer's backward
// stage: a bar per step t = 1..T of ‖dJ/dh(t)‖ (blue) and, for an LSTM, ‖dJ/dc(t)‖ (orange), on a
// logarithmic scale, since a vanishing gradient shrinks by orders of magnitude. The values are
// those the layer reported for the traced step; the chosen step is outlined.

#include <QWidget>
#include <vector>

namespace koto::gui {

class GradientNormView : public QWidget {
    Q_OBJECT
public:
    explicit GradientNormView(QWidget* parent = nullptr);

    // Empty hidden norms: nothing to draw.
    void setNorms(std::vector<double> hidden, std::vector<double> cell);
    void setChosenStep(int t);  // from 1; 0 for none
    const std::vector<double>& hiddenNorms() const { return hidden_; }

    QSize sizeHint() const override { return {480, 130}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<double> hidden_, cell_;
    int chosen_ = 0;
};

}  // namespace koto::gui
