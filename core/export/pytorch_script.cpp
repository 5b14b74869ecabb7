#include "export/pytorch_script.h"

#include <nlohmann/json.hpp>

#include "export/numpy_script.h"

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
        code += "        " + variables[i] + " = " + layerFormula(layer, activation, in) +
                "  # N x " + shapes[i] + "\n";
        in = variables[i];
    }
    return code + "        return " + in + "\n";
}

std::string probabilitiesMethod(const ExportedModel& model) {
    const bool softmax = model.lossName == "ce";
    return "    def probabilities(self, X):\n        \"\"\"Y = " +
           std::string(softmax ? "softmax" : "sigmoid") + "(A): " + python::outputText(model) +
           ".\"\"\"\n        return " +
           (softmax ? "torch.softmax(self(X), dim=-1)" : "torch.sigmoid(self(X))") + "\n";
}

std::string lossMethod(const ExportedModel& model) {
    const std::string targets = " (N x " + python::outputShapes(model).back() + ")";
    const std::string rows =
        model.outputShape.size() == 2 ? "every sample's time steps" : "the samples";
    std::string code = "    def loss(self, X, T):\n        \"\"\"";
    const std::string y = model.lossName == "mse" ? "Y" : "A";
    if (model.lossName == "ce")
        code += "The cross-entropy of the one-hot targets T" + targets +
                ":\n        J = -(1/N) sum_n sum_k T log Y, Y = softmax(A)";
    else if (model.lossName == "bce")
        code += "The binary cross-entropy of the targets T" + targets +
                ", from the logits for\n        accuracy: J = -(1/N) sum_n sum_k [T log Y + "
                "(1 - T) log(1 - Y)], Y = sigmoid(A)";
    else
        code += "The squared error of the targets T" + targets +
                ":\n        J = (1/N) sum_n sum_k (Y - T)^2, Y = net(X)";
    code += ",\n        the N rows being " + rows + ".\"\"\"\n";
    code += "        " + y + " = self(X)\n        " + y + " = " + y + ".reshape(-1, " + y +
            ".shape[-1])\n        T = torch.as_tensor(T, dtype=torch.float32).reshape(" + y +
            ".shape)\n";
    if (model.lossName == "ce")
        return code + "        return -(T * torch.log_softmax(A, dim=1)).sum() / len(A)\n";
    if (model.lossName == "bce")
        return code + "        return F.binary_cross_entropy_with_logits(A, T, "
                      "reduction=\"sum\") / len(A)\n";
    return code + "        return ((Y - T) ** 2).sum() / len(Y)\n";
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

// How to go on training: the app's optimizer and batch size in the usual PyTorch loop.
std::string trainingExample(const ExportedModel& model, const std::string& npzFileName) {
    nlohmann::json settings = nlohmann::json::parse(model.trainingSettings, nullptr, false);
    if (!settings.is_object()) settings = nlohmann::json::object();
    const std::string batch = settings.contains("batch_size") && settings["batch_size"].is_number()
                                  ? settings["batch_size"].dump()
                                  : "32";
    const std::string outputs = "N x " + python::outputShapes(model).back();
    std::string text = "Go on training it (X: the inputs, N samples; T: " +
                       std::string(model.lossName == "ce"    ? "the one-hot targets, "
                                   : model.lossName == "bce" ? "the targets in [0, 1], "
                                                             : "the target values, ") +
                       outputs + "):\n\n    net = Net()\n    load_weights(net)  # from " +
                       python::docText(npzFileName) +
                       " beside this file\n    opt = " + optimizerCall(settings) +
                       "\n    for epoch in range(100):\n";
    text +=
        "        for n in range(0, len(X), " + batch + "):  # batches of " + batch +
        " samples, as the app trained\n            opt.zero_grad()\n            J = "
        "net.loss(X[n:n + " +
        batch + "], T[n:n + " + batch +
        "])\n            J.backward()\n            opt.step()\n    torch.save(net.state_dict(), "
        "\"trained.pt\")\n";
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
    script += "import os\nimport sys\n\nimport numpy as np\nimport torch\n"
              "import torch.nn.functional as F\n\n";
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
