#include "views/weight_view.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>

#include "look/column_scroll.h"
#include "look/notation.h"
#include "look/plot_style.h"
#include "look/presentation.h"
#include "look/view_colours.h"
#include "look/ui_text.h"
#include "views/csv_text.h"
#include "views/image_stack_view.h"
#include "views/weight_meaning.h"

namespace koto::gui {
namespace {

const char* const kGates[] = {"i", "f", "o", "g"};

QString number(double value) { return QString::number(value, 'g', 4); }

}  // namespace

WeightView::WeightView(QWidget* parent) : QWidget(parent) {
    matrixLabel_ = new QLabel(this);
    matrix_ = new QComboBox(this);
    matrix_->setObjectName(QStringLiteral("weightMatrixChoice"));
    matrix_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    quantityLabel_ = new QLabel(this);
    quantity_ = new QComboBox(this);
    quantity_->setObjectName(QStringLiteral("weightQuantityChoice"));
    quantity_->addItems({QString(), QString(), QString()});
    rangeLabel_ = new QLabel(this);
    rangeMode_ = new QComboBox(this);
    rangeMode_->setObjectName(QStringLiteral("weightRangeChoice"));
    rangeMode_->addItems({QString(), QString()});
    rangeMode_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    quantity_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    range_ = new QDoubleSpinBox(this);
    range_->setObjectName(QStringLiteral("weightRangeSpin"));
    range_->setDecimals(4);
    range_->setRange(0.0001, 1000);
    range_->setValue(1);
    range_->setPrefix(QStringLiteral("± "));
    range_->setEnabled(false);
    asImages_ = new QCheckBox(this);
    asImages_->setObjectName(QStringLiteral("weightsAsImagesCheck"));

    // The matrix's name and size on a row of their own: they are the longest.
    auto* controls = new QGridLayout;
    controls->addWidget(matrixLabel_, 0, 0);
    auto* matrixRow = new QHBoxLayout;
    matrixRow->addWidget(matrix_);
    matrixRow->addStretch(1);
    controls->addLayout(matrixRow, 0, 1);
    controls->addWidget(quantityLabel_, 1, 0);
    auto* quantityRow = new QHBoxLayout;
    quantityRow->addWidget(quantity_);
    quantityRow->addWidget(asImages_);
    quantityRow->addStretch(1);
    controls->addLayout(quantityRow, 1, 1);
    controls->addWidget(rangeLabel_, 2, 0);
    auto* rangeRow = new QHBoxLayout;
    rangeRow->addWidget(rangeMode_);
    rangeRow->addWidget(range_);
    rangeRow->addStretch(1);
    controls->addLayout(rangeRow, 2, 1);
    controls->setColumnStretch(1, 1);

    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    title_ = new QLabel;
    title_->setWordWrap(true);
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    note_ = new QLabel;
    note_->setWordWrap(true);
    heatmap_ = new QCustomPlot;
    heatmap_->setObjectName(QStringLiteral("weightHeatmap"));
    heatmap_->setMinimumSize(240, 260);
    map_ = new QCPColorMap(heatmap_->xAxis, heatmap_->yAxis);
    map_->setInterpolate(false);  // each weight a cell of its own
    colourScale_ = new QCPColorScale(heatmap_);
    heatmap_->plotLayout()->addElement(0, 1, colourScale_);
    colourScale_->setBarWidth(10);
    map_->setColorScale(colourScale_);
    auto* margins = new QCPMarginGroup(heatmap_);
    heatmap_->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    colourScale_->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    followPresentation(*heatmap_);
    heatmap_->yAxis->setRangeReversed(true);  // row 1 at the top, as a matrix is written
    heatmap_->setMouseTracking(true);
    connect(heatmap_, &QCustomPlot::mouseMove, this, &WeightView::hover);
    hoverText_ = new QLabel;
    hoverText_->setObjectName(QStringLiteral("weightHoverText"));
    hoverText_->setWordWrap(true);
    zeroLegend_ = new QLabel;
    zeroLegend_->setWordWrap(true);
    images_ = new ImageStackView;
    images_->hide();
    histogramTitle_ = new QLabel;
    histogramTitle_->setWordWrap(true);
    histogramTitle_->setFont(bold);
    histogram_ = makeCurvePlot(this, QStringLiteral("weightHistogram"));
    histogram_->setMinimumSize(240, 180);
    bars_ = new QCPBars(histogram_->xAxis, histogram_->yAxis);
    bars_->setPen(Qt::NoPen);
    historyTitle_ = new QLabel;
    historyTitle_->setWordWrap(true);
    historyTitle_->setFont(bold);
    historyPlot_ = makeCurvePlot(this, QStringLiteral("weightHistory"));
    historyPlot_->setMinimumSize(240, 180);
    for (QWidget* widget :
         std::initializer_list<QWidget*>{title_, note_, heatmap_, hoverText_, zeroLegend_, images_,
                                         histogramTitle_, histogram_, historyTitle_, historyPlot_})
        column->addWidget(widget);
    column->addStretch(1);
    QScrollArea* scroll = columnScroll(content, this);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(scroll, 1);

    connect(matrix_, &QComboBox::currentIndexChanged, this, [this] { redraw(); });
    connect(quantity_, &QComboBox::currentIndexChanged, this, [this] { redraw(); });
    connect(rangeMode_, &QComboBox::currentIndexChanged, this, [this](int mode) {
        range_->setEnabled(mode == 1);
        redraw();
    });
    connect(range_, &QDoubleSpinBox::valueChanged, this, [this] { redraw(); });
    connect(asImages_, &QCheckBox::toggled, this, [this] { redraw(); });
    // The scales' colours (colour-blind-safe or not) and the lines' widths.
    connect(&Presentation::instance(), &Presentation::changed, this, [this] { redraw(); });
    retranslate();
}

void WeightView::setDataset(std::shared_ptr<const Dataset> dataset) {
    dataset_ = std::move(dataset);
    redraw();
}

void WeightView::setNetwork(const NetworkSpec& spec) {
    spec_ = spec;
    weights_.reset();
    clearHistory();
    rebuildEntries();
}

void WeightView::setWeights(std::shared_ptr<const NetworkWeights> weights) {
    if (!weights || weights == weights_) return;  // the same weights in a newer snapshot
    const bool sameParameters =
        weights_ && weights_->matrices.size() == weights->matrices.size() &&
        std::equal(weights_->matrices.begin(), weights_->matrices.end(), weights->matrices.begin(),
                   [](const WeightMatrix& a, const WeightMatrix& b) {
                       return a.id == b.id && a.rows == b.rows && a.cols == b.cols;
                   });
    weights_ = std::move(weights);
    if (sameParameters) redraw();
    else rebuildEntries();
}

void WeightView::addPercentiles(const std::vector<EpochWeightPercentiles>& percentiles) {
    if (percentiles.empty()) return;
    for (const EpochWeightPercentiles& epoch : percentiles) {
        while (!history_.empty() && history_.back().epoch >= epoch.epoch) history_.pop_back();
        history_.push_back(epoch);
    }
    // As the learning curve does: full, every second epoch kept (the first stays), so that a run
    // of millions of epochs keeps memory and drawing bounded.
    while (history_.size() > kHistoryPoints) {
        size_t kept = 0;
        for (size_t i = 0; i < history_.size(); i += 2) history_[kept++] = std::move(history_[i]);
        history_.resize(kept);
    }
    if (isVisible()) drawHistory();
    else historyStale_ = true;
}

void WeightView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (historyStale_) drawHistory();
}

