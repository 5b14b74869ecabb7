// kotohajime-cli animate in a build without the app (KOTO_BUILD_APP=OFF): the animation is drawn
// by the app's views, which this build does not have.

#include "arguments.h"
#include "commands.h"

namespace koto::cli {

int animateCommand(const Words&) {
    throw UsageError("this kotohajime-cli was built without the app (KOTO_BUILD_APP=OFF), whose "
                     "views animate draws");
}

}  // namespace koto::cli
