#pragma once
// Image datasets in the four IDX files of MNIST's layout: train-images-idx3-ubyte,
// train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte (each also as .gz).
// The pixels stay bytes in memory and become [0, 1] floats batch by batch.
//   fashion-mnist    Debian's dataset-fashion-mnist, in /usr/share/datasets/fashion-mnist
//   idx:DIR          any folder holding the four files (a user's own MNIST download)
// Options: n=N keeps the first N training images (quick runs), ntest=N the first N test images.

#include <cstdint>
#include <string>

#include "data/dataset.h"

namespace koto {

constexpr const char* kFashionMnistFolder = "/usr/share/datasets/fashion-mnist";

// classNames: empty for "0", "1", ... as many as the labels need.
Dataset loadIdxDataset(const std::string& name, const std::string& folder, int64_t maxTrain,
                       int64_t maxTest, const std::vector<std::string>& classNames);

const std::vector<std::string>& fashionMnistClassNames();

}  // namespace koto
