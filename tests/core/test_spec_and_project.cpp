// Files: network specs in JSON, .koto projects and CSV tables of numbers. What is saved comes back
// exactly (weights bit for bit), and every kind of broken input is refused with an InputError or
// SpecError that says what is wrong, never a crash.

#include <QtTest>

#include <QFile>
#include <QTemporaryDir>

#include <cmath>
#include <cstring>
#include <limits>
#include <sys/resource.h>

#include "backend/cpu_backend.h"
#include "io/layer_tokens.h"
#include "io/network_spec_json.h"
#include "io/numeric_csv.h"
#include "io/project_file.h"
#include "koto_test_support.h"
#include "network/layer_registry.h"
#include "network/network.h"
#include "training/project_capture.h"
#include "training/training_run.h"
#include "util/errors.h"

using namespace koto;
using kototest::dense;
using kototest::firstDifference;
using kototest::networkSpec;
using kototest::qs;
using kototest::sameWeights;

namespace {

// A classifier on 2 inputs: dense_1 (8, tanh), dense_2 (2, softmax), cross-entropy.
NetworkSpec smallSpec() {
    return networkSpec({2}, LossKind::CrossEntropy, {dense(8, "tanh"), dense(2, "softmax")});
}

// A trained project of smallSpec on xor, 3 epochs.
Project trainedProject() {
    CpuBackend backend;
    const auto data = kototest::dataset("xor");
    TrainingSettings settings;
    settings.learningRate = 0.1;
    settings.epochs = 3;
    TrainingRun run(backend, smallSpec(), data, settings);
    run.trainer().train(settings.epochs);
    return captureProject(run.trainer(), "xor");
}

void writeFile(const QString& path, const QByteArray& contents) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(contents), contents.size());
}

// The floats a file must keep exactly: denormals, both zeros, the extremes.
std::vector<float> awkwardFloats() {
    using limits = std::numeric_limits<float>;
    return {limits::denorm_min(),
            -limits::denorm_min(),
            1e-40f,
            -0.0f,
            0.0f,
            limits::max(),
            limits::lowest(),
            limits::min(),
            limits::epsilon(),
            1.0f / 3.0f,
            -3.14159274f,
            1e30f,
            -1e-30f,
            123456.789f,
            1.0f,
            -1.0f};
}

// Unfinished editor work: dense_1 (0 units: not yet set) fed by the input and feeding nothing,
// a chain relu_1 -> dense_2 -> output cut off from it, and a lone dropout; all placed.
EditorDraft unfinishedDraft() {
    EditorDraft draft;
    draft.loss = LossKind::CrossEntropy;
    draft.nodes = {{"dense",
                    "dense_1",
                    {{"units", int64_t{0}}, {"activation", std::string("tanh")}},
                    std::pair{0.0, 96.0}},
                   {"dense",
                    "dense_2",
                    {{"units", int64_t{2}}, {"activation", std::string("softmax")}},
                    std::pair{300.0, 96.0}},
                   {"dropout", "dropout_1", {{"keep", 0.8}}, std::pair{-12.5, 1e6}},
                   {"dense",
                    "relu_1",
                    {{"units", int64_t{4}}, {"activation", std::string("relu")}},
                    std::pair{300.0, 0.0}}};
    draft.links = {
        {kDraftInputName, "dense_1"}, {"relu_1", "dense_2"}, {"dense_2", kDraftOutputName}};
    draft.inputPosition = {0, -0.25};
    draft.outputPosition = {300, 192};
    return draft;
}

}  // namespace

class TestSpecAndProject : public QObject {
    Q_OBJECT

private slots:
    void specsTrainAlikeByLayersNotPositions();
    void specJsonRoundTrip();
    void specJsonHasTheDocumentedForm();
    void specJsonRefusesBadInput_data();
    void specJsonRefusesBadInput();
    void shapeInferenceErrors_data();
    void shapeInferenceErrors();
    void shapeInferenceOfAGoodSpec();
    void projectRoundTripIsBitExact();
    void projectCurvesRoundTrip();
    void anUnfinishedDraftRoundTripsExactly();
    void trainedProjectReloadsToTheSameNetwork();
    void badProjectFiles_data();
    void badProjectFiles();
    void missingProjectFile();
    void aHugeNetworkIsNotBuiltJustToOpenIt();
    void restoreWeightsRefusesMismatches_data();
    void restoreWeightsRefusesMismatches();
    void csvTables_data();
    void csvTables();
    void csvErrorsNameTheirPlace_data();
    void csvErrorsNameTheirPlace();
    void csvFromFile();
};

