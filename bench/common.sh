# shellcheck shell=bash
# What the bench scripts share. Sourced from the repository root, after BUILD_DIR and JOBS are set:
#   source bench/common.sh

# Whether the Debian package $1 is installed.
have_package() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# Builds the targets named ($@) in $BUILD_DIR as a Release build (ninja -j $JOBS), configuring the
# folder first:
# a new one with Ninja, an existing one with the generator it has.
build_release() {
    if [[ -f "$BUILD_DIR/CMakeCache.txt" ]]; then
        cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >/dev/null
    else
        cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
    fi
    cmake --build "$BUILD_DIR" --target "$@" -j "$JOBS"
}

# Exits with the apt-get line for the packages of $2... that are missing; $1 names the script.
require_packages() {
    local script="$1" missing=()
    shift
    for package in "$@"; do
        have_package "$package" || missing+=("$package")
    done
    if ((${#missing[@]})); then
        echo "$script: needs ${missing[*]}: sudo apt-get install ${missing[*]}" >&2
        exit 1
    fi
}

# The date, the machine and its load, before a run's figures; $1 is said after the load.
print_machine() {
    echo
    echo "date:     $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "machine:  $(nproc) CPUs, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1), $(free -g | awk '/^Mem:/ {print $2}') GiB, $(grep -o -w 'avx512f\|avx2' /proc/cpuinfo | sort -u | tr '\n' ' ')"
    echo "load:     $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min${1:+; $1})"
    echo
}
