#pragma once
// Inside a convolutional network (part 12): the first convolution layer's filters W, and for one
// test image chosen by the learner, the image X and every convolution and pooling layer's output
// channels Z (its feature maps), each stack on its own colour scale. Drawn from the snapshots;
// the training thread computes the maps by a real forward pass of the network.

#include <memory>
#include <vector>

#include "data/dataset.h"
#include "inspect/feature_maps.h"
#include "views/exportable_view.h"
#include "views/one_sample_view.h"

namespace koto::gui {

class ImageStackView;

class FeatureMapView : public OneSampleView, public ExportableView {
    Q_OBJECT
public:
    explicit FeatureMapView(QWidget* parent = nullptr);

    // The data the sample is chosen from (its test images).
    void setDataset(std::shared_ptr<const Dataset> dataset);
    // The maps of test sample `sample` (null: none yet).
    void setFeatureMaps(std::shared_ptr<const FeatureMaps> maps, int64_t sample);

    // What is drawn, for tests: the sample's image, the filters, then each layer's maps.
    std::vector<const ImageStackView*> stacksShown() const;

    // quantity,layer,tile,row,column,value: a row for each value drawn, counted from 1 as the
    // tiles are: the input X, the filters W (tile f·C + c for filter f, channel c), then each
    // layer's feature maps Z (a tile a channel).
    QString csv() const override;
    QWidget& pictureWidget() override { return *this; }

private:
    void retranslate() override;
    void redraw() override;
    void showInput();

    std::shared_ptr<const Dataset> dataset_;
    std::shared_ptr<const FeatureMaps> maps_;
    int64_t mapsSample_ = -1;
    std::vector<ImageStackView*> stacks_;  // the input, the filters, then a view for each layer
};

}  // namespace koto::gui
