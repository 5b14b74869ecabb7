#include "ui_text.h"

#include <QCoreApplication>

namespace koto::gui {

QString datasetTitle(const std::string& name) {
    if (name == "circle") return QCoreApplication::translate("UiText", "Circle");
    if (name == "xor") return QCoreApplication::translate("UiText", "Exclusive or (XOR)");
    if (name == "gauss") return QCoreApplication::translate("UiText", "Two Gaussians");
    if (name == "spiral") return QCoreApplication::translate("UiText", "Spiral");
    if (name == "moons") return QCoreApplication::translate("UiText", "Two moons");
    if (name == "plane") return QCoreApplication::translate("UiText", "Plane (regression)");
    if (name == "multigauss") return QCoreApplication::translate("UiText", "Multi-Gaussian (regression)");
    return QString::fromStdString(name);
}

QString activationTitle(Activation activation) {
    switch (activation) {
    case Activation::Linear: return QCoreApplication::translate("UiText", "Linear");
    case Activation::Sigmoid: return QCoreApplication::translate("UiText", "Sigmoid");
    case Activation::Tanh: return QCoreApplication::translate("UiText", "Tanh");
    case Activation::Relu: return QCoreApplication::translate("UiText", "ReLU");
    case Activation::Softmax: return QCoreApplication::translate("UiText", "Softmax");
    }
    return {};
}

QString lossTitle(LossKind loss) {
    switch (loss) {
    case LossKind::CrossEntropy: return QCoreApplication::translate("UiText", "cross-entropy");
    case LossKind::BinaryCrossEntropy: return QCoreApplication::translate("UiText", "binary cross-entropy");
    case LossKind::MeanSquaredError: return QCoreApplication::translate("UiText", "mean squared error");
    }
    return {};
}

}  // namespace koto::gui
