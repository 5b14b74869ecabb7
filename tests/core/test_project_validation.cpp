// Every field of a .koto project is checked as the file is read: a value out of range, of the
// wrong type or one no field can hold (1e308 epochs) is refused with one line naming the file and
// the field; NaN and infinite weights are refused naming the tensor and the place. The training
// settings follow rules shared with the CLI's flags, and saving never writes what could not be
// read back.

#include <QtTest>

#include <QFile>
#include <QTemporaryDir>

#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>

#include "io/project_file.h"
#include "koto_test_support.h"
#include "training/training_settings.h"
#include "util/base64.h"
#include "util/errors.h"

using namespace koto;
using kototest::qs;

using Json = nlohmann::json;
using Edit = std::function<void(Json&)>;            // of a project's JSON
using ProjectEdit = std::function<void(Project&)>;  // of a project
Q_DECLARE_METATYPE(Edit)
Q_DECLARE_METATYPE(ProjectEdit)

namespace {

// The first weights with `value` put at row 1, column 2.
std::string weightsWith(float value) {
    std::vector<float> w = kototest::classifierProject().weights[0].values;
    w[1 * 3 + 2] = value;
    std::vector<uint8_t> bytes(w.size() * sizeof(float));
    std::memcpy(bytes.data(), w.data(), bytes.size());
    return encodeBase64(bytes);
}

// The message the reader gives for the project's JSON after `edit`, or "" if it was accepted.
std::string refusal(const Project& project, const Edit& edit, const std::string& what) {
    Json json = Json::parse(projectToJson(project));
    edit(json);
    try {
        projectFromJson(json.dump(), what);
    } catch (const InputError& error) {
        return error.what();
    }
    return "";
}

}  // namespace

class TestProjectValidation : public QObject {
    Q_OBJECT

private slots:
    void badValuesAreRefusedNamingTheFileAndField_data();
    void badValuesAreRefusedNamingTheFileAndField();
    void wholeNumbersWrittenAsDecimalsAreRead();
    void settingsRulesNameEachSetting();
    void savingRefusesWhatCouldNotBeReadBack();
    void everyValidProjectSavesAndReloadsEqual_data();
    void everyValidProjectSavesAndReloadsEqual();
};

