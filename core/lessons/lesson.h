#pragma once
// A lesson as its folder holds it (docs/lessons.md): a manifest, its text in each language and
// the project it starts from. Plain data, read by lesson_manifest and lesson_library.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lessons/lesson_condition.h"

namespace koto {

// Text in both of the app's languages.
struct LessonText {
    std::string en, ja;
    const std::string& in(const std::string& language) const { return language == "ja" ? ja : en; }
};

// What a learner would do to pass a task, applied to the preset; the tests train it.
struct TaskSolution {
    std::map<std::string, nlohmann::json> settings;  // keys of a project's "training" object
    std::string layers;                              // "" keeps the preset's
    std::string dataset;                             // "" keeps the preset's
    int64_t epochs = 0;
};

struct LessonTask {
    LessonText text;
    LessonCondition check;
    std::vector<LessonText> hints;
    std::optional<TaskSolution> solution;
};

struct Lesson {
    std::string id;
    int part = 4;
    int order = 0;
    LessonText title, goal, summary;
    LessonText body;  // the Markdown texts, read from the folder
    std::string folder;      // the lesson's folder
    std::string presetPath;  // the preset project, in the folder
    std::string view;        // the tab shown beside the plot ("" the app's choice)
    std::vector<std::string> hidden, locked;  // controls (lessonControls())
    std::vector<LessonTask> tasks;
    bool builtIn = false;
};

// The controls a lesson can hide or lock, by the names its manifest uses.
const std::vector<std::string>& lessonControls();
// The tabs a lesson can show, as `kotohajime --view` names them.
const std::vector<std::string>& lessonViews();

}  // namespace koto
