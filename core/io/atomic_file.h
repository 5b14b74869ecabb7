#pragma once
// Reading and writing the files a user names: the one place where core, the CLI and the app open
// a dataset, a project, an input table, or save over one. Only regular files are read or
// replaced: a path may name a device (/dev/zero never ends, /dev/null is the system's), a FIFO
// (reading one waits for a writer), a socket or a folder, and none of these is a file.
//
// Reading: a symbolic link is followed; what it leads to must be a regular file, no larger than
// the limit the caller gives. The size is checked before reading and again while reading, so a
// file that grows while it is read stops at the limit too. Nothing but a regular file is ever
// opened (a FIFO is not even opened, so nothing blocks).
//
// Writing is atomic: a temporary file beside the target, "<name>.tmp-XXXXXX", is written, flushed
// to disk and renamed over it, so a crash or a full disk mid-save leaves the old file intact.
//   - a path that names nothing: the file is made (mode 0644);
//   - a regular file: replaced, keeping its permissions, and its owner and group where this
//     process may give them (as root; otherwise they become ours, and set-user-ID and
//     set-group-ID bits are dropped);
//   - a symbolic link (also a chain of them): followed, and the file it leads to is replaced under
//     the same rules, in the link target's folder; the link stays a link and still leads there.
//     A link that leads nowhere makes the file where it leads, as a shell's ">" would;
//   - anything else (a device such as /dev/null, a FIFO, a socket, a folder): refused with an
//     InputError saying what it is; nothing is written and nothing is renamed.
// Stale temporaries: a save that was killed leaves its "<name>.tmp-XXXXXX" behind. Each save
// removes those beside its target that are regular files owned by this user, with exactly
// mkstemp's six letters or digits after ".tmp-", last changed more than
// kStaleTemporarySeconds ago (a save running now in another process is not touched).
//
// Messages name the path escaped (util/text.h printablePath) and start "cannot read" or
// "cannot write". Thread safety: the functions share no state.

#include <cstddef>
#include <string>

namespace koto {

inline constexpr long kStaleTemporarySeconds = 15 * 60;

// Throws InputError naming the file and the system's reason, or what the path is if it is not a
// regular file (or a link to one).
void writeFileAtomically(const std::string& path, const std::string& contents);
// Throws InputError if writeFileAtomically would refuse path for what it names (a device, a FIFO,
// a socket, a folder, a link to one of these), without writing anything: a command checks its
// --save path before training for an hour.
void checkWritableTarget(const std::string& path);
// Throws InputError if the file cannot be read, is not a regular file (after following symbolic
// links) or is larger than maxBytes.
std::string readWholeFile(const std::string& path, size_t maxBytes);

}  // namespace koto
