#include "lessons/lesson_manifest.h"

#include <algorithm>
#include <cctype>

#include "data/dataset_spec.h"
#include "io/json_fields.h"
#include "io/json_limits.h"
#include "io/project_parts_json.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto {
namespace {

using namespace json_fields;

// Keys the object may hold; any other is refused (a misspelt "hint" would silently lose hints).
void onlyKeys(const nlohmann::json& object, const std::string& field,
              std::initializer_list<const char*> keys) {
    for (const auto& item : object.items()) {
        const std::string& key = item.key();
        if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return key == k; }))
            throw InputError((field.empty() ? "" : field + ".") + excerpt(key) + " is not a field of " +
                             (field.empty() ? std::string("a lesson") : field));
    }
}

std::string shortText(const nlohmann::json& json, const std::string& field) {
    std::string text = textOf(json, field);
    if (text.empty() || text.size() > kMaxLessonTextChars)
        refuse(field, "must be text of 1 to " + std::to_string(kMaxLessonTextChars) + " bytes",
               json);
    return text;
}

LessonText bothLanguages(const nlohmann::json& json, const std::string& field) {
    objectOf(json, field);
    onlyKeys(json, field, {"en", "ja"});
    return {shortText(member(json, "en", field + ".en"), field + ".en"),
            shortText(member(json, "ja", field + ".ja"), field + ".ja")};
}

// A file in the lesson's own folder: a plain name, so that a lesson reads nothing outside it.
std::string fileName(const nlohmann::json& json, const std::string& field) {
    std::string name = textOf(json, field);
    const bool plain = !name.empty() && name.size() <= 128 && name.front() != '.' &&
                       std::all_of(name.begin(), name.end(), [](char c) {
                           return std::isalnum(static_cast<unsigned char>(c)) || c == '.' ||
                                  c == '_' || c == '-';
                       });
    if (!plain) refuse(field, "must name a file in the lesson's folder (letters, digits, . _ -)", json);
    return name;
}

std::vector<std::string> namesFrom(const nlohmann::json& json, const std::string& field,
                                   const std::vector<std::string>& allowed) {
    std::vector<std::string> names;
    const nlohmann::json& list = arrayOf(json, field);
    for (size_t i = 0; i < list.size(); ++i) {
        const std::string at = field + "[" + std::to_string(i) + "]";
        std::string name = textOf(list[i], at);
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
            std::string known;
            for (const std::string& a : allowed) known.append(known.empty() ? "" : ", ").append(a);
            refuse(at, "must be one of " + known, list[i]);
        }
        names.push_back(std::move(name));
    }
    return names;
}

TaskSolution solutionFrom(const nlohmann::json& json, const std::string& field) {
    objectOf(json, field);
    onlyKeys(json, field, {"settings", "layers", "dataset", "epochs"});
    TaskSolution solution;
    solution.epochs = wholeNumber(member(json, "epochs", field + ".epochs"), field + ".epochs", 1,
                                  kMaxSolutionEpochs);
    if (json.contains("settings")) {
        const nlohmann::json& settings = objectOf(json["settings"], field + ".settings");
        nlohmann::json merged = trainingJson(TrainingSettings{});
        for (const auto& [key, value] : settings.items()) {
            if (!merged.contains(key) || key == "epochs")
                throw InputError(field + ".settings." + excerpt(key) + " is not a training setting");
            merged[key] = value;
            solution.settings[key] = value;
        }
        // Read as a project's training settings are, so that every value keeps its rule.
        TrainingSettings checked;
        try {
            readTraining(merged, checked);
        } catch (const InputError& error) {
            throw InputError(field + ".settings: " + error.what());
        }
        if (const auto problem = findSettingsProblem(checked))
            throw InputError(field + ".settings: " + problem->messageFor(
                                 "training." + std::string(trainingSettingKey(problem->setting))));
    }
    if (json.contains("layers")) solution.layers = textOf(json["layers"], field + ".layers");
    if (json.contains("dataset")) {
        solution.dataset = textOf(json["dataset"], field + ".dataset");
        try {
            DatasetSpec::parse(solution.dataset);
        } catch (const InputError& error) {
            throw InputError(field + ".dataset: " + error.what());
        }
    }
    return solution;
}

