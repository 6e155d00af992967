"""Backends: hand hot numeric functions of a compiled module to Numba (CPU and CUDA).

:func:`kernel` is the marker users put on functions; see ``docs/kernels.md``.
"""

from astc.backends.marker import kernel

__all__ = ["kernel"]