void WeightView::clearHistory() {
    history_.clear();
    drawHistory();
}

QString WeightView::matrixName(int index) const {
    return entries_.at(static_cast<size_t>(index)).name;
}

void WeightView::chooseMatrix(int index) { matrix_->setCurrentIndex(index); }

void WeightView::setQuantity(Quantity quantity) {
    quantity_->setCurrentIndex(static_cast<int>(quantity));
}

void WeightView::setFixedRange(bool fixed, double range) {
    range_->setValue(range);
    rangeMode_->setCurrentIndex(fixed ? 1 : 0);
}

// The curriculum's name of each parameter (an LSTM's split into its gates' blocks), in the
// network's order; the choice stays where it still exists.
void WeightView::rebuildEntries() {
    entries_.clear();
    if (weights_) {
        const Notation notation(spec_);
        for (size_t p = 0; p < weights_->matrices.size(); ++p) {
            const WeightMatrix& matrix = weights_->matrices[p];
            const QString name = notation.parameterName(spec_, matrix.id);
            if (matrix.layerType == "lstm" && matrix.cols % 4 == 0) {
                // Wx = [Wxi Wxf Wxo Wxg]: the gate's letter after the name's letters (Wxi1).
                qsizetype letters = name.size();
                while (letters > 0 && name[letters - 1].isDigit()) --letters;
                const int64_t units = matrix.cols / 4;
                for (int gate = 0; gate < 4; ++gate)
                    entries_.push_back(
                        {p, gate * units, units, gate,
                         name.left(letters) + QLatin1String(kGates[gate]) + name.mid(letters)});
            } else {
                entries_.push_back({p, 0, matrix.cols, -1, name});
            }
        }
    }
    const QSignalBlocker block(matrix_);
    const int chosen = matrix_->currentIndex();
    matrix_->clear();
    for (const Entry& entry : entries_) {
        const WeightMatrix& matrix = weights_->matrices[entry.parameter];
        matrix_->addItem(tr("%1 of %2 (%3 × %4)")
                             .arg(entry.name, QString::fromStdString(matrix.layer))
                             .arg(matrix.rows)
                             .arg(entry.cols));
    }
    matrix_->setCurrentIndex(chosen >= 0 && chosen < matrix_->count() ? chosen : 0);
    redraw();
}

