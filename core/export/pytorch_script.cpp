#include "export/pytorch_script.h"

#include <nlohmann/json.hpp>

#include "export/python_script_parts.h"

namespace koto {
namespace {

// The loops over the time steps, as the NumPy script writes them but on tensors that autograd
// follows (a list of the steps' h, stacked at the end, instead of writing into an array).
const char* const kRnn = R"(def rnn(X, Wx, Wh, b, s):
    """A SimpleRNN over the sequences X (N x T x D):
    h(t) = s(x(t) Wx + h(t-1) Wh + b), h(0) = 0. Returns every h(t): N x T x U."""
    h = X.new_zeros(X.shape[0], Wh.shape[0])
    H = []
    for t in range(X.shape[1]):
        h = s(X[:, t] @ Wx + h @ Wh + b)
        H.append(h)
    return torch.stack(H, dim=1)
)";

const char* const kLstm = R"(def lstm(X, Wx, Wh, b):
    """An LSTM over the sequences X (N x T x D); the gates i, f, o, g side by side in
    Wx (D x 4U), Wh (U x 4U) and b (4U). Returns every h(t): N x T x U."""
    U = Wh.shape[0]
    h = X.new_zeros(X.shape[0], U)
    c = X.new_zeros(X.shape[0], U)
    H = []
    for t in range(X.shape[1]):
        a = X[:, t] @ Wx + h @ Wh + b
        i = torch.sigmoid(a[:, 0:U])          # input gate: how much new content enters
        f = torch.sigmoid(a[:, U:2 * U])      # forget gate: how much of c(t-1) is kept
        o = torch.sigmoid(a[:, 2 * U:3 * U])  # output gate: how much of the cell is shown
        g = torch.tanh(a[:, 3 * U:4 * U])     # candidate content
        c = f * c + i * g
        h = o * torch.tanh(c)
        H.append(h)
    return torch.stack(H, dim=1)
)";

const char* const kLoadWeights = R"(def load_weights(net, path=NPZ_PATH):
    """Copy the trained weights from the NPZ file into the parameters of the same names."""
    with np.load(path, allow_pickle=False) as weights:
        net.load_state_dict({name: torch.from_numpy(weights[name].astype(np.float32))
                             for name, _ in net.named_parameters()})
)";

// code with every {name} replaced by its text.
std::string filledIn(std::string code,
                     const std::vector<std::pair<std::string, std::string>>& values) {
    for (const auto& [name, text] : values) {
        size_t at = 0;
        while ((at = code.find(name, at)) != std::string::npos) {
            code.replace(at, name.size(), text);
            at += text.size();
        }
    }
    return code;
}

bool applies(const std::string& activation) {
    return !activation.empty() && activation != "linear";
}

// The activation as a function that rnn() can take.
std::string activationFunction(const std::string& activation) {
    return applies(activation) ? "torch." + activation : "linear";
}

std::string activated(const std::string& activation, const std::string& expression) {
    if (activation == "softmax") return "torch.softmax(" + expression + ", dim=-1)";
    return applies(activation) ? "torch." + activation + "(" + expression + ")" : expression;
}

// The formula of a layer's output from its input, with the net's parameters (self.W).
std::string layerFormula(const ExportedLayer& layer, const std::string& activation,
                         const std::string& in) {
    const auto tensor = [&](size_t k) { return "self." + layer.tensors.at(k).name; };
    const std::string kernel = std::to_string(layer.kernel);
    switch (layer.kind) {
    case ExportedLayerKind::Dense:
        return activated(activation, in + " @ " + tensor(0) + " + " + tensor(1));
    case ExportedLayerKind::Conv:
        return activated(activation, "F.conv2d(" + in + ", " + tensor(0) + ", " + tensor(1) +
                                         ", stride=" + std::to_string(layer.stride) +
                                         ", padding=" + std::to_string(layer.padding) + ")");
    case ExportedLayerKind::MaxPool: return "F.max_pool2d(" + in + ", " + kernel + ")";
    case ExportedLayerKind::AvgPool: return "F.avg_pool2d(" + in + ", " + kernel + ")";
    case ExportedLayerKind::Flatten: return in + ".flatten(1)";
    case ExportedLayerKind::Rnn:
        return "rnn(" + in + ", " + tensor(0) + ", " + tensor(1) + ", " + tensor(2) + ", " +
               activationFunction(activation) + ")";
    case ExportedLayerKind::Lstm:
        return "lstm(" + in + ", " + tensor(0) + ", " + tensor(1) + ", " + tensor(2) + ")";
    case ExportedLayerKind::SequenceLast: return in + "[:, -1]";
    case ExportedLayerKind::SequenceMany: return in;
    }
    return in;
}

