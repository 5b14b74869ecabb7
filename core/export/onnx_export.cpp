#include "export/onnx_export.h"

#include <cstring>

#include <nlohmann/json.hpp>
#include <onnx/onnx_pb.h>

#include "util/errors.h"

namespace koto {
namespace {

using ExportedFloats = std::vector<float>;

void setFloats(onnx::TensorProto& tensor, const ExportedFloats& values) {
    tensor.set_data_type(onnx::TensorProto_DataType_FLOAT);
    std::string raw(values.size() * sizeof(float), '\0');  // little-endian, as ONNX stores it
    std::memcpy(raw.data(), values.data(), raw.size());
    tensor.set_raw_data(std::move(raw));
}

void addAttribute(onnx::NodeProto& node, const std::string& name, int64_t value) {
    onnx::AttributeProto* a = node.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto_AttributeType_INT);
    a->set_i(value);
}

void addAttribute(onnx::NodeProto& node, const std::string& name, std::vector<int64_t> values) {
    onnx::AttributeProto* a = node.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto_AttributeType_INTS);
    for (const int64_t v : values) a->add_ints(v);
}

void addAttribute(onnx::NodeProto& node, const std::string& name, std::vector<float> values) {
    onnx::AttributeProto* a = node.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto_AttributeType_FLOATS);
    for (const float v : values) a->add_floats(v);
}

// A list of one string (RNN's "activations").
void addAttribute(onnx::NodeProto& node, const std::string& name, const std::string& value) {
    onnx::AttributeProto* a = node.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto_AttributeType_STRINGS);
    a->add_strings(value);
}

void setShape(onnx::ValueInfoProto& value, const std::vector<int64_t>& sampleShape) {
    onnx::TypeProto_Tensor* type = value.mutable_type()->mutable_tensor_type();
    type->set_elem_type(onnx::TensorProto_DataType_FLOAT);
    onnx::TensorShapeProto* shape = type->mutable_shape();
    shape->add_dim()->set_dim_param("batch");
    for (const int64_t d : sampleShape) shape->add_dim()->set_dim_value(d);
}

// Builds the graph node by node; `current_` names the value the next layer reads.
class GraphWriter {
public:
    explicit GraphWriter(onnx::GraphProto& graph) : graph_(graph) {}

    const std::string& current() const { return current_; }
    void setCurrent(std::string name) { current_ = std::move(name); }

    // A node reading `inputs` and writing one new value, which becomes the current one.
    onnx::NodeProto& node(const std::string& op, const std::string& layer,
                          std::vector<std::string> inputs) {
        onnx::NodeProto* n = graph_.add_node();
        n->set_op_type(op);
        n->set_name(layer + "/" + op);
        for (const std::string& in : inputs) n->add_input(in);
        current_ = layer + "/" + op + "_out";
        n->add_output(current_);
        return *n;
    }

    std::string floats(const std::string& name, std::vector<int64_t> dims, const ExportedFloats& v) {
        onnx::TensorProto* t = graph_.add_initializer();
        t->set_name(name);
        for (const int64_t d : dims) t->add_dims(d);
        setFloats(*t, v);
        return name;
    }

    std::string integers(const std::string& name, std::vector<int64_t> dims,
                         const std::vector<int64_t>& values) {
        onnx::TensorProto* t = graph_.add_initializer();
        t->set_name(name);
        for (const int64_t d : dims) t->add_dims(d);
        t->set_data_type(onnx::TensorProto_DataType_INT64);
        for (const int64_t v : values) t->add_int64_data(v);
        return name;
    }

    void activation(const std::string& layer, const std::string& name) {
        if (name == "sigmoid") node("Sigmoid", layer, {current_});
        else if (name == "tanh") node("Tanh", layer, {current_});
        else if (name == "relu") node("Relu", layer, {current_});
        else if (name == "softmax") addAttribute(node("Softmax", layer, {current_}), "axis", int64_t{-1});
        else if (name != "linear" && !name.empty())
            throw InputError(layer + ": the activation " + name + " has no ONNX operator here");
    }

private:
    onnx::GraphProto& graph_;
    std::string current_;
};

const ExportedTensor& tensorOf(const ExportedLayer& layer, size_t index) {
    return layer.tensors.at(index);
}

std::vector<float> transposed(const ExportedTensor& t) {
    const int64_t rows = t.shape[0], cols = t.shape[1];
    std::vector<float> out(t.values.size());
    for (int64_t r = 0; r < rows; ++r)
        for (int64_t c = 0; c < cols; ++c)
            out[static_cast<size_t>(c * rows + r)] = t.values[static_cast<size_t>(r * cols + c)];
    return out;
}

