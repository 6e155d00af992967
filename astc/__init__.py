"""astc: a source-to-source compiler for Python.

>>> import astc
>>> result = astc.compile_source("print(2 * 21)\\n")
>>> result.code.splitlines()[1]
'print(42)'
"""

from typing import TYPE_CHECKING, Any

from astc._version import __version__
from astc.api import compile_file, compile_source
from astc.backends.marker import kernel
from astc.benchmark import Benchmark
from astc.diagnostics import Code, CompileResult, Diagnostic, Report, ReportEntry
from astc.options import PASS_NAMES, Options

__all__ = [
    "PASS_NAMES",
    "Benchmark",
    "Code",
    "CompileResult",
    "Diagnostic",
    "HybridizationWarning",
    "Hybridizable",
    "Hybridized",
    "Options",
    "Report",
    "ReportEntry",
    "__version__",
    "compile_file",
    "compile_source",
    "hybridize",
    "kernel",
]

if TYPE_CHECKING:
    from astc.hybrid import Hybridizable, HybridizationWarning, Hybridized, hybridize

_LAZY = {"hybridize", "Hybridized", "Hybridizable", "HybridizationWarning"}


def __getattr__(name: str) -> Any:
    # astc.hybrid needs NumPy: imported on first use, so the compiler CLI starts fast.
    if name in _LAZY:
        import astc.hybrid

        return getattr(astc.hybrid, name)
    raise AttributeError(f"module 'astc' has no attribute {name!r}")
