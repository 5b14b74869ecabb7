# shellcheck shell=bash
# What the bench scripts share. Sourced from the repository root, after BUILD_DIR and JOBS are set:
#   source bench/common.sh

# Whether the Debian package $1 is installed.
have_package() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# Builds target $1 in $BUILD_DIR as a Release build (ninja -j $JOBS), configuring the folder first:
# a new one with Ninja, an existing one with the generator it has.
build_release() {
    if [[ -f "$BUILD_DIR/CMakeCache.txt" ]]; then
        cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >/dev/null
    else
        cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
    fi
    cmake --build "$BUILD_DIR" --target "$1" -j "$JOBS"
}
