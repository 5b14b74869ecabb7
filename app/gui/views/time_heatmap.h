#pragma once
// One quantity of a recurrent layer over time as a heatmap: time steps t = 1..T to the right,
// units (or input values) 1..U upwards, the value as a colour with its scale beside the plot and
// a title above it. For the LSTM and SimpleRNN view.

#include <QString>
#include <QWidget>
#include <optional>

#include "inspect/recurrent_states.h"
#include "look/heatmap_colours.h"

class QCustomPlot;
class QCPColorMap;
class QCPColorScale;
class QLabel;

namespace koto::gui {

class TimeHeatmap : public QWidget {
    Q_OBJECT
public:
    explicit TimeHeatmap(QWidget* parent = nullptr);

    // rowsLabel: what the rows are ("unit", "input value"); scale: fixed colours (the gates'
    // 0..1), or by default from the values' range.
    void setState(const StateOverTime& state, const QString& title, const QString& rowsLabel,
                  std::optional<ColourScale> scale = std::nullopt);

    QString title() const { return titleText_; }
    const ColourScale& scale() const { return scale_; }
    // The value drawn for row r (from 0) at step t (from 0): what the colour map holds.
    double shownValue(int64_t row, int64_t step) const;
    int64_t rows() const { return rows_; }
    int64_t steps() const { return steps_; }

private:
    QCustomPlot* plot_;
    QCPColorMap* map_;
    QCPColorScale* colourScale_;
    QLabel* title_;
    QString titleText_;
    ColourScale scale_;
    int64_t rows_ = 0, steps_ = 0;
};

}  // namespace koto::gui
