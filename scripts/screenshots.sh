#!/usr/bin/env bash
# Regenerates the screenshots of the README and the user guides, docs/screenshots/*.png, from the
# app's scripted renders (kotohajime --screenshot): 1280 x 800, in English, and in Japanese as
# *-ja.png for docs/user-guide.ja.md.
#
#   scripts/screenshots.sh [BUILD_DIR]   the app built in BUILD_DIR (default build):
#                                        BUILD_DIR/app/gui/kotohajime
#   KOTO_BIN=DIR scripts/screenshots.sh  the app DIR/kotohajime instead (a copy, an install's bin)
#
# The renders are deterministic: the same build draws the same pixels. They run one at a time on
# Qt's offscreen platform (no display needed), with settings and data folders of their own, so
# that this user's settings (language, window layout, theme, lesson progress, their own lessons)
# do not leak into the pictures. Any render that fails, or gives no 1280 x 800 PNG, stops the
# script with a message, and docs/screenshots/ keeps the pictures it had.
set -euo pipefail
cd "$(dirname "$0")/.."

build=${1:-build}
if [ -n "${KOTO_BIN:-}" ]; then
  app=$KOTO_BIN/kotohajime
else
  app=$build/app/gui/kotohajime
fi
if [ ! -x "$app" ]; then
  echo "screenshots.sh: no app at $app: build it first (bash scripts/quickstart.sh test), or name" \
       "the build folder (scripts/screenshots.sh BUILD_DIR) or KOTO_BIN=DIR" >&2
  exit 1
fi

out=docs/screenshots
state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT
mkdir -p "$state/config" "$state/data" "$state/cache" "$state/home" "$state/runtime" "$state/new"
chmod 700 "$state/runtime"
export XDG_CONFIG_HOME=$state/config XDG_DATA_HOME=$state/data XDG_CACHE_HOME=$state/cache
export HOME=$state/home XDG_RUNTIME_DIR=$state/runtime
export QT_QPA_PLATFORM=offscreen
export LC_ALL=C.UTF-8
# PoCL reports no device when it cannot write its kernel cache (the renders compute on the CPU).
export POCL_CACHE_DIR=$state/cache/pocl

# A PNG's width and height, from its header (bytes 16-23, big-endian).
png_size() {
  local bytes
  bytes=$(od -An -tu1 -j16 -N8 "$1" | tr -s ' \n' ' ')
  # shellcheck disable=SC2086
  set -- $bytes
  echo "$(($1 << 24 | $2 << 16 | $3 << 8 | $4))x$(($5 << 24 | $6 << 16 | $7 << 8 | $8))"
}

# render NAME ARGS...: kotohajime ARGS --screenshot NAME.png, checked.
render() {
  local name=$1
  shift
  local file=$state/new/$name.png log=$state/$name.log
  echo "  $name.png: kotohajime $*"
  if ! "$app" "$@" --screenshot "$file" >"$log" 2>&1; then
    echo "screenshots.sh: the render of $name.png failed:" >&2
    grep -v -e 'propagateSizeHints' -e 'does not support raise' -e 'XDG_RUNTIME_DIR' "$log" >&2 || true
    exit 1
  fi
  if [ ! -s "$file" ] || [ "$(head -c 8 "$file" | od -An -tx1 | tr -d ' \n')" != 89504e470d0a1a0a ]; then
    echo "screenshots.sh: the render of $name.png wrote no PNG" >&2
    exit 1
  fi
  local size
  size=$(png_size "$file")
  if [ "$size" != 1280x800 ]; then
    echo "screenshots.sh: $name.png is $size, not 1280x800" >&2
    exit 1
  fi
}

echo "Rendering with $app"
for lang in en ja; do
  suffix=""
  [ "$lang" = en ] || suffix=-$lang
  # The default work: the spiral, two hidden tanh layers of 16 units, after 400 epochs.
  render "spiral$suffix" --lang "$lang" --train-steps 10000
  # The step-through inspector: the first layer's backward stage of step 201.
  render "inspector$suffix" --lang "$lang" --train-steps 200 --inspect backward:1
  # The network editor with the LeNet-like CNN template.
  render "editor$suffix" --lang "$lang" --template lenet
  # A lesson: part 5, its first task in focus, after 400 steps of the preset (no hidden layer yet).
  render "lesson$suffix" --lang "$lang" --lesson hidden-layers --task 1 --train-steps 400
done

mkdir -p "$out"
for file in "$state"/new/*.png; do
  # Smaller files where an optimiser happens to be installed; none is needed.
  if command -v optipng >/dev/null; then optipng -quiet -o2 "$file"; fi
  mv -f "$file" "$out/"
done
echo "Written to $out/:"
for file in "$out"/*.png; do
  printf '  %-40s %7d bytes\n' "$file" "$(wc -c <"$file")"
done
