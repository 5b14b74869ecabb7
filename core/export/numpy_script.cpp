#include "export/numpy_script.h"

#include <cstdio>
#include <set>

namespace koto {
namespace python {
namespace {

bool isSequenceOutput(const ExportedModel& model) { return model.outputShape.size() == 2; }

int64_t outputWidth(const ExportedModel& model) {
    return model.outputShape.empty() ? 0 : model.outputShape.back();
}

std::string titleText(const ExportedModel& model) {
    std::string title = model.modelKind == "autoencoder" ? "An autoencoder"
                        : model.modelKind == "rbm"
                            ? "A restricted Boltzmann machine (RBM), as its map p(h = 1 | v),"
                            : "A neural network";
    title += " exported by Kotohajime";
    if (!model.dataset.empty()) title += ", trained on " + docText(model.dataset);
    if (model.epochsTrained > 0) title += " for " + std::to_string(model.epochsTrained) + " epochs";
    return title + ".";
}

std::string inputText(const ExportedModel& model) {
    std::string text = "Input, one sample: " + joinedShape(model.inputShape, " x ") + " values";
    if (model.inputKind == ExportedInputKind::Images)
        text += ", an image (channels x height x width), a CSV row holding them in this order";
    if (model.inputKind == ExportedInputKind::Sequences)
        text += ", a sequence (time steps x values per step), a CSV row holding the values of step "
                "1, then those of step 2, and so on";
    if (model.pixelInputs) text += "; pixels from 0 to 255, which forward() divides by 255 first";
    return text + ".";
}

// "Classes: 0 = cat, 1 = dog.", or nothing where the names are the numbers or the output is no
// class (an autoencoder's or RBM's project keeps its dataset's class names).
std::string classesText(const ExportedModel& model) {
    if (model.outputMeaning != "probabilities") return "";
    std::string text;
    bool numbers = true;
    for (size_t k = 0; k < model.classNames.size(); ++k) {
        numbers = numbers && model.classNames[k] == std::to_string(k);
        text += (k ? ", " : "Classes: ") + std::to_string(k) + " = " + docText(model.classNames[k]);
    }
    return numbers ? "" : paragraph(text + ".");
}

// As kotohajime-cli reads a CSV: blank lines skipped, a first line that is not numbers a header.
const char* const kReadCsv = R"(def read_csv(path):
    """The numbers of a CSV file, one sample a row, as an N x D float32 array.

    A first line that is not numbers (column names) is skipped.
    """
    rows, header = [], None
    with open(path, encoding="utf-8-sig") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append([float(field) for field in line.split(",")])
            except ValueError:
                if rows or header is not None:
                    raise ValueError("%s, line %d: not a row of numbers" % (path, number))
                header = line
    if not rows:
        raise ValueError("%s: no rows of numbers" % path)
    return np.array(rows, dtype=np.float32)
)";

const char* const kValuesLine = R"(def csv_line(y):
    """One answer as kotohajime-cli predict prints it: the values y0, y1, ..."""
    return ",".join("%.9g" % v for v in y)
)";

// p0 = 1 - p in float32, as the app computes it (NumPy 1 would compute 1 - p in float64).
const char* const kSigmoidLine = R"(def csv_line(y):
    """One answer as kotohajime-cli predict prints it: the class (1 where p >= 0.5),
    then p0 = 1 - p and p1 = p, where p = p(y = 1)."""
    p = y[0]
    return "%d,%.9g,%.9g" % (int(p >= 0.5), np.float32(1) - p, p)
)";

const char* const kClassesLine = R"(def csv_line(y):
    """One answer as kotohajime-cli predict prints it: the class, then p0, p1, ..."""
    return ",".join(["%d" % y.argmax()] + ["%.9g" % v for v in y])
)";

std::string csvHeader(const ExportedModel& model) {
    const int64_t width = outputWidth(model);
    std::string header = isSequenceOutput(model) ? "row,step," : "";
    if (model.outputMeaning != "probabilities") {
        for (int64_t k = 0; k < width; ++k) header += (k ? ",y" : "y") + std::to_string(k);
        return header;
    }
    header += "class";
    for (int64_t k = 0; k < (width == 1 ? 2 : width); ++k) header += ",p" + std::to_string(k);
    return header;
}

}  // namespace

std::string paragraph(const std::string& text) {
    std::string out;
    size_t column = 0, start = 0;
    while (start < text.size()) {
        size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const size_t length = end - start;
        if (column > 0 && column + 1 + length > 92) {
            out += '\n';
            column = 0;
        } else if (column > 0) {
            out += ' ';
            ++column;
        }
        out += text.substr(start, length);
        column += length;
        start = end + 1;
    }
    return out + "\n";
}

