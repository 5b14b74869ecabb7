#include "editor/layer_catalog.h"

#include <QPainter>
#include <QPixmap>

#include "network/layer_registry.h"

namespace koto::gui {
namespace {

using Parameters = std::map<std::string, LayerParameter>;

// Defaults a learner can start from; a type without a line here starts with no parameters and
// the node properties' error says which ones it needs.
Parameters defaultsOf(const std::string& type) {
    if (type == "dense") return {{"units", int64_t{16}}, {"activation", std::string("tanh")}};
    if (type == "dropout") return {{"keep", 0.5}};
    if (type == "noise") return {{"sigma", 0.1}};
    if (type == "conv")
        return {{"filters", int64_t{8}},
                {"kernel", int64_t{3}},
                {"stride", int64_t{1}},
                {"padding", int64_t{0}},
                {"activation", std::string("relu")}};
    if (type == "maxpool" || type == "avgpool") return {{"kernel", int64_t{2}}};
    if (type == "tied_dense")
        return {{"units", int64_t{2}},
                {"activation", std::string("sigmoid")},
                {"tied_to", std::string("dense_1")}};
    if (type == "rnn")
        return {{"units", int64_t{16}},
                {"activation", std::string("tanh")},
                {"init", std::string("uniform")}};
    if (type == "lstm") return {{"units", int64_t{16}}, {"init", std::string("uniform")}};
    return {};
}

LayerSpec layerOf(const std::string& type, Parameters parameters) {
    LayerSpec layer;
    layer.type = type;
    layer.parameters = std::move(parameters);
    return layer;
}

QString shortLabel(const std::string& type) {
    if (type == "dense") return QStringLiteral("W");
    if (type == "dropout") return QStringLiteral("p");
    if (type == "noise") return QStringLiteral("σ");
    if (type == "conv") return QStringLiteral("*");
    if (type == "maxpool") return QStringLiteral("max");
    if (type == "avgpool") return QStringLiteral("avg");
    if (type == "flatten") return QStringLiteral("→");
    if (type == "tied_dense") return QStringLiteral("Wᵀ");
    if (type == "rnn") return QStringLiteral("h(t)");
    if (type == "lstm") return QStringLiteral("c(t)");
    if (type == "sequence_last") return QStringLiteral("h(T)");
    if (type == "sequence_many") return QStringLiteral("h(·)");
    return QString::fromStdString(type.substr(0, 3));
}

}  // namespace

LayerGroup LayerCatalog::groupOf(const std::string& type) {
    if (type == "dense") return LayerGroup::DenseActivations;
    if (type == "dropout" || type == "noise") return LayerGroup::Regularisation;
    if (type == "conv" || type == "maxpool" || type == "avgpool" || type == "flatten")
        return LayerGroup::ConvolutionPooling;
    if (type == "rnn" || type == "lstm" || type.rfind("sequence", 0) == 0)
        return LayerGroup::Recurrent;
    if (type == "tied_dense" || type == "rbm" || type == "autoencoder") return LayerGroup::Models;
    return LayerGroup::InputsData;
}

std::vector<PaletteEntry> LayerCatalog::entries() {
    std::vector<PaletteEntry> list;
    for (const LayerType& type : layerRegistry()) {
        const std::string name(type.type);
        list.push_back(
            {QString::fromStdString(name), groupOf(name), layerOf(name, defaultsOf(name))});
    }
    // The output layer: a dense layer whose activation goes with the loss.
    list.push_back(
        {QStringLiteral("softmax-output"), LayerGroup::LossesOutputs,
         layerOf("dense", {{"units", int64_t{2}}, {"activation", std::string("softmax")}})});
    list.push_back(
        {QStringLiteral("sigmoid-output"), LayerGroup::LossesOutputs,
         layerOf("dense", {{"units", int64_t{1}}, {"activation", std::string("sigmoid")}})});
    list.push_back(
        {QStringLiteral("linear-output"), LayerGroup::LossesOutputs,
         layerOf("dense", {{"units", int64_t{1}}, {"activation", std::string("linear")}})});
    return list;
}

const PaletteEntry* LayerCatalog::find(const QString& id) {
    static const std::vector<PaletteEntry> all = entries();
    for (const PaletteEntry& entry : all)
        if (entry.id == id) return &entry;
    return nullptr;
}

QString LayerCatalog::groupTitle(LayerGroup group) {
    switch (group) {
    case LayerGroup::InputsData: return tr("Inputs and data");
    case LayerGroup::DenseActivations: return tr("Dense and activations");
    case LayerGroup::Regularisation: return tr("Regularisation");
    case LayerGroup::ConvolutionPooling: return tr("Convolution and pooling");
    case LayerGroup::Recurrent: return tr("Recurrent");
    case LayerGroup::LossesOutputs: return tr("Outputs and losses");
    case LayerGroup::Models: return tr("Models");
    }
    return {};
}

QString LayerCatalog::typeTitle(const std::string& type) {
    if (type == "dense") return tr("Dense");
    if (type == "dropout") return tr("Dropout");
    if (type == "noise") return tr("Gaussian noise");
    if (type == "conv") return tr("Convolution");
    if (type == "maxpool") return tr("Max pooling");
    if (type == "avgpool") return tr("Average pooling");
    if (type == "flatten") return tr("Flatten");
    if (type == "tied_dense") return tr("Tied decoder");
    if (type == "rnn") return tr("Simple RNN");
    if (type == "lstm") return tr("LSTM");
    if (type == "sequence_last") return tr("Last time step");
    if (type == "sequence_many") return tr("Every time step");
    return QString::fromStdString(type);
}

QString LayerCatalog::title(const PaletteEntry& entry) {
    if (entry.id == QLatin1String("softmax-output")) return tr("Softmax output");
    if (entry.id == QLatin1String("sigmoid-output")) return tr("Sigmoid output");
    if (entry.id == QLatin1String("linear-output")) return tr("Linear output");
    return typeTitle(entry.layer.type);
}

QString LayerCatalog::description(const PaletteEntry& entry) {
    const QString& id = entry.id;
    if (id == QLatin1String("dense")) return tr("Fully connected: a = XW + b, Z = s(a)");
    if (id == QLatin1String("dropout"))
        return tr("Keeps each unit with probability p while training (scaled by 1/p)");
    if (id == QLatin1String("noise")) return tr("Adds Gaussian noise N(0, σ²) while training");
    if (id == QLatin1String("conv"))
        return tr("F filters of K x K slide over the images: a = W * X + b, Z = s(a)");
    if (id == QLatin1String("maxpool")) return tr("The largest value of each K x K window");
    if (id == QLatin1String("avgpool")) return tr("The mean of each K x K window");
    if (id == QLatin1String("flatten"))
        return tr("C x H x W images become vectors of C·H·W values, for dense layers");
    if (id == QLatin1String("tied_dense"))
        return tr("Decoder reusing an encoder's weights: a = XWᵀ + b");
    if (id == QLatin1String("rnn"))
        return tr("Reads a sequence step by step: h(t) = s(x(t)Wx + h(t-1)Wh + b)");
    if (id == QLatin1String("lstm"))
        return tr("Input, forget and output gates guard a cell state c(t); h(t) = o·tanh(c(t))");
    if (id == QLatin1String("sequence_last"))
        return tr("Many-to-one: only the last step's h(T) goes on");
    if (id == QLatin1String("sequence_many"))
        return tr("Many-to-many: every step goes on, one target per step");
    if (id == QLatin1String("softmax-output"))
        return tr("One probability per class, Y = softmax(ZV + c), trained with cross-entropy");
    if (id == QLatin1String("sigmoid-output"))
        return tr(
            "One probability for two classes, y = s(ZV + c), trained with binary cross-entropy");
    if (id == QLatin1String("linear-output"))
        return tr("Numbers for regression, y = ZV + c, trained with squared error");
    const LayerType* type = findLayerType(entry.layer.type);
    return type ? QString::fromUtf8(type->description.data(),
                                    static_cast<int>(type->description.size()))
                : QString();
}

QColor LayerCatalog::colour(LayerGroup group) {
    switch (group) {
    case LayerGroup::InputsData: return QColor(0x60, 0x7d, 0x8b);
    case LayerGroup::DenseActivations: return QColor(0x1e, 0x88, 0xe5);
    case LayerGroup::Regularisation: return QColor(0x8e, 0x24, 0xaa);
    case LayerGroup::ConvolutionPooling: return QColor(0x00, 0x89, 0x7b);
    case LayerGroup::Recurrent: return QColor(0xf5, 0x7c, 0x00);
    case LayerGroup::LossesOutputs: return QColor(0xc6, 0x28, 0x28);
    case LayerGroup::Models: return QColor(0x6d, 0x4c, 0x41);
    }
    return Qt::gray;
}

QIcon LayerCatalog::icon(const PaletteEntry& entry) {
    QPixmap pixmap(64, 64);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour(entry.group));
    painter.drawRoundedRect(QRectF(4, 4, 56, 56), 12, 12);
    painter.setPen(Qt::white);
    QFont font = painter.font();
    const QString label = entry.group == LayerGroup::LossesOutputs
                              ? QString::fromStdString(entry.layer.text("activation")).left(3)
                              : shortLabel(entry.layer.type);
    font.setPixelSize(label.size() > 2 ? 20 : 30);
    font.setBold(true);
    painter.setFont(font);
    painter.drawText(QRectF(4, 4, 56, 56), Qt::AlignCenter, label);
    return QIcon(pixmap);
}

