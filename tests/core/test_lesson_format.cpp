// The lesson format (docs/lessons.md): manifests are read with every field checked and refused by
// file and field; checks compare a run's facts as documented; facts come from the run as it is;
// a library loads every good lesson beside a broken one, and a user's lesson replaces a built-in
// one of its id.

#include <QtTest>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "data/dataset_spec.h"
#include "io/layer_tokens.h"
#include "lessons/lesson_library.h"
#include "lessons/lesson_manifest.h"
#include "util/errors.h"

using namespace koto;
using nlohmann::json;

namespace {

json goodManifest() {
    return json::parse(R"({
      "format": "kotohajime-lesson", "version": 1, "id": "demo", "part": 7, "order": 3,
      "title": {"en": "Demo", "ja": "デモ"}, "goal": {"en": "A goal", "ja": "目標"},
      "summary": {"en": "Done", "ja": "完了"}, "text": {"en": "text.en.md", "ja": "text.ja.md"},
      "preset": "preset.koto", "view": "weights",
      "controls": {"hide": ["optimizer"], "lock": ["dataset", "layers"]},
      "tasks": [{"text": {"en": "Do it", "ja": "やろう"},
                 "check": {"all": [{"fact": "test_error", "below": 0.1},
                                   {"fact": "optimizer", "is": "momentum"}]},
                 "hints": [{"en": "h1", "ja": "ヒント1"}, {"en": "h2", "ja": "ヒント2"}],
                 "solution": {"settings": {"optimizer": "momentum", "learning_rate": 0.1},
                              "layers": "dense:8:tanh", "epochs": 20}}]
    })");
}

// The message a manifest is refused with ("" if it is read).
std::string refusal(const json& manifest) {
    try {
        lessonManifestFromJson(manifest.dump(), "m.json");
        return {};
    } catch (const InputError& error) {
        return error.what();
    }
}

LessonCondition condition(const char* text) {
    return conditionFrom(json::parse(text), "check");
}

RunFacts someFacts() {
    RunFacts facts;
    facts.numbers = {{"test_error", 0.04}, {"epochs", 10}};
    facts.words = {{"optimizer", "momentum"}, {"layers", "dense:8:tanh,dropout:0.5"}};
    return facts;
}

void write(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path) << text;
}

// A lesson folder with a real preset (a spiral network, untrained).
void writeLesson(const std::filesystem::path& folder, const json& manifest) {
    std::filesystem::create_directories(folder);
    write(folder / "lesson.json", manifest.dump());
    write(folder / "text.en.md", "# Demo\n$x^2$");
    write(folder / "text.ja.md", "# デモ");
    Project preset;
    preset.dataset = "spiral:n=100";
    const Dataset data = loadDataset(DatasetSpec::parse(preset.dataset));
    preset.network = networkSpecFromTokens("dense:8:tanh", data);
    saveProject(preset, (folder / "preset.koto").string());
}

}  // namespace

class TestLessonFormat : public QObject {
    Q_OBJECT
private slots:
    void readsEveryField() {
        const LessonManifest m = lessonManifestFromJson(goodManifest().dump(), "m.json");
        QCOMPARE(m.lesson.id, std::string("demo"));
        QCOMPARE(m.lesson.part, 7);
        QCOMPARE(m.lesson.order, 3);
        QCOMPARE(m.lesson.title.in("ja"), std::string("デモ"));
        QCOMPARE(m.lesson.title.in("en"), std::string("Demo"));
        QCOMPARE(m.lesson.view, std::string("weights"));
        QCOMPARE(m.lesson.hidden, std::vector<std::string>{"optimizer"});
        QCOMPARE(m.lesson.locked, (std::vector<std::string>{"dataset", "layers"}));
        QCOMPARE(m.textFiles.ja, std::string("text.ja.md"));
        QCOMPARE(m.presetFile, std::string("preset.koto"));
        QCOMPARE(m.lesson.tasks.size(), size_t{1});
        const LessonTask& task = m.lesson.tasks[0];
        QCOMPARE(task.hints.size(), size_t{2});
        QCOMPARE(task.hints[1].ja, std::string("ヒント2"));
        QVERIFY(task.solution);
        QCOMPARE(task.solution->epochs, int64_t{20});
        QCOMPARE(task.solution->layers, std::string("dense:8:tanh"));
        QCOMPARE(task.solution->settings.at("optimizer"), json("momentum"));
        QVERIFY(task.check.holds(someFacts()));
    }

