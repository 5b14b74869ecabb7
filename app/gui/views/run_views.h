#pragma once
// Everything the main window draws of a run, from its snapshots: in the middle the decision
// boundary (2-D data) or the image gallery (images), on the right the charts (learning curve,
// confusion matrix, and for the networks that have them feature maps, states over time and the
// gradient through time) above the lesson's explanation, with dividers the learner can drag
// (remembered in the settings). It asks the training thread for the network's insides only while
// a view of them is shown (insidesWanted, insideSampleChosen), the weights only while the
// weights view is (weightsWanted), and one test sample's output only while the output
// probabilities view is (outputWanted, outputSampleChosen), and the units' outputs over the plane
// only while the network diagram is (networkWanted); a click on a test point or a test image
// chooses that sample and shows the output probabilities view.

#include <QWidget>
#include <memory>
#include <utility>
#include <vector>

#include "data/augmentation.h"
#include "data/dataset.h"
#include "network/network_spec.h"
#include "training/training_snapshot.h"
#include "views/exportable_view.h"

class QLabel;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace koto::gui {

class ConfusionMatrixView;
class DecisionBoundaryView;
class FeatureMapView;
class GradientThroughTimeView;
class ImageGalleryView;
class DropoutNoiseView;
class LossCurveView;
class NetworkPlaygroundView;
class OutputProbabilityView;
class RecurrentStateView;
class RunTimeline;
class WeightView;

class RunViews : public QWidget {
    Q_OBJECT
public:
    explicit RunViews(QWidget* parent = nullptr);

    DecisionBoundaryView& boundaryView() const { return *boundary_; }
    ImageGalleryView& gallery() const { return *gallery_; }
    LossCurveView& lossCurve() const { return *lossCurve_; }
    ConfusionMatrixView& confusionMatrix() const { return *confusion_; }
    FeatureMapView& featureMapView() const { return *featureMaps_; }
    RecurrentStateView& recurrentStateView() const { return *recurrentStates_; }
    GradientThroughTimeView& gradientThroughTimeView() const { return *gradients_; }
    WeightView& weightView() const { return *weights_; }
    OutputProbabilityView& outputView() const { return *output_; }
    NetworkPlaygroundView& networkView() const { return *network_; }
    DropoutNoiseView& dropoutNoiseView() const { return *stochastic_; }
    QTabWidget& charts() const { return *charts_; }
    // Under the charts: the run's history, to scrub back and fork.
    RunTimeline& timeline() const { return *timeline_; }

    // New data: the picture it has (a plane, images, or none: the charts take the room), and the
    // confusion matrix only for classes.
    void showData(const std::shared_ptr<const Dataset>& data);
    // The picture over the charts rather than beside them, where the views share the window's
    // width with the lesson panel.
    void setStacked(bool stacked);
    // A new network: the tabs of its insides that it has (feature maps for conv layers, states
    // and the gradient through time for recurrent ones), emptied.
    void showNetwork(const NetworkSpec& spec);
    // A new run: empty curves and answers; the gallery shows this augmentation.
    void startRun(const Augmentation& augmentation);
    // Reset: the same run from its start.
    void clearCurve();
    // Draws a snapshot of a run that trains.
    void show(const TrainingSnapshot& snapshot);
    // Shows a chart by name: "curve", "confusion", "feature-maps", "states", "gradients",
    // "weights", "probabilities", "network" or "dropout"; "boundary" and "gallery" name the
    // picture, always in sight when there is one. False if there is no such tab or picture for
    // this data and network.
    bool showChart(const QString& name);

    // The views that can be saved to a file (File > Export view…, their context menus), each
    // with its widget: the pictures and every chart.
    std::vector<std::pair<QWidget*, ExportableView*>> exportableViews() const;
    // A view by its name in showChart, if this data and network show it; else null.
    ExportableView* exportableView(const QString& name) const;
    // The chart whose tab is shown, and the picture (null where the data has none).
    ExportableView* shownChart() const;
    ExportableView* shownPicture() const;
    // The lesson's explanation under the charts (rich text).
    void setExplanation(const QString& text);

signals:
    // Whether a view of the network's insides is shown, and for which test sample.
    void insidesWanted(bool wanted);
    void insideSampleChosen(int64_t sample);
    // Whether the weights view is shown (the snapshots then carry W, dJ/dW and ΔW).
    void weightsWanted(bool wanted);
    // Whether the output probabilities view is shown, and for which test sample (the snapshots
    // then carry its output).
    void outputWanted(bool wanted);
    void outputSampleChosen(int64_t sample);
    // Whether the network diagram is shown (the snapshots then carry the units' outputs over the
    // plane and the weights), and a weight set by hand in it.
    void networkWanted(bool wanted);
    void weightSet(const QString& parameter, qint64 index, float value);
    // Whether the dropout and noise view is shown (the snapshots then carry their masks).
    void stochasticWanted(bool wanted);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void chartChosen();
    void outputSampleClicked(int64_t sample);
    // The network diagram's tab: only for dense networks on 2-D data.
    void showNetworkTab();
    // Every view by its name in showChart.
    struct NamedView {
        const char* name;
        QWidget* widget;
        ExportableView* view;
    };
    std::vector<NamedView> namedViews() const;
    // Whether this data and network show the view: its picture, or its tab (visible, enabled).
    bool offers(const QWidget* view) const;

    QSplitter* split_;  // the picture | the charts over the explanation
    QSplitter* right_;  // the charts over the explanation
    QStackedWidget* pictures_;
    DecisionBoundaryView* boundary_;
    ImageGalleryView* gallery_;
    QTabWidget* charts_;
    RunTimeline* timeline_;
    LossCurveView* lossCurve_;
    ConfusionMatrixView* confusion_;
    FeatureMapView* featureMaps_;          // its tab only for convolutional networks
    RecurrentStateView* recurrentStates_;  // its tab only for recurrent networks
    GradientThroughTimeView* gradients_;   // its tab only for recurrent networks
    WeightView* weights_;
    OutputProbabilityView* output_;
    NetworkPlaygroundView* network_;  // its tab only for dense networks on 2-D data
    DropoutNoiseView* stochastic_;    // its tab only for networks with dropout or noise
    std::shared_ptr<const Dataset> data_;
    NetworkSpec spec_;
    QLabel* explanation_;
};

}  // namespace koto::gui
