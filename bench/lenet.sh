#!/usr/bin/env bash
# The LeNet-like CNN on Fashion-MNIST: Kotohajime's CPU backend (koto-bench --workload lenet, one
# thread) against PyTorch (bench/lenet_reference.py, 1 thread, or more with THREADS), run back to
# back in rounds so that each ratio compares runs made under the same load. Prints a table of the
# rounds and the median ratios ours / theirs. See bench/README.md.
#
#   bash bench/lenet.sh                       # 3 rounds of a whole epoch each, ~1 min a round
#   ROUNDS=5 STEPS=300 bash bench/lenet.sh    # 300 steps a sample, scaled to the 938-step epoch
#
# Environment: ROUNDS (default 3), STEPS (steps timed a sample; default 0, a whole epoch),
# THREADS (PyTorch's thread counts, default "1"; "1 2" adds 2 threads, which only makes sense on
# an idle machine: on a busy one its OpenMP threads wait for each other and an epoch took minutes),
# BUILD_DIR (default ./build), JOBS (default 2), SKIP_BUILD=1 to use the koto-bench already built.
# Installs nothing.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROUNDS="${ROUNDS:-3}"
STEPS="${STEPS:-0}"
THREADS="${THREADS:-1}"
BUILD_DIR="${BUILD_DIR:-build}"
JOBS="${JOBS:-2}"
PYTHON=/usr/bin/python3
source bench/common.sh

require_packages lenet.sh python3-torch libopenblas0-pthread dataset-fashion-mnist

[[ "${SKIP_BUILD:-0}" == 1 ]] || build_release koto-bench

steps_ours=() steps_theirs=()
if ((STEPS > 0)); then
    steps_ours=(--lenet-steps "$STEPS")
    steps_theirs=(--steps "$STEPS")
fi

print_machine "other work on the machine skews both sides"

results="$(mktemp)"
trap 'rm -f "$results"' EXIT
for ((round = 1; round <= ROUNDS; ++round)); do
    echo "round $round of $ROUNDS: Kotohajime ..."
    "$BUILD_DIR/bench/koto-bench" --workload lenet --samples 1 "${steps_ours[@]}" --json |
        sed "s/^RESULT {/RESULT {\"round\": $round, /" | tee -a "$results"
    for threads in $THREADS; do
        echo "round $round of $ROUNDS: PyTorch, $threads thread(s) ..."
        env -u OPENBLAS_CORETYPE OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS="$threads" \
            "$PYTHON" bench/lenet_reference.py --samples 1 --threads "$threads" "${steps_theirs[@]}" --json |
            sed "s/^RESULT {/RESULT {\"round\": $round, /" | tee -a "$results"
    done
done
echo

python3 - "$results" <<'EOF'
import json, statistics, sys

rounds = {}
for line in open(sys.argv[1]):
    if line.startswith("RESULT "):
        r = json.loads(line[7:])
        name = "koto" if r["bench"] == "koto_lenet" else f"torch{r['threads']}"
        rounds.setdefault(r["round"], {})[name] = r

others = sorted({name for found in rounds.values() for name in found if name != "koto"})
print("seconds per epoch of steps (938 steps of 64), wall clock / CPU time of the process")
print(f"{'round':>5} {'Kotohajime':>16} " + " ".join(f"{'PyTorch ' + n[5:] + ' thr':>16} {'ours/theirs':>12}" for n in others))
ratios = {n: [] for n in others}
cpu_ratios = {n: [] for n in others}
for number in sorted(rounds):
    found = rounds[number]
    ours = found.get("koto")
    row = f"{number:>5} " + (f"{ours['epoch_s_median']:7.3f} / {ours['epoch_cpu_s_median']:6.3f}" if ours else f"{'-':>16}")
    for n in others:
        theirs = found.get(n)
        if ours and theirs:
            ratios[n].append(ours["epoch_s_median"] / theirs["epoch_s_median"])
            cpu_ratios[n].append(ours["epoch_cpu_s_median"] / theirs["epoch_cpu_s_median"])
            row += f" {theirs['epoch_s_median']:7.3f} / {theirs['epoch_cpu_s_median']:6.3f} {ratios[n][-1]:11.2f}x"
        else:
            row += f" {'-':>16} {'-':>12}"
    print(row)
print()
for n in others:
    if ratios[n]:
        wall, cpu = statistics.median(ratios[n]), statistics.median(cpu_ratios[n])
        print(f"median ours / PyTorch {n[5:]} thread(s): {wall:.2f}x wall clock ({min(ratios[n]):.2f}-{max(ratios[n]):.2f}), "
              f"{cpu:.2f}x CPU time; goal no slower (<= 1.00): {'MET' if wall <= 1 else 'NOT MET'}, "
              f"half (<= 0.50): {'MET' if wall <= 0.5 else 'NOT MET'}")
evaluations = [found["koto"]["evaluate_s_median"] for found in rounds.values() if "koto" in found]
torch_evaluations = [found[n]["evaluate_s_median"] for found in rounds.values() for n in others[:1] if n in found]
if evaluations and torch_evaluations:
    print(f"evaluation of 60,000 + 10,000 images: ours {statistics.median(evaluations):.3f} s, "
          f"PyTorch ({others[0][5:]} thread) {statistics.median(torch_evaluations):.3f} s")
accuracy = [found["koto"]["test_acc_after"] for found in rounds.values() if "koto" in found]
if accuracy:
    print(f"test accuracy of our network after its timed steps: {', '.join(f'{a:.4f}' for a in accuracy)}")
EOF
