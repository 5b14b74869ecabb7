#include "data/augmentation.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <sstream>

#include "util/errors.h"
#include "util/text.h"

namespace koto {
namespace {

double numberOf(const std::string& word, const std::string& value, double lowest, double highest) {
    double number = 0;
    std::istringstream in(value);
    in.imbue(std::locale::classic());
    if (!(in >> number) || !in.eof() || !(number >= lowest && number <= highest))
        throw InputError("augmentation: " + word + " must be a number from " + shortNumber(lowest) +
                         " to " + shortNumber(highest) + ", not " + inQuotes(value));
    return number;
}

// A uniform number in [-1, 1] from 32 random bits.
float signedUniform(uint32_t bits) { return 2.0f * uniformFrom(bits) - 1.0f; }

}  // namespace

bool Augmentation::active() const {
    return translate > 0 || rotate > 0 || flip || brightness > 0 || contrast > 0;
}

Augmentation Augmentation::parse(const std::string& text) {
    Augmentation result;
    if (text.empty() || text == "none") return result;
    for (const std::string& item : splitText(text, ',')) {
        const size_t equals = item.find('=');
        const std::string word = item.substr(0, equals);
        const std::string value = equals == std::string::npos ? "" : item.substr(equals + 1);
        if (word == "flip") {
            if (equals != std::string::npos) throw InputError("augmentation: flip takes no value");
            result.flip = true;
            continue;
        }
        if (equals == std::string::npos)
            throw InputError("augmentation: " + inQuotes(word) +
                             " needs a value, as in translate=2");
        if (word == "translate") {
            const double pixels = numberOf(word, value, 0, 14);
            if (pixels != std::floor(pixels))
                throw InputError("augmentation: translate counts whole pixels, not " +
                                 inQuotes(value));
            result.translate = static_cast<int64_t>(pixels);
        } else if (word == "rotate") result.rotate = numberOf(word, value, 0, 180);
        else if (word == "brightness") result.brightness = numberOf(word, value, 0, 1);
        else if (word == "contrast") result.contrast = numberOf(word, value, 0, 1);
        else
            throw InputError("augmentation: unknown " + inQuotes(word) +
                             " (translate=PIXELS, rotate=DEGREES, flip, brightness=B, contrast=C)");
    }
    return result;
}

std::string Augmentation::text() const {
    std::string out;
    auto add = [&](const std::string& item) { out += (out.empty() ? "" : ",") + item; };
    if (translate > 0) add("translate=" + std::to_string(translate));
    if (rotate > 0) add("rotate=" + shortNumber(rotate));
    if (flip) add("flip");
    if (brightness > 0) add("brightness=" + shortNumber(brightness));
    if (contrast > 0) add("contrast=" + shortNumber(contrast));
    return out;
}

void Augmentation::checkFor(const Dataset& dataset) const {
    if (!active()) return;
    if (dataset.imageWidth < 1 || dataset.imageHeight < 1)
        throw InputError("augmentation changes images, and " + dataset.name +
                         " is not an image dataset");
    if (flip && !dataset.mirrorKeepsClass)
        throw InputError(
            "flip: a mirrored image of " + dataset.name +
            " may belong to another class (a mirrored digit is no digit); leave flip out here");
}

ImageTransform Augmentation::draw(const RandomStream& stream, int64_t sample) const {
    const PhiloxBlock geometry = stream.block(2 * static_cast<uint64_t>(sample));
    const PhiloxBlock tone = stream.block(2 * static_cast<uint64_t>(sample) + 1);
    ImageTransform t;
    // Whole pixels from -translate to translate, each equally likely.
    const auto span = static_cast<uint32_t>(2 * translate + 1);
    t.shiftX = static_cast<float>(static_cast<int64_t>(geometry[0] % span) - translate);
    t.shiftY = static_cast<float>(static_cast<int64_t>(geometry[1] % span) - translate);
    t.radians = static_cast<float>(rotate * std::numbers::pi / 180.0) * signedUniform(geometry[2]);
    t.mirror = flip && (geometry[3] & 1u);
    t.brightness = static_cast<float>(brightness) * signedUniform(tone[0]);
    t.contrast = 1.0f + static_cast<float>(contrast) * signedUniform(tone[1]);
    return t;
}

std::vector<float> augmentedCopies(Backend& backend, const Dataset& dataset, const DataSplit& split,
                                   std::span<const int64_t> rows, const Augmentation& augmentation,
                                   int variants, uint64_t seed) {
    augmentation.checkFor(dataset);
    const int64_t width = dataset.inputSize;
    const auto count = static_cast<int64_t>(rows.size());
    std::vector<float> originals;
    originals.reserve(static_cast<size_t>(count * width));
    for (int64_t row : rows) {
        if (row < 0 || row >= split.count)
            throw InputError("no sample " + std::to_string(row + 1) + " in the data");
        const std::vector<float> one = split.floatInputs(row, 1, width);
        originals.insert(originals.end(), one.begin(), one.end());
    }
    std::vector<float> copies(static_cast<size_t>(count * variants * width));
    if (count == 0 || variants < 1) return copies;
    Tensor images = backend.allocate({count, width}, DType::Float32);
    Tensor changed = backend.allocate({count, width}, DType::Float32);
    backend.upload(std::span<const float>(originals), images);
    std::vector<ImageTransform> transforms(static_cast<size_t>(count));
    std::vector<float> one(static_cast<size_t>(count * width));
    for (int k = 0; k < variants; ++k) {
        const RandomStream stream{seed, static_cast<uint64_t>(k + 1), kAugmentationStream};
        for (int64_t i = 0; i < count; ++i)
            transforms[static_cast<size_t>(i)] = augmentation.draw(stream, i);
        backend.augmentImages(transforms, dataset.imageWidth, dataset.imageHeight, images, changed);
        backend.download(changed, std::span<float>(one));
        for (int64_t i = 0; i < count; ++i)
            std::copy_n(one.begin() + i * width, width,
                        copies.begin() + (i * variants + k) * width);
    }
    return copies;
}

}  // namespace koto