    void refusesByFileAndField_data() {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("value");  // JSON; "" removes the field
        QTest::addColumn<QString>("message");
        QTest::newRow("misspelt fact") << "/tasks/0/check/all/0/fact" << "\"tset_error\""
                                       << "m.json: tasks[0].check.all[0].fact: no fact \"tset_error\"";
        QTest::newRow("word compared as number")
            << "/tasks/0/check/all/1" << R"({"fact": "optimizer", "below": 3})"
            << "tasks[0].check.all[1].below: optimizer is a word";
        QTest::newRow("number compared with text")
            << "/tasks/0/check/all/0" << R"({"fact": "test_error", "below": "low"})"
            << "tasks[0].check.all[0].below must be a finite number";
        QTest::newRow("two comparisons")
            << "/tasks/0/check/all/0" << R"({"fact": "test_error", "below": 1, "above": 0})"
            << "tasks[0].check.all[0] compares twice";
        QTest::newRow("empty all") << "/tasks/0/check" << R"({"all": []})"
                                   << "tasks[0].check.all must list 1 to 32 conditions";
        QTest::newRow("missing japanese") << "/title/ja" << ""
                                          << "m.json: title.ja is missing";
        QTest::newRow("part 9") << "/part" << "9" << "part must be 8 for parts 8 and 9";
        QTest::newRow("part 14") << "/part" << "14" << "part must be a whole number from 4 to 13";
        QTest::newRow("bad id") << "/id" << "\"Demo Lesson\"" << "id must be 1 to 64 characters";
        QTest::newRow("text outside the folder")
            << "/text/en" << "\"../../etc/passwd\"" << "text.en must name a file in the lesson's folder";
        QTest::newRow("hidden file") << "/preset" << "\".koto\"" << "preset must name a file";
        QTest::newRow("unknown control") << "/controls/hide/0" << "\"everything\""
                                         << "controls.hide[0] must be one of dataset, layers";
        QTest::newRow("unknown view") << "/view" << "\"boundary\"" << "view must be a tab";
        QTest::newRow("misspelt hints key") << "/tasks/0/hint" << "[]"
                                            << "tasks[0].hint is not a field of tasks[0]";
        QTest::newRow("no tasks") << "/tasks" << "[]" << "tasks must list 1 to 8 tasks";
        QTest::newRow("bad setting in a solution")
            << "/tasks/0/solution/settings/learning_rate" << "-1"
            << "tasks[0].solution.settings: training.learning_rate must be a positive number";
        QTest::newRow("not a setting") << "/tasks/0/solution/settings/speed" << "3"
                                       << "tasks[0].solution.settings.speed is not a training setting";
        QTest::newRow("endless solution") << "/tasks/0/solution/epochs" << "1e9"
                                          << "tasks[0].solution.epochs must be a whole number";
        QTest::newRow("bad dataset in a solution") << "/tasks/0/solution/dataset" << "\"spiral:n\""
                                                   << "tasks[0].solution.dataset: ";
        QTest::newRow("other format") << "/format" << "\"kotohajime-project\""
                                      << "format must be \"kotohajime-lesson\"";
    }
    void refusesByFileAndField() {
        QFETCH(QString, pointer);
        QFETCH(QString, value);
        QFETCH(QString, message);
        json manifest = goodManifest();
        const json::json_pointer at(pointer.toStdString());
        if (value.isEmpty()) manifest[at.parent_pointer()].erase(at.back());
        else manifest[at] = json::parse(value.toStdString());
        const std::string said = refusal(manifest);
        QVERIFY2(said.find(message.toStdString()) != std::string::npos, said.c_str());
        QVERIFY2(said.rfind("m.json: ", 0) == 0, said.c_str());
    }

