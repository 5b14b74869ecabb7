#include "export/numpy_script.h"
#include "export/python_script_parts.h"

#include <cstdio>
#include <set>

namespace koto {

namespace {

// The helper functions in the order the script defines them, each with its NumPy code.
const std::vector<std::pair<std::string, std::string>>& helperCode() {
    static const std::vector<std::pair<std::string, std::string>> helpers{
        {"sigmoid", R"(def sigmoid(A):
    with np.errstate(over="ignore"):  # exp(-A) = inf for A < -88: sigmoid(A) is then 0
        return 1 / (1 + np.exp(-A))
)"},
        {"tanh", "def tanh(A):\n    return np.tanh(A)\n"},
        {"relu", "def relu(A):\n    return np.maximum(A, 0)\n"},
        {"linear", "def linear(A):\n    return A\n"},
        {"softmax", R"(def softmax(A):
    """exp(A) / sum(exp(A)) along the last axis; the maximum, subtracted first, cancels out
    but keeps exp from overflowing."""
    E = np.exp(A - A.max(axis=-1, keepdims=True))
    return E / E.sum(axis=-1, keepdims=True)
)"},
        {"conv2d", R"(def conv2d(X, W, b, stride, padding):
    """The convolution of the images X (N x C x H x W) with the filters W (F x C x K x K):
    A[n, f, y, x] = sum over c, ky, kx of W[f, c, ky, kx] * Xpad[n, c, y*S + ky, x*S + kx] + b[f]
    where Xpad is X with `padding` rows and columns of zeros around it and S is the stride.
    Returns N x F x OH x OW, OH = (H + 2*padding - K) // S + 1."""
    K = W.shape[2]
    X = np.pad(X, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    OH = (X.shape[2] - K) // stride + 1
    OW = (X.shape[3] - K) // stride + 1
    A = np.zeros((X.shape[0], W.shape[0], OH, OW), dtype=np.float32)
    for ky in range(K):
        for kx in range(K):
            # The pixels that the weights W[:, :, ky, kx] meet at every output position.
            P = X[:, :, ky:ky + (OH - 1) * stride + 1:stride,
                  kx:kx + (OW - 1) * stride + 1:stride]
            A += np.einsum("nchw,fc->nfhw", P, W[:, :, ky, kx])
    return A + b.reshape(1, -1, 1, 1)
)"},
        {"max_pool", R"(def max_pool(X, K):
    """The maximum of every K x K window, stride K: N x C x H x W -> N x C x H//K x W//K
    (rows and columns that do not fill a window are left out)."""
    X = X[:, :, :X.shape[2] // K * K, :X.shape[3] // K * K]
    Y = X[:, :, 0::K, 0::K]
    for ky in range(K):
        for kx in range(K):
            Y = np.maximum(Y, X[:, :, ky::K, kx::K])
    return Y
)"},
        {"avg_pool", R"(def avg_pool(X, K):
    """The mean of every K x K window, stride K: N x C x H x W -> N x C x H//K x W//K
    (rows and columns that do not fill a window are left out)."""
    X = X[:, :, :X.shape[2] // K * K, :X.shape[3] // K * K]
    S = np.zeros_like(X[:, :, 0::K, 0::K])
    for ky in range(K):
        for kx in range(K):
            S = S + X[:, :, ky::K, kx::K]
    return S / (K * K)
)"},
        {"rnn", R"(def rnn(X, Wx, Wh, b, s):
    """A SimpleRNN over the sequences X (N x T x D):
    h(t) = s(x(t) Wx + h(t-1) Wh + b), h(0) = 0. Returns every h(t): N x T x U."""
    N, T, _ = X.shape
    h = np.zeros((N, Wh.shape[0]), dtype=np.float32)
    H = np.zeros((N, T, Wh.shape[0]), dtype=np.float32)
    for t in range(T):
        h = s(X[:, t].dot(Wx) + h.dot(Wh) + b)
        H[:, t] = h
    return H
)"},
        {"lstm", R"(def lstm(X, Wx, Wh, b):
    """An LSTM over the sequences X (N x T x D), the gates i, f, o, g side by side in
    Wx (D x 4U), Wh (U x 4U) and b (4U); h(0) = c(0) = 0. Returns every h(t): N x T x U."""
    N, T, _ = X.shape
    U = Wh.shape[0]
    h = np.zeros((N, U), dtype=np.float32)
    c = np.zeros((N, U), dtype=np.float32)
    H = np.zeros((N, T, U), dtype=np.float32)
    for t in range(T):
        a = X[:, t].dot(Wx) + h.dot(Wh) + b
        i = sigmoid(a[:, 0:U])          # input gate: how much new content enters
        f = sigmoid(a[:, U:2 * U])      # forget gate: how much of c(t-1) is kept
        o = sigmoid(a[:, 2 * U:3 * U])  # output gate: how much of the cell is shown
        g = tanh(a[:, 3 * U:4 * U])     # candidate content
        c = f * c + i * g
        h = o * tanh(c)
        H[:, t] = h
    return H
)"},
    };
    return helpers;
}

bool applies(const std::string& activation) {
    return !activation.empty() && activation != "linear";
}

std::string helperFunctions(const ExportedModel& model) {
    std::set<std::string> needed;
    for (const ExportedLayer& layer : model.layers) {
        const ExportedLayerKind kind = layer.kind;
        if ((kind == ExportedLayerKind::Dense || kind == ExportedLayerKind::Conv) &&
            applies(layer.activation))
            needed.insert(layer.activation);
        if (kind == ExportedLayerKind::Conv) needed.insert("conv2d");
        if (kind == ExportedLayerKind::MaxPool) needed.insert("max_pool");
        if (kind == ExportedLayerKind::AvgPool) needed.insert("avg_pool");
        if (kind == ExportedLayerKind::Rnn) needed.insert({"rnn", layer.activation});
        if (kind == ExportedLayerKind::Lstm) needed.insert({"lstm", "sigmoid", "tanh"});
    }
    std::string code;
    for (const auto& [name, helper] : helperCode())
        if (needed.count(name)) code += "\n\n" + helper;
    return code;
}

std::string weightLoading(const ExportedModel& model, const std::string& npzFileName) {
    std::string code = "# The trained weights under the curriculum's names, from " +
                       python::docText(npzFileName) + " beside this file.\n";
    code += "NPZ_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), " +
            python::stringLiteral(npzFileName) + ")\n";
    code += "with np.load(NPZ_PATH, allow_pickle=False) as weights:\n";
    for (const ExportedLayer& layer : model.layers)
        for (const ExportedTensor& tensor : layer.tensors)
            code += "    " + tensor.name + " = weights[\"" + tensor.name +
                    "\"].astype(np.float32)  # " + python::joinedShape(tensor.shape, " x ") + "\n";
    return code;
}

// expression passed through the activation s: s(expression), or expression itself if linear.
std::string activated(const std::string& activation, const std::string& expression) {
    return applies(activation) ? activation + "(" + expression + ")" : expression;
}

// The formula of a layer's output from its input in the curriculum's notation.
std::string layerFormula(const ExportedLayer& layer, const std::string& in) {
    std::string tensors;  // ", W, b" or ", Wx, Wh, b"
    for (const ExportedTensor& tensor : layer.tensors) tensors += ", " + tensor.name;
    const std::string kernel = std::to_string(layer.kernel);
    switch (layer.kind) {
    case ExportedLayerKind::Dense:
        return activated(layer.activation, in + ".dot(" + layer.tensors.at(0).name + ") + " +
                                               layer.tensors.at(1).name);
    case ExportedLayerKind::Conv:
        return activated(layer.activation, "conv2d(" + in + tensors +
                                               ", stride=" + std::to_string(layer.stride) +
                                               ", padding=" + std::to_string(layer.padding) + ")");
    case ExportedLayerKind::MaxPool: return "max_pool(" + in + ", " + kernel + ")";
    case ExportedLayerKind::AvgPool: return "avg_pool(" + in + ", " + kernel + ")";
    case ExportedLayerKind::Flatten: return in + ".reshape(len(" + in + "), -1)";
    case ExportedLayerKind::Rnn: return "rnn(" + in + tensors + ", " + layer.activation + ")";
    case ExportedLayerKind::Lstm: return "lstm(" + in + tensors + ")";
    case ExportedLayerKind::SequenceLast: return in + "[:, -1]";
    case ExportedLayerKind::SequenceMany: return in;
    }
    return in;
}

// What forward(X) takes and gives.
std::string forwardDocstring(const ExportedModel& model) {
    int64_t size = 1;
    for (int64_t d : model.inputShape) size *= d;
    std::string inputs = "N x " + std::to_string(size);
    if (model.inputShape.size() > 1)
        inputs +=
            " (the CSV's rows) or already N x " + python::joinedShape(model.inputShape, " x ");
    return "    \"\"\"The model's output for the inputs X.\n\n    X: N samples, " + inputs +
           ".\n    Returns N x " + python::outputShapes(model).back() + ": " +
           python::outputText(model) + ".\n    \"\"\"\n";
}

std::string forwardFunction(const ExportedModel& model) {
    const std::vector<std::string> variables = python::outputVariables(model);
    const std::vector<std::string> shapes = python::outputShapes(model);
    std::string code = "def forward(X):\n" + forwardDocstring(model) +
                       "    X = np.asarray(X, dtype=np.float32).reshape(-1, " +
                       python::joinedShape(model.inputShape, ", ") + ")\n";
    if (model.pixelInputs) code += "    X = X / 255  # pixels 0-255 to 0-1, as in training\n";
    std::string in = "X";
    for (size_t i = 0; i < model.layers.size(); ++i) {
        if (variables[i] == in) {  // a seq:many that computes nothing
            code += "    # seq:many: every step's h(t) goes on, and what follows acts at each "
                    "step\n";
            continue;
        }
        code += python::commentedLine(
            "    ", variables[i] + " = " + layerFormula(model.layers[i], in), "N x " + shapes[i]);
        in = variables[i];
    }
    return code + "    return Y\n";
}

const char* const kPredictValues = R"(def predict(X):
    """The model's values for the inputs X: forward(X)."""
    return forward(X)
)";

const char* const kPredictSigmoid = R"(def predict(X):
    """The class of each sample: 1 where p(y = 1) >= 0.5, else 0."""
    return (forward(X)[..., 0] >= 0.5).astype(np.int64)
)";

const char* const kPredictClasses = R"(def predict(X):
    """The class of each sample: the one with the highest probability."""
    return forward(X).argmax(axis=-1)
)";

std::string usageText(const ExportedModel& model, const std::string& npzFileName) {
    const bool classes = model.outputMeaning == "probabilities";
    return "Run it on a CSV file of inputs, one sample a row (a first line of column names is "
           "skipped):\n\n    python3 <this file> input.csv\n\nIt prints each sample's " +
           std::string(classes ? "class and probabilities" : "values") +
           " as `kotohajime-cli predict` does.\nIn Python, forward(X) gives " +
           (classes ? "the probabilities and predict(X) the classes" : "the values") +
           ".\nIt needs only NumPy, and the weights file " + python::docText(npzFileName) +
           " beside it.\n";
}

}  // namespace

std::string numpyScript(const ExportedModel& model, const std::string& npzFileName) {
    std::string script = "\"\"\"" + python::modelDescription(model) + "\n" +
                         usageText(model, npzFileName) + "\"\"\"\n";
    script += "import os\nimport sys\n\nimport numpy as np\n\n";
    script += weightLoading(model, npzFileName) + helperFunctions(model);
    script += "\n\n" + forwardFunction(model) + "\n\n";
    script += model.outputMeaning != "probabilities" ? kPredictValues
              : model.outputShape.back() == 1        ? kPredictSigmoid
                                                     : kPredictClasses;
    script += "\n\n" + python::csvFunctions(model) + "\n\n";
    return script + python::mainBlock(model, "    Y = forward(X)\n");
}

}  // namespace koto
