#pragma once
// A labelled dataset from one CSV file: csv:PATH[:label=COL,test=FRACTION,seed=N].
// The label column is named by its header or its number from 1 (default: the column headed
// "label", else the first); labels are whole numbers 0, 1, 2, ... The other columns are the
// inputs. Kaggle's digit-recognizer train.csv (label,pixel0..pixel783, values 0-255) is kept as
// image bytes like MNIST; any other table as floats. A seeded share (default 0.2) is held out
// for testing. Errors name the file, the row and the column.

#include <cstdint>
#include <string>

#include "data/dataset.h"

namespace koto {

Dataset loadCsvDataset(const std::string& path, const std::string& labelColumn, double testFraction,
                       uint64_t seed);

}  // namespace koto
