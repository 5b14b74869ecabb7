#include "views/run_views.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "look/column_scroll.h"
#include "look/tab_visibility.h"
#include "views/confusion_matrix_view.h"
#include "views/decision_boundary_view.h"
#include "views/dropout_noise_view.h"
#include "views/feature_map_view.h"
#include "views/gradient_through_time_view.h"
#include "views/image_gallery_view.h"
#include "views/loss_curve_view.h"
#include "views/network_playground_view.h"
#include "views/output_probability_view.h"
#include "views/recurrent_state_view.h"
#include "views/run_timeline.h"
#include "views/weight_view.h"

namespace koto::gui {
namespace {
// Each arrangement's split kept apart: a stacked split restored side by side would be wrong.
QString settingKey(const QSplitter& splitter) {
    const bool stacked = splitter.objectName() == QLatin1String("viewsSplit") &&
                         splitter.orientation() == Qt::Vertical;
    return QStringLiteral("views/") + splitter.objectName() +
           (stacked ? QStringLiteral("-stacked") : QString());
}
}  // namespace

void RunViews::setStacked(bool stacked) {
    const Qt::Orientation orientation = stacked ? Qt::Vertical : Qt::Horizontal;
    if (split_->orientation() == orientation) return;
    split_->setOrientation(orientation);
    // Stacked, the pictures give up height (the window's 800 pixels hold both), and the lesson
    // beside them says what the explanation under the charts would.
    right_->widget(1)->setVisible(!stacked);
    boundary_->setMinimumSize(stacked ? QSize(260, 220) : QSize(360, 360));
    gallery_->setMinimumSize(stacked ? QSize(260, 220) : QSize(0, 0));
    const QByteArray saved = QSettings().value(settingKey(*split_)).toByteArray();
    if (saved.isEmpty() || !split_->restoreState(saved))
        split_->setSizes(stacked ? QList<int>{1, 1} : QList<int>{5, 4});
}

RunViews::RunViews(QWidget* parent) : QWidget(parent) {
    boundary_ = new DecisionBoundaryView;
    boundary_->setObjectName(QStringLiteral("decisionBoundary"));
    boundary_->setMinimumSize(360, 360);
    gallery_ = new ImageGalleryView;
    gallery_->setObjectName(QStringLiteral("imageGallery"));
    pictures_ = new QStackedWidget;
    pictures_->addWidget(boundary_);
    pictures_->addWidget(gallery_);
    lossCurve_ = new LossCurveView;
    lossCurve_->setObjectName(QStringLiteral("lossCurve"));
    confusion_ = new ConfusionMatrixView;
    confusion_->setObjectName(QStringLiteral("confusionMatrix"));
    featureMaps_ = new FeatureMapView;
    featureMaps_->setObjectName(QStringLiteral("featureMaps"));
    recurrentStates_ = new RecurrentStateView;
    recurrentStates_->setObjectName(QStringLiteral("recurrentStates"));
    gradients_ = new GradientThroughTimeView;
    gradients_->setObjectName(QStringLiteral("gradientThroughTime"));
    weights_ = new WeightView;
    weights_->setObjectName(QStringLiteral("weights"));
    output_ = new OutputProbabilityView;
    output_->setObjectName(QStringLiteral("outputProbabilities"));
    network_ = new NetworkPlaygroundView;
    network_->setObjectName(QStringLiteral("networkPlayground"));
    stochastic_ = new DropoutNoiseView;
    stochastic_->setObjectName(QStringLiteral("dropoutNoise"));
    charts_ = new QTabWidget;
    charts_->setObjectName(QStringLiteral("charts"));
    // The last tab is one that every network has: Qt 6.4's tab bar, scrolling the chosen tab into
    // view, measures the row to its last tab, and a hidden last tab pushed the row to the right
    // (an empty stretch at the left, the tabs after the chosen one out of reach).
    for (QWidget* chart : std::initializer_list<QWidget*>{
             lossCurve_, network_, confusion_, featureMaps_, recurrentStates_, gradients_,
             stochastic_, weights_, output_})
        charts_->addTab(chart, QString());
    explanation_ = new QLabel;
    explanation_->setWordWrap(true);
    explanation_->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    // Whole tab titles, scrolled when they do not fit, never cut to "earning curve".
    charts_->setElideMode(Qt::ElideNone);
    charts_->setUsesScrollButtons(true);

    // The picture, the charts and the explanation share the room as the learner drags their
    // dividers; the split is remembered for the next start.
    right_ = new QSplitter(Qt::Vertical);
    right_->setObjectName(QStringLiteral("chartsSplit"));
    timeline_ = new RunTimeline;
    timeline_->setObjectName(QStringLiteral("runTimeline"));
    auto* chartsAndHistory = new QWidget;
    auto* chartsLayout = new QVBoxLayout(chartsAndHistory);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    chartsLayout->setSpacing(0);
    chartsLayout->addWidget(charts_, 1);
    chartsLayout->addWidget(timeline_);
    right_->addWidget(chartsAndHistory);
    // A long explanation scrolls rather than being cut off at the bottom of the window.
    right_->addWidget(columnScroll(explanation_));
    right_->setStretchFactor(0, 3);
    right_->setStretchFactor(1, 1);
    split_ = new QSplitter(Qt::Horizontal);
    split_->setObjectName(QStringLiteral("viewsSplit"));
    split_->addWidget(pictures_);
    split_->addWidget(right_);
    split_->setStretchFactor(0, 5);
    split_->setStretchFactor(1, 4);
    for (QSplitter* splitter : {split_, right_}) {
        splitter->setChildrenCollapsible(false);
        splitter->restoreState(QSettings().value(settingKey(*splitter)).toByteArray());
        connect(splitter, &QSplitter::splitterMoved, this,
                [splitter] { QSettings().setValue(settingKey(*splitter), splitter->saveState()); });
    }
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split_);