const std::vector<float>* WeightView::quantityOf(const WeightMatrix& matrix) const {
    switch (static_cast<Quantity>(quantity_->currentIndex())) {
    case Quantity::Gradient: return &matrix.gradient;
    case Quantity::Update: return &matrix.update;
    default: return &matrix.values;
    }
}

bool WeightView::imagesPossible(const Entry& entry) const {
    if (!weights_ || !dataset_ || dataset_->imageWidth < 1) return false;
    const WeightMatrix& matrix = weights_->matrices[entry.parameter];
    const int64_t pixels = dataset_->imageWidth * dataset_->imageHeight;
    int64_t inputs = 1;
    for (int64_t d : matrix.inputShape) inputs *= d;
    // The first dense layer, on the image's pixels (or one channel of them, flattened).
    return matrix.layerType == "dense" && matrix.name == "W" && entry.parameter == 0 &&
           inputs == pixels && matrix.rows == pixels;
}

void WeightView::redraw() {
    const int index = matrix_->currentIndex();
    const bool have = weights_ && index >= 0 && index < static_cast<int>(entries_.size());
    for (QWidget* widget : std::initializer_list<QWidget*>{heatmap_, hoverText_, zeroLegend_,
                                                           histogramTitle_, histogram_})
        widget->setVisible(have);
    asImages_->setVisible(have && imagesPossible(entries_[static_cast<size_t>(index)]));
    shown_.clear();
    shownRows_ = shownCols_ = 0;
    if (!have) {
        title_->setText(QString());
        note_->setText(tr("The weights appear once the training thread has copied them (also "
                          "while training is paused)."));
        images_->hide();
        drawHistory();
        return;
    }
    const Entry& entry = entries_[static_cast<size_t>(index)];
    const WeightMatrix& matrix = weights_->matrices[entry.parameter];
    const auto quantity = static_cast<Quantity>(quantity_->currentIndex());
    const std::vector<float>& values = *quantityOf(matrix);
    if (values.size() == static_cast<size_t>(matrix.rows * matrix.cols)) {
        shownRows_ = matrix.rows;
        shownCols_ = entry.cols;
        for (int64_t r = 0; r < matrix.rows; ++r)
            for (int64_t c = 0; c < entry.cols; ++c)
                shown_.push_back(values[static_cast<size_t>(r * matrix.cols + entry.column + c)]);
    }
    const QString size = QStringLiteral("%1 × %2").arg(shownRows_).arg(shownCols_);
    switch (quantity) {
    case Quantity::Weights:
        title_->setText(tr("%1 (%2) after step %3").arg(entry.name, size).arg(weights_->step));
        note_->setText(tr("Each cell is one weight %1[i, j], row i and column j counted from 1: "
                          "blue below 0, red above, white near 0. Point at a cell to see what "
                          "it connects.")
                           .arg(entry.name));
        break;
    case Quantity::Gradient:
        title_->setText(tr("dJ/d%1 (%2) of step %3").arg(entry.name, size).arg(weights_->step));
        note_->setText(shown_.empty()
                           ? tr("The gradient appears after the first step.")
                           : tr("The gradient the update used (with the L1 and L2 terms): the "
                                "step moves each weight against it, %1 − learning_rate · "
                                "dJ/d%1 for plain gradient descent.")
                                 .arg(entry.name));
        break;
    case Quantity::Update:
        title_->setText(
            shown_.empty()
                ? tr("Δ%1 (%2)").arg(entry.name, size)
                : tr("Δ%1 (%2) of step %3").arg(entry.name, size).arg(weights_->updateStep));
        note_->setText(
            shown_.empty() ? tr("The update appears after the next step (Step, or Play).")
            : weights_->updateStep == weights_->step
                ? tr("Δ%1 = %1 after the step − %1 before it: how this step moved each weight.")
                      .arg(entry.name)
                : tr("Δ%1 = %1 after the step − %1 before it, of step %2: the last update "
                     "copied while training ran (Step shows the next one).")
                      .arg(entry.name)
                      .arg(weights_->updateStep));
        break;
    }
    drawHeatmap(shown_);
    drawHistogram(shown_);
    drawHistory();
}

