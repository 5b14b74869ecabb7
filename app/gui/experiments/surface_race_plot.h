#pragma once
// The race on a 2-parameter surface: J's contour map (lines of equal cost over shading that
// darkens toward the minimum) and each optimizer's trail across it, a dot per step, in the
// colours the race's loss curves use. A trail that diverged ends where it left.

#include <QWidget>
#include <vector>

#include "inspect/loss_surface.h"
#include "views/exportable_view.h"

class QCustomPlot;
class QCPColorMap;
class QCPCurve;

namespace koto::gui {

class SurfaceRacePlot : public QWidget, public ExportableView {
    Q_OBJECT
public:
    explicit SurfaceRacePlot(QWidget* parent = nullptr);

    void setSurface(const LossSurface& surface);
    void setTrails(const std::vector<SurfaceTrail>& trails);
    // The trails drawn, as the plot holds them: trail i's points (p0, p1).
    std::vector<std::vector<QPointF>> drawnTrails() const;
    QCustomPlot& plot() const { return *plot_; }

    QString csv() const override;
    QWidget& pictureWidget() override { return *this; }

private:
    void drawContours(const SurfaceGrid& grid);

    QCustomPlot* plot_;
    QCPColorMap* shading_;
    std::vector<QCPCurve*> contours_;
    std::vector<QCPCurve*> trailCurves_;
    const LossSurface* surface_ = nullptr;
    std::vector<SurfaceTrail> trails_;
};

// The colour of entrant i, in the race's plots.
QColor raceColour(size_t entrant);

}  // namespace koto::gui