    connect(charts_, &QTabWidget::currentChanged, this, &RunViews::chartChosen);
    connect(featureMaps_, &FeatureMapView::sampleChosen, this, &RunViews::insideSampleChosen);
    connect(recurrentStates_, &RecurrentStateView::sampleChosen, this,
            &RunViews::insideSampleChosen);
    connect(output_, &OutputProbabilityView::sampleChosen, this, [this](int64_t sample) {
        boundary_->setChosenSample(sample);
        gallery_->setChosenSample(sample);
        emit outputSampleChosen(sample);
    });
    connect(network_, &NetworkPlaygroundView::weightSet, this, &RunViews::weightSet);
    connect(boundary_, &DecisionBoundaryView::testPointClicked, this,
            &RunViews::outputSampleClicked);
    connect(gallery_, &ImageGalleryView::testImageClicked, this, &RunViews::outputSampleClicked);
    retranslate();
}

void RunViews::chartChosen() {
    // The training thread computes the network's insides only while a view of them is shown,
    // for the sample that view has chosen.
    const QWidget* shown = charts_->currentWidget();
    if (shown == featureMaps_) emit insideSampleChosen(featureMaps_->chosenSample());
    if (shown == recurrentStates_) emit insideSampleChosen(recurrentStates_->chosenSample());
    emit insidesWanted(shown == featureMaps_ || shown == recurrentStates_);
    emit weightsWanted(shown == weights_);
    if (shown == output_) emit outputSampleChosen(output_->chosenSample());
    emit outputWanted(shown == output_);
    emit networkWanted(shown == network_);
    emit stochasticWanted(shown == stochastic_);
}

// A test point or test image clicked: its output, in the output probabilities view.
void RunViews::outputSampleClicked(int64_t sample) {
    output_->chooseSample(sample);
    charts_->setCurrentWidget(output_);
}

