#!/usr/bin/env bash
# Builds koto-gui-bench and runs the main window offscreen, training the spiral MLP and the
# LeNet-like CNN with and without its views; prints its RESULT lines and the issue's goals.
# See bench/README.md.
#
#   bash bench/gui.sh                                       # both, 600 s per phase: ~42 min
#   SECONDS_PER_PHASE=60 WORKLOAD=spiral bash bench/gui.sh  # a quick look
#
# Environment: SECONDS_PER_PHASE (default 600: the issue's "RSS after 10 minutes"), WORKLOAD
# (spiral|lenet|all, default all), BUILD_DIR (default ./build), JOBS (ninja -j, default 2).
# Installs nothing.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
SECONDS_PER_PHASE="${SECONDS_PER_PHASE:-600}"
WORKLOAD="${WORKLOAD:-all}"
BUILD_DIR="${BUILD_DIR:-build}"
JOBS="${JOBS:-2}"
source bench/common.sh

if [[ "$WORKLOAD" != spiral ]] && command -v dpkg-query >/dev/null &&
    ! have_package dataset-fashion-mnist; then
    echo "gui.sh: the lenet workload needs Fashion-MNIST: sudo apt-get install dataset-fashion-mnist" >&2
    echo "        (WORKLOAD=spiral runs without it)" >&2
    exit 1
fi

build_release koto-gui-bench

print_machine "the GUI and training threads share these cores with it"

results="$(mktemp)"
trap 'rm -f "$results"' EXIT
# Qt's offscreen platform says for every window that it cannot pass on size hints: noise here.
QT_QPA_PLATFORM=offscreen "$BUILD_DIR/bench/koto-gui-bench" --workload "$WORKLOAD" \
    --seconds "$SECONDS_PER_PHASE" 2> >(grep -v 'does not support propagateSizeHints' >&2) |
    tee "$results"
echo

python3 - "$results" <<'PYTHON'
import json, sys

for line in open(sys.argv[1]):
    if not line.startswith("RESULT "):
        continue
    r = json.loads(line[7:])
    growth = r["rss_end_mib"] - r["rss_start_mib"]
    print(f"{r['workload']}: views {', '.join(r['views'])} (and the boundary or gallery), "
          f"{r['seconds']:g} s per phase")
    print(f"  timer lateness with views: median {r['median_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms "
          f"(no views: {r['median_ms_no_views']:.1f}, {r['p99_ms_no_views']:.1f})")
    print(f"  steps/s: {r['steps_per_s_views']:,.0f} with views, {r['steps_per_s_no_views']:,.0f} "
          f"without: ratio {r['throughput_ratio']:.3f}")
    print(f"  RSS: {r['rss_start_mib']:.1f} -> {r['rss_end_mib']:.1f} MiB ({growth:+.1f})")
    print(f"  goal p99 < 50 ms: {'MET' if r['p99_ms'] < 50 else 'NOT MET'}; "
          f"throughput >= 90 %: {'MET' if r['throughput_ratio'] >= 0.9 else 'NOT MET'}; "
          f"memory flat (growth <= 5 %): {'MET' if growth <= 0.05 * r['rss_start_mib'] else 'NOT MET'}")
    if "problem" in r:
        print(f"  PROBLEM: {r['problem']}")
PYTHON
