#!/usr/bin/python3
"""PyTorch reference for koto-bench: the same two workloads, on one thread.

  playground  TF-Playground spiral (classifySpiralData, 500 points, noise 0, random half for
              training = 250 rows), MLP 2-8-8-2 tanh, softmax cross-entropy, batch 10, plain SGD
              lr 0.03: optimizer steps per second (25 steps per epoch).
  fashion     Fashion-MNIST (Debian's dataset-fashion-mnist, pixels / 255 as float32, all in
              memory), MLP 784-128-10 ReLU, batch 64, SGD lr 0.01 with momentum 0.9: seconds
              per epoch (938 steps per epoch), test accuracy and peak memory.

A step is zero_grad + forward + loss + backward + SGD step on a mini-batch taken by index from
the shuffled order (torch.randperm once per epoch, included in the timing). "Steps only" times
epochs of steps alone; "with evaluation" adds, after every epoch, what koto's Trainer::train()
does: loss and accuracy on the training and the test part (under torch.no_grad()).

Run with Debian's interpreter and a fair single-threaded OpenBLAS (see bench/README.md):

    env -u OPENBLAS_CORETYPE OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/torch_reference.py --workload all

OpenBLAS 0.3.21 falls back to its SSE3 "Prescott" kernels on CPU models it does not know (this
VM's); the script then sets OPENBLAS_CORETYPE to the AVX-512 (or AVX2) kernel the CPU supports,
unless OPENBLAS_CORETYPE is set or --keep-openblas-core is given. The RESULT lines name the kernel.

Prints one line `RESULT {json}` per workload (only those lines with --json).
"""
import argparse
import json
import math
import os
import statistics
import sys
import time

ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
ap.add_argument("--workload", choices=("playground", "fashion", "all"), default="all")
ap.add_argument("--samples", type=int, default=7, help="timed samples per figure (median reported)")
ap.add_argument("--playground-epochs", type=int, default=40, help="epochs per playground sample (25 steps each)")
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("--threads", type=int, default=1,
                help="torch's intra-op threads (give OpenBLAS as many with OPENBLAS_NUM_THREADS)")
ap.add_argument("--json", action="store_true", help="print only the RESULT lines")
ap.add_argument("--keep-openblas-core", action="store_true",
                help="do not override OpenBLAS's CPU detection even when it falls back to a pre-AVX kernel")
args = ap.parse_args()
if args.samples < 1 or args.playground_epochs < 1 or args.threads < 1:
    ap.error("--samples, --playground-epochs and --threads must be positive")

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import openblas_kernel  # noqa: E402
import torch_start  # noqa: E402

# One thread everywhere unless --threads says otherwise.
torch, OPENBLAS_FORCED, OPENBLAS_DETECTED = torch_start.start(args.threads, args.keep_openblas_core)
import torch.nn as nn  # noqa: E402

import fashion_mnist  # noqa: E402


def say(text):
    if not args.json:
        print(text, flush=True)


if OPENBLAS_FORCED:
    say(f"torch_reference: OpenBLAS detected the '{OPENBLAS_DETECTED}' kernel on this CPU; using "
        f"OPENBLAS_CORETYPE={OPENBLAS_FORCED} (--keep-openblas-core to keep the detected one)")


def loaded_blas():
    """Shared libraries with BLAS in their name that this process actually mapped."""
    names = set()
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                path = line.split()[-1] if len(line.split()) >= 6 else ""
                base = os.path.basename(path)
                if "blas" in base or "lapack" in base or "mkl" in base:
                    names.add(os.path.realpath(path))
    except OSError:
        pass
    return sorted(names)


def environment():
    return {"torch": torch.__version__, "threads": torch.get_num_threads(), "blas": loaded_blas(),
            "openblas_core": openblas_kernel.current() or None, "openblas_core_detected": OPENBLAS_DETECTED or None,
            "openblas_core_forced": OPENBLAS_FORCED,
            "OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS"),
            "OPENBLAS_CORETYPE": os.environ.get("OPENBLAS_CORETYPE")}