void TestSpecAndProject::specJsonRoundTrip() {
    NetworkSpec spec = smallSpec();
    spec.layers[0].position = std::make_pair(12.5, -3.25);
    spec.layers[1].position = std::make_pair(0.1, 1e6);
    spec.layers[0].parameters["note"] = std::string("hidden layer");
    spec.layers[0].parameters["scale"] = 0.1;
    spec.layers[1].parameters["big"] = int64_t{1} << 40;
    const std::string text = toJson(spec).dump();
    const NetworkSpec back = networkSpecFromJson(nlohmann::json::parse(text));
    QVERIFY(back == spec);
    QVERIFY(back.layers[0].position.has_value());
    QCOMPARE(back.layers[0].position->first, 12.5);
    QCOMPARE(std::get<double>(back.layers[0].parameters.at("scale")), 0.1);
    QCOMPARE(std::get<int64_t>(back.layers[1].parameters.at("big")), int64_t{1} << 40);
    QVERIFY(!networkSpecFromJson(toJson(smallSpec())).layers[0].position.has_value());
}

void TestSpecAndProject::specJsonHasTheDocumentedForm() {
    const nlohmann::json json = toJson(smallSpec());
    QCOMPARE(json.at("schema_version").get<int>(), 1);
    QVERIFY(json.at("input") == nlohmann::json::array({2}));
    QCOMPARE(qs(json.at("loss").get<std::string>()), QStringLiteral("ce"));
    const auto& first = json.at("layers").at(0);
    QCOMPARE(qs(first.at("type").get<std::string>()), QStringLiteral("dense"));
    QCOMPARE(qs(first.at("name").get<std::string>()), QStringLiteral("dense_1"));
    QCOMPARE(first.at("units").get<int>(), 8);
    QCOMPARE(qs(first.at("activation").get<std::string>()), QStringLiteral("tanh"));
}

void TestSpecAndProject::specJsonRefusesBadInput_data() {
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("expected");
    const QString layers =
        R"("layers":[{"type":"dense","name":"d","units":2,"activation":"softmax"}])";
    QTest::newRow("newer schema") << R"({"schema_version":2,"input":[2],"loss":"ce",)" + layers +
                                         "}"
                                  << "newer";
    QTest::newRow("schema 0") << R"({"schema_version":0,"input":[2],"loss":"ce",)" + layers + "}"
                              << "schema version";
    QTest::newRow("unknown loss") << R"({"schema_version":1,"input":[2],"loss":"hinge",)" + layers +
                                         "}"
                                  << "unknown loss";
    QTest::newRow("no layers key") << R"({"schema_version":1,"input":[2],"loss":"ce"})"
                                   << "incomplete";
    QTest::newRow("input is text")
        << R"({"schema_version":1,"input":"2","loss":"ce",)" + layers + "}"
        << "input shape must be a JSON array";
    QTest::newRow("input 1e308")  // never cast from a double out of range
        << R"({"schema_version":1,"input":[1e308],"loss":"ce",)" + layers + "}"
        << "input shape must be whole numbers";
    QTest::newRow("schema version 1e308")
        << R"({"schema_version":1e308,"input":[2],"loss":"ce",)" + layers + "}"
        << "schema version is not valid";
    QTest::newRow("not an object") << "[1,2,3]"
                                   << "not a JSON object";
    QTest::newRow("layer is a number")
        << R"({"schema_version":1,"input":[2],"loss":"ce","layers":[7]})"
        << "not a JSON object";
    QTest::newRow("position of three")
        << R"({"schema_version":1,"input":[2],"loss":"ce","layers":[{"type":"dense","name":"d","position":[1,2,3]}]})"
        << "two numbers";
    QTest::newRow("parameter is a list")
        << R"({"schema_version":1,"input":[2],"loss":"ce","layers":[{"type":"dense","name":"d","units":[2]}]})"
        << "\"units\"";
}

void TestSpecAndProject::specJsonRefusesBadInput() {
    QFETCH(QString, json);
    QFETCH(QString, expected);
    try {
        networkSpecFromJson(nlohmann::json::parse(json.toStdString()));
        QFAIL("no InputError");
    } catch (const InputError& error) {
        QVERIFY2(QString::fromUtf8(error.what()).contains(expected), error.what());
    }
}