void TestProjectValidation::badValuesAreRefusedNamingTheFileAndField_data() {
    QTest::addColumn<bool>("rbm");  // edit the RBM project rather than the network one
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<QString>("expected");  // the whole message after "p.koto: ", or its start

    auto row = [](const char* name, Edit edit, const QString& expected) {
        QTest::newRow(name) << false << edit << expected;
    };
    auto rbmRow = [](const char* name, Edit edit, const QString& expected) {
        QTest::newRow(name) << true << edit << expected;
    };
    auto training = [](const char* key, Json value) -> Edit {
        return [key, value](Json& j) { j["training"][key] = value; };
    };
    const double huge = 1e308;

    row(
        "schema_version -1", [](Json& j) { j["schema_version"] = -1; },
        "schema_version must be 1, not -1");
    row(
        "schema_version 1e308", [](Json& j) { j["schema_version"] = 1e308; },
        "schema_version must be 1, not 1e+308");
    row(
        "schema_version as text", [](Json& j) { j["schema_version"] = "1"; },
        "schema_version must be 1, not \"1\"");
    row(
        "schema_version missing", [](Json& j) { j.erase("schema_version"); },
        "schema_version is missing");

    row("learning_rate -1", training("learning_rate", -1),
        "training.learning_rate must be a positive number, not -1");
    row("learning_rate 0", training("learning_rate", 0),
        "training.learning_rate must be a positive number, not 0");
    row("learning_rate as text", training("learning_rate", "fast"),
        "training.learning_rate must be a positive number, not \"fast\"");
    row(
        "learning_rate missing", [](Json& j) { j["training"].erase("learning_rate"); },
        "training.learning_rate is missing");
    row("batch_size 0", training("batch_size", 0),
        "training.batch_size must be a whole number from 1 to 1000000, not 0");
    row("batch_size 1e15", training("batch_size", 1e15),
        "training.batch_size must be a whole number from 1 to 1000000, not 1000000000000000");
    row("batch_size 2.5", training("batch_size", 2.5),
        "training.batch_size must be a whole number from 1 to 1000000, not 2.5");
    row("epochs -1", training("epochs", -1),
        "training.epochs must be a whole number from 0 to 100000000, not -1");
    row("epochs 1e308", training("epochs", huge),
        "training.epochs must be a whole number from 0 to 100000000, not 1e+308");
    row("epochs -2^63", training("epochs", std::numeric_limits<int64_t>::min()),
        "training.epochs must be a whole number from 0 to 100000000, not -9223372036854775808");
    row("seed -1", training("seed", -1),
        "training.seed must be a whole number from 0 to 18446744073709551615, not -1");
    row("seed 0.5", training("seed", 0.5),
        "training.seed must be a whole number from 0 to 18446744073709551615, not 0.5");
    row("seed 1e30", training("seed", 1e30),
        "training.seed must be a whole number from 0 to 18446744073709551615, not 1e+30");
    row("optimizer lbfgs", training("optimizer", "lbfgs"),
        "training.optimizer must be sgd, momentum, nesterov, adagrad, rmsprop or adam, not "
        "\"lbfgs\"");
    row("optimizer as a number", training("optimizer", 3),
        "training.optimizer must be sgd, momentum, nesterov, adagrad, rmsprop or adam, not 3");
    row("momentum 1", training("momentum", 1),
        "training.momentum must be a number of at least 0 and below 1, not 1");
    row("momentum -0.5", training("momentum", -0.5),
        "training.momentum must be a number of at least 0 and below 1, not -0.5");
    row("decay 1.5", training("decay", 1.5),
        "training.decay must be a number of at least 0 and below 1, not 1.5");
    row("schedule cosine", training("schedule", "cosine"),
        "training.schedule: unknown schedule \"cosine\"");
    row("schedule step:0:0.5", training("schedule", "step:0:0.5"),
        "training.schedule: schedule \"step:0:0.5\": EVERY must be");
    row("schedule as a number", training("schedule", 1),
        "training.schedule must be constant, step:EVERY:FACTOR, inverse:K or exp:K, not 1");
    row("l1 -1", training("l1", -1), "training.l1 must be a number of at least 0, not -1");
    row("l2 -1e-9", training("l2", -1e-9),
        "training.l2 must be a number of at least 0, not -1e-09");
    row("regularize_biases yes", training("regularize_biases", "yes"),
        "training.regularize_biases must be true or false, not \"yes\"");
    row("validation 2", training("validation", 2.0),
        "training.validation must be a share of at least 0 and below 1, not 2");
    row("validation 1", training("validation", 1),
        "training.validation must be a share of at least 0 and below 1, not 1");
    row("patience -1", training("patience", -1),
        "training.patience must be a whole number from 0 to 1000000, not -1");
    row("patience 1e9", training("patience", 1e9),
        "training.patience must be a whole number from 0 to 1000000, not 1000000000");
    row("augment rotate=1e308", training("augment", "rotate=1e308"),
        "training.augment: augmentation: rotate must be a number from 0 to 180, not \"1e308\"");
    row("augment shear", training("augment", "shear=2"),
        "training.augment: augmentation: unknown \"shear\"");
    row("augment as a list", training("augment", Json::array({"flip"})),
        "training.augment must be augmentations such as translate=2,rotate=10,flip (or nothing), "
        "not [\"flip\"]");
    row("clip_norm -1", training("clip_norm", -1),
        "training.clip_norm must be a number of at least 0 (0: no clipping), not -1");
    row(
        "training missing", [](Json& j) { j.erase("training"); }, "training is missing");
    row(
        "training a number", [](Json& j) { j["training"] = 5; },
        "training must be a JSON object, not 5");

    row(
        "progress.epochs -1", [](Json& j) { j["progress"]["epochs"] = -1; },
        "progress.epochs must be at least 0, not -1");
    row(
        "progress.steps -5", [](Json& j) { j["progress"]["steps"] = -5; },
        "progress.steps must be at least 0, not -5");
    row(
        "progress.epochs 1e308", [](Json& j) { j["progress"]["epochs"] = 1e308; },
        "progress.epochs must be a whole number from -9223372036854775808 to "
        "9223372036854775807, not 1e+308");
    row(
        "progress.steps missing", [](Json& j) { j["progress"].erase("steps"); },
        "progress.steps is missing");
    row(
        "pixel_inputs 3", [](Json& j) { j["pixel_inputs"] = 3; },
        "pixel_inputs must be true or false, not 3");
    row(
        "dataset a number", [](Json& j) { j["dataset"] = 5; }, "dataset must be text, not 5");

    row(
        "weights with a NaN", [](Json& j) { j["weights"][0]["data"] = weightsWith(std::nanf("")); },
        "weights dense_1.W holds a NaN at [1, 2]");
    row(
        "weights with an infinity",
        [](Json& j) {
            j["weights"][0]["data"] = weightsWith(-std::numeric_limits<float>::infinity());
        },
        "weights dense_1.W holds an infinity at [1, 2]");
    row(
        "weights shape 1.5",
        [](Json& j) {
            j["weights"][1]["shape"] = {1.5, 3};
        },
        "weights dense_1.b: shape must be [ROWS, COLUMNS], each from 0 to 2147483648, not "
        "[1.5,3]");
    row(
        "weights without a name", [](Json& j) { j["weights"][2].erase("name"); },
        "weights[2].name is missing");
    // Names are echoed by later messages: only plain ones are read (no control bytes, short).
    row(
        "weights name with a newline",
        [](Json& j) { j["weights"][0]["name"] = "dense_1.W\nrm -rf"; },
        "weights[0].name must be at most 64 characters without control characters, not "
        "\"dense_1.W\\nrm -rf\"");
    row(
        "layer name of 100 KB",
        [](Json& j) { j["network"]["layers"][0]["name"] = std::string(100000, 'x'); },
        "a layer's name must be at most 64 characters without control characters, not \"xxx");
    row(
        "weights data a number", [](Json& j) { j["weights"][0]["data"] = 7; },
        "weights dense_1.W: data must be text, not 7");

    row(
        "curves[1].train_accuracy 1.5", [](Json& j) { j["curves"][1]["train_accuracy"] = 1.5; },
        "curves[1].train_accuracy must be a share from 0 to 1 or null, not 1.5");
    row(
        "curves[0].epoch -1", [](Json& j) { j["curves"][0]["epoch"] = -1; },
        "curves[0].epoch must be a whole number from 0 to 9223372036854775807, not -1");
    row(
        "curves[0].steps 1e308", [](Json& j) { j["curves"][0]["steps"] = 1e308; },
        "curves[0].steps must be a whole number from 0 to 9223372036854775807, not 1e+308");
    row(
        "curves[0].test_loss as text", [](Json& j) { j["curves"][0]["test_loss"] = "low"; },
        "curves[0].test_loss must be a number or null, not \"low\"");
    row(
        "curves[0].seconds -1", [](Json& j) { j["curves"][0]["seconds"] = -1; },
        "curves[0].seconds must be a number of at least 0 or null, not -1");
    row(
        "curves[1].validation_accuracy -0.1",
        [](Json& j) { j["curves"][1]["validation_accuracy"] = -0.1; },
        "curves[1].validation_accuracy must be a share from 0 to 1 or null, not -0.1");
    row(
        "curves a point that is a number", [](Json& j) { j["curves"][0] = 1; },
        "curves[0] must be a JSON object, not 1");
    row(
        "curves not a list", [](Json& j) { j["curves"] = "none"; },
        "curves must be a JSON array, not \"none\"");

    row(
        "model kind a number",
        [](Json& j) {
            j["model"] = {{"kind", 4}};
        },
        "model.kind must be text, not 4");
    rbmRow(
        "rbm cd 0", [](Json& j) { j["model"]["cd"] = 0; },
        "model.cd must be a whole number from 1 to 1000, not 0");
    rbmRow(
        "rbm cd 1e308", [](Json& j) { j["model"]["cd"] = 1e308; },
        "model.cd must be a whole number from 1 to 1000, not 1e+308");
    rbmRow(
        "rbm visible -1", [](Json& j) { j["model"]["visible"] = -1; },
        "model.visible must be a whole number from 1 to 100000000, not -1");
    rbmRow(
        "rbm visible 1e308", [](Json& j) { j["model"]["visible"] = 1e308; },
        "model.visible must be a whole number from -9223372036854775808 to "
        "9223372036854775807, not 1e+308");
    rbmRow(
        "rbm hidden 1e7", [](Json& j) { j["model"]["hidden"] = 10'000'000; },
        "model.hidden must be a whole number from 1 to 1000000, not 10000000");
    rbmRow(
        "rbm too many weights",
        [](Json& j) {
            j["model"]["visible"] = 1'000'000;
            j["model"]["hidden"] = 1000;
        },
        "model.visible x model.hidden must be at most 100000000, not 1000000 x 1000");
    rbmRow(
        "rbm persistent no", [](Json& j) { j["model"]["persistent"] = "no"; },
        "model.persistent must be true or false, not \"no\"");
    rbmRow(
        "rbm settings too", [](Json& j) { j["training"]["learning_rate"] = -1; },
        "training.learning_rate must be a positive number, not -1");
}

