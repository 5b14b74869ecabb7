#!/usr/bin/env bash
# Part 12's unsupervised models on Fashion-MNIST, and whether pre-training helps. Not timed
# figures: what the models reach on real data, with fixed seeds. About 3 minutes on one core.
#
#   bash bench/unsupervised.sh            # all three
#   PART=autoencoder bash bench/unsupervised.sh   # PART=autoencoder|rbm|pretrain
#
# (a) autoencoder 784-256-64-256-784 (ReLU, sigmoid output, MSE), Adam lr 0.001, batch 64,
#     5 epochs on the 60,000 training images: goal test reconstruction MSE per pixel < 0.02.
# (b) RBM 784-128, CD-1, momentum 0.5, lr 0.05, batch 20, 5 epochs: reconstruction error per
#     epoch (goal: falling) and the mean free energy of the training and test images.
# (c) pre-training: a 784-256-10 sigmoid classifier trained on N_SMALL (1000) labelled images,
#     SGD lr 0.1, batch 20, 20 epochs, from random weights, or from an RBM's (CD-1) or an
#     autoencoder's, pre-trained either on the same 1000 images (10 epochs) or on all 60,000
#     training images without their labels (3 epochs, --pretrain-data fashion-mnist); the test
#     accuracy on the 10,000 test images, final and best.
#
# Environment: BUILD_DIR (build), SEED (1), N_SMALL (1000).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
BUILD_DIR="${BUILD_DIR:-build}"
cli="$BUILD_DIR/app/kotohajime-cli"
[[ -x "$cli" ]] || cmake --build "$BUILD_DIR" --target kotohajime-cli -j "${JOBS:-2}"
PART="${PART:-all}"
SEED="${SEED:-1}"
N_SMALL="${N_SMALL:-1000}"

if [[ "$PART" == all || "$PART" == autoencoder ]]; then
    echo "== (a) autoencoder 784-256-64-256-784 on fashion-mnist"
    "$cli" train --model autoencoder:256,64 --dataset fashion-mnist --optimizer adam --lr 0.001 --batch 64 \
        --epochs 5 --seed "$SEED" --json |
        python3 -c '
import json, sys
last = None
for line in sys.stdin:
    r = json.loads(line)
    last = r
    print("epoch %d  reconstruction MSE train %.5f test %.5f  (%.1f s)" % (r["epoch"], r["train_reconstruction_mse"], r["test_reconstruction_mse"], r["seconds"]))
print("goal: test reconstruction MSE < 0.02:", "MET" if last["test_reconstruction_mse"] < 0.02 else "NOT MET")
'
fi

if [[ "$PART" == all || "$PART" == rbm ]]; then
    echo "== (b) RBM 784-128, CD-1, on fashion-mnist"
    "$cli" train --model rbm:128 --cd 1 --dataset fashion-mnist --optimizer momentum --momentum 0.5 --lr 0.05 \
        --batch 20 --epochs 5 --seed "$SEED" --json |
        python3 -c '
import json, sys
errors = []
for line in sys.stdin:
    r = json.loads(line)
    errors.append(r["train_reconstruction_error"])
    print("epoch %d  reconstruction error train %.5f test %.5f  free energy train %.2f test %.2f  (%.1f s)" % (
        r["epoch"], r["train_reconstruction_error"], r["test_reconstruction_error"], r["train_free_energy"],
        r["test_free_energy"], r["seconds"]))
falling = all(b < a for a, b in zip(errors, errors[1:]))
print("goal: reconstruction error falling every epoch:", "MET" if falling else "NOT MET")
'
fi

if [[ "$PART" == all || "$PART" == pretrain ]]; then
    echo "== (c) 784-256-10 sigmoid classifier on $N_SMALL labelled training images, with and without pre-training"
    # label / pre-training inputs / pre-training epochs
    for run in "none" "rbm small 10" "autoencoder small 10" "rbm all 3" "autoencoder all 3"; do
        read -r pretrain inputs epochs <<<"$run"
        extra=()
        if [[ "$pretrain" != none ]]; then
            extra=(--pretrain "$pretrain" --pretrain-epochs "$epochs")
            [[ "$inputs" == all ]] && extra+=(--pretrain-data fashion-mnist)
        fi
        "$cli" train --dataset "fashion-mnist:n=$N_SMALL" --layers dense:256:sigmoid --lr 0.1 --batch 20 --epochs 20 \
            --seed "$SEED" --json "${extra[@]}" |
            RUN="$run" python3 -c '
import json, os, sys
best, best_epoch, final, pre = 0.0, 0, None, None
for line in sys.stdin:
    r = json.loads(line)
    if "pretrain" in r:
        pre = r
    elif r.get("final"):
        final = r
    elif r["test_accuracy"] > best:
        best, best_epoch = r["test_accuracy"], r["epoch"]
words = os.environ["RUN"].split()
what = "no pre-training" if words[0] == "none" else "%s, %d epochs on %s" % (
    words[0], int(words[2]), "the same images" if words[1] == "small" else "all 60000 images")
note = "" if pre is None else "  (reconstruction error %.4f)" % pre["reconstruction_error"]
print("%-42s test accuracy final %.4f, best %.4f (epoch %d)%s" % (what, final["test_accuracy"], best, best_epoch, note))
'
    done
fi
