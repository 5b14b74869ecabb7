#include "lessons/lesson_library.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <tuple>

#include "io/atomic_file.h"
#include "lessons/lesson_manifest.h"
#include "util/errors.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace koto {
namespace {

std::string userLessonFolder() {
    const char* data = std::getenv("XDG_DATA_HOME");
    if (data && *data == '/') return std::string(data) + "/kotohajime/lessons";
    const char* home = std::getenv("HOME");
    if (home && *home) return std::string(home) + "/.local/share/kotohajime/lessons";
    return {};
}

std::string builtInLessonFolder() {
    std::error_code error;
    const fs::path executable = fs::read_symlink("/proc/self/exe", error);
    if (!error) {
        const fs::path installed =
            executable.parent_path().parent_path() / "share" / "kotohajime" / "lessons";
        if (fs::is_directory(installed, error)) return installed.string();
    }
    return KOTO_SOURCE_LESSONS;
}

// The lesson folders inside one folder, in name order (so that messages come in a stable order).
std::vector<fs::path> foldersIn(const std::string& folder, std::vector<std::string>& problems) {
    std::vector<fs::path> folders;
    std::error_code error;
    if (!fs::is_directory(folder, error)) return folders;
    fs::directory_iterator entries(folder, error);
    for (; !error && entries != fs::directory_iterator(); entries.increment(error)) {
        if (!entries->is_directory(error) || entries->path().filename().string().front() == '.')
            continue;
        if (folders.size() == kMaxLessonFolders) {
            problems.push_back(folder + ": more than " + std::to_string(kMaxLessonFolders) +
                               " lessons; the rest are left out");
            break;
        }
        folders.push_back(entries->path());
    }
    if (error) problems.push_back(folder + ": " + error.message());
    std::sort(folders.begin(), folders.end());
    return folders;
}

}  // namespace

std::vector<LessonFolder> lessonFolders() {
    std::vector<LessonFolder> folders{{builtInLessonFolder(), true}};
    if (std::string user = userLessonFolder(); !user.empty()) folders.push_back({user, false});
    return folders;
}

Lesson loadLesson(const std::string& folder, bool builtIn) {
    const std::string manifestPath = folder + "/lesson.json";
    LessonManifest manifest = lessonManifestFromJson(
        readWholeFile(manifestPath, kMaxManifestBytes + 1), printablePath(manifestPath));
    Lesson lesson = std::move(manifest.lesson);
    lesson.folder = folder;
    lesson.builtIn = builtIn;
    lesson.body.en = readWholeFile(folder + "/" + manifest.textFiles.en, kMaxLessonMarkdownBytes);
    lesson.body.ja = readWholeFile(folder + "/" + manifest.textFiles.ja, kMaxLessonMarkdownBytes);
    lesson.presetPath = folder + "/" + manifest.presetFile;
    lessonPreset(lesson);  // refused now, not when the learner opens it
    return lesson;
}

const Lesson* LessonLibrary::find(const std::string& id) const {
    for (const Lesson& lesson : lessons)
        if (lesson.id == id) return &lesson;
    return nullptr;
}

LessonLibrary loadLessons(const std::vector<LessonFolder>& folders) {
    LessonLibrary library;
    for (const LessonFolder& folder : folders) {
        for (const fs::path& path : foldersIn(folder.path, library.problems)) {
            try {
                Lesson lesson = loadLesson(path.string(), folder.builtIn);
                std::erase_if(library.lessons,
                              [&](const Lesson& other) { return other.id == lesson.id; });
                library.lessons.push_back(std::move(lesson));
            } catch (const InputError& error) {
                library.problems.push_back(error.what());
            }
        }
    }
    std::sort(library.lessons.begin(), library.lessons.end(), [](const Lesson& a, const Lesson& b) {
        return std::tie(a.part, a.order, a.id) < std::tie(b.part, b.order, b.id);
    });
    return library;
}

Project lessonPreset(const Lesson& lesson) { return loadProject(lesson.presetPath); }

}  // namespace koto