void TestProjectValidation::badValuesAreRefusedNamingTheFileAndField() {
    QFETCH(bool, rbm);
    QFETCH(Edit, edit);
    QFETCH(QString, expected);
    const QString message =
        qs(refusal(rbm ? kototest::rbmProject() : kototest::classifierProject(), edit, "p.koto"));
    QVERIFY2(!message.isEmpty(), "the project was accepted");
    QVERIFY2(message.startsWith("p.koto: " + expected), qPrintable(message));
    QVERIFY2(!message.contains('\n'), qPrintable(message));  // one line
}

// Older writers and other tools may write 10 as 10.0: a whole number is read as one.
void TestProjectValidation::wholeNumbersWrittenAsDecimalsAreRead() {
    Json json = Json::parse(projectToJson(kototest::classifierProject()));
    json["training"]["batch_size"] = 10.0;
    json["training"]["seed"] = 7.0;
    json["progress"]["steps"] = 50.0;
    const Project read = projectFromJson(json.dump(), "p.koto");
    QCOMPARE(read.training.batchSize, int64_t{10});
    QCOMPARE(read.training.seed, uint64_t{7});
    QCOMPARE(read.stepsTrained, int64_t{50});
}

// One rule per setting, each naming its setting: the project file by its key, the CLI by its flag
// (SettingProblem::messageFor).
void TestProjectValidation::settingsRulesNameEachSetting() {
    QVERIFY(!findSettingsProblem(TrainingSettings{}));
    using S = TrainingSetting;
    const std::vector<std::pair<S, std::function<void(TrainingSettings&)>>> broken{
        {S::LearningRate, [](TrainingSettings& s) { s.learningRate = std::nan(""); }},
        {S::LearningRate,
         [](TrainingSettings& s) { s.learningRate = std::numeric_limits<double>::infinity(); }},
        {S::BatchSize, [](TrainingSettings& s) { s.batchSize = kMaxBatchSize + 1; }},
        {S::Epochs, [](TrainingSettings& s) { s.epochs = kMaxEpochs + 1; }},
        {S::Optimizer, [](TrainingSettings& s) { s.optimizer = ""; }},
        {S::Momentum, [](TrainingSettings& s) { s.momentum = std::nan(""); }},
        {S::Decay, [](TrainingSettings& s) { s.decay = -1; }},
        {S::Schedule, [](TrainingSettings& s) { s.schedule = "exp:-1"; }},
        {S::L1, [](TrainingSettings& s) { s.l1 = std::numeric_limits<double>::infinity(); }},
        {S::L2, [](TrainingSettings& s) { s.l2 = -1; }},
        {S::Validation, [](TrainingSettings& s) { s.validation = -0.1; }},
        {S::Patience, [](TrainingSettings& s) { s.patience = kMaxPatience + 1; }},
        {S::Augment, [](TrainingSettings& s) { s.augment = "translate=1.5"; }},
        {S::ClipNorm, [](TrainingSettings& s) { s.clipNorm = -1; }},
    };
    for (const auto& [setting, breakIt] : broken) {
        TrainingSettings settings;
        breakIt(settings);
        const std::optional<SettingProblem> problem = findSettingsProblem(settings);
        QVERIFY(problem);
        QCOMPARE(problem->setting, setting);
        const std::string message = problem->messageFor("--flag");
        QVERIFY2(message.rfind("--flag", 0) == 0, message.c_str());
    }
    TrainingSettings settings;
    settings.learningRate = -1;
    QCOMPARE(qs(findSettingsProblem(settings)->messageFor("--lr")),
             QStringLiteral("--lr must be a positive number, not -1"));
    settings.learningRate = 0.1;
    settings.schedule = "cosine";
    QCOMPARE(qs(findSettingsProblem(settings)->messageFor("training.schedule")),
             QStringLiteral("training.schedule: unknown schedule \"cosine\" (constant, "
                            "step:EVERY:FACTOR, inverse:K or exp:K)"));
    QCOMPARE(qs(std::string(trainingSettingKey(S::ClipNorm))), QStringLiteral("clip_norm"));
}

