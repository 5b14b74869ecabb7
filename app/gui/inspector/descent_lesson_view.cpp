#include "inspector/descent_lesson_view.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

#include "look/plot_style.h"
#include "look/presentation.h"
#include "look/view_colours.h"

namespace koto::gui {
namespace {

constexpr double kRateScale = 100;  // the slider counts hundredths

struct Lesson {
    Quadratic cost;
    double start;
    QString variable;
};

Lesson lessonAt(int index) {
    if (index == 1) return {partNineCost(), 20.0, QStringLiteral("u")};
    return {partSevenCost(), 2.0, QStringLiteral("x")};
}

}  // namespace

DescentLessonView::DescentLessonView(QWidget* parent) : QWidget(parent) {
    lesson_ = new QComboBox;
    lesson_->addItems({QString(), QString()});
    rate_ = new QSlider(Qt::Horizontal);
    rate_->setRange(1, 150);
    rate_->setValue(30);
    rateLabel_ = new QLabel;
    rateLabel_->setMinimumWidth(150);
    stepsLabel_ = new QLabel;
    steps_ = new QSpinBox;
    steps_->setRange(1, 60);
    steps_->setValue(12);
    behaviour_ = new QLabel;
    behaviour_->setWordWrap(true);
    plot_ = new QCustomPlot;
    plot_->setMinimumHeight(260);
    plot_->addGraph();  // the cost curve
    plot_->addGraph();  // the steps
    plot_->graph(1)->setLineStyle(QCPGraph::lsLine);
    followPresentation(*plot_);
    auto restyle = [this] {
        plot_->graph(0)->setPen(linePen(QColor(120, 120, 120), 2));
        const QColor usual[] = {QColor(40, 110, 220), QColor(235, 130, 20)};  // points, steps
        plot_->graph(1)->setPen(linePen(seriesColour(1, usual), 1.5));
        plot_->graph(1)->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssDisc, seriesColour(0, usual), markerSize(7)));
    };
    restyle();
    connect(&Presentation::instance(), &Presentation::changed, this, restyle);
    table_ = new QPlainTextEdit;
    table_->setReadOnly(true);
    table_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    table_->setMaximumWidth(260);

    auto* controls = new QHBoxLayout;
    controls->addWidget(lesson_);
    controls->addWidget(rateLabel_);
    controls->addWidget(rate_, 1);
    controls->addWidget(stepsLabel_);
    controls->addWidget(steps_);
    auto* body = new QHBoxLayout;
    body->addWidget(plot_, 1);
    body->addWidget(table_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(behaviour_);
    layout->addLayout(body, 1);

    connect(lesson_, &QComboBox::currentIndexChanged, this, &DescentLessonView::recompute);
    connect(rate_, &QSlider::valueChanged, this, &DescentLessonView::recompute);
    connect(steps_, &QSpinBox::valueChanged, this, &DescentLessonView::recompute);
    retranslate();
}

void DescentLessonView::setLesson(int lesson) { lesson_->setCurrentIndex(lesson); }

void DescentLessonView::setLearningRate(double rate) {
    rate_->setValue(static_cast<int>(std::lround(rate * kRateScale)));
}

double DescentLessonView::learningRate() const { return rate_->value() / kRateScale; }

QString DescentLessonView::behaviourText() const { return behaviour_->text(); }

void DescentLessonView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void DescentLessonView::retranslate() {
    lesson_->setItemText(0, tr("Part 7: J = x² + x, from x = 2"));
    lesson_->setItemText(1, tr("Part 9: cost = u·u + u + 1, from u = 20"));
    stepsLabel_->setText(tr("Steps:"));
    recompute();
}

void DescentLessonView::recompute() {
    const Lesson lesson = lessonAt(lesson_->currentIndex());
    const double rate = learningRate();
    rateLabel_->setText(tr("learning rate %1").arg(rate, 0, 'f', 2));
    iterates_ = gradientDescent(lesson.cost, lesson.start, rate, steps_->value());
    const double best = lesson.cost.minimum();
    const QString v = lesson.variable;
    const double r = 1 - 2 * lesson.cost.a * rate;
    QString what;
    switch (descentBehaviour(lesson.cost, rate)) {
    case DescentBehaviour::Converges:
        what = tr("Each step multiplies the distance to the minimum %1 = %2 by %3: it creeps down "
                  "one side of the valley.")
                   .arg(v)
                   .arg(best)
                   .arg(r, 0, 'g', 3);
        break;
    case DescentBehaviour::Oscillates:
        what = tr("The step overshoots: the distance to the minimum is multiplied by %1, so %2 "
                  "bounces across the valley "
                  "but still settles.")
                   .arg(r, 0, 'g', 3)
                   .arg(v);
        break;
    case DescentBehaviour::Cycles:
        what = tr("The step is exactly twice too long: %1 bounces between two points for ever.")
                   .arg(v);
        break;
    case DescentBehaviour::Diverges:
        what = tr("Too large a learning rate: each step lands farther away (times %1), and %2 "
                  "diverges.")
                   .arg(r, 0, 'g', 3)
                   .arg(v);
        break;
    }
    const DescentIterate& last = iterates_.back();
    behaviour_->setText(what + QLatin1Char(' ') +
                        tr("After %n step(s): %1 = %2, cost %3.", nullptr, last.step)
                            .arg(v)
                            .arg(last.x, 0, 'g', 6)
                            .arg(last.cost, 0, 'g', 6));

    // The curve over the range the steps cover (never narrower than the start's side).
    double low = std::min(best - 1.0, lesson.start), high = std::max(best + 1.0, lesson.start);
    for (const DescentIterate& i : iterates_)
        if (std::isfinite(i.x) && std::abs(i.x) < 1e4)
            low = std::min(low, i.x), high = std::max(high, i.x);
    const double margin = 0.08 * (high - low);
    low -= margin;
    high += margin;
    QVector<double> xs, ys;
    for (int i = 0; i <= 200; ++i) {
        const double x = low + (high - low) * i / 200;
        xs << x;
        ys << lesson.cost.cost(x);
    }
    plot_->graph(0)->setData(xs, ys);
    QVector<double> px, py;
    for (const DescentIterate& i : iterates_)
        if (std::isfinite(i.x) && i.x >= low && i.x <= high) px << i.x, py << i.cost;
    plot_->graph(1)->setData(px, py, true);
    plot_->xAxis->setRange(low, high);
    const double top = *std::max_element(ys.begin(), ys.end());
    const double bottom = lesson.cost.cost(best);
    plot_->yAxis->setRange(bottom - 0.05 * (top - bottom), top + 0.05 * (top - bottom));
    plot_->xAxis->setLabel(v);
    plot_->yAxis->setLabel(lesson_->currentIndex() == 1 ? tr("cost") : QStringLiteral("J"));
    plot_->replot(QCustomPlot::rpQueuedReplot);

    QString rows =
        QStringLiteral("%1  %2  %3\n").arg(QStringLiteral("i"), 3).arg(v, 12).arg(tr("cost"), 12);
    for (const DescentIterate& i : iterates_)
        rows += QStringLiteral("%1  %2  %3\n")
                    .arg(i.step, 3)
                    .arg(i.x, 12, 'g', 6)
                    .arg(i.cost, 12, 'g', 6);
    table_->setPlainText(rows);
}

}  // namespace koto::gui