QString LayerCatalog::keyParameters(const LayerSpec& layer) {
    const auto integer = [&](const char* key) {
        const auto found = layer.parameters.find(key);
        const auto* value =
            found == layer.parameters.end() ? nullptr : std::get_if<int64_t>(&found->second);
        return value ? QString::number(*value) : QStringLiteral("?");
    };
    // A count for tr()'s %n (English "1 unit", "2 units"); a missing one reads as 0.
    const auto count = [&](const char* key) {
        const auto found = layer.parameters.find(key);
        const auto* value =
            found == layer.parameters.end() ? nullptr : std::get_if<int64_t>(&found->second);
        return value ? static_cast<int>(*value) : 0;
    };
    const auto text = [&](const char* key) {
        const auto found = layer.parameters.find(key);
        const auto* value =
            found == layer.parameters.end() ? nullptr : std::get_if<std::string>(&found->second);
        return value ? QString::fromStdString(*value) : QStringLiteral("?");
    };
    const auto number = [&](const char* key) {
        const auto found = layer.parameters.find(key);
        if (found == layer.parameters.end()) return QStringLiteral("?");
        if (const auto* d = std::get_if<double>(&found->second)) return QString::number(*d);
        if (const auto* i = std::get_if<int64_t>(&found->second)) return QString::number(*i);
        return QStringLiteral("?");
    };
    if (layer.type == "dense" || layer.type == "tied_dense" || layer.type == "rnn")
        return tr("%n unit(s), %1", nullptr, count("units")).arg(text("activation"));
    if (layer.type == "lstm") return tr("%n unit(s)", nullptr, count("units"));
    if (layer.type == "conv") {
        // Stride 1 without padding, as most networks slide: said only when otherwise, so that
        // the line fits its node in every language.
        if (integer("stride") == QLatin1String("1") && integer("padding") == QLatin1String("0"))
            return tr("%n filter(s) %1x%1, %2", nullptr, count("filters"))
                .arg(integer("kernel"), text("activation"));
        return tr("%n filter(s) %1x%1, stride %2, pad %3, %4", nullptr, count("filters"))
            .arg(integer("kernel"), integer("stride"), integer("padding"), text("activation"));
    }
    if (layer.type == "maxpool" || layer.type == "avgpool")
        return tr("%1x%1 windows").arg(integer("kernel"));
    if (layer.type == "dropout") return tr("keep p = %1").arg(number("keep"));
    if (layer.type == "noise") return tr("σ = %1").arg(number("sigma"));
    QStringList parts;
    for (const auto& [key, value] : layer.parameters) {
        QString shown;
        if (const auto* i = std::get_if<int64_t>(&value)) shown = QString::number(*i);
        else if (const auto* d = std::get_if<double>(&value)) shown = QString::number(*d);
        else shown = QString::fromStdString(std::get<std::string>(value));
        parts << QString::fromStdString(key) + QLatin1Char('=') + shown;
    }
    return parts.join(QStringLiteral(", "));
}

QString LayerCatalog::parameterTitle(const std::string& key) {
    if (key == "units") return tr("Units");
    if (key == "activation") return tr("Activation");
    if (key == "keep") return tr("Keep probability p");
    if (key == "sigma") return tr("Noise σ");
    if (key == "filters") return tr("Filters");
    if (key == "kernel") return tr("Kernel size");
    if (key == "stride") return tr("Stride");
    if (key == "padding") return tr("Padding");
    if (key == "tied_to") return tr("Tied to");
    if (key == "init") return tr("Initial weights");
    return QString::fromStdString(key);
}

}  // namespace koto::gui
