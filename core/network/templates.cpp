#include "network/templates.h"

#include "models/autoencoder.h"

namespace koto {
namespace {

LayerSpec dense(int64_t units, const std::string& activation) {
    return {"dense", "", {{"units", units}, {"activation", activation}}, std::nullopt};
}

LayerSpec conv(int64_t filters, int64_t kernel) {
    return {"conv",
            "",
            {{"filters", filters},
             {"kernel", kernel},
             {"stride", int64_t{1}},
             {"padding", int64_t{0}},
             {"activation", std::string("relu")}},
            std::nullopt};
}

LayerSpec maxpool(int64_t kernel) { return {"maxpool", "", {{"kernel", kernel}}, std::nullopt}; }

Template make(std::string name, std::string title, std::string description, std::string dataset,
              std::vector<int64_t> inputShape, LossKind loss, std::vector<LayerSpec> layers) {
    Template t{
        std::move(name), std::move(title), std::move(description), std::move(dataset), {}, {}};
    t.network.inputShape = std::move(inputShape);
    t.network.loss = loss;
    t.network.layers = std::move(layers);
    assignLayerNames(t.network);
    return t;
}

std::vector<Template> buildTemplates() {
    std::vector<Template> list;
    // Part 4: one logistic unit, y = sigmoid(XW + b), with binary cross-entropy.
    list.push_back(make("logistic", "Logistic regression",
                        "One sigmoid unit y = s(XW + b): a straight boundary between two classes",
                        "gauss", {2}, LossKind::BinaryCrossEntropy, {dense(1, "sigmoid")}));
    // Parts 5-7: Z = s(XW + b), Y = softmax(ZV + c).
    list.push_back(make("mlp", "One hidden layer (sigmoid, softmax)",
                        "The curriculum's network: Z = s(XW + b), Y = softmax(ZV + c); it can bend "
                        "the boundary into a ring",
                        "circle", {2}, LossKind::CrossEntropy,
                        {dense(8, "sigmoid"), dense(2, "softmax")}));
    list.push_back(
        make("deep-relu", "Deep ReLU network",
             "Three hidden ReLU layers: enough depth to untangle the spiral", "spiral", {2},
             LossKind::CrossEntropy,
             {dense(32, "relu"), dense(32, "relu"), dense(32, "relu"), dense(2, "softmax")}));
    // LeCun's LeNet-5 shape on 28 x 28 images: 6x24x24, 6x12x12, 16x8x8, 16x4x4, 256, 120, 84, 10.
    list.push_back(make(
        "lenet", "LeNet-like CNN",
        "Convolutions and pooling find local patterns in the images, dense layers classify them",
        "fashion-mnist:n=5000", {1, 28, 28}, LossKind::CrossEntropy,
        {conv(6, 5),
         maxpool(2),
         conv(16, 5),
         maxpool(2),
         {"flatten", "", {}, std::nullopt},
         dense(120, "relu"),
         dense(84, "relu"),
         dense(10, "softmax")}));
    // Part 12: recurrent networks read a sequence one step at a time; seq:last passes on h(T).
    list.push_back(make(
        "rnn", "Simple RNN",
        "h(t) = tanh(x(t)Wx + h(t-1)Wh + b) reads 8 bits one by one and must remember the first",
        "firstbit", {8, 1}, LossKind::CrossEntropy,
        {{"rnn",
          "",
          {{"units", int64_t{16}},
           {"activation", std::string("tanh")},
           {"init", std::string("uniform")}},
          std::nullopt},
         {"sequence_last", "", {}, std::nullopt},
         dense(2, "softmax")}));
    list.push_back(make(
        "lstm", "LSTM classifier",
        "An LSTM reads each image row by row (28 steps of 28 pixels) and classifies it from h(T)",
        "seqimg:fashion-mnist:n=5000", {28, 28}, LossKind::CrossEntropy,
        {{"lstm", "", {{"units", int64_t{64}}, {"init", std::string("uniform")}}, std::nullopt},
         {"sequence_last", "", {}, std::nullopt},
         dense(10, "softmax")}));
    // Part 12, unsupervised: the autoencoder squeezes each image through 32 numbers and back.
    Template autoencoder{
        "autoencoder",
        "Autoencoder",
        "Encoder 784-128-32 and mirrored decoder back to 784 pixels, trained to reconstruct its "
        "input (T = X)",
        "fashion-mnist:n=5000",
        autoencoderSpec(784, AutoencoderOptions::parse("128,32")),
        "autoencoder:128,32"};
    list.push_back(std::move(autoencoder));
    Template rbm =
        make("rbm", "Restricted Boltzmann machine",
             "64 binary hidden units h learn the images' patterns by contrastive divergence: "
             "p(h = 1 | v) = s(vW + c), p(v = 1 | h) = s(hW^T + b)",
             "fashion-mnist:n=5000", {784}, LossKind::MeanSquaredError, {dense(64, "sigmoid")});
    rbm.model = "rbm:64";
    list.push_back(std::move(rbm));
    return list;
}

}  // namespace

const std::vector<Template>& networkTemplates() {
    static const std::vector<Template> templates = buildTemplates();
    return templates;
}

const Template* findTemplate(const std::string& name) {
    for (const Template& t : networkTemplates())
        if (t.name == name) return &t;
    return nullptr;
}

std::string templateNames() {
    std::string names;
    for (const Template& t : networkTemplates()) names += (names.empty() ? "" : ", ") + t.name;
    return names;
}

}  // namespace koto
