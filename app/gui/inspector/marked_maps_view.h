#pragma once
// The feature maps around one element of a conv or pooling stage: for each tensor StageText
// names (the chosen one first, then where the element comes from), one sample's channels as
// heatmap tiles side by side (the tensors flowing left to right, onto new lines as the width
// asks), red positive, blue negative, white zero, with the element framed
// in black, its window (input patch, or the windows it was in) in orange and max pooling's winner
// in green. Clicking a pixel of the first tensor chooses that element. While a learner works the
// element out by hand its colour would give the answer away: it is drawn neutral with a "?" (and
// left out of the colour scale) until revealed.

#include <QWidget>
#include <vector>

#include "inspector/stage_text.h"

namespace koto::gui {

class MarkedMapsView : public QWidget {
    Q_OBJECT
public:
    explicit MarkedMapsView(QWidget* parent = nullptr);

    // The tensors must outlive their use here. hideChosen: the first tensor's chosen element is
    // the one asked for by hand.
    void setMaps(std::vector<MapFocus> maps, bool hideChosen = false);
    const std::vector<MapFocus>& maps() const { return maps_; }
    bool hidesChosen() const { return hideChosen_; }
    // Where pixel (channel, y, x) of tensor `block` is drawn (empty if it is not).
    QRect pixelRect(int block, int64_t channel, int64_t y, int64_t x) const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override { return {480, heightForWidth(480)}; }

signals:
    // A pixel of the first tensor was clicked: its row (sample or filter) and column.
    void elementChosen(int row, int column);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    struct Placed {
        QRect title;
        std::vector<QRect> tiles;  // one a channel
        int cell = 1;              // the side of one value, in pixels
    };
    // Lays the tensors out for `width`; height: where the last line ends.
    std::vector<Placed> place(int width, int* height = nullptr) const;

    std::vector<MapFocus> maps_;
    bool hideChosen_ = false;
};

}  // namespace koto::gui
