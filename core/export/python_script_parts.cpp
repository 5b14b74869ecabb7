#include "export/python_script_parts.h"

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
    // Each name made where it is stored: GCC 12 warns wrongly on a string assigned in turn from
    // literals and from appended numbers.
    std::vector<std::string> variables;
    size_t number = 0;
    for (size_t i = 0; i < count; ++i) {
        if (i + 1 == count) variables.emplace_back("Y");
        else if (!computes(i)) variables.push_back(variables.empty() ? "X" : variables.back());
        else if (hidden == 1) variables.emplace_back("Z");
        else variables.push_back(std::string("Z").append(std::to_string(++number)));
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

}  // namespace koto
