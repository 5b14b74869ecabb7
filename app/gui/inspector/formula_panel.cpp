#include "inspector/formula_panel.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "inspect/numerical_gradient.h"
#include "inspector/gradient_norm_view.h"
#include "inspector/marked_maps_view.h"
#include "inspector/tensor_table_view.h"
#include "look/view_colours.h"

namespace koto::gui {
namespace {

QString html(const QString& text) {
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

}  // namespace

FormulaPanel::FormulaPanel(QWidget* parent) : QWidget(parent) {
    title_ = new QLabel;
    QFont big = title_->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    title_->setFont(big);
    title_->setWordWrap(true);
    formulas_ = new QLabel;
    formulas_->setWordWrap(true);
    formulas_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    showAsNote(*formulas_, Note::Formula);
    tensorLabel_ = new QLabel;
    tensorChoice_ = new QComboBox;
    tensorChoice_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    timeLabel_ = new QLabel;
    timeStep_ = new QSpinBox;
    timeStep_->setObjectName(QStringLiteral("timeStep"));
    table_ = new TensorTableView;
    maps_ = new MarkedMapsView;
    maps_->setVisible(false);
    norms_ = new GradientNormView;
    norms_->setVisible(false);
    working_ = new QLabel;
    working_->setWordWrap(true);
    working_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    showAsNote(*working_, Note::Working);
    numerical_ = new QLabel;
    numerical_->setWordWrap(true);
    numerical_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    answerPrompt_ = new QLabel;
    answer_ = new QLineEdit;
    answer_->setMaximumWidth(160);
    check_ = new QPushButton;
    verdict_ = new QLabel;
    verdict_->setWordWrap(true);
    byHandRow_ = new QWidget;
    auto* byHand = new QHBoxLayout(byHandRow_);
    byHand->setContentsMargins(0, 0, 0, 0);
    byHand->addWidget(answerPrompt_);
    byHand->addWidget(answer_);
    byHand->addWidget(check_);
    byHand->addStretch(1);

    auto* choice = new QHBoxLayout;
    choice->addWidget(tensorLabel_);
    choice->addWidget(tensorChoice_);
    choice->addSpacing(16);
    choice->addWidget(timeLabel_);
    choice->addWidget(timeStep_);
    choice->addStretch(1);
    layout_ = new QVBoxLayout(this);
    QVBoxLayout* layout = layout_;
    layout->addWidget(title_);
    layout->addWidget(formulas_);
    layout->addWidget(norms_);
    layout->addLayout(choice);
    layout->addWidget(table_);
    layout->addWidget(maps_);
    layout->addWidget(working_);
    layout->addWidget(byHandRow_);
    layout->addWidget(verdict_);
    layout->addWidget(numerical_);
    layout->addStretch(1);

    connect(tensorChoice_, &QComboBox::currentIndexChanged, this, [this](int index) {
        tensor_ = index;
        revealed_ = false;
        refresh();
    });
    connect(table_, &TensorTableView::elementChosen, this, [this](int row, int column) {
        selectElement(row, column);
        emit elementChosen(row, column);
    });
    connect(maps_, &MarkedMapsView::elementChosen, this, [this](int row, int column) {
        selectElement(row, column);
        emit elementChosen(row, column);
    });
    connect(timeStep_, &QSpinBox::valueChanged, this, &FormulaPanel::selectTimeStep);
    connect(check_, &QPushButton::clicked, this, [this] { checkAnswer(answer_->text()); });
    connect(answer_, &QLineEdit::returnPressed, this, [this] { checkAnswer(answer_->text()); });
    retranslate();
}

void FormulaPanel::setTrace(const StepTrace* trace, const StageText* text) {
    trace_ = trace;
    text_ = text;
    stage_ = -1;  // every stage is new
    tensor_ = -1;
    setStage(0);
}

void FormulaPanel::setStage(int stage) {
    const int previous = stage_;
    stage_ = stage;
    revealed_ = false;
    tensors_ = trace_ ? text_->tensors(stage) : std::vector<ShownTensor>();
    // Open on what this stage is about: Z (or a), Y, dJ/dW, the first parameter's new value; a
    // convolution's a, whose element is its window written out.
    int chosen = -1;
    const bool convolution = trace_ && !text_->imageFocus(stage, "a", 0, 0).empty();
    for (const char* key :
         {convolution ? "a" : "dJ/dW", "dJ/dW", "Z", "a", "h", "dJ/dh", "Y", "dJ/dX"})
        for (size_t i = 0; i < tensors_.size() && chosen < 0; ++i)
            if (tensors_[i].key == key) chosen = static_cast<int>(i);
    for (size_t i = 0; i < tensors_.size() && chosen < 0; ++i)
        if (tensors_[i].key.ends_with("|after")) chosen = static_cast<int>(i);
    if (chosen < 0 && !tensors_.empty()) chosen = 0;
    {
        const QSignalBlocker block(tensorChoice_);
        tensorChoice_->clear();
        for (const ShownTensor& t : tensors_)
            tensorChoice_->addItem(
                QStringLiteral("%1   (%2)")
                    .arg(t.label,
                         t.shape.isEmpty()
                             ? QStringLiteral("%1×%2").arg(t.tensor->rows).arg(t.tensor->cols)
                             : t.shape));
        tensorChoice_->setCurrentIndex(chosen);
    }
    tensor_ = chosen;
    // A new image stage opens on the middle of the first feature map, where a whole window lies;
    // a new recurrent stage on a middle time step, where the recurrence has something to add.
    if (trace_ && chosen >= 0 && stage != previous) {
        const std::string& key = tensors_[static_cast<size_t>(chosen)].key;
        const std::vector<MapFocus> maps = text_->imageFocus(stage, key, 0, 0);
        if (!maps.empty())
            column_ = static_cast<int>(maps.front().height / 2 * maps.front().width +
                                       maps.front().width / 2);
        if (const auto steps = text_->timeSteps(stage, key))
            column_ = static_cast<int>(steps->first / 2 * steps->second);
    }
    refresh();
}

void FormulaPanel::setByHand(bool byHand) {
    byHand_ = byHand;
    revealed_ = false;
    refresh();
}

bool FormulaPanel::selectTensor(const std::string& key) {
    for (size_t i = 0; i < tensors_.size(); ++i) {
        if (tensors_[i].key != key) continue;
        tensorChoice_->setCurrentIndex(static_cast<int>(i));  // refreshes
        return true;
    }
    return false;
}

void FormulaPanel::selectElement(int row, int column) {
    row_ = row;
    column_ = column;
    revealed_ = false;
    refresh();
}

void FormulaPanel::selectTimeStep(int t) {
    const ShownTensor* shown = currentTensor();
    const auto steps = shown ? text_->timeSteps(stage_, shown->key) : std::nullopt;
    if (!steps || t < 1 || t > steps->first) return;
    const int width = static_cast<int>(steps->second);
    if (column_ / width + 1 != t) selectElement(row_, (t - 1) * width + column_ % width);
}

const ShownTensor* FormulaPanel::currentTensor() const {
    return tensor_ >= 0 && tensor_ < static_cast<int>(tensors_.size())
               ? &tensors_[static_cast<size_t>(tensor_)]
               : nullptr;
}

bool FormulaPanel::awaitingAnswer() const {
    const ShownTensor* t = currentTensor();
    return byHand_ && t && t->computedHere && !revealed_;
}

bool FormulaPanel::checkAnswer(const QString& typed) {
    const ShownTensor* t = currentTensor();
    if (!t) return false;
    QString normal = typed.trimmed();
    normal.replace(QChar(0x2212), QLatin1Char('-'));
    normal.replace(QLatin1Char(','), QLatin1Char('.'));
    bool isNumber = false;
    const double value = normal.toDouble(&isNumber);
    const ElementWorking w = text_->working(stage_, t->key, row_, column_);
    const bool right = isNumber && handAnswerIsRight(value, w.value, tolerance_);
    const QString correct = StageText::number(w.value);
    const QString allowed = StageText::number(tolerance_.allowedDifference(w.value));
    if (right) {
        verdict_->setText(
            tr("Right: %1 is within %2 of %3.").arg(typed.trimmed(), allowed, correct));
        verdict_->setStyleSheet(
            QStringLiteral("color: %1; font-weight: bold;").arg(rightColour().name()));
    } else {
        verdict_->setText(
            tr("Not quite: the value is %1 (answers within %2 of it count). The working: %3")
                .arg(correct, allowed,
                     w.symbolic +
                         (w.operands.isEmpty() ? QString() : QStringLiteral(" = ") + w.operands)));
        verdict_->setStyleSheet(
            QStringLiteral("color: %1; font-weight: bold;").arg(wrongColour().name()));
    }
    revealed_ = true;
    refresh();
    return right;
}

void FormulaPanel::refresh() {
    const ShownTensor* t = currentTensor();
    if (!trace_ || !t) {
        title_->clear();
        formulas_->clear();
        table_->showTensor(nullptr);
        maps_->setMaps({});
        maps_->setVisible(false);
        timeLabel_->setVisible(false);
        timeStep_->setVisible(false);
        norms_->setVisible(false);
        working_->clear();
        workingPlain_.clear();
        numerical_->clear();
        byHandRow_->setVisible(false);
        emit timeStepShown(0);
        return;
    }
    // Any element of the tensor: the feature maps reach beyond the table's first columns.
    row_ = std::min<int>(row_, static_cast<int>(t->tensor->rows) - 1);
    column_ = std::min<int>(column_, static_cast<int>(t->tensor->cols) - 1);
    row_ = std::max(row_, 0);
    column_ = std::max(column_, 0);
    title_->setText(text_->title(stage_));
    formulas_->setText(html(text_->formulas(stage_).join(QLatin1Char('\n'))));
    const bool hide = awaitingAnswer();
    std::vector<MapFocus> maps = text_->imageFocus(stage_, t->key, row_, column_);
    const auto steps = text_->timeSteps(stage_, t->key);
    // Beside feature maps, or with a time step to choose, the table mostly chooses the sample: a
    // few rows are enough, and it comes after the working, which stays in view (below BPTT's
    // gradient norms too, for a recurrent layer's weights).
    const bool compact = !maps.empty() || steps ||
                         !trace_->stages[static_cast<size_t>(stage_)].hiddenGradientNorms.empty();
    table_->setShownRows(compact ? 3 : 10);
    table_->showTensor(t->tensor, hide ? row_ : -1, hide ? column_ : -1);
    table_->selectElement(row_, column_);
    layout_->removeWidget(table_);
    if (compact) layout_->insertWidget(layout_->indexOf(working_) + 1, table_);
    else layout_->insertWidget(layout_->indexOf(maps_), table_);
    maps_->setVisible(!maps.empty());
    maps_->setMaps(std::move(maps), hide);
    timeLabel_->setVisible(steps.has_value());
    timeStep_->setVisible(steps.has_value());
    if (steps) {
        const QSignalBlocker block(timeStep_);
        timeStep_->setRange(1, static_cast<int>(steps->first));
        timeStep_->setValue(column_ / static_cast<int>(steps->second) + 1);
    }
    const TraceStage& stage = trace_->stages[static_cast<size_t>(stage_)];
    norms_->setVisible(!stage.hiddenGradientNorms.empty());
    norms_->setNorms(stage.hiddenGradientNorms, stage.cellGradientNorms);
    norms_->setChosenStep(steps ? timeStep_->value() : 0);
    emit timeStepShown(steps ? timeStep_->value() : 0);
    byHandRow_->setVisible(byHand_ && t->computedHere);
    answer_->setEnabled(hide);
    check_->setEnabled(hide);
    if (hide) {
        answer_->clear();
        verdict_->clear();
    }
    if (!byHand_ || !t->computedHere) verdict_->clear();
    showWorking();
    showNumericalCheck();
}

void FormulaPanel::showWorking() {
    const ShownTensor* t = currentTensor();
    const ElementWorking w = text_->working(stage_, t->key, row_, column_);
    const QString value = awaitingAnswer() ? QStringLiteral("?") : StageText::number(w.value);
    QString text = w.symbolic;
    if (!w.operands.isEmpty()) text += QStringLiteral("\n    = ") + w.operands;
    text += QStringLiteral("  = ") + value;
    if (!w.note.isEmpty()) text += QLatin1Char('\n') + w.note;
    workingPlain_ = text;
    working_->setText(html(text));
}

void FormulaPanel::showNumericalCheck() {
    numerical_->clear();
    const ShownTensor* t = currentTensor();
    const TraceStage& stage = trace_->stages[static_cast<size_t>(stage_)];
    std::string parameter;
    // Beside a parameter's gradient (dJ/dW, dJ/db, a recurrent layer's dJ/dWx and dJ/dWh).
    const TraceStage* update = trace_->find(StageKind::Update);
    const std::string gradientOf =
        stage.kind == StageKind::Backward && t->key.rfind("dJ/d", 0) == 0
            ? trace_->spec.layers[static_cast<size_t>(stage.layer)].name + "." + t->key.substr(4)
            : std::string();
    if (!gradientOf.empty() && update && update->update(gradientOf)) parameter = gradientOf;
    else if (stage.kind == StageKind::Update) parameter = t->key.substr(0, t->key.find('|'));
    if (parameter.empty() || awaitingAnswer()) return;
    try {
        const WeightCheck check = checkWeight(*trace_, parameter, row_, column_);
        const QString name = text_->notation().parameterName(trace_->spec, parameter);
        const QString at = trace_->find(StageKind::Update)->update(parameter)->before.rows == 1
                               ? QStringLiteral("%1[%2]").arg(name).arg(column_)
                               : QStringLiteral("%1[%2,%3]").arg(name).arg(row_).arg(column_);
        numerical_->setText(
            tr("Numerical check of dJ/d%1, in double precision with h = %2:\n"
               "(J(w + h) − J(w − h)) / 2h = (%3 − %4) / %5 = %6\n"
               "Backward pass: %7 (float32, as training computed it), %8 in double. Relative "
               "error: %9")
                .arg(at, StageText::number(check.step), QString::number(check.costPlus, 'f', 10),
                     QString::number(check.costMinus, 'f', 10), StageText::number(2 * check.step),
                     QString::number(check.numeric, 'g', 8),
                     QString::number(check.analytic, 'g', 8),
                     QString::number(check.analyticDouble, 'g', 8))
                .arg(QString::number(check.relativeError, 'g', 2)));
    } catch (const std::exception& error) {
        numerical_->setText(QString::fromStdString(error.what()));
    }
}

QString FormulaPanel::titleText() const { return title_->text(); }
QString FormulaPanel::formulaText() const {
    return trace_ ? text_->formulas(stage_).join(QLatin1Char('\n')) : QString();
}
QString FormulaPanel::workingText() const { return workingPlain_; }
QString FormulaPanel::numericalCheckText() const { return numerical_->text(); }
QString FormulaPanel::verdictText() const { return verdict_->text(); }

void FormulaPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void FormulaPanel::retranslate() {
    tensorLabel_->setText(tr("Tensor:"));
    timeLabel_->setText(tr("Time step t:"));
    answerPrompt_->setText(tr("Your value for the element marked “?”:"));
    check_->setText(tr("Check"));
    if (trace_) setStage(stage_);
}

}  // namespace koto::gui
