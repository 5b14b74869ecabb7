#pragma once
// The network drawn as TensorFlow Playground draws it, for dense networks on 2-D data (parts 4 to
// 7 of the curriculum): each unit a small picture of its output over the input plane, links red
// (excitatory, w > 0) or blue (inhibitory, w < 0) and as thick as |w|. Beside it, the chosen
// unit's picture enlarged and, while training is paused, the chosen weight or bias to set by hand
// (Set; Undo and Redo give the value before back bit for bit; the boundary redraws with it). For
// a network with no hidden layer it is part 4's logistic unit: x1, x2 and the bias's 1 linked to
// the one output.

#include <QWidget>
#include <memory>

#include "data/dataset.h"
#include "inspect/network_weights.h"
#include "inspect/neuron_maps.h"
#include "network/network_spec.h"
#include "views/exportable_view.h"

class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QToolButton;
class QUndoStack;

namespace koto::gui {

class DiagramCanvas;
struct DiagramNode;
struct DiagramLink;

class NetworkPlaygroundView : public QWidget, public ExportableView {
    Q_OBJECT
public:
    explicit NetworkPlaygroundView(QWidget* parent = nullptr);
    ~NetworkPlaygroundView() override;

    // The network and its data (their names); forgets what was set by hand (a new run).
    void setNetwork(const NetworkSpec& spec, std::shared_ptr<const Dataset> dataset);
    // A new run of the same network: nothing set by hand to undo any more.
    void forgetEdits();
    // From a snapshot: the weights, the units' outputs over the plane, and whether training is
    // paused (only then can a weight be set).
    void setState(std::shared_ptr<const NetworkWeights> weights,
                  std::shared_ptr<const NeuronMaps> maps, int gridSize, bool paused);

    DiagramCanvas& canvas() const { return *canvas_; }
    QUndoStack& undoStack() const { return *undo_; }
    // Sets the chosen link's weight or the chosen unit's bias, as the Set button does (false if
    // nothing settable is chosen or training runs).
    bool setChosenValue(double value);

    // Every weight and bias of the dense layers (shown: 1 where a link is drawn), then every
    // unit's output at each point of the grid.
    QString csv() const override;
    QWidget& pictureWidget() override { return *this; }

signals:
    // A weight set by hand (or given back by Undo): parameter "dense_1.W", element, value.
    void weightSet(const QString& parameter, qint64 index, float value);

protected:
    void changeEvent(QEvent* event) override;

private:
    // The weight the chosen link or unit lets the learner set: its matrix and element.
    struct Settable {
        size_t matrix = 0;
        int64_t index = -1;
    };
    Settable settable() const;
    QString describe(const DiagramNode* node, const DiagramLink* link) const;
    QString columnName(int column) const;
    void nameColumns();
    void showChosen();
    void retranslate();

    NetworkSpec spec_;
    std::shared_ptr<const Dataset> dataset_;
    bool paused_ = true;
    DiagramCanvas* canvas_;
    QLabel* mapTitle_;
    QLabel* map_;
    QLabel* chosen_;
    QDoubleSpinBox* value_;
    QPushButton* set_;
    QToolButton* undoButton_;
    QToolButton* redoButton_;
    QLabel* pauseHint_;
    QLabel* legend_;
    QLabel* summary_;
    QUndoStack* undo_;
};

}  // namespace koto::gui
