"""How the PyTorch references start: thread counts and a fair OpenBLAS kernel set before torch
(and its BLAS) load, then torch's own thread settings.

    torch, forced, detected = torch_start.start(threads, keep_openblas_core)

`threads` is torch's intra-op thread count (OMP_NUM_THREADS unless set); inter-op work and
OpenBLAS stay on one thread. forced and detected are openblas_kernel.choose()'s answer.
"""
import os

import openblas_kernel


def start(threads, keep_openblas_core):
    os.environ.setdefault("OMP_NUM_THREADS", str(threads))
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    os.environ.setdefault("MKL_NUM_THREADS", "1")
    forced, detected = openblas_kernel.choose(keep_openblas_core)

    import torch

    torch.set_num_threads(threads)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
    return torch, forced, detected
