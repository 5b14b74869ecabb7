#include "editor/network_view.h"

#include <QDragEnterEvent>
#include <QMimeData>
#include <QScrollBar>

#include "editor/layer_catalog.h"
#include "editor/layer_palette.h"
#include "editor/network_scene.h"
#include "editor/node_item.h"
#include "look/presentation.h"

namespace koto::gui {

NetworkView::NetworkView(NetworkScene& scene, QWidget* parent)
    : QGraphicsView(&scene, parent), scene_(scene) {
    setObjectName(QStringLiteral("networkCanvas"));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::RubberBandDrag);
    setAcceptDrops(true);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setMinimumSize(320, 320);
    restyle();
    connect(&Presentation::instance(), &Presentation::changed, this, &NetworkView::restyle);
}

double NetworkView::naturalZoom() { return Presentation::instance().fontScale(); }

void NetworkView::restyle() {
    setBackgroundBrush(Presentation::instance().dark() ? QColor(0x25, 0x27, 0x2a)
                                                       : QColor(0xf7, 0xf8, 0xfa));
    // On a projector everything on the canvas grows as the text elsewhere does.
    if (shownZoom_ != naturalZoom()) {
        zoomBy(naturalZoom() / shownZoom_);
        shownZoom_ = naturalZoom();
    }
}

void NetworkView::zoomBy(double factor) {
    const double next = std::clamp(zoom() * factor, 0.2, 4.0);
    scale(next / zoom(), next / zoom());
}

void NetworkView::fitAll() {
    const QRectF all = scene_.itemsBoundingRect().adjusted(-30, -30, 30, 30);
    fitInView(all, Qt::KeepAspectRatio);
    // Small networks at their natural size, not blown up.
    if (zoom() > naturalZoom()) zoomBy(naturalZoom() / zoom());
    centerOn(all.center());
}

void NetworkView::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier) {
        zoomBy(std::pow(1.0015, event->angleDelta().y()));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void NetworkView::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::MiddleButton) {
        panning_ = true;
        panFrom_ = event->position().toPoint();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void NetworkView::mouseMoveEvent(QMouseEvent* event) {
    if (panning_) {
        const QPoint delta = event->position().toPoint() - panFrom_;
        panFrom_ = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void NetworkView::mouseReleaseEvent(QMouseEvent* event) {
    if (panning_ && event->button() == Qt::MiddleButton) {
        panning_ = false;
        unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void NetworkView::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasFormat(QLatin1String(PaletteTree::kMimeType)))
        event->acceptProposedAction();
    else QGraphicsView::dragEnterEvent(event);
}

void NetworkView::dragMoveEvent(QDragMoveEvent* event) {
    if (event->mimeData()->hasFormat(QLatin1String(PaletteTree::kMimeType)))
        event->acceptProposedAction();
    else QGraphicsView::dragMoveEvent(event);
}

void NetworkView::dropEvent(QDropEvent* event) {
    const QString id =
        QString::fromUtf8(event->mimeData()->data(QLatin1String(PaletteTree::kMimeType)));
    const PaletteEntry* entry = LayerCatalog::find(id);
    if (!entry) {
        QGraphicsView::dropEvent(event);
        return;
    }
    const QPointF at = mapToScene(event->position().toPoint());
    LayerSpec layer = entry->layer;
    NetworkDocument& document = scene_.document();
    // An output layer starts with as many units as the data want.
    if (entry->group == LayerGroup::LossesOutputs && layer.text("activation") != "sigmoid" &&
        document.data().outputs > 0)
        layer.parameters["units"] = document.data().outputs;
    std::string name;
    const QString refused = document.addLayer(
        layer, at - QPointF(NodeItem::kWidth / 2, NodeItem::kHeight / 2), scene_.linkAt(at), &name);
    emit scene_.message(refused);
    if (refused.isEmpty()) scene_.selectNodes({name});
    event->acceptProposedAction();
}

}  // namespace koto::gui
