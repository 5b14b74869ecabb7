#pragma once
// A project file's "history": the run's checkpoints and the other runs kept beside it
// (io/run_record.h), written and read back with every value checked.
//
// The history in a file is bounded: at most kMaxHistoryBytes of checkpoint data (weights,
// optimizer state and shuffle orders, before base64) for all runs together, so that a project
// with a long history stays a file one can mail (the file is at most about 4/3 of that more
// than the project without history). Where the runs hold more, the writer leaves out every
// second checkpoint of the run with the most, keeping each run's first and last, until they fit.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "io/run_record.h"

namespace koto {

constexpr int64_t kMaxHistoryBytes = 48LL << 20;

// {"run": {"name", "parent", "fork_epoch"}, "checkpoints": [...], "runs": [...]}, thinned to
// kMaxHistoryBytes.
nlohmann::json historyJson(const RunRecord& run, const std::vector<RunCheckpoint>& checkpoints,
                           const std::vector<RunRecord>& otherRuns);

struct History {
    RunRecord run;  // its name, parent and fork epoch
    std::vector<RunCheckpoint> checkpoints;
    std::vector<RunRecord> otherRuns;
};
// Throws InputError naming the field: checkpoints out of epoch order, a shuffle order that is not
// a permutation, a generator state of zeros (it would draw nothing but zeros), a run without
// checkpoints, a bad tensor (io/project_parts_json.h).
History historyFrom(const nlohmann::json& json, const std::string& what);

// The bytes of checkpoint data of these checkpoints.
int64_t checkpointBytes(const std::vector<RunCheckpoint>& checkpoints);

}  // namespace koto
