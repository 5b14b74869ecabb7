#include "export/onnx_import.h"

#include <cstring>
#include <map>

#include <onnx/onnx_pb.h>

#include "io/atomic_file.h"
#include "network/layer_registry.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto {
namespace {

constexpr int64_t kMaxTensorValues = 100'000'000;  // a layer's weights, as the registry allows

// A constant of the graph (an initializer or a Constant node's value).
struct Constant {
    std::vector<int64_t> dims;
    std::vector<float> floats;   // FLOAT tensors
    std::vector<int64_t> ints;   // INT64 and INT32 tensors
    int64_t count() const { return static_cast<int64_t>(floats.size() + ints.size()); }
};

// The values a tensor holds, checked against its declared dims before anything is copied.
Constant constantOf(const onnx::TensorProto& t, const std::string& where) {
    Constant c;
    int64_t count = 1;
    for (const int64_t d : t.dims()) {
        if (d < 0 || (d > 0 && count > kMaxTensorValues / d))
            throw InputError(where + " declares a tensor of more than 100000000 values");
        c.dims.push_back(d);
        count *= d;
    }
    if (t.data_location() == onnx::TensorProto_DataLocation_EXTERNAL)
        throw InputError(where + " keeps its data in an external file, which is not supported");
    const auto checkCount = [&](int64_t held) {
        if (held != count)
            throw InputError(where + " declares " + std::to_string(count) + " values but holds " +
                             std::to_string(held));
    };
    const std::string& raw = t.raw_data();
    const size_t n = static_cast<size_t>(count);
    switch (t.data_type()) {
    case onnx::TensorProto_DataType_FLOAT:
        if (!raw.empty()) {
            checkCount(static_cast<int64_t>(raw.size() / 4));
            if (raw.size() % 4) checkCount(-1);
            c.floats.resize(n);
            std::memcpy(c.floats.data(), raw.data(), raw.size());
        } else {
            checkCount(t.float_data_size());
            c.floats.assign(t.float_data().begin(), t.float_data().end());
        }
        break;
    case onnx::TensorProto_DataType_INT64:
        if (!raw.empty()) {
            checkCount(static_cast<int64_t>(raw.size() / 8));
            if (raw.size() % 8) checkCount(-1);
            c.ints.resize(n);
            std::memcpy(c.ints.data(), raw.data(), raw.size());
        } else {
            checkCount(t.int64_data_size());
            c.ints.assign(t.int64_data().begin(), t.int64_data().end());
        }
        break;
    case onnx::TensorProto_DataType_INT32:
        checkCount(t.int32_data_size());
        c.ints.assign(t.int32_data().begin(), t.int32_data().end());
        break;
    default:
        throw InputError(where + " holds a tensor of ONNX data type " +
                         std::to_string(t.data_type()) + "; only float32 weights are supported");
    }
    return c;
}

const onnx::AttributeProto* attribute(const onnx::NodeProto& node, const std::string& name) {
    for (const onnx::AttributeProto& a : node.attribute())
        if (a.name() == name) return &a;
    return nullptr;
}

int64_t intAttribute(const onnx::NodeProto& node, const std::string& name, int64_t otherwise) {
    const onnx::AttributeProto* a = attribute(node, name);
    return a ? a->i() : otherwise;
}

std::vector<int64_t> intsAttribute(const onnx::NodeProto& node, const std::string& name) {
    const onnx::AttributeProto* a = attribute(node, name);
    return a ? std::vector<int64_t>(a->ints().begin(), a->ints().end()) : std::vector<int64_t>{};
}

std::vector<float> transposed(const std::vector<float>& v, int64_t rows, int64_t cols) {
    std::vector<float> out(v.size());
    for (int64_t r = 0; r < rows; ++r)
        for (int64_t c = 0; c < cols; ++c)
            out[static_cast<size_t>(c * rows + r)] = v[static_cast<size_t>(r * cols + c)];
    return out;
}

// ONNX's gate rows i, o, f, c ([4U, D]) to our columns i, f, o, g (D x 4U).
std::vector<float> ourGateColumns(const std::vector<float>& v, int64_t units, int64_t inputs) {
    constexpr int64_t onnxBlockOf[4] = {0, 2, 1, 3};  // our i, f, o, g from ONNX i, o, f, c
    std::vector<float> out(v.size());
    for (int64_t gate = 0; gate < 4; ++gate)
        for (int64_t u = 0; u < units; ++u)
            for (int64_t d = 0; d < inputs; ++d)
                out[static_cast<size_t>(d * 4 * units + gate * units + u)] =
                    v[static_cast<size_t>((onnxBlockOf[gate] * units + u) * inputs + d)];
    return out;
}

class ChainReader {
public:
    ChainReader(const onnx::GraphProto& graph, std::string source)
        : graph_(graph), source_(std::move(source)) {}

