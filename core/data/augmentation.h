#pragma once
// Data augmentation for images (part 11 of the curriculum: more data, made from the data we
// have). Every training batch sees each image moved, turned, mirrored, brighter or with more or
// less contrast by a random amount, so the network has to learn what does not change under
// these; the labels stay as they are. Test and validation images are never changed.
//
// Written as the CLI takes it: "translate=2,rotate=10,flip,brightness=0.1,contrast=0.2"
//   translate=P   up to P whole pixels left/right and up/down (each drawn from -P..P)
//   rotate=D      turned by up to D degrees either way
//   flip          mirrored left-right half of the time; only for datasets whose classes survive
//                 a mirror (clothes do, digits do not: a mirrored 2 is no 2)
//   brightness=B  up to B added to or taken from every pixel (pixels run from 0 to 1)
//   contrast=C    contrast multiplied by a factor from 1 - C to 1 + C
// The amounts come from Philox keyed by (seed, step, sample in the batch): a run is
// reproducible, and a batch can be replayed exactly.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "backend/backend.h"
#include "data/dataset.h"
#include "util/philox.h"

namespace koto {

struct Augmentation {
    int64_t translate = 0;
    double rotate = 0;
    bool flip = false;
    double brightness = 0;
    double contrast = 0;

    bool active() const;
    // Throws InputError for unknown words or values out of range; "" and "none" are no
    // augmentation.
    static Augmentation parse(const std::string& text);
    std::string text() const;  // "" when not active
    // Throws InputError if the dataset is not images, or if flip is asked of one whose classes a
    // mirror changes.
    void checkFor(const Dataset& dataset) const;

    // The transform of sample `sample` of the batch that `stream` (seed, step) names.
    ImageTransform draw(const RandomStream& stream, int64_t sample) const;
};

// The stream "layer" the augmentation's random numbers come from: apart from every layer's.
constexpr uint32_t kAugmentationStream = 0xFFFF;

// What the network sees: `variants` augmented copies of each of the split's samples `rows`, as
// [0, 1] floats, image after image (row r's copies together). Copy k is drawn as training step
// k + 1 of the given seed draws it.
std::vector<float> augmentedCopies(Backend& backend, const Dataset& dataset, const DataSplit& split,
                                   std::span<const int64_t> rows, const Augmentation& augmentation,
                                   int variants, uint64_t seed);

}  // namespace koto
