#pragma once
// An exported model as a Python 3 file for PyTorch, to go on training it or to use it there:
// class Net(torch.nn.Module) with the parameters as torch.nn.Parameter under the curriculum's
// names and in its layout (W is D x K and a dense layer computes X @ W + b; the LSTM's gates
// i, f, o, g side by side in Wx, Wh, b), so that load_weights(net) copies the NPZ file beside the
// script straight in. The RNN and LSTM are explicit loops over the time steps; the convolution
// and pooling are torch.nn.functional's, which compute what the app computes.
//
//   net(X)               the last layer's output before the softmax/sigmoid that a ce/bce loss
//                        applies (the logits), the values otherwise;
//   net.probabilities(X) softmax/sigmoid of the logits (only for a ce/bce loss);
//   net.loss(X, T)       the app's loss: ce -(1/N) sum T log Y, bce -(1/N) sum [T log Y +
//                        (1 - T) log(1 - Y)], mse (1/N) sum (Y - T)^2, summed over the outputs
//                        and averaged over the N rows (after seq:many a row is a time step).
// Pixel models divide their inputs by 255 inside forward. Everything is float32. Run as
// `python3 script.py input.csv` it prints the CSV that `kotohajime-cli predict` prints.

#include <string>

#include "export/exported_model.h"

namespace koto {

// Requires a model as describeForExport gives it (see numpyScript).
std::string pytorchScript(const ExportedModel& model, const std::string& npzFileName);

}  // namespace koto
