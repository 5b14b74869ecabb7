// Fuzz target: a lesson's manifest (lesson.json), every field and check read and checked.

#include <cstddef>
#include <cstdint>
#include <string>

#include "lessons/lesson_manifest.h"
#include "message_checks.h"
#include "util/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const koto::LessonManifest manifest = koto::lessonManifestFromJson(text, "lesson.json");
        // A check read is one that can be evaluated, on a run with facts and on one without.
        koto::RunFacts facts;
        facts.numbers["test_error"] = 0.1;
        facts.words["optimizer"] = "sgd";
        for (const koto::LessonTask& task : manifest.lesson.tasks) {
            (void)task.check.holds(facts);
            (void)task.check.holds({});
        }
    } catch (const koto::InputError& error) {
        kotofuzz::checkMessage(error);
    }
    return 0;
}
