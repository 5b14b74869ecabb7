"""Fashion-MNIST for the Python references (numpy only): the four IDX files of Debian's
dataset-fashion-mnist, read the way koto's IDX reader reads them, and the peak memory figure.

FASHION_MNIST_DIR overrides /usr/share/datasets/fashion-mnist.
"""
import gzip
import os
import resource
import struct

import numpy as np

DIRECTORY = os.environ.get("FASHION_MNIST_DIR", "/usr/share/datasets/fashion-mnist")


def read_idx(path):
    """An unsigned-byte IDX array (gzip or raw), with its dimensions checked against its size."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    zero, kind, ndim = struct.unpack(">HBB", data[:4])
    if zero != 0 or kind != 0x08:
        raise ValueError(f"{path}: not an unsigned-byte IDX file")
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    values = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim)
    if values.size != int(np.prod(dims)):
        raise ValueError(f"{path}: {values.size} values for dimensions {dims}")
    return values.reshape(dims)


def load(part):
    """part 'train' (60,000) or 't10k' (10,000): X float32 (N, 784) in [0, 1], y int64 (N,)."""
    def find(name):
        for candidate in (name + ".gz", name):
            path = os.path.join(DIRECTORY, candidate)
            if os.path.exists(path):
                return path
        raise FileNotFoundError(f"{name}(.gz) not in {DIRECTORY} (apt-get install dataset-fashion-mnist)")

    images = read_idx(find(f"{part}-images-idx3-ubyte"))
    labels = read_idx(find(f"{part}-labels-idx1-ubyte"))
    x = images.reshape(images.shape[0], -1).astype(np.float32) / np.float32(255)
    return x, labels.astype(np.int64)


def peak_rss_mib():
    """This process's peak resident memory so far (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
