#pragma once
// The canvas' view: drop palette entries on it to add layers (on a link to insert them there),
// rubber-band selection, Ctrl+wheel to zoom, the middle button (or the scroll bars) to pan. It
// follows the presentation: a dark canvas on the dark theme, zoomed in on a projector.

#include <QGraphicsView>

namespace koto::gui {

class NetworkScene;

class NetworkView : public QGraphicsView {
    Q_OBJECT
public:
    explicit NetworkView(NetworkScene& scene, QWidget* parent = nullptr);

    void zoomBy(double factor);
    void fitAll();
    double zoom() const { return transform().m11(); }

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    // The zoom at which a network shows at its natural size: larger on a projector.
    static double naturalZoom();
    // The canvas' colour for the theme, and the zoom for projector mode.
    void restyle();

    NetworkScene& scene_;
    double shownZoom_ = 1.0;  // the natural zoom the view was last scaled for
    bool panning_ = false;
    QPoint panFrom_;
};

}  // namespace koto::gui