def spiral(points, noise, gen):
    """TF Playground's classifySpiralData: two arms of points/2 each; label 1 for deltaT 0, 0 for pi."""
    n = points // 2
    xs, ys = [], []
    for delta_t, label in ((0.0, 1), (math.pi, 0)):
        for i in range(n):
            r = i / n * 5
            t = 1.75 * i / n * 2 * math.pi + delta_t
            nx, ny = ((torch.rand(2, generator=gen) * 2 - 1) * noise).tolist()
            xs.append((r * math.sin(t) + nx, r * math.cos(t) + ny))
            ys.append(label)
    return torch.tensor(xs, dtype=torch.float32), torch.tensor(ys, dtype=torch.int64)


class Workload:
    """A model, its SGD optimizer and a train/test split; epochs with or without evaluation."""

    def __init__(self, model, lr, batch, xtr, ytr, xte, yte, momentum=0.0):
        self.model, self.batch = model, batch
        self.xtr, self.ytr, self.xte, self.yte = xtr, ytr, xte, yte
        self.opt = torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum)
        self.lossf = nn.CrossEntropyLoss()
        self.n = xtr.shape[0]
        self.steps_per_epoch = (self.n + batch - 1) // batch

    def epoch(self):
        model, opt, lossf, xtr, ytr, n, b = self.model, self.opt, self.lossf, self.xtr, self.ytr, self.n, self.batch
        perm = torch.randperm(n)
        for i in range(0, n, b):
            idx = perm[i:i + b]
            opt.zero_grad(set_to_none=True)
            loss = lossf(model(xtr[idx]), ytr[idx])
            loss.backward()
            opt.step()

    def evaluate(self):
        """Loss and accuracy on both parts, as koto's Trainer does after every epoch."""
        out = {}
        with torch.no_grad():
            for name, x, y in (("train", self.xtr, self.ytr), ("test", self.xte, self.yte)):
                logits = self.model(x)
                out[name] = (self.lossf(logits, y).item(), (logits.argmax(1) == y).float().mean().item())
        return out


def median(values):
    return statistics.median(values)


def playground():
    torch.manual_seed(args.seed)
    gen = torch.Generator().manual_seed(args.seed)
    x, y = spiral(500, 0.0, gen)
    order = torch.randperm(x.shape[0], generator=gen)  # random split in half
    half = x.shape[0] // 2
    tr, te = order[:half], order[half:]
    model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 8), nn.Tanh(), nn.Linear(8, 2))
    w = Workload(model, 0.03, 10, x[tr], y[tr], x[te], y[te])
    epochs = args.playground_epochs
    for _ in range(5):  # warm-up
        w.epoch()
        w.evaluate()

    steps_only, with_eval, eval_us = [], [], []
    for _ in range(args.samples):
        t0 = time.perf_counter()
        for _ in range(epochs):
            w.epoch()
        steps_only.append(epochs * w.steps_per_epoch / (time.perf_counter() - t0))

        t0 = time.perf_counter()
        for _ in range(epochs):
            w.epoch()
            w.evaluate()
        with_eval.append(epochs * w.steps_per_epoch / (time.perf_counter() - t0))

        t0 = time.perf_counter()
        for _ in range(epochs):
            w.evaluate()
        eval_us.append((time.perf_counter() - t0) / epochs * 1e6)
    final = w.evaluate()
    s, t = median(steps_only), median(with_eval)
    say(f"torch playground: spiral {w.n} training rows, 2-8-8-2 tanh, batch 10, SGD 0.03, "
        f"{w.steps_per_epoch} steps/epoch")
    say(f"  steps only        median {s:10.0f} steps/s  best {max(steps_only):10.0f}  ({1e6 / s:.1f} us/step)")
    say(f"  with evaluation   median {t:10.0f} steps/s  best {max(with_eval):10.0f}  ({1e6 / t:.1f} us/step)")
    say(f"  evaluation alone  median {median(eval_us):.1f} us per epoch")
    res = {"bench": "torch_playground_spiral", "points": 500, "train_rows": w.n, "batch": 10, "net": "2-8-8-2 tanh",
           "lr": 0.03, "steps_per_epoch": w.steps_per_epoch, "epochs_per_sample": epochs, "samples": args.samples,
           "step_steps_per_s_median": round(s, 1), "step_steps_per_s_best": round(max(steps_only), 1),
           "step_us_per_step_median": round(1e6 / s, 2), "step_steps_per_s": [round(v, 1) for v in steps_only],
           "train_steps_per_s_median": round(t, 1), "train_steps_per_s_best": round(max(with_eval), 1),
           "train_us_per_step_median": round(1e6 / t, 2), "train_steps_per_s": [round(v, 1) for v in with_eval],
           "evaluate_us_median": round(median(eval_us), 2),
           "train_acc_after": round(final["train"][1], 4), "test_acc_after": round(final["test"][1], 4)}
    res.update(environment())
    print("RESULT " + json.dumps(res), flush=True)


