#include "experiments/run_book.h"

#include <QCoreApplication>
#include <QStringList>
#include <algorithm>

#include "util/text.h"

namespace koto::gui {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("koto::gui::RunBook", text); }

bool usedName(const RunRecord& current, const std::vector<RunRecord>& kept, const QString& name) {
    const std::string wanted = name.toStdString();
    return current.name == wanted ||
           std::any_of(kept.begin(), kept.end(),
                       [&](const RunRecord& run) { return run.name == wanted; });
}

}  // namespace

void RunBook::clear() {
    kept_.clear();
    current_ = RunRecord{};
    current_.name = tr("Run 1").toStdString();
}

void RunBook::startAfresh() {
    current_.parent.clear();
    current_.forkEpoch = 0;
}

void RunBook::restore(const Project& project) {
    clear();
    if (!project.run.name.empty()) current_ = project.run;
    current_.curves.clear();
    current_.checkpoints.clear();
    kept_ = project.otherRuns;
}

void RunBook::fillProject(Project& project) const {
    project.run = current_;
    project.run.settings = project.training;
    project.otherRuns = kept_;
}

QString RunBook::nextName() const {
    for (int n = 2;; ++n) {
        const QString name = tr("Run %1").arg(n);
        if (!usedName(current_, kept_, name)) return name;
    }
}

RunRecord RunBook::asKept(const Project& handedOver) const {
    RunRecord run = current_;
    run.settings = handedOver.training;
    run.curves = handedOver.curves;
    run.checkpoints = handedOver.checkpoints;
    return run;
}

std::optional<RunCheckpoint> RunBook::fork(const Project& handedOver, int64_t epoch,
                                           const TrainingSettings& settings) {
    const RunCheckpoint* from = nullptr;
    for (const RunCheckpoint& checkpoint : handedOver.checkpoints)
        if (checkpoint.epoch <= epoch) from = &checkpoint;
    if (!from) return std::nullopt;
    const RunCheckpoint start = *from;
    RunRecord fork;
    fork.name = nextName().toStdString();
    fork.parent = current_.name;
    fork.forkEpoch = start.epoch;
    fork.settings = settings;
    kept_.push_back(asKept(handedOver));
    current_ = std::move(fork);
    return start;
}

RunRecord RunBook::takeUp(size_t index, const Project& handedOver) {
    RunRecord chosen = std::move(kept_.at(index));
    kept_.erase(kept_.begin() + static_cast<ptrdiff_t>(index));
    kept_.push_back(asKept(handedOver));
    current_ = chosen;
    current_.curves.clear();
    current_.checkpoints.clear();
    return chosen;
}

void RunBook::remove(size_t index) {
    if (index < kept_.size()) kept_.erase(kept_.begin() + static_cast<ptrdiff_t>(index));
}

bool RunBook::rename(std::optional<size_t> index, const QString& name) {
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || !isPlainName(trimmed.toStdString())) return false;
    RunRecord& run = index ? kept_.at(*index) : current_;
    if (run.name != trimmed.toStdString() && usedName(current_, kept_, trimmed)) return false;
    const std::string old = run.name;
    run.name = trimmed.toStdString();
    // The forks of a renamed run still name it as where they came from.
    if (current_.parent == old) current_.parent = run.name;
    for (RunRecord& other : kept_)
        if (other.parent == old) other.parent = run.name;
    return true;
}

QString RunBook::difference(const TrainingSettings& from, const TrainingSettings& to) {
    QStringList changes;
    auto number = [&](const char* what, double a, double b) {
        if (a != b) changes << tr(what) + QStringLiteral(" %1 → %2").arg(a).arg(b);
    };
    auto text = [&](const char* what, const std::string& a, const std::string& b) {
        if (a != b)
            changes << tr(what) + QStringLiteral(" %1 → %2").arg(
                                      QString::fromStdString(a.empty() ? "-" : a),
                                      QString::fromStdString(b.empty() ? "-" : b));
    };
    number(QT_TRANSLATE_NOOP("koto::gui::RunBook", "learning rate"), from.learningRate, to.learningRate);
    text(QT_TRANSLATE_NOOP("koto::gui::RunBook", "optimizer"), from.optimizer, to.optimizer);
    number(QT_TRANSLATE_NOOP("koto::gui::RunBook", "momentum"), from.momentum, to.momentum);
    number(QT_TRANSLATE_NOOP("koto::gui::RunBook", "batch size"), static_cast<double>(from.batchSize),
           static_cast<double>(to.batchSize));
    text(QT_TRANSLATE_NOOP("koto::gui::RunBook", "schedule"), from.schedule, to.schedule);
    number(QT_TRANSLATE_NOOP("koto::gui::RunBook", "L1"), from.l1, to.l1);
    number(QT_TRANSLATE_NOOP("koto::gui::RunBook", "L2"), from.l2, to.l2);
    text(QT_TRANSLATE_NOOP("koto::gui::RunBook", "augmentation"), from.augment, to.augment);
    number(QT_TRANSLATE_NOOP("koto::gui::RunBook", "gradient clipping"), from.clipNorm, to.clipNorm);
    return changes.isEmpty() ? tr("same settings") : changes.join(QStringLiteral(", "));
}

}  // namespace koto::gui