    void refusesDeepNestingWithoutRecursingFar() {
        std::string check = R"({"fact": "epochs", "above": 1})";
        for (int i = 0; i < 12; ++i) check = R"({"any": [)" + check + "]}";
        json manifest = goodManifest();
        manifest["tasks"][0]["check"] = json::parse(check);
        QVERIFY(refusal(manifest).find("nests conditions deeper than 8") != std::string::npos);
    }

    void comparesAsDocumented() {
        const RunFacts facts = someFacts();
        QVERIFY(condition(R"({"fact": "test_error", "below": 0.05})").holds(facts));
        QVERIFY(!condition(R"({"fact": "test_error", "below": 0.04})").holds(facts));
        QVERIFY(condition(R"({"fact": "test_error", "at_most": 0.04})").holds(facts));
        QVERIFY(condition(R"({"fact": "epochs", "above": 9})").holds(facts));
        QVERIFY(!condition(R"({"fact": "epochs", "above": 10})").holds(facts));
        QVERIFY(condition(R"({"fact": "epochs", "at_least": 10})").holds(facts));
        QVERIFY(condition(R"({"fact": "epochs", "is": 10})").holds(facts));
        QVERIFY(condition(R"({"fact": "epochs", "is_not": 11})").holds(facts));
        QVERIFY(condition(R"({"fact": "optimizer", "is_not": "sgd"})").holds(facts));
        QVERIFY(condition(R"({"fact": "layers", "contains": "dropout"})").holds(facts));
        QVERIFY(!condition(R"({"fact": "layers", "contains": "lstm"})").holds(facts));
        QVERIFY(condition(R"({"any": [{"fact": "layers", "contains": "lstm"},
                                      {"fact": "epochs", "is": 10}]})").holds(facts));
        QVERIFY(!condition(R"({"all": [{"fact": "layers", "contains": "lstm"},
                                       {"fact": "epochs", "is": 10}]})").holds(facts));
        // A fact the run does not have yet meets nothing, not even is_not.
        QVERIFY(!condition(R"({"fact": "validation_loss", "below": 1e9})").holds(facts));
        QVERIFY(!condition(R"({"fact": "validation_loss", "is_not": 0})").holds(facts));
    }

    void factsOfARun() {
        RunEvidence evidence;
        evidence.dataset = "spiral:noise=0.2";
        const Dataset data = loadDataset(DatasetSpec::parse("spiral:n=50"));
        evidence.network = networkSpecFromTokens("dense:4:tanh,dropout:0.5", data);
        evidence.settings.optimizer = "rmsprop";
        evidence.settings.l1 = 0.01;
        // W: 6 values, 3 exactly zero and one small; b: zeros that must not count.
        evidence.weights = {{"dense_1.W", 2, 3, {0, 0, 0.005f, 0.5f, -2, 0}},
                            {"dense_1.b", 1, 3, {0, 0, 0}}};
        EpochMetrics first, second;
        first.epoch = 1;
        first.train.loss = 0.9;
        first.test = {0.8, 0.6, 0.4, 0};
        first.hasValidation = true;
        first.validation.loss = 0.5;
        second.epoch = 2;
        second.train.loss = 0.5;
        second.test = {0.9, 0.7, 0.3, 0};
        second.hasValidation = true;
        second.validation.loss = 0.7;
        evidence.curves = {first, second};
        evidence.epochs = 2;
        const RunFacts facts = factsOf(evidence);
        QCOMPARE(*facts.number("zero_weight_share"), 0.5);
        QCOMPARE(*facts.number("small_weight_share"), 4.0 / 6.0);
        QCOMPARE(*facts.number("largest_weight"), 2.0);
        QCOMPARE(*facts.number("parameters"), 9.0);
        QCOMPARE(*facts.number("test_error"), 0.3);
        QCOMPARE(*facts.number("lowest_test_loss"), 0.8);
        QCOMPARE(*facts.number("highest_test_accuracy"), 0.7);
        QCOMPARE(*facts.number("best_validation_epoch"), 1.0);
        QCOMPARE(*facts.number("loss_gap"), 0.9 - 0.5);
        QCOMPARE(*facts.number("l1"), 0.01);
        QCOMPARE(*facts.number("diverged"), 0.0);
        QCOMPARE(*facts.number("hidden_layers"), 2.0);
        QCOMPARE(*facts.word("optimizer"), std::string("rmsprop"));
        QCOMPARE(*facts.word("dataset_name"), std::string("spiral"));
        QCOMPARE(*facts.word("layers"), std::string("dense:4:tanh,dropout:0.5"));
        QCOMPARE(*facts.word("output"), std::string("softmax"));
        QVERIFY(!facts.number("train_rmse"));  // classification
        // Every fact the run yields is one a check may name, of the kind it is named as.
        for (const auto& [name, value] : facts.numbers)
            QVERIFY2(factKind(name) == FactKind::Number, name.c_str());
        for (const auto& [name, value] : facts.words)
            QVERIFY2(factKind(name) == FactKind::Word, name.c_str());
        // A loss grown far past its start, or one that is not finite, is a divergence.
        evidence.curves[1].train.loss = 1e6;
        QCOMPARE(*factsOf(evidence).number("diverged"), 1.0);
        evidence.curves[1].train.loss = std::numeric_limits<double>::quiet_NaN();
        QCOMPARE(*factsOf(evidence).number("diverged"), 1.0);
    }

    void libraryKeepsGoodLessonsBesideABrokenOne() {
        QTemporaryDir dir;
        const std::filesystem::path builtIn = dir.filePath("built-in").toStdString();
        const std::filesystem::path user = dir.filePath("user").toStdString();
        writeLesson(builtIn / "01-demo", goodManifest());
        json other = goodManifest();
        other["id"] = "other";
        other["part"] = 4;
        writeLesson(builtIn / "02-other", other);
        json broken = goodManifest();
        broken["id"] = "broken";
        broken["tasks"][0]["check"]["all"][0]["fact"] = "tset_error";
        writeLesson(builtIn / "03-broken", broken);
        // A FIFO where a text should be: refused at once, not waited on.
        json piped = goodManifest();
        piped["id"] = "piped";
        writeLesson(builtIn / "04-piped", piped);
        std::filesystem::remove(builtIn / "04-piped" / "text.ja.md");
        QCOMPARE(::mkfifo((builtIn / "04-piped" / "text.ja.md").c_str(), 0600), 0);
        // The user's own version of "demo" replaces the built-in one.
        json mine = goodManifest();
        mine["title"]["en"] = "My demo";
        writeLesson(user / "demo", mine);

        const LessonLibrary library =
            loadLessons({{builtIn.string(), true}, {user.string(), false}, {"/no/such", false}});
        QCOMPARE(library.lessons.size(), size_t{2});
        QCOMPARE(library.lessons[0].id, std::string("other"));  // part 4 before part 7
        QCOMPARE(library.lessons[1].id, std::string("demo"));
        QCOMPARE(library.lessons[1].title.en, std::string("My demo"));
        QVERIFY(!library.lessons[1].builtIn);
        QCOMPARE(library.lessons[1].body.ja, std::string("# デモ"));
        QVERIFY(library.find("other"));
        QVERIFY(!library.find("broken"));
        QCOMPARE(library.problems.size(), size_t{2});
        QVERIFY2(library.problems[0].find("03-broken/lesson.json: tasks[0].check.all[0].fact") !=
                     std::string::npos,
                 library.problems[0].c_str());
        QVERIFY2(library.problems[1].find("text.ja.md") != std::string::npos,
                 library.problems[1].c_str());
        QCOMPARE(lessonPreset(library.lessons[0]).dataset, std::string("spiral:n=100"));
    }

    void aBrokenPresetRefusesItsLesson() {
        QTemporaryDir dir;
        const std::filesystem::path folder = dir.filePath("x").toStdString();
        writeLesson(folder, goodManifest());
        write(folder / "preset.koto", "{\"format\": \"kotohajime-project\"");
        try {
            loadLesson(folder.string(), true);
            QFAIL("a broken preset was read");
        } catch (const InputError& error) {
            QVERIFY2(std::string(error.what()).find("preset.koto") != std::string::npos,
                     error.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestLessonFormat)
#include "test_lesson_format.moc"