void RunViews::showData(const std::shared_ptr<const Dataset>& data) {
    const bool images = data->imageWidth > 0;
    const bool plane = data->inputSize == 2 && data->sequenceLength == 0;
    if (images) gallery_->setDataset(data);
    featureMaps_->setDataset(data);
    recurrentStates_->setDataset(data);
    weights_->setDataset(data);
    output_->setDataset(data);
    stochastic_->setDataset(data);
    boundary_->setChosenSample(-1);
    gallery_->setChosenSample(-1);
    if (plane) boundary_->setDataset(*data);
    pictures_->setCurrentWidget(images ? static_cast<QWidget*>(gallery_) : boundary_);
    // Other data (sequences, tables) has no picture of its own: the charts take the room.
    pictures_->setVisible(images || plane);
    data_ = data;
    showNetworkTab();
    const bool classes = data->task == Task::Classification;
    confusion_->setClassNames(classes ? data->classNames : std::vector<std::string>{});
    charts_->setTabEnabled(charts_->indexOf(confusion_), classes);
    if (!classes) charts_->setCurrentWidget(lossCurve_);
}

void RunViews::showNetwork(const NetworkSpec& spec) {
    auto has = [&spec](std::initializer_list<const char*> types) {
        return std::any_of(spec.layers.begin(), spec.layers.end(), [&](const LayerSpec& layer) {
            return std::find(types.begin(), types.end(), layer.type) != types.end();
        });
    };
    featureMaps_->setFeatureMaps(nullptr, -1);
    recurrentStates_->setStates(nullptr, -1);
    gradients_->setGradients(nullptr, nullptr);
    weights_->setNetwork(spec);
    output_->setOutput(nullptr, -1);
    spec_ = spec;
    showNetworkTab();
    stochastic_->setPasses(nullptr, 0);
    for (auto [view, shown] : {std::pair<QWidget*, bool>{featureMaps_, has({"conv"})},
                               std::pair<QWidget*, bool>{stochastic_, has({"dropout", "noise"})},
                               std::pair<QWidget*, bool>{recurrentStates_, has({"rnn", "lstm"})},
                               std::pair<QWidget*, bool>{gradients_, has({"rnn", "lstm"})}}) {
        const int tab = charts_->indexOf(view);
        if (!shown && charts_->currentIndex() == tab) charts_->setCurrentWidget(lossCurve_);
        setTabShown(*charts_, tab, shown);
    }
}

void RunViews::showNetworkTab() {
    const bool plane = data_ && data_->inputSize == 2 && data_->sequenceLength == 0;
    const bool dense =
        !spec_.layers.empty() &&
        std::all_of(spec_.layers.begin(), spec_.layers.end(), [](const LayerSpec& layer) {
            return layer.type == "dense" || layer.type == "dropout" || layer.type == "noise";
        });
    network_->setNetwork(spec_, data_);
    const int tab = charts_->indexOf(network_);
    if (!(plane && dense) && charts_->currentIndex() == tab) charts_->setCurrentWidget(lossCurve_);
    setTabShown(*charts_, tab, plane && dense);
}

void RunViews::startRun(const Augmentation& augmentation) {
    network_->forgetEdits();
    stochastic_->setPasses(nullptr, 0);
    gallery_->setAugmentation(augmentation);
    gallery_->setPredictions({}, {});
    output_->setOutput(nullptr, -1);
    confusion_->setCounts({});
    clearCurve();
}

void RunViews::clearCurve() {
    lossCurve_->clear();
    lossCurve_->setViewedEpoch(-1);
    timeline_->clear();
    weights_->clearHistory();
}

