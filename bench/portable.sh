#!/usr/bin/env bash
# A packaged build against a native one: koto-bench built with -march=native (./build) and
# with KOTO_NATIVE=OFF (./build-portable, what a .deb ships), the latter once with its run-time
# choice of product kernel (AVX2 or AVX-512 where the CPU has it, backend/product_kernels.h) and
# once forced to its baseline (KOTO_CPU_KERNELS=baseline: SSE2 only, what a portable build was
# before). Rounds run back to back; the ratios compare runs of the same round. One thread, so
# that the instruction set is all that differs. See bench/README.md ("Portable builds").
#
#   bash bench/portable.sh                 # 5 rounds, ~4 min
#
# Environment: ROUNDS (default 5), LENET_STEPS (default 200), JOBS (default 2), SKIP_BUILD=1 to
# use the koto-bench programs already built. Installs nothing.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROUNDS="${ROUNDS:-5}"
LENET_STEPS="${LENET_STEPS:-200}"
JOBS="${JOBS:-2}"
source bench/common.sh

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    BUILD_DIR=build build_release koto-bench
    [[ -f build-portable/CMakeCache.txt ]] ||
        cmake -S . -B build-portable -G Ninja -DCMAKE_BUILD_TYPE=Release -DKOTO_NATIVE=OFF \
            -DKOTO_BUILD_APP=OFF >/dev/null
    cmake --build build-portable --target koto-bench -j "$JOBS"
fi

print_machine

results="$(mktemp)"
trap 'rm -f "$results"' EXIT
run() {  # NAME, then the command
    local name="$1" round="$2"; shift 2
    for workload in fashion lenet; do
        "$@" --workload "$workload" --samples 1 --lenet-steps "$LENET_STEPS" --threads 1 --json |
            sed "s/^RESULT {/RESULT {\"round\": $round, \"build\": \"$name\", /" >>"$results"
    done
}
for ((round = 1; round <= ROUNDS; ++round)); do
    echo "round $round of $ROUNDS ..."
    run native "$round" build/bench/koto-bench
    run portable "$round" build-portable/bench/koto-bench
    KOTO_CPU_KERNELS=baseline run portable-baseline "$round" build-portable/bench/koto-bench
done
echo

python3 - "$results" <<'EOF'
import json, statistics, sys

runs = [json.loads(line[7:]) for line in open(sys.argv[1]) if line.startswith("RESULT ")]
def seconds(r):
    return r["epoch_s_median"] if r["bench"] == "koto_lenet" else r["epoch_s_steps_median"]
builds = ("native", "portable", "portable-baseline")
for bench, title in (("koto_fashion_mlp", "784-128-10 MLP"), ("koto_lenet", "LeNet-like CNN")):
    cell = {b: {r["round"]: seconds(r) for r in runs if r["bench"] == bench and r["build"] == b} for b in builds}
    print(f"{title}, seconds per epoch of steps, 1 thread (median of {len(cell['native'])} rounds):")
    for b in builds:
        ratios = [cell[b][k] / cell["native"][k] for k in cell[b] if k in cell["native"]]
        print(f"  {b:<18} {statistics.median(cell[b].values()):7.3f} s   / native: {statistics.median(ratios):.2f}x "
              f"({min(ratios):.2f}-{max(ratios):.2f})")
    print()
EOF
