#pragma once
// A stack of small images as a grid of heatmap tiles: a convolution layer's filters, or a layer's
// feature maps (one tile a channel). A title line and a colour bar with its end values on top;
// each tile numbered from 1 under it; one colour scale for the whole stack, so tiles compare.
// The tiles wrap to the width the view is given.

#include <QImage>
#include <QString>
#include <QWidget>
#include <optional>
#include <vector>

#include "inspect/feature_maps.h"
#include "look/heatmap_colours.h"

namespace koto::gui {

class ImageStackView : public QWidget {
    Q_OBJECT
public:
    explicit ImageStackView(QWidget* parent = nullptr);

    // tileSide: the side of a tile on screen, in pixels; captions: under each tile (empty: its
    // number from 1); scale: the colours (by default from the values' range).
    void setStack(ImageStack stack, const QString& title, int tileSide,
                  const QStringList& captions = {},
                  std::optional<ColourScale> scale = std::nullopt);

    const ImageStack& stack() const { return stack_; }
    const ColourScale& scale() const { return scale_; }
    QString title() const { return title_; }
    // The colour drawn for one value of one image (for tests: the picture shows the values).
    QRgb shownColour(int64_t image, int64_t y, int64_t x) const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    // The tiles from the values, on the scale's colours as they are now.
    void colourTiles();
    int columnsFor(int width) const;
    int headerHeight() const;
    int cellHeight() const;

    ImageStack stack_;
    QString title_;
    QStringList captions_;
    ColourScale scale_;
    std::vector<QImage> tiles_;  // one image a tile, a pixel a value
    int tileSide_ = 48;
};

}  // namespace koto::gui
