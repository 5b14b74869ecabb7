#include "io/run_record_json.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include "io/json_fields.h"
#include "io/project_parts_json.h"
#include "util/base64.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto {
namespace {

using namespace json_fields;

constexpr int64_t kMaxEpoch = std::numeric_limits<int64_t>::max();

nlohmann::json tensorsJson(const std::vector<SavedTensor>& tensors) {
    nlohmann::json array = nlohmann::json::array();
    for (const SavedTensor& tensor : tensors) array.push_back(savedTensorJson(tensor));
    return array;
}

std::vector<SavedTensor> tensorsFrom(const nlohmann::json& json, const std::string& at,
                                     const std::string& what) {
    const nlohmann::json& array = arrayOf(json, at);
    std::vector<SavedTensor> tensors;
    for (size_t i = 0; i < array.size(); ++i)
        tensors.push_back(savedTensorFrom(array[i], at + "[" + std::to_string(i) + "]", what));
    return tensors;
}

std::string encodeOrder(const std::vector<int32_t>& order) {
    std::vector<uint8_t> bytes(order.size() * sizeof(int32_t));
    if (!bytes.empty()) std::memcpy(bytes.data(), order.data(), bytes.size());
    return encodeBase64(bytes);
}

// The order must be a permutation of 0 .. n-1: its entries index the training samples.
std::vector<int32_t> orderFrom(const nlohmann::json& json, const std::string& at) {
    const std::vector<uint8_t> bytes = decodeBase64(textOf(json, at));
    if (bytes.size() % sizeof(int32_t) != 0) throw InputError(at + " is truncated");
    std::vector<int32_t> order(bytes.size() / sizeof(int32_t));
    if (!bytes.empty()) std::memcpy(order.data(), bytes.data(), bytes.size());
    std::vector<bool> seen(order.size());
    for (const int32_t index : order) {
        if (index < 0 || static_cast<size_t>(index) >= order.size() ||
            seen[static_cast<size_t>(index)])
            throw InputError(at + " must hold each sample's index once");
        seen[static_cast<size_t>(index)] = true;
    }
    return order;
}

nlohmann::json checkpointJson(const RunCheckpoint& c) {
    return {{"epoch", c.epoch},
            {"steps", c.steps},
            {"weights", tensorsJson(c.weights)},
            {"optimizer",
             {{"name", c.optimizer.optimizer},
              {"updates", c.optimizer.updates},
              {"state", tensorsJson(c.optimizer.tensors)}}},
            {"shuffle_order", encodeOrder(c.shuffleOrder)},
            {"shuffle_random", c.shuffleRandom}};
}

RunCheckpoint checkpointFrom(const nlohmann::json& json, const std::string& at,
                             const std::string& what) {
    const nlohmann::json& c = objectOf(json, at);
    RunCheckpoint checkpoint;
    checkpoint.epoch = wholeNumber(member(c, "epoch", at + ".epoch"), at + ".epoch", 0, kMaxEpoch);
    checkpoint.steps = wholeNumber(member(c, "steps", at + ".steps"), at + ".steps", 0, kMaxEpoch);
    checkpoint.weights = tensorsFrom(member(c, "weights", at + ".weights"), at + ".weights", what);
    const std::string opt = at + ".optimizer";
    const nlohmann::json& o = objectOf(member(c, "optimizer", opt), opt);
    checkpoint.optimizer.optimizer = textOf(member(o, "name", opt + ".name"), opt + ".name");
    checkpoint.optimizer.updates =
        wholeNumber(member(o, "updates", opt + ".updates"), opt + ".updates", 0, kMaxEpoch);
    checkpoint.optimizer.tensors =
        tensorsFrom(member(o, "state", opt + ".state"), opt + ".state", what);
    checkpoint.shuffleOrder =
        orderFrom(member(c, "shuffle_order", at + ".shuffle_order"), at + ".shuffle_order");
    const std::string random = at + ".shuffle_random";
    const nlohmann::json& state = member(c, "shuffle_random", random);
    if (!state.is_array() || state.size() != 4 ||
        !std::all_of(state.begin(), state.end(),
                     [](const nlohmann::json& v) { return v.is_number_unsigned(); }))
        refuse(random, "must be four whole numbers from 0 to 2^64 - 1", state);
    for (size_t i = 0; i < 4; ++i) checkpoint.shuffleRandom[i] = state[i].get<uint64_t>();
    if (checkpoint.shuffleRandom == std::array<uint64_t, 4>{})
        refuse(random, "must not be all zeros", state);
    return checkpoint;
}

nlohmann::json checkpointsJson(const std::vector<RunCheckpoint>& checkpoints) {
    nlohmann::json array = nlohmann::json::array();
    for (const RunCheckpoint& checkpoint : checkpoints) array.push_back(checkpointJson(checkpoint));
    return array;
}

std::vector<RunCheckpoint> checkpointsFrom(const nlohmann::json& json, const std::string& at,
                                           const std::string& what) {
    const nlohmann::json& array = arrayOf(json, at);
    std::vector<RunCheckpoint> checkpoints;
    for (size_t i = 0; i < array.size(); ++i) {
        const std::string entry = at + "[" + std::to_string(i) + "]";
        checkpoints.push_back(checkpointFrom(array[i], entry, what));
        if (i > 0 && checkpoints[i].epoch <= checkpoints[i - 1].epoch)
            throw InputError(entry + ".epoch must be later than the checkpoint before it");
    }
    return checkpoints;
}

// Every second checkpoint between the first and the last left out.
void thin(std::vector<RunCheckpoint>& checkpoints) {
    std::vector<RunCheckpoint> kept;
    for (size_t i = 0; i < checkpoints.size(); ++i)
        if (i % 2 == 0 || i + 1 == checkpoints.size()) kept.push_back(std::move(checkpoints[i]));
    checkpoints = std::move(kept);
}

}  // namespace

