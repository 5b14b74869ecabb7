#!/usr/bin/python3
"""scikit-learn reference for koto-bench's fashion workload, on one thread.

MLPClassifier(hidden_layer_sizes=(128,), activation="relu", solver="sgd", momentum 0.9 (plain,
not Nesterov), batch 64, learning_rate_init 0.01, alpha 0: the same network, optimizer and
batches as koto's and torch's runs, without sklearn's default L2 penalty that they do not have).
One partial_fit call is one epoch (shuffle + every mini-batch step); each epoch is timed alone,
the test accuracy measured after it.

    env -u OPENBLAS_CORETYPE OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/sklearn_reference.py --samples 7

sklearn multiplies through numpy, i.e. through libblas.so.3: OpenBLAS once libopenblas0-pthread
is installed (the reference BLAS otherwise, 3-19x slower). As in torch_reference.py, OpenBLAS's
fallback to pre-AVX kernels on CPUs it does not know is overridden unless OPENBLAS_CORETYPE is
set or --keep-openblas-core is given. Prints `RESULT {json}` (only that line with --json).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
ap.add_argument("--samples", type=int, default=7, help="timed epochs after one warm-up epoch (median reported)")
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("--json", action="store_true", help="print only the RESULT line")
ap.add_argument("--keep-openblas-core", action="store_true")
args = ap.parse_args()
if args.samples < 1:
    ap.error("--samples must be positive")

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import openblas_kernel  # noqa: E402

FORCED, DETECTED = openblas_kernel.choose(args.keep_openblas_core)

import warnings  # noqa: E402

import numpy as np  # noqa: E402
import sklearn  # noqa: E402
from sklearn.neural_network import MLPClassifier  # noqa: E402

import fashion_mnist  # noqa: E402

xtr, ytr = fashion_mnist.load("train")
xte, yte = fashion_mnist.load("t10k")
model = MLPClassifier(hidden_layer_sizes=(128,), activation="relu", solver="sgd", momentum=0.9,
                      nesterovs_momentum=False, batch_size=64, learning_rate_init=0.01, alpha=0.0,
                      shuffle=True, random_state=args.seed)
classes = np.arange(10)
epoch_s, test_acc = [], []
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    model.partial_fit(xtr, ytr, classes=classes)  # warm-up
    for _ in range(args.samples):
        t0 = time.perf_counter()
        model.partial_fit(xtr, ytr, classes=classes)
        epoch_s.append(time.perf_counter() - t0)
        test_acc.append(float((model.predict(xte) == yte).mean()))
        if not args.json:
            print(f"epoch {len(epoch_s) + 1}: {epoch_s[-1]:.3f} s  test accuracy {test_acc[-1]:.4f}", flush=True)

s = statistics.median(epoch_s)
peak = fashion_mnist.peak_rss_mib()
if not args.json:
    print(f"sklearn fashion: epoch median {s:.4f} s  min {min(epoch_s):.4f} s; peak memory {peak:.0f} MiB")
res = {"bench": "sklearn_fashion_mlp", "batch": 64, "net": "784-128-10 relu", "optimizer": "momentum 0.9",
       "lr": 0.01, "alpha": 0.0, "samples": args.samples, "epoch_s_steps_median": round(s, 5),
       "epoch_s_steps_min": round(min(epoch_s), 5), "epoch_s_steps": [round(v, 5) for v in epoch_s],
       "test_acc": [round(a, 4) for a in test_acc], "epochs_trained": 1 + args.samples,
       "final_test_acc": round(test_acc[-1], 4), "peak_rss_mib": round(peak, 1),
       "sklearn": sklearn.__version__, "numpy": np.__version__, "coef_dtype": str(model.coefs_[0].dtype),
       "openblas_core": openblas_kernel.current() or None, "openblas_core_detected": DETECTED or None,
       "openblas_core_forced": FORCED, "OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS")}
print("RESULT " + json.dumps(res), flush=True)
