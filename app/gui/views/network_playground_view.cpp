#include "views/network_playground_view.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>

#include "data/playground_datasets.h"
#include "look/notation.h"
#include "views/csv_text.h"
#include "views/diagram_canvas.h"
#include "views/weight_meaning.h"

namespace koto::gui {
namespace {

constexpr int kMapSide = 112;  // the chosen unit's picture, enlarged

// One weight set by hand: Undo sets the value it had back, bit for bit (a float copy of it).
class SetWeightCommand final : public QUndoCommand {
public:
    SetWeightCommand(NetworkPlaygroundView& view, QString parameter, qint64 index, float before,
                     float after, const QString& text)
        : QUndoCommand(text), view_(view), parameter_(std::move(parameter)), index_(index),
          before_(before), after_(after) {}
    void redo() override { emit view_.weightSet(parameter_, index_, after_); }
    void undo() override { emit view_.weightSet(parameter_, index_, before_); }

private:
    NetworkPlaygroundView& view_;
    QString parameter_;
    qint64 index_;
    float before_, after_;
};

QString number(double value) { return QString::number(value, 'g', 4); }

}  // namespace

NetworkPlaygroundView::NetworkPlaygroundView(QWidget* parent) : QWidget(parent) {
    canvas_ = new DiagramCanvas;
    canvas_->setObjectName(QStringLiteral("networkDiagram"));
    canvas_->setDescriber(
        [this](const DiagramNode* node, const DiagramLink* link) { return describe(node, link); });
    undo_ = new QUndoStack(this);

    mapTitle_ = new QLabel;
    mapTitle_->setWordWrap(true);
    map_ = new QLabel;
    map_->setFixedSize(kMapSide, kMapSide);
    map_->setAlignment(Qt::AlignCenter);
    map_->setFrameShape(QFrame::Box);
    chosen_ = new QLabel;
    chosen_->setWordWrap(true);
    chosen_->setObjectName(QStringLiteral("chosenWeight"));
    value_ = new QDoubleSpinBox;
    value_->setRange(-1000, 1000);
    value_->setDecimals(4);
    value_->setSingleStep(0.1);
    set_ = new QPushButton;
    undoButton_ = new QToolButton;
    redoButton_ = new QToolButton;
    pauseHint_ = new QLabel;
    pauseHint_->setWordWrap(true);
    legend_ = new QLabel;
    legend_->setWordWrap(true);
    legend_->setTextFormat(Qt::RichText);
    summary_ = new QLabel;
    summary_->setWordWrap(true);

    // The diagram takes the room; under it, the chosen unit's picture beside what is chosen and
    // its value to set, and the legend under both.
    auto* editRow = new QHBoxLayout;
    editRow->addWidget(value_, 1);
    editRow->addWidget(set_);
    auto* undoRow = new QHBoxLayout;
    undoRow->addWidget(undoButton_);
    undoRow->addWidget(redoButton_);
    undoRow->addStretch();
    auto* chosenColumn = new QVBoxLayout;
    chosenColumn->addWidget(mapTitle_);
    chosenColumn->addWidget(chosen_);
    chosenColumn->addLayout(editRow);
    chosenColumn->addLayout(undoRow);
    chosenColumn->addWidget(pauseHint_);
    chosenColumn->addStretch();
    auto* strip = new QHBoxLayout;
    strip->addWidget(map_, 0, Qt::AlignTop);
    strip->addLayout(chosenColumn, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(canvas_, 1);
    layout->addLayout(strip);
    layout->addWidget(legend_);
    layout->addWidget(summary_);

    connect(canvas_, &DiagramCanvas::chosen, this, &NetworkPlaygroundView::showChosen);
    connect(set_, &QPushButton::clicked, this, [this] { setChosenValue(value_->value()); });
    connect(value_, &QDoubleSpinBox::editingFinished, this, [this] {
        if (value_->hasFocus()) setChosenValue(value_->value());
    });
    connect(undoButton_, &QToolButton::clicked, undo_, &QUndoStack::undo);
    connect(redoButton_, &QToolButton::clicked, undo_, &QUndoStack::redo);
    connect(undo_, &QUndoStack::indexChanged, this, &NetworkPlaygroundView::showChosen);
    retranslate();
}

NetworkPlaygroundView::~NetworkPlaygroundView() {
    // The undo stack, a child, goes after this view's members: its last signals (it clears
    // itself) must not reach showChosen.
    disconnect(undo_, nullptr, this, nullptr);
}

void NetworkPlaygroundView::setNetwork(const NetworkSpec& spec,
                                       std::shared_ptr<const Dataset> dataset) {
    spec_ = spec;
    dataset_ = std::move(dataset);
    forgetEdits();
    nameColumns();
    canvas_->setWeights(nullptr);
    canvas_->setMaps(nullptr, 0);
    showChosen();
}

void NetworkPlaygroundView::forgetEdits() { undo_->clear(); }

void NetworkPlaygroundView::setState(std::shared_ptr<const NetworkWeights> weights,
                                     std::shared_ptr<const NeuronMaps> maps, int gridSize,
                                     bool paused) {
    paused_ = paused;
    if (weights) canvas_->setWeights(std::move(weights));
    if (maps) canvas_->setMaps(std::move(maps), gridSize);
    // Until the learner chooses, the last output unit: the network's answer over the plane.
    const DiagramLayout& layout = canvas_->layout();
    if (!canvas_->chosenNode() && !canvas_->chosenLink() && !layout.nodes.empty())
        canvas_->chooseNode(layout.nodes.back().column, layout.nodes.back().unit);
    showChosen();
}

// The name over a column: the inputs X, then each dense layer's output and activation.
QString NetworkPlaygroundView::columnName(int column) const {
    const Notation notation(spec_);
    if (column == 0)
        return tr("Inputs %1")
            .arg(notation.layerCount() > 0 ? notation.layer(0).input : QStringLiteral("X"));
    int dense = 0;
    for (int i = 0; i < notation.layerCount(); ++i) {
        if (!notation.layer(i).dense || ++dense != column) continue;
        return QStringLiteral("%1 (%2)").arg(
            notation.layer(i).output,
            QString::fromUtf8(activationName(notation.layer(i).activation)));
    }
    return {};
}

NetworkPlaygroundView::Settable NetworkPlaygroundView::settable() const {
    const NetworkWeights* weights = canvas_->weights();
    if (!weights) return {};
    if (const DiagramLink* link = canvas_->chosenLink()) return {link->matrix, link->index};
    const DiagramNode* node = canvas_->chosenNode();
    if (!node || node->column == 0 || node->unit < 0) return {};
    // A unit: its bias.
    const std::string layer = canvas_->layout().columns[static_cast<size_t>(node->column)].layer;
    for (size_t m = 0; m < weights->matrices.size(); ++m)
        if (weights->matrices[m].id == layer + ".b") return {m, node->unit};
    return {};
}

QString NetworkPlaygroundView::describe(const DiagramNode* node, const DiagramLink* link) const {
    const NetworkWeights* weights = canvas_->weights();
    if (!weights) return {};
    const WeightMeaning meaning(spec_, dataset_.get());
    const Notation notation(spec_);
    if (link) {
        const WeightMatrix& matrix = weights->matrices[link->matrix];
        const int64_t row = link->index / matrix.cols, col = link->index % matrix.cols;
        const QString name = notation.parameterName(spec_, matrix.id);
        const QString kind = link->weight > 0   ? tr("excitatory")
                             : link->weight < 0 ? tr("inhibitory")
                                                : tr("no effect");
        return tr("%1 = %2: %3 (%4)")
            .arg(WeightMeaning::element(name, matrix, row, col), number(link->weight),
                 meaning.connects(matrix, link->matrix == 0, -1, row, col), kind);
    }
    if (!node) return {};
    const DiagramColumn& column = canvas_->layout().columns[static_cast<size_t>(node->column)];
    if (node->unit < 0) return tr("The constant 1: its links are the next layer's biases.");
    if (node->column == 0)
        return tr("%1: its value over the plane")
            .arg(meaning.from(weights->matrices[0], true, node->unit));
    for (const WeightMatrix& matrix : weights->matrices)
        if (matrix.layer == column.layer && matrix.name == "W")
            return tr("%1: its output over the plane").arg(meaning.to(matrix, -1, node->unit));
    return {};
}

// The names over the columns follow the network and the language, not the snapshots.
void NetworkPlaygroundView::nameColumns() {
    QStringList names{columnName(0)};
    for (const LayerSpec& layer : spec_.layers)
        if (layer.type == "dense") names << columnName(static_cast<int>(names.size()));
    canvas_->setColumnNames(names);
}

void NetworkPlaygroundView::showChosen() {
    const DiagramNode* node = canvas_->chosenNode();
    const DiagramLink* link = canvas_->chosenLink();
    if (node && node->unit >= 0) {
        mapTitle_->setText(describe(node, nullptr));
        const QImage image = canvas_->unitImage(*node);
        map_->setPixmap(image.isNull() ? QPixmap()
                                       : QPixmap::fromImage(image.scaled(
                                             kMapSide - 2, kMapSide - 2, Qt::IgnoreAspectRatio,
                                             Qt::SmoothTransformation)));
    } else {
        mapTitle_->setText(tr("Click a unit to see its output over the plane."));
        map_->setPixmap(QPixmap());
    }
    const Settable target = settable();
    const NetworkWeights* weights = canvas_->weights();
    const bool canSet = target.index >= 0 && weights;
    if (canSet) {
        const WeightMatrix& matrix = weights->matrices[target.matrix];
        const float value = matrix.values[static_cast<size_t>(target.index)];
        const Notation notation(spec_);
        chosen_->setText(
            link ? describe(nullptr, link)
                 : tr("Its bias %1 = %2")
                       .arg(WeightMeaning::element(notation.parameterName(spec_, matrix.id), matrix,
                                                   0, target.index),
                            number(value)));
        if (!value_->hasFocus()) value_->setValue(value);
    } else {
        chosen_->setText(tr("Click a link or a unit to set its weight or bias by hand."));
    }
    value_->setEnabled(canSet && paused_);
    set_->setEnabled(canSet && paused_);
    undoButton_->setEnabled(paused_ && undo_->canUndo());
    redoButton_->setEnabled(paused_ && undo_->canRedo());
    pauseHint_->setVisible(!paused_);
    const DiagramLayout& layout = canvas_->layout();
    const auto shown = static_cast<int64_t>(layout.links.size());
    summary_->setText(shown < layout.linkCount
                          ? tr("Showing the %1 strongest of %2 weights and biases.")
                                .arg(shown)
                                .arg(layout.linkCount)
                          : QString());
    summary_->setVisible(shown < layout.linkCount);
}

bool NetworkPlaygroundView::setChosenValue(double value) {
    const Settable target = settable();
    const NetworkWeights* weights = canvas_->weights();
    if (!paused_ || target.index < 0 || !weights || !std::isfinite(value)) return false;
    const WeightMatrix& matrix = weights->matrices[target.matrix];
    const float before = matrix.values[static_cast<size_t>(target.index)];
    const auto after = static_cast<float>(value);
    if (after == before) return false;
    const Notation notation(spec_);
    const int64_t row = target.index / matrix.cols, col = target.index % matrix.cols;
    undo_->push(new SetWeightCommand(
        *this, QString::fromStdString(matrix.id), target.index, before, after,
        tr("set %1 to %2")
            .arg(WeightMeaning::element(notation.parameterName(spec_, matrix.id), matrix, row, col),
                 number(after))));
    return true;
}

QString NetworkPlaygroundView::csv() const {
    const NetworkWeights* weights = canvas_->weights();
    if (!weights) return {};
    const DiagramLayout& layout = canvas_->layout();
    QString text = csvRow({QStringLiteral("kind"), QStringLiteral("parameter"),
                           QStringLiteral("row"), QStringLiteral("column"), QStringLiteral("x1"),
                           QStringLiteral("x2"), QStringLiteral("value"), QStringLiteral("shown")});
    for (size_t m = 0; m < weights->matrices.size(); ++m) {
        const WeightMatrix& matrix = weights->matrices[m];
        if (matrix.layerType != "dense") continue;
        for (int64_t i = 0; i < matrix.rows * matrix.cols; ++i) {
            const bool shown =
                std::any_of(layout.links.begin(), layout.links.end(), [&](const DiagramLink& link) {
                    return link.matrix == m && link.index == i;
                });
            text +=
                csvRow({QStringLiteral("weight"), QString::fromStdString(matrix.id),
                        QString::number(i / matrix.cols + 1), QString::number(i % matrix.cols + 1),
                        QString(), QString(), csvNumber(matrix.values[static_cast<size_t>(i)]),
                        shown ? QStringLiteral("1") : QStringLiteral("0")});
        }
    }
    // Each unit's output at the grid's cell centres, row by row from the bottom.
    const NeuronMaps* maps = canvas_->maps();
    const int size = canvas_->gridSize();
    if (!maps || size <= 0 || maps->points != static_cast<int64_t>(size) * size) return text;
    const double cell = 2 * kPlaygroundExtent / size;
    for (const LayerMaps& layer : maps->layers)
        for (int64_t unit = 0; unit < layer.units; ++unit)
            for (int64_t point = 0; point < maps->points; ++point)
                text += csvRow({QStringLiteral("output"), QString::fromStdString(layer.layer),
                                QString::number(unit + 1), QString(),
                                csvNumber(-kPlaygroundExtent + (point % size + 0.5) * cell),
                                csvNumber(-kPlaygroundExtent + (point / size + 0.5) * cell),
                                csvNumber(layer.at(point, unit)), QString()});
    return text;
}

void NetworkPlaygroundView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void NetworkPlaygroundView::retranslate() {
    set_->setText(tr("Set"));
    undoButton_->setText(tr("Undo"));
    redoButton_->setText(tr("Redo"));
    pauseHint_->setText(tr("Pause training to set a weight by hand."));
    legend_->setText(
        tr("Red links excite (w &gt; 0), blue links inhibit (w &lt; 0); the thicker, the "
           "larger <span style=\"white-space:nowrap\">|w|</span>. Each unit shows "
           "its output over the input plane."));
    nameColumns();
    showChosen();
}

}  // namespace koto::gui
