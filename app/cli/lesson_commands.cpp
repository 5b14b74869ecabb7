// lessons and lesson-check: the lessons the app offers, and a lesson's checks against a saved
// run (a teacher collecting projects) or against its own solutions (an author testing a lesson).

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "arguments.h"
#include "backend/cpu_backend.h"
#include "commands.h"
#include "lessons/lesson_library.h"
#include "lessons/lesson_solution.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto::cli {
namespace {

// A lesson by its id among the app's lessons, or a lesson's folder (a path with a slash), as an
// author tries one before putting it in the lesson folder.
Lesson findLesson(const std::string& name) {
    if (name.find('/') != std::string::npos) return loadLesson(name, false);
    const LessonLibrary library = loadLessons(lessonFolders());
    if (const Lesson* lesson = library.find(name)) return *lesson;
    for (const std::string& problem : library.problems)
        if (problem.find("/" + name + "/") != std::string::npos) throw InputError(problem);
    throw InputError("no lesson " + inQuotes(name) + " (kotohajime-cli lessons lists them)");
}

nlohmann::ordered_json bothLanguages(const LessonText& text) {
    return {{"en", text.en}, {"ja", text.ja}};
}

void printLesson(const Lesson& lesson, bool json) {
    if (json) {
        nlohmann::ordered_json tasks = nlohmann::ordered_json::array();
        for (const LessonTask& task : lesson.tasks) tasks.push_back(bothLanguages(task.text));
        std::cout << nlohmann::ordered_json{{"id", lesson.id},
                                            {"part", lesson.part},
                                            {"title", bothLanguages(lesson.title)},
                                            {"built_in", lesson.builtIn},
                                            {"folder", lesson.folder},
                                            {"tasks", tasks}}
                         .dump()
                  << '\n';
        return;
    }
    std::printf("%-26s part %-2d %s / %s\n", lesson.id.c_str(), lesson.part,
                lesson.title.en.c_str(), lesson.title.ja.c_str());
    for (size_t i = 0; i < lesson.tasks.size(); ++i)
        std::printf("%28s%zu. %s\n", "", i + 1, lesson.tasks[i].text.en.c_str());
}

// Each task's check against the saved run: 0 when every one is met.
int checkProject(const Lesson& lesson, const std::string& path, bool json) {
    const RunFacts facts = factsOf(evidenceOf(loadProject(path)));
    int unmet = 0;
    for (size_t i = 0; i < lesson.tasks.size(); ++i) {
        const bool met = lesson.tasks[i].check.holds(facts);
        unmet += !met;
        if (json)
            std::cout << nlohmann::ordered_json{{"task", i + 1}, {"met", met},
                                                {"text", bothLanguages(lesson.tasks[i].text)}}
                             .dump()
                      << '\n';
        else
            std::printf("task %zu: %-7s %s\n", i + 1, met ? "met" : "not met",
                        lesson.tasks[i].text.en.c_str());
    }
    return unmet ? 1 : 0;
}

// Each task's solution trained: its check must fail at the preset's start and hold after.
int checkSolutions(const Lesson& lesson, bool json) {
    const Project preset = lessonPreset(lesson);
    CpuBackend backend;
    int wrong = 0;
    for (size_t i = 0; i < lesson.tasks.size(); ++i) {
        const LessonTask& task = lesson.tasks[i];
        if (!task.solution) {
            if (!json) std::printf("task %zu: no solution to try\n", i + 1);
            continue;
        }
        const SolutionRun run = trainSolution(backend, preset, *task.solution);
        const bool before = task.check.holds(factsOf(run.before));
        const bool after = task.check.holds(factsOf(run.after));
        wrong += before || !after;
        if (json)
            std::cout << nlohmann::ordered_json{{"task", i + 1},
                                                {"met_before", before},
                                                {"met_after", after}}
                             .dump()
                      << '\n';
        else
            std::printf("task %zu: before %s, after the solution's %lld epochs %s%s\n", i + 1,
                        before ? "met (it should not be)" : "not met",
                        static_cast<long long>(run.after.epochs), after ? "met" : "NOT met",
                        before || !after ? "  <- wrong" : "");
    }
    return wrong ? 1 : 0;
}

}  // namespace

int lessonsCommand(const Words& words) {
    const Arguments args(words, {}, {"json"});
    const LessonLibrary library = loadLessons(lessonFolders());
    for (const Lesson& lesson : library.lessons) printLesson(lesson, args.has("json"));
    for (const std::string& problem : library.problems)
        std::cerr << "lesson refused: " << problem << '\n';
    return 0;
}

int lessonCheckCommand(const Words& words) {
    const Arguments args(words, {"lesson", "project"}, {"solutions", "json"});
    const Lesson lesson = findLesson(args.required("lesson"));
    if (args.has("solutions") == args.has("project"))
        throw UsageError("lesson-check takes --project F.koto or --solutions");
    if (args.has("solutions")) return checkSolutions(lesson, args.has("json"));
    return checkProject(lesson, args.required("project"), args.has("json"));
}

}  // namespace koto::cli
