#pragma once
// An exported model as an ONNX file (IR version 8, opset 13) that any ONNX runtime runs:
//   input  "X": float32 [batch, ...one sample's shape] (vectors [N, D], images [N, C, H, W],
//          sequences [N, T, D]); pixel models take pixels 0-255 and divide by 255 first.
//   output "Y": float32 [batch, ...]: class probabilities, values, the reconstruction or the
//          hidden probabilities, as the model's doc string says; [N, T, K] after seq:many.
// Dense -> Gemm (transB = 1, the bias as input C) or, per time step, MatMul + Add; activations ->
// Sigmoid/Tanh/Relu/Softmax(axis -1); conv -> Conv; pooling -> MaxPool/AveragePool; flatten ->
// Flatten; SimpleRNN -> RNN and LSTM -> LSTM (time-major in between: Transpose before, Squeeze of
// the direction axis after); seq:last -> Gather of the last step; seq:many -> Transpose back to
// batch-major. The metadata holds the producer, the dataset, the class names, the training
// settings and the input scaling.

#include <string>

#include "export/exported_model.h"

namespace koto {

// The serialized ModelProto.
std::string onnxModelBytes(const ExportedModel& model);

}  // namespace koto
