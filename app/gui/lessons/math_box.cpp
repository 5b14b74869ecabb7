#include "lessons/math_box.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

namespace koto::gui {

void MathBox::place(const MathBox& other, QPointF offset) {
    for (MathInk piece : other.ink) {
        piece.at += offset;
        piece.bounds.translate(offset);
        ink.push_back(std::move(piece));
    }
}

void MathBox::addRule(const QRectF& rule) {
    MathInk piece;
    piece.kind = MathInk::Kind::Rule;
    piece.rule = rule;
    piece.bounds = rule;
    ink.push_back(std::move(piece));
}

void MathBox::addShape(const QPainterPath& shape) {
    MathInk piece;
    piece.kind = MathInk::Kind::Shape;
    piece.shape = shape;
    piece.bounds = shape.boundingRect();
    ink.push_back(std::move(piece));
}

QRectF MathBox::inkBounds() const {
    QRectF all;
    for (const MathInk& piece : ink) all = all.united(piece.bounds);
    return all;
}

namespace {

// A rule moved onto whole device pixels and at least one pixel thick each way.
QRectF snapped(const QRectF& rule, qreal devicePixelRatio) {
    const auto snap = [devicePixelRatio](qreal value) {
        return std::round(value * devicePixelRatio) / devicePixelRatio;
    };
    const qreal pixel = 1 / devicePixelRatio;
    return QRectF(snap(rule.left()), snap(rule.top()), std::max(snap(rule.width()), pixel),
                  std::max(snap(rule.height()), pixel));
}

}  // namespace

void MathBox::paint(QPainter& painter, QPointF origin, qreal devicePixelRatio) const {
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const QColor ink_colour = painter.pen().color();
    for (const MathInk& piece : ink) {
        switch (piece.kind) {
        case MathInk::Kind::Text:
            painter.setFont(piece.font);
            painter.drawText(origin + piece.at, piece.text);
            break;
        case MathInk::Kind::Rule:
            painter.fillRect(snapped(piece.rule.translated(origin + piece.at), devicePixelRatio),
                             ink_colour);
            break;
        case MathInk::Kind::Shape:
            painter.fillPath(piece.shape.translated(origin + piece.at), ink_colour);
            break;
        }
    }
}

}  // namespace koto::gui
