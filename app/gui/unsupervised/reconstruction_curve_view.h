#pragma once
// The unsupervised window's learning curve: the reconstruction error (mean squared, per pixel)
// of the training and test images after every epoch, and for an RBM the mean free energy F(v)
// of the training images on a second axis at the right (its scale is unrelated to the error's).

#include <QWidget>
#include <vector>

#include "unsupervised_model.h"

class QCustomPlot;

namespace koto::gui {

class ReconstructionCurveView : public QWidget {
    Q_OBJECT
public:
    explicit ReconstructionCurveView(QWidget* parent = nullptr);

    // Draws these epochs (all of them: a run has few), with the free-energy axis for an RBM.
    void setEpochs(const std::vector<UnsupervisedEpoch>& epochs, bool freeEnergy);
    int pointCount() const;
    int freeEnergyPointCount() const;
    QCustomPlot* plot() const { return plot_; }

protected:
    void changeEvent(QEvent* event) override;
    // The plot's resizes: the legend then takes as many columns as its width holds.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();

    QCustomPlot* plot_;
};

}  // namespace koto::gui
