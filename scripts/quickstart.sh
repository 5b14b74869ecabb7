#!/usr/bin/env bash
# Kotohajime's quick start on Debian 12.
#   scripts/quickstart.sh run    install what is missing, build (Release), start the app
#   scripts/quickstart.sh test   install what is missing, build (Release), run every test
# Both are idempotent: a second run installs nothing and rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-}
case "$mode" in run|test) ;; *) echo "usage: $0 run|test" >&2; exit 2 ;; esac

# Everything the build, the tests and the app need, from Debian 12's archive.
packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n qt6-svg-dev
  libqcustomplot-dev libeigen3-dev nlohmann-json3-dev zlib1g-dev libgif-dev dataset-fashion-mnist
  libonnx-dev libprotobuf-dev
  libclblast-dev ocl-icd-opencl-dev ocl-icd-libopencl1 opencl-headers pocl-opencl-icd
  fonts-noto-cjk
)
# The tests check exported models with tools that are not ours: onnx's checker, NumPy and PyTorch
# (Debian's python3 modules), and ONNX Runtime from npm (scripts/install-onnxruntime.sh).
if [ "$mode" = test ]; then
  packages+=(python3-onnx python3-numpy python3-torch)
  # The launcher's and the AppStream metadata's validators, and `file`, which CPack's Debian
  # generator needs to find the libraries the package depends on.
  packages+=(desktop-file-utils appstream file)
  command -v npm >/dev/null || packages+=(nodejs npm)
fi
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

build=${KOTO_BUILD_DIR:-build}
# KOTO_WERROR=ON (CI sets it) makes every compiler warning an error.
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKOTO_BUILD_APP=ON -DKOTO_WERROR="${KOTO_WERROR:-OFF}" >/dev/null
cmake --build "$build"

# PoCL reports no device at all when it cannot create its kernel cache: give it a writable one.
export POCL_CACHE_DIR=${POCL_CACHE_DIR:-$PWD/$build/pocl-cache}
mkdir -p "$POCL_CACHE_DIR"

if [ "$mode" = run ]; then
  exec "$build/app/gui/kotohajime"
fi
scripts/install-onnxruntime.sh "$build/ort"
ctest --test-dir "$build" --output-on-failure -j2
