#include "views/confusion_matrix_view.h"

#include <QPainter>
#include <algorithm>

#include "look/presentation.h"
#include "look/ui_text.h"
#include "look/view_colours.h"
#include "views/csv_text.h"

namespace koto::gui {

ConfusionMatrixView::ConfusionMatrixView(QWidget* parent) : QWidget(parent) {
    setMinimumSize(260, 200);
}

void ConfusionMatrixView::setClassNames(const std::vector<std::string>& names) {
    names_ = names;
    counts_.clear();
    update();
}

void ConfusionMatrixView::setCounts(std::vector<int64_t> counts) {
    counts_ = std::move(counts);
    update();
}

QString ConfusionMatrixView::csv() const {
    const size_t classes = names_.size();
    if (classes < 1 || counts_.size() != classes * classes) return {};
    QStringList header{QStringLiteral("true_class")};
    for (const std::string& name : names_) header << QString::fromStdString(name);
    QString text = csvRow(header);
    for (size_t t = 0; t < classes; ++t) {
        QStringList row{QString::fromStdString(names_[t])};
        for (size_t p = 0; p < classes; ++p) row << QString::number(counts_[t * classes + p]);
        text += csvRow(row);
    }
    return text;
}

namespace {
// "3 Dress" for a named class, "3" where the name is the number anyway.
QString rowName(int index, const std::string& name) {
    const QString number = QString::number(index);
    return name == number.toStdString() ? number : number + QLatin1Char(' ') + classTitle(name);
}
}  // namespace

void ConfusionMatrixView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    const int classes = static_cast<int>(names_.size());
    const QFontMetrics metrics = fontMetrics();
    painter.setPen(palette().text().color());
    const int line = metrics.height();
    const QString heading =
        tr("Test data: each row a true class, each column the network's answer; right "
           "answers on the "
           "diagonal.");
    // As many lines as the heading takes at this width (more with large text).
    const QRect title = metrics.boundingRect(QRect(6, 4, width() - 12, height()),
                                             Qt::TextWordWrap, heading);
    painter.drawText(title, Qt::TextWordWrap, heading);
    if (classes < 1 || static_cast<int>(counts_.size()) != classes * classes) {
        painter.drawText(rect().adjusted(6, title.bottom(), -6, -6),
                         Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Press Step or Play: the matrix appears after the first epoch."));
        return;
    }
    // Row headers "k name" on the left, column headers "k" on top, accuracy on the right.
    int nameWidth = 0;
    for (int k = 0; k < classes; ++k)
        nameWidth = std::max(nameWidth,
                             metrics.horizontalAdvance(rowName(k, names_[static_cast<size_t>(k)])));
    nameWidth = std::min(nameWidth + 8, width() / 3);
    const QString accuracyHeader = tr("accuracy");
    const int accuracyWidth = std::max(metrics.horizontalAdvance(accuracyHeader),
                                       metrics.horizontalAdvance(QStringLiteral("100.0 %"))) +
                              10;
    const int top = title.bottom() + 4 + line + 4;
    const int cell = std::max(8, std::min((width() - nameWidth - accuracyWidth - 12) / classes,
                                          (height() - top - 6) / classes));
    const int left = 6 + nameWidth;
    // The rows' names and accuracies no taller than a row, so that rows never overlap.
    QFont rowFont = font();
    if (line > cell) rowFont.setPixelSize(std::max(6, cell - 1));
    const QFontMetrics rowMetrics(rowFont);
    // The fuller a cell, the nearer this blue: dark on a light theme, light on a dark one, with
    // its count in the base's colour once past half way.
    const bool dark = Presentation::instance().dark();
    const QColor strong = dark ? QColor(0x7c, 0xbc, 0xf0) : QColor(0x08, 0x51, 0x9c);
    const QColor base = palette().base().color();
    for (int p = 0; p < classes; ++p)
        painter.drawText(QRect(left + p * cell, top - line - 4, cell, line), Qt::AlignCenter,
                         QString::number(p));
    painter.drawText(QRect(left + classes * cell + 6, top - line - 4, accuracyWidth, line),
                     Qt::AlignLeft, accuracyHeader);
    QFont cellFont = font();
    cellFont.setPointSizeF(std::max(6.0, std::min(cellFont.pointSizeF(), cell / 3.2)));
    for (int t = 0; t < classes; ++t) {
        int64_t rowTotal = 0;
        for (int p = 0; p < classes; ++p) rowTotal += counts_[static_cast<size_t>(t * classes + p)];
        const int y = top + t * cell;
        painter.setFont(rowFont);
        painter.setPen(palette().text().color());
        painter.drawText(QRect(6, y, nameWidth - 6, cell), Qt::AlignVCenter | Qt::AlignLeft,
                         rowMetrics.elidedText(rowName(t, names_[static_cast<size_t>(t)]),
                                               Qt::ElideRight, nameWidth - 6));
        for (int p = 0; p < classes; ++p) {
            const int64_t count = counts_[static_cast<size_t>(t * classes + p)];
            const double share =
                rowTotal > 0 ? static_cast<double>(count) / static_cast<double>(rowTotal) : 0.0;
            const QColor fill =
                QColor::fromRgbF(base.redF() + (strong.redF() - base.redF()) * share,
                                 base.greenF() + (strong.greenF() - base.greenF()) * share,
                                 base.blueF() + (strong.blueF() - base.blueF()) * share);
            const QRect box(left + p * cell, y, cell - 1, cell - 1);
            painter.fillRect(box, fill);
            if (t == p) {
                painter.setPen(linePen(rightColour(), 2));
                painter.drawRect(box.adjusted(1, 1, -1, -1));
            }
            if (cell >= 18) {
                painter.setFont(cellFont);
                painter.setPen(share > 0.5 ? base : palette().text().color());
                painter.drawText(box, Qt::AlignCenter, QString::number(count));
            }
        }
        painter.setFont(rowFont);
        painter.setPen(palette().text().color());
        const int64_t right = counts_[static_cast<size_t>(t * classes + t)];
        const QString accuracy =
            rowTotal > 0
                ? QStringLiteral("%1 %").arg(
                      100.0 * static_cast<double>(right) / static_cast<double>(rowTotal), 0, 'f', 1)
                : QStringLiteral("–");
        painter.drawText(QRect(left + classes * cell + 6, y, accuracyWidth, cell),
                         Qt::AlignVCenter | Qt::AlignLeft, accuracy);
    }
}

}  // namespace koto::gui