std::string stringLiteral(const std::string& text) {
    std::string literal = "\"";
    for (char ch : text) {
        const auto byte = static_cast<unsigned char>(ch);
        if (byte < 0x20 || byte == 0x7f) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\x%02x", static_cast<unsigned>(byte));
            literal += escape;
            continue;
        }
        if (ch == '\\' || ch == '"') literal += '\\';
        literal += ch;
    }
    return literal + "\"";
}

std::string docText(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        // A quote after a quote is escaped: three in a row would end the docstring.
        if (text[i] == '\\' || (text[i] == '"' && i > 0 && text[i - 1] == '"')) out += '\\';
        out += static_cast<unsigned char>(text[i]) < 0x20 ? ' ' : text[i];
    }
    return out;
}

std::string joinedShape(const std::vector<int64_t>& shape, const std::string& separator) {
    std::string text;
    for (size_t i = 0; i < shape.size(); ++i)
        text += (i ? separator : "") + std::to_string(shape[i]);
    return text;
}

std::string commentedLine(const std::string& indent, const std::string& code,
                          const std::string& comment) {
    const std::string line = indent + code + "  # " + comment + "\n";
    return line.size() <= 100 ? line : indent + "# " + comment + "\n" + indent + code + "\n";
}

std::vector<std::string> outputShapes(const ExportedModel& model) {
    std::vector<std::string> shapes;
    bool everyStep = false;
    for (const ExportedLayer& layer : model.layers) {
        everyStep = everyStep || layer.kind == ExportedLayerKind::SequenceMany;
        std::vector<int64_t> shape = layer.outputShape;
        // A layer's own shape is one step's after seq:many; the model answers at every step.
        if (everyStep && !model.inputShape.empty())
            shape.insert(shape.begin(), model.inputShape.front());
        shapes.push_back(joinedShape(shape, " x "));
    }
    return shapes;
}

std::vector<std::string> outputVariables(const ExportedModel& model) {
    const size_t count = model.layers.size();
    const auto computes = [&](size_t i) {
        return i + 1 == count || model.layers[i].kind != ExportedLayerKind::SequenceMany;
    };
    size_t hidden = 0;
    for (size_t i = 0; i + 1 < count; ++i) hidden += computes(i);
    std::vector<std::string> variables;
    std::string current = "X";
    for (size_t i = 0, number = 0; i < count; ++i) {
        if (i + 1 == count) current = "Y";
        else if (computes(i)) current = hidden == 1 ? "Z" : "Z" + std::to_string(++number);
        variables.push_back(current);
    }
    return variables;
}

bool hasLossActivation(const ExportedModel& model) {
    const ExportedLayer& last = model.layers.back();
    return last.kind == ExportedLayerKind::Dense &&
           ((model.lossName == "ce" && last.activation == "softmax") ||
            (model.lossName == "bce" && last.activation == "sigmoid"));
}

std::string outputText(const ExportedModel& model) {
    const std::string width = std::to_string(outputWidth(model));
    std::string text = width + " values";
    if (model.outputMeaning == "probabilities")
        text = width == "1" ? "p(y = 1), the probability of class 1"
                            : "the probabilities of the " + width + " classes";
    else if (model.outputMeaning == "reconstruction")
        text = "the reconstruction of the input, " + width + " values";
    else if (model.outputMeaning == "hidden probabilities")
        text = "p(h = 1 | v) of the " + width + " hidden units";
    if (isSequenceOutput(model))
        text += ", at each of the " + std::to_string(model.outputShape.front()) + " time steps";
    return text;
}

std::string modelDescription(const ExportedModel& model) {
    return paragraph(titleText(model)) + "\n" + paragraph(inputText(model)) +
           paragraph("Output, one sample: " + outputText(model) + ".") + classesText(model) +
           paragraph("Layers: " + layerSummary(model) + ".");
}

std::string csvFunctions(const ExportedModel& model) {
    const char* line = model.outputMeaning != "probabilities" ? kValuesLine
                       : outputWidth(model) == 1              ? kSigmoidLine
                                                              : kClassesLine;
    return std::string(kReadCsv) + "\n\n" + line;
}

std::string mainBlock(const ExportedModel& model, const std::string& computeOutputs) {
    std::string block = R"(if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python3 %s input.csv" % os.path.basename(sys.argv[0]))
    X = read_csv(sys.argv[1])
)";
    int64_t size = 1;
    for (int64_t d : model.inputShape) size *= d;
    block += "    if X.shape[1] != " + std::to_string(size) +
             ":\n        sys.exit(\"%s: rows have %d values, the model takes " +
             std::to_string(size) + "\" % (sys.argv[1], X.shape[1]))\n";
    block += computeOutputs + "    print(\"" + csvHeader(model) + "\")\n";
    if (isSequenceOutput(model))  // seq:many: a line per sample and time step
        return block + R"(    for n, steps in enumerate(Y, 1):
        for t, y in enumerate(steps, 1):
            print("%d,%d,%s" % (n, t, csv_line(y)))
)";
    return block + "    for y in Y:\n        print(csv_line(y))\n";
}

}  // namespace python

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
