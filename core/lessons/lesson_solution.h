#pragma once
// A task's solution (docs/lessons.md) trained for real: what a lesson's author and the tests use
// to see that every check can be met, and that it is not met before.

#include "backend/backend.h"
#include "lessons/lesson.h"
#include "lessons/run_facts.h"

namespace koto {

// The preset with the solution's settings, layers and data, to train for its epochs.
Project withSolution(const Project& preset, const TaskSolution& solution);

struct SolutionRun {
    RunEvidence before;  // the preset as a learner opens it: its start, nothing trained
    RunEvidence after;   // the solution, trained
};

// Trains from the preset's weights when it has them and the solution keeps its network and data;
// otherwise from initial weights drawn with the seed. Throws InputError or SpecError when the
// preset or the solution cannot train.
SolutionRun trainSolution(Backend& backend, const Project& preset, const TaskSolution& solution);

}  // namespace koto
