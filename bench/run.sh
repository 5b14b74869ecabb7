#!/usr/bin/env bash
# Builds koto-bench, runs it and the references (PyTorch on both workloads, scikit-learn on the
# Fashion-MNIST one) in one go, and prints a table of the figures and the ratios ours / theirs.
# See bench/README.md.
#
#   bash bench/run.sh                 # both workloads, 7 samples each
#   SAMPLES=3 WORKLOAD=playground bash bench/run.sh
#
# Environment: SAMPLES (default 7), WORKLOAD (playground|fashion|all, default all), BUILD_DIR
# (default ./build), JOBS (ninja -j, default 2). Installs nothing.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
SAMPLES="${SAMPLES:-7}"
WORKLOAD="${WORKLOAD:-all}"
BUILD_DIR="${BUILD_DIR:-build}"
JOBS="${JOBS:-2}"
PYTHON=/usr/bin/python3
source bench/common.sh

# --- what the references need (checked, never installed) ---------------------------------------
missing=()
if command -v dpkg-query >/dev/null; then
    for package in python3-torch python3-sklearn libopenblas0-pthread dataset-fashion-mnist; do
        have_package "$package" || missing+=("$package")
    done
else
    "$PYTHON" -c 'import torch' 2>/dev/null || missing+=(python3-torch)
    "$PYTHON" -c 'import sklearn' 2>/dev/null || missing+=(python3-sklearn)
fi
[[ -x "$PYTHON" ]] || missing+=(python3)
lacks() { [[ " ${missing[*]} " == *" $1 "* ]]; }
if lacks dataset-fashion-mnist && [[ "$WORKLOAD" != playground ]]; then
    echo "run.sh: the fashion workload needs Fashion-MNIST: sudo apt-get install dataset-fashion-mnist" >&2
    echo "        (WORKLOAD=playground runs without it)" >&2
    exit 1
fi
run_torch=1 run_sklearn=1
lacks python3 && run_torch=0 run_sklearn=0
lacks python3-torch && run_torch=0
lacks python3-sklearn && run_sklearn=0
if lacks libopenblas0-pthread; then
    # Without it torch and numpy use the reference BLAS, 3-19x slower: an unfair yardstick.
    run_torch=0 run_sklearn=0