void TestSpecAndProject::shapeInferenceErrors_data() {
    QTest::addColumn<NetworkSpec>("spec");
    QTest::addColumn<int>("layerIndex");  // SpecError::layerIndex, -1 for the whole spec
    QTest::addColumn<QString>("expected");

    NetworkSpec unknownType = smallSpec();
    unknownType.layers[0].type = "conv9";
    QTest::newRow("unknown layer type")
        << unknownType << 0 << "dense_1: unknown layer type \"conv9\"";

    NetworkSpec zeroUnits = smallSpec();
    zeroUnits.layers[0].parameters["units"] = int64_t{0};
    QTest::newRow("units 0") << zeroUnits << 0
                             << "dense_1: units must be between 1 and 1000000, not 0";

    NetworkSpec duplicate = smallSpec();
    duplicate.layers[1].name = "dense_1";
    QTest::newRow("duplicate names") << duplicate << 1 << "two layers are called dense_1";

    NetworkSpec ceWithoutSoftmax = smallSpec();
    ceWithoutSoftmax.layers[1].parameters["activation"] = std::string("sigmoid");
    QTest::newRow("ce without softmax output")
        << ceWithoutSoftmax << 1 << "cross-entropy needs a softmax output layer";

    NetworkSpec hiddenSoftmax = smallSpec();
    hiddenSoftmax.layers[0].parameters["activation"] = std::string("softmax");
    QTest::newRow("softmax in a hidden layer")
        << hiddenSoftmax << 0 << "dense_1: softmax belongs to the output layer only";

    NetworkSpec newer = smallSpec();
    newer.schemaVersion = NetworkSpec::currentSchemaVersion + 1;
    QTest::newRow("newer schema version") << newer << -1 << "newer Kotohajime";

    NetworkSpec bceTanh = smallSpec();
    bceTanh.loss = LossKind::BinaryCrossEntropy;
    bceTanh.layers[1].parameters["activation"] = std::string("tanh");
    QTest::newRow("bce with a tanh output")
        << bceTanh << 1 << "binary cross-entropy needs sigmoid output units";

    NetworkSpec mseSoftmax = smallSpec();
    mseSoftmax.loss = LossKind::MeanSquaredError;
    QTest::newRow("mse with softmax") << mseSoftmax << 1 << "softmax goes with cross-entropy";

    NetworkSpec unknownActivation = smallSpec();
    unknownActivation.layers[0].parameters["activation"] = std::string("swish");
    QTest::newRow("unknown activation") << unknownActivation << 0 << "unknown activation \"swish\"";

    NetworkSpec noUnits = smallSpec();
    noUnits.layers[0].parameters.erase("units");
    QTest::newRow("missing units") << noUnits << 0 << "dense_1 needs the parameter \"units\"";

    NetworkSpec unitsAsText = smallSpec();
    unitsAsText.layers[0].parameters["units"] = std::string("eight");
    QTest::newRow("units as text") << unitsAsText << 0 << "\"units\" must be a whole number";

    NetworkSpec noLayers = smallSpec();
    noLayers.layers.clear();
    QTest::newRow("no layers") << noLayers << -1 << "no layers";

    NetworkSpec noInput = smallSpec();
    noInput.inputShape.clear();
    QTest::newRow("no input shape") << noInput << -1 << "no input shape";

    NetworkSpec unnamed = smallSpec();
    unnamed.layers[1].name.clear();
    QTest::newRow("unnamed layer") << unnamed << 1 << "layer 2 has no name";
}

void TestSpecAndProject::shapeInferenceErrors() {
    QFETCH(NetworkSpec, spec);
    QFETCH(int, layerIndex);
    QFETCH(QString, expected);
    try {
        inferShapes(spec);
        QFAIL("inferShapes accepted the spec");
    } catch (const SpecError& error) {
        QVERIFY2(QString::fromUtf8(error.what()).contains(expected), error.what());
        QCOMPARE(error.layerIndex(), layerIndex);
    }
    // Building a network checks the same.
    CpuBackend backend;
    QVERIFY_THROWS_EXCEPTION(SpecError, Network(backend, spec, 4));
}

void TestSpecAndProject::shapeInferenceOfAGoodSpec() {
    const auto shapes = inferShapes(smallSpec());
    QCOMPARE(shapes.size(), size_t{2});
    QVERIFY(shapes[0] == std::vector<int64_t>{8});
    QVERIFY(shapes[1] == std::vector<int64_t>{2});
    QCOMPARE(qs(shapeText({6, 24, 24})), QStringLiteral("6x24x24"));
}

