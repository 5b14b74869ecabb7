// Fuzz target: the dataset, layer and augmentation specs of the command line. The input is split
// at the first newline: a dataset spec, then a layers spec; the whole input is also read as an
// augmentation spec, whose text must read back as itself. Datasets are capped small so each run
// is quick. Every error message must be one short line (message_checks.h).

#include <cstddef>
#include <cstdint>
#include <string>

#include "data/augmentation.h"
#include "data/dataset_spec.h"
#include "io/layer_tokens.h"
#include "message_checks.h"
#include "util/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const size_t newline = text.find('\n');
    const std::string datasetText = text.substr(0, newline);
    const std::string layersText = newline == std::string::npos ? "" : text.substr(newline + 1);
    try {
        const koto::Augmentation augmentation = koto::Augmentation::parse(text);
        if (koto::Augmentation::parse(augmentation.text()).text() != augmentation.text())
            __builtin_trap();
    } catch (const koto::InputError& error) {
        kotofuzz::checkMessage(error);
    }
    try {
        koto::DatasetSpec spec = koto::DatasetSpec::parse(datasetText);
        // Generating millions of points would only test patience. A csv: spec takes no n, and
        // reads its file, which the corpus names as devices and folders (csv:/dev/zero).
        if (spec.name != "csv") spec.options["n"] = "40";
        const koto::Dataset dataset = koto::loadDataset(spec);
        koto::networkSpecFromTokens(layersText, dataset);
    } catch (const koto::InputError& error) {
        kotofuzz::checkMessage(error);
    } catch (const koto::SpecError& error) {
        kotofuzz::checkMessage(error);
    }
    return 0;
}
