#!/usr/bin/env bash
# The app against kotohajime-cli on the same run (issue 17: the app with its default views at
# least 90 % as fast as the CLI): the Templates' LeNet-like CNN on fashion-mnist:n=5000, batch 10,
# SGD lr 0.1 (500 steps an epoch, each epoch's evaluation included on both sides), round after
# round, the CLI and the app back to back in alternating order, with each thread count. See
# bench/README.md ("The app against kotohajime-cli").
#
#   bash bench/app_vs_cli.sh                     # 5 rounds of 1 and 2 threads: ~12 min
#
# Environment: ROUNDS (default 5), THREADS (default "1 2"), APP_SECONDS (the app's seconds with
# views open and with them hidden, each; default 20), CLI_EPOCHS (default 8: the first is left out
# as warm-up), BUILD_DIR (default ./build), JOBS (default 2), SKIP_BUILD=1 to use what is built.
# Installs nothing. Meaningful only on an idle machine.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROUNDS="${ROUNDS:-5}"
THREADS="${THREADS:-1 2}"
APP_SECONDS="${APP_SECONDS:-20}"
CLI_EPOCHS="${CLI_EPOCHS:-8}"
BUILD_DIR="${BUILD_DIR:-build}"
JOBS="${JOBS:-2}"
source bench/common.sh

require_packages app_vs_cli.sh dataset-fashion-mnist
[[ "${SKIP_BUILD:-0}" == 1 ]] || build_release koto-gui-bench kotohajime-cli

print_machine "the GUI and training threads share these cores with it"

results="$(mktemp)"
trap 'rm -f "$results"' EXIT
layers=conv:6:5,maxpool:2,conv:16:5,maxpool:2,flatten,dense:120:relu,dense:84:relu
cli() {  # ROUND THREADS: steps per second over epochs 2.., from each epoch's own seconds
    "$BUILD_DIR/app/kotohajime-cli" train --dataset fashion-mnist:n=5000 --layers "$layers" \
        --batch 10 --lr 0.1 --epochs "$CLI_EPOCHS" --threads "$2" --json |
        python3 -c '
import json, sys
epochs = [json.loads(line) for line in sys.stdin if line.startswith("{")]
epochs = [e for e in epochs if not e.get("final")][1:]
steps = len(epochs) * (epochs[0]["steps"] // epochs[0]["epoch"])  # the same steps each epoch
print(json.dumps({"side": "cli", "round": int(sys.argv[1]), "threads": int(sys.argv[2]),
                  "steps_per_s": steps / sum(e["seconds"] for e in epochs)}))' "$1" "$2" |
        tee -a "$results"
}
app() {  # ROUND THREADS
    QT_QPA_PLATFORM=offscreen "$BUILD_DIR/bench/koto-gui-bench" --workload lenet \
        --seconds "$APP_SECONDS" --round-seconds "$APP_SECONDS" --threads "$2" \
        2> >(grep -v 'does not support propagateSizeHints' >&2) |
        python3 -c '
import json, sys
r = next(json.loads(line[7:]) for line in sys.stdin if line.startswith("RESULT "))
print(json.dumps({"side": "app", "round": int(sys.argv[1]), "threads": int(sys.argv[2]),
                  "steps_per_s": r["steps_per_s_views"],
                  "steps_per_s_no_views": r["steps_per_s_no_views"]}))' "$1" "$2" |
        tee -a "$results"
}
for ((round = 1; round <= ROUNDS; ++round)); do
    for threads in $THREADS; do
        echo "round $round of $ROUNDS, $threads thread(s)"
        if ((round % 2)); then cli "$round" "$threads"; app "$round" "$threads"
        else app "$round" "$threads"; cli "$round" "$threads"; fi
    done
done
echo

python3 - "$results" <<'PYTHON'
import json, statistics, sys

runs = [json.loads(line) for line in open(sys.argv[1])]
for threads in sorted({r["threads"] for r in runs}):
    side = lambda name: {r["round"]: r for r in runs if r["side"] == name and r["threads"] == threads}
    cli, app = side("cli"), side("app")
    rounds = sorted(set(cli) & set(app))
    ratios = [app[k]["steps_per_s"] / cli[k]["steps_per_s"] for k in rounds]
    hidden = [app[k]["steps_per_s_no_views"] / cli[k]["steps_per_s"] for k in rounds]
    print(f"{threads} thread(s), {len(rounds)} rounds: CLI {statistics.median(c['steps_per_s'] for c in cli.values()):,.0f} steps/s, "
          f"app with views {statistics.median(a['steps_per_s'] for a in app.values()):,.0f}, "
          f"hidden {statistics.median(a['steps_per_s_no_views'] for a in app.values()):,.0f}")
    print(f"  app with views / CLI: {statistics.median(ratios):.2f} (rounds {min(ratios):.2f}-{max(ratios):.2f}); "
          f"views hidden / CLI: {statistics.median(hidden):.2f}; goal >= 0.90: "
          f"{'MET' if statistics.median(ratios) >= 0.9 else 'NOT MET'}")
PYTHON
