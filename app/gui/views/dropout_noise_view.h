#pragma once
// What dropout and noise do to the mini-batch the network trains on (part 11: "see dropout masks
// flicker"), step after step: for each dropout layer its mask over the batch's first samples
// (rows) and its units (columns), black where a unit was dropped; for each noise layer what came
// in and what went on with the noise added. Image data that a layer takes as it is (input noise,
// dropout of pixels) is shown as images, each sample clean over noisy. Nothing is drawn before the
// first training step: these layers act only while training.

#include <QWidget>
#include <memory>
#include <vector>

#include "data/dataset.h"
#include "inspect/stochastic_passes.h"
#include "views/exportable_view.h"

class QLabel;
class QVBoxLayout;

namespace koto::gui {

class ImageStackView;

class DropoutNoiseView : public QWidget, public ExportableView {
    Q_OBJECT
public:
    explicit DropoutNoiseView(QWidget* parent = nullptr);

    void setDataset(std::shared_ptr<const Dataset> dataset);
    // The passes of the training step `step` (null: none yet).
    void setPasses(std::shared_ptr<const std::vector<StochasticPass>> passes, int64_t step);

    // The pictures shown, one for each layer (for tests).
    std::vector<const ImageStackView*> stacksShown() const;

    // Each layer's X, mask or noise and Z, value by value, for the samples shown.
    QString csv() const override;
    QWidget& pictureWidget() override { return *this; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void redraw();
    bool asImages(const StochasticPass& pass) const;

    std::shared_ptr<const Dataset> dataset_;
    std::shared_ptr<const std::vector<StochasticPass>> passes_;
    int64_t step_ = 0;
    QLabel* note_;
    QVBoxLayout* column_;
    std::vector<ImageStackView*> stacks_;
};

}  // namespace koto::gui
