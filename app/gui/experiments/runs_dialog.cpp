#include "experiments/runs_dialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace koto::gui {

namespace {

enum Column { Shown, Name, Parent, Differs, Epochs, FinalLoss, BestLoss, FinalAccuracy, Time };

QTableWidgetItem* readOnly(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

QString figure(double value, int decimals) {
    return std::isfinite(value) ? QString::number(value, 'f', decimals) : QStringLiteral("—");
}

}  // namespace

RunsDialog::RunsDialog(RunBook& book, std::vector<EpochMetrics> currentCurve,
                       std::set<std::string> shown, QWidget* parent)
    : QDialog(parent), book_(book), currentCurve_(std::move(currentCurve)),
      shown_(std::move(shown)) {
    setObjectName(QStringLiteral("runsDialog"));
    setWindowTitle(tr("Runs"));
    auto* intro = new QLabel(tr("Every run of this project. Tick a kept run to draw its test loss "
                                "beside the run training; double-click a name to rename it."));
    intro->setWordWrap(true);
    table_ = new QTableWidget(0, 9);
    table_->setObjectName(QStringLiteral("runsTable"));
    table_->setHorizontalHeaderLabels({tr("On the curve"), tr("Run"), tr("Forked from"),
                                       tr("Settings that differ"), tr("Epochs"),
                                       tr("Final test loss"), tr("Best test loss"),
                                       tr("Final test accuracy"), tr("Time")});
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(Differs, QHeaderView::Stretch);
    continue_ = new QPushButton(tr("Continue this run"));
    continue_->setObjectName(QStringLiteral("continueRun"));
    delete_ = new QPushButton(tr("Delete"));
    delete_->setObjectName(QStringLiteral("deleteRun"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(continue_, QDialogButtonBox::ActionRole);
    buttons->addButton(delete_, QDialogButtonBox::DestructiveRole);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(table_, 1);
    layout->addWidget(buttons);
    resize(1000, 360);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(table_, &QTableWidget::cellChanged, this, &RunsDialog::rowEdited);
    connect(table_, &QTableWidget::itemSelectionChanged, this, [this] {
        const bool kept = chosenKeptRun().has_value();
        continue_->setEnabled(kept);
        delete_->setEnabled(kept);
    });
    connect(continue_, &QPushButton::clicked, this, [this] {
        if (const auto index = chosenKeptRun()) {
            emit continueRequested(*index);
            accept();
        }
    });
    connect(delete_, &QPushButton::clicked, this, [this] {
        if (const auto index = chosenKeptRun()) {
            shown_.erase(book_.kept()[*index].name);
            book_.remove(*index);
            fill();
            emit runsChanged();
        }
    });
    fill();
    chooseRow(0);
}

void RunsDialog::chooseRow(int row) { table_->selectRow(row); }

std::optional<size_t> RunsDialog::chosenKeptRun() const {
    const int row = table_->currentRow();
    if (row < 1 || static_cast<size_t>(row) > book_.kept().size()) return std::nullopt;
    return static_cast<size_t>(row - 1);
}

void RunsDialog::fill() {
    filling_ = true;
    const RunRecord& current = book_.current();
    table_->setRowCount(static_cast<int>(book_.kept().size()) + 1);
    for (int row = 0; row < table_->rowCount(); ++row) {
        const bool training = row == 0;
        const RunRecord& run = training ? current : book_.kept()[static_cast<size_t>(row - 1)];
        const std::vector<EpochMetrics>& curve = training ? currentCurve_ : run.curves;
        auto* shown = readOnly(training ? tr("training") : QString());
        if (!training)
            shown->setCheckState(shown_.count(run.name) ? Qt::Checked : Qt::Unchecked);
        table_->setItem(row, Shown, shown);
        auto* name = new QTableWidgetItem(QString::fromStdString(run.name));
        QFont font = name->font();
        font.setBold(training);
        name->setFont(font);
        table_->setItem(row, Name, name);
        table_->setItem(row, Parent,
                        readOnly(run.parent.empty()
                                     ? QString()
                                     : tr("%1 at epoch %2")
                                           .arg(QString::fromStdString(run.parent))
                                           .arg(run.forkEpoch)));
        table_->setItem(row, Differs,
                        readOnly(training ? QString()
                                          : RunBook::difference(current.settings, run.settings)));
        double best = INFINITY, seconds = 0;
        for (const EpochMetrics& m : curve) {
            if (std::isfinite(m.test.loss)) best = std::min(best, m.test.loss);
            seconds += m.seconds;
        }
        const EpochMetrics last = curve.empty() ? EpochMetrics{} : curve.back();
        const bool none = curve.empty();
        table_->setItem(row, Epochs, readOnly(QString::number(last.epoch)));
        table_->setItem(row, FinalLoss, readOnly(none ? QString() : figure(last.test.loss, 4)));
        table_->setItem(row, BestLoss, readOnly(none ? QString() : figure(best, 4)));
        table_->setItem(row, FinalAccuracy,
                        readOnly(none || last.regression
                                     ? QString()
                                     : figure(last.test.accuracy * 100, 1) + QStringLiteral(" %")));
        table_->setItem(row, Time,
                        readOnly(none ? QString() : tr("%1 s").arg(seconds, 0, 'f', 1)));
    }
    filling_ = false;
}

void RunsDialog::rowEdited(int row, int column) {
    if (filling_) return;
    const std::optional<size_t> index =
        row == 0 ? std::nullopt : std::optional<size_t>(static_cast<size_t>(row - 1));
    if (column == Name) {
        const std::string old = index ? book_.kept()[*index].name : book_.current().name;
        // Refused (empty, too long, taken): the old name comes back as the table is filled.
        if (book_.rename(index, table_->item(row, Name)->text()) && shown_.erase(old))
            shown_.insert(index ? book_.kept()[*index].name : book_.current().name);
    } else if (column == Shown && index) {
        const std::string& name = book_.kept()[*index].name;
        if (table_->item(row, Shown)->checkState() == Qt::Checked) shown_.insert(name);
        else shown_.erase(name);
    } else {
        return;
    }
    fill();
    emit runsChanged();
}

}  // namespace koto::gui
