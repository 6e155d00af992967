"""GPU check for ``astc.hybridize(net, target="cuda")``: run on a machine with a CUDA GPU.

    python benchmarks/gpu_hybrid.py [--calls 1000]

For the chapter's MLP (512-256-128-2, float32) at batch 1, 64 and 1024 it checks the GPU
result against NumPy, prints which kernel variant ran (grid-sync or block-per-row-group, with
grid and block size) and microseconds per call for: NumPy eager on the CPU, the hybridized
net with NumPy input/output (copies included) and with device-resident input and output (one
kernel launch, synchronized), and PyTorch eager / ``torch.jit.script`` on the GPU when torch
is installed. Exit status 1 when a result differs or no GPU is found.
Not part of ``make bench``: CI has no GPU (the simulator test is tests/test_hybrid_cuda.py).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.mlp import BATCHES, SIZES, get_net, torch_model  # noqa: E402


def per_call_us(fn: Any, arg: Any, calls: int, sync: Any) -> float:
    """Best of 5 runs of ``calls`` calls, synchronizing the device at the end of each."""
    fn(arg)
    sync()
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(calls):
            fn(arg)
        sync()
        best = min(best, time.perf_counter() - start)
    return best / calls * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=1000)
    parser.add_argument("--batches", type=int, nargs="+", default=list(BATCHES))
    args = parser.parse_args()
    from numba import cuda

    import astc

    if not cuda.is_available():
        print("no CUDA GPU (numba.cuda.is_available() is false)")
        return 1
    device = getattr(cuda, "get_current_device", None)
    print(f"device: {device().name if device else 'CUDA simulator'}")
    net = get_net()
    hybrid = astc.hybridize(net, target="cuda")
    print(hybrid.report.entries[-1].format("gpu_hybrid"))
    failed = False
    torch_models: list[tuple[str, Any]] = []
    try:
        import torch

        model = torch_model(net).cuda()
        torch_models = [
            ("PyTorch eager (GPU)", model),
            ("torch.jit.script (GPU)", torch.jit.script(model)),
        ]
    except ImportError:
        print("torch not installed: no PyTorch rows")
    results: dict[str, list[float]] = {}
    reported = 0  # fallbacks (kernel variants given up) already printed
    for batch in args.batches:
        x = np.random.default_rng(batch).standard_normal((batch, SIZES[0])).astype(np.float32)
        want = net(x)
        d_x = cuda.to_device(x)
        got_host = hybrid(x)
        got_dev = hybrid(d_x).copy_to_host()
        print(f"batch {batch}: kernel variant {getattr(hybrid, 'variant', 'CPU (no CUDA kernel)')}")
        for given_up in getattr(hybrid, "fallbacks", [])[reported:]:
            print(f"  gave up {given_up}")
        reported = len(getattr(hybrid, "fallbacks", []))
        for label, got in (("numpy in/out", got_host), ("device in/out", got_dev)):
            if got.dtype != want.dtype or not np.allclose(got, want, rtol=1e-4, atol=1e-5):
                print(f"MISMATCH at batch {batch} ({label}): max error {np.abs(got - want).max()}")
                failed = True
        calls = args.calls if batch < 1024 else max(10, args.calls // 10)
        timings = {
            "NumPy eager (CPU)": per_call_us(net, x, calls, lambda: None),
            "astc cuda, NumPy in/out": per_call_us(hybrid, x, calls, cuda.synchronize),
            "astc cuda, device in/out": per_call_us(hybrid, d_x, calls, cuda.synchronize),
        }
        if hasattr(hybrid, "into"):  # the caller's output buffer: no allocation per call
            d_out = cuda.device_array(want.shape, want.dtype)
            hybrid.into(d_x, d_out)
            timings["astc cuda, into(d_x, d_out)"] = per_call_us(
                lambda d, out=d_out: hybrid.into(d, out), d_x, calls, cuda.synchronize
            )
        if torch_models:
            import torch

            t_x = torch.from_numpy(x).cuda()
            for label, model in torch_models:
                with torch.no_grad():
                    timings[label] = per_call_us(model, t_x, calls, torch.cuda.synchronize)
        for label, us in timings.items():
            results.setdefault(label, []).append(us)
    print(f"\nmicroseconds per call ({args.calls} calls; 1/10 of them at batch 1024)")
    print(f"{'variant':28}" + "".join(f"{f'batch {b}':>14}" for b in args.batches))
    for label, values in results.items():
        print(f"{label:28}" + "".join(f"{v:14,.1f}" for v in values))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
