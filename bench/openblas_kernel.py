"""Which OpenBLAS kernel the Python references run on, and a fair choice of it.

OpenBLAS 0.3.21 (Debian 12) does not know newer CPU models (this VM's family 6 model 207) and
falls back to its Prescott (SSE3) kernels, 3-4x slower than the AVX-512 ones: a reference on those
flatters us. choose() picks the kernel the CPU's instruction set supports instead, unless the
caller set OPENBLAS_CORETYPE or asked to keep the detected one. Call it before numpy or torch load.
"""
import os
import subprocess
import sys

PROBE = ("import ctypes\n"
         "try:\n"
         "    f = ctypes.CDLL('libblas.so.3').openblas_get_corename\n"
         "    f.restype = ctypes.c_char_p\n"
         "    print(f().decode())\n"
         "except (OSError, AttributeError):\n"
         "    print('')\n")


def current():
    """The kernel OpenBLAS (behind libblas.so.3) picks with this environment; '' if not OpenBLAS."""
    try:
        return subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                              timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def cpu_flags():
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("flags"):
                    return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


def choose(keep_detected):
    """Sets OPENBLAS_CORETYPE when OpenBLAS would fall back to a pre-AVX2 kernel on a CPU that has
    AVX-512 (or AVX2 and FMA). Returns (forced kernel or None, detected kernel)."""
    detected = current()
    forced = None
    if detected and "OPENBLAS_CORETYPE" not in os.environ and not keep_detected:
        flags = cpu_flags()
        avx512 = {"SkylakeX", "Cooperlake", "SapphireRapids"}
        if "avx512f" in flags and detected not in avx512:
            forced = "SkylakeX"
        elif "avx2" in flags and "fma" in flags and detected not in avx512 | {"Haswell", "Zen"}:
            forced = "Haswell"
        if forced:
            os.environ["OPENBLAS_CORETYPE"] = forced
    return forced, detected
