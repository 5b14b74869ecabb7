#include "inspector/gradient_norm_view.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

#include "look/presentation.h"

namespace koto::gui {

GradientNormView::GradientNormView(QWidget* parent) : QWidget(parent) { setMinimumHeight(120); }

void GradientNormView::setNorms(std::vector<double> hidden, std::vector<double> cell) {
    hidden_ = std::move(hidden);
    cell_ = std::move(cell);
    update();
}

void GradientNormView::setChosenStep(int t) {
    chosen_ = t;
    update();
}

void GradientNormView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    if (hidden_.empty()) return;
    // The scale: from the smallest positive norm (or a millionth of the largest) to the largest.
    double largest = 0, smallest = 0;
    for (const std::vector<double>* norms : {&hidden_, &cell_})
        for (const double v : *norms)
            if (v > 0) {
                largest = std::max(largest, v);
                smallest = smallest == 0 ? v : std::min(smallest, v);
            }
    if (largest == 0) return;
    const double low = std::log10(std::max(smallest, largest * 1e-6)) - 0.5,
                 high = std::log10(largest);
    const double line = QFontMetricsF(font()).height() + 2;  // a line of text's height
    const QRectF area(8, line + 2, width() - 16, height() - 2 * line - 6);
    const int steps = static_cast<int>(hidden_.size());
    const double slot = area.width() / steps;
    const int series = cell_.empty() ? 1 : 2;
    auto barHeight = [&](double v) {
        return v <= 0 ? 0.0
                      : area.height() * std::clamp((std::log10(v) - low) / (high - low), 0.02, 1.0);
    };
    painter.setPen(palette().text().color());
    painter.drawText(QRectF(area.left(), 0, area.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                     cell_.empty() ? QStringLiteral("‖dJ/dh(t)‖ (log)")
                                   : QStringLiteral("‖dJ/dh(t)‖, ‖dJ/dc(t)‖ (log)"));
    const QColor colours[] = {QColor(40, 110, 220), QColor(235, 130, 20)};
    for (int t = 0; t < steps; ++t) {
        const double left = area.left() + slot * t;
        for (int s = 0; s < series; ++s) {
            const double v = (s == 0 ? hidden_ : cell_)[static_cast<size_t>(t)];
            const double h = barHeight(v);
            const double barWidth = std::max(2.0, (slot - 6) / series);
            painter.fillRect(QRectF(left + 3 + s * barWidth, area.bottom() - h, barWidth - 1, h),
                             colours[s]);
        }
        if (t + 1 == chosen_) {
            painter.setPen(linePen(palette().text().color(), 1.5));
            painter.drawRect(QRectF(left + 1, area.top(), slot - 2, area.height()));
        }
        // Every step's number while they fit; else every few.
        const int every = std::max(1, static_cast<int>(std::ceil(24.0 / slot)));
        if ((t + 1) % every == 0 || t == 0) {
            painter.setPen(palette().text().color());
            painter.drawText(QRectF(left - 10, area.bottom() + 2, slot + 20, line), Qt::AlignCenter,
                             QString::number(t + 1));
        }
    }
}

}  // namespace koto::gui
