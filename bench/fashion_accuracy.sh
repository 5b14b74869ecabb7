#!/usr/bin/env bash
# What a network reaches on Fashion-MNIST, and whether its test accuracy reaches 0.88 (the
# published MLP baseline is about 0.877). By default the curriculum's deeper MLP, 784-256-128-10
# ReLU, for 10 epochs (about 30 s on one core). Not a timed figure: it checks what the training
# methods reach on real data.
#
#   bash bench/fashion_accuracy.sh                 # the MLP, Adam, lr 0.001, batch 64
#   OPTIMIZER=momentum LR=0.01 bash bench/fashion_accuracy.sh
#   LAYERS=lenet EPOCHS=5 bash bench/fashion_accuracy.sh   # the LeNet-like CNN of issue 4
#
# Environment: LAYERS (the --layers tokens, or "lenet"), OPTIMIZER (adam), LR (0.001), BATCH (64),
# EPOCHS (10), SEED (1), BUILD_DIR (build).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
BUILD_DIR="${BUILD_DIR:-build}"
cli="$BUILD_DIR/app/kotohajime-cli"
[[ -x "$cli" ]] || cmake --build "$BUILD_DIR" --target kotohajime-cli -j "${JOBS:-2}"

LAYERS="${LAYERS:-dense:256:relu,dense:128:relu}"
[[ "$LAYERS" == lenet ]] && LAYERS=conv:6:5,maxpool:2,conv:16:5,maxpool:2,flatten,dense:120:relu,dense:84:relu

"$cli" train --dataset fashion-mnist --layers "$LAYERS" \
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