// A project that breaks a rule is not saved: the file on disk stays as it was.
void TestProjectValidation::savingRefusesWhatCouldNotBeReadBack() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath("p.koto").toStdString();
    const Project good = kototest::classifierProject();
    saveProject(good, path);
    const std::string before = projectToJson(loadProject(path));

    const std::vector<std::pair<ProjectEdit, std::string>> bad{
        {[](Project& p) { p.training.epochs = std::numeric_limits<int64_t>::min(); },
         "training.epochs"},
        {[](Project& p) { p.training.learningRate = -1; }, "training.learning_rate"},
        {[](Project& p) { p.stepsTrained = -1; }, "progress.steps"},
        {[](Project& p) { p.weights[2].values[5] = std::nanf(""); },
         "weights dense_2.W holds a NaN at [2, 1]"},
        {[](Project& p) { p.curves[0].test.accuracy = 2; }, "curves[0].test_accuracy"},
    };
    for (const auto& [breakIt, field] : bad) {
        Project project = good;
        breakIt(project);
        QVERIFY(findProjectProblem(project));
        try {
            saveProject(project, path);
            QFAIL("the project was saved");
        } catch (const InputError& error) {
            const std::string message = error.what();
            QVERIFY2(message.rfind(path + ": not saved, since " + field, 0) == 0, error.what());
        }
        QCOMPARE(qs(projectToJson(loadProject(path))), qs(before));
    }
    Project rbm = kototest::rbmProject();
    rbm.rbm.cdSteps = 0;
    QVERIFY_THROWS_EXCEPTION(InputError, saveProject(rbm, path));
}

