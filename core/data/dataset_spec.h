#pragma once
// Dataset specs as the CLI and project files write them: a name with optional options,
// "spiral" or "spiral:n=500,noise=0.2,test=0.5,seed=3".

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "data/dataset.h"

namespace koto {

struct DatasetSpec {
    std::string name;
    std::map<std::string, std::string> options;

    static DatasetSpec parse(const std::string& text);  // throws InputError
    std::string text() const;
};

struct DatasetInfo {
    std::string name;
    Task task;
    std::string description;  // English; front ends translate by name
};

// Every dataset a spec can name.
const std::vector<DatasetInfo>& datasetCatalog();

// Builds (generates or loads) the dataset a spec names; throws InputError on a bad spec.
Dataset loadDataset(const DatasetSpec& spec);

}  // namespace koto
