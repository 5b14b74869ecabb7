#include "experiments/sweep_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QRegularExpression>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <charconv>
#include <cmath>

#include "backend/cpu_backend.h"
#include "look/heatmap_colours.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto::gui {

namespace {

enum Metric { TestLoss, TestAccuracy, TrainingLoss };

// "0.01, 0.1 1": numbers apart by commas or spaces, read as in every locale.
std::vector<double> numbersIn(const QString& text, const std::string& what) {
    std::vector<double> numbers;
    for (const QString& word :
         text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts)) {
        const std::string token = word.toStdString();
        double value = 0;
        const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value);
        if (error != std::errc() || end != token.data() + token.size() || !std::isfinite(value))
            throw InputError(what + ": " + inQuotes(token) + " is not a number");
        numbers.push_back(value);
    }
    if (numbers.empty()) throw InputError(what + " lists no value");
    return numbers;
}

QTableWidgetItem* cellItem(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    item->setTextAlignment(Qt::AlignCenter);
    return item;
}

}  // namespace

SweepPanel::SweepPanel(QWidget* parent) : QWidget(parent) {
    first_ = new QComboBox;
    first_->setObjectName(QStringLiteral("sweepFirst"));
    firstValues_ = new QLineEdit(QStringLiteral("0.01, 0.03, 0.1, 0.3, 1"));
    useSecond_ = new QCheckBox;
    useSecond_->setChecked(true);
    second_ = new QComboBox;
    secondValues_ = new QLineEdit(QStringLiteral("0, 0.0001, 0.001, 0.01"));
    for (QComboBox* box : {first_, second_})
        for (size_t i = 0; i < sweepParameters().size(); ++i) box->addItem(QString());
    second_->setCurrentIndex(2);  // learning rate x L2
    epochsLabel_ = new QLabel;
    epochs_ = new QSpinBox;
    epochs_->setRange(1, 100000);
    epochs_->setValue(20);
    metricLabel_ = new QLabel;
    metric_ = new QComboBox;
    metric_->addItems({QString(), QString(), QString()});
    run_ = new QPushButton;
    run_->setObjectName(QStringLiteral("runSweep"));
    cancel_ = new QPushButton;
    cancel_->setEnabled(false);
    progress_ = new QProgressBar;
    status_ = new QLabel;
    status_->setWordWrap(true);
    heatmap_ = new QTableWidget;
    heatmap_->setObjectName(QStringLiteral("sweepHeatmap"));
    heatmap_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    heatmap_->verticalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table_ = new QTableWidget;
    table_->setObjectName(QStringLiteral("sweepTable"));
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    auto* choices = new QGridLayout;
    choices->addWidget(first_, 0, 0);
    choices->addWidget(firstValues_, 0, 1);
    choices->addWidget(useSecond_, 1, 0);
    choices->addWidget(second_, 2, 0);
    choices->addWidget(secondValues_, 2, 1);
    choices->addWidget(epochsLabel_, 3, 0);
    choices->addWidget(epochs_, 3, 1);
    choices->addWidget(metricLabel_, 4, 0);
    choices->addWidget(metric_, 4, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(run_);
    buttons->addWidget(cancel_);
    auto* side = new QVBoxLayout;
    side->addLayout(choices);
    side->addLayout(buttons);
    side->addWidget(progress_);
    side->addWidget(status_);
    side->addStretch(1);
    auto* sideWidget = new QWidget;
    sideWidget->setLayout(side);
    sideWidget->setMaximumWidth(360);
    auto* results = new QVBoxLayout;
    results->addWidget(heatmap_, 3);
    results->addWidget(table_, 2);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(sideWidget);
    layout->addLayout(results, 1);

    connect(useSecond_, &QCheckBox::toggled, second_, &QWidget::setEnabled);
    connect(useSecond_, &QCheckBox::toggled, secondValues_, &QWidget::setEnabled);
    connect(metric_, &QComboBox::currentIndexChanged, this, &SweepPanel::drawHeatmap);
    connect(run_, &QPushButton::clicked, this, &SweepPanel::run);
    connect(cancel_, &QPushButton::clicked, this, &SweepPanel::cancel);
    connect(&job_, &BackgroundJob::finished, this, [this] {
        run_->setEnabled(true);
        cancel_->setEnabled(false);
        status_->setText(status());
    });
    connect(&job_, &BackgroundJob::failed, this, [this](const QString& message) {
        failure_ = message;
        status_->setText(status());
    });
    retranslate();
}

void SweepPanel::setSubject(const NetworkSpec& spec, std::shared_ptr<const Dataset> dataset,
                            const TrainingSettings& settings) {
    spec_ = spec;
    dataset_ = std::move(dataset);
    settings_ = settings;
}

void SweepPanel::setAxes(SweepParameter first, const QString& firstValues,
                         std::optional<SweepParameter> second, const QString& secondValues) {
    const auto place = [](SweepParameter p) {
        const auto& all = sweepParameters();
        return static_cast<int>(std::find(all.begin(), all.end(), p) - all.begin());
    };
    first_->setCurrentIndex(place(first));
    firstValues_->setText(firstValues);
    useSecond_->setChecked(second.has_value());
    if (second) second_->setCurrentIndex(place(*second));
    secondValues_->setText(secondValues);
}

void SweepPanel::setEpochs(int epochs) { epochs_->setValue(epochs); }

std::vector<SweepAxis> SweepPanel::readAxes() const {
    const auto& all = sweepParameters();
    std::vector<SweepAxis> axes{{all[static_cast<size_t>(first_->currentIndex())],
                                 numbersIn(firstValues_->text(), first_->currentText().toStdString())}};
    if (useSecond_->isChecked())
        axes.push_back({all[static_cast<size_t>(second_->currentIndex())],
                        numbersIn(secondValues_->text(), second_->currentText().toStdString())});
    return axes;
}

bool SweepPanel::run() {
    if (!dataset_ || job_.running()) return false;
    failure_.clear();
    cancelled_ = false;
    TrainingSettings base = settings_;
    base.epochs = epochs_->value();
    try {
        axes_ = readAxes();
        cells_ = sweepCells(axes_, base, spec_);
    } catch (const InputError& error) {
        failure_ = QString::fromStdString(error.what());
        status_->setText(status());
        return false;
    }
    results_.assign(cells_.size(), std::nullopt);
    progress_->setRange(0, static_cast<int>(cells_.size()));
    progress_->setValue(0);
    drawHeatmap();
    run_->setEnabled(false);
    cancel_->setEnabled(true);
    job_.start([this, cells = cells_, dataset = dataset_](BackgroundJob::Context& context) {
        CpuBackend backend;
        for (size_t i = 0; i < cells.size() && !context.cancelled(); ++i) {
            SweepResult result = trainSweepCell(backend, cells[i], dataset, &context.control);
            if (context.cancelled()) break;  // stopped part-way: not a result
            context.post([this, i, result = std::move(result)] { showResult(i, result); });
        }
    });
    status_->setText(status());
    return true;
}

void SweepPanel::cancel() {
    cancelled_ = true;
    job_.cancel();
}

void SweepPanel::showResult(size_t cell, const SweepResult& result) {
    if (cell >= results_.size()) return;
    results_[cell] = result;
    progress_->setValue(static_cast<int>(
        std::count_if(results_.begin(), results_.end(), [](const auto& r) { return r.has_value(); })));
    drawHeatmap();
    status_->setText(status());
}

double SweepPanel::metricOf(const SweepResult& result) const {
    if (result.diverged) return NAN;
    switch (metric_->currentIndex()) {
    case TestAccuracy: return result.final.regression ? result.final.test.rmse
                                                      : result.final.test.accuracy * 100;
    case TrainingLoss: return result.final.train.loss;
    default: return result.final.test.loss;
    }
}

void SweepPanel::drawHeatmap() {
    if (axes_.empty()) return;
    const SweepAxis& rows = axes_[0];
    const bool two = axes_.size() > 1;
    const size_t columns = two ? axes_[1].values.size() : 1;
    heatmap_->clear();
    heatmap_->setRowCount(static_cast<int>(rows.values.size()));
    heatmap_->setColumnCount(static_cast<int>(columns));
    QStringList rowNames, columnNames;
    for (double v : rows.values)
        rowNames << parameterName(rows.parameter) + QStringLiteral(" ") +
                        QString::fromStdString(shortNumber(v));
    for (size_t c = 0; c < columns; ++c)
        columnNames << (two ? parameterName(axes_[1].parameter) + QStringLiteral(" ") +
                                  QString::fromStdString(shortNumber(axes_[1].values[c]))
                            : metric_->currentText());
    heatmap_->setVerticalHeaderLabels(rowNames);
    heatmap_->setHorizontalHeaderLabels(columnNames);
    // One scale over the finished cells: the better end bright, so the best cell stands out.
    double low = INFINITY, high = -INFINITY;
    for (const auto& result : results_)
        if (result && std::isfinite(metricOf(*result))) {
            low = std::min(low, metricOf(*result));
            high = std::max(high, metricOf(*result));
        }
    ColourScale scale;
    scale.low = low;
    scale.high = high > low ? high : low + 1;
    const bool higherIsBetter = metric_->currentIndex() == TestAccuracy &&
                                !(results_.size() && results_[0] && results_[0]->final.regression);
    for (size_t i = 0; i < cells_.size(); ++i) {
        QTableWidgetItem* item = cellItem(QString());
        if (results_[i]) {
            const double value = metricOf(*results_[i]);
            if (std::isfinite(value)) {
                item->setText(QString::number(value, 'f', metric_->currentIndex() == TestAccuracy ? 1 : 4));
                const double position = higherIsBetter ? value : scale.high + scale.low - value;
                const QColor colour = QColor::fromRgb(scale.colour(position));
                item->setBackground(colour);
                item->setForeground(colour.lightness() < 110 ? Qt::white : Qt::black);
            } else {
                item->setText(tr("diverged"));
            }
        }
        heatmap_->setItem(static_cast<int>(i / columns), static_cast<int>(i % columns), item);
    }
    // The table: every combination, in the order they train.
    QStringList header;
    for (const SweepAxis& axis : axes_) header << parameterName(axis.parameter);
    header << tr("Training loss") << tr("Test loss") << tr("Test accuracy") << tr("Time");
    table_->clear();
    table_->setColumnCount(static_cast<int>(header.size()));
    table_->setHorizontalHeaderLabels(header);
    table_->setRowCount(static_cast<int>(cells_.size()));
    for (size_t i = 0; i < cells_.size(); ++i) {
        int column = 0;
        for (double v : cells_[i].values)
            table_->setItem(static_cast<int>(i), column++,
                            cellItem(QString::fromStdString(shortNumber(v))));
        const auto& r = results_[i];
        const bool done = r && !r->diverged;
        table_->setItem(static_cast<int>(i), column++,
                        cellItem(done ? QString::number(r->final.train.loss, 'f', 4)
                                 : r  ? tr("diverged")
                                      : QString()));
        table_->setItem(static_cast<int>(i), column++,
                        cellItem(done ? QString::number(r->final.test.loss, 'f', 4) : QString()));
        table_->setItem(static_cast<int>(i), column++,
                        cellItem(done && !r->final.regression
                                     ? QString::number(r->final.test.accuracy * 100, 'f', 1) +
                                           QStringLiteral(" %")
                                     : QString()));
        table_->setItem(static_cast<int>(i), column++,
                        cellItem(done ? tr("%1 s").arg(r->seconds, 0, 'f', 2) : QString()));
    }
}

QString SweepPanel::status() const {
    if (!failure_.isEmpty()) return failure_;
    const auto done = std::count_if(results_.begin(), results_.end(),
                                    [](const auto& r) { return r.has_value(); });
    if (job_.running())
        return tr("Training combination %1 of %2…").arg(done + 1).arg(cells_.size());
    if (cells_.empty()) return tr("Choose what to vary and press Run sweep.");
    if (cancelled_ && static_cast<size_t>(done) < cells_.size())
        return tr("Cancelled: %1 of %2 combinations trained. The brighter a cell, the better.")
            .arg(done)
            .arg(cells_.size());
    return tr("%1 combinations trained, each from the same seed. The brighter a cell, the better.")
        .arg(done);
}

QString SweepPanel::parameterName(SweepParameter parameter) const {
    switch (parameter) {
    case SweepParameter::LearningRate: return tr("learning rate");
    case SweepParameter::L1: return tr("L1");
    case SweepParameter::L2: return tr("L2");
    case SweepParameter::Momentum: return tr("momentum");
    case SweepParameter::BatchSize: return tr("batch size");
    case SweepParameter::HiddenUnits: return tr("hidden units");
    }
    return {};
}

void SweepPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void SweepPanel::retranslate() {
    for (QComboBox* box : {first_, second_})
        for (size_t i = 0; i < sweepParameters().size(); ++i)
            box->setItemText(static_cast<int>(i), parameterName(sweepParameters()[i]));
    firstValues_->setToolTip(tr("Values apart by commas: 0.01, 0.1, 1"));
    secondValues_->setToolTip(firstValues_->toolTip());
    useSecond_->setText(tr("and a second one"));
    epochsLabel_->setText(tr("Epochs each"));
    metricLabel_->setText(tr("Heatmap of"));
    metric_->setItemText(TestLoss, tr("final test loss"));
    metric_->setItemText(TestAccuracy, tr("final test accuracy (%)"));
    metric_->setItemText(TrainingLoss, tr("final training loss"));
    run_->setText(tr("Run sweep"));
    cancel_->setText(tr("Cancel"));
    drawHeatmap();
    status_->setText(status());
}

}  // namespace koto::gui
