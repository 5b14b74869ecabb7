#!/usr/bin/env bash
# LSTM(64) on Fashion-MNIST rows as time steps, batch 64, SGD lr 0.05 momentum 0.9: Kotohajime's
# CPU backend (koto-bench-lstm) and then PyTorch on one thread
# (../shared/reference-bench/bench_torch_lstm.py, the same model and settings), one after the
# other so that both see the same machine. Seconds per epoch of training steps; about a minute.
#
#   bash bench/lstm.sh            # EPOCHS=2 (after one warm-up epoch for koto), BUILD_DIR=build
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
BUILD_DIR="${BUILD_DIR:-build}"
cmake --build "$BUILD_DIR" --target koto-bench-lstm -j "${JOBS:-2}" > /dev/null
"$BUILD_DIR/bench/koto-bench-lstm" --epochs "${EPOCHS:-2}"
reference=../shared/reference-bench/bench_torch_lstm.py
if [[ -f "$reference" ]] && /usr/bin/python3 -c 'import torch' 2> /dev/null; then
    env -u OPENBLAS_CORETYPE OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 \
        /usr/bin/python3 "$reference" --epochs "${EPOCHS:-2}" --threads 1
else
    echo "PyTorch reference skipped: needs $reference and python3-torch"
fi