void TestProjectValidation::everyValidProjectSavesAndReloadsEqual_data() {
    QTest::addColumn<bool>("rbm");
    QTest::addColumn<ProjectEdit>("edit");
    auto row = [](const char* name, ProjectEdit edit) { QTest::newRow(name) << false << edit; };
    row("as made", [](Project&) {});
    row("the smallest values", [](Project& p) {
        p.training.learningRate = std::numeric_limits<double>::denorm_min();
        p.training.batchSize = 1;
        p.training.epochs = 0;
        p.training.seed = 0;
        p.training.momentum = 0;
        p.training.decay = 0;
        p.training.validation = 0;
        p.training.patience = 0;
        p.training.clipNorm = 0;
        p.epochsTrained = 0;
        p.stepsTrained = 0;
        p.curves.clear();
    });
    row("the largest values", [](Project& p) {
        p.training.learningRate = std::numeric_limits<double>::max();
        p.training.batchSize = kMaxBatchSize;
        p.training.epochs = kMaxEpochs;
        p.training.seed = kMaxSeed;
        p.training.momentum = std::nextafter(1.0, 0.0);
        p.training.decay = std::nextafter(1.0, 0.0);
        p.training.l1 = 1e300;
        p.training.l2 = 1e300;
        p.training.validation = std::nextafter(1.0, 0.0);
        p.training.patience = kMaxPatience;
        p.training.clipNorm = 1e300;
        p.epochsTrained = std::numeric_limits<int64_t>::max();
        p.stepsTrained = std::numeric_limits<int64_t>::max();
    });
    row("every optimizer option", [](Project& p) {
        p.training.optimizer = "rmsprop";
        p.training.schedule = "step:10:0.5";
        p.training.regularizeBiases = true;
        p.training.augment = "translate=2,rotate=10,flip,brightness=0.1,contrast=0.2";
        p.pixelInputs = true;
    });
    row("schedules", [](Project& p) { p.training.schedule = "exp:0.01"; });
    row("inverse schedule", [](Project& p) { p.training.schedule = "inverse:0.5"; });
    row("metrics not measured", [](Project& p) {
        p.curves[0].train.loss = std::nan("");
        p.curves[0].test.accuracy = std::nan("");
        p.curves[1].seconds = std::nan("");
    });
    row("regression curves", [](Project& p) {
        for (EpochMetrics& m : p.curves) {
            m.regression = true;
            m.train.rmse = 0.5;
            m.test.rmse = 0;
            m.validation.rmse = 1e10;
        }
    });
    row("untrained", [](Project& p) { p.weights.clear(); });
    QTest::newRow("rbm") << true << ProjectEdit([](Project&) {});
    QTest::newRow("rbm at the limits") << true << ProjectEdit([](Project& p) {
        p.rbm.cdSteps = static_cast<int>(kMaxRbmCdSteps);
        p.rbm.persistent = false;
    });
}

void TestProjectValidation::everyValidProjectSavesAndReloadsEqual() {
    QFETCH(bool, rbm);
    QFETCH(ProjectEdit, edit);
    Project project = rbm ? kototest::rbmProject() : kototest::classifierProject();
    edit(project);
    QVERIFY(!findProjectProblem(project));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath("p.koto").toStdString();
    saveProject(project, path);
    const Project back = loadProject(path);
    QCOMPARE(qs(projectToJson(back)), qs(projectToJson(project)));
    QVERIFY(back.rbm == project.rbm);
    QVERIFY(back.weights == project.weights);
    QCOMPARE(back.training.seed, project.training.seed);
    QCOMPARE(back.training.learningRate, project.training.learningRate);
    QCOMPARE(back.training.epochs, project.training.epochs);
    QCOMPARE(back.epochsTrained, project.epochsTrained);
}

QTEST_GUILESS_MAIN(TestProjectValidation)
#include "test_project_validation.moc"
