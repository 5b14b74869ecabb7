#pragma once
// An optimizer race (part 10 of the curriculum): one network trained by several optimizers side
// by side, all from the same initial weights (one seed) and on the same mini-batch order (the
// shuffle comes from the seed too), so that their learning curves differ only in how each
// optimizer uses the gradient. Momentum overshoots, AdaGrad slows down, RMSprop and Adam adapt.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "backend/backend.h"
#include "data/dataset.h"
#include "network/network_spec.h"
#include "training/training_run.h"
#include "training/training_settings.h"

namespace koto {

struct RaceEntrant {
    std::string label;          // as written: "momentum:0.9@0.05"
    TrainingSettings settings;  // the race's settings with this optimizer's own
};

// "sgd,momentum:0.9,adam@0.001": entrants NAME[:PARAM][@RATE] separated by commas. PARAM is
// the momentum mu of momentum, nesterov and rmsprop, or rmsprop's decay after it
// (rmsprop:DECAY:MU); RATE replaces the learning rate. Throws InputError naming the entrant for
// an unknown optimizer, a value out of its range (training_settings.h's rules), fewer than two
// entrants or more than 8.
std::vector<RaceEntrant> raceEntrants(const std::string& text, const TrainingSettings& base);

class OptimizerRace {
public:
    // A run per entrant, each built as TrainingRun builds it (and throwing what it throws).
    OptimizerRace(Backend& backend, const NetworkSpec& spec, std::shared_ptr<const Dataset> dataset,
                  std::vector<RaceEntrant> entrants);

    size_t size() const { return runs_.size(); }
    const RaceEntrant& entrant(size_t i) const { return entrants_[i]; }
    TrainingRun& run(size_t i) { return *runs_[i]; }
    // Why an entrant left the race (it diverged: NaN, infinity or a loss that blew up), or
    // nothing while it runs.
    const std::optional<std::string>& dropOut(size_t i) const { return dropOuts_[i]; }

    // Every entrant still running one epoch further, one after the other. One that diverges
    // drops out (dropOut says why) and the others go on. Returns the entrants that dropped out
    // in this epoch.
    std::vector<size_t> trainEpoch();

private:
    std::vector<RaceEntrant> entrants_;
    std::vector<std::unique_ptr<TrainingRun>> runs_;
    std::vector<std::optional<std::string>> dropOuts_;
};

}  // namespace koto
