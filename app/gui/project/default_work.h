#pragma once
// The work the app opens with (and File > New starts): the spiral, the hardest of the
// Playground's sets, with a small tanh network that can learn it, ready for Play.

#include <string>

#include "training/trainer.h"

namespace koto::gui {

struct StartingWork {
    std::string dataset;  // a dataset spec
    std::string layers;   // hidden layers as CLI tokens
    TrainingSettings settings;
};

StartingWork defaultWork();

}  // namespace koto::gui
