#pragma once
// The runs of a project: the one the main window trains and the ones kept beside it (forks, and
// the runs they were forked from), with their names, settings, curves and checkpoints. A fork
// keeps the run it came from; taking up a kept run keeps the one it replaces. Saved in the
// project (io/run_record.h).

#include <QString>
#include <cstdint>
#include <optional>
#include <vector>

#include "io/project_file.h"

namespace koto::gui {

class RunBook {
public:
    RunBook() { clear(); }

    // The run being trained (its curves and checkpoints are the snapshots', left empty here).
    const RunRecord& current() const { return current_; }
    const std::vector<RunRecord>& kept() const { return kept_; }

    // A new project, network or data: one run, "Run 1", and nothing kept.
    void clear();
    // The current run starts again from initial weights (Reset after other settings, a rebuilt
    // run): under its name, no longer forked from anything.
    void startAfresh();
    // The runs a project holds.
    void restore(const Project& project);
    // Puts the runs into a project about to be saved.
    void fillProject(Project& project) const;

    // The current run, as the training thread handed it over (its project with checkpoints),
    // kept; the new current run is forked from it at `epoch` with `settings`. Returns where the
    // fork starts, or nothing if the run has no checkpoint at or before that epoch.
    std::optional<RunCheckpoint> fork(const Project& handedOver, int64_t epoch,
                                      const TrainingSettings& settings);
    // Kept run `index` becomes the current run and the current one (handed over) is kept.
    RunRecord takeUp(size_t index, const Project& handedOver);
    void remove(size_t index);
    // Renames a kept run (index) or the current one (nullopt); a name that files cannot hold
    // (empty, too long, control characters) is refused with false.
    bool rename(std::optional<size_t> index, const QString& name);

    // What differs between two runs' settings, in the learner's words ("learning rate 0.03 →
    // 0.01, optimizer sgd → adam"), or "same settings".
    static QString difference(const TrainingSettings& from, const TrainingSettings& to);

private:
    RunRecord asKept(const Project& handedOver) const;
    QString nextName() const;

    RunRecord current_;
    std::vector<RunRecord> kept_;
};

}  // namespace koto::gui
