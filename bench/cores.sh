#!/usr/bin/env bash
# Every core: Kotohajime's CPU backend with 1 and 2 threads (koto-bench --threads) against PyTorch
# with 1 and 2 threads, on the LeNet-like CNN (bench/lenet_reference.py) and the 784-128-10 MLP
# (bench/torch_reference.py --workload fashion), in rounds run back to back so that the ratios of
# a round compare runs made under the same load; then the MLP step's products alone
# (koto-bench --workload products). Prints the medians, the ratios ours / PyTorch at each side's
# best thread count, our 2-thread speed-up, and the share of the MLP epoch spent outside the
# products. See bench/README.md ("Every core").
#
#   bash bench/cores.sh                      # 5 rounds, ~4 min on an idle 2-core machine
#   ROUNDS=7 LENET_STEPS=938 bash bench/cores.sh
#   SAMPLES=3 bash bench/cores.sh            # each side's median of 3 epochs a round, ~5 min
#
# Environment: ROUNDS (default 5), SAMPLES (timed epochs each side runs a round, its median the
# round's figure; default 1), LENET_STEPS (CNN steps timed a sample, scaled to the 938-step
# epoch; default 300), THREADS (default "1 2"), BUILD_DIR (default ./build), JOBS (default 2),
# SKIP_BUILD=1 to use the koto-bench already built. Installs nothing. Meaningful only on an idle
# machine: a second thread shares its core with whatever else runs.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROUNDS="${ROUNDS:-5}"
SAMPLES="${SAMPLES:-1}"
LENET_STEPS="${LENET_STEPS:-300}"
THREADS="${THREADS:-1 2}"
BUILD_DIR="${BUILD_DIR:-build}"
JOBS="${JOBS:-2}"
PYTHON=/usr/bin/python3
source bench/common.sh

require_packages cores.sh python3-torch libopenblas0-pthread dataset-fashion-mnist

[[ "${SKIP_BUILD:-0}" == 1 ]] || build_release koto-bench

print_machine

results="$(mktemp)"
trap 'rm -f "$results"' EXIT
tag() { sed "s/^RESULT {/RESULT {\"round\": $1, /" | tee -a "$results"; }
# OpenBLAS stays at one thread: torch's threads plus OpenBLAS's oversubscribe two cores and made
# epochs 30-50x slower here (../shared/reference-bench/README.md says the same).
torch() {
    local threads="$1"; shift
    env -u OPENBLAS_CORETYPE OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS="$threads" \
        "$PYTHON" "$@" --threads "$threads" --samples "$SAMPLES" --json
}
for ((round = 1; round <= ROUNDS; ++round)); do
    for threads in $THREADS; do
        echo "round $round of $ROUNDS, $threads thread(s): CNN ..."
        "$BUILD_DIR/bench/koto-bench" --workload lenet --samples "$SAMPLES" \
            --lenet-steps "$LENET_STEPS" --threads "$threads" --json | tag "$round"
        torch "$threads" bench/lenet_reference.py --steps "$LENET_STEPS" | tag "$round"
        echo "round $round of $ROUNDS, $threads thread(s): MLP ..."
        "$BUILD_DIR/bench/koto-bench" --workload fashion --samples "$SAMPLES" --threads "$threads" \
            --json | tag "$round"
        torch "$threads" bench/torch_reference.py --workload fashion | tag "$round"
        "$BUILD_DIR/bench/koto-bench" --workload products --samples 3 --threads "$threads" --json |
            tag "$round"
    done
done
echo

python3 - "$results" <<'EOF'
import json, statistics, sys

runs = [json.loads(line[7:]) for line in open(sys.argv[1]) if line.startswith("RESULT ")]
def figure(r):
    return r["epoch_s_median"] if "lenet" in r["bench"] else r.get("epoch_s_steps_median")
def series(bench, threads, key=figure):
    return {r["round"]: key(r) for r in runs if r["bench"] == bench and r["threads"] == threads}
median = statistics.median
thread_counts = sorted({r["threads"] for r in runs})

for title, ours, theirs in (("LeNet-like CNN", "koto_lenet", "torch_lenet"),
                            ("784-128-10 MLP", "koto_fashion_mlp", "torch_fashion_mlp")):
    print(f"{title}: seconds per epoch of steps (938 steps of 64), median of {len(series(ours, thread_counts[0]))} rounds")
    best = {}
    for side, name in (("Kotohajime", ours), ("PyTorch", theirs)):
        cells = {t: median(series(name, t).values()) for t in thread_counts if series(name, t)}
        best[side] = min(cells, key=cells.get)
        print(f"  {side:<11}" + "".join(f"  {t} thread(s): {cells[t]:.3f} s" for t in cells) +
              f"   best: {best[side]} thread(s)")
    o, t = series(ours, best["Kotohajime"]), series(theirs, best["PyTorch"])
    ratios = [o[k] / t[k] for k in o if k in t]
    print(f"  ours / PyTorch, each at its best thread count: {median(ratios):.2f}x "
          f"(rounds {min(ratios):.2f}-{max(ratios):.2f})")
    if len(thread_counts) > 1:
        one, many = series(ours, thread_counts[0]), series(ours, thread_counts[-1])
        speedups = [one[k] / many[k] for k in one if k in many]
        print(f"  our {thread_counts[-1]} threads against 1: {median(speedups):.2f}x faster "
              f"(rounds {min(speedups):.2f}-{max(speedups):.2f})")
    print()

print("MLP: the step's five products alone, summed over 938 steps, and the rest of the epoch")
for t in thread_counts:
    products = series("koto_mlp_products", t, lambda r: r["products_s_per_epoch"])
    peak = series("koto_mlp_products", t, lambda r: r["peak_gflops"])
    epoch = series("koto_fashion_mlp", t)
    rest = [1 - products[k] / epoch[k] for k in epoch if k in products]
    gflops = [24.5 / epoch[k] for k in epoch]
    if rest:
        print(f"  {t} thread(s): products {median(products.values()):.3f} s of the {median(epoch.values()):.3f} s epoch; "
              f"the rest {100 * median(rest):.0f} % of it; the epoch at {median(gflops):.0f} GFLOP/s "
              f"(24.5 GFLOP), Eigen's largest product at {median(peak.values()):.0f} GFLOP/s")
EOF
