#include "look/ui_text.h"

#include <QCoreApplication>

namespace koto::gui {

QString datasetTitle(const std::string& name) {
    if (name == "circle") return QCoreApplication::translate("UiText", "Circle");
    if (name == "xor") return QCoreApplication::translate("UiText", "Exclusive or (XOR)");
    if (name == "gauss") return QCoreApplication::translate("UiText", "Two Gaussians");
    if (name == "spiral") return QCoreApplication::translate("UiText", "Spiral");
    if (name == "moons") return QCoreApplication::translate("UiText", "Two moons");
    if (name == "plane") return QCoreApplication::translate("UiText", "Plane (regression)");
    if (name == "multigauss")
        return QCoreApplication::translate("UiText", "Multi-Gaussian (regression)");
    if (name == "fashion-mnist")
        return QCoreApplication::translate("UiText", "Fashion-MNIST (clothing images)");
    if (name == "idx") return QCoreApplication::translate("UiText", "Images in IDX files (MNIST)…");
    if (name == "csv") return QCoreApplication::translate("UiText", "Table in a CSV file…");
    if (name == "sine")
        return QCoreApplication::translate("UiText", "Sine wave: the next value (sequence)");
    if (name == "firstbit")
        return QCoreApplication::translate("UiText", "First bit of a bit sequence");
    if (name == "parity") return QCoreApplication::translate("UiText", "Parity of a bit sequence");
    if (name == "seqimg")
        return QCoreApplication::translate("UiText", "Fashion-MNIST, row by row (sequence)");
    return QString::fromStdString(name);
}

QString classTitle(const std::string& name) {
    if (name == "T-shirt/top") return QCoreApplication::translate("UiText", "T-shirt/top");
    if (name == "Trouser") return QCoreApplication::translate("UiText", "Trouser");
    if (name == "Pullover") return QCoreApplication::translate("UiText", "Pullover");
    if (name == "Dress") return QCoreApplication::translate("UiText", "Dress");
    if (name == "Coat") return QCoreApplication::translate("UiText", "Coat");
    if (name == "Sandal") return QCoreApplication::translate("UiText", "Sandal");
    if (name == "Shirt") return QCoreApplication::translate("UiText", "Shirt");
    if (name == "Sneaker") return QCoreApplication::translate("UiText", "Sneaker");
    if (name == "Bag") return QCoreApplication::translate("UiText", "Bag");
    if (name == "Ankle boot") return QCoreApplication::translate("UiText", "Ankle boot");
    // The playground's two classes, by their colours, and the parity lesson's.
    if (name == "orange") return QCoreApplication::translate("UiText", "orange");
    if (name == "blue") return QCoreApplication::translate("UiText", "blue");
    if (name == "even") return QCoreApplication::translate("UiText", "even");
    if (name == "odd") return QCoreApplication::translate("UiText", "odd");
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
    case LossKind::BinaryCrossEntropy:
        return QCoreApplication::translate("UiText", "binary cross-entropy");
    case LossKind::MeanSquaredError:
        return QCoreApplication::translate("UiText", "mean squared error");
    }
    return {};
}

}  // namespace koto::gui
