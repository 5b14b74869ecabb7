#pragma once
// The lessons a learner can open: the built-in ones and those in the user's lesson folder
// (docs/lessons.md). A lesson that cannot be read is left out with a message naming its file
// and field; the others still load.

#include <string>
#include <vector>

#include "io/project_file.h"
#include "lessons/lesson.h"

namespace koto {

constexpr size_t kMaxLessonMarkdownBytes = 64 * 1024;
constexpr size_t kMaxLessonFolders = 500;  // lessons read from one folder

struct LessonFolder {
    std::string path;
    bool builtIn = false;
};

// The built-in lessons' folder (share/kotohajime/lessons beside the installed executable, or the
// source tree's resources/lessons in a build tree) and then the user's
// ($XDG_DATA_HOME/kotohajime/lessons, ~/.local/share/kotohajime/lessons).
std::vector<LessonFolder> lessonFolders();

// One lesson's folder: throws InputError naming the file and the field.
Lesson loadLesson(const std::string& folder, bool builtIn);

struct LessonLibrary {
    std::vector<Lesson> lessons;        // by part, then order, then id
    std::vector<std::string> problems;  // each lesson refused, and why
    const Lesson* find(const std::string& id) const;
};

// Every lesson in these folders (a missing folder holds none); a later folder's lesson replaces
// an earlier one's of the same id.
LessonLibrary loadLessons(const std::vector<LessonFolder>& folders);

// The project a lesson starts from (InputError if it cannot be read).
Project lessonPreset(const Lesson& lesson);

}  // namespace koto
