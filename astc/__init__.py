"""astc: a source-to-source compiler for Python.

>>> import astc
>>> result = astc.compile_source("print(2 * 21)\\n")
>>> result.code.splitlines()[1]
'print(42)'
"""

from astc._version import __version__
from astc.api import compile_file, compile_source
from astc.backends.marker import kernel
from astc.diagnostics import Code, CompileResult, Diagnostic, Report, ReportEntry
from astc.options import PASS_NAMES, Options

__all__ = [
    "PASS_NAMES",
    "Code",
    "CompileResult",
    "Diagnostic",
    "Options",
    "Report",
    "ReportEntry",
    "__version__",
    "compile_file",
    "compile_source",
    "kernel",
]