    Project read();

private:
    [[noreturn]] void fail(const onnx::NodeProto& node, const std::string& message) const {
        throw InputError(source_ + ": node " + inQuotes(node.name()) + " (" + node.op_type() +
                         "): " + message);
    }
    [[noreturn]] void unsupported(const onnx::NodeProto& node) const {
        fail(node, "the operator " + node.op_type() +
                       " is not supported; Kotohajime opens chains of Gemm, MatMul + Add, "
                       "Sigmoid, Tanh, Relu, Softmax, Conv, MaxPool, AveragePool, Flatten, "
                       "Reshape, RNN, LSTM, Dropout, Identity and Pad of width 0");
    }
    const Constant& constant(const onnx::NodeProto& node, int input) const;
    const Constant* optionalConstant(const onnx::NodeProto& node, int input) const;

    void readInput();
    void readNode(const onnx::NodeProto& node);
    void addDense(const onnx::NodeProto& node, std::vector<float> w, int64_t inputs, int64_t units,
                  std::vector<float> bias);
    void readGemm(const onnx::NodeProto& node);
    void readMatMul(const onnx::NodeProto& node);
    void readAdd(const onnx::NodeProto& node);
    void readActivation(const onnx::NodeProto& node);
    void readConv(const onnx::NodeProto& node);
    void readPooling(const onnx::NodeProto& node);
    void readFlatten(const onnx::NodeProto& node);
    void readRecurrent(const onnx::NodeProto& node);
    void readSequenceStep(const onnx::NodeProto& node);

    std::string addLayer(LayerSpec layer) {
        layer.name = layer.type + "_" + std::to_string(++counts_[layer.type]);
        spec_.layers.push_back(std::move(layer));
        return spec_.layers.back().name;
    }
    void addWeights(const std::string& name, int64_t rows, int64_t cols, std::vector<float> v) {
        project_.weights.push_back({name, rows, cols, std::move(v)});
    }