// Whether the script needs torch.nn.functional: for convolution, pooling or the bce loss.
bool usesFunctional(const ExportedModel& model) {
    bool images = false;
    for (const ExportedLayer& layer : model.layers)
        images = images || layer.kind == ExportedLayerKind::Conv ||
                 layer.kind == ExportedLayerKind::MaxPool ||
                 layer.kind == ExportedLayerKind::AvgPool;
    return images || model.lossName == "bce";
}

// rnn(), lstm() and linear() where the layers use them.
std::string helperFunctions(const ExportedModel& model) {
    bool rnn = false, lstm = false, linear = false;
    for (const ExportedLayer& layer : model.layers) {
        rnn = rnn || layer.kind == ExportedLayerKind::Rnn;
        lstm = lstm || layer.kind == ExportedLayerKind::Lstm;
        linear = linear || (layer.kind == ExportedLayerKind::Rnn && !applies(layer.activation));
    }
    std::string code;
    if (linear) code += "\n\ndef linear(A):\n    return A\n";
    if (rnn) code += "\n\n" + std::string(kRnn);
    if (lstm) code += "\n\n" + std::string(kLstm);
    return code;
}

std::string constructor(const ExportedModel& model) {
    std::string code = "    def __init__(self):\n        super().__init__()\n";
    for (const ExportedLayer& layer : model.layers) {
        if (layer.tensors.empty()) continue;
        code += "        # " + python::docText(layer.name) + "\n";
        for (const ExportedTensor& tensor : layer.tensors)
            code += "        self." + tensor.name + " = torch.nn.Parameter(torch.zeros(" +
                    python::joinedShape(tensor.shape, ", ") + ", dtype=torch.float32))\n";
    }
    return code;
}

std::string forwardMethod(const ExportedModel& model) {
    const std::vector<std::string> shapes = python::outputShapes(model);
    std::vector<std::string> variables = python::outputVariables(model);
    const size_t last = model.layers.size() - 1;
    const bool logits = python::hasLossActivation(model);
    if (logits) variables[last] = "A";  // the curriculum's a: before the output's activation
    std::string code = "    def forward(self, X):\n        \"\"\"";
    code += logits ? "The logits A (N x " + shapes[last] + "): the output layer's a, before the " +
                         model.layers[last].activation + ".\"\"\"\n"
                   : "The model's output for the inputs X, N x " + shapes[last] + ": " +
                         python::outputText(model) + ".\"\"\"\n";
    code += "        X = torch.as_tensor(X, dtype=torch.float32).reshape(-1, " +
            python::joinedShape(model.inputShape, ", ") + ")\n";
    if (model.pixelInputs) code += "        X = X / 255  # pixels 0-255 to 0-1, as in training\n";
    std::string in = "X";
    for (size_t i = 0; i < model.layers.size(); ++i) {
        const ExportedLayer& layer = model.layers[i];
        if (layer.kind == ExportedLayerKind::SequenceMany && i < last) {
            code += "        # seq:many: every step's h(t) goes on, and what follows acts at each "
                    "step\n";
            continue;
        }
        const std::string activation = i == last && logits ? "linear" : layer.activation;
        code += python::commentedLine("        ",
                                      variables[i] + " = " + layerFormula(layer, activation, in),
                                      "N x " + shapes[i]);
        in = variables[i];
    }
    return code + "        return " + in + "\n";
}