void TestSpecAndProject::projectRoundTripIsBitExact() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Project project;
    project.network = smallSpec();
    project.network.layers[0].position = std::make_pair(40.0, 80.0);
    project.dataset = "spiral:noise=0.1,seed=3";
    project.training.learningRate = 0.1;
    project.training.batchSize = 7;
    project.training.epochs = 123;
    project.training.seed = 0xFFFFFFFFFFFFFFFFull;  // the largest seed survives JSON
    project.training.optimizer = "rmsprop";
    project.training.momentum = 0.5;
    project.training.decay = 0.9;
    project.training.schedule = "step:10:0.5";
    project.training.augment = "translate=2,flip";
    project.pixelInputs = true;
    project.epochsTrained = 12;
    project.stepsTrained = 345;
    const std::vector<float> awkward = awkwardFloats();
    std::vector<float> w1(16), b1(8), w2(16), b2(2);
    for (size_t i = 0; i < w1.size(); ++i) w1[i] = awkward[i % awkward.size()];
    for (size_t i = 0; i < b1.size(); ++i) b1[i] = awkward[(i + 3) % awkward.size()];
    for (size_t i = 0; i < w2.size(); ++i) w2[i] = -awkward[i % awkward.size()];
    b2 = {std::numeric_limits<float>::denorm_min(), -0.0f};
    project.weights = {{"dense_1.W", 2, 8, w1},
                       {"dense_1.b", 1, 8, b1},
                       {"dense_2.W", 8, 2, w2},
                       {"dense_2.b", 1, 2, b2}};

    const std::string path = dir.filePath("awkward.koto").toStdString();
    saveProject(project, path);
    const Project back = loadProject(path);
    QVERIFY(back.network == project.network);
    QCOMPARE(qs(back.dataset), qs(project.dataset));
    QCOMPARE(back.training.learningRate, 0.1);
    QCOMPARE(back.training.batchSize, int64_t{7});
    QCOMPARE(back.training.epochs, int64_t{123});
    QCOMPARE(back.training.seed, project.training.seed);
    QCOMPARE(qs(back.training.optimizer), QStringLiteral("rmsprop"));
    QCOMPARE(back.training.momentum, 0.5);
    QCOMPARE(back.training.decay, 0.9);
    QCOMPARE(qs(back.training.schedule), QStringLiteral("step:10:0.5"));
    QCOMPARE(qs(back.training.augment), QStringLiteral("translate=2,flip"));
    QVERIFY(back.pixelInputs);
    QCOMPARE(back.epochsTrained, int64_t{12});
    QCOMPARE(back.stepsTrained, int64_t{345});
    QVERIFY2(sameWeights(back.weights, project.weights),
             qPrintable(firstDifference(back.weights, project.weights)));
    QVERIFY(std::signbit(back.weights[3].values[1]));  // -0 stays negative
    // Saving is atomic: no temporary file is left beside the project.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"awkward.koto"});
}

// The editor's unfinished work comes back exactly beside the network that trains; a file without
// a draft (as every file before drafts) opens with none.
void TestSpecAndProject::anUnfinishedDraftRoundTripsExactly() {
    Project project = trainedProject();
    const std::string withoutDraft = projectToJson(project);
    QVERIFY(!nlohmann::json::parse(withoutDraft).contains("draft"));
    QVERIFY(!projectFromJson(withoutDraft, "old.koto").draft);

    project.draft = unfinishedDraft();
    const std::string text = projectToJson(project);
    const nlohmann::json json = nlohmann::json::parse(text);
    QCOMPARE(json.at("draft").at("links").size(), size_t{3});
    QCOMPARE(json.at("draft").at("nodes").at("layers").size(), size_t{4});
    const Project back = projectFromJson(text, "draft.koto");
    QVERIFY(back.draft);
    QVERIFY(*back.draft == unfinishedDraft());
    QVERIFY(back.network == project.network);
    QVERIFY2(sameWeights(back.weights, project.weights),
             qPrintable(firstDifference(back.weights, project.weights)));
    QCOMPARE(projectToJson(back), text);
    const std::vector<std::string> chain = draftChain(*back.draft);
    QCOMPARE(chain, std::vector<std::string>{"dense_1"});

    // Trained on (kotohajime-cli train --project), the project keeps the draft.
    CpuBackend backend;
    TrainingRun run(backend, back.network, kototest::dataset("xor"), back.training);
    restoreWeights(run.trainer().network(), back.weights);
    run.trainer().train(1);
    const Project onwards = captureProject(run.trainer(), "xor", &back);
    QCOMPARE(onwards.epochsTrained, back.epochsTrained + 1);
    QVERIFY(onwards.draft == back.draft);
}

void TestSpecAndProject::projectCurvesRoundTrip() {
    Project project;
    project.network = smallSpec();
    project.dataset = "xor";
    EpochMetrics first;
    first.epoch = 1;
    first.steps = 25;
    first.seconds = 0.0123456789;
    first.train = {0.6931471805599453, 0.5, 0.5, 0};
    first.test = {0.7, 0.48, 0.52, 0};
    EpochMetrics diverged = first;
    diverged.epoch = 2;
    diverged.steps = 50;
    diverged.train.loss = std::numeric_limits<double>::infinity();  // stored as null, read as NaN
    diverged.test.loss = std::nan("");
    project.curves = {first, diverged};
    const Project back = projectFromJson(projectToJson(project), "curves.koto");
    QCOMPARE(back.curves.size(), size_t{2});
    const EpochMetrics& a = back.curves[0];
    QCOMPARE(a.epoch, int64_t{1});
    QCOMPARE(a.steps, int64_t{25});
    QCOMPARE(a.seconds, first.seconds);
    QCOMPARE(a.train.loss, first.train.loss);
    QCOMPARE(a.train.accuracy, 0.5);
    QCOMPARE(a.test.accuracy, 0.48);
    QCOMPARE(a.test.errorRate, 1 - 0.48);
    QVERIFY(!a.regression);
    QVERIFY(std::isnan(back.curves[1].train.loss));
    QVERIFY(std::isnan(back.curves[1].test.loss));

    EpochMetrics regression;
    regression.epoch = 1;
    regression.regression = true;
    regression.train.rmse = 0.125;
    regression.test.rmse = 0.25;
    project.curves = {regression};
    const Project backRegression = projectFromJson(projectToJson(project), "plane.koto");
    QVERIFY(backRegression.curves[0].regression);
    QCOMPARE(backRegression.curves[0].test.rmse, 0.25);
}