    const onnx::GraphProto& graph_;
    std::string source_;
    std::map<std::string, Constant> constants_;
    Project project_;
    NetworkSpec spec_;
    std::map<std::string, int> counts_;
    int rank_ = 0;                 // of the value the chain is at, the batch included
    bool timeMajor_ = false;       // [T, N, U] between a recurrent layer's Transposes
    std::string previousOp_;       // the chain's node before this one
    int activationSlot_ = -1;      // the layer a following activation belongs to
};

const Constant* ChainReader::optionalConstant(const onnx::NodeProto& node, int input) const {
    if (node.input_size() <= input || node.input(input).empty()) return nullptr;
    const auto found = constants_.find(node.input(input));
    if (found == constants_.end())
        fail(node, "input " + std::to_string(input + 1) + " must be a constant (weights)");
    return &found->second;
}

const Constant& ChainReader::constant(const onnx::NodeProto& node, int input) const {
    const Constant* c = optionalConstant(node, input);
    if (!c) fail(node, "input " + std::to_string(input + 1) + " is missing");
    return *c;
}

void ChainReader::readInput() {
    std::vector<const onnx::ValueInfoProto*> inputs;
    for (const onnx::ValueInfoProto& input : graph_.input())
        if (!constants_.count(input.name())) inputs.push_back(&input);
    if (inputs.size() != 1 || graph_.output_size() != 1)
        throw InputError(source_ + ": the graph has " + std::to_string(inputs.size()) +
                         " inputs and " + std::to_string(graph_.output_size()) +
                         " outputs; Kotohajime opens graphs with one of each");
    const onnx::TypeProto& type = inputs[0]->type();
    if (!type.has_tensor_type() || type.tensor_type().elem_type() != onnx::TensorProto_DataType_FLOAT ||
        !type.tensor_type().has_shape())
        throw InputError(source_ + ": the input " + inQuotes(inputs[0]->name()) +
                         " must be a float32 tensor of known shape");
    const onnx::TensorShapeProto& shape = type.tensor_type().shape();
    rank_ = shape.dim_size();
    if (rank_ < 2 || rank_ > 4)
        throw InputError(source_ + ": the input has " + std::to_string(rank_) +
                         " dimensions; Kotohajime takes vectors, sequences or images");
    for (int i = 1; i < rank_; ++i) {
        const int64_t d = shape.dim(i).dim_value();
        if (d < 1 || d > kMaxTensorValues)
            throw InputError(source_ + ": the input's dimension " + std::to_string(i + 1) +
                             " must be a fixed size from 1 to 100000000");
        spec_.inputShape.push_back(d);
    }
}

Project ChainReader::read() {
    for (const onnx::TensorProto& t : graph_.initializer())
        constants_[t.name()] = constantOf(t, source_ + ": the initializer " + inQuotes(t.name()));
    // Constant nodes (torch writes them for shapes and axes) are values, not steps of the chain.
    std::multimap<std::string, const onnx::NodeProto*> readers;
    int steps = 0;
    for (const onnx::NodeProto& node : graph_.node()) {
        if (!node.domain().empty() && node.domain() != "ai.onnx") unsupported(node);
        if (node.op_type() == "Constant") {
            const onnx::AttributeProto* value = attribute(node, "value");
            if (!value || node.output_size() != 1) unsupported(node);
            constants_[node.output(0)] = constantOf(value->t(), source_ + ": node " + inQuotes(node.name()));
            continue;
        }
        ++steps;
        for (const std::string& in : node.input())
            if (!constants_.count(in)) readers.emplace(in, &node);
    }
    readInput();
    std::string at;
    for (const onnx::ValueInfoProto& input : graph_.input())
        if (!constants_.count(input.name())) at = input.name();
    const std::string& output = graph_.output(0).name();
    for (int visited = 0; at != output; ++visited) {
        if (readers.count(at) != 1 || visited >= steps)
            throw InputError(source_ + ": the value " + inQuotes(at) + " is read by " +
                             std::to_string(readers.count(at)) +
                             " nodes; Kotohajime opens graphs that are one chain of layers");
        const onnx::NodeProto& node = *readers.find(at)->second;
        if (node.output_size() < 1) unsupported(node);
        readNode(node);
        previousOp_ = node.op_type();
        at = node.output(0);
    }
    if (spec_.layers.empty())
        throw InputError(source_ + ": the graph has no layer Kotohajime can train");
    const std::string last = spec_.layers.back().parameters.count("activation")
                                 ? spec_.layers.back().text("activation")
                                 : "linear";
    spec_.loss = last == "softmax"   ? LossKind::CrossEntropy
                 : last == "sigmoid" ? LossKind::BinaryCrossEntropy
                                     : LossKind::MeanSquaredError;
    try {
        inferShapes(spec_);
    } catch (const SpecError& e) {
        throw InputError(source_ + ": " + e.what());
    }
    project_.network = spec_;
    return project_;
}

void ChainReader::readNode(const onnx::NodeProto& node) {
    const std::string& op = node.op_type();
    const bool activation = op == "Relu" || op == "Sigmoid" || op == "Tanh" || op == "Softmax";
    if (!activation && op != "Add") activationSlot_ = -1;
    if (op == "Gemm") readGemm(node);
    else if (op == "MatMul") readMatMul(node);
    else if (op == "Add") readAdd(node);
    else if (activation) readActivation(node);
    else if (op == "Conv") readConv(node);
    else if (op == "MaxPool" || op == "AveragePool") readPooling(node);
    else if (op == "Flatten" || op == "Reshape") readFlatten(node);
    else if (op == "RNN" || op == "LSTM") readRecurrent(node);
    else if (op == "Transpose" || op == "Squeeze" || op == "Gather") readSequenceStep(node);
    else if (op == "Dropout" || op == "Identity") return;  // nothing at inference
    else if (op == "Pad") {  // torch writes a Pad of width 0 before AveragePool
        const Constant* pads = node.input_size() > 1 ? optionalConstant(node, 1) : nullptr;
        const std::vector<int64_t> widths = pads ? pads->ints : intsAttribute(node, "pads");
        for (const int64_t w : widths)
            if (w != 0) fail(node, "only padding of width 0 is supported (a Conv pads itself)");
    }
    else if (op == "Div") {
        const Constant& divisor = constant(node, 1);
        if (!spec_.layers.empty() || project_.pixelInputs || divisor.floats.size() != 1 ||
            divisor.floats[0] != 255.0f)
            fail(node, "only a division of the input pixels by 255, before any layer, is supported");
        project_.pixelInputs = true;
    } else unsupported(node);
}

void ChainReader::addDense(const onnx::NodeProto& node, std::vector<float> w, int64_t inputs,
                           int64_t units, std::vector<float> bias) {
    if (bias.size() != static_cast<size_t>(units))
        fail(node, "the bias has " + std::to_string(bias.size()) + " values for " +
                       std::to_string(units) + " units");
    LayerSpec layer{"dense", "", {{"units", units}, {"activation", std::string("linear")}}, {}};
    const std::string name = addLayer(std::move(layer));
    addWeights(name + ".W", inputs, units, std::move(w));
    addWeights(name + ".b", 1, units, std::move(bias));
    activationSlot_ = static_cast<int>(spec_.layers.size() - 1);
}

void ChainReader::readGemm(const onnx::NodeProto& node) {
    const Constant& b = constant(node, 1);
    if (rank_ != 2 || b.dims.size() != 2 || intAttribute(node, "transA", 0) != 0)
        fail(node, "only X B + C with X of N x D and a constant matrix B is supported");
    const onnx::AttributeProto* alpha = attribute(node, "alpha");
    const onnx::AttributeProto* beta = attribute(node, "beta");
    if ((alpha && alpha->f() != 1.0f) || (beta && beta->f() != 1.0f))
        fail(node, "alpha and beta must be 1");
    const bool transB = intAttribute(node, "transB", 0) != 0;
    const int64_t inputs = transB ? b.dims[1] : b.dims[0], units = transB ? b.dims[0] : b.dims[1];
    const Constant* c = optionalConstant(node, 2);
    addDense(node, transB ? transposed(b.floats, units, inputs) : b.floats, inputs, units,
             c ? c->floats : std::vector<float>(static_cast<size_t>(units), 0.0f));
}

void ChainReader::readMatMul(const onnx::NodeProto& node) {
    const Constant& b = constant(node, 1);
    if (b.dims.size() != 2 || b.floats.empty())
        fail(node, "only X W with a constant matrix W is supported");
    addDense(node, b.floats, b.dims[0], b.dims[1], std::vector<float>(static_cast<size_t>(b.dims[1])));
}

void ChainReader::readAdd(const onnx::NodeProto& node) {
    // X W + b after MatMul: the bias is whichever input is the constant.
    if (previousOp_ != "MatMul" || activationSlot_ < 0 || node.input_size() != 2)
        fail(node, "Add is supported only as the bias of a dense layer, right after its MatMul");
    const Constant& bias = constant(node, constants_.count(node.input(0)) ? 0 : 1);
    if (bias.floats.size() != static_cast<size_t>(spec_.layers.back().integer("units")))
        fail(node, "the bias must have one value a unit");
    project_.weights.back().values = bias.floats;
}

void ChainReader::readActivation(const onnx::NodeProto& node) {
    static const std::map<std::string, std::string> names{
        {"Relu", "relu"}, {"Sigmoid", "sigmoid"}, {"Tanh", "tanh"}, {"Softmax", "softmax"}};
    if (activationSlot_ < 0)
        fail(node, "an activation must follow a dense, convolution or recurrent layer directly");
    if (node.op_type() == "Softmax") {
        const int64_t axis = intAttribute(node, "axis", -1);
        if (axis != -1 && axis != rank_ - 1) fail(node, "softmax must act on the last axis");
    }
    spec_.layers[static_cast<size_t>(activationSlot_)].parameters["activation"] =
        names.at(node.op_type());
    activationSlot_ = -1;
}

void ChainReader::readConv(const onnx::NodeProto& node) {
    const Constant& w = constant(node, 1);
    if (rank_ != 4 || w.dims.size() != 4 || w.dims[2] != w.dims[3])
        fail(node, "only 2-D convolutions with square kernels on images are supported");
    const int64_t filters = w.dims[0], kernel = w.dims[2];
    const std::vector<int64_t> strides = intsAttribute(node, "strides");
    const std::vector<int64_t> pads = intsAttribute(node, "pads");
    const std::vector<int64_t> dilations = intsAttribute(node, "dilations");
    const int64_t stride = strides.empty() ? 1 : strides[0];
    const int64_t padding = pads.empty() ? 0 : pads[0];
    const auto all = [](const std::vector<int64_t>& v, int64_t value) {
        for (const int64_t x : v)
            if (x != value) return false;
        return true;
    };
    if (!all(strides, stride) || !all(pads, padding) || !all(dilations, 1) ||
        intAttribute(node, "group", 1) != 1 ||
        (attribute(node, "auto_pad") && attribute(node, "auto_pad")->s() != "NOTSET"))
        fail(node, "strides and padding must be the same on every side, without dilation or groups");
    const Constant* bias = optionalConstant(node, 2);
    LayerSpec layer{"conv", "", {{"filters", filters}, {"kernel", kernel}, {"stride", stride},
                                  {"padding", padding}, {"activation", std::string("linear")}}, {}};
    const std::string name = addLayer(std::move(layer));
    addWeights(name + ".W", filters, w.dims[1] * kernel * kernel, w.floats);
    addWeights(name + ".b", 1, filters,
               bias ? bias->floats : std::vector<float>(static_cast<size_t>(filters), 0.0f));
    if (project_.weights.back().values.size() != static_cast<size_t>(filters))
        fail(node, "the bias must have one value a filter");
    activationSlot_ = static_cast<int>(spec_.layers.size() - 1);
}

void ChainReader::readPooling(const onnx::NodeProto& node) {
    const std::vector<int64_t> kernel = intsAttribute(node, "kernel_shape");
    const std::vector<int64_t> strides = intsAttribute(node, "strides");
    const std::vector<int64_t> pads = intsAttribute(node, "pads");
    bool padded = false;
    for (const int64_t p : pads) padded = padded || p != 0;
    if (rank_ != 4 || kernel.size() != 2 || kernel[0] != kernel[1] || strides != kernel ||
        padded || intAttribute(node, "ceil_mode", 0) != 0 || node.output_size() > 1)
        fail(node, "only square windows with the stride equal to the window, without padding, "
                   "are supported");
    addLayer({node.op_type() == "MaxPool" ? "maxpool" : "avgpool", "", {{"kernel", kernel[0]}}, {}});
}

void ChainReader::readFlatten(const onnx::NodeProto& node) {
    if (node.op_type() == "Flatten") {
        if (intAttribute(node, "axis", 1) != 1) fail(node, "only axis 1 is supported");
    } else {
        const Constant& shape = constant(node, 1);
        if (shape.ints.size() != 2 || (shape.ints[1] != -1 && shape.ints[0] > 0))
            fail(node, "only a reshape to one vector per sample ([N, -1]) is supported");
    }
    if (rank_ == 4) addLayer({"flatten", "", {}, {}});
    else if (rank_ != 2) fail(node, "only images or vectors can be flattened");
    rank_ = 2;
}

void ChainReader::readRecurrent(const onnx::NodeProto& node) {
    const bool lstm = node.op_type() == "LSTM";
    const int64_t gates = lstm ? 4 : 1;
    const Constant& w = constant(node, 1);
    const Constant& r = constant(node, 2);
    const Constant* b = optionalConstant(node, 3);
    for (int extra = 4; extra < node.input_size(); ++extra)
        if (!node.input(extra).empty())
            fail(node, "sequence lengths, initial states and peepholes are not supported");
    const onnx::AttributeProto* direction = attribute(node, "direction");
    if (!timeMajor_ || rank_ != 3 || (direction && direction->s() != "forward") ||
        intAttribute(node, "layout", 0) != 0 || attribute(node, "clip") ||
        intAttribute(node, "input_forget", 0) != 0)
        fail(node, "only a forward layer over [T, N, D] (after a Transpose of the batch's "
                   "sequences) is supported");
    const int64_t units = intAttribute(node, "hidden_size", 0);
    if (units < 1 || w.dims.size() != 3 || w.dims[0] != 1 || w.dims[1] != gates * units ||
        r.dims != std::vector<int64_t>{1, gates * units, units} ||
        (b && b->dims != std::vector<int64_t>{1, 2 * gates * units}))
        fail(node, "the weights' shapes do not match hidden_size");
    const int64_t inputs = w.dims[2];
    std::string activation = "tanh";
    if (const onnx::AttributeProto* a = attribute(node, "activations")) {
        std::vector<std::string> given(a->strings().begin(), a->strings().end());
        const std::map<std::string, std::string> rnn{
            {"Tanh", "tanh"}, {"Sigmoid", "sigmoid"}, {"Relu", "relu"}, {"Affine", "linear"}};
        const auto floatsOf = [&](const char* name) {
            const onnx::AttributeProto* f = attribute(node, name);
            return f ? std::vector<float>(f->floats().begin(), f->floats().end())
                     : std::vector<float>{};
        };
        const bool identity = floatsOf("activation_alpha") == std::vector<float>{1.0f} &&
                              (floatsOf("activation_beta").empty() ||
                               floatsOf("activation_beta") == std::vector<float>{0.0f});
        if (lstm ? given != std::vector<std::string>{"Sigmoid", "Tanh", "Tanh"}
                 : given.size() != 1 || !rnn.count(given[0]) ||
                       (given[0] == "Affine" && !identity))
            fail(node, "only the standard activations are supported");
        if (!lstm) activation = rnn.at(given[0]);
    }
    // B holds W's bias, then R's; our layer has one b, their sum.
    std::vector<float> bias(static_cast<size_t>(gates * units), 0.0f);
    for (size_t i = 0; b && i < bias.size(); ++i) bias[i] = b->floats[i] + b->floats[i + bias.size()];
    LayerSpec layer{lstm ? "lstm" : "rnn", "", {{"units", units}}, {}};
    if (!lstm) layer.parameters["activation"] = activation;
    const std::string name = addLayer(std::move(layer));
    if (lstm) {
        addWeights(name + ".Wx", inputs, 4 * units, ourGateColumns(w.floats, units, inputs));
        addWeights(name + ".Wh", units, 4 * units, ourGateColumns(r.floats, units, units));
        addWeights(name + ".b", 1, 4 * units, ourGateColumns(bias, units, 1));
    } else {
        addWeights(name + ".Wx", inputs, units, transposed(w.floats, units, inputs));
        addWeights(name + ".Wh", units, units, transposed(r.floats, units, units));
        addWeights(name + ".b", 1, units, bias);
    }
    rank_ = 4;  // Y: [T, 1, N, U] until the Squeeze
}

// The shapes around recurrent layers: Transpose to and from time-major, the Squeeze of Y's
// direction axis, and Gather of the last step (seq:last).
void ChainReader::readSequenceStep(const onnx::NodeProto& node) {
    const std::string& op = node.op_type();
    if (op == "Transpose") {
        if (rank_ != 3 || intsAttribute(node, "perm") != std::vector<int64_t>{1, 0, 2})
            fail(node, "only swapping the batch and time axes of sequences is supported");
        if (timeMajor_) addLayer({"sequence_many", "", {}, {}});  // every step, batch-major
        timeMajor_ = !timeMajor_;
    } else if (op == "Squeeze") {
        const Constant* axes = node.input_size() > 1 ? optionalConstant(node, 1) : nullptr;
        const std::vector<int64_t> axis = axes ? axes->ints : intsAttribute(node, "axes");
        if (previousOp_ != "RNN" && previousOp_ != "LSTM") unsupported(node);
        if (axis != std::vector<int64_t>{1} && axis != std::vector<int64_t>{-3})
            fail(node, "only dropping the direction axis of a recurrent layer's Y is supported");
        rank_ = 3;
    } else {  // Gather
        const Constant& index = constant(node, 1);
        const int64_t steps = spec_.inputShape.empty() ? 0 : spec_.inputShape[0];
        if (!timeMajor_ || rank_ != 3 || intAttribute(node, "axis", 0) != 0 || !index.dims.empty() ||
            index.ints.size() != 1 || (index.ints[0] != -1 && index.ints[0] != steps - 1))
            fail(node, "only taking the last time step of a recurrent layer's output is supported");
        addLayer({"sequence_last", "", {}, {}});
        timeMajor_ = false;
        rank_ = 2;
    }
}

}  // namespace

