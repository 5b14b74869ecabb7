#pragma once
// How the CLI prints an epoch's metrics: a JSON object per line (--json) or a readable line.

#include <nlohmann/json.hpp>
#include <string>

#include "training/metrics.h"

namespace koto::cli {

nlohmann::ordered_json metricsJson(const EpochMetrics& metrics);
std::string metricsLine(const EpochMetrics& metrics);

}  // namespace koto::cli