// A trained project, saved and loaded, rebuilds a network with the same weights that evaluates
// to the same numbers.
void TestSpecAndProject::trainedProjectReloadsToTheSameNetwork() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Project project = trainedProject();
    QCOMPARE(project.epochsTrained, int64_t{3});
    QCOMPARE(project.stepsTrained, int64_t{75});
    QCOMPARE(project.curves.size(), size_t{3});
    const std::string path = dir.filePath("xor.koto").toStdString();
    saveProject(project, path);
    const Project loaded = loadProject(path);
    QVERIFY2(sameWeights(loaded.weights, project.weights),
             qPrintable(firstDifference(loaded.weights, project.weights)));
    QCOMPARE(loaded.curves.back().test.accuracy, project.curves.back().test.accuracy);

    CpuBackend backend;
    const auto data = kototest::dataset(loaded.dataset);
    TrainingRun run(backend, loaded.network, data, loaded.training);
    restoreWeights(run.network(), loaded.weights);
    QVERIFY(sameWeights(captureWeights(run.network()), project.weights));
    const EpochMetrics metrics = run.trainer().evaluate();
    QCOMPARE(metrics.test.loss, project.curves.back().test.loss);
    QCOMPARE(metrics.test.accuracy, project.curves.back().test.accuracy);
}