Project projectFromOnnx(const std::string& bytes, const std::string& source) {
    onnx::ModelProto model;
    if (bytes.size() > kMaxOnnxBytes || !model.ParseFromString(bytes) || !model.has_graph())
        throw InputError(source + ": not an ONNX model (the file is damaged or of another kind)");
    for (const onnx::OperatorSetIdProto& opset : model.opset_import())
        if ((opset.domain().empty() || opset.domain() == "ai.onnx") && opset.version() < 7)
            throw InputError(source + ": ONNX opset " + std::to_string(opset.version()) +
                             " is too old; Kotohajime reads opset 7 and later");
    Project project = ChainReader(model.graph(), source).read();
    // Through the project file's own checks: every weight must fit its layer.
    return projectFromJson(projectToJson(project), source);
}

Project loadOnnxProject(const std::string& path) {
    return projectFromOnnx(readWholeFile(path, kMaxOnnxBytes), printablePath(path));
}

}  // namespace koto

namespace koto {

std::string datasetFitting(const NetworkSpec& network) {
    const std::vector<int64_t>& in = network.inputShape;
    const bool values = network.loss == LossKind::MeanSquaredError;
    bool everyStep = false;
    for (const LayerSpec& layer : network.layers) everyStep = everyStep || layer.type == "sequence_many";
    if (in == std::vector<int64_t>{2}) return values ? "plane" : "spiral";
    if (in == std::vector<int64_t>{784} || in == std::vector<int64_t>{1, 28, 28})
        return values ? "" : "fashion-mnist";
    if (in == std::vector<int64_t>{28, 28} && !values) return "seqimg:fashion-mnist";
    if (in.size() == 2 && in[1] == 1) {
        const std::string steps = std::to_string(in[0]);
        // (appended, not added: GCC 12 warns wrongly on "literal" + std::string)
        if (values) return std::string("sine:window=").append(steps).append(everyStep ? ",targets=every" : "");
        return std::string("parity:").append(steps).append(everyStep ? ":targets=every" : "");
    }
    return "";
}

}  // namespace koto
