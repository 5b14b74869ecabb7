#!/usr/bin/env bash
# The curriculum's deeper MLP on Fashion-MNIST: 784-256-128-10 ReLU, 10 epochs, and whether the
# test accuracy reaches 0.88 (the published MLP baseline is about 0.877). Not a timed figure:
# it checks what the training methods reach on real data. About 30 s on one core.
#
#   bash bench/fashion_accuracy.sh                 # Adam, lr 0.001, batch 64
#   OPTIMIZER=momentum LR=0.01 bash bench/fashion_accuracy.sh
#
# Environment: OPTIMIZER (adam), LR (0.001), BATCH (64), EPOCHS (10), SEED (1), BUILD_DIR (build).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
BUILD_DIR="${BUILD_DIR:-build}"
cli="$BUILD_DIR/app/kotohajime-cli"
[[ -x "$cli" ]] || cmake --build "$BUILD_DIR" --target kotohajime-cli -j "${JOBS:-2}"

"$cli" train --dataset fashion-mnist --layers dense:256:relu,dense:128:relu \
    --optimizer "${OPTIMIZER:-adam}" --lr "${LR:-0.001}" --batch "${BATCH:-64}" --epochs "${EPOCHS:-10}" \
    --seed "${SEED:-1}" --json |
    python3 -c '
import json, sys
best, best_epoch, last = 0.0, 0, None
for line in sys.stdin:
    r = json.loads(line)
    if r.get("final"):
        last = r
        continue
    print("epoch %3d  train loss %.4f  test accuracy %.4f  (%.1f s)" % (r["epoch"], r["train_loss"], r["test_accuracy"], r["seconds"]))
    if r["test_accuracy"] > best:
        best, best_epoch = r["test_accuracy"], r["epoch"]
print("best test accuracy %.4f at epoch %d; final %.4f" % (best, best_epoch, last["test_accuracy"]))
print("goal: test accuracy >= 0.88 within the epochs:", "MET" if best >= 0.88 else "NOT MET")
'
