#include "data/data_shape.h"

namespace koto {

DataShape dataShapeOf(const Dataset& data) {
    DataShape shape;
    shape.values = data.inputSize;
    shape.imageHeight = data.imageHeight;
    shape.imageWidth = data.imageWidth;
    shape.sequenceLength = data.sequenceLength;
    shape.targetEveryStep = data.targetEveryStep;
    shape.regression = data.task == Task::Regression;
    shape.outputs = shape.regression ? data.outputSize : data.classCount;
    return shape;
}

}  // namespace koto
