#pragma once
// The network as a computation graph (parts 8 and 9 of the curriculum: Theano's and
// TensorFlow's graphs): one node per operation (matmul, add bias, convolution, pooling, flatten,
// activation, dropout's mask, softmax with cross-entropy, J), each with its local derivative.
// Forward values flow right (above each node, for one sample), gradients flow back left (below it),
// and each appears once the walk through the step has reached it.

#include <QWidget>
#include <vector>

#include "inspect/step_trace.h"

namespace koto::gui {

class StageText;

class ComputationGraphView : public QWidget {
    Q_OBJECT
public:
    struct Node {
        QString operation;  // "matmul", "+ b", "σ", "softmax + cross-entropy"
        QString local;      // its local derivative: "∂/∂W = Xᵀ"
        int layer = -1;     // the layer it belongs to (-1: the cost)
        QString value;      // forward value for the sample, once computed
        QString gradient;   // the gradient flowing back out of it, once computed
    };

    explicit ComputationGraphView(QWidget* parent = nullptr);

    // The trace and its text must outlive the view's use of them (null clears).
    void setTrace(const StepTrace* trace, const StageText* text);
    void setStage(int stage);
    void setSample(int sample);  // which row's values the nodes show
    const std::vector<Node>& nodes() const { return nodes_; }

    QSize sizeHint() const override { return {760, 420}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void rebuild();

    const StepTrace* trace_ = nullptr;
    const StageText* text_ = nullptr;
    int stage_ = 0;
    int sample_ = 0;
    std::vector<Node> nodes_;
};

}  // namespace koto::gui