void writeDense(GraphWriter& g, const ExportedLayer& layer, bool perStep) {
    const ExportedTensor& w = tensorOf(layer, 0);
    const ExportedTensor& b = tensorOf(layer, 1);
    const std::string bias = g.floats(b.name, b.shape, b.values);
    if (perStep) {  // [N, T, D] after seq:many: MatMul broadcasts over the steps
        const std::string weights = g.floats(w.name, w.shape, w.values);
        g.node("MatMul", layer.name, {g.current(), weights});
        g.node("Add", layer.name, {g.current(), bias});
    } else {  // Gemm with transB = 1: B is W^T, K x D, which every consumer handles well
        const std::string weights = g.floats(w.name, {w.shape[1], w.shape[0]}, transposed(w));
        addAttribute(g.node("Gemm", layer.name, {g.current(), weights, bias}), "transB", int64_t{1});
    }
    g.activation(layer.name, layer.activation);
}

void writeConv(GraphWriter& g, const ExportedLayer& layer) {
    const ExportedTensor& w = tensorOf(layer, 0);
    const ExportedTensor& b = tensorOf(layer, 1);
    onnx::NodeProto& conv = g.node("Conv", layer.name,
                                   {g.current(), g.floats(w.name, w.shape, w.values),
                                    g.floats(b.name, b.shape, b.values)});
    addAttribute(conv, "kernel_shape", std::vector<int64_t>{layer.kernel, layer.kernel});
    addAttribute(conv, "strides", std::vector<int64_t>{layer.stride, layer.stride});
    addAttribute(conv, "pads",
                 std::vector<int64_t>{layer.padding, layer.padding, layer.padding, layer.padding});
    g.activation(layer.name, layer.activation);
}

void writePooling(GraphWriter& g, const ExportedLayer& layer) {
    onnx::NodeProto& pool = g.node(
        layer.kind == ExportedLayerKind::MaxPool ? "MaxPool" : "AveragePool", layer.name,
        {g.current()});
    addAttribute(pool, "kernel_shape", std::vector<int64_t>{layer.kernel, layer.kernel});
    addAttribute(pool, "strides", std::vector<int64_t>{layer.kernel, layer.kernel});
}

// Our gate blocks i, f, o, g (columns of Wx: D x 4U) to ONNX's i, o, f, c rows ([4U, D]).
std::vector<float> onnxGateRows(const ExportedTensor& t, int64_t units) {
    const int64_t inputs = t.shape[0];
    constexpr int64_t ourBlockOf[4] = {0, 2, 1, 3};  // ONNX i, o, f, c from our i, f, o, g
    std::vector<float> out(t.values.size());
    for (int64_t gate = 0; gate < 4; ++gate)
        for (int64_t u = 0; u < units; ++u)
            for (int64_t d = 0; d < inputs; ++d)
                out[static_cast<size_t>((gate * units + u) * inputs + d)] =
                    t.values[static_cast<size_t>(d * 4 * units + ourBlockOf[gate] * units + u)];
    return out;
}

std::string rnnActivation(const std::string& name) {
    if (name == "tanh") return "Tanh";
    if (name == "sigmoid") return "Sigmoid";
    if (name == "relu") return "Relu";
    return "Affine";  // linear: alpha 1, beta 0
}

void writeRecurrent(GraphWriter& g, const ExportedLayer& layer, bool& timeMajor) {
    if (!timeMajor)  // RNN and LSTM read [T, N, D]
        addAttribute(g.node("Transpose", layer.name, {g.current()}), "perm",
                     std::vector<int64_t>{1, 0, 2});
    timeMajor = true;
    const bool lstm = layer.kind == ExportedLayerKind::Lstm;
    const int64_t u = layer.units, gates = lstm ? 4 : 1;
    const ExportedTensor& wx = tensorOf(layer, 0);
    const ExportedTensor& wh = tensorOf(layer, 1);
    const ExportedTensor& b = tensorOf(layer, 2);
    std::vector<float> bias(static_cast<size_t>(2 * gates * u), 0.0f);  // Wb, then Rb = 0
    if (lstm) {
        const std::vector<float> reordered =
            onnxGateRows({b.name, {1, 4 * u}, b.values}, u);
        std::copy(reordered.begin(), reordered.end(), bias.begin());
    } else {
        std::copy(b.values.begin(), b.values.end(), bias.begin());
    }
    const std::string w = g.floats(wx.name, {1, gates * u, wx.shape[0]},
                                   lstm ? onnxGateRows(wx, u) : transposed(wx));
    const std::string r = g.floats(wh.name, {1, gates * u, u},
                                   lstm ? onnxGateRows(wh, u) : transposed(wh));
    const std::string bb = g.floats(b.name, {1, 2 * gates * u}, bias);
    onnx::NodeProto& cell = g.node(lstm ? "LSTM" : "RNN", layer.name, {g.current(), w, r, bb});
    addAttribute(cell, "hidden_size", u);
    if (!lstm) {
        addAttribute(cell, "activations", rnnActivation(layer.activation));
        if (layer.activation == "linear") {
            addAttribute(cell, "activation_alpha", std::vector<float>{1.0f});
            addAttribute(cell, "activation_beta", std::vector<float>{0.0f});
        }
    }
    // Y is [T, num_directions = 1, N, U]: drop the direction axis.
    g.node("Squeeze", layer.name, {g.current(), g.integers(layer.name + "/axes", {1}, {1})});
}

