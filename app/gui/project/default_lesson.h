#pragma once
// The lesson the app opens with: the spiral, the hardest of the Playground's sets, with a small
// tanh network that can learn it, ready for Play.

#include <string>

#include "training/trainer.h"

namespace koto::gui {

struct Lesson {
    std::string dataset;  // a dataset spec
    std::string layers;   // hidden layers as CLI tokens
    TrainingSettings settings;
};

Lesson defaultLesson();

}  // namespace koto::gui
