#include "project/default_lesson.h"

namespace koto::gui {

Lesson defaultLesson() {
    Lesson lesson;
    lesson.dataset = "spiral";
    lesson.layers = "dense:16:tanh,dense:16:tanh";
    lesson.settings.learningRate = 0.1;
    lesson.settings.batchSize = 10;
    lesson.settings.seed = 1;
    return lesson;
}

}  // namespace koto::gui