void TestSpecAndProject::badProjectFiles_data() {
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("expected");

    const std::string good = projectToJson(trainedProject());
    auto edited = [&](auto&& edit) {
        nlohmann::json json = nlohmann::json::parse(good);
        edit(json);
        return QByteArray::fromStdString(json.dump());
    };

    QTest::newRow("not JSON") << QByteArray("this is not a project\n") << "not valid JSON";
    QTest::newRow("empty file") << QByteArray() << "not valid JSON";
    QTest::newRow("truncated") << QByteArray::fromStdString(good.substr(0, good.size() / 2))
                               << "not valid JSON";
    QTest::newRow("binary junk") << QByteArray("\x00\xff\xfe{\x01", 5) << "not valid JSON";
    QTest::newRow("wrong format field") << edited([](auto& j) { j["format"] = "some-other-app"; })
                                        << "not a Kotohajime project file";
    QTest::newRow("no format field")
        << edited([](auto& j) { j.erase("format"); }) << "not a Kotohajime project file";
    QTest::newRow("a JSON array") << QByteArray("[1, 2, 3]") << "not a Kotohajime project file";
    QTest::newRow("newer schema") << edited([](auto& j) { j["schema_version"] = 99; })
                                  << "newer Kotohajime";
    QTest::newRow("newer network schema")
        << edited([](auto& j) { j["network"]["schema_version"] = 2; }) << "newer Kotohajime";
    QTest::newRow("deeply nested") << QByteArray(100000, '[') << "nested too deeply";
    QTest::newRow("deeply nested objects")
        << QByteArray("{\"a\":").repeated(5000) << "nested too deeply";
    QTest::newRow("base64 garbage")
        << edited([](auto& j) { j["weights"][0]["data"] = "!!!!****"; }) << "invalid character";
    QTest::newRow("base64 wrong length")
        << edited([](auto& j) { j["weights"][0]["data"] = "AAAAA"; }) << "wrong length";
    QTest::newRow("weights cut mid-float")
        << edited([](auto& j) { j["weights"][0]["data"] = "AAAA"; }) << "truncated";
    QTest::newRow("wrong element count")
        << edited([](auto& j) { j["weights"][0]["data"] = "AAAAAAAAAAAAAAAA"; })
        << "hold 3 numbers, their shape says 16";
    QTest::newRow("negative shape") << edited([](auto& j) {
        j["weights"][0]["shape"] = {-2, 8};
    }) << "weights dense_1.W: shape must be [ROWS, COLUMNS]";
    QTest::newRow("huge shape") << edited([](auto& j) {
        j["weights"][0]["shape"] = {int64_t{1} << 40, 8};
    }) << "weights dense_1.W: shape must be [ROWS, COLUMNS]";
    QTest::newRow("missing training")
        << edited([](auto& j) { j.erase("training"); }) << "training is missing";
    QTest::newRow("batch size as text")
        << edited([](auto& j) { j["training"]["batch_size"] = "ten"; })
        << "training.batch_size must be a whole number from 1 to 1000000, not \"ten\"";
    QTest::newRow("weights not a list")
        << edited([](auto& j) { j["weights"] = 5; }) << "weights must be a JSON array, not 5";
    QTest::newRow("unknown layer type")
        << edited([](auto& j) { j["network"]["layers"][0]["type"] = "warp"; })
        << "unknown layer type";
    QTest::newRow("layer without units")
        << edited([](auto& j) { j["network"]["layers"][0].erase("units"); })
        << "the network cannot be built";
    QTest::newRow("same name twice")
        << edited([](auto& j) { j["network"]["layers"][1]["name"] = "dense_1"; })
        << "the network cannot be built";
    QTest::newRow("no layers") << edited([](auto& j) {
        j["network"]["layers"] = nlohmann::json::array();
    }) << "the network cannot be built";
    // A decoder tied to an encoder that is not there (a dangling edge), or to itself (a cycle).
    QTest::newRow("tied to no layer") << edited([](auto& j) {
        j["network"]["layers"][0] = {{"type", "tied_dense"},
                                     {"name", "decoder"},
                                     {"units", 8},
                                     {"activation", "tanh"},
                                     {"tied_to", "encoder"}};
    }) << "not a dense layer of the network";
    QTest::newRow("tied to itself") << edited([](auto& j) {
        j["network"]["layers"][0] = {{"type", "tied_dense"},
                                     {"name", "decoder"},
                                     {"units", 8},
                                     {"activation", "tanh"},
                                     {"tied_to", "decoder"}};
    }) << "not a dense layer of the network";
    QTest::newRow("weights of another network")
        << edited([](auto& j) { j["weights"][0]["name"] = "dense_9.W"; }) << "do not fit";
    QTest::newRow("a weight missing")
        << edited([](auto& j) { j["weights"].erase(0); }) << "the saved weights have 3";

    // The editor's draft: anything it could not show is refused as the file opens.
    auto drafted = [&](auto&& edit) {
        return edited([&](auto& j) {
            j["draft"] = toJson(unfinishedDraft());
            edit(j["draft"]);
        });
    };
    QTest::newRow("draft not an object")
        << drafted([](auto& d) { d = 3; }) << "the draft is not a JSON object";
    QTest::newRow("draft without links")
        << drafted([](auto& d) { d.erase("links"); }) << "the draft is incomplete";
    QTest::newRow("draft link to nowhere") << drafted([](auto& d) {
        d["links"].push_back({"dropout_1", "dense_9"});
    }) << "a link goes to dense_9, which is not there";
    QTest::newRow("draft link from nowhere") << drafted([](auto& d) {
        d["links"].push_back({"dense_9", "dropout_1"});
    }) << "a link comes from dense_9, which is not there";
    QTest::newRow("draft link of three") << drafted([](auto& d) {
        d["links"].push_back({"a", "b", "c"});
    }) << "must name two nodes";
    QTest::newRow("draft node fed twice") << drafted([](auto& d) {
        d["links"].push_back({"dropout_1", "dense_2"});
    }) << "dense_2 is fed by two nodes";
    QTest::newRow("draft node feeds two") << drafted([](auto& d) {
        d["links"].push_back({"relu_1", "dropout_1"});
    }) << "relu_1 feeds two nodes";
    QTest::newRow("draft loop of three") << drafted([](auto& d) {
        d["links"] = nlohmann::json::array({{"(input)", "dense_1"},
                                            {"dropout_1", "relu_1"},
                                            {"relu_1", "dense_2"},
                                            {"dense_2", "dropout_1"}});
    }) << "its links make a loop";
    QTest::newRow("draft loop of two") << drafted([](auto& d) {
        d["links"] = nlohmann::json::array({{"dropout_1", "relu_1"}, {"relu_1", "dropout_1"}});
    }) << "its links make a loop";
    QTest::newRow("draft unknown type")
        << drafted([](auto& d) { d["nodes"]["layers"][2]["type"] = "warp"; })
        << "the layer type \"warp\", which this version does not know";
    QTest::newRow("draft same name twice")
        << drafted([](auto& d) { d["nodes"]["layers"][1]["name"] = "dense_1"; })
        << "two nodes are named dense_1";
    QTest::newRow("draft node named as an end")
        << drafted([](auto& d) { d["nodes"]["layers"][2]["name"] = "(output)"; })
        << "belongs to the input or the output";
    QTest::newRow("draft position of one number")
        << drafted([](auto& d) { d["input_position"] = {1}; })
        << "input position must be two finite numbers";
    QTest::newRow("draft of a newer version")
        << drafted([](auto& d) { d["nodes"]["schema_version"] = 2; }) << "newer Kotohajime";
}