void RunViews::show(const TrainingSnapshot& snapshot) {
    timeline_->showHistory(snapshot.checkpointEpochs, snapshot.viewedEpoch, snapshot.epochs);
    lossCurve_->setViewedEpoch(snapshot.viewedEpoch);
    lossCurve_->addEpochs(snapshot.newEpochs);
    lossCurve_->showLatest(snapshot.latest, snapshot.recentBatchLoss);
    if (snapshot.gridSize > 0) boundary_->setOutputGrid(snapshot.gridSize, snapshot.grid);
    if (!snapshot.samplePredictions.empty())
        gallery_->setPredictions(snapshot.samplePredictions, snapshot.sampleProbabilities);
    if (!snapshot.confusion.empty()) confusion_->setCounts(snapshot.confusion);
    if (snapshot.featureMaps)
        featureMaps_->setFeatureMaps(snapshot.featureMaps, snapshot.featureSample);
    if (snapshot.recurrentStates)
        recurrentStates_->setStates(snapshot.recurrentStates, snapshot.featureSample);
    gradients_->setGradients(snapshot.gradients, snapshot.initialGradients);
    weights_->addPercentiles(snapshot.newWeightPercentiles);
    if (snapshot.weights) weights_->setWeights(snapshot.weights);
    if (snapshot.sampleOutput) output_->setOutput(snapshot.sampleOutput, snapshot.outputSample);
    if (snapshot.stochasticPasses)
        stochastic_->setPasses(snapshot.stochasticPasses, snapshot.stochasticStep);
    if (charts_->currentWidget() == network_)
        network_->setState(snapshot.weights, snapshot.neuronMaps, snapshot.unitGridSize,
                           snapshot.paused);
}

std::vector<RunViews::NamedView> RunViews::namedViews() const {
    return {{"boundary", boundary_, boundary_},
            {"gallery", gallery_, gallery_},
            {"curve", lossCurve_, lossCurve_},
            {"confusion", confusion_, confusion_},
            {"feature-maps", featureMaps_, featureMaps_},
            {"states", recurrentStates_, recurrentStates_},
            {"gradients", gradients_, gradients_},
            {"weights", weights_, weights_},
            {"probabilities", output_, output_},
            {"network", network_, network_},
            {"dropout", stochastic_, stochastic_}};
}

bool RunViews::offers(const QWidget* view) const {
    if (view == boundary_ || view == gallery_)
        return !pictures_->isHidden() && pictures_->currentWidget() == view;
    const int index = charts_->indexOf(view);
    return charts_->isTabVisible(index) && charts_->isTabEnabled(index);
}

bool RunViews::showChart(const QString& name) {
    for (const NamedView& named : namedViews()) {
        if (name != QLatin1String(named.name) || !offers(named.widget)) continue;
        if (charts_->indexOf(named.widget) >= 0) charts_->setCurrentWidget(named.widget);
        return true;
    }
    return false;
}

std::vector<std::pair<QWidget*, ExportableView*>> RunViews::exportableViews() const {
    std::vector<std::pair<QWidget*, ExportableView*>> views;
    for (const NamedView& named : namedViews()) views.emplace_back(named.widget, named.view);
    return views;
}

ExportableView* RunViews::exportableView(const QString& name) const {
    for (const NamedView& named : namedViews())
        if (name == QLatin1String(named.name) && offers(named.widget)) return named.view;
    return nullptr;
}

ExportableView* RunViews::shownChart() const {
    for (const NamedView& named : namedViews())
        if (named.widget == charts_->currentWidget()) return named.view;
    return nullptr;
}

ExportableView* RunViews::shownPicture() const {
    if (pictures_->isHidden()) return nullptr;
    for (const NamedView& named : namedViews())
        if (named.widget == pictures_->currentWidget()) return named.view;
    return nullptr;
}

void RunViews::setExplanation(const QString& text) { explanation_->setText(text); }

void RunViews::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void RunViews::retranslate() {
    charts_->setTabText(charts_->indexOf(lossCurve_), tr("Learning curve"));
    charts_->setTabText(charts_->indexOf(confusion_), tr("Confusion matrix"));
    charts_->setTabText(charts_->indexOf(featureMaps_), tr("Filters and feature maps"));
    charts_->setTabText(charts_->indexOf(recurrentStates_), tr("States over time"));
    charts_->setTabText(charts_->indexOf(gradients_), tr("Gradient through time"));
    charts_->setTabText(charts_->indexOf(weights_), tr("Weights"));
    charts_->setTabText(charts_->indexOf(output_), tr("Output probabilities"));
    charts_->setTabText(charts_->indexOf(network_), tr("Network"));
    charts_->setTabText(charts_->indexOf(stochastic_), tr("Dropout and noise"));
}

}  // namespace koto::gui