def fashion():
    torch.manual_seed(args.seed)
    xtr, ytr = (torch.from_numpy(a) for a in fashion_mnist.load("train"))
    xte, yte = (torch.from_numpy(a) for a in fashion_mnist.load("t10k"))
    model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))
    w = Workload(model, 0.01, 64, xtr, ytr, xte, yte, momentum=0.9)
    w.epoch()  # warm-up
    w.evaluate()

    steps_only, with_eval, eval_s, test_acc = [], [], [], []
    for _ in range(args.samples):
        t0 = time.perf_counter()
        w.epoch()
        steps_only.append(time.perf_counter() - t0)
        test_acc.append(w.evaluate()["test"][1])

        t0 = time.perf_counter()
        w.epoch()
        w.evaluate()
        with_eval.append(time.perf_counter() - t0)

        t0 = time.perf_counter()
        w.evaluate()
        eval_s.append(time.perf_counter() - t0)
    final = w.evaluate()
    s, t = median(steps_only), median(with_eval)
    peak = fashion_mnist.peak_rss_mib()
    say(f"torch fashion: Fashion-MNIST 60000 + 10000, 784-128-10 relu, batch 64, momentum 0.9, lr 0.01, "
        f"{w.steps_per_epoch} steps/epoch")
    say(f"  epoch, steps only      median {s:.4f} s  min {min(steps_only):.4f} s  ({w.steps_per_epoch / s:.0f} steps/s)")
    say(f"  epoch with evaluation  median {t:.4f} s  min {min(with_eval):.4f} s")
    say(f"  evaluation alone       median {median(eval_s):.4f} s")
    say(f"  after {1 + 2 * args.samples} epochs: test accuracy {final['test'][1]:.4f}; peak memory {peak:.0f} MiB")
    res = {"bench": "torch_fashion_mlp", "train_rows": w.n, "test_rows": xte.shape[0], "batch": 64,
           "net": "784-128-10 relu", "optimizer": "momentum 0.9", "lr": 0.01, "steps_per_epoch": w.steps_per_epoch,
           "samples": args.samples,
           "epoch_s_steps_median": round(s, 5), "epoch_s_steps_min": round(min(steps_only), 5),
           "epoch_s_steps": [round(v, 5) for v in steps_only],
           "epoch_s_with_eval_median": round(t, 5), "epoch_s_with_eval_min": round(min(with_eval), 5),
           "epoch_s_with_eval": [round(v, 5) for v in with_eval],
           "evaluate_s_median": round(median(eval_s), 5), "test_acc": [round(a, 4) for a in test_acc],
           "epochs_trained": 1 + 2 * args.samples, "final_test_acc": round(final["test"][1], 4),
           "peak_rss_mib": round(peak, 1)}
    res.update(environment())
    print("RESULT " + json.dumps(res), flush=True)


if args.workload in ("playground", "all"):
    playground()
if args.workload in ("fashion", "all"):
    fashion()