void TestSpecAndProject::badProjectFiles() {
    QFETCH(QByteArray, contents);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("bad.koto");
    writeFile(path, contents);
    try {
        loadProject(path.toStdString());
        QFAIL("the project was accepted");
    } catch (const InputError& error) {
        const QString message = QString::fromUtf8(error.what());
        QVERIFY2(message.contains(expected), error.what());
        QVERIFY2(message.contains(path), error.what());  // the message names the file
    }
}

void TestSpecAndProject::missingProjectFile() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("nothing-here.koto").toStdString();
    QVERIFY_THROWS_EXCEPTION(InputError, loadProject(path));
    QVERIFY_THROWS_EXCEPTION(InputError, loadProject(dir.path().toStdString()));  // a folder
}

// Opening checks a network by building it only when that takes little memory: a file naming a
// network of 10^8 weights (400 MB, and as much again for the gradients) opens without building it.
void TestSpecAndProject::aHugeNetworkIsNotBuiltJustToOpenIt() {
    Project project;
    project.network =
        networkSpec({10'000}, LossKind::CrossEntropy, {dense(10'000, "tanh"), dense(2, "softmax")});
    project.dataset = "xor";
    rusage before{};
    getrusage(RUSAGE_SELF, &before);
    Project back;
    try {
        back = projectFromJson(projectToJson(project), "huge.koto");
    } catch (const std::exception& error) {
        QFAIL(error.what());
    }
    rusage after{};
    getrusage(RUSAGE_SELF, &after);
    QVERIFY2(after.ru_maxrss - before.ru_maxrss < 100 * 1024,  // kilobytes
             qPrintable(QString("the peak memory grew by %1 MB")
                            .arg((after.ru_maxrss - before.ru_maxrss) / 1024)));
    QVERIFY(back.network == project.network);
    // Its layers are still checked: an unknown type is refused.
    project.network.layers[0].type = "warp";
    QVERIFY_THROWS_EXCEPTION(InputError, projectFromJson(projectToJson(project), "huge.koto"));
}

void TestSpecAndProject::restoreWeightsRefusesMismatches_data() {
    QTest::addColumn<QString>("savedLayers");  // the network the weights come from
    QTest::addColumn<QString>("expected");
    QTest::newRow("wider hidden layer") << "dense:16:tanh"
                                        << "do not fit dense_1.W";
    QTest::newRow("one more layer") << "dense:8:tanh,dense:8:tanh"
                                    << "have 6 tensors, the network 4";
    QTest::newRow("no hidden layer") << ""
                                     << "have 2 tensors, the network 4";
}

void TestSpecAndProject::restoreWeightsRefusesMismatches() {
    QFETCH(QString, savedLayers);
    QFETCH(QString, expected);
    CpuBackend backend;
    const auto data = kototest::dataset("xor");
    Network source(backend, networkSpecFromTokens(savedLayers.toStdString(), *data), 4);
    source.initialize(1);
    Network target(backend, networkSpecFromTokens("dense:8:tanh", *data), 4);
    target.initialize(2);
    const auto before = captureWeights(target);
    try {
        restoreWeights(target, captureWeights(source));
        QFAIL("mismatched weights were restored");
    } catch (const InputError& error) {
        QVERIFY2(QString::fromUtf8(error.what()).contains(expected), error.what());
    }
    QVERIFY(sameWeights(captureWeights(target), before));  // nothing half-restored

    // A tensor with the right shape but another name is refused too.
    auto renamed = captureWeights(target);
    renamed[0].name = "hidden.W";
    QVERIFY_THROWS_EXCEPTION(InputError, restoreWeights(target, renamed));
}

void TestSpecAndProject::csvTables_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("cols");
    QTest::addColumn<QList<float>>("values");
    QTest::newRow("plain") << QByteArray("1,2\n3,4\n") << QStringList{} << 2 << 2
                           << QList<float>{1, 2, 3, 4};
    QTest::newRow("header") << QByteArray("x,y\n1,2\n") << QStringList{"x", "y"} << 1 << 2
                            << QList<float>{1, 2};
    QTest::newRow("BOM and header") << QByteArray("\xEF\xBB\xBFx,y\n-1.5,2e3\n")
                                    << QStringList{"x", "y"} << 1 << 2 << QList<float>{-1.5f, 2000};
    QTest::newRow("BOM without header") << QByteArray("\xEF\xBB\xBF"
                                                      "0.5,1\n")
                                        << QStringList{} << 1 << 2 << QList<float>{0.5f, 1};
    QTest::newRow("CRLF") << QByteArray("a,b,c\r\n1,2,3\r\n4,5,6\r\n") << QStringList{"a", "b", "c"}
                          << 2 << 3 << QList<float>{1, 2, 3, 4, 5, 6};
    QTest::newRow("no final newline")
        << QByteArray("1\n2") << QStringList{} << 2 << 1 << QList<float>{1, 2};
    QTest::newRow("spaces, plus sign, blank lines")
        << QByteArray("\n 1 , +2\n\n\t3,4 \n\n") << QStringList{} << 2 << 2
        << QList<float>{1, 2, 3, 4};
}

