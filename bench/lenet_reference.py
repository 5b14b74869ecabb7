#!/usr/bin/python3
"""PyTorch reference for koto-bench's lenet workload: the LeNet-like CNN on Fashion-MNIST.

conv 5x5x6 (no padding) -> ReLU -> maxpool 2 -> conv 5x5x16 -> ReLU -> maxpool 2 -> flatten (256)
-> fc 120 -> ReLU -> fc 84 -> ReLU -> fc 10 (44,426 parameters, the network of
../shared/reference-bench/bench_torch_cnn.py and of `koto-bench --workload lenet`), softmax
cross-entropy, SGD lr 0.01 with momentum 0.9, batch 64, pixels / 255 as float32, all in memory.

A step is zero_grad + forward + loss + backward + SGD step on a mini-batch taken by index from the
shuffled order. Each sample times `--steps` steps (default: a whole epoch of 938) and scales them
to the epoch, by the wall clock and by the CPU time of this process (time.process_time(), which
other work on a shared machine does not stretch); then the evaluation of the 60,000 training and
10,000 test images under torch.no_grad(), in chunks of 256 as koto's Trainer evaluates.

    env -u OPENBLAS_CORETYPE OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/lenet_reference.py --threads 1

--threads N sets torch's intra-op threads (oneDNN convolutions, OpenMP); OpenBLAS stays at one
thread. OPENBLAS_CORETYPE is chosen as in bench/torch_reference.py. Prints `RESULT {json}` (only
that line with --json).
"""
import argparse
import json
import os
import statistics
import sys
import time

ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
ap.add_argument("--samples", type=int, default=3, help="timed samples (median reported)")
ap.add_argument("--steps", type=int, default=0, help="steps timed a sample, scaled to the epoch (0: a whole epoch)")
ap.add_argument("--threads", type=int, default=1, help="torch intra-op threads")
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("--json", action="store_true", help="print only the RESULT line")
ap.add_argument("--keep-openblas-core", action="store_true",
                help="do not override OpenBLAS's CPU detection even when it falls back to a pre-AVX kernel")
args = ap.parse_args()
if args.samples < 1 or args.steps < 0 or args.threads < 1:
    ap.error("--samples and --threads must be positive, --steps at least 0")

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import openblas_kernel  # noqa: E402
import torch_start  # noqa: E402

# torch's threads as asked, OpenBLAS's one.
torch, OPENBLAS_FORCED, OPENBLAS_DETECTED = torch_start.start(args.threads, args.keep_openblas_core)
import torch.nn as nn  # noqa: E402

import fashion_mnist  # noqa: E402


def say(text):
    if not args.json:
        print(text, flush=True)


torch.manual_seed(args.seed)
xtr, ytr = (torch.from_numpy(a) for a in fashion_mnist.load("train"))
xte, yte = (torch.from_numpy(a) for a in fashion_mnist.load("t10k"))
xtr, xte = xtr.reshape(-1, 1, 28, 28), xte.reshape(-1, 1, 28, 28)
model = nn.Sequential(
    nn.Conv2d(1, 6, 5), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(16 * 4 * 4, 120), nn.ReLU(),
    nn.Linear(120, 84), nn.ReLU(),
    nn.Linear(84, 10),
)
opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
lossf = nn.CrossEntropyLoss()
batch, n = 64, xtr.shape[0]
steps_per_epoch = (n + batch - 1) // batch
steps = min(args.steps, steps_per_epoch) if args.steps else steps_per_epoch


def train(count):
    """`count` steps from a fresh shuffle, as the start of an epoch."""
    perm = torch.randperm(n)
    for i in range(count):
        idx = perm[i * batch:(i + 1) * batch]
        opt.zero_grad(set_to_none=True)
        loss = lossf(model(xtr[idx]), ytr[idx])
        loss.backward()
        opt.step()


def evaluate():
    """Loss and accuracy of both parts, as koto's Trainer::evaluate() computes them; the test accuracy."""
    accuracy = {}
    with torch.no_grad():
        for name, x, y in (("train", xtr, ytr), ("test", xte, yte)):
            right, loss = 0, 0.0
            for i in range(0, x.shape[0], 256):
                logits = model(x[i:i + 256])
                loss += lossf(logits, y[i:i + 256]).item()
                right += (logits.argmax(1) == y[i:i + 256]).sum().item()
            accuracy[name] = right / x.shape[0]
    return accuracy["test"]


train(5)  # warm-up: oneDNN picks and prepares its kernels
epoch_s, epoch_cpu_s, eval_s, test_acc = [], [], [], []
for _ in range(args.samples):
    t0, c0 = time.perf_counter(), time.process_time()
    train(steps)
    epoch_s.append((time.perf_counter() - t0) * steps_per_epoch / steps)
    epoch_cpu_s.append((time.process_time() - c0) * steps_per_epoch / steps)
    t0 = time.perf_counter()
    test_acc.append(evaluate())
    eval_s.append(time.perf_counter() - t0)

say(f"torch lenet: Fashion-MNIST, LeNet-like CNN, batch 64, momentum 0.9, lr 0.01, {steps_per_epoch} steps/epoch, "
    f"{torch.get_num_threads()} thread(s)")
say(f"  epoch of steps ({steps} timed a sample)  median {statistics.median(epoch_s):.3f} s  min {min(epoch_s):.3f} s  "
    f"(CPU time: median {statistics.median(epoch_cpu_s):.3f} s)")
say(f"  evaluation (60000 + 10000 images)  median {statistics.median(eval_s):.3f} s")
result = {"bench": "torch_lenet", "batch": batch, "lr": 0.01, "optimizer": "momentum 0.9",
          "steps_per_epoch": steps_per_epoch, "steps_per_sample": steps, "samples": args.samples,
          "epoch_s_median": round(statistics.median(epoch_s), 4), "epoch_s_min": round(min(epoch_s), 4),
          "epoch_s": [round(v, 4) for v in epoch_s],
          "epoch_cpu_s_median": round(statistics.median(epoch_cpu_s), 4),
          "epoch_cpu_s": [round(v, 4) for v in epoch_cpu_s],
          "evaluate_s_median": round(statistics.median(eval_s), 4), "test_acc": [round(a, 4) for a in test_acc],
          "params": sum(p.numel() for p in model.parameters()), "torch": torch.__version__,
          "threads": torch.get_num_threads(), "mkldnn": torch.backends.mkldnn.is_available(),
          "openblas_core": openblas_kernel.current() or None, "openblas_core_forced": OPENBLAS_FORCED,
          "OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS")}
print("RESULT " + json.dumps(result), flush=True)
