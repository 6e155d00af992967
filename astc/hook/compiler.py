"""The cold path: turn a module's source bytes into astc-compiled code (imports LibCST)."""

from __future__ import annotations

import ast
from types import CodeType

from astc.api import compile_source
from astc.frontend.source import decode_source
from astc.hook.lines import LineMap, remap
from astc.options import Options


class CannotCompile(Exception):
    """astc could not compile a module that Python itself compiles (the message says why)."""


def _python_compiles(data: bytes, path: str) -> bool:
    try:
        compile(data, path, "exec", dont_inherit=True)
    except (SyntaxError, ValueError):
        return False
    return True


def compile_module(data: bytes, path: str, options: Options) -> CodeType | None:
    """Code for the module whose source file ``path`` holds ``data``, compiled by astc.

    The code carries ``path`` as its file name and the source's line numbers
    (:mod:`astc.hook.lines`), so tracebacks, ``linecache`` and ``inspect`` show the user's
    file. Returns None when the source is not valid Python: the plain import then raises
    exactly the error it always raised. Raises :class:`CannotCompile` when the source is
    valid Python that astc cannot compile, and anything else on an internal failure: the
    loader then imports the module plain, with a warning.
    """
    try:
        source = decode_source(data)
    except (SyntaxError, UnicodeDecodeError, LookupError):
        return None
    result = compile_source(source, filename=path, options=options)
    if result.code is None:
        if not _python_compiles(data, path):
            return None
        raise CannotCompile("; ".join(d.format() for d in result.diagnostics) or "no output")
    if not result.changed:  # nothing to gain: compile the user's bytes themselves
        return compile(data, path, "exec", dont_inherit=True)
    tree = ast.parse(result.code, filename=path)
    remap(tree, LineMap(source, result.code))
    code: CodeType = compile(tree, path, "exec", dont_inherit=True)
    return code
