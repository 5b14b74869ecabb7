#pragma once
// Opening an ONNX model as a Kotohajime network with its weights, ready to evaluate, step
// through and train.
//
// The graph must be one chain from its input X to its output, of the operators Kotohajime's own
// layers export to (export/onnx_export.h) and what torch.onnx.export writes for such layers:
// Gemm (either transB) or MatMul + Add for dense layers, Sigmoid/Tanh/Relu/Softmax after them,
// Conv, MaxPool, AveragePool, Flatten or Reshape to [N, -1], Dropout and Identity (nothing at
// inference), RNN and LSTM between the Transposes and the Squeeze Kotohajime writes, Gather of
// the last step and Div by 255 on pixel inputs. Anything else is refused with a message naming
// the operator and the node. Exported files import with every weight bit for bit.
//
// The file may be hostile: the parser's sizes are bounded, every tensor's declared size must
// match the data it holds, and nothing is allocated from a declared size alone.

#include <string>

#include "io/project_file.h"

namespace koto {

constexpr size_t kMaxOnnxBytes = size_t{1} << 30;  // 1 GiB

// The network and weights of the model in `bytes`; `source` names the file in messages. The
// project's dataset is left empty and its training settings at their defaults. Throws InputError.
Project projectFromOnnx(const std::string& bytes, const std::string& source);

// The same for a file (read through the bounded reader: no devices, FIFOs or folders).
Project loadOnnxProject(const std::string& path);

// A built-in dataset an imported network can work on, chosen by its input and output: "spiral"
// for 2 inputs (or "plane" for values), "fashion-mnist" for 784 pixels or 1 x 28 x 28 images,
// "seqimg:fashion-mnist" for 28 steps of 28, "parity:T" (or "sine:window=T") for T steps of 1,
// with targets=every after seq:many. "" when none has its shape; the data may still have another
// number of classes than the network has outputs, which training then reports.
std::string datasetFitting(const NetworkSpec& network);

}  // namespace koto