std::string probabilitiesMethod(const ExportedModel& model) {
    const bool softmax = model.lossName == "ce";
    return "    def probabilities(self, X):\n        \"\"\"" +
           std::string(softmax ? "Y = softmax(A): the probabilities" : "Y = sigmoid(A)") +
           ", N x " + python::outputShapes(model).back() + ".\"\"\"\n        return " +
           (softmax ? "torch.softmax(self(X), dim=-1)" : "torch.sigmoid(self(X))") + "\n";
}

// loss(X, T) for each loss, {targets} and {rows} to fill in. ce and bce start from the logits:
// log_softmax and the logits' bce stay accurate where softmax or sigmoid round to 0 or 1.
const char* const kCrossEntropy = R"(    def loss(self, X, T):
        """The cross-entropy of the one-hot targets T ({targets}):
        J = -(1/N) sum_n sum_k T log Y, Y = softmax(A),
        the N rows being {rows}."""
        A = self(X)
        A = A.reshape(-1, A.shape[-1])
        T = torch.as_tensor(T, dtype=torch.float32).reshape(A.shape)
        return -(T * torch.log_softmax(A, dim=1)).sum() / len(A)
)";

const char* const kBinaryCrossEntropy = R"(    def loss(self, X, T):
        """The binary cross-entropy of the targets T ({targets}):
        J = -(1/N) sum_n sum_k [T log Y + (1 - T) log(1 - Y)], Y = sigmoid(A),
        the N rows being {rows}."""
        A = self(X)
        A = A.reshape(-1, A.shape[-1])
        T = torch.as_tensor(T, dtype=torch.float32).reshape(A.shape)
        return F.binary_cross_entropy_with_logits(A, T, reduction="sum") / len(A)
)";

const char* const kSquaredError = R"(    def loss(self, X, T):
        """The squared error of the targets T ({targets}):
        J = (1/N) sum_n sum_k (Y - T)^2, Y = net(X),
        the N rows being {rows}."""
        Y = self(X)
        Y = Y.reshape(-1, Y.shape[-1])
        T = torch.as_tensor(T, dtype=torch.float32).reshape(Y.shape)
        return ((Y - T) ** 2).sum() / len(Y)
)";

std::string lossMethod(const ExportedModel& model) {
    const char* code = model.lossName == "ce"    ? kCrossEntropy
                       : model.lossName == "bce" ? kBinaryCrossEntropy
                                                 : kSquaredError;
    return filledIn(code, {{"{targets}", "N x " + python::outputShapes(model).back()},
                           {"{rows}", model.outputShape.size() == 2 ? "every sample's time steps"
                                                                    : "the samples"}});
}

std::string netClass(const ExportedModel& model) {
    const bool logits = python::hasLossActivation(model);
    std::string code = "class Net(torch.nn.Module):\n    \"\"\"The model with its parameters under "
                       "the curriculum's names, in the app's layout.\"\"\"\n\n";
    code += constructor(model) + "\n" + forwardMethod(model) + "\n";
    if (logits) code += probabilitiesMethod(model) + "\n";
    return code + lossMethod(model);
}

// The torch.optim call nearest to the optimizer the app trained with, as its settings name it.
std::string optimizerCall(const nlohmann::json& settings) {
    const auto number = [&](const char* key, const char* otherwise) {
        return settings.contains(key) && settings[key].is_number() ? settings[key].dump()
                                                                   : std::string(otherwise);
    };
    const std::string name = settings.contains("optimizer") && settings["optimizer"].is_string()
                                 ? settings["optimizer"].get<std::string>()
                                 : "sgd";
    const std::string rate = "net.parameters(), lr=" + number("learning_rate", "0.1");
    const std::string momentum = ", momentum=" + number("momentum", "0.9");
    if (name == "momentum") return "torch.optim.SGD(" + rate + momentum + ")";
    if (name == "nesterov") return "torch.optim.SGD(" + rate + momentum + ", nesterov=True)";
    if (name == "adagrad") return "torch.optim.Adagrad(" + rate + ")";
    if (name == "rmsprop")
        return "torch.optim.RMSprop(" + rate + ", alpha=" + number("decay", "0.9") + momentum + ")";
    if (name == "adam") return "torch.optim.Adam(" + rate + ")";
    return "torch.optim.SGD(" + rate + ")";
}

