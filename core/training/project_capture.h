#pragma once
// A training run as a project (io/project_file.h): what the CLI saves with --save and what the
// app's worker hands over for saving. It lives beside the trainer, so that io knows nothing of
// training runs.

#include <string>

#include "io/project_file.h"
#include "training/run_history.h"
#include "training/trainer.h"

namespace koto {

// A project of the trainer's network, settings, weights and curves, after `earlier` curves of
// training done before this trainer (a continued project, whose editor draft it keeps).
Project captureProject(Trainer& trainer, const std::string& datasetSpec,
                       const Project* earlier = nullptr);

// The same with the run's history, so that the project can be scrubbed back and animated:
// `earlier`'s checkpoints before this trainer's first epoch (and the runs it kept), then
// `history`'s counted on from `earlier` as the curves are, then the run as it stands if it has
// gone past the last of them (a run is taken up again from its last checkpoint).
Project captureProject(Trainer& trainer, const std::string& datasetSpec, const RunHistory& history,
                       const Project* earlier = nullptr);

}  // namespace koto