std::string inputDoc(const ExportedModel& model) {
    std::string shape;
    for (const int64_t d : model.inputShape) shape += ", " + std::to_string(d);
    const char* kind = model.inputKind == ExportedInputKind::Images      ? "images (N, C, H, W)"
                       : model.inputKind == ExportedInputKind::Sequences ? "sequences (N, T, D)"
                                                                         : "vectors (N, D)";
    return std::string("X: float32 [N") + shape + "], " + kind + ", one sample a row" +
           (model.pixelInputs ? "; pixels from 0 to 255, which the model divides by 255 first"
                              : "");
}

std::string outputDoc(const ExportedModel& model) {
    std::string shape;
    for (const int64_t d : model.outputShape) shape += ", " + std::to_string(d);
    return "Y: float32 [N" + shape + "], " + model.outputMeaning +
           (model.outputShape.size() == 2 ? " at every time step" : "");
}

void addMetadata(onnx::ModelProto& proto, const std::string& key, const std::string& value) {
    onnx::StringStringEntryProto* entry = proto.add_metadata_props();
    entry->set_key(key);
    entry->set_value(value);
}

}  // namespace

std::string onnxModelBytes(const ExportedModel& model) {
    onnx::ModelProto proto;
    proto.set_ir_version(8);
    proto.set_producer_name(model.producerName);
    proto.set_producer_version("0.1.0");
    onnx::OperatorSetIdProto* opset = proto.add_opset_import();
    opset->set_domain("");
    opset->set_version(13);
    const std::string doc = "A " + model.modelKind + " trained by Kotohajime: " +
                            layerSummary(model) + ". Input " + inputDoc(model) + ". Output " +
                            outputDoc(model) + ".";
    proto.set_doc_string(doc);

    onnx::GraphProto& graph = *proto.mutable_graph();
    graph.set_name("kotohajime");
    graph.set_doc_string(doc);
    onnx::ValueInfoProto& input = *graph.add_input();
    input.set_name("X");
    input.set_doc_string(inputDoc(model));
    setShape(input, model.inputShape);

    GraphWriter g(graph);
    g.setCurrent("X");
    if (model.pixelInputs)
        g.node("Div", "scale", {"X", g.floats("pixel_range", {}, {255.0f})});
    bool timeMajor = false, perStep = false;
    for (const ExportedLayer& layer : model.layers) {
        switch (layer.kind) {
        case ExportedLayerKind::Dense: writeDense(g, layer, perStep); break;
        case ExportedLayerKind::Conv: writeConv(g, layer); break;
        case ExportedLayerKind::MaxPool:
        case ExportedLayerKind::AvgPool: writePooling(g, layer); break;
        case ExportedLayerKind::Flatten:
            addAttribute(g.node("Flatten", layer.name, {g.current()}), "axis", int64_t{1});
            break;
        case ExportedLayerKind::Rnn:
        case ExportedLayerKind::Lstm: writeRecurrent(g, layer, timeMajor); break;
        case ExportedLayerKind::SequenceLast:  // h(T): the last step of [T, N, U]
            g.node("Gather", layer.name,
                   {g.current(), g.integers(layer.name + "/last", {}, {-1})});
            timeMajor = false;
            break;
        case ExportedLayerKind::SequenceMany:  // every step, batch-major again: [N, T, U]
            addAttribute(g.node("Transpose", layer.name, {g.current()}), "perm",
                         std::vector<int64_t>{1, 0, 2});
            timeMajor = false;
            perStep = true;
            break;
        }
    }
    if (graph.node_size() == 0) g.node("Identity", "output", {"X"});  // nothing acts at inference
    // The last node writes "Y" itself: the graph's output is a named value, not a copy.
    graph.mutable_node(graph.node_size() - 1)->set_output(0, "Y");
    onnx::ValueInfoProto& output = *graph.add_output();
    output.set_name("Y");
    output.set_doc_string(outputDoc(model));
    setShape(output, model.outputShape);

    addMetadata(proto, "producer", "Kotohajime 0.1.0");
    addMetadata(proto, "model", model.modelKind);
    addMetadata(proto, "layers", layerSummary(model));
    addMetadata(proto, "dataset", model.dataset);
    addMetadata(proto, "class_names", nlohmann::json(model.classNames).dump());
    addMetadata(proto, "training", model.trainingSettings);
    addMetadata(proto, "epochs_trained", std::to_string(model.epochsTrained));
    addMetadata(proto, "input", inputDoc(model));
    addMetadata(proto, "output", outputDoc(model));
    addMetadata(proto, "input_scaling", model.pixelInputs ? "divide by 255 (inside the model)"
                                                         : "none");
    std::string bytes;
    if (!proto.SerializeToString(&bytes))
        throw InputError("the ONNX model could not be serialized (is it larger than 2 GB?)");
    return bytes;
}

}  // namespace koto
