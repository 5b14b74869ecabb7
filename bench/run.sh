#!/usr/bin/env bash
# Builds koto-bench, runs it and the PyTorch reference on the same two workloads in one go, and
# prints a table of the figures and the ratios ours / PyTorch. See bench/README.md.
#
#   bash bench/run.sh                 # both workloads, 7 samples each
#   SAMPLES=3 WORKLOAD=playground bash bench/run.sh
#
# Environment: SAMPLES (default 7), WORKLOAD (playground|mlp|all, default all), BUILD_DIR
# (default ./build), JOBS (ninja -j, default 2). Installs nothing.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
SAMPLES="${SAMPLES:-7}"
WORKLOAD="${WORKLOAD:-all}"
BUILD_DIR="${BUILD_DIR:-build}"
JOBS="${JOBS:-2}"
PYTHON=/usr/bin/python3

# --- what the PyTorch reference needs (checked, never installed) ------------------------------
have_package() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
missing=()
if command -v dpkg-query >/dev/null; then
    for package in python3-torch libopenblas0-pthread; do
        have_package "$package" || missing+=("$package")
    done
elif ! "$PYTHON" -c 'import torch' 2>/dev/null; then
    missing+=(python3-torch)
fi
[[ -x "$PYTHON" ]] || missing+=(python3)
run_reference=1
if ((${#missing[@]})); then
    run_reference=0
    echo "run.sh: the PyTorch reference needs: ${missing[*]}" >&2
    echo "        install with:  sudo apt-get install ${missing[*]}" >&2
    echo "        (without libopenblas0-pthread torch uses the reference BLAS, 3-19x slower: an unfair yardstick)" >&2
    echo "        running Kotohajime's benchmark alone." >&2
fi

# --- build ---------------------------------------------------------------------------------------
if [[ -f "$BUILD_DIR/CMakeCache.txt" ]]; then
    cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >/dev/null
else
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$BUILD_DIR" --target koto-bench -j "$JOBS"

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
if ((run_reference)); then
    echo "PyTorch (bench/torch_reference.py, 1 thread) ..."
    env -u OPENBLAS_CORETYPE OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 \
        "$PYTHON" bench/torch_reference.py --workload "$WORKLOAD" --samples "$SAMPLES" --json | tee -a "$results"
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
    ("(b) mlp: s/epoch, steps only", "koto_mlp_random_mnist", "torch_mlp_random_mnist",
     "epoch_s_steps_median", "s", False),
    ("(b) mlp: s/epoch, with evaluation", "koto_mlp_random_mnist", "torch_mlp_random_mnist",
     "epoch_s_with_eval_median", "s", False),
    ("(b) mlp: evaluation (60k + 10k rows)", "koto_mlp_random_mnist", "torch_mlp_random_mnist",
     "evaluate_s_median", "s", False),
]

def fmt(value, unit):
    if value is None:
        return "-"
    if unit == "steps/s":
        return f"{value:,.0f}"
    if unit == "us":
        return f"{value:.1f} us"
    return f"{value:.4f} s"

print(f"{'median of samples':52} {'Kotohajime':>12} {'PyTorch':>12} {'ours/PyTorch':>13}  better")
print("-" * 100)
for label, ours_name, theirs_name, key, unit, higher in rows:
    ours = found.get(ours_name, {}).get(key)
    theirs = found.get(theirs_name, {}).get(key)
    if ours is None and theirs is None:
        continue
    ratio = f"{ours / theirs:.2f}x" if ours and theirs else "-"
    verdict = ""
    if ours and theirs:
        speedup = ours / theirs if higher else theirs / ours
        verdict = f"ours {speedup:.2f}x faster" if speedup >= 1 else f"ours {1 / speedup:.2f}x slower"
    print(f"{label:52} {fmt(ours, unit):>12} {fmt(theirs, unit):>12} {ratio:>13}  {verdict}")

torch = found.get("torch_playground_spiral") or found.get("torch_mlp_random_mnist")
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
EOF
