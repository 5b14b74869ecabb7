#pragma once
// The parts of the exported Python scripts (export/numpy_script.h, export/pytorch_script.h) that
// both write alike: quoting, the docstring's description of the model, the variable names of
// forward(), and reading the CSV and printing predictions as kotohajime-cli predict does.

#include <string>
#include <vector>

#include "export/exported_model.h"

namespace koto {

// The parts that the NumPy and the PyTorch script share.
namespace python {

// text as a Python string literal in double quotes.
std::string stringLiteral(const std::string& text);
// Text from the project (the dataset, class names) as a docstring may hold it: no backslash or
// quotes can end it early, and no control character can break its lines.
std::string docText(const std::string& text);
// text as a paragraph of a docstring, its lines broken at spaces before column 93.
std::string paragraph(const std::string& text);
// {4, 12, 12} -> "4 x 12 x 12" (separator " x ") or "4, 12, 12" (separator ", ").
std::string joinedShape(const std::vector<int64_t>& shape, const std::string& separator);
// indent, code and "  # comment" as one line, or the comment on a line of its own above the code
// where one line would pass column 99.
std::string commentedLine(const std::string& indent, const std::string& code,
                          const std::string& comment);
// Each layer's output for one sample as a comment writes it ("4 x 12 x 12"); after seq:many the
// time steps come first ("5 x 3").
std::vector<std::string> outputShapes(const ExportedModel& model);
// The variable each layer's output goes to in forward(): "Y" for the last, "Z" when only one
// other layer has an output of its own, else "Z1", "Z2", ... A seq:many layer that is not the
// last computes nothing: it gets its input's variable.
std::vector<std::string> outputVariables(const ExportedModel& model);
// Whether the last layer's softmax/sigmoid is the one that the ce/bce loss applies.
bool hasLossActivation(const ExportedModel& model);
// What comes out for one sample: "the probabilities of the 3 classes".
std::string outputText(const ExportedModel& model);
// The docstring's description of the model: what it is, its input, its output and its layers.
std::string modelDescription(const ExportedModel& model);
// read_csv(path) and csv_line(y): the CSV in and a sample's line of the predict CSV out.
std::string csvFunctions(const ExportedModel& model);
// The `if __name__ == "__main__":` block: computeOutputs (lines indented by 4) makes the
// outputs Y (a NumPy array) from the inputs X that the block has read; the block prints them.
std::string mainBlock(const ExportedModel& model, const std::string& computeOutputs);

}  // namespace python
}  // namespace koto
