// The network templates: each is a valid spec (shape inference passes, a Network builds) whose
// input and output fit the dataset it names, and the names the app and CLI use are stable.

#include <QtTest>

#include <set>

#include "backend/cpu_backend.h"
#include "data/data_shape.h"
#include "data/dataset_spec.h"
#include "data/image_datasets.h"
#include "models/model_projects.h"
#include "network/layer_registry.h"
#include "network/network.h"
#include "network/templates.h"

using namespace koto;

class TestTemplates : public QObject {
    Q_OBJECT
private slots:
    void namesAreStableAndUnique() {
        std::set<std::string> names;
        for (const Template& t : networkTemplates()) {
            QVERIFY2(names.insert(t.name).second, t.name.c_str());
            QVERIFY(!t.title.empty());
            QVERIFY(!t.description.empty());
            QCOMPARE(findTemplate(t.name), &t);
        }
        for (const char* name :
             {"logistic", "mlp", "deep-relu", "lenet", "rnn", "lstm", "autoencoder", "rbm"})
            QVERIFY2(names.count(name), name);
        QCOMPARE(findTemplate("no-such-template"), nullptr);
    }

    void everyTemplateBuildsANetwork_data() {
        QTest::addColumn<QString>("name");
        for (const Template& t : networkTemplates())
            QTest::newRow(t.name.c_str()) << QString::fromStdString(t.name);
    }
    void everyTemplateBuildsANetwork() {
        QFETCH(QString, name);
        const Template& t = *findTemplate(name.toStdString());
        const auto shapes = inferShapes(t.network);
        QCOMPARE(shapes.size(), t.network.layers.size());
        CpuBackend backend;
        Network network(backend, t.network, 4);
        QCOMPARE(network.layerCount(), static_cast<int>(t.network.layers.size()));
        DatasetSpec::parse(t.dataset);  // throws if the dataset spec is malformed
    }

    void lenetHasLeNetsShapes() {
        const auto shapes = inferShapes(findTemplate("lenet")->network);
        const std::vector<std::vector<int64_t>> expected{
            {6, 24, 24}, {6, 12, 12}, {16, 8, 8}, {16, 4, 4}, {256}, {120}, {84}, {10}};
        QCOMPARE(shapes, expected);
    }

    // The network's input is the dataset's sample and its output one value per class.
    void everyTemplateFitsItsDataset_data() { everyTemplateBuildsANetwork_data(); }
    void everyTemplateFitsItsDataset() {
        QFETCH(QString, name);
        const Template& t = *findTemplate(name.toStdString());
        const DatasetSpec dataSpec = DatasetSpec::parse(t.dataset);
        if (t.dataset.find("fashion-mnist") != std::string::npos &&
            !QFile::exists(QString::fromLatin1(kFashionMnistFolder)))
            QSKIP("Debian's dataset-fashion-mnist is not installed");
        const Dataset data = loadDataset(dataSpec);
        int64_t inputValues = 1;
        for (const int64_t d : t.network.inputShape) inputValues *= d;
        QCOMPARE(inputValues, data.inputSize);
        const int64_t outputs = inferShapes(t.network).back().at(0);
        if (t.model.rfind("autoencoder:", 0) == 0) {  // T = X: as many outputs as inputs, in [0, 1]
            QCOMPARE(outputs, data.inputSize);
            QCOMPARE(t.network.layers.back().text("activation"), std::string("sigmoid"));
            return;
        }
        if (t.model.rfind("rbm:", 0) == 0) {  // the up-pass: as many units as the model names
            QCOMPARE(std::to_string(outputs), t.model.substr(4));
            return;
        }
        QVERIFY(t.model.empty());
        switch (t.network.loss) {
        case LossKind::CrossEntropy: QCOMPARE(outputs, data.classCount); break;
        case LossKind::BinaryCrossEntropy: QCOMPARE(data.classCount, int64_t{2}); break;
        case LossKind::MeanSquaredError: QCOMPARE(outputs, data.outputSize); break;
        }
    }

    // The model templates open as untrained projects of their kind, with the settings each model
    // learns well with; their data's shape is what the editor checks the network against.
    void modelTemplatesBecomeUntrainedProjects() {
        const Project autoencoder = untrainedModelProject(*findTemplate("autoencoder"));
        QCOMPARE(autoencoder.model, ModelKind::Autoencoder);
        QCOMPARE(autoencoder.training.optimizer, std::string("adam"));
        QCOMPARE(autoencoder.training.learningRate, 0.001);
        QVERIFY(autoencoder.weights.empty());
        const Template& rbmTemplate = *findTemplate("rbm");
        const Project rbm = untrainedModelProject(rbmTemplate);
        QCOMPARE(rbm.model, ModelKind::Rbm);
        QCOMPARE(rbm.rbm.visible, rbmTemplate.network.inputShape.at(0));
        QCOMPARE(std::to_string(rbm.rbm.hidden), rbmTemplate.model.substr(4));
        QCOMPARE(rbm.training.batchSize, int64_t{20});
        QCOMPARE(rbm.dataset, rbmTemplate.dataset);
    }

    void dataShapeSaysWhatTheNetworkGetsAndGives() {
        const DataShape spiral = dataShapeOf(loadDataset(DatasetSpec::parse("spiral:n=40")));
        QCOMPARE(spiral.values, int64_t{2});
        QCOMPARE(spiral.outputs, int64_t{2});
        QCOMPARE(spiral.imageWidth, int64_t{0});
        QVERIFY(!spiral.regression);
        const DataShape sine = dataShapeOf(loadDataset(DatasetSpec::parse("sine")));
        QVERIFY(sine.sequenceLength > 0);
        QVERIFY(sine.regression);
        QCOMPARE(sine.outputs, int64_t{1});
    }
};

QTEST_APPLESS_MAIN(TestTemplates)
#include "test_templates.moc"
