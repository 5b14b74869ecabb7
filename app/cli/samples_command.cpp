// samples: look at an image dataset as the network sees it, augmented or not, from a terminal.
// The images go into one grayscale PGM file (any image viewer opens it), one sample a row: the
// original, then its augmented copies; the labels are printed.

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <limits>
#include <string>
#include <vector>

#include "arguments.h"
#include "backend/cpu_backend.h"
#include "commands.h"
#include "data/augmentation.h"
#include "data/dataset_spec.h"
#include "io/atomic_file.h"
#include "util/errors.h"

namespace koto::cli {
namespace {

// Images of width x height in [0, 1], laid out as a grid of `columns` per row, each pixel drawn
// as scale x scale, with a grey gap of one scaled pixel between images.
std::string portableGraymap(const std::vector<const float*>& images, int64_t columns, int64_t width,
                            int64_t height, int64_t scale) {
    const auto rows = (static_cast<int64_t>(images.size()) + columns - 1) / columns;
    const int64_t cellWidth = (width + 1) * scale, cellHeight = (height + 1) * scale;
    const int64_t totalWidth = columns * cellWidth + scale, totalHeight = rows * cellHeight + scale;
    std::vector<unsigned char> pixels(static_cast<size_t>(totalWidth * totalHeight), 96);
    for (size_t i = 0; i < images.size(); ++i) {
        const int64_t left = static_cast<int64_t>(i) % columns * cellWidth + scale;
        const int64_t top = static_cast<int64_t>(i) / columns * cellHeight + scale;
        for (int64_t y = 0; y < height * scale; ++y)
            for (int64_t x = 0; x < width * scale; ++x) {
                const float v = std::clamp(images[i][y / scale * width + x / scale], 0.0f, 1.0f);
                pixels[static_cast<size_t>((top + y) * totalWidth + left + x)] =
                    static_cast<unsigned char>(v * 255.0f + 0.5f);
            }
    }
    std::string out =
        "P5\n" + std::to_string(totalWidth) + " " + std::to_string(totalHeight) + "\n255\n";
    out.append(pixels.begin(), pixels.end());
    return out;
}

}  // namespace

int samplesCommand(const Words& words) {
    const Arguments args(
        words, {"dataset", "augment", "count", "variants", "first", "seed", "scale", "out"},
        {"test"});
    const std::string out = args.required("out");
    checkWritableTarget(out);  // before the work it would keep
    Augmentation augmentation;
    try {
        augmentation = Augmentation::parse(args.text("augment", ""));
    } catch (const InputError& error) {
        throw UsageError(std::string("--augment: ") + error.what());
    }
    const int64_t count = args.integer("count", 8, 1, 1000);
    const auto variants =
        static_cast<int>(args.integer("variants", augmentation.active() ? 4 : 0, 0, 100));
    if (variants > 0 && !augmentation.active()) throw UsageError("--variants needs --augment");
    const int64_t first = args.integer("first", 1, 1, std::numeric_limits<int32_t>::max());
    const auto seed =
        static_cast<uint64_t>(args.integer("seed", 1, 0, std::numeric_limits<int64_t>::max()));
    const int64_t scale = args.integer("scale", 3, 1, 16);

    const Dataset dataset = loadDataset(DatasetSpec::parse(args.text("dataset", "fashion-mnist")));
    if (dataset.imageWidth < 1) throw InputError(dataset.name + " is not an image dataset");
    const DataSplit& split = args.has("test") ? dataset.test : dataset.train;
    if (first > split.count)
        throw InputError(dataset.name + " has " + std::to_string(split.count) +
                         " samples in that part, not " + std::to_string(first));
    std::vector<int64_t> rows;
    for (int64_t r = first - 1; r < std::min(split.count, first - 1 + count); ++r)
        rows.push_back(r);

    CpuBackend backend;
    const std::vector<float> copies =
        augmentedCopies(backend, dataset, split, rows, augmentation, variants, seed);
    std::vector<std::vector<float>> originals;
    std::vector<const float*> images;
    for (size_t i = 0; i < rows.size(); ++i) {
        originals.push_back(split.floatInputs(rows[i], 1, dataset.inputSize));
        images.push_back(originals.back().data());
        for (int k = 0; k < variants; ++k)
            images.push_back(copies.data() +
                             (static_cast<int64_t>(i) * variants + k) * dataset.inputSize);
    }
    writeFileAtomically(
        out, portableGraymap(images, 1 + variants, dataset.imageWidth, dataset.imageHeight, scale));

    for (int64_t row : rows) {
        const int32_t label = split.labels[static_cast<size_t>(row)];
        const std::string name = static_cast<size_t>(label) < dataset.classNames.size()
                                     ? dataset.classNames[static_cast<size_t>(label)]
                                     : std::to_string(label);
        std::cout << "sample " << row + 1 << ": label " << label << " (" << name << ")\n";
    }
    std::cout << "wrote " << out << ": " << rows.size() << " rows of " << 1 + variants
              << " images ("
              << (variants ? "the original, then " + std::to_string(variants) + " augmented as " +
                                 augmentation.text()
                           : "as stored")
              << ")\n";
    return 0;
}

}  // namespace koto::cli
