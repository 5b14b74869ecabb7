#pragma once
// What a lesson's checks can ask about a run (docs/lessons.md lists every fact): its latest
// metrics and those over every epoch, its settings, its network and its weights, as numbers
// (test_error, zero_weight_share, learning_rate) and words (optimizer, layers). The app builds
// them from the live run, `kotohajime-cli lesson-check` from a saved project; both through
// RunEvidence, so that a check means the same in both.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "io/project_file.h"

namespace koto {

// The run as a lesson sees it.
struct RunEvidence {
    NetworkSpec network;
    TrainingSettings settings;
    std::string dataset;               // the dataset spec
    std::vector<EpochMetrics> curves;  // every epoch the learning curve kept, oldest first
    int64_t epochs = 0, steps = 0;
    // The weights as they stand (empty when not known: facts about them are then absent).
    std::vector<SavedTensor> weights;
    bool diverged = false;  // as the run said it; curves that blew up count too (factsOf)
    bool stoppedEarly = false;
};

// A saved run's evidence. A project does not record that its run diverged or stopped early:
// its curves tell (a loss not finite or far above its start is a divergence), and a run whose
// validation loss had not improved for its patience's epochs (early stopping set) as stopped.
RunEvidence evidenceOf(const Project& project);

struct RunFacts {
    std::map<std::string, double> numbers;
    std::map<std::string, std::string> words;

    // Nothing when the run does not have the fact yet (a test error before the first epoch).
    std::optional<double> number(const std::string& name) const;
    std::optional<std::string> word(const std::string& name) const;
};

RunFacts factsOf(const RunEvidence& evidence);

enum class FactKind { Number, Word };
// Every fact a check may name, and whether it is a number or a word (nothing: no such fact).
std::optional<FactKind> factKind(const std::string& name);

}  // namespace koto
