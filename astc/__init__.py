"""astc: a source-to-source compiler for Python.

>>> import astc
>>> result = astc.compile_source("print(2 * 21)\\n")
>>> result.code.splitlines()[1]
'print(42)'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from astc._version import __version__

if TYPE_CHECKING:
    from astc.api import compile_file, compile_source
    from astc.backends.marker import kernel
    from astc.benchmark import Benchmark
    from astc.diagnostics import Code, CompileResult, Diagnostic, Report, ReportEntry
    from astc.hook import install, uninstall
    from astc.hybrid import Hybridizable, HybridizationWarning, Hybridized, hybridize
    from astc.options import PASS_NAMES, Options

#: Where each public name lives. They are loaded on first use (PEP 562): astc.api pulls in
#: LibCST (~0.25 s), astc.hybrid NumPy, astc.options json; the import hook's start-up, which
#: imports this package, must cost almost nothing and leave modules it may compile unimported.
_EXPORTS = {
    "compile_file": "astc.api",
    "compile_source": "astc.api",
    "kernel": "astc.backends.marker",
    "Benchmark": "astc.benchmark",
    "Code": "astc.diagnostics",
    "CompileResult": "astc.diagnostics",
    "Diagnostic": "astc.diagnostics",
    "Report": "astc.diagnostics",
    "ReportEntry": "astc.diagnostics",
    "install": "astc.hook",
    "uninstall": "astc.hook",
    "hybridize": "astc.hybrid",
    "Hybridized": "astc.hybrid",
    "Hybridizable": "astc.hybrid",
    "HybridizationWarning": "astc.hybrid",
    "PASS_NAMES": "astc.options",
    "Options": "astc.options",
}

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
    "install",
    "kernel",
    "uninstall",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'astc' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
