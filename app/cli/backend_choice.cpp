#include "backend_choice.h"

#include <iostream>

#include "arguments.h"
#include "opencl_devices.h"

namespace koto::cli {

void chooseBackend(const std::string& name) {
    if (name == "cpu") return;
    if (name != "opencl") throw UsageError("--backend must be cpu or opencl, not \"" + name + "\"");
    const OpenClDiscovery found = discoverOpenClDevices();
    if (!found.problem.empty())
        std::cerr << "kotohajime-cli: " << found.problem << "; training on the CPU\n";
    else
        std::cerr << "kotohajime-cli: OpenCL device found (" << found.devices.front().name
                  << "), but this version has no OpenCL compute backend yet; training on the CPU\n";
}

}  // namespace koto::cli
