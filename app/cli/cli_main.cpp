// kotohajime-cli: the scriptable face of Kotohajime's core.
// Exit codes: 0 success, 2 usage error, 3 bad input (file or data), 4 training diverged,
// 5 the output could not be written (standard_output.h).

#include <csignal>
#include <exception>
#include <iostream>
#include <new>
#include <string>

#include "arguments.h"
#include "commands.h"
#include "standard_output.h"
#include "thread_option.h"
#include "util/errors.h"
#include "util/text.h"

namespace {

using koto::cli::Words;

struct Command {
    const char* name;
    int (*run)(const Words&);
};

constexpr Command kCommands[] = {
    {"train", koto::cli::trainCommand},         {"eval", koto::cli::evalCommand},
    {"predict", koto::cli::predictCommand},     {"gradcheck", koto::cli::gradcheckCommand},
    {"datasets", koto::cli::datasetsCommand},   {"samples", koto::cli::samplesCommand},
    {"devices", koto::cli::devicesCommand},     {"bptt", koto::cli::bpttCommand},
    {"templates", koto::cli::templatesCommand}, {"export", koto::cli::exportCommand},
    {"import", koto::cli::importCommand},       {"race", koto::cli::raceCommand},
    {"sweep", koto::cli::sweepCommand},         {"animate", koto::cli::animateCommand},
    {"lessons", koto::cli::lessonsCommand},     {"lesson-check", koto::cli::lessonCheckCommand},
};

// A message as one line: core's messages already quote input as short escaped excerpts; this
// keeps any other from breaking the one-line-per-error rule scripts rely on.
std::string oneLine(const std::exception& error) {
    return koto::excerpt(error.what(), koto::kMessageBytes);
}

bool wantsHelp(const Words& words) {
    for (const std::string& word : words)
        if (word == "--help" || word == "-h") return true;
    return false;
}

// The exit code, unless what was written to standard output was lost: then 5, said in one line.
int finish(int code, const std::string& who) {
    try {
        koto::cli::checkStandardOutput();
        return code;
    } catch (const koto::cli::OutputError& error) {
        std::cerr << who << ": " << error.what() << '\n';
        return 5;
    }
}

}  // namespace

int main(int argc, char** argv) {
    // A reader that goes away (`kotohajime-cli train --json | head -3`) must not kill us with
    // SIGPIPE: writes then fail, and the epoch printer stops the run with a message instead.
    std::signal(SIGPIPE, SIG_IGN);
    const Words all(argv + 1, argv + argc);
    if (all.empty() || all[0] == "--help" || all[0] == "-h" || all[0] == "help") {
        std::cout << koto::cli::helpText("");
        return finish(all.empty() ? 2 : 0, "kotohajime-cli");
    }
    const std::string name = all[0];
    const Words rest(all.begin() + 1, all.end());
    for (const Command& command : kCommands) {
        if (name != command.name) continue;
        if (wantsHelp(rest)) {
            std::cout << koto::cli::helpText(name);
            return finish(0, "kotohajime-cli " + name);
        }
        try {
            Words words = rest;
            koto::cli::takeThreadOption(words);
            const int code = command.run(words);
            koto::cli::checkStandardOutput();
            return code;
        } catch (const koto::cli::OutputError& error) {
            std::cerr << "kotohajime-cli " << name << ": " << error.what() << '\n';
            return 5;
        } catch (const koto::cli::UsageError& error) {
            std::cerr << "kotohajime-cli " << name << ": " << oneLine(error)
                      << "\n(see kotohajime-cli " << name << " --help)\n";
            return 2;
        } catch (const koto::DivergenceError& error) {
            std::cerr << "kotohajime-cli " << name << ": " << oneLine(error) << '\n';
            return 4;
        } catch (const koto::InputError& error) {
            std::cerr << "kotohajime-cli " << name << ": " << oneLine(error) << '\n';
            return 3;
        } catch (const koto::SpecError& error) {
            std::cerr << "kotohajime-cli " << name << ": " << oneLine(error) << '\n';
            return 3;
        } catch (const std::bad_alloc&) {
            std::cerr << "kotohajime-cli " << name
                      << ": not enough memory for this data or network\n";
            return 3;
        } catch (const std::exception& error) {
            std::cerr << "kotohajime-cli " << name << ": " << oneLine(error) << '\n';
            return 3;
        }
    }
    std::cerr << "kotohajime-cli: unknown command " << koto::inQuotes(name) << "\n\n"
              << koto::cli::helpText("");
    return 2;
}
