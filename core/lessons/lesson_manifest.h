#pragma once
// Reading a lesson's manifest, lesson.json (docs/lessons.md), with every field checked: a rule
// broken throws InputError naming the file and the field,
//   "lessons/x/lesson.json: tasks[1].check.fact: no fact \"tset_error\"".
// The texts it names are read by the library (lesson_library.h); the manifest only names them.

#include <string>

#include "lessons/lesson.h"

namespace koto {

constexpr size_t kMaxManifestBytes = 256 * 1024;
constexpr size_t kMaxLessonTextChars = 2000;  // a title, goal, summary, task or hint
constexpr int kMaxLessonTasks = 8;
constexpr int kMaxLessonHints = 5;
constexpr int64_t kMaxSolutionEpochs = 10'000;

struct LessonManifest {
    Lesson lesson;  // body and paths empty
    LessonText textFiles;  // file names, in the lesson's folder
    std::string presetFile;
};

// `what` names the file in messages.
LessonManifest lessonManifestFromJson(const std::string& text, const std::string& what);

}  // namespace koto
