#pragma once
// What a lesson or a teacher lets a learner do with a control (docs/lessons.md names the
// controls): use it, see it greyed out with its value, or not see it at all.

#include <map>
#include <string>

namespace koto::gui {

enum class ControlAccess { Open, Locked, Hidden };

// A control's access by its name ("optimizer", "dataset"); a name absent is open.
using ControlAccessMap = std::map<std::string, ControlAccess>;

inline ControlAccess accessOf(const ControlAccessMap& access, const std::string& control) {
    const auto found = access.find(control);
    return found == access.end() ? ControlAccess::Open : found->second;
}

}  // namespace koto::gui