void TestSpecAndProject::csvTables() {
    QFETCH(QByteArray, text);
    QFETCH(QStringList, header);
    QFETCH(int, rows);
    QFETCH(int, cols);
    QFETCH(QList<float>, values);
    const NumericTable table = parseNumericCsv(text.toStdString(), "table.csv");
    QStringList actualHeader;
    for (const std::string& name : table.header) actualHeader << qs(name);
    QCOMPARE(actualHeader, header);
    QCOMPARE(table.rows, int64_t{rows});
    QCOMPARE(table.cols, int64_t{cols});
    QCOMPARE(QList<float>(table.values.begin(), table.values.end()), values);
}

void TestSpecAndProject::csvErrorsNameTheirPlace_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ragged row") << QByteArray("x,y\n1,2\n3\n")
                                << "table.csv, line 3: 1 values, the rows before have 2";
    QTest::newRow("row longer than header")
        << QByteArray("x,y\n1,2,3\n") << "table.csv, line 2: 3 values";
    QTest::newRow("not a number") << QByteArray("1,2\n3,abc\n")
                                  << "table.csv, line 2, column 2: \"abc\" is not a number";
    QTest::newRow("CRLF line numbers")
        << QByteArray("x,y\r\n1,2\r\n3,4x\r\n") << "table.csv, line 3, column 2";
    QTest::newRow("text after numbers")
        << QByteArray("1,2\nx,y\n") << "line 2, column 1: \"x\" is not a number";
    QTest::newRow("empty field") << QByteArray("1,2,3\n4,,6\n") << "line 2, column 2";
    QTest::newRow("infinity") << QByteArray("1,inf\n")
                              << "line 1, column 2: the value is not finite";
    QTest::newRow("too large for float")
        << QByteArray("1,1\n1e39,1\n") << "line 2, column 1: \"1e39\" is not a number";
    QTest::newRow("only a header") << QByteArray("x,y\n") << "table.csv: no rows of numbers";
    QTest::newRow("empty") << QByteArray("") << "no rows of numbers";
}

void TestSpecAndProject::csvErrorsNameTheirPlace() {
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    try {
        const NumericTable table = parseNumericCsv(text.toStdString(), "table.csv");
        QFAIL(qPrintable(QStringLiteral("accepted: %1 rows").arg(table.rows)));
    } catch (const InputError& error) {
        QVERIFY2(QString::fromUtf8(error.what()).contains(expected), error.what());
    }
}

void TestSpecAndProject::csvFromFile() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("inputs.csv");
    writeFile(path, "x,y\r\n1,2\r\n3,4\r\n");
    const NumericTable table = readNumericCsv(path.toStdString());
    QCOMPARE(table.rows, int64_t{2});
    writeFile(path, "1,2\n3\n");
    try {
        readNumericCsv(path.toStdString());
        QFAIL("ragged file accepted");
    } catch (const InputError& error) {
        QVERIFY2(QString::fromUtf8(error.what()).contains(path + ", line 2"), error.what());
    }
    QVERIFY_THROWS_EXCEPTION(InputError, readNumericCsv(dir.filePath("missing.csv").toStdString()));
}

// What training depends on: layers, parameters, loss and input; names only when asked;
// positions on the editor's canvas never.
void TestSpecAndProject::specsTrainAlikeByLayersNotPositions() {
    const Dataset data = loadDataset(DatasetSpec::parse("xor:n=20"));
    const NetworkSpec a = networkSpecFromTokens("dense:4:tanh", data);
    NetworkSpec moved = a;
    moved.layers[0].position = std::pair{10.0, 20.0};
    QVERIFY(trainsAlike(a, moved, true));
    NetworkSpec renamed = a;
    renamed.layers[0].name = "hidden";
    QVERIFY(trainsAlike(a, renamed, false));
    QVERIFY(!trainsAlike(a, renamed, true));
    QVERIFY(!trainsAlike(a, networkSpecFromTokens("dense:5:tanh", data), false));
    QVERIFY(!trainsAlike(a, networkSpecFromTokens("dense:4:relu", data), false));
    QVERIFY(!trainsAlike(a, networkSpecFromTokens("dense:4:tanh", data, LossKind::MeanSquaredError),
                         false));
}

QTEST_APPLESS_MAIN(TestSpecAndProject)
#include "test_spec_and_project.moc"
