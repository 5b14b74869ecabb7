#pragma once
// What the inspector writes about a traced step, in the curriculum's notation with the live
// numbers: each stage's title and formulas, the tensors it shows, and one element written out in
// full, e.g.
//   dJ/dV[2,1] = (1/N) Σ_n (Y[n,1] − T[n,1]) Z[n,2]
//              = ((0.71 − 1)·0.43 + (0.2 − 0)·0.55) / 2 = −0.1247
// Indices count from 0, as in the curriculum's Python. Sums of more than four terms show the
// first two and the last. The numbers are the trace's (what training computed); the working
// only writes out the operands, it never replaces the value. Conv and pooling stages are written
// in image_stage_text.cpp (4 indices [n,c,y,x], the window's sum), recurrent ones in
// sequence_stage_text.cpp (one time step at a time, gate by gate).

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <optional>
#include <string>
#include <vector>

#include "inspect/step_trace.h"
#include "look/notation.h"

namespace koto::gui {

// The dot the working writes between two factors: "(0.71 − 1)·0.43".
inline const QString kTimes = QStringLiteral("·");

// One tensor the inspector can show at a stage.
struct ShownTensor {
    std::string key;  // the trace's name ("dJ/dW"), or "<parameter id>|<role>" at the update
    QString label;    // in the notation: "dJ/dV", "V (after)"
    const TracedTensor* tensor = nullptr;
    bool computedHere = false;  // this stage computes it ("by hand" mode asks for these)
    QString shape;              // "N×C×H×W" for images; empty for a plain rows × columns table
};

// One element written out.
struct ElementWorking {
    QString symbolic;  // "dJ/dV[2,1] = (1/N) Σ_n (Y[n,1] − T[n,1]) Z[n,2]"
    QString operands;  // "((0.71 − 1)·0.43 + (0.2 − 0)·0.55) / 2", empty for a given value
    double value = 0;  // the trace's value of the element
    QString note;      // where it comes from, for a conv or pooling element: the window, the filter
};

// One sample's image tensor drawn as feature maps (one heatmap a channel), with pixels marked.
struct PixelMark {
    enum class Kind { Chosen, Window, Winner };
    int64_t channel = 0, y = 0, x = 0;
    Kind kind = Kind::Window;
};
struct MapFocus {
    QString label;  // "X[0]", "W1[2]"
    const TracedTensor* tensor = nullptr;
    int64_t row = 0;  // the tensor's row drawn: a sample, or a filter of W
    int64_t channels = 0, height = 0, width = 0;
    std::vector<PixelMark> marks;
};

class StageText {
    Q_DECLARE_TR_FUNCTIONS(koto::gui::StageText)
public:
    // Keeps a reference to the trace.
    explicit StageText(const StepTrace& trace);

    QString title(int stage) const;
    QStringList formulas(int stage) const;
    std::vector<ShownTensor> tensors(int stage) const;
    ElementWorking working(int stage, const std::string& key, int64_t row, int64_t col) const;
    // For an element of a conv or pooling stage: the chosen tensor's maps with the element marked,
    // then where it comes from (the input patch, the filter, the windows it was in). Empty for
    // other stages and tensors.
    std::vector<MapFocus> imageFocus(int stage, const std::string& key, int64_t row,
                                     int64_t col) const;
    // For a tensor of a recurrent stage that runs through time, N x T x width (sample n's step t
    // at columns t·width ...): T and the width. Nothing for other tensors.
    std::optional<std::pair<int64_t, int64_t>> timeSteps(int stage, const std::string& key) const;

    const Notation& notation() const { return notation_; }
    // A number as the working writes it: four significant digits, a real minus sign.
    static QString number(double value);
    // A number inside a product: a negative one in parentheses.
    static QString factor(double value);

private:
    QString layerDescription(int layer) const;
    QStringList updateFormulas() const;
    ElementWorking forwardWorking(const TraceStage& stage, const std::string& key, int64_t n,
                                  int64_t j) const;
    ElementWorking lossWorking(const TraceStage& stage, const std::string& key, int64_t n,
                               int64_t k) const;
    ElementWorking backwardWorking(const TraceStage& stage, const std::string& key, int64_t r,
                                   int64_t c) const;
    ElementWorking updateWorking(const TraceStage& stage, const std::string& key, int64_t r,
                                 int64_t c) const;
    // Conv and pooling stages (image_stage_text.cpp).
    bool isImageStage(const TraceStage& stage) const;
    QString imageLayerDescription(int layer) const;
    QStringList imageFormulas(const TraceStage& stage) const;
    ElementWorking imageWorking(const TraceStage& stage, const std::string& key, int64_t row,
                                int64_t col) const;
    QString imageShape(const TraceStage& stage, const std::string& key) const;
    // Recurrent stages, stepping through time (sequence_stage_text.cpp).
    bool isSequenceStage(const TraceStage& stage) const;
    QString sequenceLayerDescription(int layer) const;
    QStringList sequenceFormulas(const TraceStage& stage) const;
    ElementWorking sequenceWorking(const TraceStage& stage, const std::string& key, int64_t row,
                                   int64_t col) const;
    // Σ over terms, the long ones elided (more than `shown` terms: the first two and the last).
    QString sum(const QStringList& terms, int shown = 4) const;
    const TracedTensor* weightsOf(int layer, const char* which) const;  // before the update

    const StepTrace& trace_;
    Notation notation_;
};

}  // namespace koto::gui
