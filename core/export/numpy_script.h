#pragma once
// An exported model as one Python 3 file that needs only NumPy: the curriculum's formulas, one line
// per layer (Z = tanh(X.dot(W) + b), Y = softmax(Z.dot(V) + c)), the convolution and pooling as
// loops over the kernel offsets, the RNN and LSTM as loops over the time steps, all in float32 so
// that it agrees with the app to about 1e-6. The weights come from the NPZ file beside it
// (np.load(..., allow_pickle=False)) under the tensors' own names: W, b, V, c or W1, b1, ...
//
// The script defines forward(X) (the output: probabilities, values, the reconstruction or the
// hidden probabilities; X is N rows of prod(inputShape) values or already N x inputShape) and
// predict(X) (the classes, or the values). Run as `python3 script.py input.csv` it prints the CSV
// that `kotohajime-cli predict` prints for that input.

#include <string>
#include <vector>

#include "export/exported_model.h"

namespace koto {

// Requires a model as describeForExport gives it: at least one layer, tensor names that are
// Python identifiers, a ce output layer that is dense softmax, a bce one dense sigmoid.
std::string numpyScript(const ExportedModel& model, const std::string& npzFileName);

}  // namespace koto
