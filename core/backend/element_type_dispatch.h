#pragma once
// The one place where an operation's element type is chosen: host-side code is written once as
// a template over T and called for float or double as the tensors' DType says. Shared by the
// CPU backend's files and the OpenCL backend's.

#include <stdexcept>

#include "tensor/tensor.h"

namespace koto {

// What an operation that computes in float or double says when it is handed bytes.
inline constexpr const char* kComputesNotOnBytes =
    "this operation computes in float or double, not on bytes";

// Calls body.template operator()<float>() or <double>() for `type` and returns what it returns;
// UInt8 (bytes, which have no arithmetic) throws std::invalid_argument(bytesMessage).
template <typename Body>
auto dispatch(DType type, Body&& body, const char* bytesMessage = kComputesNotOnBytes) {
    if (type == DType::Float32) return body.template operator()<float>();
    if (type == DType::Float64) return body.template operator()<double>();
    throw std::invalid_argument(bytesMessage);
}

}  // namespace koto