int64_t checkpointBytes(const std::vector<RunCheckpoint>& checkpoints) {
    int64_t total = 0;
    for (const RunCheckpoint& checkpoint : checkpoints) {
        for (const SavedTensor& tensor : checkpoint.weights)
            total += static_cast<int64_t>(tensor.values.size() * sizeof(float));
        for (const SavedTensor& tensor : checkpoint.optimizer.tensors)
            total += static_cast<int64_t>(tensor.values.size() * sizeof(float));
        total += static_cast<int64_t>(checkpoint.shuffleOrder.size() * sizeof(int32_t));
    }
    return total;
}

nlohmann::json historyJson(const RunRecord& run, const std::vector<RunCheckpoint>& checkpoints,
                           const std::vector<RunRecord>& otherRuns) {
    // Copies, thinned until they fit: the run's own first, then the others'.
    std::vector<std::vector<RunCheckpoint>> lists{checkpoints};
    for (const RunRecord& run : otherRuns) lists.push_back(run.checkpoints);
    auto total = [&lists] {
        int64_t sum = 0;
        for (const auto& list : lists) sum += checkpointBytes(list);
        return sum;
    };
    while (total() > kMaxHistoryBytes) {
        auto largest = std::max_element(lists.begin(), lists.end(), [](const auto& a, const auto& b) {
            return checkpointBytes(a) < checkpointBytes(b);
        });
        if (largest->size() <= 2) break;  // each run's first and last stay
        thin(*largest);
    }
    nlohmann::json runs = nlohmann::json::array();
    for (size_t i = 0; i < otherRuns.size(); ++i) {
        const RunRecord& other = otherRuns[i];
        nlohmann::json curves = nlohmann::json::array();
        for (const EpochMetrics& metrics : other.curves) curves.push_back(curvePoint(metrics));
        runs.push_back({{"name", other.name},
                        {"parent", other.parent},
                        {"fork_epoch", other.forkEpoch},
                        {"training", trainingJson(other.settings)},
                        {"curves", curves},
                        {"checkpoints", checkpointsJson(lists[i + 1])}});
    }
    return {{"run", {{"name", run.name}, {"parent", run.parent}, {"fork_epoch", run.forkEpoch}}},
            {"checkpoints", checkpointsJson(lists[0])},
            {"runs", runs}};
}

namespace {

// A run's name, parent and fork epoch, at `at` ("history.runs[2]").
void readIdentity(const nlohmann::json& r, const std::string& at, RunRecord& run) {
    run.name = textOf(member(r, "name", at + ".name"), at + ".name");
    run.parent = textOf(member(r, "parent", at + ".parent"), at + ".parent");
    for (const std::string* name : {&run.name, &run.parent})
        if (!isPlainName(*name))
            throw InputError(at + ": a run's name must be at most " +
                             std::to_string(kMaxNameBytes) +
                             " characters without control characters, not " + inQuotes(*name));
    run.forkEpoch =
        wholeNumber(member(r, "fork_epoch", at + ".fork_epoch"), at + ".fork_epoch", 0, kMaxEpoch);
}

}  // namespace

History historyFrom(const nlohmann::json& json, const std::string& what) {
    const nlohmann::json& h = objectOf(json, "history");
    History history;
    readIdentity(objectOf(member(h, "run", "history.run"), "history.run"), "history.run",
                 history.run);
    history.checkpoints =
        checkpointsFrom(member(h, "checkpoints", "history.checkpoints"), "history.checkpoints", what);
    const nlohmann::json& runs = arrayOf(member(h, "runs", "history.runs"), "history.runs");
    for (size_t i = 0; i < runs.size(); ++i) {
        const std::string at = "history.runs[" + std::to_string(i) + "]";
        const nlohmann::json& r = objectOf(runs[i], at);
        RunRecord run;
        readIdentity(r, at, run);
        readTraining(objectOf(member(r, "training", at + ".training"), at + ".training"),
                     run.settings);
        if (auto problem = findSettingsProblem(run.settings))
            throw InputError(problem->messageFor(at + ".training." +
                                                 std::string(trainingSettingKey(problem->setting))));
        const nlohmann::json& curves = arrayOf(member(r, "curves", at + ".curves"), at + ".curves");
        for (size_t k = 0; k < curves.size(); ++k)
            run.curves.push_back(
                curvePointFrom(curves[k], at + ".curves[" + std::to_string(k) + "]."));
        run.checkpoints =
            checkpointsFrom(member(r, "checkpoints", at + ".checkpoints"), at + ".checkpoints", what);
        if (run.checkpoints.empty()) throw InputError(at + ".checkpoints must hold at least one");
        history.otherRuns.push_back(std::move(run));
    }
    return history;
}

}  // namespace koto