fi
if ((${#missing[@]})); then
    echo "run.sh: missing for the references: ${missing[*]}" >&2
    echo "        install with:  sudo apt-get install ${missing[*]}" >&2
    echo "        (only the references that have what they need run)" >&2
fi

# --- build ---------------------------------------------------------------------------------------
build_release koto-bench

# --- machine ------------------------------------------------------------------------------------
cxx="$(grep -m1 '^CMAKE_CXX_COMPILER:' "$BUILD_DIR/CMakeCache.txt" | cut -d= -f2)"
native="$(grep -m1 '^KOTO_NATIVE:' "$BUILD_DIR/CMakeCache.txt" | cut -d= -f2)"
echo
echo "date:     $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine:  $(nproc) CPUs, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1), $(free -g | awk '/^Mem:/ {print $2}') GiB"
echo "compiler: $("${cxx:-c++}" --version | head -1), KOTO_NATIVE=${native:-?} (-march=native)"
echo "load:     $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min; other work on the machine skews both sides)"
echo

# --- run ----------------------------------------------------------------------------------------
results="$(mktemp)"
trap 'rm -f "$results"' EXIT
echo "Kotohajime (koto-bench --workload $WORKLOAD --samples $SAMPLES) ..."
"$BUILD_DIR/bench/koto-bench" --workload "$WORKLOAD" --samples "$SAMPLES" --json | tee -a "$results"
if ((run_torch)); then
    echo "PyTorch (bench/torch_reference.py, 1 thread) ..."
    env -u OPENBLAS_CORETYPE OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 \
        "$PYTHON" bench/torch_reference.py --workload "$WORKLOAD" --samples "$SAMPLES" --json | tee -a "$results"
fi
if ((run_sklearn)) && [[ "$WORKLOAD" != playground ]]; then
    echo "scikit-learn (bench/sklearn_reference.py, 1 thread) ..."
    env -u OPENBLAS_CORETYPE OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 \
        "$PYTHON" bench/sklearn_reference.py --samples "$SAMPLES" --json | tee -a "$results"
fi
echo

# --- table --------------------------------------------------------------------------------------
python3 - "$results" <<'EOF'
import json, sys

found = {}
for line in open(sys.argv[1]):
    if line.startswith("RESULT "):
        r = json.loads(line[7:])
        found[r["bench"]] = r

rows = [  # (label, ours, theirs, key, unit, higher is better)
    ("(a) playground: steps/s, Trainer::step() alone", "koto_playground_spiral", "torch_playground_spiral",
     "step_steps_per_s_median", "steps/s", True),
    ("(a) playground: steps/s, train() with per-epoch eval", "koto_playground_spiral", "torch_playground_spiral",
     "train_steps_per_s_median", "steps/s", True),
    ("(a) playground: evaluation per epoch (train+test)", "koto_playground_spiral", "torch_playground_spiral",
     "evaluate_us_median", "us", False),
    ("(b) fashion: s/epoch, steps only, vs PyTorch", "koto_fashion_mlp", "torch_fashion_mlp",
     "epoch_s_steps_median", "s", False),
    ("(b) fashion: s/epoch, steps only, vs scikit-learn", "koto_fashion_mlp", "sklearn_fashion_mlp",
     "epoch_s_steps_median", "s", False),
    ("(b) fashion: s/epoch with evaluation, vs PyTorch", "koto_fashion_mlp", "torch_fashion_mlp",
     "epoch_s_with_eval_median", "s", False),
    ("(b) fashion: evaluation (60k + 10k rows), vs PyTorch", "koto_fashion_mlp", "torch_fashion_mlp",
     "evaluate_s_median", "s", False),
    ("(b) fashion: peak memory, vs PyTorch", "koto_fashion_mlp", "torch_fashion_mlp", "peak_rss_mib", "MiB", False),
    ("(b) fashion: peak memory, vs scikit-learn", "koto_fashion_mlp", "sklearn_fashion_mlp", "peak_rss_mib", "MiB",
     False),
    ("(b) fashion: test accuracy after the same epochs", "koto_fashion_mlp", "torch_fashion_mlp", "final_test_acc", "",
     True),
]

def fmt(value, unit):
    if value is None:
        return "-"
    if unit == "steps/s":
        return f"{value:,.0f}"
    if unit == "us":
        return f"{value:.1f} us"
    if unit == "MiB":
        return f"{value:.0f} MiB"
    if unit == "":
        return f"{value:.4f}"
    return f"{value:.4f} s"

print(f"{'median of samples':52} {'Kotohajime':>12} {'reference':>12} {'ours/theirs':>13}  better")
print("-" * 100)
for label, ours_name, theirs_name, key, unit, higher in rows:
    ours = found.get(ours_name, {}).get(key)
    theirs = found.get(theirs_name, {}).get(key)
    if ours is None and theirs is None:
        continue
    ratio = f"{ours / theirs:.2f}x" if ours and theirs else "-"
    verdict = ""
    if ours and theirs and unit:
        speedup = ours / theirs if higher else theirs / ours
        what = "smaller" if unit == "MiB" else "faster"
        verdict = f"ours {speedup:.2f}x {what}" if speedup >= 1 else f"ours {1 / speedup:.2f}x not {what}"
    print(f"{label:52} {fmt(ours, unit):>12} {fmt(theirs, unit):>12} {ratio:>13}  {verdict}")

torch = found.get("torch_playground_spiral") or found.get("torch_fashion_mlp")
if torch:
    core = torch.get("openblas_core")
    forced = torch.get("openblas_core_forced")
    note = f" (detected {torch.get('openblas_core_detected')}, forced {forced})" if forced else ""
    print(f"\nPyTorch {torch.get('torch')}, {torch.get('threads')} thread, OpenBLAS kernel {core}{note}")
pg = found.get("koto_playground_spiral")
if pg:
    rate = pg["step_steps_per_s_median"]
    print(f"Target (a): >= 150,000 steps/s through Trainer::step() on one core: "
          f"{rate:,.0f} -> {'MET' if rate >= 150000 else 'NOT MET'}")
    t = found.get("torch_playground_spiral")
    if t:
        print(f"            >= 20x PyTorch: {rate / t['step_steps_per_s_median']:.1f}x")
ours = found.get("koto_fashion_mlp")
if ours:
    for name, key in (("PyTorch", "torch_fashion_mlp"), ("scikit-learn", "sklearn_fashion_mlp")):
        theirs = found.get(key)
        if theirs:
            ratio = ours["epoch_s_steps_median"] / theirs["epoch_s_steps_median"]
            print(f"Goal (b): Fashion-MNIST epoch at most half of {name}'s: {ratio:.2f} -> "
                  f"{'MET' if ratio <= 0.5 else 'NOT MET'}")
    print(f"Goal (b): peak memory under 300 MB: {ours['peak_rss_mib'] * 1.048576:.0f} MB -> "
          f"{'MET' if ours['peak_rss_mib'] * 1.048576 < 300 else 'NOT MET'}")
EOF
