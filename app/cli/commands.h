#pragma once
// The subcommands of kotohajime-cli. Each takes the words after its name and returns the exit
// code; bad input throws koto::InputError (exit 3), usage mistakes cli::UsageError (exit 2),
// divergence koto::DivergenceError (exit 4), output that cannot be written cli::OutputError
// (exit 5, standard_output.h).

#include <string>
#include <vector>

namespace koto::cli {

using Words = std::vector<std::string>;

int trainCommand(const Words& words);
int evalCommand(const Words& words);
int predictCommand(const Words& words);
int gradcheckCommand(const Words& words);
int bpttCommand(const Words& words);
int datasetsCommand(const Words& words);
int templatesCommand(const Words& words);
int samplesCommand(const Words& words);
int devicesCommand(const Words& words);
int exportCommand(const Words& words);
int importCommand(const Words& words);
int raceCommand(const Words& words);
int sweepCommand(const Words& words);
int lessonsCommand(const Words& words);
int lessonCheckCommand(const Words& words);
// Draws with the app's views (animate_command.cpp), or says that this build has none.
int animateCommand(const Words& words);

// The help text of a command, or of the whole program for "".
std::string helpText(const std::string& command);

}  // namespace koto::cli
