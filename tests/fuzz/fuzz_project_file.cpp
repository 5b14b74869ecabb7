// Fuzz target: a .koto project file as a user might hand one over (any bytes). Loading must end
// in a project or an InputError; a project that loads must also pass or fail shape inference
// cleanly, and so must the chain of its editor draft, as the editor infers it on every edit.

#include <cstddef>
#include <cstdint>
#include <string>

#include "io/project_file.h"
#include "network/layer_registry.h"
#include "util/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const koto::Project project = koto::projectFromJson(text, "fuzz.koto");
        if (project.draft) {
            koto::NetworkSpec chain;
            chain.inputShape = project.network.inputShape;
            chain.loss = project.draft->loss;
            for (const std::string& name : koto::draftChain(*project.draft))
                for (const koto::LayerSpec& node : project.draft->nodes)
                    if (node.name == name) chain.layers.push_back(node);
            try {
                koto::inferShapes(chain);
            } catch (const koto::SpecError&) {
            }
        }
        koto::inferShapes(project.network);
    } catch (const koto::InputError&) {
    } catch (const koto::SpecError&) {
    }
    return 0;
}