LessonTask taskFrom(const nlohmann::json& json, const std::string& field) {
    objectOf(json, field);
    onlyKeys(json, field, {"text", "check", "hints", "solution"});
    LessonTask task;
    task.text = bothLanguages(member(json, "text", field + ".text"), field + ".text");
    task.check = conditionFrom(member(json, "check", field + ".check"), field + ".check");
    if (json.contains("hints")) {
        const nlohmann::json& hints = arrayOf(json["hints"], field + ".hints");
        if (hints.size() > kMaxLessonHints)
            refuse(field + ".hints", "must list at most " + std::to_string(kMaxLessonHints) +
                                         " hints", hints);
        for (size_t i = 0; i < hints.size(); ++i)
            task.hints.push_back(
                bothLanguages(hints[i], field + ".hints[" + std::to_string(i) + "]"));
    }
    if (json.contains("solution"))
        task.solution = solutionFrom(json["solution"], field + ".solution");
    return task;
}

bool validId(const std::string& id) {
    return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
           });
}

LessonManifest manifestFrom(const nlohmann::json& json) {
    objectOf(json, "the manifest");
    onlyKeys(json, "", {"format", "version", "id", "part", "order", "title", "goal", "text",
                        "summary", "preset", "view", "controls", "tasks"});
    if (textOf(member(json, "format", "format"), "format") != "kotohajime-lesson")
        refuse("format", "must be \"kotohajime-lesson\"", json["format"]);
    wholeNumber(member(json, "version", "version"), "version", 1, 1);
    LessonManifest manifest;
    Lesson& lesson = manifest.lesson;
    lesson.id = textOf(member(json, "id", "id"), "id");
    if (!validId(lesson.id)) refuse("id", "must be 1 to 64 characters of a-z, 0-9 and -", json["id"]);
    lesson.part = static_cast<int>(wholeNumber(member(json, "part", "part"), "part", 4, 13));
    if (lesson.part == 9) refuse("part", "must be 8 for parts 8 and 9", json["part"]);
    if (json.contains("order"))
        lesson.order = static_cast<int>(wholeNumber(json["order"], "order", 0, 999));
    lesson.title = bothLanguages(member(json, "title", "title"), "title");
    lesson.goal = bothLanguages(member(json, "goal", "goal"), "goal");
    lesson.summary = bothLanguages(member(json, "summary", "summary"), "summary");
    const nlohmann::json& text = objectOf(member(json, "text", "text"), "text");
    onlyKeys(text, "text", {"en", "ja"});
    manifest.textFiles = {fileName(member(text, "en", "text.en"), "text.en"),
                          fileName(member(text, "ja", "text.ja"), "text.ja")};
    manifest.presetFile = fileName(member(json, "preset", "preset"), "preset");
    if (json.contains("view")) {
        lesson.view = textOf(json["view"], "view");
        if (std::find(lessonViews().begin(), lessonViews().end(), lesson.view) ==
            lessonViews().end())
            refuse("view", "must be a tab kotohajime --view names", json["view"]);
    }
    if (json.contains("controls")) {
        const nlohmann::json& controls = objectOf(json["controls"], "controls");
        onlyKeys(controls, "controls", {"hide", "lock"});
        if (controls.contains("hide"))
            lesson.hidden = namesFrom(controls["hide"], "controls.hide", lessonControls());
        if (controls.contains("lock"))
            lesson.locked = namesFrom(controls["lock"], "controls.lock", lessonControls());
    }
    const nlohmann::json& tasks = arrayOf(member(json, "tasks", "tasks"), "tasks");
    if (tasks.empty() || tasks.size() > kMaxLessonTasks)
        refuse("tasks", "must list 1 to " + std::to_string(kMaxLessonTasks) + " tasks", tasks);
    for (size_t i = 0; i < tasks.size(); ++i)
        lesson.tasks.push_back(taskFrom(tasks[i], "tasks[" + std::to_string(i) + "]"));
    return manifest;
}

}  // namespace

const std::vector<std::string>& lessonControls() {
    static const std::vector<std::string> controls = {
        "dataset", "layers",   "optimizer", "learning_rate", "schedule",     "batch_size",
        "regularization", "noise", "early_stopping", "clipping", "augmentation", "templates",
        "compute"};
    return controls;
}

const std::vector<std::string>& lessonViews() {
    static const std::vector<std::string> views = {
        "curve",  "network", "weights",  "probabilities", "confusion",
        "feature-maps", "states", "gradients", "dropout"};
    return views;
}

LessonManifest lessonManifestFromJson(const std::string& text, const std::string& what) {
    if (text.size() > kMaxManifestBytes)
        throw InputError(what + ": larger than " + std::to_string(kMaxManifestBytes / 1024) +
                         " KiB: not a lesson's manifest");
    const nlohmann::json json = parseJson(text, what);
    try {
        return manifestFrom(json);
    } catch (const InputError& error) {
        throw InputError(what + ": " + error.what());
    }
}

}  // namespace koto