// The usual PyTorch loop with the app's optimizer and batch size.
const char* const kTrainingLoop = R"(    net = Net()
    load_weights(net)  # from {npz} beside this file
    opt = {optimizer}
    for epoch in range(100):
        for n in range(0, len(X), {batch}):  # batches of {batch} samples, as the app trained
            opt.zero_grad()
            J = net.loss(X[n:n + {batch}], T[n:n + {batch}])
            J.backward()
            opt.step()
    torch.save(net.state_dict(), "trained.pt")
)";

// How to go on training it, from the training settings (JSON) the app trained with.
std::string trainingExample(const ExportedModel& model, const std::string& npzFileName) {
    nlohmann::json settings = nlohmann::json::parse(model.trainingSettings, nullptr, false);
    if (!settings.is_object()) settings = nlohmann::json::object();
    const bool hasBatch = settings.contains("batch_size") && settings["batch_size"].is_number();
    const std::string targets = model.lossName == "ce"    ? "the one-hot targets"
                                : model.lossName == "bce" ? "the targets in [0, 1]"
                                                          : "the target values";
    std::string text = "Go on training it (X: the inputs, N samples; T: " + targets + ", N x " +
                       python::outputShapes(model).back() + "):\n\n";
    text += filledIn(kTrainingLoop, {{"{npz}", python::docText(npzFileName)},
                                     {"{optimizer}", optimizerCall(settings)},
                                     {"{batch}", hasBatch ? settings["batch_size"].dump() : "32"}});
    if (model.modelKind == "autoencoder")
        text += std::string("\nAn autoencoder's targets are its inputs") +
                (model.pixelInputs ? " divided by 255" : "") + ".\n";
    return text;
}

std::string usageText(const ExportedModel& model, const std::string& npzFileName) {
    const std::string output = python::outputText(model);
    return python::paragraph("Net is the model as a PyTorch module, its parameters under the "
                             "curriculum's names. net(X) gives " +
                             (python::hasLossActivation(model)
                                  ? "the logits A, net.probabilities(X) " + output
                                  : output) +
                             ".") +
           "\nPredict from a CSV file of inputs, one sample a row (a first line of column "
           "names\nis skipped), as `kotohajime-cli predict` does:\n\n    python3 <this file> "
           "input.csv\n\n" +
           trainingExample(model, npzFileName);
}

}  // namespace

std::string pytorchScript(const ExportedModel& model, const std::string& npzFileName) {
    const bool logits = python::hasLossActivation(model);
    std::string script = "\"\"\"" + python::modelDescription(model) + "\n" +
                         usageText(model, npzFileName) + "\"\"\"\n";
    script += "import os\nimport sys\n\nimport numpy as np\nimport torch\n";
    if (usesFunctional(model)) script += "import torch.nn.functional as F\n";
    script += "\n";
    script += "NPZ_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), " +
              python::stringLiteral(npzFileName) + ")\n";
    script += helperFunctions(model) + "\n\n" + netClass(model) + "\n\n" + kLoadWeights;
    script += "\n\n" + python::csvFunctions(model) + "\n\n";
    return script + python::mainBlock(
                        model, std::string("    net = Net()\n    load_weights(net)\n"
                                           "    with torch.no_grad():\n        Y = ") +
                                   (logits ? "net.probabilities(X)" : "net(X)") + ".numpy()\n");
}

}  // namespace koto