QString WeightView::csv() const {
    if (!weights_) return {};
    const char* const quantities[] = {"weights", "gradient", "update"};
    const QString quantity = QLatin1String(quantities[quantity_->currentIndex()]);
    const Notation notation(spec_);
    QString blocks;
    for (const WeightMatrix& matrix : weights_->matrices) {
        const std::vector<float>& values = *quantityOf(matrix);
        if (values.size() != static_cast<size_t>(matrix.rows * matrix.cols)) continue;
        blocks += csvRow({quantity, notation.parameterName(spec_, matrix.id),
                          QString::fromStdString(matrix.id), QString::number(matrix.rows),
                          QString::number(matrix.cols)});
        for (int64_t r = 0; r < matrix.rows; ++r) {
            QStringList row;
            for (int64_t c = 0; c < matrix.cols; ++c)
                row << csvNumber(values[static_cast<size_t>(r * matrix.cols + c)]);
            blocks += csvRow(row);
        }
    }
    if (blocks.isEmpty()) return {};  // no gradient or update yet
    return csvRow({QStringLiteral("quantity"), QStringLiteral("matrix"),
                   QStringLiteral("parameter"), QStringLiteral("rows"),
                   QStringLiteral("columns")}) +
           blocks;
}

double WeightView::shownValue(int64_t row, int64_t col) const {
    return map_->data()->cell(static_cast<int>(col), static_cast<int>(row));
}

bool WeightView::shownAsExactZero(int64_t row, int64_t col) const {
    return std::isnan(shownValue(row, col));
}

QRgb WeightView::zeroColour() const { return map_->gradient().nanColor().rgb(); }

const ImageStackView* WeightView::unitImages() const {
    return images_->isHidden() ? nullptr : images_;
}

QString WeightView::cellText(int64_t row, int64_t col) const {
    const int index = matrix_->currentIndex();
    if (!weights_ || index < 0 || index >= static_cast<int>(entries_.size()) || row < 0 ||
        col < 0 || row >= shownRows_ || col >= shownCols_)
        return {};
    const Entry& entry = entries_[static_cast<size_t>(index)];
    const WeightMatrix& matrix = weights_->matrices[entry.parameter];
    const float value = shown_[static_cast<size_t>(row * shownCols_ + col)];
    const auto quantity = static_cast<Quantity>(quantity_->currentIndex());
    const QString name = quantity == Quantity::Gradient ? QStringLiteral("dJ/d") + entry.name
                         : quantity == Quantity::Update ? QStringLiteral("Δ") + entry.name
                                                        : entry.name;
    const QString valueText = value == 0 ? tr("exactly 0") : number(value);
    const WeightMeaning meaning(spec_, dataset_.get());
    return tr("%1 = %2: %3")
        .arg(WeightMeaning::element(name, matrix, row, col), valueText,
             meaning.connects(matrix, entry.parameter == 0, entry.gate, row, col));
}

void WeightView::hover(QMouseEvent* event) {
    if (shownRows_ == 0) return;
    const QPointF at = event->position();
    const int64_t col = std::lround(heatmap_->xAxis->pixelToCoord(at.x())) - 1;
    const int64_t row = std::lround(heatmap_->yAxis->pixelToCoord(at.y())) - 1;
    const QString text = cellText(row, col);
    if (text.isEmpty()) {
        QToolTip::hideText();
        return;
    }
    hoverText_->setText(text);
    QToolTip::showText(event->globalPosition().toPoint(), text, heatmap_);
}

void WeightView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void WeightView::retranslate() {
    matrixLabel_->setText(tr("Matrix"));
    matrix_->setToolTip(tr("Which weights to show, by the curriculum's names"));
    quantityLabel_->setText(tr("Show"));
    quantity_->setItemText(0, tr("Weights W"));
    quantity_->setItemText(1, tr("Gradient dJ/dW"));
    quantity_->setItemText(2, tr("Last update ΔW"));
    rangeLabel_->setText(tr("Colours"));
    rangeMode_->setItemText(0, tr("Automatic range"));
    rangeMode_->setItemText(1, tr("Fixed range"));
    rangeMode_->setToolTip(tr("Automatic: ± the largest magnitude shown. Fixed: the same "
                              "colours from step to step, so that changes compare."));
    asImages_->setText(tr("As images"));
    asImages_->setToolTip(tr("Each hidden unit's incoming weights, one per pixel, as an image"));
    hoverText_->clear();
    rebuildEntries();
}

}  // namespace koto::gui
