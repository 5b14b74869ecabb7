#include "project/default_work.h"

namespace koto::gui {

StartingWork defaultWork() {
    StartingWork work;
    work.dataset = "spiral";
    work.layers = "dense:16:tanh,dense:16:tanh";
    work.settings.learningRate = 0.1;
    work.settings.batchSize = 10;
    work.settings.seed = 1;
    return work;
}

}  // namespace koto::gui
