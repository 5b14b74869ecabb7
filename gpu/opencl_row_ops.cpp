// The OpenCL backend's gathers of rows (a mini-batch from the data, by indices uploaded with it or
// held on the device for the epoch, opencl_backend.h) and its image augmentation.

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "backend/argument_checks.h"
#include "backend/element_type_dispatch.h"
#include "opencl_backend.h"
#include "opencl_status.h"
#include "opencl_tensors.h"

namespace koto {
namespace {

// The shapes the gathers take: rows of source into destination, as many rows as asked for.
void requireGatherFits(const Tensor& source, size_t rows, const Tensor& destination, bool scaled) {
    const bool fits =
        static_cast<int64_t>(rows) == destination.rows() && source.cols() == destination.cols() &&
        (scaled ? source.dtype() == DType::UInt8 : source.dtype() == destination.dtype());
    if (!fits)
        throw std::invalid_argument(
            scaled ? "gatherRowsScaled: from bytes into a destination that fits"
                   : "gatherRows: destination does not fit");
}

// Checks the held rows a gather takes (on the host's copy: nothing waits) and returns the
// device's copy, or nothing if they were held by another backend's holdRows.
cl_mem heldRowIndices(const HeldRows& held, int64_t first, int64_t count, int64_t sourceRows,
                      const char* what) {
    for (const int32_t row : held.slice(first, count))
        if (row < 0 || row >= sourceRows)
            throw std::out_of_range(std::string(what) + ": row index");
    const auto* buffer = dynamic_cast<const OpenClBuffer*>(held.device());
    return buffer ? buffer->memory() : nullptr;
}

}  // namespace

cl_mem OpenClBackend::uploadRowIndices(std::span<const int32_t> rows, int64_t sourceRows,
                                       const char* what) {
    for (const int32_t row : rows)
        if (row < 0 || row >= sourceRows)
            throw std::out_of_range(std::string(what) + ": row index");
    OpenClBuffer& buffer = bufferOfAtLeast(rowIndices_, rows.size_bytes(), "row indices");
    write(buffer.memory(), rows.size_bytes(), rows.data(), "row indices");
    return buffer.memory();
}

void OpenClBackend::gather(const Tensor& source, cl_mem rows, int32_t first, Tensor& destination) {
    const bool bytes = source.dtype() == DType::UInt8;
    const DType type =
        bytes ? DType::Float32 : source.dtype();  // the byte kernel is in either program
    const OpenClKernel& k = kernel(type, bytes ? "gather_rows_bytes" : "gather_rows");
    KernelArguments(k.handle, type)
        .buffer(memoryOf(source))
        .buffer(rows)
        .integer(first)
        .buffer(memoryOf(destination))
        .integer(count(destination))
        .integer(static_cast<int32_t>(destination.cols()));
    run(k, destination.size(), "gatherRows");
}

void OpenClBackend::gatherScaled(const Tensor& source, cl_mem rows, int32_t first, double scale,
                                 Tensor& destination) {
    const DType type = computeType(destination);
    const OpenClKernel& k = kernel(type, "gather_rows_scaled");
    KernelArguments(k.handle, type)
        .buffer(memoryOf(source))
        .buffer(rows)
        .integer(first)
        .real(scale)
        .buffer(memoryOf(destination))
        .integer(count(destination))
        .integer(static_cast<int32_t>(destination.cols()));
    run(k, destination.size(), "gatherRowsScaled");
}

void OpenClBackend::gatherRows(const Tensor& source, std::span<const int32_t> rows,
                               Tensor& destination) {
    requireGatherFits(source, rows.size(), destination, false);
    gather(source, uploadRowIndices(rows, source.rows(), "gatherRows"), 0, destination);
}

void OpenClBackend::gatherRowsScaled(const Tensor& source, std::span<const int32_t> rows,
                                     double scale, Tensor& destination) {
    requireGatherFits(source, rows.size(), destination, true);
    computeType(destination);
    gatherScaled(source, uploadRowIndices(rows, source.rows(), "gatherRowsScaled"), 0, scale,
                 destination);
}

void OpenClBackend::holdRows(std::span<const int32_t> rows, HeldRows& held) {
    held.assign(rows);
    auto* buffer = dynamic_cast<OpenClBuffer*>(held.device());
    if (buffer == nullptr || buffer->bytes() < rows.size_bytes()) {
        held.setDevice(nullptr);  // released before its successor is made
        std::shared_ptr<OpenClBuffer> made = createBuffer(rows.size_bytes(), "held row indices");
        buffer = made.get();
        held.setDevice(std::move(made));
    }
    write(buffer->memory(), rows.size_bytes(), rows.data(), "row indices");
}

void OpenClBackend::gatherHeldRows(const Tensor& source, const HeldRows& rows, int64_t first,
                                   Tensor& destination) {
    requireGatherFits(source, static_cast<size_t>(destination.rows()), destination, false);
    const cl_mem indices =
        heldRowIndices(rows, first, destination.rows(), source.rows(), "gatherRows");
    if (indices == nullptr) return Backend::gatherHeldRows(source, rows, first, destination);
    gather(source, indices, static_cast<int32_t>(first), destination);
}

void OpenClBackend::gatherHeldRowsScaled(const Tensor& source, const HeldRows& rows, int64_t first,
                                         double scale, Tensor& destination) {
    requireGatherFits(source, static_cast<size_t>(destination.rows()), destination, true);
    computeType(destination);
    const cl_mem indices =
        heldRowIndices(rows, first, destination.rows(), source.rows(), "gatherRowsScaled");
    if (indices == nullptr)
        return Backend::gatherHeldRowsScaled(source, rows, first, scale, destination);
    gatherScaled(source, indices, static_cast<int32_t>(first), scale, destination);
}

void OpenClBackend::augmentImages(std::span<const ImageTransform> transforms, int64_t width,
                                  int64_t height, const Tensor& images, Tensor& out) {
    requireAugmentationFits(transforms, width, height, images, out);
    const DType type = computeType(images);
    dispatch(type, [&]<typename T>() {
        // Seven numbers per image, in the order the kernel reads them; the turn's cosine and
        // sine computed here exactly as the CPU backend computes them.
        std::vector<T> numbers;
        numbers.reserve(transforms.size() * 7);
        for (const ImageTransform& t : transforms)
            numbers.insert(numbers.end(),
                           {std::cos(static_cast<T>(t.radians)),
                            std::sin(static_cast<T>(t.radians)), static_cast<T>(t.shiftX),
                            static_cast<T>(t.shiftY), T(t.mirror ? 1 : 0),
                            static_cast<T>(t.brightness), static_cast<T>(t.contrast)});
        const size_t bytes = numbers.size() * sizeof(T);
        OpenClBuffer& buffer = bufferOfAtLeast(transforms_, bytes, "image transforms");
        write(buffer.memory(), bytes, numbers.data(), "image transforms");
    });
    const OpenClKernel& k = kernel(type, "augment_images");
    KernelArguments(k.handle, type)
        .buffer(memoryOf(images))
        .buffer(transforms_->memory())
        .buffer(memoryOf(out))
        .integer(count(images))
        .integer(static_cast<int32_t>(width))
        .integer(static_cast<int32_t>(height));
    run(k, images.size(), "augmentImages");
}

}  // namespace koto
