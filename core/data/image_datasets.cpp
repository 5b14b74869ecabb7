#include "data/image_datasets.h"

#include <algorithm>
#include <filesystem>

#include "io/idx_file.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto {
namespace {

std::string findFile(const std::string& name, const std::string& folder, const std::string& file) {
    for (const std::string& candidate : {folder + "/" + file, folder + "/" + file + ".gz"}) {
        // A name too long or unreadable is "not found", not an exception. Something there that is
        // not a file (a FIFO, a device) is found: reading it then says what it is.
        std::error_code error;
        if (std::filesystem::exists(candidate, error)) return candidate;
    }
    std::string hint = name == "fashion-mnist" ? " (install Debian's dataset-fashion-mnist)" : "";
    throw InputError(name + ": " + printablePath(folder + "/" + file) + "[.gz] not found" + hint);
}

DataSplit loadSplit(const std::string& name, const std::string& folder, const std::string& prefix,
                    int64_t maxItems, Dataset& dataset) {
    const std::string imagesPath = findFile(name, folder, prefix + "-images-idx3-ubyte");
    const std::string labelsPath = findFile(name, folder, prefix + "-labels-idx1-ubyte");
    IdxArray images = readIdx(imagesPath, maxItems);
    IdxArray labels = readIdx(labelsPath, maxItems);
    if (images.dims.size() != 3)
        throw InputError(printablePath(imagesPath) +
                         ": images need 3 dimensions (count, rows, columns)");
    if (labels.dims.size() != 1)
        throw InputError(printablePath(labelsPath) + ": labels need 1 dimension");
    if (images.dims[0] != labels.dims[0])
        throw InputError(printablePath(imagesPath) + " holds " + std::to_string(images.dims[0]) +
                         " images but " + printablePath(labelsPath) + " " +
                         std::to_string(labels.dims[0]) + " labels");
    const int64_t size = images.dims[1] * images.dims[2];
    if (size < 1) throw InputError(printablePath(imagesPath) + ": the images are empty");
    if (dataset.inputSize != 0 &&
        (dataset.imageHeight != images.dims[1] || dataset.imageWidth != images.dims[2]))
        throw InputError(printablePath(imagesPath) +
                         ": images of another size than the training images");
    dataset.inputSize = size;
    dataset.imageHeight = images.dims[1];
    dataset.imageWidth = images.dims[2];
    DataSplit split;
    split.count = images.dims[0];
    split.pixels = std::move(images.data);
    split.labels.assign(labels.data.begin(), labels.data.end());
    return split;
}

}  // namespace

const std::vector<std::string>& fashionMnistClassNames() {
    static const std::vector<std::string> names{"T-shirt/top", "Trouser",   "Pullover", "Dress",
                                                "Coat",        "Sandal",    "Shirt",    "Sneaker",
                                                "Bag",         "Ankle boot"};
    return names;
}

Dataset loadIdxDataset(const std::string& name, const std::string& folder, int64_t maxTrain,
                       int64_t maxTest, const std::vector<std::string>& classNames) {
    Dataset dataset;
    dataset.name = name;
    dataset.task = Task::Classification;
    dataset.train = loadSplit(name, folder, "train", maxTrain, dataset);
    dataset.test = loadSplit(name, folder, "t10k", maxTest, dataset);
    if (dataset.train.count < 1) throw InputError(name + ": no training images");
    int32_t largest = 0;
    for (const DataSplit* split : {&dataset.train, &dataset.test})
        for (int32_t label : split->labels) largest = std::max(largest, label);
    if (classNames.empty()) {
        dataset.classCount = std::max(2, largest + 1);
        for (int64_t k = 0; k < dataset.classCount; ++k)
            dataset.classNames.push_back(std::to_string(k));
    } else {
        dataset.classCount = static_cast<int64_t>(classNames.size());
        dataset.classNames = classNames;
        if (largest >= dataset.classCount)
            throw InputError(name + ": label " + std::to_string(largest) + " but only " +
                             std::to_string(dataset.classCount) + " classes");
    }
    return dataset;
}

}  // namespace koto
