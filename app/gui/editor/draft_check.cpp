#include "editor/draft_check.h"

#include "network/layer_registry.h"
#include "util/errors.h"

namespace koto::gui {
namespace {

// The input's shape as the first layer that computes takes it (see DataShape).
std::vector<int64_t> inputShapeFor(const NetworkDraft& draft, const std::vector<std::string>& chain,
                                   const DataShape& data) {
    if (data.values < 1) return {};
    for (const std::string& name : chain) {
        const std::string& type = draft.node(name)->type;
        if (type == "dropout" || type == "noise") continue;
        const bool images = data.imageHeight > 0 && data.imageWidth > 0 &&
                            data.imageHeight * data.imageWidth == data.values;
        if ((type == "conv" || type == "maxpool" || type == "avgpool") && images)
            return {1, data.imageHeight, data.imageWidth};
        if ((type == "rnn" || type == "lstm") && data.sequenceLength > 0 &&
            data.values % data.sequenceLength == 0)
            return {data.sequenceLength, data.values / data.sequenceLength};
        break;
    }
    return {data.values};
}

// seq:many answers at every time step, seq:last once a sequence: the data's targets must match.
// Where the chain and the data disagree (a node, or the output) and why; nothing if they agree.
std::optional<std::pair<std::string, QString>>
targetStepsProblem(const NetworkDraft& draft, const std::vector<std::string>& chain,
                   const DataShape& data) {
    bool manyToMany = false;
    for (const std::string& name : chain) {
        const std::string& type = draft.node(name)->type;
        const QString node = QString::fromStdString(name);
        if (type == "sequence_many" && !data.targetEveryStep)
            return std::pair{
                name, DraftCheck::tr(
                          "%1 (seq:many) answers at every time step, but the data have one target "
                          "per sequence: choose \"A target at every time step\" in the data, or "
                          "use seq:last")
                          .arg(node)};
        if (type == "sequence_last" && data.targetEveryStep)
            return std::pair{
                name, DraftCheck::tr(
                          "%1 (seq:last) answers once per sequence, but the data have a target at "
                          "every time step: use seq:many")
                          .arg(node)};
        manyToMany = manyToMany || type == "sequence_many";
    }
    if (data.targetEveryStep && !manyToMany)
        return std::pair{std::string(kOutputNode),
                         DraftCheck::tr("The data have a target at every time step: put seq:many "
                                        "after the recurrent layer")};
    return std::nullopt;
}

}  // namespace

QString batchShapeText(const std::vector<int64_t>& sampleShape) {
    QString text = QStringLiteral("N");
    for (const int64_t d : sampleShape) text += QStringLiteral(" x ") + QString::number(d);
    return text;
}

DraftCheck DraftCheck::of(const NetworkDraft& draft, const DataShape& data) {
    DraftCheck check;
    const std::vector<std::string> chain = draft.chainFromInput();
    const std::vector<int64_t> input = inputShapeFor(draft, chain, data);
    if (!input.empty()) check.shapes[kInputNode] = input;

    // Along the chain while the shapes fit; a node after a broken one has no shape to show.
    std::vector<int64_t> current = input;
    std::string currentName = "the input";
    bool shapesKnown = !input.empty();
    for (const std::string& name : chain) {
        const LayerSpec& layer = *draft.node(name);
        const LayerType* type = findLayerType(layer.type);
        if (!type) {
            check.errors[name] =
                tr("%1: this version does not know the layer type \"%2\"")
                    .arg(QString::fromStdString(name), QString::fromStdString(layer.type));
            shapesKnown = false;
        }
        if (!shapesKnown) continue;
        try {
            current = type->inferShape(layer, current, currentName);
            check.shapes[name] = current;
            currentName = name;
        } catch (const SpecError& error) {
            check.errors[name] = QString::fromStdString(error.what());
            shapesKnown = false;
        }
    }
    const std::string last = chain.empty() ? kInputNode : chain.back();
    const auto end = draft.links.find(last);
    const bool reachesOutput = end != draft.links.end() && end->second == kOutputNode;
    if (!reachesOutput)
        check.errors[kOutputNode] =
            tr("Nothing is connected to the output: drag from the output port (bottom) of %1 to "
               "the output's input port")
                .arg(last == kInputNode ? tr("the input") : QString::fromStdString(last));
    else if (chain.empty())
        check.errors[kOutputNode] = tr("The network has no layers: drag a layer from the palette "
                                       "between the input and the output");
    if (data.regression && draft.loss != LossKind::MeanSquaredError)
        check.errors[kOutputNode] =
            tr("The data are a regression task: the output needs the loss mean squared error");

    if (check.errors.empty() && shapesKnown) {
        NetworkSpec spec;
        spec.inputShape = input;
        spec.loss = draft.loss;
        for (const std::string& name : chain) spec.layers.push_back(*draft.node(name));
        try {
            inferShapes(spec);  // the whole spec: here the output layer and the loss must agree
            const std::vector<int64_t>& output = check.shapes.at(chain.back());
            const int64_t wanted = draft.loss == LossKind::BinaryCrossEntropy ? 1 : data.outputs;
            if (data.outputs > 0 && output != std::vector<int64_t>{wanted})
                check.errors[kOutputNode] =
                    draft.loss == LossKind::CrossEntropy
                        ? tr("The data have %1 classes, so the last layer needs %1 units (softmax "
                             "gives one probability "
                             "per class), but %2 gives %3")
                              .arg(wanted)
                              .arg(QString::fromStdString(chain.back()), batchShapeText(output))
                        : tr("The output must give %n value(s) per sample, but %1 gives %2",
                             nullptr, static_cast<int>(wanted))
                              .arg(QString::fromStdString(chain.back()), batchShapeText(output));
            else if (const auto steps = targetStepsProblem(draft, chain, data))
                check.errors[steps->first] = steps->second;
            else check.network = spec;
        } catch (const SpecError& error) {
            const int index = error.layerIndex();
            const std::string& where =
                index >= 0 && index < static_cast<int>(chain.size()) ? chain[index] : kOutputNode;
            check.errors[where] = QString::fromStdString(error.what());
        }
    }
    if (data.values < 1) check.network.reset();  // no data to train on yet

    // Every node off the chain.
    for (const LayerSpec& layer : draft.nodes)
        if (std::find(chain.begin(), chain.end(), layer.name) == chain.end())
            check.errors[layer.name] = tr("%1 is not connected to the input: the network is one "
                                          "chain from the input to the output, so "
                                          "connect it (or delete it)")
                                           .arg(QString::fromStdString(layer.name));

    // Why Play is disabled: the first reason from the input down, then the output, then the rest.
    for (const std::string& name : chain)
        if (check.errors.count(name)) {
            check.problem = check.errors.at(name);
            break;
        }
    if (check.problem.isEmpty() && check.errors.count(kOutputNode))
        check.problem = check.errors.at(kOutputNode);
    if (check.problem.isEmpty() && !check.errors.empty())
        check.problem = check.errors.begin()->second;
    if (!check.errors.empty()) check.network.reset();
    return check;
}

}  // namespace koto::gui
