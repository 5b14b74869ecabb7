#include "training/optimizer_race.h"

#include <algorithm>
#include <charconv>

#include "training/optimizer.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto {
namespace {

constexpr size_t kMaxEntrants = 8;

// A number as the settings take it (std::from_chars: the same in every locale), or InputError.
double numberIn(const std::string& entrant, const std::string& text, const char* what) {
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size())
        throw InputError("optimizer " + inQuotes(entrant) + ": " + what + " must be a number, not " +
                         inQuotes(text));
    return value;
}

RaceEntrant entrantFrom(const std::string& token, const TrainingSettings& base) {
    RaceEntrant entrant{token, base};
    TrainingSettings& s = entrant.settings;
    std::string rest = token;
    if (const size_t at = rest.find('@'); at != std::string::npos) {
        s.learningRate = numberIn(token, rest.substr(at + 1), "the learning rate after @");
        rest.resize(at);
    }
    const std::vector<std::string> parts = splitText(rest, ':');
    s.optimizer = parts[0];
    const bool known = std::find(optimizerNames().begin(), optimizerNames().end(), s.optimizer) !=
                       optimizerNames().end();
    if (!known)
        throw InputError("optimizer " + inQuotes(token) + ": unknown optimizer " +
                         inQuotes(s.optimizer) + " (use sgd, momentum, nesterov, adagrad, rmsprop or adam)");
    const bool takesMomentum = s.optimizer == "momentum" || s.optimizer == "nesterov";
    const size_t allowed = takesMomentum ? 2 : s.optimizer == "rmsprop" ? 3 : 1;
    if (parts.size() > allowed)
        throw InputError("optimizer " + inQuotes(token) + ": " + s.optimizer +
                         (allowed == 1 ? " takes no parameter" : " takes at most " +
                                                                   std::to_string(allowed - 1)));
    if (parts.size() > 1 && takesMomentum) s.momentum = numberIn(token, parts[1], "mu");
    if (parts.size() > 1 && !takesMomentum) s.decay = numberIn(token, parts[1], "the decay");
    if (parts.size() > 2) s.momentum = numberIn(token, parts[2], "mu");
    if (const std::optional<SettingProblem> problem = findSettingsProblem(s))
        throw InputError("optimizer " + inQuotes(token) + ": " +
                         problem->messageFor(std::string(trainingSettingKey(problem->setting))));
    return entrant;
}

}  // namespace

std::vector<RaceEntrant> raceEntrants(const std::string& text, const TrainingSettings& base) {
    std::vector<RaceEntrant> entrants;
    for (const std::string& token : splitText(text, ','))
        if (!token.empty()) entrants.push_back(entrantFrom(token, base));
    if (entrants.size() < 2 || entrants.size() > kMaxEntrants)
        throw InputError("a race needs from 2 to " + std::to_string(kMaxEntrants) +
                         " optimizers, not " + std::to_string(entrants.size()));
    return entrants;
}

OptimizerRace::OptimizerRace(Backend& backend, const NetworkSpec& spec,
                             std::shared_ptr<const Dataset> dataset,
                             std::vector<RaceEntrant> entrants)
    : entrants_(std::move(entrants)), dropOuts_(entrants_.size()) {
    for (const RaceEntrant& entrant : entrants_)
        runs_.push_back(std::make_unique<TrainingRun>(backend, spec, dataset, entrant.settings));
}

std::vector<size_t> OptimizerRace::trainEpoch() {
    std::vector<size_t> dropped;
    for (size_t i = 0; i < runs_.size(); ++i) {
        if (dropOuts_[i]) continue;
        try {
            runs_[i]->trainer().train(1);
        } catch (const DivergenceError& error) {
            dropOuts_[i] = error.what();
            dropped.push_back(i);
        }
    }
    return dropped;
}

}  // namespace koto
