#pragma once
// What the inspector writes about a traced step, in the curriculum's notation with the live
// numbers: each stage's title and formulas, the tensors it shows, and one element written out in
// full, e.g.
//   dJ/dV[2,1] = (1/N) Σ_n (Y[n,1] − T[n,1]) Z[n,2]
//              = ((0.71 − 1)·0.43 + (0.2 − 0)·0.55) / 2 = −0.1247
// Indices count from 0, as in the curriculum's Python. Sums of more than four terms show the
// first two and the last. The numbers are the trace's (what training computed); the working
// only writes out the operands, it never replaces the value.

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <string>
#include <vector>

#include "inspect/step_trace.h"
#include "inspector/notation.h"

namespace koto::gui {

// One tensor the inspector can show at a stage.
struct ShownTensor {
    std::string key;  // the trace's name ("dJ/dW"), or "<parameter id>|<role>" at the update
    QString label;    // in the notation: "dJ/dV", "V (after)"
    const TracedTensor* tensor = nullptr;
    bool computedHere = false;  // this stage computes it ("by hand" mode asks for these)
};

// One element written out.
struct ElementWorking {
    QString symbolic;  // "dJ/dV[2,1] = (1/N) Σ_n (Y[n,1] − T[n,1]) Z[n,2]"
    QString operands;  // "((0.71 − 1)·0.43 + (0.2 − 0)·0.55) / 2", empty for a given value
    double value = 0;  // the trace's value of the element
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

    const Notation& notation() const { return notation_; }
    // A number as the working writes it: four significant digits, a real minus sign.
    static QString number(double value);

private:
    QString layerDescription(int layer) const;
    QStringList updateFormulas() const;
    ElementWorking forwardWorking(const TraceStage& stage, const std::string& key, int64_t n, int64_t j) const;
    ElementWorking lossWorking(const TraceStage& stage, const std::string& key, int64_t n, int64_t k) const;
    ElementWorking backwardWorking(const TraceStage& stage, const std::string& key, int64_t r, int64_t c) const;
    ElementWorking updateWorking(const TraceStage& stage, const std::string& key, int64_t r, int64_t c) const;
    // Σ over terms, the long ones elided.
    QString sum(const QStringList& terms) const;
    const TracedTensor* weightsOf(int layer, const char* which) const;  // before the update

    const StepTrace& trace_;
    Notation notation_;
};

}  // namespace koto::gui
